"""The status choice of an item: four options, chosen with arrows and Enter or with 1-4."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget

from planwizard import labels
from planwizard.model import STATUSES
from planwizard.tui import texts


class StatusChoice(Widget, can_focus=True):
    """Radio-style choice of Geregeld / Deels geregeld / Nog te doen / Niet van toepassing.

    Unlike a RadioSet it can show "nothing chosen yet" and be set from code without
    posting a message, so switching items never looks like an edit.
    """

    # Priority (they count only while this choice has focus): the key is handled when it comes
    # in, not after keys that arrived with it in one read, such as "3", Tab, Tab and the notes.
    BINDINGS = [
        Binding("up,k", "move(-1)", "Omhoog", show=False, priority=True),
        Binding("down,j", "move(1)", "Omlaag", show=False, priority=True),
        Binding("enter,space", "choose", "Kiezen", show=False, priority=True),
        Binding("1", "pick(0)", labels.STATUS["done"], show=False, priority=True),
        Binding("2", "pick(1)", labels.STATUS["partial"], show=False, priority=True),
        Binding("3", "pick(2)", labels.STATUS["todo"], show=False, priority=True),
        Binding("4", "pick(3)", labels.STATUS["not_applicable"], show=False, priority=True),
        Binding("delete,backspace", "clear", texts.KEY_STATUS_CLEAR, show=False, priority=True),
    ]
    COMPONENT_CLASSES = {"status-choice--cursor", "status-choice--chosen"}

    status: reactive[str | None] = reactive(None)
    cursor: reactive[int] = reactive(0)

    @dataclass
    class Changed(Message):
        """The user chose a status (None: cleared)."""

        choice: StatusChoice
        status: str | None

        @property
        def control(self) -> StatusChoice:
            return self.choice

    def set_status(self, status: str | None) -> None:
        """Show ``status`` without posting Changed (used when switching items)."""
        self.status = status
        self.cursor = STATUSES.index(status) if status in STATUSES else 0

    def render(self) -> Text:
        text = Text(no_wrap=True, overflow="ellipsis")
        cursor_style = self.get_component_rich_style("status-choice--cursor")
        chosen_style = self.get_component_rich_style("status-choice--chosen")
        for index, key in enumerate(STATUSES):
            on = key == self.status
            line = Text(f"({'•' if on else ' '}) {index + 1} {labels.STATUS[key]}")
            if on:
                line.stylize(chosen_style)
            if self.has_focus and index == self.cursor:
                line.stylize(cursor_style)
            text.append_text(line)
            if index < len(STATUSES) - 1:
                text.append("\n")
        return text

    def _choose(self, status: str | None) -> None:
        if self.disabled:
            return
        changed = status != self.status
        self.status = status
        if status in STATUSES:
            self.cursor = STATUSES.index(status)
        if changed:
            self.post_message(self.Changed(self, status))

    def action_move(self, delta: int) -> None:
        self.cursor = (self.cursor + delta) % len(STATUSES)

    def action_choose(self) -> None:
        self._choose(STATUSES[self.cursor])

    def action_pick(self, index: int) -> None:
        self._choose(STATUSES[index])

    def action_clear(self) -> None:
        self._choose(None)

    def on_click(self, event: events.Click) -> None:
        if 0 <= event.y < len(STATUSES):
            self.focus()
            self._choose(STATUSES[event.y])

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()
