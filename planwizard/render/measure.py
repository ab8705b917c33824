"""How wide text is in a table cell, and column widths that fit a table's content.

Word and LibreOffice split a word that does not fit its column across lines
("Contractmanagemen-t"). Columns are therefore sized from their content, as a browser
sizes an automatic table: every column is at least as wide as its longest word (and its
header, when that fits), and the room left goes to the columns with the longest text.

Character widths are those of Liberation Sans (measured from the font with fontTools,
in thousandths of an em), which has the metrics of Arial and Helvetica, the default
template's font. Other families are scaled by how wide they run; an unknown family is
taken to be a little wider than Arial, so a word still fits.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from typing import NamedTuple

_CHARS = (
    " !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~"
    "\xa0¡¢£¤¥¦§¨©ª«¬\xad®¯°±²³´µ¶·¸¹º»¼½¾¿ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖ×ØÙÚÛÜÝÞßàáâãäåæçèéêëìíîïðñòóôõö÷øùúûüýþÿ"
    "‘’“”–—•€…"
)
_REGULAR = (
    278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278,
    556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556,
    1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778,
    667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556,
    333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556,
    556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584, 278,
    333, 556, 556, 556, 556, 260, 556, 333, 737, 370, 556, 584, 333, 737, 552, 400,
    549, 333, 333, 333, 576, 537, 333, 333, 333, 365, 556, 834, 834, 834, 611, 667,
    667, 667, 667, 667, 667, 1000, 722, 667, 667, 667, 667, 278, 278, 278, 278, 722,
    722, 778, 778, 778, 778, 778, 584, 778, 722, 722, 722, 722, 667, 667, 611, 556,
    556, 556, 556, 556, 556, 889, 500, 556, 556, 556, 556, 278, 278, 278, 278, 556,
    556, 556, 556, 556, 556, 556, 549, 611, 556, 556, 556, 556, 500, 556, 500, 222,
    222, 333, 333, 556, 1000, 350, 556, 1000,
)
_BOLD = (
    278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278,
    556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 333, 333, 584, 584, 584, 611,
    975, 722, 722, 722, 722, 667, 611, 778, 722, 278, 556, 722, 611, 833, 722, 778,
    667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 333, 278, 333, 584, 556,
    333, 556, 611, 556, 611, 556, 333, 611, 611, 278, 278, 556, 278, 889, 611, 611,
    611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500, 389, 280, 389, 584, 278,
    333, 556, 556, 556, 556, 280, 556, 333, 737, 370, 556, 584, 333, 737, 552, 400,
    549, 333, 333, 333, 576, 556, 333, 333, 333, 365, 556, 834, 834, 834, 611, 722,
    722, 722, 722, 722, 722, 1000, 722, 667, 667, 667, 667, 278, 278, 278, 278, 722,
    722, 778, 778, 778, 778, 778, 584, 778, 722, 722, 722, 722, 667, 667, 611, 556,
    556, 556, 556, 556, 556, 889, 556, 556, 556, 556, 556, 278, 278, 278, 278, 611,
    611, 611, 611, 611, 611, 611, 549, 611, 611, 611, 611, 611, 556, 611, 556, 278,
    278, 500, 500, 556, 1000, 350, 556, 1000,
)
OTHER = 667
"""Width of a character not in the tables (wide letters of other scripts are counted as 1000)."""


class _Widths(dict):
    """Character -> width in thousandths of an em; characters not in the table are guessed once."""

    def __missing__(self, char: str) -> int:
        width = 1000 if unicodedata.east_asian_width(char) in "WF" else OTHER
        self[char] = width
        return width


REGULAR = _Widths(zip(_CHARS, _REGULAR, strict=True))
BOLD = _Widths(zip(_CHARS, _BOLD, strict=True))

FAMILY_FACTOR = {
    "arial": 1.0, "helvetica": 1.0, "liberation sans": 1.0, "arimo": 1.0, "nimbus sans": 1.0,
    "calibri": 0.92, "carlito": 0.92, "aptos": 0.97, "segoe ui": 1.02, "tahoma": 1.0,
    "verdana": 1.17, "dejavu sans": 1.12, "times new roman": 0.92, "liberation serif": 0.92,
    "cambria": 0.98, "georgia": 1.06,
}
UNKNOWN_FACTOR = 1.12
SLACK = 1.04
"""Room for what measuring per character misses (kerning, rounding, a reader's own layout)."""


class Font(NamedTuple):
    """The look of text in a table cell: family and size (in half points, as Word stores it)."""

    family: str = "Arial"
    half_points: int = 20

    @property
    def scale(self) -> float:
        """Twips per thousandth of an em: (half_points / 2) pt * 20 twips per pt / 1000, with the family's factor."""
        return self.half_points * FAMILY_FACTOR.get(self.family.strip().lower(), UNKNOWN_FACTOR) * SLACK / 100

    def width(self, text: str, *, bold: bool = False) -> int:
        """Width of ``text`` on one line, in twips (a twentieth of a point)."""
        return int(sum(map((BOLD if bold else REGULAR).__getitem__, text)) * self.scale) + 1


class Look(NamedTuple):
    """What the widths of a template's tables depend on: the fonts of header and cells, cell margins."""

    header: Font = Font()
    text: Font = Font()
    header_bold: bool = True
    margins: int = 114
    """Left plus right cell margin, in twips."""


def fit(total: int, look: Look, headers: Sequence[str], rows: Sequence[Sequence[str]], *,
        spread: bool = True) -> list[int]:
    """Column widths (twips, adding up to ``total``) in which no word of ``headers`` or ``rows`` is split.

    A column is at least as wide as its longest word, and as its whole header when all
    headers fit on one line that way (with ``spread=False`` that least width is returned).
    When every text fits on one line, columns get their longest line and the rest in
    proportion. Otherwise the room above the least widths goes to the columns by how
    much of their text has to wrap, so the long texts get the width, and no column gets
    more than its longest line. Only when the longest words together are wider than the
    page do columns shrink below them.
    """
    count = len(headers)
    word = [0] * count
    head = [0] * count
    for index, text in enumerate(headers):
        head[index], word[index] = _words(look.header, text, bold=look.header_bold)
    texts: list[dict[str, int]] = [{} for _ in range(count)]  # text -> how often (themes, owners repeat)
    for row in rows:
        for seen, text in zip(texts, row):
            if text:
                seen[text] = seen.get(text, 0) + 1
    cells: list[list[tuple[int, int]]] = [[] for _ in range(count)]  # (line width, how often)
    measure = _measurer(look.text)
    for index, seen in enumerate(texts):
        for text, times in seen.items():
            line, longest = measure(text)
            cells[index].append((line, times))
            if longest > word[index]:
                word[index] = longest
    margins = look.margins
    with_headers = [max(w, h) for w, h in zip(word, head)]
    least = [m + margins for m in (with_headers if sum(with_headers) + margins * count <= total else word)]
    if not spread:
        return least
    most = [max([x, head[i] + margins, *(c + margins for c, _ in cells[i])]) for i, x in enumerate(least)]
    if sum(most) <= total:
        widths = _share(total, most, most)
    elif sum(least) <= total:
        widths = least[:]
        wrapping = [sum(max(0, c + margins - least[i]) * n for c, n in cells[i]) for i in range(count)]
        open_ = [i for i in range(count) if widths[i] < most[i]]
        while open_ and sum(widths) < total:
            room, weight = total - sum(widths), sum(wrapping[i] for i in open_) or len(open_)
            for i in open_:
                widths[i] = min(most[i], widths[i] + room * (wrapping[i] or 1) // weight)
            if room == total - sum(widths):  # nothing more fits (rounding): the rest goes below
                break
            open_ = [i for i in open_ if widths[i] < most[i]]
    else:  # some word is wider than any layout allows: shrink in proportion, as little as can be
        widths = _share(total, [0] * count, least)
    widths[-1] += total - sum(widths)
    return widths


def _words(font: Font, text: str, *, bold: bool = False) -> tuple[int, int]:
    """(width of ``text`` on one line, width of its longest word), in twips."""
    return _measurer(font, bold)(text)


_WORDS: tuple[dict[str, int], dict[str, int]] = ({}, {})
"""Width of each word measured so far (regular, bold), in thousandths of an em: the same words
come back in every table and every plan of a batch."""
MAX_WORDS = 50_000


def _measurer(font: Font, bold: bool = False):
    """A function giving (line width, longest word width) in twips; it remembers words it measured."""
    widths = (BOLD if bold else REGULAR).__getitem__
    scale = font.scale
    space = widths(" ")
    known = _WORDS[bold]
    if len(known) > MAX_WORDS:
        known.clear()

    def measure(text: str) -> tuple[int, int]:
        units = longest = count = 0
        for word in text.split():
            found = known.get(word)
            if found is None:
                found = known[word] = sum(map(widths, word))
            units += found
            count += 1
            if found > longest:
                longest = found
        if not count:
            return 0, 0
        return int((units + (count - 1) * space) * scale) + 1, int(longest * scale) + 1

    return measure


def _share(total: int, base: list[int], weights: list[int]) -> list[int]:
    """``base`` plus the rest of ``total`` shared out by ``weights`` (evenly when they are all 0)."""
    room = total - sum(base)
    weight = sum(weights)
    if weight <= 0:
        return [b + room // len(base) for b in base]
    return [b + room * w // weight for b, w in zip(base, weights)]
