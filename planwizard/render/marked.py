"""Marking a draft while it is built, so that ``planwizard import`` can read it back.

The builder tells a ``Marker`` where each item's heading, status line, text and actions
went; the marker adds the bookmarks and, at the end, the snapshot: digests of every
answer and marked part, and of the text of every chapter outside the marked parts.
The names and formats come from ``roundtrip.marks``, which the importer uses too.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lxml import etree

from planwizard import labels
from planwizard.model import Answer, Item, Plan
from planwizard.render import ooxml
from planwizard.render.ooxml import w
from planwizard.render.reference import parse_xml, serialize
from planwizard.roundtrip import marks

_BOOKMARK_START, _BOOKMARK_END, _ID, _NAME = (w(n) for n in ("bookmarkStart", "bookmarkEnd", "id", "name"))
REL_CUSTOM_XML = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml"
REL_CUSTOM_XML_PROPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXmlProps"
CT_CUSTOM_XML_PROPS = "application/vnd.openxmlformats-officedocument.customXmlProperties+xml"
DS_NS = "http://schemas.openxmlformats.org/officeDocument/2006/customXml"


def status_control(run: etree._Element) -> etree._Element:
    """``run`` (the status) inside a drop-down content control offering every status label."""
    sdt = etree.Element(w("sdt"))
    properties = ooxml.sub(sdt, "sdtPr")
    ooxml.sub(properties, "alias", val=labels.DOC_STATUS)
    choices = ooxml.sub(properties, "dropDownList")
    for value, label in marks.STATUS_CHOICES:
        ooxml.sub(choices, "listItem", displayText=label, value=value)
    ooxml.sub(sdt, "sdtContent").append(run)
    return sdt


def add_mark(p: etree._Element, kind: str, index: int) -> None:
    """Bookmark ``p``'s content with the mark ``kind`` of item ``index``."""
    ident = marks.mark_id(kind, index)
    start = etree.Element(_BOOKMARK_START, {_ID: ident, _NAME: marks.mark_name(kind, index)})
    p.insert(1 if len(p) and p[0].tag == ooxml.PPR else 0, start)
    etree.SubElement(p, _BOOKMARK_END, {_ID: ident})


@dataclass
class Marker:
    """What is marked in one document being built."""

    body: etree._Element
    items: list[marks.ItemMarks] = field(default_factory=list)
    marked: set[int] = field(default_factory=set)
    """Body positions of marked paragraphs (the gemeente's text and actions)."""
    status_lines: set[int] = field(default_factory=set)
    _current: marks.ItemMarks | None = None
    _zone_start: int = 0

    def item(self, item: Item, number: str, answer: Answer | None) -> None:
        """An item's heading was just appended."""
        self._current = current = marks.ItemMarks(len(self.items) + 1, item.id, number, marks.answer_digest(answer),
                                                  None, marks.digest(""), marks.digest(""))
        self.items.append(current)
        add_mark(self.body[-1], marks.ITEM, current.index)

    def status_line(self, status: str | None) -> None:
        """The item's status line was just appended; ``status`` None when it shows no status."""
        current = self._current
        assert current is not None
        if status is not None:
            current.status = status
            self.status_lines.add(len(self.body) - 1)
        add_mark(self.body[-1], marks.STATUS, current.index)

    def text_follows(self) -> None:
        """The gemeente's text (or a placeholder for it) starts at the next paragraph."""
        self._zone_start = len(self.body)

    def text_done(self, notes: str, blocks) -> None:
        assert self._current is not None
        self.marked.update(range(self._zone_start, len(self.body)))
        if notes.strip():
            self._current.notes = marks.digest(marks.notes_text(
                (b.kind, b.level, b.text, b.list_id, b.start) for b in blocks))

    def actions_heading(self) -> None:
        """The heading "Acties" was just appended; the actions follow it."""
        assert self._current is not None
        add_mark(self.body[-1], marks.ACTIONS, self._current.index)
        self._zone_start = len(self.body)

    def actions_done(self, lines: list[str]) -> None:
        assert self._current is not None
        self.marked.update(range(self._zone_start, len(self.body)))
        self._current.actions = marks.digest("\n".join(lines))

    def placeholder(self) -> None:
        """The paragraph just appended is a placeholder among the marked parts."""
        assert self._current is not None
        found = marks.digest(marks.paragraph_text(self.body[-1]))
        self._current.placeholders = self._current.placeholders | {found}

    def chapters(self, heading1: str, numbers: list[str]) -> tuple[str, list[marks.Chapter]]:
        """Digest of the front matter and of each chapter's text outside the marked parts."""
        front: list[str] = []
        found: list[tuple[str, list[str]]] = []
        texts = front
        p_tag, ppr_tag, style_tag, val = ooxml.P, ooxml.PPR, ooxml.PSTYLE, ooxml.VAL
        text_of, marked, status_lines = marks.text_of, self.marked, self.status_lines
        for index, child in enumerate(self.body):
            if index in marked:
                continue
            text = text_of(child)
            if index in status_lines:
                text = marks.split_status_line(text)[0]
            elif (child.tag == p_tag and len(child) and child[0].tag == ppr_tag and len(child[0])
                  and child[0][0].tag == style_tag and child[0][0].get(val) == heading1):
                texts = []
                found.append((marks.normal(text), texts))
            texts.append(text)
        numbers = numbers + [""] * (len(found) - len(numbers))
        chapters = [marks.Chapter(title, number, marks.outside_digest(texts))
                    for (title, texts), number in zip(found, numbers)]
        return marks.outside_digest(front), chapters


