"""The overview chapters (action plan, readiness, open points) and the appendices."""

from __future__ import annotations

from typing import TYPE_CHECKING

from planwizard import labels
from planwizard.render import facts as factlib
from planwizard.render import tables
from planwizard.render.tables import Column, Link

if TYPE_CHECKING:
    from planwizard.render.draft import Draft


CHART_COLOURS = {"done": "2E7D32", "partial": "A5D6A7", "todo": "E69F00", "unanswered": "D9D9D9"}


def _jump_cell(draft: Draft, item_id: str, text: str) -> Link:
    return Link(text, draft.items.get(item_id, ("", ""))[1])


def action_plan(draft: Draft) -> None:
    writer = draft.writer
    writer.heading(1, labels.DOC_CH_ACTIONS)
    numbers = [draft.themes.get(t.id, "") for t in draft.checklist.themes]
    writer.p("body", labels.doc_actions_intro(len(draft.facts.actions), numbers[0], numbers[-1]))
    if not draft.facts.actions:
        draft.placeholder(labels.DOC_NO_ACTIONS_AT_ALL)
        return
    rows = []
    for planned in draft.facts.actions:
        action = planned.action
        owner = action.owner or labels.DOC_NO_OWNER
        due = factlib.short_date(action.due) or labels.DOC_NO_DATE
        rows.append([_jump_cell(draft, planned.item.id, action.what), owner, due, draft.theme_label(planned.theme)])
    columns = [Column(name) for name in labels.DOC_ACTION_COLUMNS]
    tables.table(writer, columns, rows, caption=labels.DOC_ACTIONS_CAPTION)


def _percentage(value: int | None) -> str:
    return labels.DOC_NOT_APPLICABLE_SHORT if value is None else f"{value}%"


def readiness(draft: Draft) -> None:
    writer, facts = draft.writer, draft.facts
    writer.heading(1, labels.DOC_CH_READINESS)
    writer.p("body", labels.doc_readiness_intro(facts.total.readiness(), facts.total.applicable))
    rows = []
    for theme in draft.checklist.themes:
        tally = facts.per_theme[theme.id]
        rows.append(_counts(draft.theme_label(theme), tally))
    rows.append(_counts(labels.DOC_TOTAL, facts.total))
    writer.p("body", labels.DOC_READINESS_EXPLAINED)
    writer.heading(3, labels.DOC_READINESS_TABLE)
    columns = [Column(name, align="center" if index else "") for index, name in enumerate(labels.DOC_READINESS_COLUMNS)]
    tables.table(writer, columns, rows, caption=labels.DOC_READINESS_CAPTION, bold_last=True)
    writer.heading(3, labels.DOC_READINESS_CHART)
    bars = [
        (draft.theme_label(theme), factlib.bar_cells(facts.per_theme[theme.id], tables.CHART_CELLS),
         _percentage(facts.per_theme[theme.id].readiness()))
        for theme in draft.checklist.themes
    ]
    tables.chart(writer, bars, CHART_COLOURS, headers=labels.DOC_CHART_HEADERS, caption=labels.DOC_CHART_CAPTION,
                 description=labels.DOC_CHART_DESCRIPTION)
    legend = writer.p("meta")
    writer.runs(legend, labels.DOC_LEGEND)
    for state, text in labels.DOC_LEGEND_LABELS.items():
        legend.run("  ■", color=CHART_COLOURS[state], size=28)
        writer.runs(legend, f" {text}")


def _counts(label: str, tally: factlib.Tally) -> list[str]:
    return [label, str(tally.items), str(tally.done), str(tally.partial), str(tally.todo), str(tally.unanswered),
            str(tally.not_applicable + tally.skipped), _percentage(tally.readiness())]


def open_points(draft: Draft) -> None:
    writer, total = draft.writer, draft.facts.total
    writer.heading(1, labels.DOC_CH_OPEN)
    writer.p("body", labels.doc_open_intro(total.todo, total.partial, total.unanswered))
    if not draft.facts.open_items:
        return
    rows = [
        [_jump_cell(draft, item.id, draft.item_label(item)), draft.theme_label(theme),
         labels.UNANSWERED if state == factlib.UNANSWERED else labels.STATUS[state]]
        for theme, item, state in draft.facts.open_items
    ]
    columns = [Column(name) for name in labels.DOC_OPEN_COLUMNS]
    tables.table(writer, columns, rows, caption=labels.DOC_OPEN_CAPTION)
