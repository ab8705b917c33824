"""Comparing versions of a plan: ``planwizard diff`` and the annex of ``generate --compare``."""

from __future__ import annotations

import datetime as dt
import shutil

import docx

from planwizard.answers import load_plan, save_plan
from planwizard.checklist import current
from planwizard.cli import main
from planwizard.compare import compare_plans, inline, text_changes, words
from planwizard.model import Action, Answer
from tests.helpers import ROOT, run_cli
from tests.test_migrate import FIXTURES, data_dir  # noqa: F401 - a fixture


def test_words_show_what_changed_word_by_word():
    pieces = words("Wij kiezen voor wonen in de wijk.", "Wij kiezen nu voor wonen in een gewone wijk.")
    assert inline(pieces) == "Wij kiezen {+nu+} voor wonen in [-de-]{+een gewone+} wijk."
    assert inline(pieces, "markdown") == "Wij kiezen **nu** voor wonen in ~~de~~ **een gewone** wijk."


def test_only_changed_paragraphs_are_listed():
    old = "Eerste alinea blijft.\n\nTweede alinea gaat over wonen.\n\n- punt een\n- punt twee"
    new = "Eerste alinea blijft.\n\nTweede alinea gaat over gewoon wonen.\n\n- punt een\n- punt drie\n\nNieuw."
    assert [inline(p) for p in text_changes(old, new)] == [
        "Tweede alinea gaat over {+gewoon+} wonen.", "- punt [-twee-]{+drie+}", "{+Nieuw.+}"]


def test_per_item_status_text_actions_examples_and_moves(checklist):
    old_plan, new_plan = load_plan(ROOT / "examples/plannen/heerlen.yaml").plan, None
    new_plan = load_plan(ROOT / "examples/plannen/heerlen.yaml").plan
    first, second = list(checklist.items)[:2]
    moved = old_plan.answers[first].actions[0] if old_plan.answers[first].actions else Action("Verhuizen", "Jan")
    old_plan.answers[first].actions = [moved, Action("Oud", "Piet", dt.date(2027, 1, 1))]
    new_plan.answers[first] = Answer("todo", old_plan.answers[first].notes, [Action("Oud", "Kees", dt.date(2027, 1, 1))],
                                     old_plan.answers[first].examples + ["apeldoorn-opstapregeling"])
    new_plan.answers[second].actions = [*new_plan.answers[second].actions, moved]
    diffs = {d.item.id: d for d in compare_plans(old_plan, new_plan, checklist)}
    assert set(diffs) == {first, second}
    one = diffs[first]
    assert one.status == (old_plan.answers[first].status, "todo") and not one.text
    assert [(c.kind, c.other) for c in one.actions] == [("moved_out", second), ("changed", "")]
    assert one.examples_added == ["apeldoorn-opstapregeling"]
    assert [(c.kind, c.other) for c in diffs[second].actions] == [("moved_in", first)]


