"""The bundled regions beschermd wonen as a listing: plain text for the terminal, or Markdown."""

from __future__ import annotations

import textwrap

from planwizard import labels
from planwizard.gemeenten import CONFIDENCES, Gemeente, Region, Registry

WIDTH = 88
_indent = textwrap.TextWrapper(width=WIDTH, initial_indent="    ", subsequent_indent="    ")
_hanging = textwrap.TextWrapper(width=WIDTH, initial_indent="    ", subsequent_indent="          ")


def _by_confidence(region: Region) -> list[tuple[str, list[Gemeente]]]:
    return [(c, [g for g in region.members if g.confidence == c]) for c in CONFIDENCES
            if any(g.confidence == c for g in region.members)]


def text(registry: Registry, region: Region | None = None) -> str:
    """Every region with its members per confidence (or one region in full, with sources)."""
    if region is not None:
        return _text_detail(region)
    intro = labels.regions_intro(len(registry.regions), sum(len(r.members) for r in registry.regions.values()),
                                 len(registry.gemeenten))
    out = [textwrap.fill(intro, WIDTH), textwrap.fill(labels.REGIONS_LEGEND, WIDTH), ""]
    for reg in registry.regions.values():
        out.append(labels.region_heading(reg.name, reg.central_municipality, len(reg.members)))
        for confidence, members in _by_confidence(reg):
            out.append(_hanging.fill(f"{labels.CONFIDENCE[confidence]}: " + ", ".join(g.name for g in members)))
        if reg.note:
            out.append(_indent.fill(reg.note))
        out.append("")
    out.append(labels.regions_unplaced_heading(len(registry.unplaced())))
    for gemeente in _unplaced(registry):
        out.append(_hanging.fill(f"{gemeente.name}: {gemeente.note}"))
    return "\n".join(out) + "\n"


def _text_detail(region: Region) -> str:
    out = [labels.region_heading(region.name, region.central_municipality, len(region.members))]
    if region.note:
        out.append(textwrap.fill(labels.msg_caution(region.note), WIDTH))
    out += ["", textwrap.fill(labels.REGIONS_LEGEND, WIDTH), ""]
    for gemeente in region.members:
        out.append(f"{gemeente.name} ({gemeente.code}), {labels.CONFIDENCE[gemeente.confidence]}")
        if gemeente.note:
            out.append(_indent.fill(gemeente.note))
        out.append(f"    {labels.REGIONS_SOURCE}: {gemeente.source}")
    return "\n".join(out) + "\n"


def _unplaced(registry: Registry) -> list[Gemeente]:
    return sorted(registry.unplaced(), key=lambda g: g.name.casefold())


def markdown(registry: Registry, region: Region | None = None) -> str:
    """The regions as a Markdown document: a table of members with confidence and source per region."""
    regions = [region] if region is not None else list(registry.regions.values())
    out = [f"# {labels.REGIONS_TITLE if region is None else region.name}", ""]
    if region is None:
        out += [labels.regions_intro(len(registry.regions), sum(len(r.members) for r in regions),
                                     len(registry.gemeenten)), ""]
    out += [labels.REGIONS_LEGEND, ""]
    for reg in regions:
        if region is None:
            out += [f"## {md_cell(reg.name)}", ""]
        out += [labels.region_summary(reg.central_municipality, len(reg.members)), ""]
        if reg.note:
            out += [f"> {md_cell(reg.note)}", ""]
        out += [f"| {labels.COL_GEMEENTE} | {labels.COL_CODE} | {labels.COL_CONFIDENCE} | {labels.COL_SOURCE} |",
                "|---|---|---|---|"]
        for g in reg.members:
            name = md_cell(g.name) + (f" ({md_cell(g.note)})" if g.note else "")
            out.append(f"| {name} | {g.code} | {labels.CONFIDENCE[g.confidence]} | <{g.source}> |")
        out.append("")
    if region is None:
        out += [f"## {labels.regions_unplaced_heading(len(registry.unplaced()))}", "",
                f"| {labels.COL_GEMEENTE} | {labels.COL_CODE} | {labels.COL_KNOWN} |", "|---|---|---|"]
        out += [f"| {md_cell(g.name)} | {g.code} | {md_cell(g.note)} |" for g in _unplaced(registry)]
        out.append("")
    return "\n".join(out)


def md_cell(value: str) -> str:
    """Text for one Markdown table cell: one line, pipes escaped."""
    return " ".join(str(value).split()).replace("|", "\\|")
