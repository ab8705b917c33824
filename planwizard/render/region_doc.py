"""The regional overview as a Word document in the template's house style."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from planwizard import labels
from planwizard.region import Overview, due_text, percent
from planwizard.render import load_template
from planwizard.render import tables
from planwizard.render.blocks import long_date
from planwizard.render.build import Properties, finish
from planwizard.render.tables import Column
from planwizard.render.writer import Writer


def build_overview(overview: Overview, template_dir: Path | None = None, *, now: dt.datetime | None = None) -> bytes:
    """The .docx bytes of the regional overview."""
    writer = Writer(load_template(template_dir))
    themes = overview.checklist.themes
    writer.p("title", labels.REGION_TITLE)
    made = (now or dt.datetime.now()).date()
    writer.p("subtitle", labels.region_subtitle([row.name for row in overview.rows], long_date(made),
                                                 labels.region_line(overview.region, overview.central)
                                                 if overview.region else ""))
    writer.p("body", labels.region_intro(len(overview.rows), overview.checklist, overview.region))

    writer.heading(1, labels.REGION_MATRIX)
    writer.p("body", labels.REGION_MATRIX_NOTE + " " + labels.REGION_MATRIX_NUMBERS)
    numbers = [str(n) for n in range(1, len(themes) + 1)]
    columns = [Column(labels.COL_GEMEENTE), *[Column(n, align="center") for n in numbers],
               Column(labels.COL_TOTAL, align="center")]
    groups = overview.groups()
    for region, group in groups:
        if len(groups) > 1:
            writer.heading(2, region or labels.REGION_NONE)
        rows = [[row.name + (" ¹" if row.migrated_from else ""),
                 *[percent(row.per_theme[t.id]) for t in themes], percent(row.overall)] for row in group]
        tables.table(writer, columns, rows, caption=labels.REGION_MATRIX_CAPTION)
    if any(row.migrated_from for row in overview.rows):
        writer.p("meta", labels.REGION_MIGRATED_NOTE)
    tables.table(
        writer,
        [Column(labels.COL_NUMBER, align="center"), Column(labels.COL_THEME), Column(labels.COL_DONE_OF)],
        [[number, theme.title, _region_total(overview, theme.id)] for number, theme in zip(numbers, themes)],
        caption=labels.REGION_THEMES_CAPTION,
    )

    if overview.missing is not None:
        _missing(writer, overview)

    writer.heading(1, labels.REGION_OPEN)
    writer.p("body", labels.region_open_note(overview.shared_threshold))
    if overview.open_points:
        tables.table(
            writer,
            [Column(labels.COL_ITEM), Column(labels.COL_THEME), Column(labels.COL_COUNT, align="center"),
             Column(labels.COL_GEMEENTEN)],
            [[p.item.question, p.theme_title, str(len(p.gemeenten)), ", ".join(p.gemeenten)]
             for p in overview.open_points],
            caption=labels.REGION_OPEN_CAPTION,
        )
    else:
        writer.p("body", labels.REGION_NO_OPEN)

    writer.heading(1, labels.REGION_TIMELINE)
    if overview.timeline:
        tables.table(
            writer,
            [Column(labels.COL_DUE), Column(labels.COL_GEMEENTE), Column(labels.COL_ACTION),
             Column(labels.COL_OWNER), Column(labels.COL_THEME)],
            [[due_text(e.due), e.gemeente, e.what, e.owner, e.theme_title] for e in overview.timeline],
            caption=labels.REGION_TIMELINE_CAPTION,
        )
    else:
        writer.p("body", labels.REGION_NO_ACTIONS)

    writer.heading(1, labels.REGION_EXAMPLES)
    if overview.examples:
        tables.table(
            writer,
            [Column(labels.COL_EXAMPLE), Column(labels.COL_GEMEENTEN)],
            [[title, ", ".join(names)] for _, title, names in overview.examples],
            caption=labels.REGION_EXAMPLES_CAPTION,
        )
    else:
        writer.p("body", labels.REGION_NO_EXAMPLES)

    if overview.failed:
        writer.heading(1, labels.REGION_FAILED)
        for problem in overview.failed:
            writer.p("body", str(problem))
    return finish(writer, Properties(
        title=labels.REGION_TITLE, subject=labels.REGION_SUBJECT, author=labels.DOC_CREATOR_TOOL,
        description=labels.region_intro(len(overview.rows), overview.checklist, overview.region), status=labels.DOC_CONCEPT,
        custom={"Gemeente": labels.REGION_SUBJECT, "Versie": labels.DOC_CONCEPT.lower()},
    ), now)


def _missing(writer: Writer, overview: Overview) -> None:
    """The members of the chosen region that have no plan in the overview yet."""
    writer.heading(1, labels.REGION_MISSING)
    if not overview.missing:
        writer.p("body", labels.REGION_NO_MISSING)
        return
    members = len(overview.missing) + len(overview.rows)
    writer.p("body", labels.region_missing_note(overview.region, len(overview.missing), members))
    tables.table(
        writer,
        [Column(labels.COL_GEMEENTE), Column(labels.COL_CODE), Column(labels.COL_CONFIDENCE)],
        [[g.name, g.code, labels.CONFIDENCE[g.confidence]] for g in overview.missing],
        caption=labels.REGION_MISSING_CAPTION,
    )


def _region_total(overview: Overview, theme_id: str) -> str:
    done = sum(row.per_theme[theme_id].done for row in overview.rows)
    applicable = sum(row.per_theme[theme_id].applicable for row in overview.rows)
    return labels.done_of(done, applicable)
