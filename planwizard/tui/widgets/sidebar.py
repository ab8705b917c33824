"""The sidebar: themes with their progress, and items with a status mark."""

from __future__ import annotations

from rich.text import Text
from textual.binding import Binding
from textual.widgets import Tree
from textual.widgets.tree import TreeNode

from planwizard import labels
from planwizard.model import Item
from planwizard.tui import texts
from planwizard.tui.session import Session

LABEL_WIDTH = 26
"""Characters of a label that fit beside the tree's guides in the sidebar."""

Key = tuple[str, str]
"""Node data: ("theme", theme id) or ("item", item id)."""


ABBREVIATIONS = {"nvo": "NvO", "ggz": "GGZ", "wlz": "Wlz", "wmo": "Wmo"}


def item_title(item: Item) -> str:
    """A short name for an item in the sidebar: its id without the theme, readable."""
    words = [ABBREVIATIONS.get(w, w) for w in item.id.split(".", 1)[-1].split("-")]
    text = " ".join(words)
    return text[:1].upper() + text[1:]


def fit(text: str, width: int = LABEL_WIDTH) -> str:
    """``text`` cut to ``width`` characters with an ellipsis (the sidebar never scrolls sideways)."""
    return text if len(text) <= width else text[: width - 1] + "…"


def state_colour(widget, state: str) -> str:
    """The theme's colour for a state mark (empty: the normal text colour)."""
    try:
        theme = widget.app.current_theme
    except Exception:  # not mounted yet
        return ""
    return {"done": theme.success, "partial": theme.warning, "todo": theme.error}.get(state) or ""


class PlanTree(Tree[Key]):
    """Themes (collapsed except the current one) with items below them.

    Enter on an item goes straight into its status choice, and 1-4 choose the status of
    the item under the cursor; both act at once, so keys typed quickly land where meant.
    """

    BINDINGS = [
        Binding("enter", "open", texts.KEY_OPEN_ITEM, show=False),
        Binding("1", "status(0)", labels.STATUS["done"], show=False),
        Binding("2", "status(1)", labels.STATUS["partial"], show=False),
        Binding("3", "status(2)", labels.STATUS["todo"], show=False),
        Binding("4", "status(3)", labels.STATUS["not_applicable"], show=False),
    ]

    ICON_NODE = "▸ "
    ICON_NODE_EXPANDED = "▾ "

    def __init__(self, session: Session, **kwargs) -> None:
        super().__init__("plan", **kwargs)
        self.session = session
        self.show_root = False
        self.guide_depth = 2
        self.auto_expand = True
        self._themes: dict[str, TreeNode[Key]] = {}
        self._items: dict[str, TreeNode[Key]] = {}
        for theme in session.themes:
            node = self.root.add(self._theme_label(theme.id), data=("theme", theme.id), expand=False)
            self._themes[theme.id] = node
            for item in theme.items:
                self._items[item.id] = node.add_leaf(self._item_label(item), data=("item", item.id))

    def _theme_label(self, theme_id: str) -> Text:
        theme = next(t for t in self.session.themes if t.id == theme_id)
        answered, applicable = self.session.progress(theme)
        label = Text(fit(texts.theme_label(answered, applicable, theme.title)))
        label.stylize("bold", 0, len(f"{answered}/{applicable}"))
        return label

    def _item_label(self, item: Item) -> Text:
        state = self.session.state(item)
        label = Text(fit(f"{texts.MARK[state]} {item_title(item)}"))
        if state in ("skipped", "not_applicable"):
            label.stylize("dim")
        colour = state_colour(self, state)
        if colour:
            label.stylize(colour, 0, 1)
        return label

    def refresh_labels(self) -> None:
        """Recompute every mark and progress (a status can skip or unskip other items)."""
        for theme_id, node in self._themes.items():
            node.set_label(self._theme_label(theme_id))
        for item in self.session.items:
            self._items[item.id].set_label(self._item_label(item))

    def action_open(self) -> None:
        item_id = self.item_at_cursor()
        if item_id is None:
            self.action_toggle_node()
            return
        self.screen.show_item(item_id, focus_status=True)  # type: ignore[attr-defined]

    def action_status(self, index: int) -> None:
        item_id = self.item_at_cursor()
        if item_id is not None:
            self.screen.choose_status(item_id, index)  # type: ignore[attr-defined]

    def item_at_cursor(self) -> str | None:
        node = self.cursor_node
        if node is not None and node.data is not None and node.data[0] == "item":
            return node.data[1]
        return None

    def show_item(self, item_id: str) -> None:
        """Open the item's theme (closing the others) and put the cursor on the item."""
        node = self._items[item_id]
        theme_node = node.parent
        for other in self._themes.values():
            if other is not theme_node and other.is_expanded:
                other.collapse()
        if theme_node is not None and not theme_node.is_expanded:
            theme_node.expand()
        if self.cursor_node is node:
            return
        _ = self._tree_lines  # rebuild line numbers now, so the node's line is current
        self.move_cursor(node)
