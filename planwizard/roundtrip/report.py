"""What an import changes, as lines for the terminal and the wizard (the same words as ``diff``)."""

from __future__ import annotations

from planwizard import compare, labels
from planwizard.roundtrip.importer import Preview


def change_lines(preview: Preview, style: str = "text") -> list[str]:
    """Per changed item a heading line, then one line per change."""
    from planwizard.examples import load_library

    checklist = preview.loaded.checklist
    examples = {**load_library(), **{e.id: e for e in preview.loaded.plan.own_examples}}
    lines: list[str] = []
    for change in preview.result.changes:
        item = checklist.items[change.item_id]
        diff = compare.compare_answers(item, checklist.theme(item.theme), change.old, change.new)
        question = " ".join(item.question.split())
        head = f"{labels.item_place(change.number, item.id)}: {question}"
        lines.append(head + (f" ({labels.IMPORT_CONFLICT_DRAFT})" if change.conflict else ""))
        for label, pieces in compare.describe(diff, examples):
            lines.append(f"  {label}: {compare.inline(pieces, style)}")
    return lines
