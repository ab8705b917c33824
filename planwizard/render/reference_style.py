"""The default house style: colours, paragraph, character and table styles, list numbering.

Used by ``build_reference.py`` to write ``templates/standaard/reference.docx``. Every
style named in ``templates/standaard/styles.yaml`` is defined here.
"""

from __future__ import annotations

from xml.sax.saxutils import escape

from planwizard.render.markup import run_props

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
DOC_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'

FONT = "Arial"
PRIMARY = "1F4E79"  # headings, table header rows, example box border
TEXT_GREY = "404040"
META_GREY = "595959"
ACCENT = "C55A11"  # placeholders and the concept mark
BOX_FILL = "EAF1F8"
PLACEHOLDER_FILL = "FFF2CC"
LINE_GREY = "BFBFBF"

PAGE_W, PAGE_H, MARGIN = 11906, 16838, 1418  # A4, 2.5 cm margins (twips)
TEXT_WIDTH = PAGE_W - 2 * MARGIN


# ------------------------------------------------------------------ styles


def _ppr(
    *,
    keep_next: bool = False,
    keep_lines: bool = False,
    page_break: bool = False,
    num: tuple[int, int] | None = None,
    borders: str = "",
    fill: str = "",
    tabs: str = "",
    before: int | None = None,
    after: int | None = None,
    line: int | None = None,
    ind: str = "",
    contextual: bool = False,
    jc: str = "",
    outline: int | None = None,
) -> str:
    parts = []
    if keep_next:
        parts.append("<w:keepNext/>")
    if keep_lines:
        parts.append("<w:keepLines/>")
    if page_break:
        parts.append("<w:pageBreakBefore/>")
    if num is not None:
        parts.append(f'<w:numPr><w:ilvl w:val="{num[1]}"/><w:numId w:val="{num[0]}"/></w:numPr>')
    if borders:
        parts.append(f"<w:pBdr>{borders}</w:pBdr>")
    if fill:
        parts.append(f'<w:shd w:val="clear" w:color="auto" w:fill="{fill}"/>')
    if tabs:
        parts.append(f"<w:tabs>{tabs}</w:tabs>")
    if before is not None or after is not None or line is not None:
        attrs = ""
        if before is not None:
            attrs += f' w:before="{before}"'
        if after is not None:
            attrs += f' w:after="{after}"'
        if line is not None:
            attrs += f' w:line="{line}" w:lineRule="auto"'
        parts.append(f"<w:spacing{attrs}/>")
    if ind:
        parts.append(f"<w:ind {ind}/>")
    if contextual:
        parts.append("<w:contextualSpacing/>")
    if jc:
        parts.append(f'<w:jc w:val="{jc}"/>')
    if outline is not None:
        parts.append(f'<w:outlineLvl w:val="{outline}"/>')
    return f"<w:pPr>{''.join(parts)}</w:pPr>" if parts else ""


def _style(kind: str, style_id: str, name: str, *, based: str = "", next_: str = "", priority: int = 0,
           qformat: bool = False, default: bool = False, semi_hidden: bool = False, ppr: str = "", rpr: str = "",
           extra: str = "") -> str:
    attrs = f' w:type="{kind}" w:styleId="{style_id}"' + (' w:default="1"' if default else "")
    inner = f'<w:name w:val="{escape(name)}"/>'
    if based:
        inner += f'<w:basedOn w:val="{based}"/>'
    if next_:
        inner += f'<w:next w:val="{next_}"/>'
    if priority:
        inner += f'<w:uiPriority w:val="{priority}"/>'
    if semi_hidden:
        inner += "<w:semiHidden/><w:unhideWhenUsed/>"
    if qformat:
        inner += "<w:qFormat/>"
    return f"<w:style{attrs}>{inner}{ppr}{rpr}{extra}</w:style>"


def _border(side: str, size: int, color: str, space: int = 4) -> str:
    return f'<w:{side} w:val="single" w:sz="{size}" w:space="{space}" w:color="{color}"/>'


BOX_BORDERS = (
    _border("top", 4, PRIMARY) + _border("left", 24, PRIMARY) + _border("bottom", 4, PRIMARY)
    + _border("right", 4, PRIMARY)
)
BOX_IND = 'w:left="170" w:right="170"'


