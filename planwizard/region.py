"""A regional overview across the plans of several gemeenten (data, Markdown and CSV)."""

from __future__ import annotations

import csv
import datetime as dt
import io
import math
from dataclasses import dataclass, field
from pathlib import Path

from planwizard import labels, readiness
from planwizard.answers import Loaded, load_plan
from planwizard.errors import PlanError, Problem
from planwizard.examples import load_library
from planwizard.model import Checklist, Item
from planwizard.region_list import md_cell


@dataclass(frozen=True)
class Row:
    """One gemeente in the readiness matrix."""

    name: str
    code: str
    source: str
    per_theme: dict[str, readiness.Tally]
    overall: readiness.Tally
    migrated_from: str | None = None


@dataclass(frozen=True)
class OpenPoint:
    """A checklist item that is still open in several gemeenten."""

    item: Item
    theme_title: str
    gemeenten: tuple[str, ...]


@dataclass(frozen=True)
class TimelineEntry:
    """One action of one gemeente."""

    due: dt.date | None
    gemeente: str
    what: str
    owner: str
    theme_title: str


@dataclass
class Overview:
    """Everything the regional overview shows."""

    checklist: Checklist
    rows: list[Row] = field(default_factory=list)
    open_points: list[OpenPoint] = field(default_factory=list)
    timeline: list[TimelineEntry] = field(default_factory=list)
    examples: list[tuple[str, str, tuple[str, ...]]] = field(default_factory=list)
    """(example id, title, gemeenten using it), most used first."""
    failed: list[Problem] = field(default_factory=list)

    @property
    def shared_threshold(self) -> int:
        """Open in at least this many gemeenten to count as shared (half, at least 1)."""
        return max(1, math.ceil(len(self.rows) / 2))


def build(sources: list[Path]) -> Overview:
    """Load every source (migrating older versions in memory) and summarise them."""
    loaded: list[Loaded] = []
    failed: list[Problem] = []
    for source in sources:
        try:
            loaded.append(load_plan(source))
        except PlanError as exc:
            failed.append(exc.problems[0])
    if not loaded:
        raise PlanError(failed or [Problem("", labels.ERR_REGION_EMPTY)])
    checklist = loaded[0].checklist
    overview = Overview(checklist, failed=failed)
    titles = {t.id: t.title for t in checklist.themes}
    library = load_library()
    open_by_item: dict[str, list[str]] = {}
    users: dict[str, list[str]] = {}
    example_titles = {e.id: e.title for e in library.values()}
    for entry in sorted(loaded, key=lambda item: item.plan.municipality.name.casefold()):
        plan = entry.plan
        if entry.checklist.id != checklist.id:
            overview.failed.append(Problem(entry.path, labels.err_region_other_checklist(entry.checklist.id, checklist.id)))
            continue
        name = plan.municipality.name
        overview.rows.append(
            Row(name, plan.municipality.code, entry.path, readiness.by_theme(plan, checklist),
                readiness.overall(plan, checklist), entry.migrated_from)
        )
        for item in checklist.items.values():
            if readiness.state(plan, item) in readiness.OPEN_STATES:
                open_by_item.setdefault(item.id, []).append(name)
        for item_id, answer in plan.answers.items():
            theme_title = titles[checklist.items[item_id].theme]
            for action in answer.actions:
                overview.timeline.append(TimelineEntry(action.due, name, action.what, action.owner, theme_title))
            for example_id in answer.examples:
                if name not in users.setdefault(example_id, []):
                    users[example_id].append(name)
        example_titles.update({e.id: e.title for e in plan.own_examples})
    threshold = overview.shared_threshold
    shared = [
        OpenPoint(checklist.items[item_id], titles[checklist.items[item_id].theme], tuple(names))
        for item_id, names in open_by_item.items()
        if len(names) >= threshold
    ]
    order = {item_id: index for index, item_id in enumerate(checklist.items)}
    overview.open_points = sorted(shared, key=lambda p: (-len(p.gemeenten), order[p.item.id]))
    overview.timeline.sort(key=lambda e: (e.due is None, e.due or dt.date.max, e.gemeente.casefold(), e.what))
    overview.examples = sorted(
        ((ident, example_titles.get(ident, ident), tuple(names)) for ident, names in users.items()),
        key=lambda e: (-len(e[2]), e[1].casefold()),
    )
    return overview


