"""What the draft reports about a plan: per-item state, readiness per theme, actions, open points.

Plain Python (no Word): the region overview and the wizard may use it too.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from planwizard import labels
from planwizard.model import Action, Answer, Checklist, Example, Item, Plan, Theme

from planwizard.readiness import OPEN_STATES, SKIPPED, UNANSWERED, Tally, state  # noqa: F401 - used by the builder


def short_date(day: dt.date | None) -> str:
    """``30-06-2025``, the date format of tables and action lists; empty without a date."""
    return f"{day.day:02d}-{day.month:02d}-{day.year:04d}" if day else ""


def status_label(state_: str) -> str:
    """The Dutch label of a state, as the document shows it."""
    if state_ == UNANSWERED:
        return labels.UNANSWERED
    if state_ == SKIPPED:
        return labels.DOC_SKIPPED_STATUS
    return labels.STATUS[state_]


@dataclass
class PlannedAction:
    """An action with the item and theme it belongs to."""

    action: Action
    item: Item
    theme: Theme


@dataclass
class Facts:
    """Everything the overview chapters need, computed once per document."""

    states: dict[str, str]
    per_theme: dict[str, Tally]
    total: Tally
    actions: list[PlannedAction]
    open_items: list[tuple[Theme, Item, str]]
    levels: dict[str, int] = field(default_factory=dict)


def _due_key(planned: PlannedAction, position: dict[str, int]) -> tuple[int, dt.date, int]:
    due = planned.action.due
    return (0 if due else 1, due or dt.date.max, position[planned.item.id])


def collect(plan: Plan, checklist: Checklist) -> Facts:
    """The facts of ``plan`` against ``checklist``."""
    states: dict[str, str] = {}
    per_theme: dict[str, Tally] = {}
    total = Tally()
    actions: list[PlannedAction] = []
    open_items: list[tuple[Theme, Item, str]] = []
    levels = {"stelsel": 0, "organisatie": 0, "uitvoering": 0}
    position: dict[str, int] = {}
    for theme in checklist.themes:
        tally = per_theme.setdefault(theme.id, Tally())
        for item in theme.items:
            position[item.id] = len(position)
            current = state(plan, item)
            states[item.id] = current
            tally.add(current)
            total.add(current)
            if item.level in levels:
                levels[item.level] += 1
            if current in OPEN_STATES:
                open_items.append((theme, item, current))
            answer = plan.answers.get(item.id)
            if answer is not None and current != SKIPPED:
                actions.extend(PlannedAction(action, item, theme) for action in answer.actions)
    actions.sort(key=lambda planned: _due_key(planned, position))
    return Facts(states, per_theme, total, actions, open_items, levels)


def chosen_examples(answer: Answer | None, library: dict[str, Example], own: list[Example]) -> list[Example]:
    """The examples the gemeente attached to an item, library and own ones, in its order."""
    if answer is None or not answer.examples:
        return []
    own_by_id = {example.id: example for example in own}
    found = []
    for ident in answer.examples:
        example = own_by_id.get(ident) or library.get(ident)
        if example is not None:
            found.append(example)
    return found


def bar_cells(tally: Tally, cells: int) -> list[str]:
    """``cells`` states (done, partial, todo, unanswered) in proportion, largest remainder first."""
    parts = [("done", tally.done), ("partial", tally.partial), ("todo", tally.todo),
             ("unanswered", tally.unanswered)]
    total = sum(count for _, count in parts)
    if not total:
        return []
    exact = [(name, count * cells / total) for name, count in parts]
    whole = {name: int(value) for name, value in exact}
    left = cells - sum(whole.values())
    for name, value in sorted(exact, key=lambda pair: pair[1] - int(pair[1]), reverse=True)[:left]:
        whole[name] += 1
    return [name for name, _ in parts for _ in range(whole[name])]
