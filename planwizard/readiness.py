"""How far a plan is: counts per theme of done, partial, open and not applicable items."""

from __future__ import annotations

from dataclasses import dataclass

from planwizard.model import Checklist, Item, Plan


@dataclass
class Counts:
    """Items of one theme (or the whole plan) by state."""

    done: int = 0
    partial: int = 0
    todo: int = 0
    not_applicable: int = 0
    unanswered: int = 0
    skipped: int = 0
    """Items whose ``when`` condition does not hold for this plan."""

    @property
    def total(self) -> int:
        return self.done + self.partial + self.todo + self.not_applicable + self.unanswered + self.skipped

    @property
    def relevant(self) -> int:
        """Items that count towards readiness (not skipped, not 'niet van toepassing')."""
        return self.done + self.partial + self.todo + self.unanswered

    @property
    def answered(self) -> int:
        return self.total - self.unanswered - self.skipped

    @property
    def share_done(self) -> float:
        """Done items as a share of the relevant ones (1.0 when nothing is relevant)."""
        return self.done / self.relevant if self.relevant else 1.0

    def add(self, state: str) -> None:
        setattr(self, state, getattr(self, state) + 1)


def state(plan: Plan, item: Item) -> str:
    """``done``, ``partial``, ``todo``, ``not_applicable``, ``unanswered`` or ``skipped``."""
    if not plan.applies(item):
        return "skipped"
    return plan.status(item.id) or "unanswered"


def is_open(plan: Plan, item: Item) -> bool:
    """Whether the item still needs work: todo, partial or unanswered (and it applies)."""
    return state(plan, item) in ("todo", "partial", "unanswered")


def by_theme(plan: Plan, checklist: Checklist) -> dict[str, Counts]:
    """Counts per theme id, in checklist order."""
    result: dict[str, Counts] = {}
    for theme in checklist.themes:
        counts = Counts()
        for item in theme.items:
            counts.add(state(plan, item))
        result[theme.id] = counts
    return result


def overall(plan: Plan, checklist: Checklist) -> Counts:
    """Counts over the whole checklist."""
    total = Counts()
    for counts in by_theme(plan, checklist).values():
        for name in ("done", "partial", "todo", "not_applicable", "unanswered", "skipped"):
            setattr(total, name, getattr(total, name) + getattr(counts, name))
    return total