def percent(counts: readiness.Tally) -> str:
    """Share done as a whole percentage, e.g. '67%'."""
    return f"{round(counts.share_done * 100)}%"


def cell(counts: readiness.Tally) -> str:
    """'4/6': done of applicable items."""
    return f"{counts.done}/{counts.applicable}"


def due_text(due: dt.date | None) -> str:
    return due.strftime("%d-%m-%Y") if due else labels.NO_DUE_DATE


def markdown(overview: Overview) -> str:
    """The overview as a Markdown document."""
    themes = overview.checklist.themes
    out = [f"# {labels.REGION_TITLE}", "", labels.region_intro(len(overview.rows), overview.checklist), ""]
    out += [f"## {labels.REGION_MATRIX}", "", labels.REGION_MATRIX_NOTE, ""]
    out.append("| " + " | ".join([labels.COL_GEMEENTE, *[t.title for t in themes], labels.COL_TOTAL]) + " |")
    out.append("|" + "---|" * (len(themes) + 2))
    for row in overview.rows:
        cells = [f"{cell(row.per_theme[t.id])} ({percent(row.per_theme[t.id])})" for t in themes]
        name = md_cell(row.name) + (" ¹" if row.migrated_from else "")
        out.append("| " + " | ".join([name, *cells, f"{cell(row.overall)} ({percent(row.overall)})"]) + " |")
    if any(row.migrated_from for row in overview.rows):
        out += ["", labels.REGION_MIGRATED_NOTE]
    out += ["", f"## {labels.REGION_OPEN}", "", labels.region_open_note(overview.shared_threshold), ""]
    if overview.open_points:
        out += [f"| {labels.COL_ITEM} | {labels.COL_THEME} | {labels.COL_COUNT} | {labels.COL_GEMEENTEN} |",
                "|---|---|---|---|"]
        for point in overview.open_points:
            out.append(f"| {md_cell(point.item.question)} | {md_cell(point.theme_title)} | {len(point.gemeenten)} | "
                       f"{md_cell(', '.join(point.gemeenten))} |")
    else:
        out.append(labels.REGION_NO_OPEN)
    out += ["", f"## {labels.REGION_TIMELINE}", ""]
    if overview.timeline:
        out += [f"| {labels.COL_DUE} | {labels.COL_GEMEENTE} | {labels.COL_ACTION} | {labels.COL_OWNER} | "
                f"{labels.COL_THEME} |", "|---|---|---|---|---|"]
        for e in overview.timeline:
            out.append(f"| {due_text(e.due)} | {md_cell(e.gemeente)} | {md_cell(e.what)} | {md_cell(e.owner)} | {md_cell(e.theme_title)} |")
    else:
        out.append(labels.REGION_NO_ACTIONS)
    out += ["", f"## {labels.REGION_EXAMPLES}", ""]
    if overview.examples:
        for _, title, names in overview.examples:
            out.append(f"- **{md_cell(title)}**: {md_cell(', '.join(names))}")
    else:
        out.append(labels.REGION_NO_EXAMPLES)
    if overview.failed:
        out += ["", f"## {labels.REGION_FAILED}", ""] + [f"- `{p}`" for p in overview.failed]
    return "\n".join(out) + "\n"


def _csv_safe(text: str) -> str:
    """Keep spreadsheet programs from reading a cell as a formula."""
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text


def csv_text(overview: Overview) -> str:
    """The readiness matrix as CSV: one row per gemeente, done/applicable per theme."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    themes = overview.checklist.themes
    writer.writerow(["gemeente", "code", *[t.id for t in themes], "totaal", "percentage_geregeld", "bestand"])
    for row in overview.rows:
        writer.writerow([_csv_safe(row.name), row.code, *[cell(row.per_theme[t.id]) for t in themes],
                         cell(row.overall), round(row.overall.share_done * 100), _csv_safe(row.source)])
    return buffer.getvalue()
