"""The start screen (new plan / open recent / open a file) and the new-plan form."""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Footer, Header, Input, Label, OptionList, Static
from textual.widgets.option_list import Option
from textual.worker import Worker, WorkerState

from planwizard import recent
from planwizard.gemeenten import Gemeente, Registry, registry
from planwizard.tui import texts
from planwizard.tui.paths import PathPolicy
from planwizard.tui.screens.base import FieldInput, WizardScreen, focus_now
from planwizard.tui.screens.dialogs import OpenFileDialog, check_plan_path, form_row
from planwizard.tui.session import display_path, slug


def recent_option(entry: recent.Recent) -> Option:
    """A plan opened before on this computer."""
    where = Path(entry.path)
    line = texts.recent_line(entry.name, where.name, display_path(where.parent), entry.opened_at)
    return Option(Text(line, no_wrap=True, overflow="ellipsis"), id=entry.path)


def folder_options(paths: PathPolicy) -> list[Option]:
    """The plans in the served folder, with when they changed and whether one is open elsewhere."""
    import datetime as dt

    from planwizard.lock import lock_path

    found = []
    for plan in paths.plans():
        try:
            changed = dt.datetime.fromtimestamp(plan.stat().st_mtime)
        except OSError:
            changed = None
        line = texts.folder_plan_line(paths.show(plan), changed, lock_path(plan).exists())
        found.append(Option(Text(line, no_wrap=True, overflow="ellipsis"), id=str(plan)))
    return found


class StartScreen(WizardScreen):
    """Choose: a new plan, a recent plan, or a file."""

    BINDINGS = [
        Binding("n", "new", texts.KEY_NEW, tooltip=texts.KEY_NEW, id="start-new"),
        Binding("o", "open", texts.KEY_OPEN, tooltip=texts.OPEN_PROMPT, id="start-open"),
    ]

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="start"):
            yield Static(texts.START_WELCOME, classes="dialog-title")
            yield Static(texts.START_INTRO, id="start-intro")
            yield Label(texts.START_RECENT, classes="field-title", id="start-list-title")
            yield OptionList(id="recent")
            yield Static(texts.START_NO_RECENT, id="no-recent", classes="hint")
            with Horizontal(classes="buttons"):
                yield Button(f"{texts.START_NEW} (n)", variant="primary", id="new", compact=True)
                yield Button(f"{texts.START_OPEN} (o)", id="open", compact=True)
        yield Footer(compact=True)

    def on_mount(self) -> None:
        if self.app.paths.plan is not None:  # served one plan: no other plans can be made here
            self.query_one("#new", Button).display = False
        self.fill_recent()
        # Load the gemeenten list in the background once the screen is up: it is needed
        # only for a new plan and would otherwise delay the first frame.
        self.set_timer(0.3, lambda: self.run_worker(registry, thread=True, name="gemeenten", exit_on_error=False))

    def on_screen_resume(self) -> None:
        self.fill_recent()

    def fill_recent(self) -> None:
        options = self.query_one("#recent", OptionList)
        options.clear_options()
        if self.app.paths.confined:  # in a browser: the plans of the served folder, not this computer's recent list
            entries = folder_options(self.app.paths)
            self.query_one("#start-list-title", Label).update(texts.START_FOLDER)
            self.query_one("#no-recent", Static).update(texts.START_NO_PLANS)
        else:
            entries = [recent_option(entry) for entry in recent.load()]
        options.add_options(entries)
        options.display = bool(entries)
        self.query_one("#no-recent").display = not entries
        if entries:
            options.highlighted = 0
            options.focus()
        else:
            self.query_one("#new", Button).focus()

    @on(OptionList.OptionSelected, "#recent")
    def _open_recent(self, event: OptionList.OptionSelected) -> None:
        if event.option.id:
            self.app.open_path(Path(event.option.id))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return not (action == "new" and self.app.paths.plan is not None)

    @on(Button.Pressed, "#new")
    def action_new(self) -> None:
        self.app.push_screen(NewPlanScreen())

    @on(Button.Pressed, "#open")
    def action_open(self) -> None:
        def opened(path: Path | None) -> None:
            if path is not None:
                self.app.open_path(path)

        self.app.push_screen(OpenFileDialog(), opened)


class GemeenteInput(Input):
    """The gemeente field: Enter takes the highlighted match at once."""

    async def action_submit(self) -> None:
        self.screen.choose_highlighted()  # type: ignore[attr-defined]


class LastFieldInput(Input):
    """The last field before the file name."""

    async def action_submit(self) -> None:
        self.screen.after_last_field()  # type: ignore[attr-defined]


