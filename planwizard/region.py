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
from planwizard.gemeenten import Gemeente, Registry, normalise, registry
from planwizard.model import Checklist, Item, Plan
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
    region: str = ""
    """The plan's region beschermd wonen (bundled spelling when it names a known one); empty: unknown."""


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
    region: str = ""
    """The region chosen with --regio (empty: every plan given)."""
    central: str = ""
    """Its centrumgemeente, when the bundled list knows the region."""
    missing: list[Gemeente] | None = None
    """Members of the chosen region without a plan among the sources; None when the members are unknown."""
    skipped: list[Problem] = field(default_factory=list)
    """Plans left out because they belong to another region (warnings, not failures)."""

    @property
    def shared_threshold(self) -> int:
        """Open in at least this many gemeenten to count as shared (half, at least 1)."""
        return max(1, math.ceil(len(self.rows) / 2))

    def groups(self) -> list[tuple[str, list[Row]]]:
        """The rows per region, regions by name, plans without a known region last."""
        by_region: dict[str, list[Row]] = {}
        for row in self.rows:
            by_region.setdefault(row.region, []).append(row)
        return sorted(by_region.items(), key=lambda group: (not group[0], group[0].casefold()))


def plan_region(plan: Plan, reg: Registry) -> str:
    """The plan's region: as the plan names it (in the bundled spelling when it names a known
    region), else the bundled region of its gemeente when the list is sure of it; else empty."""
    stated = " ".join(plan.municipality.region.split())
    if stated:
        named = reg.named_region(stated)
        return named.name if named is not None else stated
    gemeente = reg.gemeente_of(plan.municipality.name, plan.municipality.code)
    return gemeente.region if gemeente is not None and gemeente.region_certain else ""


def _select(loaded: list[Loaded], regio: str, reg: Registry, overview: Overview) -> list[Loaded]:
    """The plans of region ``regio``; the others become warnings, the members without a plan are noted."""
    regions = {id(entry): plan_region(entry.plan, reg) for entry in loaded}
    try:
        bundled = reg.find_region(regio)
        overview.region, overview.central = bundled.name, bundled.central_municipality
    except PlanError as exc:  # a region the list does not know is still found in the plans themselves
        stated = {normalise(name): name for name in regions.values() if name}
        if normalise(regio) not in stated:
            raise PlanError([Problem("--regio", p.message) for p in exc.problems]) from exc
        bundled, overview.region = None, stated[normalise(regio)]
    chosen = [entry for entry in loaded if regions[id(entry)] == overview.region]
    for entry in loaded:
        if regions[id(entry)] != overview.region:
            overview.skipped.append(Problem(entry.path, labels.region_skipped(
                entry.plan.municipality.name, regions[id(entry)], overview.region)))
    if bundled is not None:
        have = {entry.plan.municipality.code.lower() for entry in loaded} | {
            normalise(entry.plan.municipality.name) for entry in loaded}
        overview.missing = [g for g in bundled.members if g.code.lower() not in have and normalise(g.name) not in have]
    return chosen


def build(sources: list[Path], regio: str | None = None) -> Overview:
    """Load every source (migrating older versions in memory) and summarise them; with ``regio``
    only the plans of that region, noting its members that have no plan yet."""
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
    reg = registry()
    if regio:
        loaded = _select(loaded, regio, reg, overview)
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
                readiness.overall(plan, checklist), entry.migrated_from, plan_region(plan, reg))
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
    out = [f"# {labels.REGION_TITLE}", ""]
    if overview.region:
        out += [f"**{md_cell(labels.region_line(overview.region, overview.central))}**", ""]
    out += [labels.region_intro(len(overview.rows), overview.checklist, overview.region), ""]
    out += [f"## {labels.REGION_MATRIX}", "", labels.REGION_MATRIX_NOTE, ""]
    groups = overview.groups()
    for region, rows in groups:
        if len(groups) > 1:
            out += [f"### {md_cell(region or labels.REGION_NONE)}", ""]
        out.append("| " + " | ".join([labels.COL_GEMEENTE, *[t.title for t in themes], labels.COL_TOTAL]) + " |")
        out.append("|" + "---|" * (len(themes) + 2))
        for row in rows:
            cells = [f"{cell(row.per_theme[t.id])} ({percent(row.per_theme[t.id])})" for t in themes]
            name = md_cell(row.name) + (" ¹" if row.migrated_from else "")
            out.append("| " + " | ".join([name, *cells, f"{cell(row.overall)} ({percent(row.overall)})"]) + " |")
        out.append("")
    if any(row.migrated_from for row in overview.rows):
        out += [labels.REGION_MIGRATED_NOTE, ""]
    if overview.missing is not None:
        out += [f"## {labels.REGION_MISSING}", ""]
        if overview.missing:
            members = len(overview.missing) + len(overview.rows)
            out += [labels.region_missing_note(overview.region, len(overview.missing), members), "",
                    f"| {labels.COL_GEMEENTE} | {labels.COL_CODE} | {labels.COL_CONFIDENCE} |", "|---|---|---|"]
            out += [f"| {md_cell(g.name)} | {g.code} | {labels.CONFIDENCE[g.confidence]} |" for g in overview.missing]
        else:
            out.append(labels.REGION_NO_MISSING)
        out.append("")
    out = out[:-1]
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


CSV_REGION_COLUMNS = ("bw_regio", "plan_aanwezig", "bw_regio_betrouwbaarheid")
"""Last columns of the CSV; an underscore keeps them apart from theme ids (which have none)."""
CSV_PLAN = {True: "ja", False: "nee"}
"""``plan_aanwezig``: whether the row is a plan, or a member of the chosen region without one."""


def csv_text(overview: Overview) -> str:
    """The readiness matrix as CSV: one row per gemeente, done/applicable per theme; with a chosen
    region also a row per member without a plan (plan = nee, the figures empty)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    themes = overview.checklist.themes
    writer.writerow(["gemeente", "code", *[t.id for t in themes], "totaal", "percentage_geregeld", "bestand",
                     *CSV_REGION_COLUMNS])
    reg = registry()
    for row in sorted(overview.rows, key=lambda r: (not r.region, r.region.casefold(), r.name.casefold())):
        member = reg.gemeente_of(row.name, row.code)
        confidence = member.confidence if member is not None and member.region == row.region else ""
        writer.writerow([_csv_safe(row.name), row.code, *[cell(row.per_theme[t.id]) for t in themes],
                         cell(row.overall), round(row.overall.share_done * 100), _csv_safe(row.source),
                         _csv_safe(row.region), CSV_PLAN[True], labels.CONFIDENCE.get(confidence, "")])
    for gemeente in overview.missing or []:
        writer.writerow([_csv_safe(gemeente.name), gemeente.code, *["" for _ in themes], "", "", "",
                         _csv_safe(overview.region), CSV_PLAN[False], labels.CONFIDENCE[gemeente.confidence]])
    return buffer.getvalue()
