"""Answer files: every mistake reported at its line, stable bytes, atomic saves."""

from __future__ import annotations

import datetime as dt
import io
import os

import pytest

from planwizard.answers import load_plan, new_plan, save_plan
from planwizard.errors import PlanError
from planwizard.model import Action, Answer, Example
from tests.helpers import answer_file, run_cli, write_files


def errors_of(tmp_path, text: str) -> list[str]:
    path = write_files(tmp_path, {"plan.yaml": text})["plan.yaml"]
    with pytest.raises(PlanError) as info:
        load_plan(path)
    return [str(p).replace(f"{path}:", "") for p in info.value.problems]


def test_three_mistakes_give_three_located_lines_and_exit_1(tmp_path):
    text = answer_file(
        """
  visie.uitgangspunten:
    status: klaar
  visie.bestaat-niet:
    status: done
  visie.doelgroep:
    actions:
      - {what: Doelgroep beschrijven, due: 2025-02-30}
"""
    )
    path = write_files(tmp_path, {"plan.yaml": text})["plan.yaml"]
    result = run_cli("validate", str(path))
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert lines == [
        f"{path}:7:13: ongeldige waarde 'klaar'; kies uit done, partial, todo, not_applicable",
        f"{path}:8:3: onbekend checklistpunt 'visie.bestaat-niet'",
        f"{path}:12:44: ongeldige datum '2025-02-30'; schrijf JJJJ-MM-DD, bijvoorbeeld 2025-06-30",
    ]
    assert "Traceback" not in result.stderr


def test_wrong_types_everywhere(tmp_path):
    found = errors_of(
        tmp_path,
        answer_file(
            """
  visie.uitgangspunten: {status: 3, notes: [a, b], actions: doe iets}
  visie.doelgroep: {examples: 7}
  visie.cijfers: [done]
"""
        ),
    )
    assert found == [
        "6:34: ongeldige waarde getal 3; kies uit done, partial, todo, not_applicable",
        "6:44: verwacht tekst, gevonden een lijst",
        "6:61: verwacht een lijst met acties, gevonden tekst 'doe iets'",
        "7:31: verwacht een lijst, gevonden getal 7",
        "8:18: verwacht een tabel met status, as_of, source, notes, actions, examples, gevonden een lijst",
    ]


def test_unknown_keys_and_example_ids(tmp_path):
    found = errors_of(
        tmp_path,
        answer_file(
            "\n  visie.uitgangspunten: {status: done, notitie: x, examples: [parkstad-samen-thui]}\n",
            extra="extra: 1\n",
        ),
    )
    assert found == [
        "6:40: onbekende sleutel 'notitie' (toegestaan: status, as_of, source, notes, actions, examples)",
        "6:63: onbekend voorbeeld 'parkstad-samen-thui'; bedoelt u parkstad-samen-thuis?",
        "8:1: onbekende sleutel 'extra' (toegestaan: format, checklist, municipality, plan, answers, "
        "own_examples, retired_answers)",
    ]


def test_wrong_format_and_checklist(tmp_path):
    assert errors_of(tmp_path, answer_file().replace("planwizard/1", "planwizard/9")) == [
        "1:9: onbekend bestandsformaat tekst 'planwizard/9'; deze versie van planwizard leest 'planwizard/1'"
    ]
    found = errors_of(tmp_path, answer_file().replace("id: vng-beschermd-thuis", "id: andere-lijst"))
    assert len(found) == 1 and found[0].startswith("2:17: onbekende checklist tekst 'andere-lijst'")


def test_empty_file_and_list_instead_of_mapping(tmp_path):
    assert errors_of(tmp_path, "# niets\n")[0].startswith("1:1: bestand is leeg")
    assert errors_of(tmp_path, "- a\n- b\n")[0].startswith("1:1: verwacht een tabel")


def test_bad_municipality_code_and_plan_date(tmp_path):
    text = answer_file().replace("code: GM0917", "code: 917").replace("date: 2026-11-22", "date: volgende week")
    assert errors_of(tmp_path, text) == [
        "3:37: ongeldige CBS-code '917' (vorm: GM gevolgd door vier cijfers, bijvoorbeeld GM0917)",
        "4:105: ongeldige datum 'volgende week'; schrijf JJJJ-MM-DD, bijvoorbeeld 2025-06-30",
    ]


