"""Batch generation: good files become drafts inside the output folder, bad ones are listed."""

from __future__ import annotations

import shutil
import zipfile

import pytest

from tests.helpers import ROOT, answer_file, run_cli, write_files

PLANS = ROOT / "examples" / "plannen"
pytestmark = pytest.mark.slow


@pytest.fixture
def mixed(tmp_path):
    """Three good sample plans plus hostile and broken files."""
    folder = tmp_path / "plannen"
    shutil.copytree(PLANS, folder)
    write_files(
        folder,
        {
            "kapot.yaml": "format: planwizard/1\nanswers: [\n",
            "onbekend.yaml": answer_file("\n  visie.bestaat-niet: {status: done}\n"),
            "slash.yaml": answer_file().replace("name: Heerlen", 'name: "../../Heer/len"').replace(
                "version: concept 0.1", "version: ../../../etc"
            ),
            "newline.yaml": answer_file().replace("name: Heerlen", 'name: "Heer\\nlen"'),
        },
    )
    return folder


def test_good_files_become_drafts_inside_the_folder_bad_ones_are_listed(mixed, tmp_path):
    out = tmp_path / "uit"
    result = run_cli("batch", str(mixed), "--out-dir", str(out))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    names = sorted(p.name for p in out.iterdir())
    assert names == [
        "Uitvoeringsplan Heer len etc.docx",
        "Uitvoeringsplan Heerlen concept 0.3.docx",
        "Uitvoeringsplan Simpelveld concept 0.2.docx",
        "Uitvoeringsplan Vaals concept 0.1.docx",
    ]
    # nothing written anywhere else
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plannen", "uit"]
    for draft in out.iterdir():
        assert zipfile.ZipFile(draft).testzip() is None
    assert "4 concepten geschreven" in result.stderr
    assert "3 bestanden mislukt" in result.stderr
    assert f"{mixed / 'kapot.yaml'}:3:" in result.stderr
    assert f"{mixed / 'onbekend.yaml'}:6:3: onbekend checklistpunt 'visie.bestaat-niet'" in result.stderr
    assert f"{mixed / 'newline.yaml'}:3:" in result.stderr and "op één regel" in result.stderr


def test_one_and_two_jobs_give_identical_documents(tmp_path):
    env = {"SOURCE_DATE_EPOCH": "1795000000"}
    one, two = tmp_path / "een", tmp_path / "twee"
    assert run_cli("batch", str(PLANS), "--out-dir", str(one), "--jobs", "1", env=env).returncode == 0
    assert run_cli("batch", str(PLANS), "--out-dir", str(two), "--jobs", "2", env=env).returncode == 0
    names = sorted(p.name for p in one.iterdir())
    assert names == sorted(p.name for p in two.iterdir()) and len(names) == 3
    for name in names:
        assert (one / name).read_bytes() == (two / name).read_bytes(), name


def test_without_a_fixed_time_only_the_creation_time_differs(tmp_path):
    one, two = tmp_path / "een", tmp_path / "twee"
    assert run_cli("batch", str(PLANS / "vaals.yaml"), "--out-dir", str(one), "--jobs", "1").returncode == 0
    assert run_cli("batch", str(PLANS / "vaals.yaml"), "--out-dir", str(two), "--jobs", "2").returncode == 0
    a = zipfile.ZipFile(next(one.iterdir()))
    b = zipfile.ZipFile(next(two.iterdir()))
    assert a.namelist() == b.namelist()
    differing = [n for n in a.namelist() if a.read(n) != b.read(n)]
    assert differing in ([], ["docProps/core.xml"])


def test_same_gemeente_twice_never_overwrites(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(PLANS / "vaals.yaml", folder / "a.yaml")
    shutil.copy(PLANS / "vaals.yaml", folder / "b.yaml")
    out = tmp_path / "uit"
    result = run_cli("batch", str(folder), "--out-dir", str(out))
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in out.iterdir()) == [
        "Uitvoeringsplan Vaals concept 0.1 (2).docx",
        "Uitvoeringsplan Vaals concept 0.1.docx",
    ]


def test_pipe_output_is_one_line_per_draft(tmp_path):
    result = run_cli("batch", str(PLANS), "--out-dir", str(tmp_path / "uit"))
    lines = result.stdout.strip().splitlines()
    assert len(lines) == 3 and all("\t" in line for line in lines)
    assert "\x1b[" not in result.stderr  # no progress bar codes in a pipe


def test_output_folder_that_is_a_file_and_bad_template(tmp_path):
    blocker = tmp_path / "uit"
    blocker.write_text("ik ben een bestand", encoding="utf-8")
    result = run_cli("batch", str(PLANS), "--out-dir", str(blocker))
    assert result.returncode == 1 and "geen map" in result.stderr
    assert blocker.read_text(encoding="utf-8") == "ik ben een bestand"
    broken = tmp_path / "sjabloon"
    broken.mkdir()
    result = run_cli("batch", str(PLANS), "--out-dir", str(tmp_path / "leeg"), "--template", str(broken))
    assert result.returncode == 1 and "reference.docx" in result.stderr
    assert not (tmp_path / "leeg").exists()  # nothing written before the template was checked
