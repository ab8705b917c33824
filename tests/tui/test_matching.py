"""The palettes' matcher: words in any order, case and accents ignored, bounded work."""

from __future__ import annotations

import tracemalloc

from planwizard.tui.matching import MAX_QUERY, match

QUESTION = "● Voor welke inwoners zijn beschermd wonen en beschermd thuis volgens de gemeente bedoeld?"


def marked(candidate: str, spans) -> str:
    return "".join(f"[{candidate[a:b]}]" for a, b in spans)


def test_a_typed_phrase_finds_the_question_and_marks_it():
    score, spans = match("voor welke inw", QUESTION)
    assert score > 3
    assert marked(QUESTION, spans) == "[Voor welke inw]"


def test_words_count_in_any_order_and_rank_below_the_phrase():
    phrase, _ = match("beschermd thuis", QUESTION)
    words, spans = match("thuis beschermd", QUESTION)
    assert 0 < words < phrase
    assert marked(QUESTION, spans) == "[beschermd][thuis]"


def test_case_and_accents_do_not_count_and_the_mark_covers_the_accented_word():
    title = "Ga naar thema: Financiën, verdeelmodel"
    score, spans = match("FINANCIEN", title)
    assert score > 0
    assert marked(title, spans) == "[Financiën]"
    assert match("cliënt", "Client en naaste")[0] > 0


def test_a_misspelt_word_is_found_inside_one_word_but_ranks_last():
    loose, spans = match("voor inwonrs", QUESTION)
    assert 0 < loose < match("voor inwoners", QUESTION)[0]
    assert marked(QUESTION, spans)[:6] == "[Voor]"
    assert match("inwonrs", "Voor iedereen die wonen wil")[0] == 0  # letters spread over words do not count
    assert match("xq", "Voor de wijk: xylofoon en quiz")[0] == 0  # two letters are not enough to leave out any


def test_a_word_that_is_not_there_means_no_match():
    assert match("welke jongeren", QUESTION) == (0.0, [])
    assert match("   ", QUESTION) == (0.0, [])


def test_a_match_at_the_start_of_a_word_ranks_above_one_inside_a_word():
    assert match("wonen", "beschermd wonen")[0] > match("wonen", "inwonend")[0]


def test_the_work_stays_bounded_on_hostile_input():
    # Textual's fuzzy matcher lists every way the letters can line up: "een de en" against
    # the 71 questions of the checklist took two minutes and 540 MB.
    candidate = "e " * 1000 + "de gemeente " * 100
    tracemalloc.start()
    try:
        assert match("een de en", candidate)[0] > 0
        assert match("e" * 5000, candidate) == (0.0, [])
        assert match("e e e e e e e e e e e e e e e e e e e e e x", candidate)[0] > 0
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 2_000_000


def test_a_pasted_page_counts_up_to_its_limit():
    words = ("wonen " * MAX_QUERY).strip()
    assert match(words + " jongeren", "beschermd wonen")[0] > 0  # only the first MAX_QUERY characters count
