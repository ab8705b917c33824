"""Small dialogs: an action, a confirmation, a lock conflict, a file to open, an own example,
the plan's facts, and the list of problems when a file cannot be opened."""

from __future__ import annotations

from pathlib import Path

from rich.table import Table
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.suggester import Suggester
from textual.widgets import Button, Checkbox, Footer, Header, Input, Label, Static, TextArea

from planwizard.errors import Problem
from planwizard.model import Action, Example
from planwizard.tui import texts
from planwizard.tui.paths import PLAN_SUFFIXES, UNCONFINED, OutsideFolder, PathPolicy
from planwizard.tui.screens.base import Dialog, FieldInput, WizardScreen, focus_now
from planwizard.tui.session import parse_date


def form_row(label: str, field, *, row_id: str | None = None) -> Horizontal:
    """A one-line form row: a fixed-width label and a compact field."""
    return Horizontal(Label(label, classes="form-label"), field, classes="form-row", id=row_id)


# ------------------------------------------------------------------ action


class ActionDialog(Dialog):
    """Add or edit an action: what, owner and due date (checked while typing)."""

    def __init__(self, action: Action | None = None) -> None:
        super().__init__()
        self.action = action

    def compose(self) -> ComposeResult:
        action = self.action
        with Vertical(classes="dialog", id="action-dialog"):
            yield Static(texts.ACTION_EDIT if action else texts.ACTION_NEW, classes="dialog-title")
            yield Label(texts.ACTION_WHAT)
            yield FieldInput(action.what if action else "", id="what", max_length=2000)
            yield Static("", id="what-error", classes="error")
            yield Label(texts.ACTION_OWNER)
            yield FieldInput(action.owner if action else "", placeholder=texts.ACTION_OWNER_PLACEHOLDER,
                             id="owner", max_length=500)
            yield Label(texts.ACTION_DUE)
            yield Input(texts.short_date(action.due) if action else "", placeholder=texts.ACTION_DUE_PLACEHOLDER,
                        id="due", max_length=20)
            yield Static("", id="due-feedback")
            with Horizontal(classes="buttons"):
                yield Button(texts.SAVE, variant="primary", id="ok", compact=True)
                yield Button(texts.CANCEL, id="cancel", compact=True)

    def on_mount(self) -> None:
        self._check_due(self.query_one("#due", Input).value)

    @on(Input.Changed, "#due")
    def _due_changed(self, event: Input.Changed) -> None:
        self._check_due(event.value)

    @on(Input.Changed, "#what")
    def _what_changed(self, event: Input.Changed) -> None:
        if event.value.strip():
            self.query_one("#what-error", Static).update("")

    def _check_due(self, value: str) -> bool:
        feedback = self.query_one("#due-feedback", Static)
        try:
            day = parse_date(value)
        except ValueError as exc:
            feedback.update(Text(str(exc)))
            feedback.set_class(True, "error")
            return False
        feedback.set_class(False, "error")
        feedback.update(Text(texts.date_ok(day) if day else ""))
        return True

    @on(Input.Submitted, "#due")
    @on(Button.Pressed, "#ok")
    def _submit(self) -> None:
        what = self.query_one("#what", Input)
        due = self.query_one("#due", Input)
        if not what.value.strip():
            self.query_one("#what-error", Static).update(texts.ERR_ACTION_WHAT)
            focus_now(what)
            return
        if not self._check_due(due.value):
            focus_now(due)
            return
        self.dismiss(Action(what.value.strip(), self.query_one("#owner", Input).value.strip(), parse_date(due.value)))

    @on(Button.Pressed, "#cancel")
    def _cancel(self) -> None:
        self.dismiss(None)


# ------------------------------------------------------------------ confirm and lock


class ConfirmDialog(Dialog):
    """A yes/no question; returns True for yes."""

    def __init__(self, question: str, yes: str) -> None:
        super().__init__()
        self.question = question
        self.yes = yes

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog small"):
            yield Static(Text(self.question), classes="dialog-title")
            with Horizontal(classes="buttons"):
                yield Button(self.yes, variant="error", id="yes", compact=True)
                yield Button(texts.CANCEL, id="no", compact=True)

    def on_mount(self) -> None:
        self.query_one("#no", Button).focus()

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")


class ConflictDialog(Dialog):
    """The file changed on disk: overwrite it with the wizard's version, or open it again."""

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="conflict-dialog"):
            yield Static(texts.CONFLICT_TITLE, classes="dialog-title")
            yield Static(texts.CONFLICT_TEXT)
            with Horizontal(classes="buttons"):
                yield Button(texts.CONFLICT_RELOAD, variant="primary", id="reload", compact=True)
                yield Button(texts.CONFLICT_OVERWRITE, variant="warning", id="overwrite", compact=True)

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id)


