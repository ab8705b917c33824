"""Base classes for the wizard's screens and dialogs."""

from __future__ import annotations

from textual.binding import Binding
from textual.screen import ModalScreen, Screen
from textual.widget import Widget
from textual.widgets import Input

from planwizard.tui import texts


def focus_now(widget: Widget, scroll_visible: bool = True) -> None:
    """Move the focus at once (``Widget.focus`` waits a turn, and keys typed fast in that
    turn would land in the old field)."""
    widget.screen.set_focus(widget, scroll_visible=scroll_visible)


class FieldInput(Input):
    """A form field: Enter moves on to the next field (at once, see ``focus_now``)."""

    async def action_submit(self) -> None:
        self.screen.focus_next()


def settle_widgets(screen: Screen) -> None:
    """Apply app-wide widget settings (no cursor blink in tests and snapshots)."""
    if not getattr(screen.app, "cursor_blink", True):
        for widget in screen.query("Input, TextArea"):
            widget.cursor_blink = False  # type: ignore[attr-defined]


class WizardScreen(Screen):
    """A full screen of the wizard."""

    def on_mount(self) -> None:
        settle_widgets(self)


class Dialog(ModalScreen):
    """A modal dialog that Escape closes without a result."""

    BINDINGS = [Binding("escape", "cancel", texts.KEY_BACK, id="dialog-cancel")]

    def on_mount(self) -> None:
        from textual.widgets import Footer

        # The screen below shows its own keys; a dialog shows what works in the dialog.
        self.mount(Footer(compact=True))
        settle_widgets(self)

    def action_cancel(self) -> None:
        self.dismiss(None)
