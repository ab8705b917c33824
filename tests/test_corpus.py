"""Every hostile or broken input gets a clear, located message and exit 1, never a traceback."""

from __future__ import annotations

import pytest

from planwizard.cli import main
from tests.corpus import generated, stored

STORED = stored()


def test_corpus_is_large_enough(tmp_path):
    assert len(STORED) + len(generated(tmp_path)) >= 50


def check(case, code: int, err: str) -> None:
    assert "Traceback" not in err
    assert code == case.exit, err
    if case.exit:
        first = err.strip().splitlines()[0]
        assert first.startswith(case.expected_prefix()), first
        assert case.message in err, err
    elif case.message:  # a warning: shown with its location, and the command still succeeds
        warning = next((line for line in err.splitlines() if case.message in line), "")
        assert warning.startswith(case.expected_prefix()), err


@pytest.mark.parametrize("case", STORED, ids=lambda c: c.name)
def test_validate_stored_case(case, capsys):
    code = main(["validate", str(case.path)])
    check(case, code, capsys.readouterr().err)


def test_validate_generated_cases(tmp_path, capsys):
    for case in generated(tmp_path):
        code = main(["validate", str(case.path)])
        check(case, code, capsys.readouterr().err)


@pytest.mark.parametrize("case", STORED, ids=lambda c: c.name)
def test_generate_stored_case_keeps_an_existing_output(case, tmp_path, capsys):
    out = tmp_path / "concept.docx"
    out.write_bytes(b"vorige versie")
    code = main(["generate", str(case.path), "-o", str(out)])
    check(case, code, capsys.readouterr().err)
    if case.exit:
        assert out.read_bytes() == b"vorige versie"
    else:
        assert out.read_bytes()[:2] == b"PK"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["concept.docx"]  # no temporaries left


def test_generate_generated_cases(tmp_path, capsys):
    out = tmp_path / "uit" / "concept.docx"
    out.parent.mkdir()
    for case in generated(tmp_path / "in"):
        code = main(["generate", str(case.path), "-o", str(out)])
        err = capsys.readouterr().err
        assert "Traceback" not in err and code == 1, (case.name, err)
        assert not out.exists()


def test_generate_refuses_bad_output_paths(tmp_path, capsys):
    plan = STORED[0].path.parent / "bom-utf8.yaml"
    for target, fragment in ((tmp_path / "nope" / "x.docx", "bestaat niet"), (tmp_path, "is een map")):
        assert main(["generate", str(plan), "-o", str(target)]) == 1
        err = capsys.readouterr().err
        assert fragment in err and "Traceback" not in err


def test_batch_over_the_whole_corpus(tmp_path, capsys):
    import shutil

    folder = tmp_path / "in"
    folder.mkdir()
    for case in STORED:
        shutil.copy(case.path, folder / case.name)
    out = tmp_path / "uit"
    code = main(["batch", str(folder), "--out-dir", str(out), "--jobs", "2"])
    err = capsys.readouterr().err
    assert code == 1 and "Traceback" not in err
    failures = {line.strip().split(":", 1)[0] for line in err.splitlines() if line.startswith("  ")}
    for case in STORED:
        copied = str(folder / case.name)
        if case.exit:
            assert copied in failures, case.name
            assert case.message in err, case.name
    drafts = list(out.iterdir())
    assert len(drafts) == sum(1 for c in STORED if not c.exit)
    assert all(p.suffix == ".docx" and p.parent == out for p in drafts)
