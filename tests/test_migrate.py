"""Migrating answer files between checklist versions: no answer is ever lost."""

from __future__ import annotations

import shutil

import pytest
import yaml

from planwizard.answers import load_plan
from tests.helpers import ROOT, run_cli

FIXTURES = ROOT / "tests" / "data" / "migratie"


@pytest.fixture
def data_dir(tmp_path, monkeypatch):
    """A data folder with the three versions of the practice checklist."""
    root = tmp_path / "data"
    shutil.copytree(FIXTURES / "checklists", root / "checklists")
    (root / "examples").symlink_to(ROOT / "examples")
    (root / "templates").symlink_to(ROOT / "templates")
    monkeypatch.setenv("PLANWIZARD_DATA", str(root))
    return root


@pytest.fixture
def old_plan(tmp_path, data_dir):
    path = tmp_path / "plan.yaml"
    shutil.copy(FIXTURES / "plan-1.0.yaml", path)
    return path


def test_validate_says_the_file_is_for_an_older_version(old_plan):
    result = run_cli("validate", str(old_plan))
    assert result.returncode == 0, result.stderr
    assert "checklistversie 1.0" in result.stderr
    assert "planwizard migrate" in result.stderr
    assert f"{old_plan}:2:" in result.stderr  # points at the checklist line


def test_migrate_accounts_for_every_answer(old_plan):
    before = old_plan.read_bytes()
    result = run_cli("migrate", str(old_plan))
    assert result.returncode == 0, result.stderr
    backup = old_plan.with_name("plan.yaml.1.0.bak")
    assert backup.read_bytes() == before

    data = yaml.safe_load(old_plan.read_text(encoding="utf-8"))
    assert data["checklist"] == {"id": "oefenlijst", "version": "2.0"}
    answers = data["answers"]
    # kept as it was
    assert answers["visie.uitgangspunten"] == {"status": "done", "notes": "Vastgesteld in de raad."}
    # renamed in 1.1: moved with its action
    assert answers["visie.doelen"]["notes"] == "Ambitie in concept."
    assert answers["visie.doelen"]["actions"][0]["what"] == "Ambitie vaststellen"
    # merged in 2.0: both notes, both actions, the example, the most open status
    merged = answers["wonen.corporaties"]
    assert "Prestatieafspraken met Weller." in merged["notes"]
    assert "Spreiding nog bespreken." in merged["notes"]
    assert "wonen.afspraken" in merged["notes"] and "wonen.spreiding" in merged["notes"]
    assert merged["status"] == "todo"
    assert [a["what"] for a in merged["actions"]] == ["Spreidingsplan maken"]
    assert merged["examples"] == ["apeldoorn-opstapregeling"]
    # split in 2.0: copied to both parts
    for part in ("wonen.uitstroom-route", "wonen.uitstroom-woningen"):
        assert answers[part] == {"status": "partial", "notes": "Uitstroom loopt via het toegangsteam."}
    # removed in 1.1: kept under retired_answers with where it came from
    retired = data["retired_answers"]["visie.oud"]
    assert retired["notes"] == "Deze vraag vervalt." and retired["status"] == "todo"
    assert retired["version"] == "1.0" and "1.1" in retired["reason"]
    # the report names every move
    for fragment in ("visie.ambitie -> visie.doelen", "wonen.afspraken -> wonen.corporaties",
                     "wonen.uitstroom -> wonen.uitstroom-route", "visie.oud vervallen"):
        assert fragment in result.stdout


def test_migrated_file_loads_clean_and_migrating_again_changes_nothing(old_plan):
    assert run_cli("migrate", str(old_plan)).returncode == 0
    loaded = load_plan(old_plan)
    assert loaded.migrated_from is None and not loaded.warnings
    after = old_plan.read_bytes()
    again = run_cli("migrate", str(old_plan))
    assert again.returncode == 0 and "niets te doen" in again.stdout
    assert old_plan.read_bytes() == after


def test_every_old_text_survives_in_memory_migration(old_plan):
    loaded = load_plan(old_plan)
    assert loaded.migrated_from == "1.0"
    texts = [a.notes for a in loaded.plan.answers.values()] + [r.answer.notes for r in loaded.plan.retired.values()]
    joined = "\n".join(texts)
    original = yaml.safe_load(old_plan.read_text(encoding="utf-8"))["answers"]
    for answer in original.values():
        assert answer["notes"] in joined


def test_unknown_old_version_is_an_error(tmp_path, data_dir):
    path = tmp_path / "plan.yaml"
    path.write_text((FIXTURES / "plan-1.0.yaml").read_text().replace('"1.0"', '"0.9"'), encoding="utf-8")
    result = run_cli("validate", str(path))
    assert result.returncode == 1
    assert f"{path}:2:" in result.stderr and "0.9" in result.stderr and "1.0, 1.1, 2.0" in result.stderr


def test_future_version_asks_for_an_update(tmp_path, data_dir):
    path = tmp_path / "plan.yaml"
    path.write_text((FIXTURES / "plan-1.0.yaml").read_text().replace('"1.0"', '"3.0"'), encoding="utf-8")
    result = run_cli("validate", str(path))
    assert result.returncode == 1 and "nieuwer" in result.stderr and "werk planwizard bij" in result.stderr
