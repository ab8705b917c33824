"""F1: how the wizard works, and every key, built from the bindings themselves."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Footer, Header, Markdown

from planwizard.tui import browser, texts
from planwizard.tui.screens.base import WizardScreen


def key_name(app, key: str) -> str:
    """How a key is written in the help (Ctrl+N, F2, Enter...)."""
    names = {"escape": "Esc", "enter": "Enter", "space": "Spatie", "delete": "Del", "backspace": "Backspace",
             "slash": "/", "plus": "+", "insert": "Insert", "up": "↑", "down": "↓", "tab": "Tab"}
    *modifiers, last = key.split("+")
    if len(last) == 1:
        last = last.upper() if modifiers else last  # Ctrl+N, but a plain a stays a
    else:
        last = names.get(last, last.upper() if len(last) <= 3 else last.capitalize())
    return "+".join([*(m.capitalize() for m in modifiers), last])


def binding_rows(app, bindings: list[Binding]) -> list[str]:
    """Markdown table rows for ``bindings`` that have a description."""
    rows = []
    for binding in bindings:
        if not isinstance(binding, Binding) or not binding.description:
            continue
        keys = " / ".join(key_name(app, k.strip()) for k in browser.keys(app, binding).split(","))
        what = binding.tooltip or binding.description
        if binding.tooltip and binding.tooltip != binding.description:
            what = f"{binding.description}: {binding.tooltip[0].lower()}{binding.tooltip[1:]}"
        rows.append(f"| {keys} | {what} |")
    return rows


def help_markdown(app) -> str:
    """The whole help text: workflow, then the keys per screen."""
    from planwizard.tui.screens.examples import ExamplesScreen
    from planwizard.tui.screens.main import MainScreen
    from planwizard.tui.screens.review import ReviewScreen
    from planwizard.tui.widgets.item_pane import ActionsTable
    from planwizard.tui.widgets.status import StatusChoice

    sections = [
        (texts.HELP_KEYS_GENERAL, list(type(app).BINDINGS)),
        (texts.HELP_KEYS_MAIN, [*MainScreen.BINDINGS, *ActionsTable.BINDINGS]),
        (texts.HELP_KEYS_EXAMPLES, list(ExamplesScreen.BINDINGS)),
        (texts.HELP_KEYS_REVIEW, list(ReviewScreen.BINDINGS)),
    ]
    parts = [texts.HELP_WORKFLOW, texts.HELP_KEYS, texts.HELP_KEYS_MOVE]
    for title, bindings in sections:
        rows = binding_rows(app, bindings)
        if title == texts.HELP_KEYS_MAIN:
            clear = next(b for b in StatusChoice.BINDINGS if b.action == "clear")
            rows[:0] = [texts.HELP_STATUS_ROW, f"| {' / '.join(key_name(app, k) for k in clear.key.split(','))} "
                        f"| {clear.description} |"]
        if rows:
            parts.append(f"### {title}\n\n{texts.HELP_KEYS_TABLE_HEAD}\n" + "\n".join(rows))
    return "\n\n".join(parts)


class HelpScreen(WizardScreen):
    """The help text; Escape or F1 goes back."""

    BINDINGS = [Binding("escape,f1", "back", texts.KEY_BACK, id="help-back")]

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="help", can_focus=True):
            yield Markdown(help_markdown(self.app))
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one("#help").focus()

    def action_back(self) -> None:
        self.dismiss(None)
