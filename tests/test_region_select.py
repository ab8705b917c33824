"""`region --regio`: one region's plans, warnings for the others, the members without a plan;
without --regio the plans are grouped per region."""

from __future__ import annotations

import csv
import io
import shutil

import docx
import pytest

from planwizard.answers import new_plan, save_plan
from planwizard.gemeenten import registry
from tests.helpers import ROOT, run_cli

PARKSTAD_WITHOUT_PLAN = ["Beekdaelen", "Brunssum", "Kerkrade", "Landgraaf", "Voerendaal"]


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    """Heerlen and Simpelveld (Parkstad), Vaals (no region in the file: Maastricht-Heuvelland by the list),
    Hoogeveen (states a region the list does not know) and Roermond (no region; the list is not sure)."""
    folder = tmp_path_factory.mktemp("plannen")
    for name in ("heerlen.yaml", "simpelveld.yaml", "vaals.yaml"):
        shutil.copy(ROOT / "examples" / "plannen" / name, folder / name)
    save_plan(new_plan("Hoogeveen", code="GM0118", region="Zuidwest-Drenthe"), folder / "hoogeveen.yaml")
    save_plan(new_plan("Roermond", code="GM0957"), folder / "roermond.yaml")
    return folder


def test_markdown_of_one_region_names_its_members_without_a_plan_and_warns_about_the_rest(folder):
    result = run_cli("region", str(folder), "--regio", "heerlen", "-o", "-", "--format", "markdown")
    assert result.returncode == 0, result.stderr
    text = result.stdout
    assert "**Regio Parkstad (centrumgemeente Heerlen)**" in text
    assert "van 2 gemeenten van regio Parkstad samen" in text
    matrix = text.split("## Stand per gemeente en thema")[1].split("## ")[0]
    assert [line.split(" | ")[0][2:] for line in matrix.splitlines() if line.startswith("| ") and "/" in line] \
        == ["Heerlen", "Simpelveld"]
    missing = text.split("## Gemeenten van de regio zonder plan")[1].split("## ")[0]
    assert "Van 5 van de 7 gemeenten van regio Parkstad" in missing
    assert [line.split(" | ")[0][2:] for line in missing.splitlines() if "| GM" in line] == PARKSTAD_WITHOUT_PLAN
    warnings = result.stderr.strip().splitlines()
    assert sorted(warnings) == sorted([
        f"{folder / 'hoogeveen.yaml'}: overgeslagen: Hoogeveen hoort bij Zuidwest-Drenthe, niet bij Parkstad",
        f"{folder / 'roermond.yaml'}: overgeslagen: Roermond hoort bij een onbekende regio, niet bij Parkstad",
        f"{folder / 'vaals.yaml'}: overgeslagen: Vaals hoort bij Maastricht-Heuvelland, niet bij Parkstad",
    ])


def test_csv_marks_members_without_a_plan_and_stays_one_header_per_column(folder):
    result = run_cli("region", str(folder), "--regio", "Parkstad", "-o", "-", "--format", "csv")
    assert result.returncode == 0, result.stderr
    header = result.stdout.splitlines()[0].split(",")
    assert len(header) == len(set(header))
    assert header[-3:] == ["bw_regio", "plan_aanwezig", "bw_regio_betrouwbaarheid"]
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [(r["gemeente"], r["plan_aanwezig"]) for r in rows] == [
        ("Heerlen", "ja"), ("Simpelveld", "ja"), *[(name, "nee") for name in PARKSTAD_WITHOUT_PLAN]]
    for row in rows:
        assert row["bw_regio"] == "Parkstad" and row["bw_regio_betrouwbaarheid"] == "hoog"
        assert row["code"] == registry().find(row["gemeente"]).code
        filled = [row["visie"], row["totaal"], row["percentage_geregeld"], row["bestand"]]
        assert all(filled) if row["plan_aanwezig"] == "ja" else not any(filled)


def test_word_overview_of_one_region_has_a_table_of_members_without_a_plan(folder, tmp_path):
    out = tmp_path / "parkstad.docx"
    result = run_cli("region", str(folder), "--regio", "parkstad", "-o", str(out))
    assert result.returncode == 0, result.stderr
    document = docx.Document(str(out))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert "Gemeenten van de regio zonder plan" in headings
    assert any("Regio Parkstad (centrumgemeente Heerlen)" in p.text for p in document.paragraphs[:3])
    tables = [t for t in document.tables if t.rows[0].cells[0].text == "Gemeente" and len(t.columns) == 3]
    assert [row.cells[0].text for row in tables[0].rows[1:]] == PARKSTAD_WITHOUT_PLAN
    assert {row.cells[2].text for row in tables[0].rows[1:]} == {"hoog"}


def test_a_member_whose_plan_names_another_region_is_skipped_not_missing(folder):
    result = run_cli("region", str(folder), "--regio", "assen", "-o", "-", "--format", "csv")
    assert result.returncode == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert all(r["plan_aanwezig"] == "nee" for r in rows)
    names = [r["gemeente"] for r in rows]
    assert "Hoogeveen" not in names and len(names) == 8  # Assen's nine members, Hoogeveen has a plan
    assert {r["bw_regio_betrouwbaarheid"] for r in rows if r["gemeente"] in ("De Wolden", "Meppel")} == {"laag"}
    assert "Hoogeveen hoort bij Zuidwest-Drenthe, niet bij Centrumregio Assen" in result.stderr


def test_a_region_only_the_plans_name_is_selected_without_a_member_list(folder):
    result = run_cli("region", str(folder), "--regio", "zuidwest-drenthe", "-o", "-", "--format", "markdown")
    assert result.returncode == 0, result.stderr
    assert "| Hoogeveen |" in result.stdout
    assert "zonder plan" not in result.stdout  # the list does not know its members
    unknown = run_cli("region", str(folder), "--regio", "Atlantis", "-o", "-", "--format", "csv")
    assert unknown.returncode == 1
    assert unknown.stderr.strip() == "--regio: onbekende regio 'Atlantis'; zie planwizard regions"


def test_without_a_region_the_plans_are_grouped_per_region(folder, tmp_path):
    result = run_cli("region", str(folder), "-o", "-", "--format", "markdown")
    assert result.returncode == 0, result.stderr
    groups = [line[4:] for line in result.stdout.splitlines() if line.startswith("### ")]
    assert groups == ["Maastricht-Heuvelland", "Parkstad", "Zuidwest-Drenthe", "Regio onbekend"]
    assert "zonder plan" not in result.stdout
    out = tmp_path / "alle.docx"
    assert run_cli("region", str(folder), "-o", str(out)).returncode == 0
    headings = [p.text for p in docx.Document(str(out)).paragraphs if p.style.name == "Heading 2"]
    assert headings[:4] == groups
