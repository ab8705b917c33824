"""Textual's web driver, ending the wizard when ``planwizard serve`` is gone.

textual-serve talks to each wizard over its stdin and stdout. When the server stops
normally it asks the wizard to quit; when the server is killed, the wizard's stdin just
closes. Textual's driver then stops reading and the app would sit there, holding the
plan's lock; this one asks the app to quit, which saves the plan and releases the lock.
"""

from __future__ import annotations

from textual import messages
from textual.drivers.web_driver import WebDriver


class SessionDriver(WebDriver):
    """The web driver, plus: end of input without a goodbye means quit."""

    def run_input_thread(self) -> None:
        try:
            super().run_input_thread()
        finally:
            if not self.exit_event.is_set():  # stdin closed while the app still runs
                self._app.post_message(messages.ExitApp())
