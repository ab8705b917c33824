"""Reading a marked draft: per item the status, text and actions as the draft now has them.

The marks (see ``marks``) find each item; paragraph styles, recognised through the
snapshot's record of them, find where its text and actions end. Text outside the
marked parts is compared per chapter with the snapshot, and tracked changes that were
not accepted or rejected are refused, with the chapter and item where they are.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from planwizard import labels
from planwizard.errors import PlanError, Problem
from planwizard.roundtrip import marks
from planwizard.roundtrip.docxread import Package, open_docx
from planwizard.roundtrip.wordml import Styles, Numbering, w

REL_CUSTOM_XML = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml"
REL_STYLES = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles"
REL_NUMBERING = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering"
MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"

P, TBL, SDT, SDT_CONTENT, CUSTOM_XML = (w(n) for n in ("p", "tbl", "sdt", "sdtContent", "customXml"))
BOOKMARK_START, NAME = w("bookmarkStart"), w("name")
TRACKED = tuple(w(n) for n in ("ins", "del", "moveFrom", "moveTo", "cellIns", "cellDel"))
NOT_TEXT = (w("instrText"), w("delInstrText"), f"{{{MC_NS}}}Fallback")

STATUS_LINE, NOTES, ACTIONS, AFTER = "status", "notes", "actions", "after"


@dataclass
class ItemText:
    """One item of the snapshot as found in the draft."""

    marks: marks.ItemMarks
    found: bool = False
    status: str | None = None
    """Text after "Status:" on the status line; None when the line or the label is gone."""
    notes: list[tuple] = field(default_factory=list)
    """(kind, level, text, list key, start) of each paragraph of the gemeente's text."""
    actions: list[str] = field(default_factory=list)
    tables: int = 0
    """Tables among the marked parts: they have no place in an answer file."""


@dataclass
class Outside:
    """A chapter whose text outside the marked parts differs from what was generated."""

    number: str
    title: str
    kind: str  # "changed", "new" or "missing"


@dataclass
class DraftText:
    path: str
    snapshot: marks.Snapshot
    items: list[ItemText]
    outside: list[Outside]


def read_snapshot(path: str | Path) -> marks.Snapshot:
    """Only the snapshot of a draft (which plan it was made from); PlanError if there is none."""
    with open_docx(path) as package:
        return _snapshot(package, package.main_part())


def read_draft(path: str | Path) -> DraftText:
    """Everything an import needs from the draft at ``path``; PlanError for any problem with it."""
    with open_docx(path) as package:
        main = package.main_part()
        snapshot = _snapshot(package, main)
        rels = package.rels(main)
        root = package.xml(main)
        styles = Styles(_optional(package, rels.get(REL_STYLES)), snapshot.styles)
        numbering = Numbering(_optional(package, rels.get(REL_NUMBERING)))
    body = root.find(w("body"))
    if body is None:
        raise PlanError.at(str(path), labels.ERR_DOCX_NO_DOCUMENT)
    blocks = _blocks(body, styles)
    walk = _Walk(snapshot, styles, blocks)
    walk.run()
    tracked = [element for element in root.iter(*TRACKED)]
    if tracked:
        raise PlanError([Problem(str(path), labels.err_tracked_changes(where))
                         for where in walk.locations(tracked)] + [Problem(str(path), labels.ERR_TRACKED_HINT)])
    for element in list(root.iter(*NOT_TEXT)):
        element.getparent().remove(element)
    outside = walk.outside()
    for item in walk.items.values():
        item.notes = [_note(item, element, styles, numbering) for element in item.notes]
        item.notes = [block for block in item.notes if block is not None]
        item.actions = [text for text in (_line(item, element) for element in item.actions) if text]
    return DraftText(str(path), snapshot, list(walk.items.values()), outside)


def _optional(package: Package, targets: list[str] | None) -> etree._Element | None:
    if not targets or targets[0] not in package.names:
        return None
    return package.xml(targets[0])


def _snapshot(package: Package, main: str) -> marks.Snapshot:
    """The planwizard snapshot among the custom XML parts (LibreOffice may keep two copies)."""
    names = package.rels(main).get(REL_CUSTOM_XML, [])
    names += sorted(n for n in package.names if n.startswith("customXml/") and n.endswith(".xml")
                    and "/_rels/" not in n and not posixbase(n).startswith("itemProps") and n not in names)
    found: list[marks.Snapshot] = []
    for name in names:
        if name not in package.names:
            continue
        root = package.xml(name)
        if root.tag != f"{{{marks.NS}}}draft":
            continue
        try:
            snapshot = marks.read_snapshot(root)
        except ValueError as exc:
            raise package.fail(labels.err_snapshot_unreadable(str(exc))) from exc
        if snapshot not in found:
            found.append(snapshot)
    if not found:
        raise package.fail(labels.ERR_NOT_PLANWIZARD)
    if len(found) > 1:
        raise package.fail(labels.ERR_TWO_SNAPSHOTS)
    return found[0]


def posixbase(name: str) -> str:
    return name.rsplit("/", 1)[-1]


def _blocks(body: etree._Element, styles: Styles) -> list[etree._Element]:
    """Paragraphs and tables of the body in order, through block-level content controls."""
    found: list[etree._Element] = []
    stack = [iter(body)]
    while stack:
        for child in stack[-1]:
            tag = child.tag
            if tag == P or tag == TBL:
                found.append(child)
            elif tag == SDT or tag == CUSTOM_XML:
                content = child.find(SDT_CONTENT) if tag == SDT else child
                if content is not None:
                    stack.append(iter(content))
                    break
        else:
            stack.pop()
    return found


