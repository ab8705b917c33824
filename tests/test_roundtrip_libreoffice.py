"""The round trip through a real word processor: LibreOffice opens the draft and saves it as .docx.

LibreOffice drops the tags of content controls and rewrites much of the XML (style ids,
numbering, the table of contents, bookmark ids); the marks must survive all of it.
"""

from __future__ import annotations

import subprocess

import pytest

from planwizard.answers import load_plan
from planwizard.cli import main
from planwizard.render import generate_file
from tests.draftedit import DraftDoc
from tests.test_libreoffice import _tools

pytestmark = pytest.mark.slow


def saved_by_libreoffice(draft, folder):
    """``draft`` opened and saved as .docx by LibreOffice (its own profile); the new file."""
    soffice = _tools()[0]
    folder.mkdir()
    result = subprocess.run(
        [soffice, f"-env:UserInstallation={(folder / 'profile').as_uri()}", "--headless", "--convert-to", "docx",
         "--outdir", str(folder), str(draft)],
        capture_output=True, text=True, timeout=240,
    )
    target = folder / draft.name
    assert result.returncode == 0 and target.is_file(), result.stdout + result.stderr
    return target


def test_a_draft_saved_by_libreoffice_imports_without_any_change(sample_plan_path, tmp_path, capsys):
    draft = generate_file(load_plan(sample_plan_path), tmp_path / "concept.docx")
    resaved = saved_by_libreoffice(draft, tmp_path / "lo")
    assert b"w:tag" not in __import__("zipfile").ZipFile(resaved).read("word/document.xml")  # as measured
    before = sample_plan_path.read_bytes()
    assert main(["import", str(resaved), "--into", str(sample_plan_path)]) == 0
    out, err = capsys.readouterr()
    assert out.startswith(f"{sample_plan_path}: het concept bevat geen wijzigingen") and str(resaved) not in err
    assert sample_plan_path.read_bytes() == before


def test_edits_saved_by_libreoffice_come_back_exactly(sample_plan_path, tmp_path, capsys):
    before = load_plan(sample_plan_path).plan.answers
    draft = generate_file(load_plan(sample_plan_path), tmp_path / "concept.docx")
    doc = DraftDoc(draft)
    second = doc.item(2)
    doc.retype(second["text"][0], "psychische", "ernstige psychische")
    doc.enter_after(second["text"][0], "Een nieuwe alinea, opgeslagen door LibreOffice.")
    doc.choose_status(second["status"][0], "Deels geregeld", "partial")
    bullets = [p for p in doc.item(1)["text"] if doc.style(p) == "ListBullet"]
    doc.delete(bullets[0])
    doc.save()
    resaved = saved_by_libreoffice(draft, tmp_path / "lo")
    assert main(["import", str(resaved), "--into", str(sample_plan_path)]) == 0
    out, err = capsys.readouterr()
    assert str(resaved) not in err
    after = load_plan(sample_plan_path).plan.answers
    assert {k for k in before if before[k] != after.get(k)} == {"visie.uitgangspunten", "visie.doelgroep"}
    paragraphs = before["visie.doelgroep"].notes.split("\n\n")
    paragraphs[0] = paragraphs[0].replace("psychische", "ernstige psychische", 1)
    paragraphs.insert(1, "Een nieuwe alinea, opgeslagen door LibreOffice.")
    assert after["visie.doelgroep"].notes == "\n\n".join(paragraphs)
    assert after["visie.doelgroep"].status == "partial"
    removed = doc.text(bullets[0])
    assert after["visie.uitgangspunten"].notes == before["visie.uitgangspunten"].notes.replace(f"- {removed}\n", "")


def test_the_national_status_edited_in_chapter_2_and_saved_by_libreoffice_comes_in(sample_plan_path, tmp_path,
                                                                                    capsys):
    before = load_plan(sample_plan_path).plan.answers
    draft = generate_file(load_plan(sample_plan_path), tmp_path / "concept.docx")
    doc = DraftDoc(draft)
    own = doc.item(7)["text"]
    copy = next(p for p in doc.body if doc.text(p) == doc.text(own[0]))
    assert copy is not own[0]  # chapter 2 repeats it before the item
    doc.retype(copy, "nog niet door de Tweede Kamer behandeld", "intussen door de Tweede Kamer aangenomen")
    doc.save()
    resaved = saved_by_libreoffice(draft, tmp_path / "lo")
    assert main(["import", str(resaved), "--into", str(sample_plan_path)]) == 0
    err = capsys.readouterr().err
    assert "punt 3.7 (visie.landelijke-stand): de tekst is aangepast in hoofdstuk 2" in err
    assert "tekst buiten de gemarkeerde delen" not in err
    after = load_plan(sample_plan_path).plan.answers
    assert {k for k in before if before[k] != after.get(k)} == {"visie.landelijke-stand"}
    assert after["visie.landelijke-stand"].notes == before["visie.landelijke-stand"].notes.replace(
        "nog niet door de Tweede Kamer behandeld", "intussen door de Tweede Kamer aangenomen")