def styles_xml() -> str:
    """The house style: every style the style map of the default template names."""
    right_tab = f'<w:tab w:val="right" w:pos="{TEXT_WIDTH}"/>'
    toc_tabs = f'<w:tab w:val="left" w:pos="567"/><w:tab w:val="right" w:leader="dot" w:pos="{TEXT_WIDTH}"/>'
    table_borders = "".join(
        _border(side, 4, LINE_GREY, 0) for side in ("top", "left", "bottom", "right", "insideH", "insideV")
    )
    styles = [
        _style("paragraph", "Normal", "Normal", default=True, qformat=True),
        _style("character", "DefaultParagraphFont", "Default Paragraph Font", default=True, priority=1,
               semi_hidden=True),
        _style("table", "TableNormal", "Normal Table", default=True, priority=99, semi_hidden=True,
               extra='<w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/>'
               '<w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/>'
               "</w:tblCellMar></w:tblPr>"),
        _style("numbering", "NoList", "No List", default=True, priority=99, semi_hidden=True),
        _style("paragraph", "Title", "Title", based="Normal", next_="Subtitle", priority=10, qformat=True,
               ppr=_ppr(before=2400, after=240, line=240),
               rpr=run_props(bold=True, color=PRIMARY, size=56)),
        _style("paragraph", "Subtitle", "Subtitle", based="Normal", next_="Normal", priority=11, qformat=True,
               ppr=_ppr(after=480), rpr=run_props(color=TEXT_GREY, size=30)),
        _style("paragraph", "Heading1", "heading 1", based="Normal", next_="Normal", priority=9, qformat=True,
               ppr=_ppr(keep_next=True, keep_lines=True, page_break=True, num=(3, 0), before=0, after=240,
                        ind='w:left="709" w:hanging="709"', outline=0),
               rpr=run_props(bold=True, color=PRIMARY, size=32)),
        _style("paragraph", "Heading2", "heading 2", based="Normal", next_="Normal", priority=9, qformat=True,
               ppr=_ppr(keep_next=True, keep_lines=True, num=(3, 1), before=360, after=120,
                        ind='w:left="709" w:hanging="709"', outline=1),
               rpr=run_props(bold=True, color=PRIMARY, size=24)),
        _style("paragraph", "Heading3", "heading 3", based="Normal", next_="Normal", priority=9, qformat=True,
               ppr=_ppr(keep_next=True, keep_lines=True, before=200, after=60, outline=2),
               rpr=run_props(bold=True, color=TEXT_GREY, size=21)),
        _style("paragraph", "TOCHeading", "TOC Heading", based="Heading1", next_="Normal", priority=39,
               semi_hidden=True, qformat=True,
               ppr=_ppr(page_break=True, num=(0, 0), ind='w:left="0" w:firstLine="0"', outline=9)),
        _style("paragraph", "TOC1", "toc 1", based="Normal", next_="Normal", priority=39, semi_hidden=True,
               ppr=_ppr(tabs=toc_tabs, before=100, after=60, ind='w:left="567" w:hanging="567"'),
               rpr=run_props(bold=True, color=PRIMARY)),
        _style("paragraph", "TOC2", "toc 2", based="Normal", next_="Normal", priority=39, semi_hidden=True,
               ppr=_ppr(tabs=f'<w:tab w:val="right" w:leader="dot" w:pos="{TEXT_WIDTH}"/>', after=40,
                        ind='w:left="1134" w:hanging="567"')),
        _style("paragraph", "ListBullet", "List Bullet", based="Normal", priority=36, qformat=True,
               ppr=_ppr(num=(1, 0), after=120, contextual=True)),
        _style("paragraph", "ListNumber", "List Number", based="Normal", priority=37, qformat=True,
               ppr=_ppr(num=(2, 0), after=120, contextual=True)),
        _style("paragraph", "Header", "header", based="Normal", priority=99, semi_hidden=True,
               ppr=_ppr(tabs=right_tab, after=0, borders=_border("bottom", 4, LINE_GREY, 4)),
               rpr=run_props(color=META_GREY, size=16)),
        _style("paragraph", "Footer", "footer", based="Normal", priority=99, semi_hidden=True,
               ppr=_ppr(tabs=right_tab, after=0), rpr=run_props(color=META_GREY, size=16)),
        _style("character", "Hyperlink", "Hyperlink", based="DefaultParagraphFont", priority=99, semi_hidden=True,
               rpr=run_props(color="0563C1", underline=True)),
        _style("paragraph", "Inleidingthema", "Inleiding thema", based="Normal", next_="Normal", qformat=True,
               ppr=_ppr(after=240, borders=_border("left", 12, LINE_GREY, 8), ind='w:left="227"'),
               rpr=run_props(italic=True, color=TEXT_GREY)),
        _style("paragraph", "Kenmerken", "Kenmerken", based="Normal", next_="Normal", qformat=True,
               ppr=_ppr(keep_next=True, after=120), rpr=run_props(color=META_GREY, size=17)),
        _style("paragraph", "Tabeltekst", "Tabeltekst", based="Normal", qformat=True,
               ppr=_ppr(before=20, after=20, line=240), rpr=run_props(size=18)),
        _style("paragraph", "Tabelkop", "Tabelkop", based="Tabeltekst", qformat=True,
               ppr=_ppr(keep_next=True), rpr=run_props(bold=True, color="FFFFFF", size=18)),
        _style("paragraph", "Voorbeeldkop", "Voorbeeld kop", based="Normal", next_="Voorbeeldtekst", qformat=True,
               ppr=_ppr(keep_next=True, borders=BOX_BORDERS, fill=BOX_FILL, before=240, after=60, ind=BOX_IND),
               rpr=run_props(bold=True, color=PRIMARY)),
        _style("paragraph", "Voorbeeldtekst", "Voorbeeld tekst", based="Normal", qformat=True,
               ppr=_ppr(borders=BOX_BORDERS, fill=BOX_FILL, after=60, ind=BOX_IND), rpr=run_props(size=19)),
        _style("paragraph", "Intevullen", "In te vullen", based="Normal", next_="Normal", qformat=True,
               ppr=_ppr(borders=_border("top", 4, PLACEHOLDER_FILL, 3) + _border("left", 24, ACCENT, 6)
                        + _border("bottom", 4, PLACEHOLDER_FILL, 3), fill=PLACEHOLDER_FILL, after=160,
                        ind='w:left="170"'),
               rpr=run_props(italic=True, color="7F3F00")),
        _style("paragraph", "Vervallenpunt", "Vervallen punt", based="Normal", next_="Normal", qformat=True,
               ppr=_ppr(borders=_border("left", 24, LINE_GREY, 6), after=160, ind='w:left="170"'),
               rpr=run_props(italic=True, color="6E6E6E")),
        _style("paragraph", "Titelpaginagegevens", "Titelpagina gegevens", based="Normal", qformat=True,
               ppr=_ppr(borders=_border("top", 8, PRIMARY, 10), tabs='<w:tab w:val="left" w:pos="2552"/>', after=60),
               rpr=run_props(color=TEXT_GREY)),
        _style("paragraph", "Conceptaanduiding", "Conceptaanduiding", based="Normal", next_="Normal", qformat=True,
               ppr=_ppr(before=120, after=2400),
               rpr=run_props(bold=True, caps=True, color=ACCENT, size=28, spacing=40)),
        _style("table", "Planwizardtabel", "Planwizard tabel", based="TableNormal", priority=59, qformat=True,
               ppr=_ppr(after=0),
               extra=f"<w:tblPr><w:tblBorders>{table_borders}</w:tblBorders><w:tblCellMar>"
               '<w:top w:w="40" w:type="dxa"/><w:left w:w="57" w:type="dxa"/><w:bottom w:w="40" w:type="dxa"/>'
               '<w:right w:w="57" w:type="dxa"/></w:tblCellMar></w:tblPr>'
               '<w:tblStylePr w:type="firstRow"><w:rPr><w:b/><w:bCs/><w:color w:val="FFFFFF"/></w:rPr>'
               f'<w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="{PRIMARY}"/></w:tcPr></w:tblStylePr>'),
    ]
    defaults = (
        "<w:docDefaults><w:rPrDefault><w:rPr>"
        f'<w:rFonts w:ascii="{FONT}" w:hAnsi="{FONT}" w:eastAsia="{FONT}" w:cs="{FONT}"/>'
        '<w:sz w:val="20"/><w:szCs w:val="20"/><w:lang w:val="nl-NL" w:eastAsia="nl-NL" w:bidi="ar-SA"/>'
        "</w:rPr></w:rPrDefault><w:pPrDefault><w:pPr>"
        '<w:spacing w:after="120" w:line="276" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>'
    )
    return f'{HEAD}<w:styles xmlns:w="{W_NS}">{defaults}{"".join(styles)}</w:styles>'


