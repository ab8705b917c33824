"""The command palette: Dutch commands for everything one does in the wizard.

Besides going to a theme or item, the review, the examples and the draft, it holds what
one does on the current item (status, text, actions, examples), so a user who only
knows Ctrl+P can do all of it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from textual import events
from textual.app import SystemCommand
from textual.command import CommandPalette
from textual.screen import Screen
from textual.timer import Timer

from planwizard import labels
from planwizard.model import STATUSES
from planwizard.tui import texts
from planwizard.tui.messages import GoToItem
from planwizard.tui.providers import ColourSchemes, ListProvider, WizardCommands


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


HOLD_AT_MOST = 1.0
"""Seconds that keys typed right after Enter in a palette wait at most for the chosen command."""


class PaletteCommands:
    """The wizard app's palette commands (mixed into ``WizardApp``).

    Keys typed right after Enter in a palette (over SSH they arrive in the same read) are
    held until the chosen command has run, then handed on: "Tekst bewerken", Enter and a
    sentence typed straight after land in the text field instead of in the closing palette.
    """

    COMMANDS = {WizardCommands}
    _held_keys: list[events.Key] | None = None
    _hold_timer: Timer | None = None
    _held_in: Screen | None = None

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.Key) and not event.is_forwarded:
            if self._held_keys is not None:
                self._held_keys.append(event)
                return
            if event.key == "enter" and isinstance(self.screen, CommandPalette):
                self._held_keys, self._held_in = [], self.screen
                self._hold_timer = self.set_timer(HOLD_AT_MOST, self._release_keys)
        await super().on_event(event)

    def on_command_palette_closed(self, event: CommandPalette.Closed) -> None:
        if not event.option_selected:
            self.call_later(self._release_keys)
        else:  # the palette asked for its command to run before this is handled: after it, once shown
            self.call_later(self._release_when_shown)

    def _release_when_shown(self) -> None:
        """Release the keys once what the command opened is on screen with its field focused."""
        if self._held_keys is None:
            return
        screen = self.screen
        if screen is not self._held_in and screen.is_mounted and (screen.focused is not None or not screen.focus_chain):
            self.call_after_refresh(self._release_keys)
        else:
            self.call_after_refresh(self._release_when_shown)

    async def _release_keys(self) -> None:
        held, self._held_keys, self._held_in = self._held_keys, None, None
        if self._hold_timer is not None:
            self._hold_timer.stop()
            self._hold_timer = None
        for key in held or ():
            await self.on_event(key)

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
        return self.push_screen(DutchCommandPalette(providers=[ListProvider(self.screen, commands)],
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

    def _on_main(self, act: Callable, *, needs_item: bool = False) -> Callable[[], None]:
        """A command that closes the screens above the main screen, then calls ``act(main)``."""
        def run() -> None:
            main = self.main_screen()
            if main is None or (needs_item and main.current is None):
                return
            while self.screen is not main and len(self.screen_stack) > 1:
                self.pop_screen()
            act(main)

        return run

    def _main_action(self, name: str) -> Callable[[], None]:
        return self._on_main(lambda main: getattr(main, f"action_{name}")())

    def _item_command(self, title: str, help_text: str, act: Callable) -> SystemCommand:
        """A palette command on the main screen's current item: ``act(main, item_id)``."""
        return SystemCommand(title, help_text, self._on_main(lambda main: act(main, main.current), needs_item=True))

    def item_commands(self) -> Iterable[SystemCommand]:
        """What one does on the current item: status, text, actions, examples, moving on."""
        main = self.main_screen()
        if main is None or main.current is None or self.session is None:
            return
        from planwizard.tui.screens.base import focus_now
        from planwizard.tui.widgets.item_pane import GuidanceBox, ItemPane, NotesArea
        from planwizard.tui.widgets.status import StatusChoice

        session = self.session
        answer = session.answer(main.current)
        yield SystemCommand(texts.CMD_NEXT_OPEN, texts.CMD_NEXT_OPEN_HELP, self._main_action("next_open"))
        if not session.read_only:
            for index, status in enumerate(STATUSES):
                label = labels.STATUS[status]
                yield self._item_command(texts.CMD_STATUS.format(label=label), texts.CMD_STATUS_HELP.format(label=label),
                                         lambda m, item_id, i=index: m.choose_status(item_id, i))
            if answer is not None and answer.status is not None:
                yield self._item_command(texts.CMD_STATUS_CLEAR, texts.CMD_STATUS_CLEAR_HELP,
                                         lambda m, _: m.query_one(StatusChoice).action_clear())
            yield self._item_command(texts.CMD_NOTES, texts.CMD_NOTES_HELP,
                                     lambda m, _: focus_now(m.query_one(NotesArea)))
            yield self._item_command(texts.CMD_ACTION_ADD, texts.CMD_ACTION_ADD_HELP,
                                     lambda m, _: m.edit_actions("add", None))
            if answer is not None and answer.actions:
                yield SystemCommand(texts.CMD_ACTION_EDIT, texts.CMD_ACTION_EDIT_HELP, lambda: self.pick_action("edit"))
                yield SystemCommand(texts.CMD_ACTION_REMOVE, texts.CMD_ACTION_REMOVE_HELP,
                                    lambda: self.pick_action("remove"))
            yield SystemCommand(texts.CMD_EXAMPLE_ATTACH, texts.CMD_EXAMPLE_ATTACH_HELP,
                                lambda: self.pick_example(attach=True))
            if answer is not None and answer.examples:
                yield SystemCommand(texts.CMD_EXAMPLE_DETACH, texts.CMD_EXAMPLE_DETACH_HELP,
                                    lambda: self.pick_example(attach=False))
            yield self._item_command(texts.CMD_OWN_EXAMPLE, texts.CMD_OWN_EXAMPLE_HELP, self._own_example)
        yield self._item_command(texts.CMD_NEXT, texts.CMD_NEXT_HELP, lambda m, _: m.action_next())
        yield self._item_command(texts.CMD_PREVIOUS, texts.CMD_PREVIOUS_HELP, lambda m, _: m.action_previous())

        def toggle_guidance(m, _) -> None:
            box = m.query_one(GuidanceBox)
            box.collapsed = not box.collapsed
            m.query_one(ItemPane).guidance_open = not box.collapsed

        yield self._item_command(texts.CMD_GUIDANCE, texts.CMD_GUIDANCE_HELP, toggle_guidance)

    def _own_example(self, main, item_id: str) -> None:
        from planwizard.tui.screens.examples import add_own_example

        add_own_example(self, main.session, main.session.item(item_id), lambda _: main.refresh_all())

    def pick_action(self, what: str) -> None:
        """A palette of the current item's actions; the chosen one is edited or removed."""
        from textual.command import SimpleCommand

        main = self.main_screen()
        answer = self.session.answer(main.current) if main is not None and main.current else None
        if answer is None:
            return
        commands = [
            SimpleCommand(" ".join(action.what.split()) or "…",
                          self._on_main(lambda m, i=index: m.edit_actions(what, i), needs_item=True),
                          " · ".join(part for part in (action.owner, texts.short_date(action.due)) if part) or None)
            for index, action in enumerate(answer.actions)
        ]
        self.search_commands(commands, placeholder=texts.PALETTE_ACTION_PLACEHOLDER)

    def pick_example(self, *, attach: bool) -> None:
        """A palette of examples to attach to the current item (suggested ones first), or of attached ones."""
        from textual.command import SimpleCommand

        from planwizard.tui.widgets.item_pane import ItemPane

        main, session = self.main_screen(), self.session
        if main is None or main.current is None or session is None:
            return
        item = session.item(main.current)
        attached = set(session.attached(item.id))
        everything = session.all_examples()
        suggested = [e for e in item.examples if e in everything]
        order = sorted(everything, key=lambda e: (e not in suggested, item.theme not in everything[e].themes,
                                                  everything[e].title.casefold()))
        themes = {theme.id: theme.title for theme in session.themes}

        def toggle(main, example_id: str) -> None:
            pane = main.query_one(ItemPane)
            pane.toggle_example(example_id)
            pane.refresh_examples()

        commands = []
        for example_id in order:
            if (example_id in attached) == attach:
                continue
            example = everything[example_id]
            about = texts.CMD_RELATED if example_id in suggested else ", ".join(
                themes.get(t, t) for t in example.themes)
            commands.append(SimpleCommand(
                " ".join(example.title.split()),
                self._on_main(lambda m, e=example_id: toggle(m, e), needs_item=True),
                " · ".join(part for part in (example.where, about) if part) or None,
            ))
        self.search_commands(commands, placeholder=texts.PALETTE_EXAMPLE_PLACEHOLDER)

    def generate_from_palette(self) -> None:
        from planwizard.tui.screens.review import ReviewScreen

        screen = self.screen
        if isinstance(screen, ReviewScreen):
            screen.action_generate()
            return
        self._main_action("review")()
        self.call_after_refresh(lambda: isinstance(self.screen, ReviewScreen) and self.screen.action_generate())

    def open_versions(self, field: str) -> None:
        """The overview's tab "Word en versies", with ``field`` (an input's selector) focused."""
        main = self.main_screen()
        if main is None:
            return
        while self.screen is not main and len(self.screen_stack) > 1:
            self.pop_screen()
        main.action_review(tab="tab-versions", focus=field)

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
            yield from self.item_commands()
            yield SystemCommand(texts.CMD_GOTO_THEME, texts.CMD_GOTO_THEME_HELP, self.search_themes_of_plan)
            yield SystemCommand(texts.CMD_GOTO_ITEM, texts.CMD_GOTO_ITEM_HELP, self.search_items)
            yield SystemCommand(texts.CMD_REVIEW, texts.CMD_REVIEW_HELP, self._main_action("review"))
            yield SystemCommand(texts.CMD_EXAMPLES, texts.CMD_EXAMPLES_HELP, self._main_action("examples"))
            yield SystemCommand(texts.CMD_GENERATE, texts.CMD_GENERATE_HELP, self.generate_from_palette)
            yield SystemCommand(texts.CMD_IMPORT, texts.CMD_IMPORT_HELP, lambda: self.open_versions("#import-path"))
            yield SystemCommand(texts.CMD_COMPARE, texts.CMD_COMPARE_HELP, lambda: self.open_versions("#compare-path"))
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
        self.push_screen(DutchCommandPalette(providers=[ColourSchemes], placeholder=texts.PALETTE_COLOURS_PLACEHOLDER))
