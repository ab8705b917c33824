"""A real client: LibreOffice opens the draft and turns it into a PDF that shows the plan.

Needs ``soffice`` (libreoffice-writer-nogui) and ``pdftotext`` (poppler-utils); ``.ci/run``
installs them. Under CI=true their absence fails the test instead of skipping it.
"""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest

from planwizard.answers import load_plan
from planwizard.examples import load_library
from planwizard.render import build_document, load_template
from tests.conftest import IN_CI
from tests.test_render import NOW, write_full_plan

pytestmark = pytest.mark.slow


def _tools() -> tuple[str, str, str]:
    found = tuple(shutil.which(name) or "" for name in ("soffice", "pdftotext", "pdfinfo"))
    missing = [name for name, path in zip(("soffice", "pdftotext", "pdfinfo"), found) if not path]
    if missing:
        message = (f"LibreOffice/poppler ontbreekt: {', '.join(missing)} "
                   "(installeer libreoffice-writer-nogui en poppler-utils)")
        if IN_CI:
            pytest.fail(message)
        pytest.skip(message)
    return found  # type: ignore[return-value]


@pytest.fixture(scope="module")
def pdf(tmp_path_factory):
    """(loaded plan, text of the PDF LibreOffice made from its draft, number of pages)."""
    soffice, pdftotext, pdfinfo = _tools()
    folder = tmp_path_factory.mktemp("lo")
    loaded = load_plan(write_full_plan(folder))
    source = folder / "proefstad.docx"
    source.write_bytes(build_document(loaded.plan, loaded.checklist, load_library(), load_template(), now=NOW))
    profile = (folder / "profile").as_uri()  # own profile: no clash with another LibreOffice running
    result = subprocess.run(
        [soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf", "--outdir", str(folder),
         str(source)],
        capture_output=True, text=True, timeout=180,
    )
    target = folder / "proefstad.pdf"
    assert result.returncode == 0 and target.is_file(), result.stdout + result.stderr
    text = subprocess.run([pdftotext, "-layout", str(target), "-"], capture_output=True, text=True, check=True).stdout
    info = subprocess.run([pdfinfo, str(target)], capture_output=True, text=True, check=True).stdout
    pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))
    return loaded, text, pages


def flat(text: str) -> str:
    return " ".join(text.split())


def test_pdf_shows_gemeente_every_theme_and_the_notes(pdf):
    loaded, text, _ = pdf
    words = flat(text)
    assert "Gemeente Proefstad" in words
    for theme in loaded.checklist.themes:
        assert theme.title in words
    assert "Proefstad kiest voor wonen in de wijk. Deze regel hoort bij dezelfde alinea." in words
    assert "gewone wijk is de norm; met ondersteuning die meebeweegt" in words
    assert "Antwoord dat bleef staan nadat het punt verviel." in words


def test_pdf_has_contents_lists_and_page_numbers(pdf):
    _, text, pages = pdf
    pages_text = text.split("\f")
    contents = flat(pages_text[1])
    assert "Inhoud" in contents and "3 Lokale visie en ambitie" in contents and "14 Actieplan" in contents
    assert f"Pagina 2 van {pages}" in flat(pages_text[1])
    assert "Pagina" not in pages_text[0]  # the title page has no footer
    words = flat(text)
    assert "1. visie vaststellen 2. regio informeren" in words
    assert "1. monitor opzetten 2. evalueren" in words  # the second list starts at 1 again
