"""Marking a draft while it is built, so that ``planwizard import`` can read it back.

The builder tells a ``Marker`` where each item's heading, status line, text and actions
went; the marker adds the bookmarks and, at the end, the snapshot: digests of every
answer and marked part, and of the text of every chapter outside the marked parts.
The names and formats come from ``roundtrip.marks``, which the importer uses too.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field

from planwizard import labels
from planwizard.model import Answer, Item, Plan
from planwizard.render import ooxml
from planwizard.render.markup import Block, Para, attr, bookmark
from planwizard.roundtrip import marks

REL_CUSTOM_XML = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml"
REL_CUSTOM_XML_PROPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXmlProps"
CT_CUSTOM_XML_PROPS = "application/vnd.openxmlformats-officedocument.customXmlProperties+xml"
DS_NS = "http://schemas.openxmlformats.org/officeDocument/2006/customXml"


@functools.lru_cache(maxsize=1)
def _status_control_start() -> str:
    choices = "".join(f'<w:listItem w:displayText="{attr(label)}" w:value="{attr(value)}"/>'
                      for value, label in marks.STATUS_CHOICES)
    return (f'<w:sdt><w:sdtPr><w:alias w:val="{attr(labels.DOC_STATUS)}"/><w:dropDownList>{choices}'
            "</w:dropDownList></w:sdtPr><w:sdtContent>")


def status_control(run: str) -> str:
    """``run`` (the status) inside a drop-down content control offering every status label."""
    return f"{_status_control_start()}{run}</w:sdtContent></w:sdt>"


_EMPTY = marks.digest("")
_SLOT_START, _SLOT_END = "<w:bookmarkStart/>", "<w:bookmarkEnd/>"


def add_slot(p: Para) -> None:
    """An empty bookmark around ``p``'s content, for a paragraph copied over and over (``fill``)."""
    p.parts.insert(0, _SLOT_START)
    p.parts.append(_SLOT_END)


def fill(p: Para, kind: str, index: int) -> None:
    """Make the bookmark ``add_slot`` put in (a copy of) ``p`` the mark ``kind`` of item ``index``."""
    assert p.parts[0] == _SLOT_START and p.parts[-1] == _SLOT_END
    p.parts[0], p.parts[-1] = bookmark(marks.mark_id(kind, index), marks.mark_name(kind, index))


def add_mark(p: Para, kind: str, index: int) -> None:
    """Bookmark the content of ``p`` with a mark."""
    start, end = bookmark(marks.mark_id(kind, index), marks.mark_name(kind, index))
    p.parts.insert(0, start)
    p.parts.append(end)


