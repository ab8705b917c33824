"""Tables: fixed column widths, a header row repeated on every page, and the readiness chart.

The chart is a table of shaded cells, one row per theme: native, searchable text in
Word and LibreOffice, with the percentage written next to every bar.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass

from lxml import etree

from planwizard.render import ooxml
from planwizard.render.ooxml import w
from planwizard.render.writer import Writer

Cell = str | etree._Element | list[etree._Element]
"""Cell content: text (one paragraph in the table text style) or ready paragraphs."""


@dataclass(frozen=True)
class Column:
    header: str
    share: float
    """Part of the text width (the shares of a table add up to 1)."""
    align: str = ""
    """``center`` or ``right`` for figures; empty keeps the style's alignment."""


def _align(p: etree._Element, align: str) -> etree._Element:
    if align:
        ooxml.insert_in_order(p.find(ooxml.PPR), etree.Element(w("jc"), {w("val"): align}), ooxml.PPR_ORDER)
    return p


def _table_shell(writer: Writer, widths: list[int], caption: str, description: str, borders: bool) -> etree._Element:
    tbl = etree.Element(w("tbl"))
    tbl_pr = ooxml.sub(tbl, "tblPr")
    ooxml.sub(tbl_pr, "tblStyle", val=writer.ids["table"])
    ooxml.sub(tbl_pr, "tblW", w=str(sum(widths)), type="dxa")
    if not borders:
        edges = ooxml.sub(tbl_pr, "tblBorders")
        for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
            ooxml.sub(edges, side, val="nil")
    ooxml.sub(tbl_pr, "tblLayout", type="fixed")
    ooxml.sub(tbl_pr, "tblLook", val="0420", firstRow="1", lastRow="0", firstColumn="0", lastColumn="0",
              noHBand="1", noVBand="1")
    if caption:
        ooxml.sub(tbl_pr, "tblCaption", val=ooxml.one_line(caption)[:255])
    if description:
        ooxml.sub(tbl_pr, "tblDescription", val=ooxml.one_line(description)[:1000])
    grid = ooxml.sub(tbl, "tblGrid")
    for width in widths:
        ooxml.sub(grid, "gridCol", w=str(width))
    return tbl


@functools.lru_cache(maxsize=8)
def _row_prototype(header: bool) -> etree._Element:
    tr = etree.Element(w("tr"))
    tr_pr = ooxml.sub(tr, "trPr")
    ooxml.sub(tr_pr, "cantSplit")
    if header:
        ooxml.sub(tr_pr, "tblHeader")
    return tr


def _row(tbl: etree._Element, *, header: bool = False) -> etree._Element:
    tr = _row_prototype(header).__copy__()
    tbl.append(tr)
    return tr


@functools.lru_cache(maxsize=1024)
def _cell_prototype(width: int, fill: str, span: int, borders: str, middle: bool = True) -> etree._Element:
    tc = etree.Element(w("tc"))
    tc_pr = ooxml.sub(tc, "tcPr")
    ooxml.sub(tc_pr, "tcW", w=str(width), type="dxa")
    if span > 1:
        ooxml.sub(tc_pr, "gridSpan", val=str(span))
    if borders:
        edges = ooxml.sub(tc_pr, "tcBorders")
        for side in ("top", "bottom"):
            ooxml.sub(edges, side, val="single", sz="12", space="0", color=borders)
    if fill:
        ooxml.sub(tc_pr, "shd", val="clear", color="auto", fill=fill)
    if middle:
        ooxml.sub(tc_pr, "vAlign", val="center")
    return tc


def _cell(tr: etree._Element, width: int, *, fill: str = "", span: int = 1, borders: str = "",
          middle: bool = True) -> etree._Element:
    """A cell of ``tr``: a copy of the prototype for this width and look (made once, never changed)."""
    tc = _cell_prototype(width, fill, span, borders, middle).__copy__()
    tr.append(tc)
    return tc


def _fill(writer: Writer, tc: etree._Element, content: Cell, role: str) -> None:
    if isinstance(content, str):
        tc.append(writer.new(role, content))
    elif isinstance(content, list):
        tc.extend(content or [writer.new(role)])
    else:
        tc.append(content)


def widths_of(writer: Writer, shares: Sequence[float]) -> list[int]:
    """Twips per column, filling the text width exactly."""
    total = writer.template.text_width
    widths = [int(total * share) for share in shares]
    widths[-1] += total - sum(widths)
    return widths


