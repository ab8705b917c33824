"""The first real migration: every 2026.1 answer file reaches checklist 2027.1 with nothing lost.

A corpus of 2026.1 plans is generated from the 2026.1 checklist itself, so it covers every
item (also those renamed, merged, split or removed in 2027.1) with notes, actions and
examples and every mix of statuses; the three hand-written sample plans of 2026.1 are kept
in tests/data/plannen-2026.1. All must migrate, validate and generate.
"""

from __future__ import annotations

import datetime as dt
import shutil

import pytest
import yaml

from planwizard import checklist as checklists
from planwizard.answers import dumps, load_plan, problems_of
from planwizard.examples import load_library
from planwizard.model import Action, Answer, Municipality, Plan, PlanInfo
from planwizard.render.build import build_document
from planwizard.render.template import load_template
from tests.helpers import ROOT, run_cli

OLD = "2026.1"
SAMPLES_2026 = ROOT / "tests" / "data" / "plannen-2026.1"
STATUSES = ("done", "partial", "todo", "not_applicable", None)
OPENNESS = ("todo", "partial", "done", "not_applicable")
CORPUS_SIZE = 10


@pytest.fixture(scope="module")
def old_checklist():
    found = checklists.get("vng-beschermd-thuis", OLD)
    assert found is not None and found.version == OLD
    return found


def corpus_plan(number: int, old) -> Plan:
    """Plan ``number``: every 2026.1 item answered with text, actions and examples, statuses rotating."""
    answers = {}
    for index, item in enumerate(old.items.values()):
        status = STATUSES[(number + index) % len(STATUSES)]
        notes = f"Tekst {number}/{item.id}: eerste alinea.\n\n- punt a van {item.id}\n- punt b\n"
        actions = [Action(f"Actie {number}/{item.id}/{k}", f"Team {k}", dt.date(2027, 1 + (index + k) % 12, 1 + k))
                   for k in range((number + index) % 3)]
        examples = list(item.examples[: 1 + (number + index) % 2])
        answers[item.id] = Answer(status, notes, actions, examples)
    return Plan(Municipality(f"Proefgemeente {number}", "", "Proefregio", "Centrumstad"), old.id, OLD,
                PlanInfo(f"Plan {number}", "2026-2029", "A. Auteur", "Gemeente", dt.date(2026, 6, 1), "concept"),
                answers)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory, old_checklist):
    folder = tmp_path_factory.mktemp("corpus-2026.1")
    for number in range(CORPUS_SIZE):
        (folder / f"plan-{number:02d}.yaml").write_text(dumps(corpus_plan(number, old_checklist), old_checklist),
                                                        encoding="utf-8")
    for sample in sorted(SAMPLES_2026.glob("*.yaml")):
        shutil.copy(sample, folder / sample.name)
    return folder


def originals(folder):
    return {path.name: yaml.safe_load(path.read_text(encoding="utf-8")) for path in sorted(folder.glob("*.yaml"))}


def test_the_changes_block_accounts_for_every_item_of_both_versions(checklist, old_checklist):
    changes = checklist.changes
    assert changes is not None and changes.previous == OLD
    gone = set(old_checklist.items) - set(checklist.items)
    merged_away = {old for new, olds in changes.merged.items() for old in olds if old != new}
    assert gone == set(changes.renamed) | merged_away | set(changes.split) | set(changes.removed)
    new = set(checklist.items) - set(old_checklist.items)
    targets = set(changes.renamed.values()) | set(changes.merged) | {n for ns in changes.split.values() for n in ns}
    assert new == (targets - set(old_checklist.items)) | set(changes.added)
    assert not set(changes.added) & targets


