"""One document being built: the plan, its facts and where every item ended up.

The builder (``build.py``) fills a ``Draft`` chapter by chapter; the overview chapters
and the appendices (``overviews.py``, ``appendices.py``) read and extend it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from planwizard import labels
from planwizard.model import Checklist, Example, Item, Plan, Theme
from planwizard.render import facts as factlib
from planwizard.render.markup import Para
from planwizard.render.writer import Writer


@dataclass
class Draft:
    """One document being built: the plan, its facts and where every item ended up."""

    writer: Writer
    plan: Plan
    checklist: Checklist
    library: dict[str, Example]
    facts: factlib.Facts
    items: dict[str, tuple[str, str]] = field(default_factory=dict)  # item id -> (number, bookmark)
    themes: dict[str, str] = field(default_factory=dict)  # theme id -> chapter number
    shown: dict[tuple[bool, str], str] = field(default_factory=dict)  # example -> item where it is described

    @property
    def organisation(self) -> str:
        return self.plan.info.organisation or labels.gemeente_name(self.plan.municipality.name)

    @property
    def title(self) -> str:
        return self.plan.info.title or f"{labels.DOC_TITLE} {self.plan.municipality.name}"

    def item_label(self, item: Item) -> str:
        number = self.items.get(item.id, ("", ""))[0]
        return f"{number} {item.question}".strip()

    def theme_label(self, theme: Theme) -> str:
        return f"{self.themes.get(theme.id, '')} {theme.title}".strip()

    def placeholder(self, *sentences: str) -> None:
        """A clearly marked "fill in" paragraph where the plan has nothing to say yet."""
        self.writer.repeat(("placeholder", sentences), lambda w: _placeholder(w, sentences))


def _placeholder(writer: Writer, sentences: tuple[str, ...]) -> list[Para]:
    p = writer.new("placeholder")
    p.run(labels.DOC_FILL_IN, bold=True)
    writer.runs(p, " " + " ".join(s for s in sentences if s))
    return [p]
