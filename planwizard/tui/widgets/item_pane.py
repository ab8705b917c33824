"""The current item: question, guidance, status, notes, actions and related examples."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.message import Message
from textual.widgets import Collapsible, DataTable, Input, SelectionList, Static, TextArea
from textual.widgets.selection_list import Selection

from planwizard.model import Action, Item
from planwizard.tui import texts
from planwizard.tui.messages import PlanChanged
from planwizard.tui.session import Session, parse_date
from planwizard.tui.widgets.status import StatusChoice


def field_title(title: str, hint: str, *, below: bool = False) -> Static:
    """A field's title in bold with its key hint beside (or below) it."""
    text = Text(title, style="bold")
    text.append(("\n" if below else "  ") + hint, style="dim")
    return Static(text, classes="field-title")


class ActionsTable(DataTable):
    """The item's actions, one row each; keys to add, edit and remove rows."""

    BINDINGS = [
        # Not in the footer (it is full at 80 columns); the hint above the table names them.
        Binding("a,plus,insert", "add", texts.KEY_ADD_ACTION, id="action-add", show=False),
        Binding("enter", "edit", texts.KEY_EDIT_ACTION, id="action-edit", show=False),
        Binding("delete,backspace", "remove", texts.KEY_REMOVE_ACTION, id="action-remove", show=False),
    ]

    # The screen opens the dialog at once (not through a message), so keys typed right
    # after "a" go to the dialog and not to this table.
    def action_add(self) -> None:
        self.screen.edit_actions("add", None)  # type: ignore[attr-defined]

    def action_edit(self) -> None:
        if self.row_count:
            self.screen.edit_actions("edit", self.cursor_row)  # type: ignore[attr-defined]

    def action_remove(self) -> None:
        if self.row_count:
            self.screen.edit_actions("remove", self.cursor_row)  # type: ignore[attr-defined]


class GuidanceBox(Collapsible):
    """The item's guidance, folded open or closed; tells when the user toggles it."""

    @dataclass
    class UserToggled(Message):
        collapsed: bool

    def _on_collapsible_title_toggle(self, event) -> None:
        super()._on_collapsible_title_toggle(event)
        self.post_message(self.UserToggled(self.collapsed))

    def set_quietly(self, collapsed: bool) -> None:
        """Fold open or closed without messages or scrolling (used when switching items)."""
        self.set_reactive(Collapsible.collapsed, collapsed)
        self._update_collapsed(collapsed)


class NotesArea(TextArea):
    """The item's free text; a multi-line field where Tab moves on."""


class ExampleChoices(SelectionList[str]):
    """Examples related to the item; a tick means attached to it."""