def test_own_examples_may_be_attached_but_not_clash(tmp_path):
    own = (
        "own_examples:\n"
        "  - {id: huiskamer-heerlen, title: Huiskamer, where: Heerlen, themes: [aanbod], summary: Een plek.}\n"
        "  - {id: housing-first, title: Dubbel, summary: x}\n"
    )
    found = errors_of(tmp_path, answer_file("\n  aanbod.palet: {examples: [huiskamer-heerlen]}\n", extra=own))
    assert found == [
        "10:10: eigen voorbeeld 'housing-first' heeft dezelfde id als een voorbeeld uit de bibliotheek; kies een andere id"
    ]


def test_text_limit_per_field(tmp_path):
    long_note = "x" * 60_000
    found = errors_of(tmp_path, answer_file(f"\n  visie.doelgroep: {{notes: {long_note}}}\n"))
    assert found == ["6:28: tekst is te lang (60000 tekens; maximaal 50000)"]


def test_status_may_be_absent_while_notes_are_written(tmp_path):
    path = write_files(tmp_path, {"p.yaml": answer_file("\n  visie.doelgroep: {notes: Nog uitzoeken.}\n")})["p.yaml"]
    plan = load_plan(path).plan
    assert plan.answers["visie.doelgroep"].status is None
    assert plan.answers["visie.doelgroep"].notes == "Nog uitzoeken."


def full_plan(checklist):
    plan = new_plan("Súdwest-Fryslân", code="GM1900", checklist=checklist, today=dt.date(2026, 11, 23))
    plan.info.author = "Ypie de Vries"
    for index, item_id in enumerate(list(checklist.items)[:12]):
        plan.answers[item_id] = Answer(
            status=("done", "partial", "todo", "not_applicable")[index % 4],
            notes=f"Alinea één over {item_id}.\n\n- punt: één\n- punt twee 'quote'\n\nSlot.\n" if index % 2 else "yes",
            actions=[Action("Vaststellen in de raad", "Wethouder", dt.date(2025, 6, 30)), Action("Evalueren")],
            examples=["housing-first"] if index % 3 == 0 else [],
        )
    plan.own_examples.append(
        Example("eigen-huiskamer", "Huiskamer", "Sneek", ("aanbod",), "Een plek\nom te zijn.", own=True)
    )
    plan.answers[list(checklist.items)[1]].examples.append("eigen-huiskamer")
    return plan


def test_saving_twice_gives_identical_bytes_and_load_save_load_is_identity(tmp_path, checklist):
    plan = full_plan(checklist)
    first, second = tmp_path / "a.yaml", tmp_path / "b.yaml"
    save_plan(plan, first, checklist)
    save_plan(plan, second, checklist)
    assert first.read_bytes() == second.read_bytes()
    loaded = load_plan(first)
    assert loaded.plan == plan
    save_plan(loaded.plan, second, checklist)
    assert second.read_bytes() == first.read_bytes()


def test_saved_file_is_pleasant_to_read(tmp_path, checklist):
    path = tmp_path / "p.yaml"
    save_plan(full_plan(checklist), path, checklist)
    text = path.read_text(encoding="utf-8")
    assert text.index("format:") < text.index("checklist:") < text.index("municipality:") < text.index("plan:")
    assert "name: Súdwest-Fryslân" in text
    assert "    notes: |\n      Alinea één over" in text
    assert "\n\n\n" not in text  # no doubled blank lines
    assert "due: 2025-06-30" in text


def test_failed_save_leaves_the_previous_file_intact(tmp_path, checklist, monkeypatch):
    path = tmp_path / "p.yaml"
    plan = full_plan(checklist)
    save_plan(plan, path, checklist)
    before = path.read_bytes()
    plan.answers[next(iter(checklist.items))].notes = "gewijzigd"
    class HalfWriter(io.FileIO):
        """The disk fills up in the middle of the new file."""

        def write(self, data):
            super().write(data[: len(data) // 2])
            raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fdopen", lambda fd, mode: HalfWriter(fd, "wb"))
    with pytest.raises(PlanError, match="schijf is vol"):
        save_plan(plan, path, checklist)
    monkeypatch.undo()
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["p.yaml"]
