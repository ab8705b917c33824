"""The wizard application: opening plans, saving them, the screens and the command palette."""

from __future__ import annotations

import asyncio
import datetime as dt
import os
import signal
import threading
from collections.abc import Callable
from pathlib import Path

from textual.app import App
from textual.binding import Binding
from textual.screen import Screen
from textual.timer import Timer

from planwizard import labels, recent
from planwizard.errors import PlanError, Problem
from planwizard.gemeenten import Gemeente
from planwizard.model import Checklist
from planwizard.tui import texts
from planwizard.tui.palette import PaletteCommands
from planwizard.tui.paths import UNCONFINED, OutsideFolder, PathPolicy
from planwizard.tui.screens.dialogs import take_path_suggestion
from planwizard.tui.screens.start import StartScreen
from planwizard.tui.session import ChangedOnDisk, Session

SAVE_DELAY = 0.5
"""Seconds between a keystroke and the save that follows it (the issue allows one)."""
RECENT_DELAY = 1.0
"""Seconds before the current position is written to the recent list."""


class WizardApp(PaletteCommands, App[int]):
    """planwizard's terminal wizard."""

    CSS_PATH = "app.tcss"
    TITLE = texts.APP_TITLE
    SUB_TITLE = texts.APP_SUBTITLE
    BINDINGS = [
        Binding("ctrl+q", "quit", texts.KEY_QUIT, tooltip=texts.KEY_QUIT_TIP, priority=True, id="quit"),
        Binding("f1", "help", texts.KEY_HELP, tooltip=texts.KEY_HELP_TIP, id="help"),
        Binding("ctrl+p", "command_palette", texts.KEY_PALETTE, tooltip=texts.KEY_PALETTE_TIP, priority=True, show=False,
                id="palette"),
        Binding("ctrl+c", "help_quit", show=False, system=True),
        # Textual's own Tab binding is the screen's: it runs after keys that came in the same
        # read were already handed to the old field. Over SSH a burst of typing arrives that
        # way, and "wat<Tab>wie" would end up in one field. Bound here with priority, focus
        # moves before the next key is handed on.
        Binding("tab", "focus_next", show=False, priority=True),
        Binding("shift+tab", "focus_previous", show=False, priority=True),
    ]

    def __init__(
        self,
        path: str | Path | None = None,
        *,
        read_only: bool = False,
        today: dt.date | None = None,
        clock: Callable[[], dt.datetime] | None = None,
        cursor_blink: bool = True,
        handle_signals: bool = False,
        paths: PathPolicy = UNCONFINED,
    ) -> None:
        super().__init__()
        self.paths = paths
        """Which files may be reached: every typed path goes through it (confined in a browser)."""
        self.start_path = Path(path) if path is not None else None
        self.start_read_only = read_only
        self._today = today
        self.clock = clock or dt.datetime.now
        self.cursor_blink = cursor_blink
        self.handle_signals = handle_signals
        self.session: Session | None = None
        self._save_timer: Timer | None = None
        self._recent_timer: Timer | None = None
        self._position: str | None = None
        self._last_error = ""
        self._conflict_open = False
        self._closing = False
        theme = recent.theme()
        if theme and theme in self.available_themes:
            self.theme = theme

    # ------------------------------------------------------------ basics

    def today(self) -> dt.date:
        return self._today or self.clock().date()

    def checklist(self) -> Checklist:
        from planwizard.checklist import current

        return current()

    def get_key_display(self, binding: Binding) -> str:
        """Keys as Dutch keyboards and manuals write them: F1, Esc, Del, ^N."""
        names = {"escape": "Esc", "delete": "Del", "enter": "Enter", "space": "Spatie"}
        key = binding.key.split(",")[0]
        if key in names and not binding.key_display:
            return names[key]
        shown = super().get_key_display(binding)
        if len(key) in (2, 3) and key[0] == "f" and key[1:].isdigit():
            return key.upper()
        if shown.startswith("^") and len(shown) == 2:
            return shown.upper()
        return shown.replace("shift+^", "^⇧")

    def get_default_screen(self) -> Screen:
        return StartScreen()

    def on_mount(self) -> None:
        if self.handle_signals:
            loop = asyncio.get_running_loop()
            for signum in (signal.SIGTERM, signal.SIGHUP):
                loop.add_signal_handler(signum, self._on_signal, signum)
        if self.is_web:
            from planwizard.tui import browser

            self.update_keymap(browser.KEYMAP)
        if self.start_path is not None:
            self.open_path(self.start_path, read_only=self.start_read_only)

    def on_unmount(self) -> None:
        # However the app ends (quit, signal, a test's pilot, an error): save and unlock.
        self.shutdown()

    def watch_theme(self, theme: str) -> None:
        if self.is_running and theme != recent.theme():
            recent.set_theme(theme)
        if self.session is not None:
            from planwizard.tui.screens.main import MainScreen

            for screen in self.screen_stack:
                if isinstance(screen, MainScreen):
                    screen.refresh_all()

    # ------------------------------------------------------------ opening and creating plans

    def open_path(self, path: Path, *, read_only: bool = False) -> None:
        """Open an answer file: a new name starts a new plan; problems are shown, never raised."""
        from planwizard.tui.screens.dialogs import LockedDialog, ProblemsScreen
        from planwizard.tui.screens.start import NewPlanScreen

        try:
            path = self.paths.place(path)
        except OutsideFolder as exc:
            self.push_screen(ProblemsScreen(str(path), [Problem(str(path), str(exc))]))
            return
        if not path.exists() and not path.is_symlink():
            if path.suffix.lower() not in (".yaml", ".yml") or not path.parent.is_dir():
                reason = texts.ERR_OPEN_SUFFIX if path.parent.is_dir() else texts.ERR_OPEN_NO_FOLDER
                self.push_screen(ProblemsScreen(str(path), [Problem(str(path), reason)]))
                return
            self.push_screen(NewPlanScreen(path))
            return
        lock = None
        if not read_only:
            from planwizard.lock import Locked, acquire

            def choose(answer: str | None) -> None:
                if answer == "read_only":
                    self.open_path(path, read_only=True)

            try:
                lock = acquire(path)
            except Locked as exc:
                if self.is_web:  # another tab or colleague has it: read it, and say so
                    self.open_path(path, read_only=True)
                    self.notify(texts.LOCKED_WEB_NOTICE, title=texts.LOCKED_TITLE, severity="warning", timeout=15)
                    return
                self.push_screen(LockedDialog(str(path), exc.problems[0].message), choose)
                return
            except PlanError as exc:
                # e.g. a read-only folder: the plan cannot be locked, but it can be read
                self.push_screen(LockedDialog(str(path), texts.lock_failed(exc.problems[0].message),
                                              title=texts.LOCK_FAILED_TITLE), choose)
                return
        try:
            loaded = self._load(path, writable=lock is not None)
        except PlanError as exc:
            if lock is not None:
                lock.release()
            self.push_screen(ProblemsScreen(str(path), exc.problems))
            return
        except Exception as exc:  # a bug while loading: show it instead of a traceback
            if lock is not None:
                lock.release()
            self.push_screen(ProblemsScreen(str(path), [Problem(str(path), labels.MSG_UNEXPECTED.format(exc=exc))]))
            return
        from planwizard.examples import load_library

        session = Session(loaded, path, load_library(), lock=lock, read_only=read_only, clock=self.clock)
        self.start_session(session, recent.last_item(path))
        for warning in loaded.warnings:
            self.notify(texts.problem_line(warning.line, warning.col, warning.message), title=texts.WARNINGS_TITLE,
                        severity="warning", timeout=10)

    def _load(self, path: Path, *, writable: bool):
        from planwizard.answers import load_plan, migrate_file

        loaded = load_plan(path)
        if loaded.migrated_from is not None and writable:
            # Bring the file to the current checklist now, keeping a backup, exactly like
            # `planwizard migrate`: the wizard's first save would otherwise do it silently.
            loaded, backup = migrate_file(path)
            if backup is not None:
                self.notify(labels.msg_migrated(loaded.migrated_from or "", loaded.checklist.version, str(backup)),
                            timeout=10)
            loaded.warnings = [w for w in loaded.warnings if "checklistversie" not in w.message]
        return loaded

    def create_plan(self, path: Path, gemeente: Gemeente, *, region: str, central: str, info: dict[str, str],
                    replace_screen: Screen | None = None) -> None:
        """Write a new plan for ``gemeente`` at ``path`` and open it."""
        from planwizard.answers import Loaded, new_plan
        from planwizard.examples import load_library
        from planwizard.lock import Locked, acquire
        from planwizard.tui.screens.dialogs import ProblemsScreen

        if not self.paths.allows(path):
            self.push_screen(ProblemsScreen(str(path), [Problem(str(path), self.paths.refusal())]))
            return
        checklist = self.checklist()
        plan = new_plan(gemeente.name, code=gemeente.code, region=region, central_municipality=central,
                        checklist=checklist, today=self.today())
        try:
            lock = acquire(path)
        except (Locked, PlanError) as exc:
            self.push_screen(ProblemsScreen(str(path), exc.problems))
            return
        session = Session(Loaded(str(path), plan, checklist), path, load_library(), lock=lock, clock=self.clock)
        session.set_info(**info)
        session.plan.municipality.region = region
        session.plan.municipality.central_municipality = central
        if path.exists():
            lock.release()
            self.push_screen(ProblemsScreen(str(path), [Problem(str(path), texts.ERR_NEW_EXISTS)]))
            return
        try:
            session.save()
        except PlanError as exc:
            lock.release()
            self.push_screen(ProblemsScreen(str(path), exc.problems))
            return
        if replace_screen is not None and replace_screen in self.screen_stack:
            self.pop_screen_until(replace_screen)
        self.start_session(session, None)

    def pop_screen_until(self, screen: Screen) -> None:
        """Pop screens down to and including ``screen``."""
        while len(self.screen_stack) > 1 and screen in self.screen_stack:
            self.pop_screen()

    def start_session(self, session: Session, item_id: str | None) -> None:
        from planwizard.tui.screens.main import MainScreen

        self.session = session
        self._position = item_id
        self.update_subtitle()
        # Whatever led here (form, dialogs, problems) is done; the start screen stays below.
        while len(self.screen_stack) > 1:
            self.pop_screen()
        self.push_screen(MainScreen(session, item_id))
        recent.remember(session.path, name=session.plan.municipality.name, item=item_id or "", now=self.clock())

    def close_session(self) -> None:
        """Save, remember where the user was, release the lock; back to the start screen."""
        self.shutdown()
        while len(self.screen_stack) > 1:
            self.pop_screen()
        self.update_subtitle()

    # ------------------------------------------------------------ saving

    def plan_changed(self, *, immediate: bool = False) -> None:
        """The plan changed: save now, or within SAVE_DELAY seconds."""
        session = self.session
        if session is None or session.read_only:
            return
        session.dirty = True
        if immediate:
            self.save_now()
            return
        self.update_subtitle()
        if self._save_timer is None:
            self._save_timer = self.set_timer(SAVE_DELAY, self._save_due, name="save")

    def _save_due(self) -> None:
        self._save_timer = None
        self.save_now()

    def save_now(self, *, notify: bool = False) -> bool:
        """Save pending changes now; False (and a visible warning) when that failed."""
        if self._save_timer is not None:
            self._save_timer.stop()
            self._save_timer = None
        session = self.session
        if session is None or session.read_only:
            return True
        if session.dirty:
            try:
                session.save()
            except ChangedOnDisk:
                self.update_subtitle()
                self._ask_conflict()
                return False
            except PlanError as exc:
                message = exc.problems[0].message if exc.problems else str(exc)
                self.update_subtitle()
                if message != self._last_error:
                    self._last_error = message
                    self.notify(message, title=texts.SAVE_FAILED, severity="error", timeout=10)
                return False
            self._last_error = ""
            self._schedule_recent()
        self.update_subtitle()
        if notify and session.saved_at is not None:
            self.notify(texts.saved_at(session.saved_at), timeout=2)
        return True

    def _ask_conflict(self) -> None:
        """Someone else changed the file: ask once whether to overwrite it or open it again."""
        from planwizard.tui.screens.dialogs import ConflictDialog

        if self._conflict_open or self.session is None or self._closing:
            return
        self._conflict_open = True
        session = self.session

        def decided(choice: str | None) -> None:
            self._conflict_open = False
            if self.session is not session:
                return
            if choice == "overwrite":
                try:
                    session.save(overwrite=True)
                except PlanError as exc:
                    self.notify(exc.problems[0].message, title=texts.SAVE_FAILED, severity="error", timeout=10)
                self.update_subtitle()
            elif choice == "reload":
                path = session.path
                session.dirty = False  # the user chose the version on disk
                self.close_session()
                self.open_path(path)

        self.push_screen(ConflictDialog(), decided)

    def update_subtitle(self) -> None:
        session = self.session
        if session is None:
            self.title = texts.APP_TITLE
            self.sub_title = texts.APP_SUBTITLE
            return
        if session.read_only:
            status = texts.READ_ONLY
        elif session.save_error is not None and session.dirty:
            problems = session.save_error.problems
            status = texts.not_saved(problems[0].message if problems else "")
        elif session.dirty:
            status = texts.SAVING
        elif session.saved_at is not None:
            status = texts.saved_at(session.saved_at)
        else:
            status = ""
        self.title = session.plan.municipality.name or texts.APP_TITLE
        self.sub_title = texts.subtitle(status, session.display_name())

    def remember_position(self, item_id: str) -> None:
        self._position = item_id
        self._schedule_recent()

    def _schedule_recent(self) -> None:
        if self._recent_timer is None:
            self._recent_timer = self.set_timer(RECENT_DELAY, self._write_recent, name="recent")

    def _write_recent(self) -> None:
        self._recent_timer = None
        session = self.session
        if session is not None:
            recent.remember(session.path, name=session.plan.municipality.name, item=self._position or "",
                            now=self.clock())

    def shutdown(self) -> bool:
        """Save, remember the position and release the lock; False when saving failed."""
        session = self.session
        if session is None:
            return True
        self._closing = True
        if self._recent_timer is not None:
            self._recent_timer.stop()
            self._recent_timer = None
        saved = self.save_now()
        self._write_recent()
        if saved or isinstance(session.save_error, ChangedOnDisk):
            copy_path = session.close()  # a conflict: the wizard's version goes beside the file
            saved = saved or copy_path is not None
        elif session.lock is not None:
            session.lock.release()
        self.session = None
        self._closing = False
        return saved

    def _on_signal(self, signum: int) -> None:
        # SIGTERM or SIGHUP (the SSH connection dropped): save first, then leave. If the
        # terminal is gone for good Textual may hang writing to it; the plan is safe by then.
        self.shutdown()
        watchdog = threading.Timer(3.0, os._exit, (128 + signum,))
        watchdog.daemon = True
        watchdog.start()
        self.exit(128 + signum)

    # ------------------------------------------------------------ actions

    async def action_quit(self) -> None:
        from planwizard.tui.screens.dialogs import ConfirmDialog

        if self.session is not None and not self.save_now():
            def confirmed(yes: bool | None) -> None:
                if yes:
                    self.shutdown()
                    self.exit(1)

            reason = self._last_error or ""
            self.push_screen(ConfirmDialog(texts.quit_unsaved(reason), texts.QUIT_ANYWAY), confirmed)
            return
        self.shutdown()
        self.exit(0)

    def action_focus_next(self) -> None:
        # In a path field Tab first takes the completion shown in grey, as a shell does.
        if not take_path_suggestion(self.focused):
            super().action_focus_next()

    def action_help_quit(self) -> None:
        self.notify(texts.MSG_QUIT_HINT, timeout=3)

    def action_help(self) -> None:
        from planwizard.tui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())