# ------------------------------------------------------------------ numbering


def _level(ilvl: int, fmt: str, text: str, left: int, hanging: int, *, style: str = "", font: str = "") -> str:
    pstyle = f'<w:pStyle w:val="{style}"/>' if style else ""
    rpr = f'<w:rPr><w:rFonts w:ascii="{font}" w:hAnsi="{font}" w:hint="default"/></w:rPr>' if font else ""
    return (
        f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>{pstyle}'
        f'<w:lvlText w:val="{escape(text)}"/><w:lvlJc w:val="left"/>'
        f'<w:pPr><w:ind w:left="{left}" w:hanging="{hanging}"/></w:pPr>{rpr}</w:lvl>'
    )


def numbering_xml() -> str:
    """Headings (1, 1.1), bullets and numbered lists, each a numbering definition of its own."""
    headings = (
        _level(0, "decimal", "%1", 709, 709, style="Heading1")
        + _level(1, "decimal", "%1.%2", 709, 709, style="Heading2")
        + "".join(_level(i, "none", "", 709, 709) for i in range(2, 9))
    )
    bullets = "".join(
        _level(i, "bullet", ("•", "–", "▪")[i % 3], 357 + 357 * i, 357, font=FONT) for i in range(9)
    )
    numbers = "".join(
        _level(i, ("decimal", "lowerLetter", "lowerRoman")[i % 3], f"%{i + 1}.", 357 + 357 * i, 357)
        for i in range(9)
    )
    abstract = (
        f'<w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="multilevel"/>{headings}</w:abstractNum>'
        f'<w:abstractNum w:abstractNumId="1"><w:multiLevelType w:val="hybridMultilevel"/>{bullets}</w:abstractNum>'
        f'<w:abstractNum w:abstractNumId="2"><w:multiLevelType w:val="hybridMultilevel"/>{numbers}</w:abstractNum>'
    )
    nums = (
        '<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>'
        '<w:num w:numId="2"><w:abstractNumId w:val="2"/></w:num>'
        '<w:num w:numId="3"><w:abstractNumId w:val="0"/></w:num>'
    )
    return f'{HEAD}<w:numbering xmlns:w="{W_NS}">{abstract}{nums}</w:numbering>'


# ------------------------------------------------------------------ page parts
