"""Word fields python-docx has no API for: the table of contents and property fields in headers.

The table of contents is a real TOC field; Word rebuilds it on opening (``updateFields``
in the settings). Its shown result is filled in here with the chapters, linked to
their headings, so LibreOffice, previewers and a PDF show them as well.
"""

from __future__ import annotations

import shlex
from typing import NamedTuple

from lxml import etree

from planwizard.render import markup, ooxml
from planwizard.render.markup import Para
from planwizard.render.ooxml import w
from planwizard.render.reference import parse_xml, serialize

TOC_INSTRUCTION = 'TOC \\o "1-1" \\h \\z \\u'


class TocEntry(NamedTuple):
    number: str
    text: str
    anchor: str


_TOC_BEGIN = (
    '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
    f'<w:r><w:instrText xml:space="preserve">{markup.text(f" {TOC_INSTRUCTION} ")}</w:instrText></w:r>'
    '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
)
_TOC_END = '<w:r><w:fldChar w:fldCharType="end"/></w:r>'


def toc(style_id: str, entries: list[TocEntry], empty_text: str) -> list[Para]:
    """The TOC field as paragraphs: one per entry, the field spanning all of them."""
    paragraphs = []
    for entry in entries or [TocEntry("", empty_text, "")]:
        p = Para(style_id, markup.props(style_id))
        shown = markup.run(entry.text)
        if entry.number:
            shown = markup.run(entry.number) + markup.TAB + shown
        p.add(markup.jump(entry.anchor, shown) if entry.anchor else shown, entry.number + entry.text)
        paragraphs.append(p)
    paragraphs[0].parts.insert(0, _TOC_BEGIN)
    paragraphs[-1].parts.append(_TOC_END)
    return paragraphs


def _key(instruction: str) -> str:
    """``TITLE``, ``SUBJECT``..., or ``DOCPROPERTY <name>`` (name lower-case) of a field instruction."""
    try:
        words = shlex.split(instruction, posix=True)
    except ValueError:
        words = instruction.split()
    if not words:
        return ""
    head = words[0].upper()
    if head == "DOCPROPERTY" and len(words) > 1:
        return f"DOCPROPERTY {words[1].lower()}"
    return head


def refresh(data: bytes, values: dict[str, str]) -> bytes:
    """A header or footer part whose property fields show ``values`` (keys as from ``_key``).

    The fields stay fields (Word recomputes them); only their shown text changes, so
    readers that do not compute fields show the right title too.
    """
    root = parse_xml(data)
    changed = False
    for simple in root.iter(w("fldSimple")):
        value = values.get(_key(simple.get(w("instr"), "")))
        if value is None:
            continue
        texts = list(simple.iter(w("t")))
        if texts:
            texts[0].text = value
            for extra in texts[1:]:
                extra.text = ""
        else:
            shown = ooxml.sub(ooxml.sub(simple, "r"), "t")
            shown.text = value
            if value[:1].isspace() or value[-1:].isspace():
                shown.set(ooxml.SPACE, "preserve")
        changed = True
    stack: list[dict] = []
    for element in list(root.iter(w("fldChar"), w("instrText"), w("t"))):
        tag = etree.QName(element).localname
        if tag == "fldChar":
            kind = element.get(w("fldCharType"))
            if kind == "begin":
                stack.append({"instr": [], "value": None, "shown": False, "result": False})
            elif kind == "separate" and stack:
                frame = stack[-1]
                frame["result"] = True
                frame["value"] = values.get(_key("".join(frame["instr"])))
            elif kind == "end" and stack:
                frame = stack.pop()
                if frame["value"] is not None and not frame["shown"]:
                    end_run = element.getparent()
                    shown = etree.Element(w("r"))
                    ooxml.sub(shown, "t").text = frame["value"]
                    end_run.addprevious(shown)
                    changed = True
        elif tag == "instrText" and stack and not stack[-1]["result"]:
            stack[-1]["instr"].append(element.text or "")
        elif tag == "t" and stack and stack[-1]["result"] and stack[-1]["value"] is not None:
            frame = stack[-1]
            element.text = "" if frame["shown"] else frame["value"]
            if element.text[:1].isspace() or element.text[-1:].isspace():
                element.set(ooxml.SPACE, "preserve")
            frame["shown"] = True
            changed = True
    return serialize(root) if changed else data
