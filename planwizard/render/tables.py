"""Tables: column widths that fit their content, a header row repeated on every page, the readiness chart.

The chart is a table of shaded cells, one row per theme: native, searchable text in
Word and LibreOffice, with the percentage written next to every bar.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import KW_ONLY, dataclass

from lxml import etree

from planwizard.render import measure, ooxml
from planwizard.render.ooxml import w
from planwizard.render.writer import Writer

@dataclass(frozen=True)
class Link:
    """Cell text that links to a bookmark in the document (an item, say)."""

    text: str
    anchor: str


Cell = str | Link | etree._Element | list[etree._Element]
"""Cell content: text or a link (one paragraph in the table text style), or ready paragraphs."""


@dataclass(frozen=True)
class Column:
    """A table column: its header; widths come from the content (see ``measure.fit``)."""

    header: str
    _: KW_ONLY
    align: str = ""
    """``center`` or ``right`` for figures; empty keeps the style's alignment."""


@functools.lru_cache(maxsize=64)
def _table_shell(style_id: str, widths: tuple[int, ...], caption: str, description: str,
                 borders: bool) -> etree._Element:
    tbl = etree.Element(w("tbl"))
    tbl_pr = ooxml.sub(tbl, "tblPr")
    ooxml.sub(tbl_pr, "tblStyle", val=style_id)
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


def _new_table(writer: Writer, widths: list[int], caption: str, description: str, borders: bool) -> etree._Element:
    return _table_shell(writer.ids["table"], tuple(widths), caption, description, borders).__copy__()


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


@functools.lru_cache(maxsize=512)
def _text_cell(width: int, style_id: str, *, align: str = "", keep: bool = False, bold: bool = False,
               fill: str = "", span: int = 1, borders: str = "", middle: bool = False) -> etree._Element:
    """A cell with one paragraph holding one run: copied for every cell, then only its text is set."""
    tc = _cell_prototype(width, fill, span, borders, middle).__copy__()
    p = ooxml.paragraph(style_id)
    ppr = p[0]
    if keep:
        ooxml.insert_in_order(ppr, etree.Element(w("keepNext")), ooxml.PPR_ORDER)
    if align:
        ooxml.insert_in_order(ppr, etree.Element(w("jc"), {w("val"): align}), ooxml.PPR_ORDER)
    ooxml.run(p, "", bold=bold)
    tc.append(p)
    return tc


@functools.lru_cache(maxsize=64)
def _link_cell(width: int, style_id: str) -> etree._Element:
    """Like ``_text_cell`` with the run inside an internal hyperlink (its anchor set per copy)."""
    tc = _cell_prototype(width, "", 1, "", False).__copy__()
    p = ooxml.paragraph(style_id)
    ooxml.run(ooxml.sub(p, "hyperlink", anchor="", history="1"), "")
    tc.append(p)
    return tc


def _put_link(tr: etree._Element, width: int, style_id: str, link: Link) -> None:
    tc = _link_cell(width, style_id).__copy__()
    hyperlink = tc[-1][-1]
    hyperlink.set(_ANCHOR, link.anchor)
    hyperlink[-1][-1].text = ooxml.one_line(link.text).strip()
    tr.append(tc)


_ANCHOR = w("anchor")


def _put(tr: etree._Element, prototype: etree._Element, text: str) -> None:
    tc = prototype.__copy__()
    t = tc[-1][-1][-1]  # the cell's paragraph, its run, its text
    t.text = text
    if text[:1].isspace() or text[-1:].isspace():
        t.set(ooxml.SPACE, "preserve")
    tr.append(tc)


def _fill(writer: Writer, tc: etree._Element, content: Cell, role: str) -> None:
    if isinstance(content, str):
        tc.append(writer.new(role, content))
    elif isinstance(content, list):
        tc.extend(content or [writer.new(role)])
    else:
        tc.append(content)


