"""What an import changes, for the terminal and the wizard (the same words as ``diff``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from planwizard import labels
from planwizard.roundtrip.importer import Preview

if TYPE_CHECKING:
    from planwizard import compare


def item_diffs(preview: Preview) -> list[tuple[str, compare.ItemDiff]]:
    """Per changed item its heading ("punt 3.2 (id): question") and what changes."""
    from planwizard import compare  # word-level diffs (and difflib) only when something changes

    checklist = preview.loaded.checklist
    found = []
    for change in preview.result.changes:
        item = checklist.items[change.item_id]
        diff = compare.compare_answers(item, checklist.theme(item.theme), change.old, change.new)
        heading = f"{labels.item_place(change.number, item.id)}: {' '.join(item.question.split())}"
        found.append((heading + (f" ({labels.IMPORT_CONFLICT_DRAFT})" if change.conflict else ""), diff))
    return found


def change_lines(preview: Preview, style: str = "text") -> list[str]:
    """Per changed item a heading line, then one line per change."""
    if not preview.result.changes:
        return []
    from planwizard import compare
    from planwizard.examples import load_library

    examples = {**load_library(), **{e.id: e for e in preview.loaded.plan.own_examples}}
    lines: list[str] = []
    for heading, diff in item_diffs(preview):
        lines.append(heading)
        lines.extend(f"  {label}: {compare.inline(pieces, style)}" for label, pieces in compare.describe(diff, examples))
    return lines
