"""Plain data for checklists, inspiring examples and answer files (no I/O, no UI)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

STATUSES = ("done", "partial", "todo", "not_applicable")
"""Answer statuses in the order a user meets them."""
KINDS = ("aandachtspunt", "actiepunt")
LEVELS = ("stelsel", "organisatie", "uitvoering")
FORMAT = "planwizard/1"


@dataclass(frozen=True)
class Source:
    """A publication the checklist rests on."""

    key: str
    title: str
    url: str = ""


@dataclass(frozen=True)
class Condition:
    """``when`` of an item: it applies only if another item's status is (not) in a set."""

    item: str
    statuses: tuple[str, ...]
    negate: bool = False

    def holds(self, status: str | None) -> bool:
        """Whether the item applies, given the other item's status (None: unanswered)."""
        if self.negate:
            return status not in self.statuses
        return status in self.statuses


@dataclass(frozen=True)
class Item:
    """One aandachts- or actiepunt of the checklist."""

    id: str
    theme: str
    kind: str
    question: str
    guidance: str
    sources: tuple[str, ...] = ()
    examples: tuple[str, ...] = ()
    when: Condition | None = None
    level: str | None = None
    dated: bool = False
    """The answer asks for a reference date (peildatum) and a source, e.g. the national status."""
    note: str = ""
    """For whoever maintains the checklist; never shown in the wizard or the draft."""


@dataclass(frozen=True)
class Theme:
    """A chapter of the checklist with its items in order."""

    id: str
    title: str
    intro: str
    items: tuple[Item, ...]


@dataclass(frozen=True)
class Changes:
    """What changed in a checklist version since ``previous``, for migrating answers."""

    previous: str
    renamed: dict[str, str] = field(default_factory=dict)
    merged: dict[str, tuple[str, ...]] = field(default_factory=dict)
    split: dict[str, tuple[str, ...]] = field(default_factory=dict)
    removed: tuple[str, ...] = ()
    added: tuple[str, ...] = ()
    reworded: tuple[str, ...] = ()
    """Items whose question changed enough that an old answer deserves a second look."""


@dataclass(frozen=True)
class Checklist:
    """A versioned checklist: themes, items, sources and the changes since its previous version."""

    id: str
    version: str
    title: str
    source: str
    themes: tuple[Theme, ...]
    sources: dict[str, Source] = field(default_factory=dict)
    changes: Changes | None = None
    knowledge_date: str = ""
    """``JJJJ-MM``: the month up to which the checklist's facts were checked (its kennisstand)."""

    @property
    def items(self) -> dict[str, Item]:
        """All items by id, in checklist order."""
        cached = self.__dict__.get("_items")
        if cached is None:
            cached = {item.id: item for theme in self.themes for item in theme.items}
            object.__setattr__(self, "_items", cached)
        return cached

    def theme(self, theme_id: str) -> Theme:
        return next(t for t in self.themes if t.id == theme_id)


@dataclass(frozen=True)
class Example:
    """An inspiring example from the library or written by the gemeente itself."""

    id: str
    title: str
    where: str
    themes: tuple[str, ...]
    summary: str
    source: str = ""
    url: str = ""
    year: str = ""
    own: bool = False


@dataclass
class Municipality:
    """The gemeente the plan is for; region and centrumgemeente may be unknown (empty)."""

    name: str
    code: str = ""
    region: str = ""
    central_municipality: str = ""


@dataclass
class PlanInfo:
    """Title page facts of the plan."""

    title: str = ""
    period: str = ""
    author: str = ""
    organisation: str = ""
    date: dt.date | None = None
    version: str = ""


@dataclass
class Action:
    """Something the gemeente will do, who does it and when it is due."""

    what: str
    owner: str = ""
    due: dt.date | None = None


@dataclass
class Answer:
    """The gemeente's answer to one item; ``status`` None means not answered yet."""

    status: str | None = None
    notes: str = ""
    actions: list[Action] = field(default_factory=list)
    examples: list[str] = field(default_factory=list)
    as_of: dt.date | None = None
    """Peildatum: the date the answer describes (items that ask for it, e.g. the national status)."""
    source: str = ""
    """Where the answer's facts come from (a document, a web address)."""

    def is_empty(self) -> bool:
        return (self.status is None and not self.notes and not self.actions and not self.examples
                and self.as_of is None and not self.source)


@dataclass
class RetiredAnswer:
    """An answer to an item that a newer checklist version removed; kept, never dropped."""

    answer: Answer
    version: str
    reason: str


@dataclass
class Plan:
    """One answer file: a gemeente's answers to one checklist version."""

    municipality: Municipality
    checklist_id: str
    checklist_version: str
    info: PlanInfo = field(default_factory=PlanInfo)
    answers: dict[str, Answer] = field(default_factory=dict)
    own_examples: list[Example] = field(default_factory=list)
    retired: dict[str, RetiredAnswer] = field(default_factory=dict)

    def status(self, item_id: str) -> str | None:
        answer = self.answers.get(item_id)
        return answer.status if answer else None

    def applies(self, item: Item) -> bool:
        """Whether ``item`` applies given the answers so far (its ``when`` holds)."""
        return item.when is None or item.when.holds(self.status(item.when.item))
