"""The inspiring examples: filter by theme and text, read one, attach it, add an own one."""

from __future__ import annotations

from collections.abc import Callable

from rich.table import Table
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Footer, Header, Input, OptionList, Select, Static
from textual.widgets.option_list import Option

from planwizard.examples import contains
from planwizard.model import Example, Item
from planwizard.tui import texts
from planwizard.tui.screens.base import WizardScreen
from planwizard.tui.screens.dialogs import OwnExampleDialog
from planwizard.tui.session import Session

ALL = "__all__"


def matches(example: Example, theme: str, query: str) -> bool:
    """Whether ``example`` belongs to ``theme`` (or ALL) and contains every word of ``query``
    (case, accents and punctuation do not count, as in ``planwizard examples --zoek``)."""
    return (theme == ALL or theme in example.themes) and contains(example, query)


def where_and_when(example: Example) -> str:
    """Where the example comes from and its year, e.g. 'Parkstad (Heerlen e.o.) · 2023'."""
    if example.own:
        return " · ".join(part for part in (example.where, example.year, texts.EXAMPLE_OWN) if part)
    return " · ".join(part for part in (example.where, example.year or texts.EXAMPLE_NO_YEAR) if part)


def when_and_where(example: Example) -> str:
    """Year first, then place, for one line in the list ('2023 · Parkstad (Heerlen e.o.)'), so a
    narrow list cuts off the place, never the year."""
    year = example.year or ("" if example.own else texts.EXAMPLE_NO_YEAR)
    return " · ".join(part for part in (year, example.where) if part)


def example_prompt(mark: str, title: str, where: str = "") -> Table:
    """A list entry: the attached mark in its own column, so a long title wraps beside it, with
    year and place on one line under it."""
    grid = Table.grid(padding=(0, 1))
    grid.add_column(width=1, no_wrap=True)
    grid.add_column(ratio=1, overflow="fold")
    grid.add_row(mark, title)
    if where:
        grid.add_row("", Text(where, style="italic dim", no_wrap=True, overflow="ellipsis"))
    return grid


def add_own_example(app, session: Session, item: Item, then: Callable[[Example], None]) -> None:
    """Ask for an own example; store it (attached to ``item`` when the user keeps that ticked), then ``then``."""
    if session.read_only:
        app.notify(texts.READ_ONLY_NOTICE, severity="warning")
        return

    def added(result: tuple[Example, bool] | None) -> None:
        if result is None:
            return
        example, attach = result
        example = session.add_own_example(example)
        if attach:
            session.toggle_example(item.id, example.id)
        app.plan_changed(immediate=True)
        app.notify(texts.own_added(example.title), timeout=3)
        then(example)

    app.push_screen(OwnExampleDialog(item.theme), added)


