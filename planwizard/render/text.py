"""Free text (the gemeente's notes, rendered text blocks) to paragraphs, lists and headings.

The rules are those of the answer file: a blank line starts a new paragraph, lines
starting with "- " are bullets, lines starting with "1. " form a numbered list that
restarts with every new list. Lines of one paragraph are joined with a space;
indenting a list line by two spaces puts it one level deeper. Text blocks of a
template may also use "# ", "## " and "### " for headings, "! " for an "In te vullen"
placeholder, and a leading backslash to take a line literally (``escape`` puts one
before an answer's lines, so a gemeente's text never turns into a heading there).
Nothing here knows Word.
"""

from __future__ import annotations

import functools
import re
from typing import NamedTuple

PARAGRAPH, BULLET, NUMBER, HEADING, PLACEHOLDER = "paragraph", "bullet", "number", "heading", "placeholder"
MAX_LEVEL = 2

_BULLET = re.compile(r"^(?P<indent>[ \t]*)[-*•–]\s+(?P<text>\S.*)$")
_NUMBER = re.compile(r"^(?P<indent>[ \t]*)(?P<number>\d{1,3})[.)]\s+(?P<text>\S.*)$")
_HEADING = re.compile(r"^(?P<marks>#{1,3})\s+(?P<text>\S.*)$")
_PLACEHOLDER = re.compile(r"^!\s+(?P<text>\S.*)$")
_SPECIAL = ("#", "!", "\\")


def escape(text: str) -> str:
    """``text`` so that, inside a template block, its lines never start a heading or placeholder."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return "\n".join("\\" + line if line.lstrip().startswith(_SPECIAL) else line for line in lines)


class Block(NamedTuple):
    """One paragraph of output: plain, a list item, or a heading."""

    kind: str
    text: str
    level: int = 0
    """List depth (0 = outermost) or heading level (1-3)."""
    list_id: int = 0
    """Numbered items: which list they belong to; every new list restarts its numbering."""
    start: int = 1
    """Numbered items: the number the list starts at."""


def _level(indent: str) -> int:
    return min(len(indent.expandtabs(4)) // 2, MAX_LEVEL)


def parse(text: str, *, headings: bool = False) -> tuple[Block, ...]:
    """The blocks of ``text`` in order; empty text gives no blocks (cached: the same text parses once)."""
    return _parse(text, headings)


_BULLET_START = frozenset("-*•–")


@functools.lru_cache(maxsize=4096)
def _parse(text: str, headings: bool) -> tuple[Block, ...]:
    blocks: list[Block] = []
    open_lists: dict[int, Block] = {}  # level -> first item of the numbered list still running there
    next_list = 0
    continuing = False  # whether the next line may continue the last block
    for raw in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        line = raw.rstrip()
        first = line.lstrip()[:1]
        if not first:
            continuing = False
            continue
        if headings and first == "\\":  # taken literally: a paragraph line, never a heading or a list
            line = line.lstrip()[1:]
            first = ""
        heading = _HEADING.match(line) if headings and first == "#" else None
        placeholder = _PLACEHOLDER.match(line) if headings and first == "!" else None
        bullet = _BULLET.match(line) if first in _BULLET_START else None
        number = _NUMBER.match(line) if first.isdigit() else None
        if heading:
            open_lists.clear()
            continuing = False
            blocks.append(Block(HEADING, heading["text"].strip(), len(heading["marks"])))
            continue
        if placeholder:
            open_lists.clear()
            blocks.append(Block(PLACEHOLDER, placeholder["text"].strip()))
            continuing = True
            continue
        if bullet:
            level = _level(bullet["indent"])
            for deeper in [lvl for lvl in open_lists if lvl >= level]:
                del open_lists[deeper]
            blocks.append(Block(BULLET, bullet["text"].strip(), level))
        elif number:
            level = _level(number["indent"])
            for deeper in [lvl for lvl in open_lists if lvl > level]:
                del open_lists[deeper]
            head = open_lists.get(level)
            if head is None:
                next_list += 1
                head = Block(NUMBER, number["text"].strip(), level, next_list, int(number["number"]))
                open_lists[level] = head
                blocks.append(head)
            else:
                blocks.append(Block(NUMBER, number["text"].strip(), level, head.list_id, head.start))
        elif continuing:
            blocks[-1] = blocks[-1]._replace(text=f"{blocks[-1].text} {line.strip()}")
        else:
            open_lists.clear()
            blocks.append(Block(PARAGRAPH, line.strip()))
        continuing = True
    return tuple(blocks)
