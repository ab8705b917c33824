"""The wizard application: opening plans, saving them, the screens and the command palette."""

from __future__ import annotations

import asyncio
import datetime as dt
import os
import signal
import threading
from collections.abc import Callable, Iterable
from pathlib import Path

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.command import CommandPalette
from textual.screen import Screen
from textual.timer import Timer

from planwizard import labels, recent
from planwizard.errors import PlanError, Problem
from planwizard.gemeenten import Gemeente
from planwizard.model import Checklist
from planwizard.tui import texts
from planwizard.tui.messages import GoToItem
from planwizard.tui.screens.start import StartScreen
from planwizard.tui.session import ChangedOnDisk, Session

SAVE_DELAY = 0.5
"""Seconds between a keystroke and the save that follows it (the issue allows one)."""
RECENT_DELAY = 1.0
"""Seconds before the current position is written to the recent list."""


class DutchCommandPalette(CommandPalette):
    """Textual's command palette, saying "nothing found" in Dutch."""

    def _start_no_matches_countdown(self, search_value: str) -> None:
        # Same as Textual 8.2's, with the text translated (it is not configurable there).
        from rich.align import Align
        from rich.text import Text
        from textual.command import CommandList
        from textual.widgets.option_list import Option

        self._stop_no_matches_countdown()

        def show_no_matches() -> None:
            if search_value:
                self.query_one(CommandList).add_option(
                    Option(Align.center(Text(texts.PALETTE_NO_MATCHES, style="not bold")), disabled=True,
                           id=self._NO_MATCHES)
                )
                self._list_visible = True
            else:
                self._list_visible = False

        self._no_matches_timer = self.set_timer(self._NO_MATCHES_COUNTDOWN, show_no_matches)