class ExamplesScreen(WizardScreen):
    """Browse the library (and own examples) with the current item as target."""

    BINDINGS = [
        Binding("escape", "back", texts.KEY_BACK, id="examples-back"),
        Binding("f4", "own", texts.KEY_OWN_EXAMPLE, tooltip=texts.KEY_OWN_EXAMPLE_TIP, id="examples-own"),
        Binding("slash", "filter", texts.KEY_FILTER, id="examples-filter", show=False),
    ]

    def __init__(self, session: Session, item: Item) -> None:
        super().__init__()
        self.session = session
        self.item = item
        self.shown: list[Example] = []

    def compose(self) -> ComposeResult:
        themes = [(texts.EXAMPLES_ALL_THEMES, ALL)] + [(t.title, t.id) for t in self.session.themes]
        yield Header()
        yield Static(Text(texts.examples_for_item(" ".join(self.item.question.split()))), id="examples-target")
        with Horizontal(id="examples-filters"):
            yield Select(themes, value=self.item.theme, allow_blank=False, id="examples-theme", compact=True)
            yield Input(placeholder=texts.EXAMPLES_FILTER_PLACEHOLDER, id="examples-query", compact=True)
        with Horizontal(id="examples-body"):
            yield OptionList(id="examples-list")
            with VerticalScroll(id="examples-detail", can_focus=True):
                yield Static(id="examples-text")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.fill()
        self.query_one("#examples-list", OptionList).focus()

    def fill(self, keep: str | None = None) -> None:
        theme = self.query_one("#examples-theme", Select).value
        query = self.query_one("#examples-query", Input).value
        theme_id = theme if isinstance(theme, str) else ALL
        self.shown = [e for e in self.session.all_examples().values() if matches(e, theme_id, query)]
        attached = set(self.session.attached(self.item.id))
        options = self.query_one("#examples-list", OptionList)
        highlighted = keep or (self.shown[options.highlighted].id
                               if options.highlighted is not None and options.highlighted < len(self.shown) else None)
        options.clear_options()
        for example in self.shown:
            mark = texts.EXAMPLE_ATTACHED if example.id in attached else " "
            options.add_option(Option(example_prompt(mark, example.title, when_and_where(example)), id=example.id))
        if self.shown:
            ids = [e.id for e in self.shown]
            options.highlighted = ids.index(highlighted) if highlighted in ids else 0
        else:
            self.query_one("#examples-text", Static).update(texts.EXAMPLES_EMPTY)

    @on(Select.Changed, "#examples-theme")
    @on(Input.Changed, "#examples-query")
    def _filter_changed(self) -> None:
        self.fill()

    @on(Input.Submitted, "#examples-query")
    def _filter_done(self) -> None:
        self.query_one("#examples-list", OptionList).focus()

    @on(OptionList.OptionHighlighted, "#examples-list")
    def _show(self, event: OptionList.OptionHighlighted) -> None:
        example = self.session.all_examples().get(event.option.id or "")
        if example is not None:
            self.query_one("#examples-text", Static).update(self.describe(example))
            self.query_one("#examples-detail", VerticalScroll).scroll_home(animate=False)

    def describe(self, example: Example) -> Text:
        """The full example as readable text."""
        titles = {t.id: t.title for t in self.session.themes}
        text = Text()
        text.append(example.title, style="bold")
        if facts := where_and_when(example):
            text.append("\n" + facts, style="italic")
        if example.id in self.session.attached(self.item.id):
            text.append("\n" + texts.example_attached(example.title), style="bold")
        text.append("\n\n" + " ".join(example.summary.split()))
        if example.themes:
            text.append(f"\n\n{texts.EXAMPLE_THEMES}: " + ", ".join(titles.get(t, t) for t in example.themes))
        if example.source:
            text.append(f"\n\n{texts.EXAMPLE_SOURCE}: {' '.join(example.source.split())}")
        if example.url:
            text.append(f"\n{example.url}")
        return text

    @on(OptionList.OptionSelected, "#examples-list")
    def _toggle(self, event: OptionList.OptionSelected) -> None:
        if self.session.read_only:
            self.app.notify(texts.READ_ONLY_NOTICE, severity="warning")
            return
        example_id = event.option.id or ""
        attached = self.session.toggle_example(self.item.id, example_id)
        title = self.session.all_examples()[example_id].title
        self.app.notify(texts.example_attached(title) if attached else texts.example_detached(title), timeout=2)
        self.app.plan_changed(immediate=True)
        self.fill(keep=example_id)
        example = self.session.all_examples()[example_id]
        self.query_one("#examples-text", Static).update(self.describe(example))

    def action_own(self) -> None:
        def added(example: Example) -> None:
            with self.prevent(Select.Changed, Input.Changed):
                self.query_one("#examples-query", Input).value = ""
            self.fill(keep=example.id)

        add_own_example(self.app, self.session, self.item, added)

    def action_filter(self) -> None:
        self.query_one("#examples-query", Input).focus()

    def action_back(self) -> None:
        self.dismiss(None)