def test_diff_command_text_markdown_and_no_differences(sample_plan_path, tmp_path, capsys):
    newer = tmp_path / "nieuw.yaml"
    loaded = load_plan(sample_plan_path)
    loaded.plan.info.version = "concept 0.4"
    answer = loaded.plan.answers["visie.doelgroep"]
    answer.status = "partial"
    answer.notes = answer.notes.replace("psychische", "ernstige psychische", 1)
    save_plan(loaded.plan, newer, loaded.checklist)
    assert main(["diff", str(sample_plan_path), str(newer)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Wijzigingen van concept 0.3 naar concept 0.4\n")
    assert "  versie: [-concept 0.3-] → {+concept 0.4+}" in out
    assert "  visie.doelgroep: Voor welke inwoners" in out
    assert "    status: [-Geregeld-] → {+Deels geregeld+}" in out
    assert "met {+ernstige+} psychische" in out
    assert main(["diff", str(sample_plan_path), str(newer), "--format", "markdown"]) == 0
    out = capsys.readouterr().out
    assert "## Lokale visie en ambitie" in out and "- **status:** ~~Geregeld~~ → **Deels geregeld**" in out
    assert main(["diff", str(sample_plan_path), str(sample_plan_path)]) == 0
    assert capsys.readouterr().out.endswith("geen verschillen\n")
    assert main(["diff", str(sample_plan_path), str(tmp_path / "weg.yaml")]) == 1
    assert "weg.yaml: bestand of map bestaat niet" in capsys.readouterr().err


def test_diff_of_plans_of_different_checklist_versions(tmp_path, data_dir):
    old = tmp_path / "plan-1.0.yaml"
    shutil.copy(FIXTURES / "plan-1.0.yaml", old)
    new = tmp_path / "plan-2.0.yaml"
    shutil.copy(old, new)
    assert run_cli("migrate", str(new), env={"PLANWIZARD_DATA": str(data_dir)}).returncode == 0
    text = new.read_text(encoding="utf-8").replace("Vastgesteld in de raad.", "Vastgesteld in de raad in 2025.")
    new.write_text(text, encoding="utf-8")
    result = run_cli("diff", str(old), str(new), env={"PLANWIZARD_DATA": str(data_dir)})
    assert result.returncode == 0, result.stderr
    assert "checklistversie 1.0" in result.stderr  # the old one was brought to the current version first
    assert "visie.uitgangspunten: Welke uitgangspunten?\n    tekst: Vastgesteld in de raad {+in 2025+}." in result.stdout
    assert "wonen.corporaties" not in result.stdout  # merged the same way on both sides: no difference


def test_generate_compare_adds_an_annex_of_the_changes(sample_plan_path, tmp_path, capsys):
    newer = tmp_path / "nieuw.yaml"
    loaded = load_plan(sample_plan_path)
    loaded.plan.info.version = "concept 0.4"
    loaded.plan.answers["visie.doelgroep"].status = "partial"
    loaded.plan.answers["visie.cijfers"].actions.append(Action("Raadsbrief", "Griffie", dt.date(2027, 3, 15)))
    save_plan(loaded.plan, newer, loaded.checklist)
    out = tmp_path / "concept.docx"
    assert main(["generate", str(newer), "--compare", str(sample_plan_path), "-o", str(out)]) == 0
    assert "zelfde versie" not in capsys.readouterr().err
    document = docx.Document(str(out))
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert headings[-1] == "Bijlage C: Wijzigingen ten opzichte van versie concept 0.3"
    table = document.tables[-1]
    assert [c.text for c in table.rows[0].cells] == ["Punt", "Wat veranderde"]
    rows = {row.cells[0].text: row.cells[1].text for row in table.rows[1:]}
    assert rows["3.2 Voor welke inwoners zijn beschermd wonen en beschermd thuis volgens de gemeente bedoeld?"] \
        == "Status: Geregeld → Deels geregeld"
    assert any("Actie erbij: Raadsbrief (trekker: Griffie; gereed: 15-03-2027)" in v for v in rows.values())
    header = table.rows[0]._tr.find(".//{*}tblHeader")
    assert header is not None  # the header row repeats on every page, as in every table of the draft
    struck = [r for r in document.tables[-1].rows[1].cells[1].paragraphs[0].runs if r.font.strike]
    assert [r.text for r in struck] == ["Geregeld"]


def test_generate_compare_warns_when_both_files_carry_the_same_plan_version(sample_plan_path, tmp_path, capsys):
    """After an import the plan keeps its version: an annex "ten opzichte van versie concept 0.3" in a
    draft that is itself concept 0.3 says nothing to a reader, so the user is told to raise it."""
    earlier = tmp_path / "heerlen.yaml.bak"
    earlier.write_bytes(sample_plan_path.read_bytes())
    out = tmp_path / "concept.docx"
    assert main(["generate", str(sample_plan_path), "--compare", str(earlier), "-o", str(out)]) == 0
    err = capsys.readouterr().err
    assert f"{earlier}: waarschuwing: zelfde versie (concept 0.3) als {sample_plan_path}: de bijlage heet dan " \
           "'Wijzigingen ten opzichte van versie concept 0.3'" in err
    assert out.is_file()
