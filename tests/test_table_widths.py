"""Table columns fit their content: no word in any table of the draft is split across lines."""

from __future__ import annotations

import io
import re
import subprocess
import zipfile

import pytest
from lxml import etree

from planwizard import labels
from planwizard.answers import load_plan
from planwizard.examples import load_library
from planwizard.render import build_document, load_template
from planwizard.render.measure import Font, Look, fit
from planwizard.resources import data_dir
from tests.test_libreoffice import _tools
from tests.test_render import NOW

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
LOOK = Look(Font("Arial", 18), Font("Arial", 18), margins=114)
LONG_OWNERS = (
    "Contractmanagement Regio Parkstad",
    "Beleidsadviseur Maatschappelijke Ondersteuning",
    "Samenwerkingsverband Beschermd Thuis Parkstad",
    "Woningcorporatie Weller",
    "Programmamanager Doordecentralisatie",
)


def test_every_column_is_at_least_as_wide_as_its_longest_word():
    rows = [["Opvolger van de regiovisie voorbereiden", "Contractmanagement Regio Parkstad", "30-06-2027",
             "4 Regiovisie, Norm voor Opdrachtgeverschap en regionale samenwerking"]]
    widths = fit(9070, LOOK, labels.DOC_ACTION_COLUMNS, rows)
    assert sum(widths) == 9070
    for width, words in zip(widths, ["Opvolger regiovisie", "Contractmanagement", "30-06-2027", "Opdrachtgeverschap"]):
        for word in words.split():
            assert width >= LOOK.margins + LOOK.text.width(word)
    # "Datum gereed" fits on one line in its column (it did not before: "Datum" over "gereed")
    assert widths[2] >= LOOK.margins + LOOK.header.width("Datum gereed", bold=True)


def test_short_table_gets_its_longest_lines_and_shares_the_rest():
    widths = fit(9000, LOOK, ("Nr", "Thema"), [["1", "Lokale visie"], ["12", "Monitoring en verantwoording"]])
    assert sum(widths) == 9000
    one_line = [LOOK.margins + LOOK.header.width("Nr", bold=True),
                LOOK.margins + LOOK.text.width("Monitoring en verantwoording")]
    assert all(width >= least for width, least in zip(widths, one_line))
    assert widths[1] > widths[0]


def test_room_goes_to_the_column_whose_text_wraps_most():
    long = "een lange beschrijving van wat er moet gebeuren " * 3
    widths = fit(9070, LOOK, ("Actie", "Trekker"), [[long, "Team Wmo Beleid"]] * 5)
    assert widths[0] > 2 * widths[1]
    assert widths[1] >= LOOK.margins + LOOK.text.width("Beleid")


def test_a_word_wider_than_the_page_shrinks_columns_without_failing():
    widths = fit(3000, LOOK, ("A", "B"), [["x" * 200, "y" * 100]])
    assert sum(widths) == 3000 and widths[0] > widths[1] > 0


def test_wider_family_and_bigger_size_need_wider_columns():
    word = "Contractmanagement"
    assert Font("Verdana", 18).width(word) > Font("Arial", 18).width(word) > Font("Calibri", 18).width(word)
    assert Font("Arial", 24).width(word) > Font("Arial", 18).width(word)
    assert Font("Een Onbekende Letter", 18).width(word) > Font("Arial", 18).width(word)


def test_template_look_is_read_from_its_styles():
    look = load_template().table_look
    assert look.text == Font("Arial", 18) and look.header == Font("Arial", 18)
    assert look.margins == 114  # 57 twips left and right in the Planwizard tabel style


def _cell_words(data: bytes) -> set[str]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        body = etree.fromstring(archive.read("word/document.xml"))
    words = set()
    for cell in body.iter(f"{W}tc"):
        for paragraph in cell.iter(f"{W}p"):
            words.update("".join(paragraph.itertext()).split())
    return words


def _whole(word: str, tokens: set[str]) -> bool:
    """The word stands on one line, or is broken only after one of its own hyphens ("Wmo-" "begeleiding")."""
    if word in tokens:
        return True
    pieces = re.findall(r"[^-]+-+|[^-]+$", word)
    for cut in range(1, len(pieces)):
        head, tail = "".join(pieces[:cut]), "".join(pieces[cut:])
        if head in tokens and _whole(tail, tokens):
            return True
    return False


@pytest.mark.slow
def test_no_word_of_any_table_is_split_in_the_pdf(tmp_path):
    soffice, pdftotext, _ = _tools()
    loaded = load_plan(data_dir("examples") / "plannen" / "heerlen.yaml")
    number = 0
    for answer in loaded.plan.answers.values():
        for action in answer.actions:
            action.owner = LONG_OWNERS[number % len(LONG_OWNERS)]
            number += 1
    assert number > 20
    data = build_document(loaded.plan, loaded.checklist, load_library(), load_template(), now=NOW)
    source = tmp_path / "heerlen.docx"
    source.write_bytes(data)
    result = subprocess.run(
        [soffice, f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}", "--headless", "--convert-to", "pdf",
         "--outdir", str(tmp_path), str(source)],
        capture_output=True, text=True, timeout=180,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    text = subprocess.run([pdftotext, "-layout", str(tmp_path / "heerlen.pdf"), "-"], capture_output=True,
                          text=True, check=True).stdout
    # Every table of the draft stands between the action plan and appendix A. The owners also
    # appear in full-width paragraphs elsewhere, so only the pages of the tables count.
    pages = [page.split() for page in text.split("\f")]
    first = next(i for i, page in enumerate(pages) if labels.DOC_ACTION_COLUMNS[1] in page)
    appendix = f"{labels.DOC_APPENDIX_CHECKLIST[0]}: {labels.DOC_APPENDIX_CHECKLIST[1]}"
    last = next(i for i in range(first, len(pages)) if appendix in " ".join(pages[i]))
    tokens = {token for page in pages[first:last] for token in page}
    words = _cell_words(data)
    assert {"Contractmanagement", "Maatschappelijke", "Samenwerkingsverband", "gereed"} <= words
    split = sorted(word for word in words if len(word) > 1 and not _whole(word, tokens))
    assert not split, f"words split across lines in a table: {split}"
