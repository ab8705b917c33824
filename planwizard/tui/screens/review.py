"""The review: every item with its status (open first), counts per theme, and the Word draft."""

from __future__ import annotations

import copy
import os
import shutil
import subprocess
import sys
from pathlib import Path

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import (
    Button,
    DataTable,
    Footer,
    Header,
    Input,
    ProgressBar,
    Select,
    Static,
    TabbedContent,
    TabPane,
)

from planwizard import labels
from planwizard.answers import Loaded
from planwizard.errors import PlanError, Problem
from planwizard.tui import browser, texts
from planwizard.tui.messages import GenerationDone, GenerationFailed, GenerationProgress
from planwizard.tui.paths import OutsideFolder
from planwizard.tui.screens.base import WizardScreen
from planwizard.tui.screens.dialogs import PathSuggester, ProblemsScreen
from planwizard.tui.session import Session
from planwizard.tui.widgets.sidebar import state_colour
from planwizard.tui.widgets.versions import VersionsPane

OTHER = "__other__"


def template_choices() -> list[tuple[str, str]]:
    """The bundled templates (folder name, path), the default first."""
    from planwizard.resources import data_dir

    root = data_dir("templates")
    try:
        folders = sorted(p for p in root.iterdir() if p.is_dir() and not p.name.startswith((".", "_")))
    except OSError:
        folders = []
    folders.sort(key=lambda p: p.name != "standaard")
    return [(p.name, str(p)) for p in folders]


def open_folder(folder: Path) -> bool:
    """Open ``folder`` in the desktop's file manager; False when there is none here."""
    if sys.platform == "darwin":
        command = ["open", str(folder)]
    elif os.name == "nt":  # pragma: no cover - not tested on Windows
        try:
            os.startfile(str(folder))  # type: ignore[attr-defined]
        except OSError:
            return False
        return True
    else:
        if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
            return False
        opener = shutil.which("xdg-open")
        if opener is None:
            return False
        command = [opener, str(folder)]
    try:
        subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                         start_new_session=True)
    except OSError:
        return False
    return True


