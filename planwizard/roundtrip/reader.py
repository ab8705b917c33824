"""Reading a marked draft: per item the status, text and actions as the draft now has them.

The marks (see ``marks``) find each item; paragraph styles, recognised through the
snapshot's record of them, find where its text and actions end. Text outside the
marked parts is compared per chapter with the snapshot, and tracked changes that were
not accepted or rejected are refused, with the chapter and item where they are.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from planwizard import labels
from planwizard.errors import PlanError, Problem
from planwizard.roundtrip import copies, marks
from planwizard.roundtrip.docxread import Package, open_docx
from planwizard.roundtrip.wordml import NUMPR, PPR, PSTYLE, VAL, Numbering, Styles, w

REL_CUSTOM_XML = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml"
REL_STYLES = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles"
REL_NUMBERING = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering"
MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"

P, TBL, SDT, SDT_CONTENT, CUSTOM_XML = (w(n) for n in ("p", "tbl", "sdt", "sdtContent", "customXml"))
BOOKMARK_START, NAME, BR, BR_TYPE, NB_HYPHEN = w("bookmarkStart"), w("name"), w("br"), w("type"), w("noBreakHyphen")
SPACES = (w("tab"), BR, w("cr"), NB_HYPHEN)
_BLOCK_STYLES = etree.XPath("w:p/w:pPr/w:pStyle | w:sdt/w:sdtContent/w:p/w:pPr/w:pStyle",
                            namespaces={"w": marks.W_NS})
"""Styles of the paragraphs at the top of the body (or just inside a content control there)."""
TRACKED = tuple(w(n) for n in ("ins", "del", "moveFrom", "moveTo", "cellIns", "cellDel"))
NOT_TEXT = (w("instrText"), w("delInstrText"), f"{{{MC_NS}}}Fallback")
PICTURES = (w("drawing"), w("pict"), w("object"))

STATUS_LINE, NOTES, ACTIONS, AFTER = "status", "notes", "actions", "after"
_NO_MARKS: frozenset[str] = frozenset()


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
    pictures: int = 0
    """Paragraphs of the marked parts with a picture or drawing in them (only their text comes back)."""
    copied_from: marks.Chapter | None = None
    """The chapter that repeats the text, when the text was edited there and read from there (``copies``)."""


@dataclass
class Outside:
    """A chapter whose text outside the marked parts differs from what was generated."""

    number: str
    title: str
    kind: str  # "changed", "new" or "missing"
    repeats: list[marks.ItemMarks] = field(default_factory=list)
    """Items whose text the chapter repeats (a template may, as chapter 2 does the national status):
    an edit made there is not read; made at the item, it is."""


@dataclass
class DraftText:
    path: str
    snapshot: marks.Snapshot
    items: list[ItemText]
    outside: list[Outside]


def read_draft(path: str | Path) -> DraftText:
    """Everything an import needs from the draft at ``path``; PlanError for any problem with it."""
    with open_docx(path) as package:
        main = package.main_part()
        rels = package.rels(main)
        snapshot = _snapshot(package, rels)
        root = package.xml(main)
        styles = Styles(_optional(package, rels.get(REL_STYLES)), snapshot.styles)
        numbering = Numbering(_optional(package, rels.get(REL_NUMBERING)))
    body = root.find(w("body"))
    if body is None:
        raise PlanError.at(str(path), labels.ERR_DOCX_NO_DOCUMENT)
    document = _Document(root, body, styles)
    walk = _Walk(snapshot, document)
    walk.run()
    if document.tracked:
        raise PlanError([Problem(str(path), labels.err_tracked_changes(where))
                         for where in walk.locations(document.tracked)] + [Problem(str(path), labels.ERR_TRACKED_HINT)])
    for item in walk.items.values():
        item.notes = [note for note in (_note(item, block, text, document, numbering) for block, text in item.notes)
                      if note]
        item.actions = [line for line in (_kept(item, text) for text in item.actions) if line]
    return DraftText(str(path), snapshot, list(walk.items.values()), walk.outside(numbering))


def _optional(package: Package, targets: list[str] | None) -> etree._Element | None:
    if not targets or targets[0] not in package.names:
        return None
    return package.xml(targets[0])


def _snapshot(package: Package, rels: dict[str, list[str]]) -> marks.Snapshot:
    """The planwizard snapshot among the custom XML parts (LibreOffice may keep two copies)."""
    names = list(rels.get(REL_CUSTOM_XML, []))
    names += sorted(n for n in package.names if n.startswith("customXml/") and n.endswith(".xml")
                    and "/_rels/" not in n and not posixpath.basename(n).startswith("itemProps") and n not in names)
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


def _blocks(body: etree._Element) -> list[etree._Element]:
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


class _Document:
    """The main part gone over: blocks, their styles, text, list settings and marks; tracked changes.

    Tabs and line breaks get a space of text (so text extraction in C separates words),
    and what is no visible text (field codes, fallback copies of drawings) is removed.
    The elements that need attention (bookmarks, list settings, tabs and breaks, field
    codes, tracked changes, pictures) are few among the many runs and texts: one
    iteration in C over the tree finds them all, and only they are handled in Python.
    """

    def __init__(self, root: etree._Element, body: etree._Element, styles: Styles) -> None:
        self.body = body
        self.styles = styles
        self.blocks = blocks = _blocks(body)
        self.block_set = set(blocks)
        style_of = {style.getparent().getparent(): style.get(VAL, "") for style in _BLOCK_STYLES(body)}
        for block in blocks:
            if block.tag == P and block not in style_of and block.getparent() is not body:
                found = block.find(f"{PPR}/{PSTYLE}")  # a paragraph deeper in content controls
                if found is not None:
                    style_of[block] = found.get(VAL, "")
        self.style_of = style_of
        self.numpr: dict[etree._Element, etree._Element] = {}
        self.style_lists: dict[str, tuple | None] = {}
        """Style id -> the list kind it gives a paragraph without list settings of its own."""
        self.marks: dict[etree._Element, list[tuple[str, int]]] = {}
        self.pictures: set[etree._Element | None] = set()
        not_text: list[etree._Element] = []
        tracked: list[etree._Element] = []
        for element in root.iter(*_SPECIAL):
            tag = element.tag
            kind = _SPECIAL[tag]
            if kind is _MARK:
                name = element.get(NAME, "")
                if name.startswith("_Pw"):
                    mark = marks.parse_mark(name)
                    block = self.block_of(element)
                    if mark is not None and block is not None:
                        self.marks.setdefault(block, []).append(mark)
            elif kind is _NUMPR:
                self.numpr[element.getparent().getparent()] = element
            elif kind is _SPACE:
                if tag != BR or element.get(BR_TYPE) in (None, "textWrapping"):
                    element.text = "-" if tag == NB_HYPHEN else " "
            elif kind is _NOT_TEXT:
                not_text.append(element)
            elif kind is _TRACKED:
                tracked.append(element)
            else:
                self.pictures.add(self.block_of(element))
        for element in not_text:
            element.getparent().remove(element)
        # Tracked changes inside what was just removed are no visible text either.
        self.tracked = [element for element in tracked if _attached(element, root)] if not_text else tracked
        self.texts = [marks.text_of(block) for block in blocks]
        by_id, default = styles.roles, styles.default
        get = style_of.get
        self.roles = [by_id.get(get(block, default) or default, "") if block.tag == P else "table" for block in blocks]

    def block_of(self, element: etree._Element) -> etree._Element | None:
        node = element
        while node is not None and node not in self.block_set:
            node = node.getparent()
        return node


_MARK, _NUMPR, _SPACE, _NOT_TEXT, _TRACKED, _PICTURE = "mark", "numpr", "space", "not text", "tracked", "picture"
_SPECIAL = {BOOKMARK_START: _MARK, NUMPR: _NUMPR, **dict.fromkeys(SPACES, _SPACE), **dict.fromkeys(NOT_TEXT, _NOT_TEXT),
            **dict.fromkeys(TRACKED, _TRACKED), **dict.fromkeys(PICTURES, _PICTURE)}
"""Elements the importer handles one by one, by tag, and what each is."""


def _attached(element: etree._Element, root: etree._Element) -> bool:
    """Whether ``element`` is still in the tree under ``root``."""
    node = element
    while node is not None:
        if node is root:
            return True
        node = node.getparent()
    return False


class _Walk:
    """One pass over the blocks: which item and chapter each belongs to, and what is marked."""

    def __init__(self, snapshot: marks.Snapshot, document: _Document) -> None:
        self.snapshot = snapshot
        self.document = document
        self.items = {item.index: ItemText(item) for item in snapshot.items}
        self.place: dict[etree._Element, tuple[str, ItemText | None]] = {}
        self.front: list[tuple[etree._Element, str]] = []
        self.chapters: list[tuple[str, list[tuple[etree._Element, str]]]] = []
        """Per chapter its title and its text outside the marked parts (each block with its text)."""

    def run(self) -> None:
        document = self.document
        chapter = ""
        current: ItemText | None = None
        phase = AFTER
        all_marks, place = document.marks, self.place
        unmarked = self.front
        normal = marks.normal
        actions_title = labels.DOC_ACTIONS.lower()
        for block, role, text in zip(document.blocks, document.roles, document.texts):
            kinds: set[str] | frozenset[str] = _NO_MARKS
            if block in all_marks:
                kinds = set()
                for kind, k in all_marks[block]:
                    if current is None or k != current.marks.index:
                        current, phase = self.items[k], STATUS_LINE
                    current.found = True
                    kinds.add(kind)
            if role == "heading1":
                chapter, current, phase = normal(text), None, AFTER
                unmarked = []
                self.chapters.append((chapter, unmarked))
            elif role == "heading2" and marks.ITEM not in kinds:
                current, phase = None, AFTER
            elif role == "toc1":
                continue
            place[block] = (chapter, current)
            if current is None or role == "heading1" or role == "heading2" or marks.ITEM in kinds:
                unmarked.append((block, text))
                continue
            if phase == STATUS_LINE:
                phase = NOTES
                if role == "meta" or marks.STATUS in kinds:
                    if current.marks.status is not None:
                        head, current.status = marks.split_status_line(text)
                        unmarked.append((block, head))
                    else:
                        unmarked.append((block, text))
                    continue
            if role == "example_title" or role == "example_text":
                phase = AFTER
            if role == "skipped" or phase == AFTER:
                unmarked.append((block, text))
                continue
            if marks.ACTIONS in kinds or (role == "heading3" and normal(text).lower() == actions_title):
                phase = ACTIONS
                unmarked.append((block, text))
                continue
            if block in document.pictures:
                current.pictures += 1
            if role == "table":
                current.tables += 1
            elif phase == NOTES:
                current.notes.append((block, text))
            else:
                current.actions.append(text)

    def outside(self, numbering: Numbering) -> list[Outside]:
        """Chapters whose text outside the marked parts is not what was generated.

        A chapter whose only change is inside its copy of an item's text (``copies``) is not
        one: that text is read as the item's, when the item's own text is as generated.
        """
        digest = marks.outside_digest
        found: list[Outside] = []
        if digest([text for _, text in self.front]) != self.snapshot.front:
            found.append(Outside("", labels.DOC_FRONT_MATTER, "changed"))
        unused = list(self.snapshot.chapters)
        for title, parts in self.chapters:
            key = title.lower()
            match = next((c for c in unused if marks.normal(c.title).lower() == key), None)
            if match is None:
                found.append(Outside("", title, "new"))
                continue
            unused.remove(match)
            texts = [text for _, text in parts]
            if digest(texts) == match.text:
                continue
            items = copies.repeated(texts, ((item, [note[2] for note in item.notes]) for item in self.items.values()))
            if len(items) == 1 and self._edited_copy(items[0], parts, match, numbering):
                continue
            found.append(Outside(match.number, match.title, "changed", [item.marks for item in items]))
        found.extend(Outside(c.number, c.title, "missing") for c in unused)
        return found

    def _edited_copy(self, item: ItemText, parts: list[tuple[etree._Element, str]], chapter: marks.Chapter,
                     numbering: Numbering) -> bool:
        """Read the chapter's copy of ``item``'s text as its text, if that is the chapter's only change
        and the item's own text is as generated."""
        if marks.digest(marks.notes_text(item.notes)) != item.marks.notes:
            return False  # edited at the item too: that edit comes in, the copy's is reported
        run = copies.edited_copy([text for _, text in parts], [note[2] for note in item.notes], chapter.text)
        if run is None or any(block.tag != P for block, _ in parts[run[0]:run[1]]):
            return False  # a table has no place in an answer file
        notes = [_note(item, block, text, self.document, numbering) for block, text in parts[run[0]:run[1]]]
        item.notes = [note for note in notes if note]
        item.copied_from = chapter
        return True

    def locations(self, elements: list[etree._Element]) -> list[str]:
        """Where ``elements`` are, as chapter and item, each place once, in document order."""
        places = []
        for element in elements:
            block = self.document.block_of(element)
            chapter, item = self.place.get(block, ("", None)) if block is not None else ("", None)
            places.append(labels.doc_place(chapter, item.marks.number if item else "", item.marks.id if item else ""))
        return list(dict.fromkeys(places))


def _note(item: ItemText, block: etree._Element, text: str, document: _Document, numbering: Numbering) -> tuple | None:
    text = _kept(item, text)
    if not text:
        return None
    numpr, style = document.numpr.get(block), document.style_of.get(block, "")
    if numpr is None:  # the list a style gives (or none): the same for every paragraph of that style
        lists = document.style_lists
        found = lists[style] if style in lists else lists.setdefault(style, numbering.list_of(None, style,
                                                                                             document.styles))
    else:
        found = numbering.list_of(numpr, style, document.styles)
    if found is None:
        return (marks.PARAGRAPH, 0, text, None, 1)
    kind, level, key, start = found
    return (kind, level, text, key, start)


def _kept(item: ItemText, text: str) -> str:
    """A marked paragraph's text as imported: white space normalised; empty for a placeholder."""
    text = marks.normal(text)
    if not text or (item.marks.placeholders and marks.digest(text) in item.marks.placeholders):
        return ""
    return text