def table(writer: Writer, columns: Sequence[Column], rows: Sequence[Sequence[Cell]], *, caption: str,
          description: str = "", bold_last: bool = False) -> etree._Element:
    """A data table with a marked, repeating header row; appended to the body."""
    widths = widths_of(writer, [c.share for c in columns])
    tbl = _table_shell(writer, widths, caption, description, borders=True)
    header = _row(tbl, header=True)
    for column, width in zip(columns, widths):
        tc = _cell(header, width, fill=writer.template.header_fill)
        tc.append(_align(writer.new("table_header", column.header), column.align))
    # A cell with its paragraph and run, per column, copied for every row: only the text changes.
    text_cells = []
    for column, width in zip(columns, widths):
        prototype = _cell_prototype(width, "", 1, "", False).__copy__()
        prototype.append(_align(writer.new("table_text", "x"), column.align))
        text_cells.append(prototype)
    last = len(rows) - 1
    for index, values in enumerate(rows):
        tr = _row(tbl)
        strong = bold_last and index == last
        for value, column, width, prototype in zip(values, columns, widths, text_cells):
            if value.__class__ is str and not strong:
                text = ooxml.one_line(value).strip()
                if text:
                    tc = prototype.__copy__()
                    tc[-1][-1][-1].text = text  # the cell's paragraph, its run, its text
                    tr.append(tc)
                    continue
            tc = _cell(tr, width, middle=False)
            if strong and isinstance(value, str):
                tc.append(_align(writer.new("table_text", value, bold=True), column.align))
            else:
                _fill(writer, tc, value, "table_text")
    writer.add(tbl)
    return tbl


CHART_CELLS = 20


def _keep(p: etree._Element, keep: bool) -> etree._Element:
    if keep:
        ooxml.insert_in_order(p.find(ooxml.PPR), etree.Element(w("keepNext")), ooxml.PPR_ORDER)
    return p


def _runs(states: list[str]) -> list[tuple[str, int]]:
    """Neighbouring equal states as (state, how many): one merged cell per stretch of the bar."""
    runs: list[tuple[str, int]] = []
    for state in states:
        if runs and runs[-1][0] == state:
            runs[-1] = (state, runs[-1][1] + 1)
        else:
            runs.append((state, 1))
    return runs


def chart(writer: Writer, rows: Sequence[tuple[str, list[str], str]], colours: dict[str, str], *,
          headers: tuple[str, str, str], caption: str, description: str) -> etree._Element:
    """A horizontal bar per row: label, ``CHART_CELLS`` shaded cells, and the value as text."""
    label_share, value_share = 0.34, 0.12
    bar = writer.template.text_width * (1 - label_share - value_share)
    cell_width = int(bar // CHART_CELLS)
    label_width = int(writer.template.text_width * label_share)
    value_width = writer.template.text_width - label_width - cell_width * CHART_CELLS
    widths = [label_width, *([cell_width] * CHART_CELLS), value_width]
    tbl = _table_shell(writer, widths, caption, description, borders=False)
    header = _row(tbl, header=True)
    for text, width, span in ((headers[0], label_width, 1), (headers[1], cell_width * CHART_CELLS, CHART_CELLS),
                              (headers[2], value_width, 1)):
        tc = _cell(header, width, fill=writer.template.header_fill, span=span)
        tc.append(writer.new("table_header", text))
    segments: dict[tuple[str, int, bool], etree._Element] = {}  # one shaded cell per look, copied
    for index, (label, cells, value) in enumerate(rows):
        tr = _row(tbl)
        # Keep-with-next on every row but the last keeps the chart on one page where it fits.
        keep = index < len(rows) - 1
        _cell(tr, label_width).append(_keep(writer.new("table_text", label), keep))
        padded = cells + [""] * (CHART_CELLS - len(cells))
        for state, span in _runs(padded):
            key = (state, span, keep)
            if key not in segments:
                segment = _cell_prototype(cell_width * span, colours.get(state, ""), span, "FFFFFF").__copy__()
                segment.append(_keep(writer.new("table_text"), keep))
                segments[key] = segment
            tr.append(segments[key].__copy__())
        _cell(tr, value_width).append(_keep(writer.new("table_text", value, bold=True), keep))
    writer.add(tbl)
    return tbl
