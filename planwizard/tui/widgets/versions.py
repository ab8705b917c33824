"""The overview's tab "Word en versies": import a Word draft into the open plan, compare with an earlier file.

Reading happens in a worker thread on a copy of the plan; what would change is shown
first. "Overnemen" then changes the plan held by the session (the wizard holds the
lock, so the file is never written behind its back), keeps a backup of the file and
saves at once.
"""

from __future__ import annotations

import copy
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.message import Message
from textual.timer import Timer
from textual.widgets import Button, Input, Static

from planwizard import compare, labels
from planwizard.answers import Loaded
from planwizard.errors import PlanError, Problem
from planwizard.tui import texts
from planwizard.tui.paths import OutsideFolder
from planwizard.tui.screens.dialogs import PathSuggester
from planwizard.tui.session import Session
from planwizard.web import drafts

STYLES = {compare.DELETE: "red", compare.INSERT: "green"}
UPLOAD_POLL = 1.0
"""Seconds between looks for an uploaded draft, after the upload page was opened."""
UPLOAD_WAIT = 30 * 60
"""Seconds the pane looks for it at most."""


def styled(pieces: list[tuple[str, str]]) -> Text:
    """Changed words with [- -] and {+ +} (readable without colour) and coloured."""
    line = Text()
    for op, text in pieces:
        if op == compare.EQUAL:
            line.append(text)
        else:
            line.append(compare.inline([(op, text)]), style=STYLES[op])
    return line


def describe(diffs: list[tuple[str, compare.ItemDiff]], examples) -> Text:
    """Per item a bold heading and one line per change."""
    out = Text()
    for heading, diff in diffs:
        out.append(heading + "\n", style="bold")
        for label, pieces in compare.describe(diff, examples):
            out.append(f"  {label}: ")
            out.append_text(styled(pieces))
            out.append("\n")
    return out


