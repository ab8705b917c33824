"""The three-way merge of an import, over the model alone (no Word document involved)."""

from __future__ import annotations

import datetime as dt

from planwizard.model import Action, Answer
from planwizard.roundtrip.marks import action_line, answer_digest, parse_action_line
from planwizard.roundtrip.merge import UNCHANGED, Edit, apply, apply_edit, merge, reuse_actions

BASE = {"a.een": Answer("todo", "Oude tekst.", [Action("Bellen", "Jan", dt.date(2027, 1, 31))], ["voorbeeld-x"]),
        "a.twee": Answer("done", "Klaar.")}


def edit(item_id: str, **parts) -> Edit:
    return Edit(item_id, "3.1", answer_digest(BASE.get(item_id)), **parts)


def fresh() -> dict[str, Answer]:
    return {key: Answer(a.status, a.notes, list(a.actions), list(a.examples)) for key, a in BASE.items()}


def test_a_change_in_the_draft_only_comes_in_and_keeps_the_examples():
    answers = fresh()
    result = merge(answers, [edit("a.een", status="partial", notes="Nieuwe tekst.")])
    assert [c.item_id for c in result.changes] == ["a.een"] and not result.conflicts
    apply(answers, result)
    assert answers["a.een"] == Answer("partial", "Nieuwe tekst.", BASE["a.een"].actions, ["voorbeeld-x"])
    assert answers["a.twee"] == BASE["a.twee"]


def test_a_change_in_the_file_only_is_kept():
    answers = fresh()
    answers["a.twee"].notes = "In de wizard aangevuld."
    result = merge(answers, [edit("a.twee"), edit("a.een", status="done")])
    assert result.file_only == ["a.twee"]
    apply(answers, result)
    assert answers["a.twee"].notes == "In de wizard aangevuld." and answers["a.een"].status == "done"


def test_changed_on_both_sides_is_a_conflict_unless_a_side_is_chosen():
    answers = fresh()
    answers["a.een"].notes = "In de wizard."
    edits = [edit("a.een", status="done")]
    assert [e.item_id for e in merge(answers, edits).conflicts] == ["a.een"]
    assert not merge(answers, edits).changes
    kept = merge(answers, edits, "file")
    assert not kept.changes and [e.item_id for e in kept.kept_file] == ["a.een"]
    taken = merge(answers, edits, "draft")
    assert taken.changes[0].conflict and taken.changes[0].new == Answer("done", "In de wizard.",
                                                                         BASE["a.een"].actions, ["voorbeeld-x"])


def test_the_same_change_on_both_sides_is_nothing_to_do():
    answers = fresh()
    answers["a.een"].status = "done"
    result = merge(answers, [edit("a.een", status="done")])
    assert not result.changes and not result.conflicts


def test_a_new_answer_and_an_emptied_one():
    answers = fresh()
    result = merge(answers, [edit("a.drie", status="todo"), edit("a.twee", status=None, notes="")])
    apply(answers, result)
    assert answers["a.drie"] == Answer("todo") and "a.twee" not in answers
    assert apply_edit(None, Edit("x", "", "", status=None)) is None
    assert edit("a.een").status is UNCHANGED and not edit("a.een").changed


def test_actions_whose_line_did_not_change_are_the_same_objects():
    known = [Action("Bellen\nen mailen", "Jan", dt.date(2027, 1, 31)), Action("Nota", "")]
    lines = [action_line(known[1]), "Evalueren (trekker: Piet; gereed: 01-02-2028)", action_line(known[0])]
    found = reuse_actions(lines, known, parse_action_line, action_line)
    assert found[0] is known[1] and found[2] is known[0]  # the line break in the first stays
    assert found[1] == Action("Evalueren", "Piet", dt.date(2028, 2, 1))


def test_action_lines_as_people_type_them():
    assert parse_action_line("Nota schrijven") == Action("Nota schrijven")
    assert parse_action_line("Nota (met de GGD)") == Action("Nota (met de GGD)")
    assert parse_action_line("Nota (met de GGD) (trekker: Team (Wmo))") == Action("Nota (met de GGD)", "Team (Wmo)")
    assert parse_action_line("Nota  (trekker nog bepalen;  gereed: 1-2-2027)") == Action("Nota", "",
                                                                                         dt.date(2027, 2, 1))
