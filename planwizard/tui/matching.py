"""Typed text against one entry of a list, as the wizard's palettes (Ctrl+P, Ctrl+G) search.

An entry matches when it holds every typed word, in any order, case and accents ignored
("financien" finds "Financiën"); a word of three letters or more that is not there still
counts when its letters occur in order inside one word of the entry that starts with the
same letter ("inwonrs" finds "inwoners"). The whole phrase, then words at the start of a
word, rank first.

The work per entry grows with its length times the number of words typed. Textual's
fuzzy matcher, which the palette uses by default, lists every way the typed letters can
line up in the entry; on a question of 150 characters and a query such as "de gemeente"
that takes seconds and tens to hundreds of MB per keystroke.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

MAX_QUERY = 200
"""Characters of a query that are looked at (a pasted page is cut here)."""
MAX_WORDS = 12
"""Words of a query that are looked at."""
MIN_LOOSE = 3
"""A query word needs this many letters to be found with letters left out."""

_WORD = re.compile(r"\w+")

Span = tuple[int, int]


@lru_cache(maxsize=1024)
def fold(text: str) -> tuple[str, tuple[int, ...] | None]:
    """``text`` in lower case without accents, and for each of its characters the index of
    the character of ``text`` it comes from (None when that is its own index)."""
    if text.isascii():
        return text.lower(), None
    chars: list[str] = []
    where: list[int] = []
    for index, char in enumerate(text):
        for part in unicodedata.normalize("NFKD", char.casefold()):
            if not unicodedata.combining(part):
                chars.append(part)
                where.append(index)
    return "".join(chars), tuple(where)


def query_words(query: str) -> tuple[str, ...]:
    """The folded words of a query that count."""
    return tuple(fold(query[:MAX_QUERY])[0].split()[:MAX_WORDS])


def _word_start(text: str, pos: int) -> bool:
    return pos == 0 or not text[pos - 1].isalnum()


def _find(text: str, needle: str) -> tuple[int, bool]:
    """Where ``needle`` first starts a word of ``text``, else where it first occurs (-1: nowhere);
    and whether that is at the start of a word."""
    first = pos = text.find(needle)
    while pos != -1:
        if _word_start(text, pos):
            return pos, True
        pos = text.find(needle, pos + 1)
    return first, False


def _loose(text: str, word: str) -> list[int] | None:
    """Offsets of the letters of ``word``, in order, inside one word of ``text`` that starts
    with the same letter; None when no word of ``text`` holds them."""
    letters = "".join(_WORD.findall(word))
    if len(letters) < MIN_LOOSE:
        return None
    for found in _WORD.finditer(text):
        candidate = found.group()
        if candidate[0] != letters[0] or len(candidate) < len(letters):
            continue
        offsets: list[int] = []
        for index, char in enumerate(candidate):
            if char == letters[len(offsets)]:
                offsets.append(found.start() + index)
                if len(offsets) == len(letters):
                    return offsets
    return None


def match_words(words: tuple[str, ...], candidate: str) -> tuple[float, list[Span]]:
    """How well ``candidate`` matches the folded query ``words`` (0 when it does not), and the
    spans of ``candidate`` that match.

    Scores: 3 to 3.75 for the whole phrase (more at the start of a word, more again at the
    entry's first word), 2 to 2.5 for every word somewhere, 1 to 1.5 when a word is only
    found with letters left out."""
    if not words:
        return 0.0, []
    text, where = fold(candidate)
    phrase = " ".join(words)
    pos, at_start = _find(text, phrase)
    if pos >= 0:
        first_word = not any(c.isalnum() for c in text[:pos])
        return 3.0 + 0.5 * at_start + 0.25 * first_word, _unfold([(pos, pos + len(phrase))], where)
    spans: list[Span] = []
    exact = starts = 0
    for word in words:
        pos, at_start = _find(text, word)
        if pos >= 0:
            spans.append((pos, pos + len(word)))
            exact += 1
            starts += at_start
            continue
        offsets = _loose(text, word)
        if offsets is None:
            return 0.0, []
        spans.extend((offset, offset + 1) for offset in offsets)
    if exact == len(words):
        score = 2.0 + 0.5 * starts / len(words)
    else:
        score = 1.0 + 0.5 * exact / len(words)
    return score, _unfold(spans, where)


def match(query: str, candidate: str) -> tuple[float, list[Span]]:
    """``match_words`` for a query as typed."""
    return match_words(query_words(query), candidate)


def _unfold(spans: list[Span], where: tuple[int, ...] | None) -> list[Span]:
    """Spans of the folded text as spans of the text it came from, sorted and merged."""
    if where is not None:
        spans = [(where[start], where[end - 1] + 1) for start, end in spans]
    merged: list[Span] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged
