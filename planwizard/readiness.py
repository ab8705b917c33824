"""How far a plan is: the state of every item and counts per theme.

One definition for the draft, the regional overview and the wizard.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from planwizard.model import Checklist, Item, Plan

UNANSWERED = "unanswered"
SKIPPED = "skipped"
"""States besides the four statuses: no status yet, and ``when`` does not hold."""
STATES = (UNANSWERED, "todo", "partial", "done", "not_applicable", SKIPPED)
"""Every state an item can have, open ones first (the order of the wizard's review)."""
OPEN_STATES = ("todo", "partial", UNANSWERED)


def state(plan: Plan, item: Item) -> str:
    """The item's state: a status, ``unanswered`` or ``skipped`` (its ``when`` does not hold)."""
    if not plan.applies(item):
        return SKIPPED
    return plan.status(item.id) or UNANSWERED


@dataclass
class Tally:
    """How many items of a theme (or of the whole plan) are in each state."""

    done: int = 0
    partial: int = 0
    todo: int = 0
    not_applicable: int = 0
    unanswered: int = 0
    skipped: int = 0

    def add(self, state_: str) -> None:
        setattr(self, state_, getattr(self, state_) + 1)

    @property
    def items(self) -> int:
        return self.done + self.partial + self.todo + self.not_applicable + self.unanswered + self.skipped

    @property
    def applicable(self) -> int:
        """Items that count for readiness: not skipped and not answered as not applicable."""
        return self.done + self.partial + self.todo + self.unanswered

    @property
    def open(self) -> int:
        return self.partial + self.todo + self.unanswered

    def readiness(self) -> int | None:
        """Percentage ready (done counts fully, partial half); None when nothing applies."""
        if not self.applicable:
            return None
        return round(100 * (self.done + 0.5 * self.partial) / self.applicable)

    @property
    def share_done(self) -> float:
        """Done items as a share of the applicable ones (1.0 when nothing applies)."""
        return self.done / self.applicable if self.applicable else 1.0

    def as_dict(self) -> dict[str, int | None]:
        return {
            "items": self.items, "applicable": self.applicable, "done": self.done, "partial": self.partial,
            "todo": self.todo, "not_applicable": self.not_applicable, "unanswered": self.unanswered,
            "skipped": self.skipped, "open": self.open, "readiness": self.readiness(),
        }


def tally(plan: Plan, items: Iterable[Item]) -> Tally:
    """The states of ``items`` counted."""
    counts = Tally()
    for item in items:
        counts.add(state(plan, item))
    return counts


def by_theme(plan: Plan, checklist: Checklist) -> dict[str, Tally]:
    """A tally per theme id, in checklist order."""
    return {theme.id: tally(plan, theme.items) for theme in checklist.themes}


def overall(plan: Plan, checklist: Checklist) -> Tally:
    """The tally over the whole checklist."""
    return tally(plan, checklist.items.values())
