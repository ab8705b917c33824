"""The body of one document: styled paragraphs, headings with bookmarks, lists and links.

The body is a list of ``markup.Para`` (paragraphs still being written) and
``markup.Block`` (tables, chapters made earlier), written as WordprocessingML text
(see ``markup.py`` for why). Paragraph properties per role are made once per style.
All text goes in after removing characters XML cannot hold.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from planwizard import labels
from planwizard.render import markup, ooxml, text as textlib
from planwizard.render.fields import TocEntry
from planwizard.render.markup import Block, Para
from planwizard.render.package import safe_url
from planwizard.render.template import Template
from planwizard.render.ooxml import w


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
    body: list[Para | Block] = field(default_factory=list)
    hyperlinks: dict[str, str] = field(default_factory=dict)  # url -> relationship id
    lists: list[ListInstance] = field(default_factory=list)
    toc: list[TocEntry] = field(default_factory=list)
    chapter: int = 0
    section: int = 0
    _bookmark: int = 0

    def __post_init__(self) -> None:
        self.ids = self.template.style_ids
        self._props = {role: markup.props(style_id) for role, style_id in self.ids.items()}
        self._repeats: dict[object, list[Para]] = {}
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

    def new(self, role: str, text: str = "", **run_format) -> Para:
        """A paragraph in ``role``'s style, not yet placed (for table cells)."""
        text = (text if text.isprintable() else ooxml.one_line(text)).strip()
        p = Para(self.ids[role], self._props[role])
        if text:
            p.run(text, **run_format)
        return p

    def list_item(self, role: str, text: str, level: int, num_id: str | int) -> Para:
        """A list paragraph (numbering instance ``num_id`` at ``level``) appended to the body."""
        style = self.ids[role]
        text = ooxml.one_line(text).strip()
        p = Para(style, markup.props(style, level=level, num_id=str(num_id)), [markup.run(text)], text)
        self.body.append(p)
        return p

    def p(self, role: str, text: str = "", **run_format) -> Para:
        """A paragraph in ``role``'s style appended to the body."""
        p = self.new(role, text, **run_format)
        self.body.append(p)
        return p

    def repeat(self, key: object, make) -> None:
        """Append a copy of the paragraphs ``make(self)`` built the first time ``key`` was asked for.

        For content that recurs unchanged: status lines, fixed headings and placeholders,
        the box of an example chosen for several items. ``make`` returns unplaced paragraphs.
        """
        proto = self._repeats.get(key)
        if proto is None:
            proto = self._repeats[key] = make(self)
        self.body.extend([p.copy() for p in proto])

    def add(self, block: Block) -> Block:
        self.body.append(block)
        return block

    def runs(self, p: Para, text: str, **run_format) -> None:
        p.run(ooxml.one_line(text), **run_format)

    def bookmark(self, p: Para, name: str | None = None) -> str:
        """Wrap ``p``'s content in a bookmark; returns its name."""
        self._bookmark += 1
        name = name or f"_Toc{90000000 + self._bookmark}"
        start, end = markup.bookmark(str(self._bookmark), name)
        p.parts.insert(0, start)
        p.parts.append(end)
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
                p.props = markup.props(p.style, level=0, num_id="0")
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
                p.run(label)
                p.tab()
            else:
                p.run(f"{label} ")
        p.run(text)
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
        plain paragraphs are written straight away.
        """
        numbers: dict[int, int] = {}
        append, run = self.body.append, markup.run
        plain, plain_props = self.ids[role], self._props[role]
        bullet, bullet_props = self.ids["bullet"], self._props["bullet"]
        for block in blocks:
            kind = block.kind
            if kind == textlib.PARAGRAPH:
                append(Para(plain, plain_props, [run(block.text)], block.text))
            elif kind == textlib.BULLET and not block.level:
                append(Para(bullet, bullet_props, [run(block.text)], block.text))
            elif kind == textlib.BULLET:
                self.list_item("bullet", block.text, block.level, self.template.bullet_num)
            elif kind == textlib.NUMBER:
                if block.list_id not in numbers:
                    numbers[block.list_id] = self.new_list(block.level, block.start)
                self.list_item("number", block.text, block.level, numbers[block.list_id])
            elif kind == textlib.PLACEHOLDER:
                p = self.p("placeholder")
                p.run(labels.DOC_FILL_IN, bold=True)
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

    def link(self, p: Para, url: str, text: str) -> None:
        """``text`` as a hyperlink to ``url``; plain text if the address is not a web or mail address."""
        target = safe_url(url)
        text = ooxml.one_line(text)
        if not target:
            p.run(text)
            return
        ident = self.hyperlinks.get(target)
        if ident is None:
            # Named after the address, so prebuilt parts (the appendices) agree on it.
            ident = "rIdPw" + hashlib.sha1(target.encode()).hexdigest()[:16]
            self.hyperlinks[target] = ident
        p.add(markup.link(ident, markup.run(text, style=self._link_style)), text)

    def jump(self, p: Para, anchor: str, text: str, **run_format) -> None:
        """``text`` as a link to a bookmark in the document."""
        text = ooxml.one_line(text)
        p.add(markup.jump(anchor, markup.run(text, **run_format)), text)

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
        from lxml import etree  # a template whose numbering part cannot simply be cut: the long way

        from planwizard.render.reference import serialize

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