def _plain(value: Cell) -> str:
    """The text of a cell, as it will stand in the table (for sizing its column)."""
    if isinstance(value, str):
        return value if value.isprintable() else ooxml.one_line(value)
    if isinstance(value, Link):
        return value.text
    paragraphs = value if isinstance(value, list) else [value]
    return " ".join("".join(p.itertext()) for p in paragraphs)


def widths_of(writer: Writer, columns: Sequence[Column], rows: Sequence[Sequence[Cell]]) -> list[int]:
    """Twips per column, filling the text width exactly, wide enough for every word in it."""
    texts = [[_plain(value) for value in values] for values in rows]
    return measure.fit(writer.template.text_width, writer.template.table_look, [c.header for c in columns], texts)


def table(writer: Writer, columns: Sequence[Column], rows: Sequence[Sequence[Cell]], *, caption: str,
          description: str = "", bold_last: bool = False) -> etree._Element:
    """A data table with a marked, repeating header row; appended to the body."""
    widths = widths_of(writer, columns, rows)
    tbl = _new_table(writer, widths, caption, description, borders=True)
    header = _row(tbl, header=True)
    head_style, text_style = writer.ids["table_header"], writer.ids["table_text"]
    fill = writer.template.header_fill
    for column, width in zip(columns, widths):
        _put(header, _text_cell(width, head_style, align=column.align, fill=fill, middle=True),
             ooxml.one_line(column.header).strip())
    plain = [_text_cell(width, text_style, align=column.align) for column, width in zip(columns, widths)]
    strong = [_text_cell(width, text_style, align=column.align, bold=True) for column, width in zip(columns, widths)]
    last = len(rows) - 1
    for index, values in enumerate(rows):
        tr = _row(tbl)
        prototypes = strong if bold_last and index == last else plain
        for value, width, prototype in zip(values, widths, prototypes):
            if value.__class__ is str:
                _put(tr, prototype, (value if value.isprintable() else ooxml.one_line(value)).strip())
            elif value.__class__ is Link:
                if value.anchor:
                    _put_link(tr, width, text_style, value)
                else:
                    _put(tr, prototype, ooxml.one_line(value.text).strip())
            else:
                _fill(writer, _cell(tr, width, middle=False), value, "table_text")
    writer.add(tbl)
    return tbl


CHART_CELLS = 20


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
    total = writer.template.text_width
    # label and value columns as wide as their words need, at least a third and an eighth of the width
    label_least, _, value_least = measure.fit(total, writer.template.table_look, headers,
                                              [(label, "", value) for label, _, value in rows], spread=False)
    label_width = max(int(total * 0.34), label_least)
    value_width = max(int(total * 0.12), value_least)
    cell_width = (total - label_width - value_width) // CHART_CELLS
    value_width = total - label_width - cell_width * CHART_CELLS
    widths = [label_width, *([cell_width] * CHART_CELLS), value_width]
    tbl = _new_table(writer, widths, caption, description, borders=False)
    header = _row(tbl, header=True)
    head_style, text_style = writer.ids["table_header"], writer.ids["table_text"]
    fill = writer.template.header_fill
    for text, width, span in ((headers[0], label_width, 1), (headers[1], cell_width * CHART_CELLS, CHART_CELLS),
                              (headers[2], value_width, 1)):
        _put(header, _text_cell(width, head_style, fill=fill, span=span, middle=True), ooxml.one_line(text).strip())
    for index, (label, cells, value) in enumerate(rows):
        tr = _row(tbl)
        # Keep-with-next on every row but the last keeps the chart on one page where it fits.
        keep = index < len(rows) - 1
        _put(tr, _text_cell(label_width, text_style, keep=keep, middle=True), ooxml.one_line(label).strip())
        padded = cells + [""] * (CHART_CELLS - len(cells))
        for state, span in _runs(padded):
            segment = _text_cell(cell_width * span, text_style, keep=keep, fill=colours.get(state, ""), span=span,
                                 borders="FFFFFF", middle=True)
            tr.append(segment.__copy__())
        _put(tr, _text_cell(value_width, text_style, keep=keep, bold=True, middle=True), ooxml.one_line(value).strip())
    writer.add(tbl)
    return tbl
