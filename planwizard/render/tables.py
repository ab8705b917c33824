"""Tables: column widths that fit their content, a header row repeated on every page, the readiness chart.

The chart is a table of shaded cells, one row per theme: native, searchable text in
Word and LibreOffice, with the percentage written next to every bar.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from typing import NamedTuple

from planwizard.render import markup, measure, ooxml
from planwizard.render.markup import Block, Para, attr
from planwizard.render.writer import Writer


class Link(NamedTuple):
    """Cell text that links to a bookmark in the document (an item, say)."""

    text: str
    anchor: str


Cell = str | Link | Para | list[Para]
"""Cell content: text or a link (one paragraph in the table text style), or ready paragraphs."""


class Column(NamedTuple):
    """A table column: its header; widths come from the content (see ``measure.fit``)."""

    header: str
    align: str = ""
    """``center`` or ``right`` for figures; empty keeps the style's alignment."""


@functools.lru_cache(maxsize=64)
def _table_start(style_id: str, widths: tuple[int, ...], caption: str, description: str, borders: bool) -> str:
    """A table's properties and grid, up to its first row."""
    props = [f'<w:tblStyle w:val="{attr(style_id)}"/><w:tblW w:w="{sum(widths)}" w:type="dxa"/>']
    if not borders:
        edges = "".join(f'<w:{side} w:val="nil"/>' for side in ("top", "left", "bottom", "right", "insideH", "insideV"))
        props.append(f"<w:tblBorders>{edges}</w:tblBorders>")
    props.append('<w:tblLayout w:type="fixed"/><w:tblLook w:val="0420" w:firstRow="1" w:lastRow="0" '
                 'w:firstColumn="0" w:lastColumn="0" w:noHBand="1" w:noVBand="1"/>')
    if caption:
        props.append(f'<w:tblCaption w:val="{attr(ooxml.one_line(caption)[:255])}"/>')
    if description:
        props.append(f'<w:tblDescription w:val="{attr(ooxml.one_line(description)[:1000])}"/>')
    grid = "".join(f'<w:gridCol w:w="{width}"/>' for width in widths)
    return f"<w:tbl><w:tblPr>{''.join(props)}</w:tblPr><w:tblGrid>{grid}</w:tblGrid>"


ROW = "<w:tr><w:trPr><w:cantSplit/></w:trPr>"
HEADER_ROW = "<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>"
"""The start of a row: never split across pages; the header row is repeated on every page."""


@functools.lru_cache(maxsize=1024)
def _cell_start(width: int, fill: str = "", span: int = 1, borders: str = "", middle: bool = True) -> str:
    """The start of a cell of this width and look, up to its content."""
    props = [f'<w:tcW w:w="{width}" w:type="dxa"/>']
    if span > 1:
        props.append(f'<w:gridSpan w:val="{span}"/>')
    if borders:
        edge = f'w:val="single" w:sz="12" w:space="0" w:color="{attr(borders)}"'
        props.append(f"<w:tcBorders><w:top {edge}/><w:bottom {edge}/></w:tcBorders>")
    if fill:
        props.append(f'<w:shd w:val="clear" w:color="auto" w:fill="{attr(fill)}"/>')
    if middle:
        props.append('<w:vAlign w:val="center"/>')
    return f"<w:tc><w:tcPr>{''.join(props)}</w:tcPr>"


@functools.lru_cache(maxsize=512)
def _text_cell(width: int, style_id: str, *, align: str = "", keep: bool = False, bold: bool = False,
               fill: str = "", span: int = 1, borders: str = "", middle: bool = False) -> tuple[str, str]:
    """A cell with one paragraph holding one run, as the XML before and after the run's text."""
    start = _cell_start(width, fill, span, borders, middle)
    props = markup.props(style_id, keep_next=keep, align=align)
    return f"{start}<w:p>{props}<w:r>{markup.run_props(bold=bold)}", "</w:r></w:p></w:tc>"


def _text(cell: tuple[str, str], text: str) -> str:
    return f"{cell[0]}{markup.t(text)}{cell[1]}"


def _link(width: int, style_id: str, link: Link, text: str) -> str:
    run = f"<w:r>{markup.t(text)}</w:r>"
    paragraph = f"<w:p>{markup.props(style_id)}{markup.jump(link.anchor, run)}</w:p>"
    return f"{_cell_start(width, middle=False)}{paragraph}</w:tc>"


