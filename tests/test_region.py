"""The regional overview: matrix, shared open points, timeline and examples match the files."""

from __future__ import annotations

import csv
import io
import shutil

import yaml

from planwizard import region
from tests.helpers import ROOT, run_cli

PLANS = ROOT / "examples" / "plannen"


def raw(name: str) -> dict:
    return yaml.safe_load((PLANS / name).read_text(encoding="utf-8"))


def test_csv_matrix_counts_done_items_per_theme_from_the_files(checklist):
    result = run_cli("region", str(PLANS), "-o", "-", "--format", "csv")
    assert result.returncode == 0, result.stderr
    rows = {row["gemeente"]: row for row in csv.DictReader(io.StringIO(result.stdout))}
    assert set(rows) == {"Heerlen", "Simpelveld", "Vaals"}
    for name, file in (("Heerlen", "heerlen.yaml"), ("Simpelveld", "simpelveld.yaml"), ("Vaals", "vaals.yaml")):
        answers = raw(file)["answers"]
        for theme in checklist.themes:
            statuses = [answers.get(i.id, {}).get("status") for i in theme.items]
            # every `when` of the samples holds (no dependency is not_applicable), so all items count
            done = statuses.count("done")
            relevant = len(statuses) - statuses.count("not_applicable")
            assert rows[name][theme.id] == f"{done}/{relevant}", (name, theme.id)


def test_timeline_has_every_action_sorted_by_date():
    overview = region.build(sorted(PLANS.glob("*.yaml")))
    expected = sorted(
        (action["due"], name, action["what"])
        for name, file in (("Heerlen", "heerlen.yaml"), ("Simpelveld", "simpelveld.yaml"), ("Vaals", "vaals.yaml"))
        for answer in raw(file)["answers"].values()
        for action in answer.get("actions", [])
    )
    assert [(e.due, e.gemeente, e.what) for e in overview.timeline] == expected
    dues = [e.due for e in overview.timeline]
    assert dues == sorted(dues)


def test_shared_open_points_are_open_in_at_least_half(checklist):
    overview = region.build(sorted(PLANS.glob("*.yaml")))
    assert overview.shared_threshold == 2
    assert overview.open_points
    for point in overview.open_points:
        assert len(point.gemeenten) >= 2
        for name in point.gemeenten:
            file = {"Heerlen": "heerlen.yaml", "Simpelveld": "simpelveld.yaml", "Vaals": "vaals.yaml"}[name]
            status = raw(file)["answers"].get(point.item.id, {}).get("status")
            assert status in (None, "todo", "partial")
    counts = [len(p.gemeenten) for p in overview.open_points]
    assert counts == sorted(counts, reverse=True)


def test_examples_in_use_name_their_gemeenten(library):
    overview = region.build(sorted(PLANS.glob("*.yaml")))
    used = {ident: names for ident, _, names in overview.examples}
    heerlen = {e for a in raw("heerlen.yaml")["answers"].values() for e in a.get("examples", [])}
    for ident in heerlen:
        assert "Heerlen" in used[ident]
    own = raw("heerlen.yaml")["own_examples"][0]
    assert any(title == own["title"] for _, title, _ in overview.examples)


def test_markdown_overview_and_bad_files_reported(tmp_path):
    folder = tmp_path / "regio"
    shutil.copytree(PLANS, folder)
    (folder / "kapot.yaml").write_text("format: [\n", encoding="utf-8")
    out = tmp_path / "regio.md"
    result = run_cli("region", str(folder), "-o", str(out))
    assert result.returncode == 1
    assert f"{folder / 'kapot.yaml'}:2:1:" in result.stderr
    text = out.read_text(encoding="utf-8")
    assert "| Heerlen |" in text and "| Vaals |" in text
    assert "## Open punten die de meeste gemeenten delen" in text
    assert "## Niet meegenomen" in text and "kapot.yaml" in text


def test_word_overview_has_the_matrix_and_timeline(tmp_path):
    import docx

    out = tmp_path / "regio.docx"
    result = run_cli("region", str(PLANS), "-o", str(out))
    assert result.returncode == 0, result.stderr
    document = docx.Document(str(out))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading") or "Kop" in p.style.name]
    assert any("Stand per gemeente en thema" in h for h in headings)
    assert any("Acties van alle gemeenten op datum" in h for h in headings)
    # Vaals's file names no region; the bundled list puts it in Maastricht-Heuvelland, the others in Parkstad
    matrices = document.tables[:2]
    assert [[c.text for c in matrix.rows[0].cells][:2] for matrix in matrices] == [["Gemeente", "1"]] * 2
    assert [[row.cells[0].text for row in matrix.rows[1:]] for matrix in matrices] == [["Vaals"], ["Heerlen", "Simpelveld"]]
    overview = region.build(sorted(PLANS.glob("*.yaml")))
    timeline = next(t for t in document.tables if t.rows[0].cells[0].text == "Datum")
    assert [row.cells[2].text for row in timeline.rows[1:]] == [e.what for e in overview.timeline]
    assert document.core_properties.title.startswith("Regionaal overzicht")