class ItemPane(Vertical):
    """One item: heading and question stay in view, everything else scrolls below them."""

    def __init__(self, session: Session, **kwargs) -> None:
        super().__init__(**kwargs)
        self.session = session
        self.item: Item | None = None
        self.guidance_open: bool | None = None
        """The user's own choice for the guidance (None: follow the item's state)."""

    def compose(self) -> ComposeResult:
        read_only = self.session.read_only
        yield Static(id="item-heading")
        yield Static(id="item-question")
        # Not a Tab stop of its own: Tab from the list goes straight to the status choice.
        with VerticalScroll(id="item-body", can_focus=False):
            yield from self._body(read_only)

    def _body(self, read_only: bool) -> ComposeResult:
        yield Static(id="item-meta")
        yield Static(id="item-skipped", classes="notice")
        yield field_title(texts.STATUS_TITLE, texts.STATUS_HINT)
        yield StatusChoice(id="status", disabled=read_only)
        with GuidanceBox(title=texts.GUIDANCE, collapsed=False, id="guidance"):
            yield Static(id="item-guidance")
        with Vertical(id="reference"):
            # Only for items that ask for a peildatum and a source (such as the national status).
            yield field_title(texts.REFERENCE_TITLE, texts.REFERENCE_HINT, below=True)
            yield Input(placeholder=texts.AS_OF_PLACEHOLDER, id="as-of", max_length=10, compact=True,
                        disabled=read_only)
            yield Static(id="as-of-feedback", classes="hint")
            yield Input(placeholder=texts.SOURCE_PLACEHOLDER, id="source", max_length=500, compact=True,
                        disabled=read_only)
        yield field_title(texts.NOTES_TITLE, texts.NOTES_HINT, below=True)
        yield NotesArea(
            id="notes", soft_wrap=True, tab_behavior="focus", show_line_numbers=False, read_only=read_only
        )
        yield field_title(texts.ACTIONS_TITLE, texts.ACTIONS_HINT)
        yield ActionsTable(id="actions", cursor_type="row", zebra_stripes=True, show_cursor=True)
        yield Static(texts.ACTIONS_EMPTY, id="actions-empty", classes="hint")
        yield field_title(texts.EXAMPLES_TITLE, texts.EXAMPLES_HINT)
        yield ExampleChoices(id="examples", disabled=read_only)
        yield Static(texts.EXAMPLES_NONE, id="examples-none", classes="hint")

    def on_mount(self) -> None:
        table = self.query_one(ActionsTable)
        for key, title in zip(("what", "owner", "due"), texts.ACTION_COLUMNS):
            table.add_column(title, key=key, width=self._widths()[key])

    def _widths(self) -> dict[str, int]:
        width = max(self.size.width, 50) if self.size.width else 50
        due, owner = 10, 12
        return {"what": max(14, width - due - owner - 10), "owner": owner, "due": due}

    def on_resize(self) -> None:
        table = self.query_one(ActionsTable)
        widths = self._widths()
        changed = False
        for key, column in table.columns.items():
            want = widths.get(str(key.value))
            if want and column.width != want:
                column.width = want
                changed = True
        if changed and self.item is not None:
            self._fill_actions(self.item)

    # ------------------------------------------------------------ showing

    def show(self, item: Item) -> None:
        """Fill every field for ``item`` (no change messages are posted)."""
        self.item = item
        session = self.session
        theme = session.theme_of(item)
        n, total = session.position(item)
        theme_no = session.themes.index(theme) + 1
        self.query_one("#item-heading", Static).update(
            Text(texts.item_heading(theme_no, theme.title, n, total), no_wrap=True, overflow="ellipsis"))
        self.query_one("#item-question", Static).update(Text(item.question.strip()))
        self.query_one("#item-meta", Static).update(Text(texts.item_meta(item.kind, item.level)))
        self.query_one("#item-guidance", Static).update(Text(" ".join(item.guidance.split())))
        guidance = self.query_one(GuidanceBox)
        guidance.display = bool(item.guidance.strip())
        # Open for items still to answer, closed once answered, unless the user chose.
        answered = session.plan.status(item.id) is not None
        guidance.set_quietly(self.guidance_open is False or (self.guidance_open is None and answered))
        self.refresh_skipped()
        answer = session.answer(item.id)
        self.query_one(StatusChoice).set_status(answer.status if answer else None)
        notes = self.query_one(NotesArea)
        with self.prevent(TextArea.Changed):
            notes.load_text(answer.notes if answer else "")
        self._fill_reference(item)
        self._fill_actions(item)
        self._fill_examples(item)
        self.query_one("#item-body").scroll_home(animate=False)

    def _fill_reference(self, item: Item) -> None:
        answer = self.session.answer(item.id)
        box = self.query_one("#reference")
        box.display = item.dated or bool(answer and (answer.as_of or answer.source))
        with self.prevent(Input.Changed):
            self.query_one("#as-of", Input).value = texts.short_date(answer.as_of) if answer else ""
            self.query_one("#source", Input).value = answer.source if answer else ""
        self.query_one("#as-of-feedback", Static).update(
            Text(texts.date_ok(answer.as_of)) if answer and answer.as_of else "")

    def refresh_skipped(self) -> None:
        item = self.item
        if item is None:
            return
        notice = self.query_one("#item-skipped", Static)
        skipped = not self.session.plan.applies(item)
        notice.display = skipped
        if skipped and item.when is not None:
            other = self.session.item(item.when.item)
            notice.update(Text(texts.skipped_notice(other.question.strip(), list(item.when.statuses), item.when.negate)))

    def _fill_actions(self, item: Item) -> None:
        table = self.query_one(ActionsTable)
        row = table.cursor_row
        table.clear()
        answer = self.session.answer(item.id)
        actions = answer.actions if answer else []
        for index, action in enumerate(actions):
            table.add_row(
                Text(action.what), Text(action.owner), Text(texts.short_date(action.due)), key=str(index), height=None
            )
        self.query_one("#actions-empty").display = not actions
        if actions:
            table.move_cursor(row=min(max(row, 0), len(actions) - 1))

    def _fill_examples(self, item: Item) -> None:
        choices = self.query_one(ExampleChoices)
        attached = set(self.session.attached(item.id))
        related = self.session.related(item)
        choices.clear_options()
        choices.add_options(
            [Selection(Text(f"{e.title} ({e.where})" if e.where else e.title), e.id, e.id in attached) for e in related]
        )
        choices.display = bool(related)
        self.query_one("#examples-none").display = not related

    def refresh_examples(self) -> None:
        if self.item is not None:
            self._fill_examples(self.item)

    def refresh_actions(self) -> None:
        if self.item is not None:
            self._fill_actions(self.item)

    @on(GuidanceBox.UserToggled)
    def _guidance_toggled(self, event: GuidanceBox.UserToggled) -> None:
        event.stop()
        self.guidance_open = not event.collapsed

    # ------------------------------------------------------------ editing

    @on(StatusChoice.Changed)
    def _status_changed(self, event: StatusChoice.Changed) -> None:
        event.stop()
        if self.item is None or self.session.read_only:
            return
        if self.session.set_status(self.item.id, event.status):
            self.post_message(PlanChanged(self.item.id, immediate=True, refresh_tree=True))

    @on(TextArea.Changed, "#notes")
    def _notes_changed(self, event: TextArea.Changed) -> None:
        event.stop()
        if self.item is None or self.session.read_only:
            return
        answer = self.session.answer(self.item.id)
        text = event.text_area.text
        if (answer.notes if answer else "") == text:
            return
        if self.session.set_notes(self.item.id, text):
            self.app.notify(texts.ERR_NOTES_CUT, severity="warning")
        self.post_message(PlanChanged(self.item.id))

    @on(Input.Changed, "#as-of")
    def _as_of_changed(self, event: Input.Changed) -> None:
        event.stop()
        if self.item is None or self.session.read_only:
            return
        feedback = self.query_one("#as-of-feedback", Static)
        try:
            day = parse_date(event.value)
        except ValueError as exc:
            feedback.update(Text(str(exc)))  # not stored until it is a date
            return
        feedback.update(Text(texts.date_ok(day)) if day else "")
        if self.session.set_as_of(self.item.id, day):
            self.post_message(PlanChanged(self.item.id))

    @on(Input.Changed, "#source")
    def _source_changed(self, event: Input.Changed) -> None:
        event.stop()
        if self.item is None or self.session.read_only:
            return
        if self.session.set_source(self.item.id, event.value):
            self.post_message(PlanChanged(self.item.id))

    @on(Input.Submitted, "#as-of, #source")
    def _next_field(self, event: Input.Submitted) -> None:
        event.stop()
        self.screen.focus_next()

    @on(SelectionList.SelectionToggled, "#examples")
    def _example_toggled(self, event: SelectionList.SelectionToggled) -> None:
        event.stop()
        if self.item is None or self.session.read_only:
            return
        self.toggle_example(event.selection.value)

    def toggle_example(self, example_id: str) -> None:
        """Attach an example to the current item, or detach it; says which, and saves."""
        assert self.item is not None
        attached = self.session.toggle_example(self.item.id, example_id)
        title = self.session.all_examples()[example_id].title
        self.app.notify(texts.example_attached(title) if attached else texts.example_detached(title), timeout=2)
        self.post_message(PlanChanged(self.item.id, immediate=True))

    def apply_action(self, index: int | None, action: Action) -> None:
        """Store an added (index None) or edited action and show it."""
        assert self.item is not None
        if index is None:
            index = self.session.add_action(self.item.id, action)
        else:
            self.session.replace_action(self.item.id, index, action)
        self._fill_actions(self.item)
        self.query_one(ActionsTable).move_cursor(row=index)
        self.post_message(PlanChanged(self.item.id, immediate=True))

    def remove_action(self, index: int) -> None:
        assert self.item is not None
        self.session.remove_action(self.item.id, index)
        self._fill_actions(self.item)
        self.post_message(PlanChanged(self.item.id, immediate=True))
