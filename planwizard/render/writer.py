"""The body of one document: styled paragraphs, headings with bookmarks, lists and links.

Paragraphs are deep copies of one prototype per role, each already carrying its style
id (resolved once per template), so nothing is looked up by name while building.
All text goes in through ``ooxml.run`` as text nodes, after removing characters XML
cannot hold.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from lxml import etree

from planwizard import labels
from planwizard.render import ooxml, text as textlib
from planwizard.render.fields import TocEntry
from planwizard.render.package import safe_url
from planwizard.render.reference import serialize
from planwizard.render.template import Template
from planwizard.render.ooxml import w


_BOOKMARK_START, _BOOKMARK_END, _ID, _NAME = (w(n) for n in ("bookmarkStart", "bookmarkEnd", "id", "name"))
_NUM_ID = f"{w('numPr')}/{w('numId')}"


@dataclass
class ListInstance:
    """A numbered list of the document: its own numbering instance, so it restarts at ``start``."""

    num_id: int
    abstract: str
    level: int
    start: int


@dataclass
class Writer:
    template: Template
    body: etree._Element = field(init=False)
    hyperlinks: dict[str, str] = field(default_factory=dict)  # url -> relationship id
    lists: list[ListInstance] = field(default_factory=list)
    toc: list[TocEntry] = field(default_factory=list)
    chapter: int = 0
    section: int = 0
    _bookmark: int = 0

    def __post_init__(self) -> None:
        self.body = etree.Element(w("body"))
        self.ids = self.template.style_ids
        self._protos = {role: ooxml.paragraph(style_id) for role, style_id in self.ids.items()}
        # The same with one empty run: most paragraphs are a style and one piece of text.
        self._text_protos = {role: self._with_run(proto) for role, proto in self._protos.items()}
        self._list_protos: dict[tuple[str, int], etree._Element] = {}
        self._repeats: dict[object, etree._Element] = {}
        self._next_num = self._first_free_num()
        self._link_style = self.ids["hyperlink"]

    def _first_free_num(self) -> int:
        numbering = self.template.ref.numbering
        used = [0]
        if numbering is not None:
            used += [int(n.get(w("numId"), "0")) for n in numbering.iterfind(w("num"))
                     if n.get(w("numId"), "").isdigit()]
        return max(used) + 1

    # ------------------------------------------------------------ paragraphs

    @staticmethod
    def _with_run(proto: etree._Element) -> etree._Element:
        p = proto.__copy__()
        ooxml.run(p, "")
        return p

    def new(self, role: str, text: str = "", **run_format) -> etree._Element:
        """A paragraph in ``role``'s style, not yet placed (for table cells)."""
        text = (text if text.isprintable() else ooxml.one_line(text)).strip()
        if not text:
            return self._protos[role].__copy__()
        if run_format:
            p = self._protos[role].__copy__()
            ooxml.run(p, text, **run_format)
            return p
        p = self._text_protos[role].__copy__()
        p[-1][-1].text = text
        return p

    def list_item(self, role: str, text: str, level: int, num_id: str | int) -> etree._Element:
        """A list paragraph (numbering instance ``num_id`` at ``level``) appended to the body."""
        key = (role, level)
        proto = self._list_protos.get(key)
        if proto is None:
            proto = self._text_protos[role].__copy__()
            self.num_pr(proto, level, 0)
            self._list_protos[key] = proto
        p = proto.__copy__()
        p[0].find(_NUM_ID).set(ooxml.VAL, str(num_id))
        p[-1][-1].text = ooxml.one_line(text).strip()
        self.body.append(p)
        return p

    def p(self, role: str, text: str = "", **run_format) -> etree._Element:
        """A paragraph in ``role``'s style appended to the body."""
        p = self.new(role, text, **run_format)
        self.body.append(p)
        return p

    def repeat(self, key: object, make) -> None:
        """Append a copy of the paragraphs ``make(self)`` built the first time ``key`` was asked for.

        For content that recurs unchanged: status lines, fixed headings and placeholders,
        the box of an example chosen for several items. ``make`` returns detached elements.
        """
        proto = self._repeats.get(key)
        if proto is None:
            proto = self._repeats[key] = etree.Element("repeat")
            proto.extend(make(self))
        self.body.extend(proto.__copy__())

    def add(self, element: etree._Element) -> etree._Element:
        self.body.append(element)
        return element

    def runs(self, p: etree._Element, text: str, **run_format) -> None:
        ooxml.run(p, ooxml.one_line(text), **run_format)

    def num_pr(self, p: etree._Element, level: int, num_id: str | int) -> None:
        """Put ``p`` in a list (numbering instance ``num_id`` at ``level``)."""
        ppr = p.find(ooxml.PPR)
        num = etree.Element(w("numPr"))
        ooxml.sub(num, "ilvl", val=str(level))
        ooxml.sub(num, "numId", val=str(num_id))
        ooxml.insert_in_order(ppr, num, ooxml.PPR_ORDER)

    def bookmark(self, p: etree._Element, name: str | None = None) -> str:
        """Wrap ``p``'s content in a bookmark; returns its name."""
        self._bookmark += 1
        ident = str(self._bookmark)
        name = name or f"_Toc{90000000 + self._bookmark}"
        p.insert(1, etree.Element(_BOOKMARK_START, {_ID: ident, _NAME: name}))
        etree.SubElement(p, _BOOKMARK_END, {_ID: ident})
        return name

    def heading(self, level: int, text: str, *, numbered: bool = True, label: str = "") -> tuple[str, str]:
        """A heading (1-3) with a bookmark; returns (its number as shown, bookmark name).

        ``numbered=False`` switches the style's numbering off for this heading (the
        appendices); ``label`` is then written in front of the text instead.
        """
        p = self.p(f"heading{level}")
        number = ""
        if not numbered:
            if self.template.numbered.get(level):
                self.num_pr(p, 0, 0)
            number = label
        elif level == 1:
            self.chapter += 1
            self.section = 0
            number = str(self.chapter) if self.template.numbered[1] else ""
        elif level == 2:
            self.section += 1
            number = f"{self.chapter}.{self.section}" if self.template.numbered[2] else ""
        text = ooxml.one_line(text).strip()
        if label and not numbered:
            if level == 1:
                text = f"{label}: {text}"
                number = ""
            elif self.template.numbered.get(level):
                ooxml.run(p, label)
                ooxml.tab(p)
            else:
                ooxml.run(p, f"{label} ")
        ooxml.run(p, text)
        anchor = self.bookmark(p) if level < 3 else ""  # only chapters and items are linked to
        if level == 1:
            self.toc.append(TocEntry(number, text, anchor))
        return number, anchor

    # ------------------------------------------------------------ rich text

    def rich(self, text: str, *, role: str = "body", headings: bool = False) -> int:
        """Free text as paragraphs, bullets, numbered lists (and headings); returns paragraphs written."""
        return self.emit(textlib.parse(ooxml.one_line_breaks(text), headings=headings), role=role)

    def emit(self, blocks: tuple[textlib.Block, ...], *, role: str = "body") -> int:
        """Parsed text blocks as paragraphs; every numbered list gets its own numbering.

        Block text is already clean and stripped (``rich`` cleans before parsing), so
        plain paragraphs go straight from their prototype.
        """
        numbers: dict[int, int] = {}
        append = self.body.append
        plain, bullet = self._text_protos[role], self._text_protos["bullet"]
        for block in blocks:
            kind = block.kind
            if kind == textlib.PARAGRAPH or (kind == textlib.BULLET and not block.level):
                p = (plain if kind == textlib.PARAGRAPH else bullet).__copy__()
                p[-1][-1].text = block.text
                append(p)
            elif kind == textlib.BULLET:
                self.list_item("bullet", block.text, block.level, self.template.bullet_num)
            elif kind == textlib.NUMBER:
                if block.list_id not in numbers:
                    numbers[block.list_id] = self.new_list(block.level, block.start)
                self.list_item("number", block.text, block.level, numbers[block.list_id])
            elif kind == textlib.PLACEHOLDER:
                p = self.p("placeholder")
                ooxml.run(p, labels.DOC_FILL_IN, bold=True)
                self.runs(p, " " + block.text)
            else:
                self.heading(block.level, block.text)
        return len(blocks)

    def new_list(self, level: int, start: int) -> int:
        """A fresh numbering instance for one numbered list."""
        instance = ListInstance(self._next_num, self.template.number_abstract, level, start)
        self._next_num += 1
        self.lists.append(instance)
        return instance.num_id

    # ------------------------------------------------------------ links

    def link(self, p: etree._Element, url: str, text: str) -> None:
        """``text`` as a hyperlink to ``url``; plain text if the address is not a web or mail address."""
        target = safe_url(url)
        if not target:
            ooxml.run(p, ooxml.one_line(text))
            return
        ident = self.hyperlinks.get(target)
        if ident is None:
            # Named after the address, so prebuilt parts (the appendices) agree on it.
            ident = "rIdPw" + hashlib.sha1(target.encode()).hexdigest()[:16]
            self.hyperlinks[target] = ident
        link = etree.SubElement(p, w("hyperlink"))
        link.set(f"{{{ooxml.R_NS}}}id", ident)
        link.set(w("history"), "1")
        ooxml.run(link, ooxml.one_line(text), style=self._link_style)

    def jump(self, p: etree._Element, anchor: str, text: str, **run_format) -> None:
        """``text`` as a link to a bookmark in the document."""
        link = ooxml.sub(p, "hyperlink", anchor=anchor, history="1")
        ooxml.run(link, ooxml.one_line(text), **run_format)

    # ------------------------------------------------------------ numbering part

    def numbering_part(self) -> bytes | None:
        """The template's numbering with one instance per numbered list of this document."""
        base = self.template.ref.numbering
        if base is None:
            return None
        if not self.lists:
            return self.template.numbering_part
        head, tail = self.template.numbering_split
        if head:
            # Only numbers go into these elements, so they can be written as text.
            nums = "".join(
                f'<w:num w:numId="{n.num_id}"><w:abstractNumId w:val="{n.abstract}"/>'
                f'<w:lvlOverride w:ilvl="{n.level}"><w:startOverride w:val="{n.start}"/></w:lvlOverride></w:num>'
                for n in self.lists
            )
            return head + nums.encode() + tail
        root = base.__copy__()
        cleanup = root.find(w("numIdMacAtCleanup"))
        for instance in self.lists:
            num = etree.Element(w("num"), {w("numId"): str(instance.num_id)})
            ooxml.sub(num, "abstractNumId", val=instance.abstract)
            override = ooxml.sub(num, "lvlOverride", ilvl=str(instance.level))
            ooxml.sub(override, "startOverride", val=str(instance.start))
            if cleanup is not None:
                cleanup.addprevious(num)
            else:
                root.append(num)
        return serialize(root)