class VersionsPane(Vertical):
    """Import a draft or compare with an earlier version, for the plan of ``session``."""

    @dataclass
    class Previewed(Message):
        preview: object

    @dataclass
    class Compared(Message):
        text: Text

    @dataclass
    class Failed(Message):
        problems: list[Problem]

    def __init__(self, session: Session) -> None:
        super().__init__(id="versions")
        self.session = session
        self.preview = None
        self._proposed = ""
        """The draft path this pane put in the import field (replaced when a newer draft is made)."""
        self._upload_since = 0.0
        self._upload_timer: Timer | None = None

    def compose(self) -> ComposeResult:
        path = self.session.path
        paths = self.app.paths  # what may be reached from here (only the served folder in a browser)
        draft = self._latest_draft()
        self._proposed = paths.show(draft) if draft is not None else ""
        yield Static(texts.VERSIONS_INTRO, classes="hint")
        with Horizontal(classes="form-row"):
            yield Static(texts.VERSIONS_DRAFT, classes="form-label")
            yield Input(self._proposed, placeholder=texts.VERSIONS_DRAFT_PLACEHOLDER,
                        id="import-path", compact=True, suggester=PathSuggester(paths, suffixes=(".docx",)))
            yield Button(texts.IMPORT_BUTTON, id="import-button", compact=True)
            yield Button(texts.UPLOAD_BUTTON, id="upload-button", compact=True)
        with Horizontal(classes="form-row"):
            yield Static(texts.VERSIONS_EARLIER, classes="form-label")
            earlier = path.with_name(f"{path.name}.bak")
            yield Input(paths.show(earlier) if earlier.exists() else "", placeholder=texts.VERSIONS_EARLIER_PLACEHOLDER,
                        id="compare-path", compact=True, suggester=PathSuggester(paths))
            yield Button(texts.COMPARE_BUTTON, id="compare-button", compact=True)
        with Horizontal(classes="buttons", id="import-actions"):
            yield Button(texts.IMPORT_APPLY, variant="primary", id="import-apply", compact=True)
            yield Button(texts.IMPORT_KEEP_DRAFT, id="import-keep-draft", compact=True)
            yield Button(texts.IMPORT_KEEP_FILE, id="import-keep-file", compact=True)
        with VerticalScroll(id="versions-result"):
            yield Static("", id="versions-text")

    def on_mount(self) -> None:
        self._buttons()
        self.query_one("#upload-button").display = self.app.is_web  # a terminal user has the file at hand

    def _latest_draft(self) -> Path | None:
        """The plan's draft as it was last made: the newest of the names the wizard and ``generate`` give it.

        The wizard writes ``heerlen.docx`` beside the plan; ``planwizard generate`` writes
        ``Uitvoeringsplan Heerlen concept 0.3.docx`` in the folder it was run from; ``serve``
        stores an uploaded draft as ``heerlen-bewerkt.docx`` (``-2``, ...) beside the plan.
        """
        from planwizard.render import default_output_name

        path = self.session.path
        name = default_output_name(self.session.plan)
        candidates = [path.with_suffix(".docx"), path.with_name(name), *drafts.uploads(path)]
        try:
            candidates.append(Path.cwd() / name)
        except OSError:  # the folder the wizard was started from is gone
            pass
        found = []
        for candidate in candidates:
            try:
                made = candidate.stat().st_mtime_ns
            except OSError:
                continue
            if self.app.paths.allows(candidate):
                found.append((made, candidate))
        return max(found)[1] if found else None

    def draft_made(self, path: Path) -> None:
        """A draft was just made: propose it for import, unless the user typed another path."""
        field = self.query_one("#import-path", Input)
        if field.value.strip() in ("", self._proposed):
            self._proposed = field.value = self.app.paths.show(path)

    def _buttons(self, apply: bool = False, conflicts: bool = False) -> None:
        self.query_one("#import-apply").display = apply
        self.query_one("#import-keep-draft").display = conflicts
        self.query_one("#import-keep-file").display = conflicts

    def _show(self, content: Text | str) -> None:
        self.query_one("#versions-text", Static).update(content)
        self.query_one("#versions-result", VerticalScroll).scroll_home(animate=False)

    def _path(self, field: str) -> Path | None:
        typed = self.query_one(field, Input).value.strip()
        if not typed:
            self._show(texts.ERR_VERSIONS_PATH)
            self.query_one(field, Input).focus()
            return None
        try:
            return self.app.paths.resolve(typed)
        except OutsideFolder as exc:
            self._show(Text(str(exc)))
            self.query_one(field, Input).focus()
            return None

    def _snapshot(self) -> Loaded:
        """The plan as it is now, for a worker thread (the user may go on working meanwhile)."""
        self.app.save_now()
        loaded = self.session.loaded
        return Loaded(str(self.session.path), copy.deepcopy(loaded.plan), loaded.checklist, [])

    # ------------------------------------------------------------ uploading (in a browser)

    @on(Button.Pressed, "#upload-button")
    def start_upload(self) -> None:
        """Open the upload page in a new browser tab, and watch for the file it stores."""
        self.app.open_url(f"/upload?plan={quote(self.app.paths.show(self.session.path))}")
        self._upload_since = time.time()
        self._show(texts.UPLOAD_WAITING)
        if self._upload_timer is None:
            self._upload_timer = self.set_interval(UPLOAD_POLL, self._look_for_upload)

    def _look_for_upload(self) -> None:
        found = []
        for path in drafts.uploads(self.session.path):
            try:
                made = path.stat().st_mtime
            except OSError:
                continue
            if made >= self._upload_since - 1:
                found.append((made, path))
        if not found and time.time() - self._upload_since < UPLOAD_WAIT:
            return
        if self._upload_timer is not None:
            self._upload_timer.stop()
            self._upload_timer = None
        if found:
            shown = self.app.paths.show(max(found)[1])
            self._proposed = self.query_one("#import-path", Input).value = shown
            self._show(texts.upload_received(shown))
            self.query_one("#import-button", Button).focus()

    # ------------------------------------------------------------ importing

    @on(Input.Submitted, "#import-path")
    @on(Button.Pressed, "#import-button")
    def start_import(self, keep: str | None = None) -> None:
        path = self._path("#import-path")
        if path is None:
            return
        self._buttons()
        self._show(texts.IMPORT_READING)
        self._read_draft(path, self._snapshot(), keep if isinstance(keep, str) else None)

    @on(Button.Pressed, "#import-keep-draft")
    def _keep_draft(self) -> None:
        self.start_import("draft")

    @on(Button.Pressed, "#import-keep-file")
    def _keep_file(self) -> None:
        self.start_import("file")

    @work(thread=True, exclusive=True, group="versions", exit_on_error=False)
    def _read_draft(self, path: Path, loaded: Loaded, keep: str | None) -> None:
        from planwizard.roundtrip.importer import prepare

        try:
            self.post_message(self.Previewed(prepare(path, keep=keep, loaded=loaded)))
        except PlanError as exc:
            self.post_message(self.Failed(list(exc.problems)))
        except Exception as exc:  # a bug: show it, never crash the wizard
            self.post_message(self.Failed([Problem(str(path), labels.MSG_UNEXPECTED.format(exc=exc))]))

    @on(Previewed)
    def _previewed(self, event: Previewed) -> None:
        from planwizard.roundtrip.report import item_diffs

        preview = self.preview = event.preview
        out = Text()
        if preview.problems:
            out.append(texts.IMPORT_PROBLEMS + "\n", style="bold red")
            for problem in preview.problems:
                out.append(f"• {problem.message}\n")
            if preview.result.conflicts:
                out.append(texts.IMPORT_CONFLICTS_HINT + "\n")
        elif preview.result.changes:
            out.append(texts.IMPORT_CHANGES + "\n", style="bold")
        else:
            out.append(texts.IMPORT_NOTHING + "\n")
        if preview.result.changes and not preview.problems:
            out.append_text(describe(item_diffs(preview), self.session.all_examples()))
        if preview.warnings:
            out.append(texts.IMPORT_WARNINGS + "\n", style="bold yellow")
            for warning in preview.warnings:
                out.append(f"• {warning.message}\n")
        if self.session.read_only and preview.result.changes:
            out.append(texts.IMPORT_READ_ONLY + "\n", style="bold")
        self._show(out)
        can_apply = bool(preview.result.changes) and not preview.problems and not self.session.read_only
        self._buttons(apply=can_apply, conflicts=bool(preview.result.conflicts))
        if can_apply:
            self.query_one("#import-apply", Button).focus()

    @on(Button.Pressed, "#import-apply")
    def apply(self) -> None:
        """Put the previewed changes into the open plan, keep a backup of the file, save now."""
        from planwizard.roundtrip import merge
        from planwizard.roundtrip.importer import backup, updated
        from planwizard.roundtrip.marks import answer_digest

        preview, session = self.preview, self.session
        if preview is None or session.read_only:
            return
        answers = session.plan.answers
        if any(answer_digest(answers.get(c.item_id)) != answer_digest(c.old) for c in preview.result.changes):
            self._buttons()
            self._show(texts.IMPORT_STALE)
            return
        try:
            updated(preview)  # the plan with these changes must load again
            self.app.save_now()
            saved = backup(session.path)
        except PlanError as exc:
            self._failed(self.Failed(list(exc.problems)))
            return
        merge.apply(answers, preview.result)
        self.app.plan_changed(immediate=True)
        main = self.app.main_screen()
        if main is not None:
            main.reload_item()
        if hasattr(self.screen, "fill"):
            self.screen.fill()
        self.preview = None
        self._buttons()
        self._show(texts.imported(len(preview.result.changes), str(saved)))
        self.query_one("#compare-path", Input).value = str(saved)  # compare with the plan before the import

    # ------------------------------------------------------------ comparing

    @on(Input.Submitted, "#compare-path")
    @on(Button.Pressed, "#compare-button")
    def start_compare(self) -> None:
        path = self._path("#compare-path")
        if path is None:
            return
        self._buttons()
        self._show(texts.COMPARE_READING)
        self._compare(path, self._snapshot())

    @work(thread=True, exclusive=True, group="versions", exit_on_error=False)
    def _compare(self, path: Path, loaded: Loaded) -> None:
        from planwizard.answers import load_plan

        try:
            old = load_plan(path)
            if old.checklist.id != loaded.checklist.id:
                raise PlanError.at(str(path), labels.err_diff_checklists(old.checklist.id, loaded.checklist.id))
        except PlanError as exc:
            self.post_message(self.Failed(list(exc.problems)))
            return
        except Exception as exc:  # a bug: show it, never crash the wizard
            self.post_message(self.Failed([Problem(str(path), labels.MSG_UNEXPECTED.format(exc=exc))]))
            return
        diffs = compare.compare_plans(old.plan, loaded.plan, loaded.checklist)
        fields = compare.plan_changes(old.plan, loaded.plan)
        out = Text(labels.diff_title(compare.version_label(old.plan, str(path)), texts.VERSIONS_NOW) + "\n",
                   style="bold")
        if not diffs and not fields:
            out.append(labels.DIFF_NONE + "\n")
        for label, before, after in fields:
            out.append(f"{label}: ")
            out.append_text(styled([(compare.DELETE, before or "-"), (compare.EQUAL, " → "),
                                    (compare.INSERT, after or "-")]))
            out.append("\n")
        examples = {**self.session.library, **{e.id: e for e in (*old.plan.own_examples,
                                                                 *loaded.plan.own_examples)}}
        headings = [(f"{d.item.id}: {' '.join(d.item.question.split())}", d) for d in diffs]
        out.append_text(describe(headings, examples))
        self.post_message(self.Compared(out))

    @on(Compared)
    def _compared(self, event: Compared) -> None:
        self._show(event.text)

    @on(Failed)
    def _failed(self, event: Failed) -> None:
        out = Text(texts.IMPORT_PROBLEMS + "\n", style="bold red")
        for problem in event.problems:
            out.append(f"• {problem}\n")
        self._buttons()
        self._show(out)
