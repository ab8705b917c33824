"""WordprocessingML basics: names, clean text, and the small elements everything is made of."""

from __future__ import annotations

import functools
import re

from lxml import etree

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
XML_NS = "http://www.w3.org/XML/1998/namespace"
NSMAP = {"w": W_NS, "r": R_NS}

REL_HYPERLINK = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink"
REL_CUSTOM = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties"
REL_CORE = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"
REL_OFFICE_DOCUMENT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
CT_CORE = "application/vnd.openxmlformats-package.core-properties+xml"
CT_CUSTOM = "application/vnd.openxmlformats-officedocument.custom-properties+xml"

# Characters XML 1.0 cannot hold (C0 controls except tab/newline/return, surrogates, U+FFFE/F),
# listed as they are rather than as the complement of what XML allows: the same set, but
# compiled in a tenth of the time (this module is imported by every command that writes).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_SPACES = re.compile(r"[\t\r\n\u000b\u000c]+")


@functools.lru_cache(maxsize=512)
def w(tag: str) -> str:
    """Clark name of a w: element or attribute."""
    return f"{{{W_NS}}}{tag}"


def clean(text: str) -> str:
    """``text`` without the characters XML cannot hold (templates and checklists may contain any).

    Vertical tab and form feed separate lines in some editors; they become line breaks.
    """
    if text.isprintable() or text.replace("\n", "").isprintable():  # the common cases, in C: nothing to do
        return text
    return _NOT_XML.sub("", text.replace("\v", "\n").replace("\f", "\n"))


_TABS = re.compile(r"[\t\u000b\u000c]")


def one_line_breaks(text: str) -> str:
    """Clean multi-line text: line breaks kept, tabs become spaces (each line becomes a run)."""
    if text.isprintable() or text.replace("\n", "").isprintable():  # no tab, no character to drop
        return text
    return _NOT_XML.sub("", _TABS.sub(" ", text.replace("\v", "\n").replace("\f", "\n")))


def one_line(text: str) -> str:
    """Clean text for a single run: tabs and line breaks become single spaces (ends kept)."""
    if text.isprintable():
        return text
    return _SPACES.sub(" ", clean(text))


SPACE = f"{{{XML_NS}}}space"


def sub(parent: etree._Element, tag: str, **attrs: str) -> etree._Element:
    """A new w: child of ``parent`` with w: attributes."""
    if attrs:
        return etree.SubElement(parent, w(tag), {w(key): value for key, value in attrs.items()})
    return etree.SubElement(parent, w(tag))


def insert_in_order(parent: etree._Element, child: etree._Element, order: tuple[str, ...]) -> None:
    """Put ``child`` among ``parent``'s children where the schema sequence ``order`` wants it.

    ``order`` lists local names; children not in it are treated as coming first.
    """
    name = etree.QName(child).localname
    rank = order.index(name)
    for index, existing in enumerate(parent):
        other = etree.QName(existing).localname if isinstance(existing.tag, str) else ""
        if other in order and order.index(other) > rank:
            parent.insert(index, child)
            return
    parent.append(child)


PPR_ORDER = (
    "pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl", "numPr",
    "suppressLineNumbers", "pBdr", "shd", "tabs", "suppressAutoHyphens", "kinsoku", "wordWrap",
    "overflowPunct", "topLinePunct", "autoSpaceDE", "autoSpaceDN", "bidi", "adjustRightInd", "snapToGrid",
    "spacing", "ind", "contextualSpacing", "mirrorIndents", "suppressOverlap", "jc", "textDirection",
    "textAlignment", "textboxTightWrap", "outlineLvl", "divId", "cnfStyle", "rPr", "sectPr", "pPrChange",
)
RPR_ORDER = (
    "rStyle", "rFonts", "b", "bCs", "i", "iCs", "caps", "smallCaps", "strike", "dstrike", "outline", "shadow",
    "emboss", "imprint", "noProof", "snapToGrid", "vanish", "webHidden", "color", "spacing", "w", "kern",
    "position", "sz", "szCs", "highlight", "u", "effect", "bdr", "shd", "fitText", "vertAlign", "rtl", "cs", "em",
    "lang", "eastAsianLayout", "specVanish", "oMath",
)
TBLPR_ORDER = (
    "tblStyle", "tblpPr", "tblOverlap", "bidiVisual", "tblStyleRowBandSize", "tblStyleColBandSize", "tblW", "jc",
    "tblCellSpacing", "tblInd", "tblBorders", "shd", "tblLayout", "tblCellMar", "tblLook", "tblCaption",
    "tblDescription", "tblPrChange",
)
TCPR_ORDER = (
    "cnfStyle", "tcW", "gridSpan", "hMerge", "vMerge", "tcBorders", "shd", "noWrap", "tcMar", "textDirection",
    "tcFitText", "vAlign", "hideMark", "headers", "cellIns", "cellDel", "cellMerge", "tcPrChange",
)
SETTINGS_AFTER_UPDATE_FIELDS = (
    "hdrShapeDefaults", "footnotePr", "endnotePr", "compat", "docVars", "rsids", "mathPr", "attachedSchema",
    "themeFontLang", "clrSchemeMapping", "doNotIncludeSubdocsInStats", "doNotAutoCompressPictures", "forceUpgrade",
    "captions", "readModeInkLockDown", "smartTagType", "schemaLibrary", "shapeDefaults", "doNotEmbedSmartTags",
    "decimalSymbol", "listSeparator",
)