class _Walk:
    """One pass over the blocks: which item and chapter each belongs to, and what is marked."""

    def __init__(self, snapshot: marks.Snapshot, styles: Styles, blocks: list[etree._Element]) -> None:
        self.snapshot = snapshot
        self.styles = styles
        self.blocks = blocks
        self.items = {item.index: ItemText(item) for item in snapshot.items}
        self.place: list[tuple[str, ItemText | None]] = []  # per block: chapter title, item
        self.unmarked: list[tuple[int, str]] = []  # (block, status line?) outside the marked parts

    def _marks_by_block(self) -> dict[int, list[tuple[str, int]]]:
        position = {block: index for index, block in enumerate(self.blocks)}
        found: dict[int, list[tuple[str, int]]] = {}
        for block in self.blocks:
            for bookmark in block.iter(BOOKMARK_START):
                mark = marks.parse_mark(bookmark.get(NAME, ""))
                if mark is not None and mark[1] in self.items:
                    found.setdefault(position[block], []).append(mark)
        return found

    def run(self) -> None:
        marked = self._marks_by_block()
        role_of = self.styles.role
        chapter = ""
        current: ItemText | None = None
        phase = AFTER
        for index, block in enumerate(self.blocks):
            role = role_of(block) if block.tag == P else "table"
            here = marked.get(index, ())
            for kind, k in here:
                if current is None or k != current.marks.index:
                    current, phase = self.items[k], STATUS_LINE
                current.found = True
            if role == "heading1":
                chapter, current, phase = marks.block_text(block), None, AFTER
            elif role == "heading2" and not any(kind == marks.ITEM for kind, _ in here):
                current, phase = None, AFTER
            self.place.append((chapter, current))
            if current is None or role in ("heading1", "heading2") or any(k == marks.ITEM for k, _ in here):
                self.unmarked.append((index, ""))
                continue
            if phase == STATUS_LINE:
                phase = NOTES
                if any(kind == marks.STATUS for kind, _ in here) or role == "meta":
                    if current.marks.status is not None:
                        current.status = marks.split_status_line(marks.block_text(block))[1]
                        self.unmarked.append((index, "status"))
                    else:
                        self.unmarked.append((index, ""))
                    continue
            if role in ("example_title", "example_text"):
                phase = AFTER
            if role == "skipped" or phase == AFTER:
                self.unmarked.append((index, ""))
                continue
            if any(kind == marks.ACTIONS for kind, _ in here) or (
                    role == "heading3" and marks.block_text(block).lower() == labels.DOC_ACTIONS.lower()):
                phase = ACTIONS
                self.unmarked.append((index, ""))
                continue
            if role == "table":
                current.tables += 1
            elif phase == NOTES:
                current.notes.append(block)
            else:
                current.actions.append(block)

    def outside(self) -> list[Outside]:
        """Chapters whose text outside the marked parts is not what was generated."""
        front: list[str] = []
        chapters: list[tuple[str, list[str]]] = []
        texts = front
        for index, status in self.unmarked:
            block = self.blocks[index]
            role = self.styles.role(block) if block.tag == P else "table"
            if role == "toc1":
                continue
            text = marks.block_text(block)
            if status:
                text = marks.split_status_line(text)[0]
            if role == "heading1":
                texts = []
                chapters.append((text, texts))
            texts.append(text)
        found: list[Outside] = []
        if _digest(front) != self.snapshot.front:
            found.append(Outside("", labels.DOC_FRONT_MATTER, "changed"))
        unused = list(self.snapshot.chapters)
        for title, texts in chapters:
            match = next((c for c in unused if marks.normal(c.title).lower() == marks.normal(title).lower()), None)
            if match is None:
                found.append(Outside("", title, "new"))
                continue
            unused.remove(match)
            if _digest(texts) != match.text:
                found.append(Outside(match.number, match.title, "changed"))
        found.extend(Outside(c.number, c.title, "missing") for c in unused)
        return found

    def locations(self, elements: list[etree._Element]) -> list[str]:
        """Where ``elements`` are, as chapter and item, each place once, in document order."""
        position = {block: index for index, block in enumerate(self.blocks)}
        places: dict[int, str] = {}
        for element in elements:
            node = element
            while node is not None and node not in position:
                node = node.getparent()
            index = position.get(node, -1) if node is not None else -1
            chapter, item = self.place[index] if index >= 0 else ("", None)
            where = labels.doc_place(chapter, item.marks.number if item else "", item.marks.id if item else "")
            places.setdefault(index, where)
        return list(dict.fromkeys(places[i] for i in sorted(places)))


def _digest(texts: list[str]) -> str:
    return marks.digest("\n".join(t for t in texts if t))


def _note(item: ItemText, p: etree._Element, styles: Styles, numbering: Numbering) -> tuple | None:
    text = marks.paragraph_text(p)
    if not text or marks.digest(text) in item.marks.placeholders:
        return None
    found = numbering.list_of(p, styles)
    if found is None:
        return (marks.PARAGRAPH, 0, text, None, 1)
    kind, level, key, start = found
    return (kind, level, text, key, start)


def _line(item: ItemText, p: etree._Element) -> str:
    text = marks.paragraph_text(p)
    if not text or marks.digest(text) in item.marks.placeholders:
        return ""
    return text
