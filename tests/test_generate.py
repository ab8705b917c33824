"""``planwizard generate``: writes a complete draft or nothing, and says clearly why not."""

from __future__ import annotations

import zipfile

import docx
import pytest

from planwizard import labels
from planwizard.answers import load_plan
from planwizard.cli import main
from planwizard.render import generate_file
from tests.helpers import run_cli
from tests.test_render import write_full_plan


@pytest.fixture
def plan_file(tmp_path):
    return write_full_plan(tmp_path)


def test_generate_writes_the_draft_and_prints_its_path(plan_file, tmp_path, capsys):
    out = tmp_path / "concept.docx"
    assert main(["generate", str(plan_file), "-o", str(out)]) == 0
    assert capsys.readouterr().out.strip() == str(out)
    document = docx.Document(str(out))
    assert document.core_properties.title == "Uitvoeringsplan beschermd thuis Proefstad"


def test_default_output_name_in_the_current_folder(plan_file, tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    assert main(["generate", str(plan_file)]) == 0
    assert capsys.readouterr().out.strip() == "Uitvoeringsplan Proefstad concept 0.3.docx"
    assert zipfile.is_zipfile(tmp_path / "Uitvoeringsplan Proefstad concept 0.3.docx")


def test_bundled_template_can_be_named(plan_file, tmp_path):
    assert main(["generate", str(plan_file), "-o", str(tmp_path / "a.docx"), "--template", "standaard"]) == 0


@pytest.mark.parametrize(
    ("out", "message"),
    [
        ("missing/folder/plan.docx", labels.ERR_NO_FOLDER),
        (".", labels.ERR_IS_DIR),
        ("plan.yaml", labels.ERR_OUT_SUFFIX),
    ],
)
def test_bad_output_path_is_a_clear_error(plan_file, tmp_path, capsys, out, message):
    target = tmp_path / out
    assert main(["generate", str(plan_file), "-o", str(target)]) == 1
    err = capsys.readouterr().err
    assert message in err and str(target) in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["proefstad.yaml"]


def test_the_answer_file_itself_is_never_the_output(tmp_path, capsys):
    plan = write_full_plan(tmp_path).rename(tmp_path / "plan.docx")
    before = plan.read_bytes()
    assert main(["generate", str(plan), "-o", str(plan)]) == 1
    assert labels.ERR_OUT_IS_INPUT in capsys.readouterr().err
    assert plan.read_bytes() == before


def test_invalid_plan_writes_nothing(tmp_path, capsys):
    bad = tmp_path / "bad.yaml"
    bad.write_text("format: planwizard/1\nchecklist: {id: vng-beschermd-thuis, version: '2026.1'}\n"
                   "municipality: {name: X}\nanswers: {onbekend.punt: {status: done}}\n", encoding="utf-8")
    out = tmp_path / "uit.docx"
    assert main(["generate", str(bad), "-o", str(out)]) == 1
    assert "bad.yaml:4" in capsys.readouterr().err
    assert not out.exists()


def test_broken_template_keeps_the_existing_output(plan_file, tmp_path, capsys):
    out = tmp_path / "concept.docx"
    out.write_bytes(b"previous draft")
    template = tmp_path / "huisstijl"
    assert main(["template", "init", str(template)]) == 0
    (template / "blocks" / "context.j2").write_text("# Kaders\n{% for %}\n", encoding="utf-8")
    capsys.readouterr()
    assert main(["generate", str(plan_file), "-o", str(out), "--template", str(template)]) == 1
    assert "context.j2:2" in capsys.readouterr().err
    assert out.read_bytes() == b"previous draft"


def test_a_failure_while_building_leaves_the_old_file_and_no_temporaries(plan_file, tmp_path, monkeypatch):
    out = tmp_path / "concept.docx"
    out.write_bytes(b"previous draft")
    loaded = load_plan(plan_file)

    def explode(*args, **kwargs):
        raise RuntimeError("half way")

    monkeypatch.setattr("planwizard.render.build.build_document", explode)
    with pytest.raises(RuntimeError):
        generate_file(loaded, out)
    assert out.read_bytes() == b"previous draft"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["concept.docx", "proefstad.yaml"]


def test_existing_output_is_replaced_by_the_complete_draft(plan_file, tmp_path):
    out = tmp_path / "concept.docx"
    out.write_bytes(b"previous draft")
    assert generate_file(load_plan(plan_file), out) == out
    with zipfile.ZipFile(out) as archive:
        assert archive.testzip() is None
        assert "word/document.xml" in archive.namelist()


def test_real_command_line(plan_file, tmp_path):
    out = tmp_path / "cli.docx"
    result = run_cli("generate", str(plan_file), "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == str(out)
    missing = run_cli("generate", str(tmp_path / "nergens.yaml"))
    assert missing.returncode == 1 and "nergens.yaml" in missing.stderr and "Traceback" not in missing.stderr
