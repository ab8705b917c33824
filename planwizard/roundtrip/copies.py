"""An item's text that a chapter repeats: found, and when edited there, read back.

A template may show an item's text a second time, outside the item: chapter 2 of the
standard template shows the national status that item 3.7 holds. That copy carries no
marks, so an edit made there is an edit outside the marked parts. The snapshot's digest
of the chapter says exactly what the chapter held when the draft was made, so the copy
can still be read back: it is the run of the chapter's paragraphs that, put back to the
item's text as generated, gives the chapter as generated. Only when such a run exists
(the chapter's only change is inside the copy) is it read as the item's new text.

Plain text in, positions out; the reader turns the run's paragraphs into notes.
"""

from __future__ import annotations

from collections.abc import Iterable

from planwizard.roundtrip.marks import normal, outside_digest

MIN_LENGTH = 40
"""Characters a paragraph needs before it counts as an item's text repeated: "Nee." says nothing."""
MAX_TRIES = 4000
"""Runs tried at most per chapter (a chapter of a few hundred paragraphs around one copy)."""


def repeated(texts: Iterable[str], items: Iterable[tuple[object, list[str]]]) -> list:
    """The items (first of each pair) with a paragraph of their text (second) among ``texts``, in the given order."""
    owner: dict[str, int] = {}
    keys = []
    for position, (key, paragraphs) in enumerate(items):
        keys.append(key)
        for paragraph in paragraphs:
            if len(paragraph) >= MIN_LENGTH:
                owner.setdefault(paragraph, position)
    if not owner:
        return []
    found = {owner[text] for text in map(normal, texts) if text in owner}
    return [keys[position] for position in sorted(found)]


def edited_copy(texts: list[str], generated: list[str], expected: str) -> tuple[int, int] | None:
    """(start, end) of the run of ``texts`` that stands where ``generated`` (an item's paragraphs as
    made) stood, when putting ``generated`` back there gives the chapter's digest ``expected``;
    None when no run does (the chapter changed elsewhere too) or the copy is not found.

    The run holds at least the paragraphs of the copy still as generated; of the runs that
    fit, the one that starts last and then ends first is taken (the least around the edit).
    """
    wanted = {normal(text) for text in generated if len(normal(text)) >= MIN_LENGTH}
    anchors = [index for index, text in enumerate(texts) if normal(text) in wanted]
    if not anchors:
        return None
    first, last = anchors[0], anchors[-1] + 1
    tries = 0
    for start in range(first, -1, -1):
        for end in range(last, len(texts) + 1):
            tries += 1
            if tries > MAX_TRIES:
                return None
            if outside_digest([*texts[:start], *generated, *texts[end:]]) == expected:
                return start, end
    return None