class LockedDialog(Dialog):
    """The plan is open elsewhere: open it read-only, or go back."""

    def __init__(self, path: str, message: str, title: str = texts.LOCKED_TITLE) -> None:
        super().__init__()
        self.path = path
        self.message = message
        self.heading = title

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="locked-dialog"):
            yield Static(self.heading, classes="dialog-title")
            yield Static(Text(f"{self.path} {self.message}"), id="locked-message")
            with Horizontal(classes="buttons"):
                yield Button(texts.LOCKED_READ_ONLY, variant="primary", id="read-only", compact=True)
                yield Button(texts.LOCKED_BACK, id="back", compact=True)

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss("read_only" if event.button.id == "read-only" else None)


# ------------------------------------------------------------------ open a file


class PathSuggester(Suggester):
    """Completes a typed path with the first matching entry in its folder that may be reached."""

    def __init__(self, paths: PathPolicy = UNCONFINED, *, folders_only: bool = False,
                 suffixes: tuple[str, ...] = PLAN_SUFFIXES) -> None:
        super().__init__(use_cache=False, case_sensitive=True)
        self.paths = paths
        self.folders_only = folders_only
        self.suffixes = suffixes

    async def get_suggestion(self, value: str) -> str | None:
        return self.paths.complete(value, folders_only=self.folders_only, suffixes=self.suffixes)


def take_path_suggestion(widget: object) -> bool:
    """Complete a path field with the completion it shows in grey, as Tab does in a shell.

    True when it did; False (Tab moves on) when ``widget`` is no path field, nothing is
    shown, or the cursor is not at the end of the typed text.
    """
    if not isinstance(widget, Input) or not isinstance(widget.suggester, PathSuggester):
        return False
    shown = widget._suggestion  # Textual keeps the grey completion here; it is what → would take
    if len(shown) <= len(widget.value) or not widget.cursor_at_end:
        return False
    widget.action_cursor_right()
    return True


def check_plan_path(value: str, paths: PathPolicy = UNCONFINED) -> tuple[Path | None, str]:
    """The answer file a typed path means, or the Dutch reason it cannot be one."""
    value = value.strip()
    if not value:
        return None, texts.ERR_OPEN_EMPTY
    try:
        path = paths.resolve(value)
    except OutsideFolder as exc:
        return None, str(exc)
    if path.is_dir():
        return None, texts.ERR_OPEN_DIR
    if not path.exists() and not path.parent.is_dir():
        return None, texts.ERR_OPEN_NO_FOLDER
    if not path.exists() and path.suffix.lower() not in PLAN_SUFFIXES:
        return None, texts.ERR_OPEN_SUFFIX
    return path, ""


class OpenFileDialog(Dialog):
    """Type the path of an answer file (with completion); returns the path."""

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="open-dialog"):
            yield Static(texts.OPEN_TITLE, classes="dialog-title")
            yield Static(texts.OPEN_PROMPT)
            yield Input(placeholder=texts.OPEN_PLACEHOLDER, suggester=PathSuggester(self.app.paths), id="path")
            yield Static("", id="open-error", classes="error")
            with Horizontal(classes="buttons"):
                yield Button(texts.OPEN_BUTTON, variant="primary", id="ok", compact=True)
                yield Button(texts.CANCEL, id="cancel", compact=True)

    @on(Input.Submitted)
    @on(Button.Pressed, "#ok")
    def _submit(self) -> None:
        path, error = check_plan_path(self.query_one("#path", Input).value, self.app.paths)
        if path is None:
            self.query_one("#open-error", Static).update(error)
            return
        self.dismiss(path)

    @on(Button.Pressed, "#cancel")
    def _cancel(self) -> None:
        self.dismiss(None)


# ------------------------------------------------------------------ own example


class OwnExampleDialog(Dialog):
    """Write an own example; returns (example, attach to the current item)."""

    def __init__(self, theme_id: str) -> None:
        super().__init__()
        self.theme_id = theme_id

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="own-dialog"):
            yield Static(texts.OWN_TITLE, classes="dialog-title")
            yield form_row(texts.OWN_NAME, FieldInput(id="own-title", compact=True, max_length=500))
            yield form_row(texts.OWN_WHERE, FieldInput(id="own-where", placeholder=texts.OWN_WHERE_PLACEHOLDER,
                                                       compact=True, max_length=500))
            yield form_row(texts.OWN_YEAR, FieldInput(id="own-year", compact=True, max_length=20, type="integer"))
            yield form_row(texts.OWN_SOURCE, FieldInput(id="own-source", placeholder=texts.OWN_SOURCE_PLACEHOLDER,
                                                        compact=True, max_length=2000))
            yield Label(texts.OWN_SUMMARY)
            yield TextArea(id="own-summary", soft_wrap=True, tab_behavior="focus", show_line_numbers=False)
            yield Checkbox(texts.OWN_ATTACH, value=True, id="own-attach", compact=True)
            yield Static("", id="own-error", classes="error")
            with Horizontal(classes="buttons"):
                yield Button(texts.SAVE, variant="primary", id="ok", compact=True)
                yield Button(texts.CANCEL, id="cancel", compact=True)

    @on(Button.Pressed, "#ok")
    def _submit(self) -> None:
        title = self.query_one("#own-title", Input)
        summary = self.query_one("#own-summary", TextArea)
        error = self.query_one("#own-error", Static)
        if not title.value.strip():
            error.update(texts.ERR_OWN_TITLE)
            focus_now(title)
            return
        if not summary.text.strip():
            error.update(texts.ERR_OWN_SUMMARY)
            focus_now(summary)
            return
        example = Example(
            id="",
            title=title.value,
            where=self.query_one("#own-where", Input).value,
            themes=(self.theme_id,),
            summary=summary.text,
            source=self.query_one("#own-source", Input).value,
            year=self.query_one("#own-year", Input).value,
            own=True,
        )
        self.dismiss((example, self.query_one("#own-attach", Checkbox).value))

    @on(Button.Pressed, "#cancel")
    def _cancel(self) -> None:
        self.dismiss(None)


# ------------------------------------------------------------------ plan facts


class PlanInfoDialog(Dialog):
    """Change the title page facts and the region; returns a dict of fields."""

    FIELDS = (
        ("title", texts.NEW_PLAN_TITLE),
        ("period", texts.NEW_PERIOD),
        ("author", texts.NEW_AUTHOR),
        ("organisation", texts.NEW_ORGANISATION),
        ("region", texts.NEW_REGION),
        ("central_municipality", texts.NEW_CENTRAL),
    )

    def __init__(self, values: dict[str, str]) -> None:
        super().__init__()
        self.values = values

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="info-dialog"):
            yield Static(texts.CMD_PLAN_INFO, classes="dialog-title")
            for key, label in self.FIELDS:
                yield form_row(label, Input(self.values.get(key, ""), id=f"info-{key}", compact=True, max_length=500))
            with Horizontal(classes="buttons"):
                yield Button(texts.SAVE, variant="primary", id="ok", compact=True)
                yield Button(texts.CANCEL, id="cancel", compact=True)

    @on(Input.Submitted)
    @on(Button.Pressed, "#ok")
    def _submit(self) -> None:
        self.dismiss({key: self.query_one(f"#info-{key}", Input).value for key, _ in self.FIELDS})

    @on(Button.Pressed, "#cancel")
    def _cancel(self) -> None:
        self.dismiss(None)


# ------------------------------------------------------------------ problems


class ProblemsScreen(WizardScreen):
    """Why a file could not be opened: every problem with its line and column."""

    BINDINGS = [Binding("escape", "back", texts.KEY_BACK, id="problems-back")]

    def __init__(self, path: str, problems: list[Problem], title: str = texts.PROBLEMS_TITLE,
                 intro: str = texts.PROBLEMS_INTRO, back: str = texts.PROBLEMS_BACK) -> None:
        super().__init__()
        self.path = path
        self.problems = problems
        self.heading = title
        self.intro = intro
        self.back = back

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="problems"):
            yield Static(self.heading, classes="dialog-title")
            yield Static(Text(self.path), id="problems-path")
            yield Static(self.intro)
            with VerticalScroll(id="problems-list", can_focus=True):
                for problem in self.problems:
                    where = "" if problem.path in ("", self.path) else f"{problem.path}: "
                    line = texts.problem_line(problem.line, problem.col, problem.message)
                    grid = Table.grid(padding=(0, 1))
                    grid.add_column(width=1)
                    grid.add_column(ratio=1, overflow="fold")
                    grid.add_row("•", Text(f"{where}{line}"))
                    yield Static(grid, classes="problem")
            with Horizontal(classes="buttons"):
                yield Button(self.back, variant="primary", id="back", compact=True)
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one("#back", Button).focus()

    @on(Button.Pressed, "#back")
    def action_back(self) -> None:
        self.dismiss(None)