def test_every_2026_answer_survives_in_memory_migration(corpus, checklist, old_checklist):
    changes = checklist.changes
    merged_into = {old: new for new, olds in changes.merged.items() for old in olds}
    for name, data in originals(corpus).items():
        loaded = load_plan(corpus / name)
        assert loaded.migrated_from == OLD and loaded.plan.checklist_version == checklist.version
        plan = loaded.plan
        for old_id, answer in data["answers"].items():
            target_ids = ([changes.renamed[old_id]] if old_id in changes.renamed
                          else [merged_into[old_id]] if old_id in merged_into
                          else list(changes.split[old_id]) if old_id in changes.split
                          else [old_id] if old_id in checklist.items else [])
            homes = [plan.answers[t] for t in target_ids] or [plan.retired[old_id].answer]
            for home in homes:
                if answer.get("notes"):
                    assert answer["notes"].strip() in home.notes, (name, old_id)
                for action in answer.get("actions", []):
                    assert action["what"] in [a.what for a in home.actions], (name, old_id)
                assert set(answer.get("examples", [])) <= set(home.examples), (name, old_id)
                if answer.get("status") and old_id not in merged_into:
                    assert home.status == answer["status"], (name, old_id)
        # merged items take the most open status of their parts
        for new_id, olds in changes.merged.items():
            parts = [data["answers"][o]["status"] for o in olds if data["answers"].get(o, {}).get("status")]
            if parts:
                assert plan.answers[new_id].status == min(parts, key=OPENNESS.index), (name, new_id)
        # no action is duplicated except by a split (copied to each part on purpose)
        split_actions = sum(len(data["answers"].get(o, {}).get("actions", [])) * (len(ns) - 1)
                            for o, ns in changes.split.items())
        before = sum(len(a.get("actions", [])) for a in data["answers"].values())
        after = sum(len(a.actions) for a in plan.answers.values()) + sum(len(r.answer.actions)
                                                                          for r in plan.retired.values())
        assert after == before + split_actions, name


def test_merged_text_names_the_old_question_and_a_status_conflict_is_reported(corpus, old_checklist):
    loaded = load_plan(corpus / "plan-00.yaml")
    merged = loaded.plan.answers["wonen.omwonenden"].notes
    assert f"'{old_checklist.items['wonen.inclusieve-wijk'].question}'" in " ".join(merged.split())
    assert "(wonen.inclusieve-wijk)" in merged and "(participatie.omwonenden)" in merged
    statuses = {loaded.plan.answers["wonen.omwonenden"].status}
    assert statuses <= {"todo", "partial", "done", "not_applicable"}
    conflicts = [line for line in loaded.migration_report if "verschillende status" in line]
    assert conflicts and all("controleer" in line for line in conflicts)
    assert any("de vraag is herschreven" in line for line in loaded.migration_report)


def test_the_corpus_migrates_on_disk_validates_and_generates(corpus, tmp_path):
    folder = tmp_path / "plannen"
    shutil.copytree(corpus, folder)
    plans = sorted(folder.glob("*.yaml"))
    result = run_cli("migrate", str(folder))
    assert result.returncode == 0, result.stderr
    assert f"{len(plans)} bestanden omgezet, 0 al actueel; 0 antwoorden bewaard onder 'retired_answers'" \
        in result.stdout
    assert len(list(folder.glob("*.2026.1.bak"))) == len(plans)
    library, template = load_library(), load_template()
    for path in plans:
        problems = problems_of(path)
        assert not problems.errors, [str(p) for p in problems.errors]
        loaded = load_plan(path)
        assert loaded.migrated_from is None and not loaded.plan.retired
        assert build_document(loaded.plan, loaded.checklist, library, template)[:2] == b"PK"
    again = run_cli("migrate", str(folder))
    assert again.returncode == 0 and f"0 bestanden omgezet, {len(plans)} al actueel" in again.stdout


def test_no_2026_item_is_retired_because_every_one_has_a_place_in_2027(checklist):
    assert checklist.changes.removed == ()


def test_the_shipped_samples_are_at_the_current_version(checklist):
    for path in sorted((ROOT / "examples" / "plannen").glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert data["checklist"]["version"] == checklist.version, path.name
        assert not problems_of(path).errors, path.name
