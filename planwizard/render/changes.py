"""The annex "Wijzigingen ten opzichte van versie ...": what changed since an earlier version of the plan.

The same comparison as ``planwizard diff`` (``compare.py``), in the house style: per
theme a table of the items that changed, removed text struck through and new text
underlined (readable in black and white too), every item linked to where it stands.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from planwizard import compare, labels
from planwizard.model import Plan
from planwizard.render import ooxml, tables
from planwizard.render.markup import Para
from planwizard.render.tables import Column, Link

if TYPE_CHECKING:
    from planwizard.render.draft import Draft

DELETED, INSERTED = "C62828", "1B5E20"


def annex(draft: Draft, old: Plan, letter: str) -> None:
    """The annex comparing ``draft``'s plan with ``old`` (both of the draft's checklist version)."""
    writer = draft.writer
    examples = {**draft.library, **{e.id: e for e in (*old.own_examples, *draft.plan.own_examples)}}
    diffs = compare.compare_plans(old, draft.plan, draft.checklist)
    fields = compare.plan_changes(old, draft.plan)
    version = old.info.version or labels.DIFF_EARLIER
    writer.heading(1, labels.doc_changes_title(version), numbered=False, label=letter)
    writer.p("body", labels.doc_changes_intro(version, len(diffs)))
    if not diffs and not fields:
        return
    writer.p("body", labels.DOC_CHANGES_LEGEND)
    prefix = letter.split()[-1]
    if fields:
        writer.heading(2, labels.DOC_CHANGES_PLAN, numbered=False, label=f"{prefix}.1")
        rows = [[label.capitalize(), [_pieces(writer, [(compare.DELETE, before or "-"), (compare.EQUAL, " → "),
                                                       (compare.INSERT, after or "-")])]]
                for label, before, after in fields]
        tables.table(writer, [Column(name) for name in labels.DOC_CHANGES_PLAN_COLUMNS], rows,
                     caption=labels.DOC_CHANGES_PLAN)
    by_theme: dict[str, list[compare.ItemDiff]] = {}
    for diff in diffs:
        by_theme.setdefault(diff.theme.id, []).append(diff)
    columns = [Column(name) for name in labels.DOC_CHANGES_COLUMNS]
    for number, theme in enumerate((t for t in draft.checklist.themes if t.id in by_theme), 1 + bool(fields)):
        writer.heading(2, theme.title, numbered=False, label=f"{prefix}.{number}")
        rows = []
        for diff in by_theme[theme.id]:
            item_number, anchor = draft.items.get(diff.item.id, ("", ""))
            label = f"{item_number} {' '.join(diff.item.question.split())}".strip()
            cell = [_line(writer, what, pieces) for what, pieces in compare.describe(diff, examples)]
            rows.append([Link(label, anchor), cell])
        tables.table(writer, columns, rows, caption=labels.doc_changes_caption(theme.title))


def _line(writer, label: str, pieces: list[tuple[str, str]]) -> Para:
    p = writer.new("table_text")
    p.run(f"{label.capitalize()}: ", bold=True)
    _add(p, pieces)
    return p


def _pieces(writer, pieces: list[tuple[str, str]]) -> Para:
    p = writer.new("table_text")
    _add(p, pieces)
    return p


def _add(p: Para, pieces: list[tuple[str, str]]) -> None:
    for op, text in pieces:
        text = ooxml.one_line(text)
        if not text:
            continue
        if op == compare.EQUAL:
            p.run(text)
            continue
        core = text.strip()
        lead, trail = text[: len(text) - len(text.lstrip())], text[len(text.rstrip()):]
        if lead:
            p.run(lead)  # spaces around a change are not struck through or underlined
        if core:
            deleted = op == compare.DELETE
            p.run(core, color=DELETED if deleted else INSERTED, strike=deleted, underline=not deleted)
        if trail:
            p.run(trail)
