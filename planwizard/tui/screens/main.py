"""The main screen: the checklist in a sidebar and the current item beside it."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widgets import Footer, Header, Tree

from planwizard.model import Action
from planwizard.tui import texts
from planwizard.tui.messages import GoToItem, PlanChanged
from planwizard.tui.screens.base import WizardScreen, focus_now
from planwizard.tui.screens.dialogs import ActionDialog, ConfirmDialog
from planwizard.tui.session import Session
from planwizard.tui.widgets.item_pane import ItemPane, NotesArea
from planwizard.tui.widgets.sidebar import PlanTree
from planwizard.tui.widgets.status import StatusChoice


class MainScreen(WizardScreen):
    """Work through the checklist item by item."""

    BINDINGS = [
        Binding("ctrl+n", "next", texts.KEY_NEXT, tooltip=texts.KEY_NEXT_TIP, priority=True, id="next"),
        Binding("ctrl+o", "previous", texts.KEY_PREVIOUS, tooltip=texts.KEY_PREVIOUS_TIP, priority=True,
                id="previous", show=False),
        Binding("ctrl+t", "next_open", texts.KEY_NEXT_OPEN, tooltip=texts.KEY_NEXT_OPEN_TIP, priority=True,
                id="next-open"),
        Binding("ctrl+g", "goto", texts.KEY_GOTO, tooltip=texts.KEY_GOTO_TIP, priority=True, id="goto", show=False),
        Binding("f2", "examples", texts.KEY_EXAMPLES, tooltip=texts.KEY_EXAMPLES_TIP, id="examples"),
        Binding("f3", "review", texts.KEY_REVIEW, tooltip=texts.KEY_REVIEW_TIP, id="review"),
        Binding("ctrl+s", "save", texts.KEY_SAVE, tooltip=texts.KEY_SAVE_TIP, priority=True, id="save", show=False),
        Binding("escape", "sidebar", texts.KEY_SIDEBAR, tooltip=texts.KEY_SIDEBAR_TIP, id="sidebar", show=False),
    ]

    def __init__(self, session: Session, start_item: str | None = None) -> None:
        super().__init__()
        self.session = session
        self.current: str | None = None
        self.start_item = start_item if session.has_item(start_item) else None

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="main"):
            yield PlanTree(self.session, id="sidebar")
            yield ItemPane(self.session, id="pane")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        session = self.session
        first = self.start_item or getattr(session.next_open(None), "id", None) or session.first_item().id
        self.show_item(first)
        focus_now(self.query_one(PlanTree))

    # ------------------------------------------------------------ showing items

    def show_item(self, item_id: str, *, focus_status: bool = False) -> None:
        """Make ``item_id`` the current item (saving pending changes first)."""
        if item_id != self.current:
            if self.current is not None:
                self.app.save_now()
            self.current = item_id
            pane = self.query_one(ItemPane)
            focused_in_pane = self.focused is not None and pane in self.focused.ancestors
            pane.show(self.session.item(item_id))
            if focused_in_pane and not isinstance(self.focused, StatusChoice):
                focus_now(self.query_one(StatusChoice), scroll_visible=False)
            self.app.remember_position(item_id)
        self.query_one(PlanTree).show_item(item_id)
        if focus_status:
            focus_now(self.query_one(StatusChoice), scroll_visible=False)

    def choose_status(self, item_id: str, index: int) -> None:
        """Set an item's status from the sidebar (1-4), as if chosen in its status field."""
        if self.session.read_only:
            self.app.notify(texts.READ_ONLY_NOTICE, severity="warning", timeout=3)
            return
        self.show_item(item_id)
        self.query_one(StatusChoice).action_pick(index)

    @on(Tree.NodeHighlighted, "#sidebar")
    def _node_highlighted(self, event: Tree.NodeHighlighted) -> None:
        if event.node is not self.query_one(PlanTree).cursor_node:
            return  # stale: the cursor moved on (e.g. Ctrl+N pressed quickly) before this arrived
        data = event.node.data
        if data is not None and data[0] == "item" and data[1] != self.current:
            self.show_item(data[1])

    @on(Tree.NodeSelected, "#sidebar")
    def _node_selected(self, event: Tree.NodeSelected) -> None:
        data = event.node.data
        if data is not None and data[0] == "item":
            self.show_item(data[1], focus_status=True)

    @on(GoToItem)
    def _go_to(self, event: GoToItem) -> None:
        self.show_item(event.item_id, focus_status=event.focus_status)

    # ------------------------------------------------------------ changes

    @on(PlanChanged)
    def _plan_changed(self, event: PlanChanged) -> None:
        event.stop()
        self.app.plan_changed(immediate=event.immediate)
        if event.refresh_tree:
            self.query_one(PlanTree).refresh_labels()
            self.query_one(ItemPane).refresh_skipped()

    def on_descendant_blur(self, event) -> None:
        # Leaving a field always saves, whatever the debounce timer says.
        if isinstance(event.widget, NotesArea):
            self.app.save_now()

    def edit_actions(self, what: str, index: int | None) -> None:
        """Add (index None), edit or remove an action of the current item, through a dialog."""
        if self.session.read_only or self.current is None:
            self.app.notify(texts.READ_ONLY_NOTICE, severity="warning")
            return
        pane = self.query_one(ItemPane)
        answer = self.session.answer(self.current)
        actions = answer.actions if answer else []
        if what == "add":
            self.app.push_screen(ActionDialog(), lambda action: self._store_action(None, action))
        elif what == "edit" and index is not None and index < len(actions):
            self.app.push_screen(ActionDialog(actions[index]), lambda action: self._store_action(index, action))
        elif what == "remove" and index is not None and index < len(actions):
            def confirmed(yes: bool | None) -> None:
                if yes:
                    pane.remove_action(index)

            self.app.push_screen(ConfirmDialog(texts.CONFIRM_REMOVE_ACTION, texts.CONFIRM_YES_REMOVE), confirmed)

    def _store_action(self, index: int | None, action: Action | None) -> None:
        if action is not None:
            self.query_one(ItemPane).apply_action(index, action)

    def reload_item(self) -> None:
        """Show the current item afresh after its answer was replaced (by an import)."""
        if self.current is not None:
            self.query_one(ItemPane).show(self.session.item(self.current))
        self.refresh_all()

    def refresh_all(self) -> None:
        """Redraw marks, progress and the current item after changes made elsewhere."""
        self.query_one(PlanTree).refresh_labels()
        pane = self.query_one(ItemPane)
        pane.refresh_examples()
        pane.refresh_skipped()

    # ------------------------------------------------------------ actions

    def action_next(self) -> None:
        if self.current is None:
            return
        item = self.session.step(self.current, 1)
        if item is None:
            self.app.notify(texts.AT_END, timeout=3)
            return
        self.show_item(item.id)

    def action_previous(self) -> None:
        if self.current is None:
            return
        item = self.session.step(self.current, -1)
        if item is None:
            self.app.notify(texts.AT_START, timeout=3)
            return
        self.show_item(item.id)

    def action_next_open(self) -> None:
        item = self.session.next_open(self.current)
        if item is None:
            self.app.notify(texts.NO_MORE_OPEN, timeout=4)
            return
        self.show_item(item.id)

    def action_goto(self) -> None:
        self.app.search_items()

    def action_examples(self) -> None:
        from planwizard.tui.screens.examples import ExamplesScreen

        if self.current is None:
            return
        self.app.save_now()
        self.app.push_screen(ExamplesScreen(self.session, self.session.item(self.current)),
                             lambda _: self.refresh_all())

    def action_review(self, tab: str | None = None, focus: str | None = None) -> None:
        from planwizard.tui.screens.review import ReviewScreen

        self.app.save_now()

        def chosen(item_id: str | None) -> None:
            self.refresh_all()
            if item_id:
                self.show_item(item_id, focus_status=True)

        self.app.push_screen(ReviewScreen(self.session, tab=tab, focus=focus), chosen)

    def action_save(self) -> None:
        self.app.save_now(notify=True)

    def action_sidebar(self) -> None:
        focus_now(self.query_one(PlanTree))
