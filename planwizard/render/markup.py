"""The body of a document as text: paragraphs, runs and links written straight as WordprocessingML.

A draft's body has a few thousand paragraphs; making each of them as lxml elements and
serializing the tree cost more than zipping the whole package. So the body is written
as text: a paragraph is its properties (``<w:pPr>...</w:pPr>``), its content as XML
pieces, and its text (which the snapshot's digests need); a table or a chapter made
earlier is one ``Block``. Every string is exactly what lxml writes for the same
elements in a document that declares ``w:`` and ``r:`` at its root (the draft oracle in
``tests/draft_oracle.py`` holds the builder to that, byte for byte).

Text must be clean (``ooxml.clean``, ``one_line``) before it comes here, as lxml
demanded: every caller cleans what it did not make itself. (Checking every part again
would cost a millisecond a document; ``tests/test_draft_oracle.py`` parses the parts of
drafts made from hostile text instead.)
"""

from __future__ import annotations

import functools

from planwizard.render.ooxml import NSMAP

DOCUMENT_START = (
    "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
    + "<w:document{}>".format("".join(f' xmlns:{prefix}="{uri}"' for prefix, uri in NSMAP.items()))
)
"""A main document part up to its body, as lxml writes it (``reference.serialize``)."""


def text(value: str) -> str:
    """``value`` as character data: ``&``, ``<``, ``>`` and carriage returns escaped, as lxml does."""
    # Four scans in C cost less than one regular expression; text to escape is rare.
    if "&" in value or "<" in value or ">" in value or "\r" in value:
        return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\r", "&#13;")
    return value


def attr(value: str) -> str:
    """``value`` as a double-quoted attribute value, escaped as lxml does."""
    if "&" in value or "<" in value or ">" in value or '"' in value or "\n" in value or "\r" in value or "\t" in value:
        return (value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
                .replace("\n", "&#10;").replace("\r", "&#13;").replace("\t", "&#9;"))
    return value


# ------------------------------------------------------------------ runs


@functools.lru_cache(maxsize=256)
def run_props(bold: bool = False, italic: bool = False, color: str = "", style: str = "", size: int = 0,
              strike: bool = False, underline: bool = False, caps: bool = False, spacing: int = 0) -> str:
    """``<w:rPr>`` with these properties in the order the schema wants (empty when there are none).

    ``size`` in half points, ``spacing`` (between letters) in twips.
    """
    props = []
    if style:
        props.append(f'<w:rStyle w:val="{attr(style)}"/>')
    if bold:
        props.append("<w:b/><w:bCs/>")
    if italic:
        props.append("<w:i/><w:iCs/>")
    if caps:
        props.append("<w:caps/>")
    if strike:
        props.append("<w:strike/>")
    if color:
        props.append(f'<w:color w:val="{attr(color)}"/>')
    if spacing:
        props.append(f'<w:spacing w:val="{spacing}"/>')
    if size:
        props.append(f'<w:sz w:val="{size}"/><w:szCs w:val="{size}"/>')
    if underline:
        props.append('<w:u w:val="single"/>')
    return f"<w:rPr>{''.join(props)}</w:rPr>" if props else ""


def t(value: str) -> str:
    """A ``<w:t>`` holding ``value``; white space at either end is kept (``xml:space``)."""
    if value[:1].isspace() or value[-1:].isspace():
        return f'<w:t xml:space="preserve">{text(value)}</w:t>'
    return f"<w:t>{text(value)}</w:t>"


def run(value: str, **props) -> str:
    """A run holding ``value`` with run properties ``props`` (see ``run_props``; size in half points)."""
    return f"<w:r>{run_props(**props) if props else ''}{t(value)}</w:r>"


TAB = "<w:r><w:tab/></w:r>"


def bookmark(ident: str, name: str) -> tuple[str, str]:
    """The start and end of a bookmark."""
    return f'<w:bookmarkStart w:id="{ident}" w:name="{attr(name)}"/>', f'<w:bookmarkEnd w:id="{ident}"/>'


def jump(anchor: str, content: str) -> str:
    """``content`` (runs) as a link to the bookmark ``anchor``."""
    return f'<w:hyperlink w:anchor="{attr(anchor)}" w:history="1">{content}</w:hyperlink>'


def link(relationship: str, content: str) -> str:
    """``content`` (runs) as a link to the external address of ``relationship``."""
    return f'<w:hyperlink r:id="{attr(relationship)}" w:history="1">{content}</w:hyperlink>'


# ------------------------------------------------------------------ paragraphs


@functools.lru_cache(maxsize=512)
def props(style: str, *, keep_next: bool = False, page_break: bool = False, level: int | None = None,
          num_id: str = "", align: str = "") -> str:
    """``<w:pPr>`` with a style and, in schema order, keep-with-next, a page break, a list and an alignment."""
    parts = [f'<w:pStyle w:val="{attr(style)}"/>']
    if keep_next:
        parts.append("<w:keepNext/>")
    if page_break:
        parts.append("<w:pageBreakBefore/>")
    if level is not None:
        parts.append(f'<w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="{attr(num_id)}"/></w:numPr>')
    if align:
        parts.append(f'<w:jc w:val="{attr(align)}"/>')
    return f"<w:pPr>{''.join(parts)}</w:pPr>"


class Para:
    """A paragraph being written: its style id, properties (``<w:pPr>``), content as XML pieces, and text."""

    __slots__ = ("style", "props", "parts", "text")

    def __init__(self, style: str, props_: str, parts: list[str] | None = None, text_: str = "") -> None:
        self.style = style
        self.props = props_
        self.parts = parts if parts is not None else []
        self.text = text_

    def run(self, value: str, **run_props_) -> None:
        """Add a run holding ``value`` (clean text)."""
        self.parts.append(run(value, **run_props_))
        self.text += value

    def tab(self) -> None:
        self.parts.append(TAB)

    def add(self, xml: str, text_: str = "") -> None:
        """Add content written elsewhere (a link, a content control) and the text it shows."""
        self.parts.append(xml)
        self.text += text_

    def copy(self) -> Para:
        return Para(self.style, self.props, self.parts[:], self.text)

    def xml(self) -> str:
        return f"<w:p>{self.props}{''.join(self.parts)}</w:p>"


class Block:
    """A finished piece of a body (a table, a paragraph made earlier): its XML, text and style id (if a paragraph)."""

    __slots__ = ("markup", "text", "style")

    def __init__(self, markup: str, text_: str, style: str | None = None) -> None:
        self.markup = markup
        self.text = text_
        self.style = style

    def xml(self) -> str:
        return self.markup


def body_part(entries, section: str) -> bytes:
    """The main document part: ``entries`` (paragraphs and blocks) and the page setup ``section``."""
    xml = "".join([DOCUMENT_START, "<w:body>", *[entry.xml() for entry in entries], section, "</w:body></w:document>"])
    return xml.encode("utf-8")  # a surrogate (never clean text) would fail here
