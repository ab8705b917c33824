"""Base classes for the wizard's screens and dialogs."""

from __future__ import annotations

from textual.binding import Binding
from textual.screen import ModalScreen, Screen

from planwizard.tui import texts


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