def snapshot(marker: Marker, plan: Plan, checklist_id: str, checklist_version: str, source: str,
             styles: dict[str, tuple[str, str]], heading1: str, numbers: list[str]) -> bytes:
    """The snapshot part of a draft whose body ``marker`` watched being built."""
    front, chapters = marker.chapters(heading1, numbers)
    return marks.snapshot_xml(marks.Snapshot(
        gemeente=plan.municipality.name, code=plan.municipality.code, title=plan.info.title,
        version=plan.info.version, source=source, checklist=checklist_id, checklist_version=checklist_version,
        items=marker.items,
        chapters=chapters, front=front, styles=styles,
    ))


def add_snapshot(parts: dict[str, bytes], rels_name: str, data: bytes) -> None:
    """Put the snapshot in the package as a custom XML part of the main document."""
    number = 1
    while f"customXml/item{number}.xml" in parts:
        number += 1
    item, props = f"customXml/item{number}.xml", f"customXml/itemProps{number}.xml"
    h = (marks.digest(data.decode()) * 2).upper()  # 32 hex digits, written as a GUID (no uuid import)
    guid = f"{{{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}}}"
    parts[item] = data
    parts[props] = (
        '<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n'
        f'<ds:datastoreItem ds:itemID="{guid}" xmlns:ds="{DS_NS}"><ds:schemaRefs>'
        f'<ds:schemaRef ds:uri="{marks.NS}"/></ds:schemaRefs></ds:datastoreItem>'
    ).encode()
    parts[f"customXml/_rels/item{number}.xml.rels"] = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<Relationships xmlns="{ooxml.PKG_REL_NS}"><Relationship Id="rId1" Type="{REL_CUSTOM_XML_PROPS}" '
        f'Target="itemProps{number}.xml"/></Relationships>'
    ).encode()
    rels = parse_xml(parts[rels_name])
    taken = {rel.get("Id") for rel in rels}
    ident = next(f"rIdPwSnapshot{n}" for n in range(1, 1000) if f"rIdPwSnapshot{n}" not in taken)
    etree.SubElement(rels, f"{{{ooxml.PKG_REL_NS}}}Relationship", Id=ident, Type=REL_CUSTOM_XML,
                     Target=f"../{item}")
    parts[rels_name] = serialize(rels)
    types = parse_xml(parts["[Content_Types].xml"])
    for name, kind in ((item, "application/xml"), (props, CT_CUSTOM_XML_PROPS)):
        etree.SubElement(types, f"{{{ooxml.CT_NS}}}Override", PartName=f"/{name}", ContentType=kind)
    parts["[Content_Types].xml"] = serialize(types)