@dataclass
class Marker:
    """What is marked in one document being built.

    Places in the body are kept as the paragraphs themselves (each is its own object):
    the table of contents is put in before the body is written, which moves positions.
    """

    body: list[Para | Block]
    items: list[marks.ItemMarks] = field(default_factory=list)
    zones: dict[Para | Block, Para | Block] = field(default_factory=dict)
    """Marked paragraphs (the gemeente's text and actions): the paragraph before them -> the last one."""
    status_lines: set[Para] = field(default_factory=set)
    """Status lines: only their fixed text counts as the chapter's own."""
    _current: marks.ItemMarks | None = None
    _before_zone: Para | Block | None = None

    def item(self, item: Item, number: str, answer: Answer | None) -> None:
        """An item's heading was just appended."""
        self._current = current = marks.ItemMarks(len(self.items) + 1, item.id, number, marks.answer_digest(answer),
                                                  None, _EMPTY, _EMPTY)
        self.items.append(current)
        add_mark(self.body[-1], marks.ITEM, current.index)

    def status_line(self, status: str | None) -> None:
        """The item's status line was just appended; ``status`` None when it shows no status."""
        current = self._current
        assert current is not None
        line = self.body[-1]
        if status is not None:
            current.status = status
            self.status_lines.add(line)
        fill(line, marks.STATUS, current.index)

    def text_follows(self) -> None:
        """The gemeente's text (or a placeholder for it) starts at the next paragraph."""
        self._before_zone = self.body[-1]

    def _zone_done(self) -> None:
        last = self.body[-1]
        if last is not self._before_zone:
            self.zones[self._before_zone] = last

    def text_done(self, notes: str, blocks) -> None:
        assert self._current is not None
        self._zone_done()
        if notes.strip():
            self._current.notes = _notes_digest(blocks)

    def actions_heading(self) -> None:
        """The heading "Acties" was just appended; the actions follow it."""
        assert self._current is not None
        heading = self.body[-1]
        fill(heading, marks.ACTIONS, self._current.index)
        self._before_zone = heading

    def actions_done(self, lines: list[str]) -> None:
        assert self._current is not None
        self._zone_done()
        self._current.actions = marks.digest("\n".join(lines))

    def placeholder(self) -> None:
        """The paragraph just appended is a placeholder among the marked parts."""
        assert self._current is not None
        found = marks.digest(marks.normal(self.body[-1].text))
        self._current.placeholders = self._current.placeholders | {found}

    def chapters(self, heading1: str, toc: list[tuple[str, str]]) -> tuple[str, list[marks.Chapter]]:
        """Digest of the front matter and of each chapter's text outside the marked parts.

        ``toc`` holds (number, title) of every chapter in order, as the table of contents
        lists them; a chapter starts at the next paragraph with that text in the heading style.
        """
        zones, status_lines = self.zones, self.status_lines
        titles = [title for _, title in toc]
        front: list[str] = []
        found: list[list[str]] = []
        texts = front
        expected = titles[0] if titles else None
        last = None  # the last marked paragraph while inside a zone
        for child in self.body:
            if last is not None:
                if child is last:
                    last = None
                continue
            text = child.text
            if text == expected and child.style == heading1:
                texts = []
                found.append(texts)
                expected = titles[len(found)] if len(found) < len(titles) else None
            elif child in status_lines:
                text = marks.split_status_line(text)[0]
            texts.append(text)
            last = zones.get(child)
        chapters = [marks.Chapter(marks.normal(title), number, marks.outside_digest(texts))
                    for (number, title), texts in zip(toc, found)]
        return marks.outside_digest(front), chapters


@functools.lru_cache(maxsize=4096)
def _notes_digest(blocks: tuple) -> str:
    """Digest of notes as the draft shows them (cached: batch drafts share many texts, like the parser)."""
    return marks.digest(marks.notes_text((b.kind, b.level, b.text, b.list_id, b.start) for b in blocks))




def snapshot(marker: Marker, plan: Plan, checklist_id: str, checklist_version: str, source: str,
             styles: dict[str, tuple[str, str]], heading1: str, toc: list[tuple[str, str]]) -> bytes:
    """The snapshot part of a draft whose body ``marker`` watched being built."""
    front, chapters = marker.chapters(heading1, toc)
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
    relationship = f'<Relationship Id="rIdPwSnapshot" Type="{REL_CUSTOM_XML}" Target="../{item}"/>'.encode()
    if b'Id="rIdPwSnapshot"' not in parts[rels_name]:
        parts[rels_name] = _append(parts[rels_name], b"</Relationships>", relationship)
    overrides = "".join(f'<Override PartName="/{name}" ContentType="{kind}"/>' for name, kind in
                        ((item, "application/xml"), (props, CT_CUSTOM_XML_PROPS))).encode()
    parts["[Content_Types].xml"] = _append(parts["[Content_Types].xml"], b"</Types>", overrides)


def _append(data: bytes, closing: bytes, children: bytes) -> bytes:
    """``children`` (unprefixed, in the root's namespace) added at the end of a part's root element."""
    at = data.rfind(closing)
    if at >= 0:
        return data[:at] + children + data[at:]
    from lxml import etree

    from planwizard.render.reference import parse_xml, serialize

    root = parse_xml(data)  # an empty root written as <Root/>: add them the long way
    namespace = etree.QName(root).namespace or ""
    root.extend(list(etree.fromstring(f'<x xmlns="{namespace}">'.encode() + children + b"</x>")))
    return serialize(root)
