"""What the importer needs from a draft's styles and numbering: paragraph roles and list kinds.

Word and LibreOffice may rename style ids on saving (LibreOffice writes "Contents1" for
"TOC1"), so a role is recognised by the style id the snapshot recorded, else by the
style's name, else (headings) by its outline level.
"""

from __future__ import annotations

import functools

from lxml import etree

from planwizard.roundtrip import marks


@functools.lru_cache(maxsize=128)
def w(tag: str) -> str:
    return f"{{{marks.W_NS}}}{tag}"


PPR, PSTYLE, NUMPR, NUM_ID, ILVL, VAL = (w(n) for n in ("pPr", "pStyle", "numPr", "numId", "ilvl", "val"))


def child(element: etree._Element | None, tag: str) -> etree._Element | None:
    """The first child of ``element`` with ``tag`` (like ``find``, which lxml runs in Python: this is cheaper)."""
    if element is not None:
        for found in element:
            if found.tag == tag:
                return found
    return None


def children(element: etree._Element, tag: str) -> list[etree._Element]:
    """The children of ``element`` with ``tag`` (like ``findall``, cheaper)."""
    return [found for found in element if found.tag == tag]


def value(element: etree._Element | None, tag: str, default: str | None = None) -> str | None:
    """The ``w:val`` of the first child of ``element`` with ``tag``; ``default`` without one."""
    found = child(element, tag)
    return default if found is None else found.get(VAL, default)


def _key(name: str) -> str:
    return "".join(name.split()).lower()


class Styles:
    """Paragraph styles of a draft: role by style id, and the list numbering a style carries."""

    def __init__(self, root: etree._Element | None, recorded: dict[str, tuple[str, str]]) -> None:
        self.roles: dict[str, str] = {}
        self._numbering: dict[str, tuple[str | None, str | None]] = {}
        self.default = ""
        info: dict[str, tuple[str, str, str | None, str | None, int | None]] = {}
        for style in children(root, w("style")) if root is not None else ():
            if style.get(w("type")) != "paragraph":
                continue
            sid = style.get(w("styleId"), "")
            ppr = child(style, PPR)
            num = child(ppr, NUMPR)
            outline = value(ppr, w("outlineLvl"), "")
            info[sid] = (value(style, w("name"), ""), value(style, w("basedOn"), ""), value(num, NUM_ID),
                         value(num, ILVL), int(outline) if outline.isdigit() else None)
            if style.get(w("default")) in ("1", "true"):
                self.default = sid
        by_id = {style_id: role for role, (style_id, _) in reversed(list(recorded.items())) if style_id}
        by_name: dict[str, str] = {}
        for role, (style_id, name) in reversed(list(recorded.items())):
            for key in (_key(style_id), _key(name)):
                if key:
                    by_name[key] = role
        self.roles.update({sid: role for sid, role in by_id.items()})
        for sid, (name, *_rest) in info.items():
            if sid in by_id:
                continue
            role = by_name.get(_key(name)) or by_name.get(_key(sid))
            if role is None:
                outline = self._inherited(info, sid, 4)
                role = {0: "heading1", 1: "heading2", 2: "heading3"}.get(outline) if outline is not None else None
            if role is not None:
                self.roles[sid] = role
        for sid in info:
            self._numbering[sid] = (self._inherited(info, sid, 2), self._inherited(info, sid, 3))

    @staticmethod
    def _inherited(info, sid: str, field: int):
        seen = set()
        while sid in info and sid not in seen:
            seen.add(sid)
            value = info[sid][field]
            if value is not None:
                return value
            sid = info[sid][1]
        return None

    def numbering(self, style_id: str) -> tuple[str | None, str | None]:
        """(numId, ilvl) the style gives its paragraphs."""
        return self._numbering.get(style_id or self.default, (None, None))


class Numbering:
    """List definitions of a draft: is a numbered paragraph a bullet or a number, and from where it counts."""

    def __init__(self, root: etree._Element | None) -> None:
        self.abstract: dict[str, dict[int, tuple[str, int]]] = {}
        self._nums: dict[str, etree._Element] = {}
        """Every list instance by its id; read when a paragraph uses it (a draft has one per list)."""
        self._read: dict[str, tuple[str, dict[int, int]]] = {}
        if root is None:
            return
        abstract_tag, num_tag, num_id = w("abstractNum"), w("num"), w("numId")
        for element in root:
            tag = element.tag
            if tag == num_tag:
                self._nums[element.get(num_id, "")] = element
            elif tag == abstract_tag:
                levels = {}
                for lvl in children(element, w("lvl")):
                    start = _int(value(lvl, w("start"), "1"), 1)
                    levels[_int(lvl.get(w("ilvl")))] = (value(lvl, w("numFmt"), ""), start)
                self.abstract[element.get(w("abstractNumId"), "")] = levels

    def num(self, num_id: str) -> tuple[str, dict[int, int]]:
        """(abstract list id, start overrides by level) of list instance ``num_id``."""
        found = self._read.get(num_id)
        if found is None:
            element = self._nums.get(num_id)
            overrides = {}
            if element is not None:
                for override in children(element, w("lvlOverride")):
                    start = child(override, w("startOverride"))
                    if start is not None:
                        overrides[_int(override.get(w("ilvl")))] = _int(start.get(VAL), 1)
            found = self._read[num_id] = (value(element, w("abstractNumId"), ""), overrides)
        return found

    def list_of(self, numpr: etree._Element | None, style_id: str,
                styles: Styles | None = None) -> tuple[str, int, str, int] | None:
        """(kind, level, list key, start) of a paragraph with ``numpr`` and style ``style_id``; None: no list."""
        num_id = ilvl = None
        if numpr is not None:
            num_id, ilvl = value(numpr, NUM_ID), value(numpr, ILVL)
        if (num_id is None or ilvl is None) and styles is not None:
            style_num, style_lvl = styles.numbering(style_id)
            num_id = num_id if num_id is not None else style_num
            ilvl = ilvl if ilvl is not None else style_lvl
        if not num_id or num_id == "0":
            return None
        level = _int(ilvl)
        abstract, overrides = self.num(num_id)
        fmt, start = self.abstract.get(abstract, {}).get(level, ("", 1))
        start = overrides.get(level, start)
        if fmt == "none":
            return None
        if not fmt:
            fmt = "decimal" if styles is not None and styles.roles.get(style_id) == "number" else "bullet"
        return (marks.BULLET if fmt == "bullet" else marks.NUMBER), level, num_id, start


def _int(text: str | None, default: int = 0) -> int:
    return int(text) if text and text.isdigit() else default