class NewPlanScreen(WizardScreen):
    """The form for a new plan: gemeente with type-ahead, title page facts, file name."""

    BINDINGS = [
        Binding("escape", "back", texts.KEY_BACK, id="new-back"),
        Binding("down", "matches(1)", show=False),
        Binding("up", "matches(-1)", show=False),
    ]
    TEXT_FIELDS = ("title", "period", "author", "organisation")

    def __init__(self, path: Path | None = None) -> None:
        super().__init__()
        self.fixed_path = path
        self.registry: Registry | None = None
        self.chosen: Gemeente | None = None
        self.touched: set[str] = set()
        self.pending_choice = False

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="new-plan"):
            yield Static(texts.NEW_TITLE, classes="dialog-title")
            yield form_row(texts.NEW_GEMEENTE, GemeenteInput(placeholder=texts.NEW_GEMEENTE_PLACEHOLDER,
                                                             id="gemeente", compact=True, max_length=100))
            yield OptionList(id="matches")
            yield Static(texts.NEW_LOADING, id="gemeente-info", classes="hint")
            yield Button(texts.NEW_TAKE_SUGGESTION, id="take-suggestion", compact=True)
            yield form_row(texts.NEW_REGION, FieldInput(id="region", compact=True, max_length=200))
            yield form_row(texts.NEW_CENTRAL, FieldInput(id="central", compact=True, max_length=200))
            yield form_row(texts.NEW_PLAN_TITLE, FieldInput(id="title", compact=True, max_length=500))
            yield form_row(texts.NEW_PERIOD, FieldInput(id="period", compact=True, max_length=50))
            yield form_row(texts.NEW_AUTHOR, FieldInput(id="author", placeholder=texts.NEW_AUTHOR_PLACEHOLDER, compact=True,
                                                   max_length=200))
            yield form_row(texts.NEW_ORGANISATION, LastFieldInput(id="organisation", compact=True, max_length=200))
            file_input = Input(id="file", compact=True, max_length=1000)
            if self.fixed_path is not None:
                file_input.value = self.app.paths.show(self.fixed_path)
                file_input.disabled = True
            yield form_row(texts.NEW_FILE, file_input)
            yield Static("", id="new-error", classes="error")
            with Horizontal(classes="buttons"):
                yield Button(texts.NEW_CREATE, variant="primary", id="create", compact=True)
                yield Button(texts.KEY_BACK, id="back", compact=True)
            yield Static(texts.NEW_HINT, classes="hint")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        today = self.app.today()
        with self.prevent(Input.Changed):
            self.query_one("#period", Input).value = f"{today.year}-{today.year + 3}"
        self.query_one("#gemeente", Input).focus()
        self.run_worker(registry, thread=True, name="gemeenten", exit_on_error=False)

    # ------------------------------------------------------------ gemeente type-ahead

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker.name != "gemeenten":
            return
        if event.state == WorkerState.SUCCESS:
            self.registry = event.worker.result
            self.query_one("#gemeente-info", Static).update("")
            self._search(self.query_one("#gemeente", Input).value)
            if self.pending_choice:
                self.pending_choice = False
                self.choose_highlighted()
        elif event.state == WorkerState.ERROR:
            self.query_one("#gemeente-info", Static).update(Text(str(event.worker.error)))

    @on(Input.Changed, "#gemeente")
    def _gemeente_typed(self, event: Input.Changed) -> None:
        if self.chosen is not None and event.value != self.chosen.name:
            self.chosen = None
            self.query_one("#take-suggestion", Button).display = False
        self.query_one("#matches", OptionList).display = True
        self._search(event.value)

    def _search(self, query: str) -> None:
        if self.registry is None:
            return
        matches = self.registry.search(query, limit=40)
        options = self.query_one("#matches", OptionList)
        options.clear_options()
        for g in matches:
            line = texts.gemeente_match(g.name, g.region, g.province, g.region_suggested)
            options.add_option(Option(Text(line, no_wrap=True, overflow="ellipsis"), id=g.code))
        if matches:
            options.highlighted = 0
        info = self.query_one("#gemeente-info", Static)
        info.update(texts.NEW_NO_MATCH if query.strip() and not matches else "")

    def action_matches(self, step: int) -> None:
        # Type-ahead: the arrows move through the matches while typing goes on in the field.
        if self.focused is self.query_one("#gemeente", Input):
            options = self.query_one("#matches", OptionList)
            options.action_cursor_down() if step > 0 else options.action_cursor_up()

    def choose_highlighted(self) -> None:
        if self.registry is None:
            self.pending_choice = True  # Enter before the list was loaded: choose once it is
            return
        options = self.query_one("#matches", OptionList)
        if options.option_count and options.highlighted is not None:
            self._choose(options.get_option_at_index(options.highlighted).id)

    @on(OptionList.OptionSelected, "#matches")
    def _gemeente_selected(self, event: OptionList.OptionSelected) -> None:
        self._choose(event.option.id)

    def _choose(self, code: str | None) -> None:
        if self.registry is None or not code:
            return
        from planwizard.answers import new_plan

        gemeente = self.registry.find(code)
        self.chosen = gemeente
        defaults = new_plan(gemeente.name, today=self.app.today(), checklist=self.app.checklist()).info
        certain = gemeente.region_certain
        values = {
            "gemeente": gemeente.name,
            "region": gemeente.region if certain else "",
            "central": gemeente.central_municipality if certain else "",
            "title": defaults.title,
            "organisation": defaults.organisation,
        }
        with self.prevent(Input.Changed):
            for key, value in values.items():
                if key not in self.touched:
                    self.query_one(f"#{key}", Input).value = value
            if self.fixed_path is None and "file" not in self.touched:
                self.query_one("#file", Input).value = self._propose_file(gemeente.name)
        # The matches have done their work; their room goes to what the list says about the region.
        self.query_one("#matches", OptionList).display = False
        region_inputs = [self.query_one("#region", Input), self.query_one("#central", Input)]
        for field in region_inputs:
            field.placeholder = "" if certain else texts.NEW_UNKNOWN
        take = self.query_one("#take-suggestion", Button)
        take.display = gemeente.region_suggested
        if certain:
            message = texts.new_region_known(gemeente.region, gemeente.central_municipality,
                                             gemeente.confidence == "medium")
            focus_now(self.query_one("#author", Input))
        elif gemeente.region_suggested:
            message = texts.new_region_suggested(gemeente.region, gemeente.central_municipality)
            focus_now(take)
        else:
            message = texts.new_region_unknown(gemeente.name)
            focus_now(region_inputs[0])
        if gemeente.note and gemeente.region:
            message += "\n" + gemeente.note
        self.query_one("#gemeente-info", Static).update(Text(message))
        self.query_one("#new-error", Static).update("")

    @on(Button.Pressed, "#take-suggestion")
    def _take_suggestion(self) -> None:
        """The user confirms the region the list only suggests."""
        if self.chosen is None:
            return
        with self.prevent(Input.Changed):
            self.query_one("#region", Input).value = self.chosen.region
            self.query_one("#central", Input).value = self.chosen.central_municipality
        self.query_one("#take-suggestion", Button).display = False
        self.query_one("#gemeente-info", Static).update(
            Text(texts.new_region_known(self.chosen.region, self.chosen.central_municipality)
                 + " " + texts.NEW_SUGGESTION_TAKEN))
        focus_now(self.query_one("#author", Input))

    def _propose_file(self, name: str) -> str:
        base = texts.proposed_file_name(slug(name))
        candidate, number = base, 1
        while self._taken(candidate):
            number += 1
            candidate = base.replace(".yaml", f"-{number}.yaml")
        return candidate

    def _taken(self, candidate: str) -> bool:
        try:
            return self.app.paths.resolve(candidate).exists()
        except ValueError:
            return False  # not reachable here: creating it says so

    @on(Input.Changed, "#region, #central, #title, #period, #author, #organisation, #file")
    def _field_typed(self, event: Input.Changed) -> None:
        if event.input.id:
            self.touched.add(event.input.id)

    # ------------------------------------------------------------ create

    def after_last_field(self) -> None:
        """Enter in the organisation field: on to the file name, or create when that is fixed."""
        if self.fixed_path is None:
            focus_now(self.query_one("#file", Input))
        else:
            self._create()

    @on(Input.Submitted, "#file")
    @on(Button.Pressed, "#create")
    def _create(self) -> None:
        error = self.query_one("#new-error", Static)
        value = {key: self.query_one(f"#{key}", Input).value.strip()
                 for key in ("gemeente", "region", "central", *self.TEXT_FIELDS, "file")}
        if self.chosen is None and self.registry is not None and value["gemeente"]:
            from planwizard.errors import PlanError

            try:
                self._choose(self.registry.find(value["gemeente"]).code)
            except PlanError as exc:
                error.update(Text(exc.problems[0].message))
                focus_now(self.query_one("#gemeente", Input))
                return
            value.update(region=self.query_one("#region", Input).value.strip(),
                         central=self.query_one("#central", Input).value.strip())
        if self.chosen is None:
            error.update(texts.ERR_NEW_GEMEENTE)
            focus_now(self.query_one("#gemeente", Input))
            return
        if not value["title"]:
            error.update(texts.ERR_NEW_TITLE)
            focus_now(self.query_one("#title", Input))
            return
        path, problem = check_plan_path(value["file"], self.app.paths)
        if path is None or path.exists():
            error.update(problem or texts.ERR_NEW_EXISTS)
            focus_now(self.query_one("#file", Input))
            return
        self.app.create_plan(
            path,
            self.chosen,
            region=value["region"],
            central=value["central"],
            info={key: value[key] for key in self.TEXT_FIELDS},
            replace_screen=self,
        )

    @on(Button.Pressed, "#back")
    def action_back(self) -> None:
        self.dismiss(None)