class WizardApp(App[int]):
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
    ) -> None:
        super().__init__()
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
        return shown

    def get_default_screen(self) -> Screen:
        return StartScreen()

    def on_mount(self) -> None:
        if self.handle_signals:
            loop = asyncio.get_running_loop()
            for signum in (signal.SIGTERM, signal.SIGHUP):
                loop.add_signal_handler(signum, self._on_signal, signum)
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

        path = Path(os.path.abspath(os.path.expanduser(str(path))))
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

    def action_help_quit(self) -> None:
        self.notify(texts.MSG_QUIT_HINT, timeout=3)

    def action_help(self) -> None:
        from planwizard.tui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def action_command_palette(self) -> None:
        if self.use_command_palette and not CommandPalette.is_open(self):
            self.push_screen(DutchCommandPalette(id="--command-palette", placeholder=texts.PALETTE_PLACEHOLDER))

    def main_screen(self):
        from planwizard.tui.screens.main import MainScreen

        for screen in reversed(self.screen_stack):
            if isinstance(screen, MainScreen):
                return screen
        return None

    def go_to(self, item_id: str) -> None:
        """Show ``item_id`` on the main screen, closing screens above it."""
        main = self.main_screen()
        if main is None:
            return
        while self.screen is not main and len(self.screen_stack) > 1:
            self.pop_screen()
        main.post_message(GoToItem(item_id, focus_status=True))

    def search_commands(self, commands, placeholder: str = texts.PALETTE_PLACEHOLDER):
        from textual.command import SimpleProvider

        return self.push_screen(DutchCommandPalette(providers=[SimpleProvider(self.screen, commands)],
                                                    placeholder=placeholder))

    def search_items(self) -> None:
        """A palette of every item, searched by its question."""
        from textual.command import SimpleCommand

        session = self.session
        if session is None:
            return
        commands = []
        for item in session.items:
            state = session.state(item)
            question = " ".join(item.question.split())
            commands.append(SimpleCommand(f"{texts.MARK[state]} {question}",
                                          lambda i=item.id: self.go_to(i),
                                          f"{session.theme_of(item).title} · {texts.STATE[state]}"))
        self.search_commands(commands, placeholder=texts.PALETTE_ITEM_PLACEHOLDER)

    def search_themes_of_plan(self) -> None:
        from textual.command import SimpleCommand

        session = self.session
        if session is None:
            return
        commands = []
        for theme in session.themes:
            answered, applicable = session.progress(theme)
            target = next((i for i in theme.items if session.state(i) == "unanswered"), theme.items[0])
            commands.append(SimpleCommand(theme.title, lambda i=target.id: self.go_to(i),
                                          texts.theme_label(answered, applicable, "beantwoord")))
        self.search_commands(commands, placeholder=texts.PALETTE_THEME_PLACEHOLDER)

    def _main_action(self, name: str) -> Callable[[], None]:
        def run() -> None:
            main = self.main_screen()
            if main is None:
                return
            while self.screen is not main and len(self.screen_stack) > 1:
                self.pop_screen()
            getattr(main, f"action_{name}")()

        return run

    def generate_from_palette(self) -> None:
        from planwizard.tui.screens.review import ReviewScreen

        screen = self.screen
        if isinstance(screen, ReviewScreen):
            screen.action_generate()
            return
        self._main_action("review")()
        self.call_after_refresh(lambda: isinstance(self.screen, ReviewScreen) and self.screen.action_generate())

    def edit_plan_info(self) -> None:
        from planwizard.tui.screens.dialogs import PlanInfoDialog

        session = self.session
        if session is None or session.read_only:
            return
        info, municipality = session.plan.info, session.plan.municipality
        values = {"title": info.title, "period": info.period, "author": info.author,
                  "organisation": info.organisation, "region": municipality.region,
                  "central_municipality": municipality.central_municipality}

        def done(result: dict[str, str] | None) -> None:
            if result is None or self.session is None:
                return
            self.session.set_info(**{k: result[k] for k in ("title", "period", "author", "organisation")})
            from planwizard.tui.session import clean_line

            self.session.plan.municipality.region = clean_line(result["region"])
            self.session.plan.municipality.central_municipality = clean_line(result["central_municipality"])
            self.plan_changed(immediate=True)

        self.push_screen(PlanInfoDialog(values), done)

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """The Dutch commands of the palette (Textual's English ones are left out)."""
        if self.session is not None:
            yield SystemCommand(texts.CMD_NEXT_OPEN, texts.CMD_NEXT_OPEN_HELP, self._main_action("next_open"))
            yield SystemCommand(texts.CMD_GOTO_THEME, texts.CMD_GOTO_THEME_HELP, self.search_themes_of_plan)
            yield SystemCommand(texts.CMD_GOTO_ITEM, texts.CMD_GOTO_ITEM_HELP, self.search_items)
            yield SystemCommand(texts.CMD_REVIEW, texts.CMD_REVIEW_HELP, self._main_action("review"))
            yield SystemCommand(texts.CMD_EXAMPLES, texts.CMD_EXAMPLES_HELP, self._main_action("examples"))
            yield SystemCommand(texts.CMD_GENERATE, texts.CMD_GENERATE_HELP, self.generate_from_palette)
            if not self.session.read_only:
                yield SystemCommand(texts.CMD_SAVE, texts.CMD_SAVE_HELP, lambda: self.save_now(notify=True))
                yield SystemCommand(texts.CMD_PLAN_INFO, texts.CMD_PLAN_INFO_HELP, self.edit_plan_info)
            for theme in self.session.themes:
                session = self.session
                target = next((i for i in theme.items if session.state(i) == "unanswered"), theme.items[0])
                yield SystemCommand(texts.CMD_THEME.format(title=theme.title), texts.CMD_GOTO_THEME_HELP,
                                    lambda i=target.id: self.go_to(i), discover=False)
            yield SystemCommand(texts.CMD_CLOSE, texts.CMD_CLOSE_HELP, self.close_session)
        yield SystemCommand(texts.CMD_HELP, texts.CMD_HELP_HELP, self.action_help)
        yield SystemCommand(texts.CMD_COLOURS, texts.CMD_COLOURS_HELP, self.choose_colours)
        yield SystemCommand(texts.CMD_QUIT, texts.CMD_QUIT_HELP, self.action_quit)

    def choose_colours(self) -> None:
        from textual.theme import ThemeProvider

        self.push_screen(DutchCommandPalette(providers=[ThemeProvider], placeholder=texts.PALETTE_COLOURS_PLACEHOLDER))