def _plain(value: Cell) -> str:
    """The text of a cell, as it will stand in the table (for sizing its column)."""
    if isinstance(value, str):
        return value if value.isprintable() else ooxml.one_line(value)
    if isinstance(value, Link):
        return value.text
    paragraphs = value if isinstance(value, list) else [value]
    return " ".join(p.text for p in paragraphs)


def widths_of(writer: Writer, columns: Sequence[Column], rows: Sequence[Sequence[Cell]]) -> list[int]:
    """Twips per column, filling the text width exactly, wide enough for every word in it."""
    texts = [[_plain(value) for value in values] for values in rows]
    return measure.fit(writer.template.text_width, writer.template.table_look, [c.header for c in columns], texts)


def table(writer: Writer, columns: Sequence[Column], rows: Sequence[Sequence[Cell]], *, caption: str,
          description: str = "", bold_last: bool = False) -> Block:
    """A data table with a marked, repeating header row; appended to the body."""
    widths = widths_of(writer, columns, rows)
    xml = [_table_start(writer.ids["table"], tuple(widths), caption, description, True), HEADER_ROW]
    texts: list[str] = []  # the table's text in document order, for the snapshot
    head_style, text_style = writer.ids["table_header"], writer.ids["table_text"]
    fill = writer.template.header_fill
    for column, width in zip(columns, widths):
        text = ooxml.one_line(column.header).strip()
        xml.append(_text(_text_cell(width, head_style, align=column.align, fill=fill, middle=True), text))
        texts.append(text)
    xml.append("</w:tr>")
    plain = [_text_cell(width, text_style, align=column.align) for column, width in zip(columns, widths)]
    strong = [_text_cell(width, text_style, align=column.align, bold=True) for column, width in zip(columns, widths)]
    last = len(rows) - 1
    for index, values in enumerate(rows):
        xml.append(ROW)
        cells = strong if bold_last and index == last else plain
        for value, width, cell in zip(values, widths, cells):
            if value.__class__ is str:
                text = (value if value.isprintable() else ooxml.one_line(value)).strip()
                xml.append(_text(cell, text))
            elif value.__class__ is Link:
                text = ooxml.one_line(value.text).strip()
                xml.append(_link(width, text_style, value, text) if value.anchor else _text(cell, text))
            else:
                paragraphs = (value if isinstance(value, list) else [value]) or [writer.new("table_text")]
                xml.append(_cell_start(width, middle=False) + "".join(p.xml() for p in paragraphs) + "</w:tc>")
                text = "".join(p.text for p in paragraphs)
            texts.append(text)
        xml.append("</w:tr>")
    xml.append("</w:tbl>")
    return writer.add(Block("".join(xml), "".join(texts)))


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
          headers: tuple[str, str, str], caption: str, description: str) -> Block:
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
    xml = [_table_start(writer.ids["table"], tuple(widths), caption, description, False), HEADER_ROW]
    texts: list[str] = []
    head_style, text_style = writer.ids["table_header"], writer.ids["table_text"]
    fill = writer.template.header_fill
    for text, width, span in ((headers[0], label_width, 1), (headers[1], cell_width * CHART_CELLS, CHART_CELLS),
                              (headers[2], value_width, 1)):
        text = ooxml.one_line(text).strip()
        xml.append(_text(_text_cell(width, head_style, fill=fill, span=span, middle=True), text))
        texts.append(text)
    xml.append("</w:tr>")
    for index, (label, cells, value) in enumerate(rows):
        xml.append(ROW)
        # Keep-with-next on every row but the last keeps the chart on one page where it fits.
        keep = index < len(rows) - 1
        label, value = ooxml.one_line(label).strip(), ooxml.one_line(value).strip()
        xml.append(_text(_text_cell(label_width, text_style, keep=keep, middle=True), label))
        padded = cells + [""] * (CHART_CELLS - len(cells))
        for state, span in _runs(padded):
            segment = _text_cell(cell_width * span, text_style, keep=keep, fill=colours.get(state, ""), span=span,
                                 borders="FFFFFF", middle=True)
            xml.append(_text(segment, ""))
        xml.append(_text(_text_cell(value_width, text_style, keep=keep, bold=True, middle=True), value))
        xml.append("</w:tr>")
        texts += (label, value)
    xml.append("</w:tbl>")
    return writer.add(Block("".join(xml), "".join(texts)))
