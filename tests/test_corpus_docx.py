"""Every broken or hostile .docx is refused by ``planwizard import``: one clear line, exit 1, file untouched."""

from __future__ import annotations

import time
import tracemalloc

import pytest

from planwizard.cli import main
from tests.docx_corpus import FOLDER, generated, stored

STORED = stored()


def check(case, plan, capsys) -> None:
    before = plan.read_bytes()
    assert main(["import", str(case.path), "--into", str(plan)]) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert err.startswith(f"{case.path}: "), err
    assert case.message in err, err
    assert plan.read_bytes() == before
    assert [p for p in plan.parent.iterdir() if plan.name in p.name] == [plan]  # no backup, no temporary


def test_every_stored_file_is_in_the_manifest():
    assert {p.name for p in FOLDER.glob("*.docx")} == {case.name for case in STORED}


@pytest.mark.parametrize("case", STORED, ids=lambda c: c.name)
def test_stored_case_is_refused(case, sample_plan_path, capsys):
    check(case, sample_plan_path, capsys)


def test_bombs_and_giants_are_refused_quickly_in_little_memory(tmp_path, sample_plan_path, capsys):
    main(["import", str(STORED[0].path), "--into", str(sample_plan_path)])  # imports loaded before timing
    capsys.readouterr()
    for case in generated(tmp_path / "gemaakt"):  # (not beside the plan)
        tracemalloc.start()
        start = time.perf_counter()
        check(case, sample_plan_path, capsys)
        spent = time.perf_counter() - start
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        assert spent < 0.5, (case.name, spent)
        assert peak < 8 * 1024 * 1024, (case.name, peak)


def test_the_limit_on_all_parts_together_holds(monkeypatch, sample_plan_path, tmp_path, capsys):
    from planwizard.roundtrip import docxread
    from planwizard.render import generate_file
    from planwizard.answers import load_plan

    draft = generate_file(load_plan(sample_plan_path), tmp_path / "concept.docx")
    monkeypatch.setattr(docxread, "MAX_READ", 200_000)  # below what a full draft's parts add up to
    assert main(["import", str(draft), "--into", str(sample_plan_path)]) == 1
    assert "is uitgepakt groter dan" in capsys.readouterr().err
