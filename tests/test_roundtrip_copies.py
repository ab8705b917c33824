"""Finding an item's text that a chapter repeats, and reading it back only when it is the chapter's only change."""

from __future__ import annotations

from planwizard.roundtrip.copies import edited_copy, repeated
from planwizard.roundtrip.marks import outside_digest

P1 = "Het wetsvoorstel woonplaatsbeginsel was op de peildatum nog niet behandeld."
P2 = "Tot de invoering ontvangt de centrumgemeente de middelen op basis van de historische verdeling."
CHAPTER = ["Context en kaders", "Zo stond het er op 31 januari 2026 voor:", P1, P2,
           "De vaste teksten van dit plan beschrijven de ontwikkelingen tot en met januari 2026."]
AS_MADE = outside_digest(CHAPTER)


def edited(**changes) -> list[str]:
    texts = list(CHAPTER)
    for index, text in sorted(changes.get("replace", {}).items()):
        texts[index] = text
    for index, text in sorted(changes.get("insert", {}).items(), reverse=True):
        texts.insert(index, text)
    for index in sorted(changes.get("delete", ()), reverse=True):
        del texts[index]
    return texts


def test_a_word_changed_in_the_copy_gives_the_run_of_the_copy():
    texts = edited(replace={3: P2.replace("historische", "oude")})
    assert edited_copy(texts, [P1, P2], AS_MADE) == (2, 4)


def test_a_paragraph_added_after_the_copy_belongs_to_it():
    texts = edited(insert={4: "Per 1 januari 2028 gaat het woonplaatsbeginsel in."})
    assert edited_copy(texts, [P1, P2], AS_MADE) == (2, 5)


def test_a_paragraph_of_the_copy_deleted_leaves_the_rest():
    assert edited_copy(edited(delete=[2]), [P1, P2], AS_MADE) == (2, 3)


def test_a_change_beside_the_copy_means_nothing_is_read_from_it():
    texts = edited(replace={1: "Zo stond het er op 1 november 2026 voor:", 3: P2.replace("historische", "oude")})
    assert edited_copy(texts, [P1, P2], AS_MADE) is None


def test_a_copy_with_every_paragraph_rewritten_is_not_recognised():
    texts = edited(replace={2: "Geheel nieuw.", 3: "Ook nieuw."})
    assert edited_copy(texts, [P1, P2], AS_MADE) is None


def test_repeated_names_the_items_whose_longer_paragraphs_a_chapter_holds():
    items = [("3.1", ["Nee.", "Een heel andere tekst die nergens anders in het plan staat."]), ("3.7", [P1, P2]),
             ("4.2", ["Nee."])]
    assert repeated(CHAPTER, items) == ["3.7"]
    assert repeated(["Nee.", "Kop"], items) == []  # a short line says nothing about where it came from