class ReviewScreen(WizardScreen):
    """Where the plan stands, and the Word draft."""

    BINDINGS = [
        Binding("escape", "back", texts.KEY_BACK, id="review-back"),
        Binding("g", "generate", texts.KEY_GENERATE, tooltip=texts.KEY_GENERATE_TIP, id="review-generate"),
    ]

    def __init__(self, session: Session, *, tab: str | None = None, focus: str | None = None) -> None:
        super().__init__()
        self.session = session
        self.result: Path | None = None
        self.running = False
        self.start_tab, self.start_focus = tab, focus

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="review-summary")
        yield Static(texts.REVIEW_HINT, id="review-hint", classes="hint")
        with TabbedContent(id="review-tabs"):
            with TabPane(texts.REVIEW_TAB_ITEMS, id="tab-items"):
                yield DataTable(id="review-items", cursor_type="row", zebra_stripes=True)
            with TabPane(texts.REVIEW_TAB_THEMES, id="tab-themes"):
                yield DataTable(id="review-themes", cursor_type="row", zebra_stripes=True)
            with TabPane(texts.REVIEW_TAB_GENERATE, id="tab-generate"):
                with Vertical(id="generate"):
                    yield Static(texts.GENERATE_INTRO, classes="hint")
                    choices = [(name, path) for name, path in template_choices()]
                    choices.append((texts.TEMPLATE_OTHER, OTHER))
                    with Horizontal(classes="form-row"):
                        yield Static(texts.TEMPLATE, classes="form-label")
                        yield Select(choices, value=choices[0][1], allow_blank=False, id="template", compact=True)
                    with Horizontal(classes="form-row", id="template-path-row"):
                        yield Static("", classes="form-label")
                        yield Input(placeholder=texts.TEMPLATE_PATH_PLACEHOLDER, id="template-path", compact=True,
                                    suggester=PathSuggester(self.app.paths, folders_only=True))
                    with Horizontal(classes="form-row"):
                        yield Static(texts.OUTPUT, classes="form-label")
                        yield Input(self.app.paths.show(self.session.path.with_suffix(".docx")), id="output",
                                    compact=True, suggester=PathSuggester(self.app.paths, suffixes=(".docx",)))
                    with Horizontal(classes="buttons"):
                        yield Button(texts.GENERATE_BUTTON + " (g)", variant="primary", id="generate-button",
                                     compact=True)
                        yield Button(texts.DOWNLOAD if self.app.is_web else texts.OPEN_FOLDER, id="open-folder",
                                     compact=True)
                    yield ProgressBar(total=None, show_eta=False, show_percentage=False, id="progress")
                    yield Static("", id="generate-status")
            with TabPane(texts.REVIEW_TAB_VERSIONS, id="tab-versions"):
                yield VersionsPane(self.session)
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one("#template-path-row").display = False
        self.query_one("#open-folder").display = False
        self.query_one("#progress").display = False
        self.fill()
        self.query_one("#review-items", DataTable).focus()
        if self.start_tab:
            self.query_one(TabbedContent).active = self.start_tab
            if self.start_focus:
                self.call_after_refresh(self.query_one(self.start_focus).focus)

    def _widths(self) -> tuple[int, int, int]:
        width = max(self.size.width or 80, 60)
        status, theme = 14, 14
        return status, theme, max(16, width - status - theme - 1 - 10)

    def fill(self) -> None:
        session = self.session
        counts = session.counts()
        applicable = len(session.items) - counts["skipped"]
        answered = applicable - counts["unanswered"]
        self.query_one("#review-summary", Static).update(
            texts.review_summary(answered, applicable, counts["todo"], counts["partial"], counts["skipped"])
        )
        status_w, theme_w, question_w = self._widths()
        items = self.query_one("#review-items", DataTable)
        items.clear(columns=True)
        for title, width in zip(texts.REVIEW_COLUMNS, (1, status_w, theme_w, question_w)):
            items.add_column(title, width=width)
        for row in session.review():
            mark = Text(texts.MARK[row.state], style=state_colour(self, row.state))
            dim = "dim" if row.state in ("skipped", "not_applicable") else ""
            items.add_row(
                mark,
                Text(texts.STATE_SHORT[row.state], style=dim),
                Text(row.theme.title, no_wrap=True, overflow="ellipsis", style=dim),
                Text(" ".join(row.item.question.split()), no_wrap=True, overflow="ellipsis", style=dim),
                key=row.item.id,
            )
        themes = self.query_one("#review-themes", DataTable)
        themes.clear(columns=True)
        number_w = 7
        themes.add_column(texts.REVIEW_THEME_COLUMNS[0], width=max(14, (self.size.width or 80) - 6 * number_w - 16))
        for title in texts.REVIEW_THEME_COLUMNS[1:]:
            themes.add_column(title, width=number_w)
        for theme in session.themes:
            c = session.counts(theme)
            themes.add_row(
                Text(theme.title, no_wrap=True, overflow="ellipsis"),
                *(Text(str(c[key]), justify="right") for key in
                  ("done", "partial", "todo", "unanswered", "not_applicable", "skipped")),
                key=theme.id,
            )

    def on_resize(self) -> None:
        if self.is_mounted:
            self.fill()

    @on(DataTable.RowSelected, "#review-items")
    def _jump(self, event: DataTable.RowSelected) -> None:
        self.dismiss(event.row_key.value)

    @on(DataTable.RowSelected, "#review-themes")
    def _jump_theme(self, event: DataTable.RowSelected) -> None:
        theme = next(t for t in self.session.themes if t.id == event.row_key.value)
        first_open = next((i for i in theme.items if self.session.state(i) == "unanswered"), theme.items[0])
        self.dismiss(first_open.id)

    @on(Select.Changed, "#template")
    def _template_changed(self, event: Select.Changed) -> None:
        self.query_one("#template-path-row").display = event.value == OTHER

    def action_back(self) -> None:
        if self.running:
            self.app.notify(texts.GEN_BUILDING, timeout=2)
        self.dismiss(None)

    # ------------------------------------------------------------ generating

    @on(Input.Submitted, "#template-path, #output")
    @on(Button.Pressed, "#generate-button")
    def action_generate(self) -> None:
        if self.running:
            return
        tabs = self.query_one(TabbedContent)
        tabs.active = "tab-generate"
        status = self.query_one("#generate-status", Static)
        choice = self.query_one("#template", Select).value
        template: Path | None
        if choice == OTHER:
            typed = self.query_one("#template-path", Input).value.strip()
            try:
                template = self.app.paths.resolve(typed) if typed else None
            except OutsideFolder as exc:
                status.update(Text(str(exc)))
                self.query_one("#template-path", Input).focus()
                return
            if template is None or not template.is_dir():
                status.update(texts.ERR_TEMPLATE_PATH)
                self.query_one("#template-path", Input).focus()
                return
        else:
            template = Path(str(choice)) if isinstance(choice, str) else None
        output = self.query_one("#output", Input).value.strip()
        if not output:
            status.update(texts.ERR_OUTPUT)
            self.query_one("#output", Input).focus()
            return
        if not output.lower().endswith(".docx"):
            output += ".docx"
        try:
            out = self.app.paths.resolve(output)
        except OutsideFolder as exc:
            status.update(Text(str(exc)))
            self.query_one("#output", Input).focus()
            return
        status.update(texts.GEN_SAVING)
        self.app.save_now()
        loaded = self.session.loaded
        # The worker gets its own copy: the user may go on editing while it runs.
        snapshot = Loaded(str(self.session.path), copy.deepcopy(loaded.plan), loaded.checklist, list(loaded.warnings))
        self.running = True
        self.query_one("#progress").display = True
        self.query_one("#open-folder").display = False
        self._generate(snapshot, out, template)

    @work(thread=True, exclusive=True, group="generate", exit_on_error=False)
    def _generate(self, loaded: Loaded, out: Path, template: Path | None) -> None:
        self.post_message(GenerationProgress(texts.GEN_LOADING))
        try:
            from planwizard import render
        except ImportError:
            self.post_message(GenerationFailed([Problem("", texts.GEN_UNAVAILABLE)]))
            return
        self.post_message(GenerationProgress(texts.GEN_BUILDING))
        try:
            path = render.generate_file(loaded, out, template)
        except PlanError as exc:
            self.post_message(GenerationFailed(list(exc.problems)))
            return
        except Exception as exc:  # a bug in the builder: show it, never crash the wizard
            self.post_message(GenerationFailed([Problem(str(out), labels.MSG_UNEXPECTED.format(exc=exc))]))
            return
        self.post_message(GenerationDone(Path(path)))

    @on(GenerationProgress)
    def _progress(self, event: GenerationProgress) -> None:
        self.query_one("#generate-status", Static).update(event.step)

    @on(GenerationDone)
    def _done(self, event: GenerationDone) -> None:
        self.running = False
        self.result = event.path
        self.query_one("#progress").display = False
        self.query_one("#generate-status", Static).update(Text(texts.generated(self.app.paths.show(event.path))))
        self.query_one(VersionsPane).draft_made(event.path)
        button = self.query_one("#open-folder", Button)
        button.display = True
        button.focus()
        if self.app.is_web:
            browser.deliver_draft(self.app, event.path)
        else:
            self.app.notify(texts.generated(event.path.name), timeout=4)

    @on(GenerationFailed)
    def _failed(self, event: GenerationFailed) -> None:
        self.running = False
        self.query_one("#progress").display = False
        self.query_one("#generate-status", Static).update(texts.GENERATE_FAILED)
        self.app.push_screen(ProblemsScreen(str(self.session.path), event.problems, texts.GENERATE_FAILED,
                                            intro=texts.GENERATE_FAILED_INTRO, back=texts.KEY_BACK))

    @on(Button.Pressed, "#open-folder")
    def _open_folder(self) -> None:
        if self.result is None:
            return
        if self.app.is_web:  # the folder is on the server; the browser gets the file again instead
            browser.deliver_draft(self.app, self.result)
            return
        folder = self.result.parent
        if not open_folder(folder):
            self.app.notify(texts.folder_not_opened(str(folder)), timeout=8)
