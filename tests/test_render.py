"""The Word draft, read back with python-docx: structure, text, lists, tables, fields, properties."""

from __future__ import annotations

import datetime as dt
import re
import threading
import zipfile
from pathlib import Path

import docx
import pytest
from lxml import etree

from planwizard import labels
from planwizard.answers import load_plan
from planwizard.examples import load_library
from planwizard.model import Action, Answer
from planwizard.render import build_document, default_output_name, load_template
from planwizard.render import text as textlib
from tests.helpers import ROOT

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
NOW = dt.datetime(2026, 11, 22, 12, 0, tzinfo=dt.timezone.utc)

FULL_PLAN = """\
format: planwizard/1
checklist: {id: vng-beschermd-thuis, version: "2027.1"}
municipality: {name: Proefstad, code: GM0917, region: Parkstad, central_municipality: Heerlen}
plan:
  title: Uitvoeringsplan beschermd thuis Proefstad
  period: 2025-2028
  author: J. de Vries
  organisation: Gemeente Proefstad
  date: 2026-11-22
  version: concept 0.3
answers:
  visie.uitgangspunten:
    status: done
    notes: |
      Proefstad kiest voor wonen in de wijk.
      Deze regel hoort bij dezelfde alinea.

      Onze uitgangspunten:

      - gewone wijk is de norm;
        met ondersteuning die meebeweegt
      - herstel staat centraal
        - ook voor jongvolwassenen

      Stappen in de eerste lijst:

      1. visie vaststellen
      2. regio informeren

      Stappen in de tweede lijst:

      1. monitor opzetten
      2. evalueren
    actions:
      - {what: Visie laten vaststellen door de raad, owner: Wethouder Zorg, due: 2026-03-01}
    examples: [parkstad-samen-thuis, proefstad-buurtkamer]
  visie.doelgroep:
    status: partial
    notes: "Tekens die XML bijzonder vindt: <b>vet</b> & \\"aanhalingstekens\\" ]]> {{ niet_jinja }}"
    actions:
      - {what: Doelgroep afbakenen met de centrumgemeente}
  visie.cijfers:
    status: todo
  visie.samenhang:
    status: not_applicable
    notes: Geen aparte samenhang nodig.
  regio.regiovisie:
    status: partial
    notes: Regiovisie Parkstad is vastgesteld.
    actions:
      - {what: Zonder datum maar met trekker, owner: Team Beleid}
      - {what: Laatste met datum, owner: Team Beleid, due: 2027-09-30}
      - {what: Eerste met datum, owner: Regio Parkstad, due: 2025-06-30}
  wonen.afspraken:
    status: not_applicable
    notes: Er zijn geen corporaties in Proefstad.
  wonen.huurconstructie:
    status: done
    notes: Antwoord dat bleef staan nadat het punt verviel.
own_examples:
  - id: proefstad-buurtkamer
    title: Buurtkamer Proefstad
    where: Proefstad
    year: "2026"
    themes: [visie]
    summary: Een eigen voorbeeld van een buurtkamer.
    source: Gemeente Proefstad
    url: https://www.example.org/buurtkamer proefstad
"""


def write_full_plan(folder: Path) -> Path:
    """The plan above as an answer file in ``folder``."""
    path = folder / "proefstad.yaml"
    path.write_text(FULL_PLAN, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def full(tmp_path_factory):
    """The loaded test plan and its built draft: (loaded, bytes, python-docx Document)."""
    loaded = load_plan(write_full_plan(tmp_path_factory.mktemp("plan")))
    data = build_document(loaded.plan, loaded.checklist, load_library(), load_template(), now=NOW)
    path = tmp_path_factory.mktemp("docx") / "proefstad.docx"
    path.write_bytes(data)
    return loaded, data, docx.Document(str(path))


def part(data: bytes, name: str) -> etree._Element:
    with zipfile.ZipFile(__import__("io").BytesIO(data)) as archive:
        return etree.fromstring(archive.read(name))


def text_of(paragraph) -> str:
    """All text of a paragraph, also inside content controls (python-docx's ``.text`` skips those)."""
    parts = {f"{W}tab": "\t", f"{W}br": "\n", f"{W}cr": "\n"}
    return "".join(e.text or "" if e.tag == f"{W}t" else parts[e.tag]
                   for e in paragraph._p.iter(f"{W}t", f"{W}tab", f"{W}br", f"{W}cr"))


def styled(document, prefix: str) -> list[str]:
    return [text_of(p) for p in document.paragraphs if p.style.name.lower().startswith(prefix.lower())]


def body_text(document) -> str:
    return "\n".join(text_of(p) for p in document.paragraphs)


# ------------------------------------------------------------------ structure


def test_every_theme_is_a_chapter_heading_in_checklist_order(full):
    loaded, _, document = full
    headings = styled(document, "heading 1")
    themes = [t.title for t in loaded.checklist.themes]
    assert [h for h in headings if h in themes] == themes
    assert headings[:2] == ["Inleiding", "Context en kaders"]
    assert headings[-5:] == [labels.DOC_CH_ACTIONS, labels.DOC_CH_READINESS, labels.DOC_CH_OPEN,
                             "Bijlage A: Volledige checklist", "Bijlage B: Bronnen"]


def test_every_item_question_is_a_heading_and_none_is_dropped(full):
    loaded, _, document = full
    questions = styled(document, "heading 2")
    for item in loaded.checklist.items.values():
        assert " ".join(item.question.split()) in questions


def test_title_page_shows_plan_facts_and_concept(full):
    _, _, document = full
    first = [p.text for p in document.paragraphs[:12]]
    assert first[0] == "Uitvoeringsplan beschermd thuis Proefstad"
    assert "Gemeente Proefstad · 2025-2028" in first
    assert labels.DOC_CONCEPT in first
    facts = styled(document, "Titelpagina gegevens")
    assert "Versie\tconcept 0.3" in facts and "Datum\t22 november 2026" in facts
    assert "Opgesteld door\tJ. de Vries" in facts


def test_fixed_prose_names_the_context(full):
    _, _, document = full
    text = body_text(document)
    for words in ("doordecentralisatie", "regiovisie", "Norm voor Opdrachtgeverschap", "stelsel", "organisatie",
                  "uitvoering", "Leeswijzer", "Proefstad", "Parkstad"):
        assert words in text
    assert "Hoofdstuk 2 schetst de kaders" in text
    assert "De hoofdstukken 3 tot en met 13 behandelen de 11 thema's" in text
    assert "hoofdstuk 14: het actieplan" in text


# ------------------------------------------------------------------ notes as paragraphs and lists


def test_notes_become_paragraphs_joined_per_blank_line(full):
    _, _, document = full
    texts = [p.text for p in document.paragraphs]
    assert "Proefstad kiest voor wonen in de wijk. Deze regel hoort bij dezelfde alinea." in texts
    assert "Onze uitgangspunten:" in texts


def test_bullets_are_list_paragraphs_with_levels(full):
    _, _, document = full
    bullets = {p.text: p for p in document.paragraphs if p.style.name == "List Bullet"}
    assert "gewone wijk is de norm; met ondersteuning die meebeweegt" in bullets
    assert "herstel staat centraal" in bullets
    nested = bullets["ook voor jongvolwassenen"]._p.find(f"{W}pPr/{W}numPr/{W}ilvl")
    assert nested is not None and nested.get(f"{W}val") == "1"


def test_numbered_lists_restart_with_their_own_numbering(full):
    _, data, document = full
    numbered = [p for p in document.paragraphs if p.style.name == "List Number"]
    by_text = {p.text: p._p.find(f"{W}pPr/{W}numPr/{W}numId").get(f"{W}val") for p in numbered}
    assert by_text["visie vaststellen"] == by_text["regio informeren"]
    assert by_text["monitor opzetten"] == by_text["evalueren"]
    assert by_text["visie vaststellen"] != by_text["monitor opzetten"]
    numbering = part(data, "word/numbering.xml")
    for num_id in (by_text["visie vaststellen"], by_text["monitor opzetten"]):
        num = numbering.find(f"{W}num[@{W}numId='{num_id}']")
        assert num.find(f"{W}lvlOverride/{W}startOverride").get(f"{W}val") == "1"


def test_text_that_looks_like_markup_stays_text(full):
    _, data, document = full
    assert 'Tekens die XML bijzonder vindt: <b>vet</b> & "aanhalingstekens" ]]> {{ niet_jinja }}' in body_text(document)
    assert b"<b>vet</b>" not in data


def test_parse_rules_for_free_text():
    blocks = textlib.parse("a\nb\n\n- x\n  y\n3. drie\n4. vier\n\ntekst\n1. een")
    kinds = [(b.kind, b.text, b.list_id, b.start) for b in blocks]
    assert kinds == [
        ("paragraph", "a b", 0, 1), ("bullet", "x y", 0, 1), ("number", "drie", 1, 3), ("number", "vier", 1, 3),
        ("paragraph", "tekst", 0, 1), ("number", "een", 2, 1),
    ]
    assert [b.kind for b in textlib.parse("# Kop\n## Sub", headings=True)] == ["heading", "heading"]
    assert [b.kind for b in textlib.parse("# geen kop")] == ["paragraph"]


# ------------------------------------------------------------------ statuses, placeholders, skipped items


def test_status_is_shown_in_dutch_for_every_item(full):
    _, _, document = full
    meta = styled(document, "Kenmerken")
    assert any(m.endswith("Status: Geregeld") for m in meta)
    assert any(m.endswith("Status: Deels geregeld") for m in meta)
    assert any(m.endswith("Status: Nog te doen") for m in meta)
    assert any(m.endswith("Status: Niet van toepassing") for m in meta)
    assert any(m.endswith(f"Status: {labels.UNANSWERED}") for m in meta)


def test_unanswered_and_empty_items_are_marked_placeholders(full):
    loaded, _, document = full
    placeholders = styled(document, "In te vullen")
    unanswered = [i for i in loaded.checklist.items.values()
                  if i.id not in loaded.plan.answers and loaded.plan.applies(i)]
    assert len([p for p in placeholders if labels.DOC_UNANSWERED in p]) == len(unanswered)
    assert all(p.startswith(labels.DOC_FILL_IN) for p in placeholders)
    assert any(labels.DOC_NO_NOTES["todo"] in p for p in placeholders)  # visie.cijfers: todo without notes
    assert any(labels.DOC_NO_ACTIONS in p for p in placeholders)


def test_item_whose_condition_fails_is_marked_skipped_and_keeps_its_answer(full):
    _, _, document = full
    skipped = styled(document, "Vervallen punt")
    assert any("Dit punt vervalt, omdat bij punt 7.3" in s and "'Niet van toepassing'" in s for s in skipped)
    assert "Antwoord dat bleef staan nadat het punt verviel." in body_text(document)
    meta = styled(document, "Kenmerken")
    assert any(m.endswith(f"Status: {labels.DOC_SKIPPED_STATUS}") for m in meta)


def test_chosen_examples_library_and_own_are_in_the_example_box(full):
    _, data, document = full
    titles = styled(document, "Voorbeeld kop")
    assert f"{labels.DOC_EXAMPLE}: Samen Thuis en samenwerkingsverband Beschermd Thuis Parkstad" in titles
    assert f"{labels.DOC_OWN_EXAMPLE}: Buurtkamer Proefstad" in titles
    assert "Een eigen voorbeeld van een buurtkamer." in styled(document, "Voorbeeld tekst")
    rels = part(data, "word/_rels/document.xml.rels")
    targets = {r.get("Target") for r in rels if r.get("TargetMode") == "External"}
    assert "https://www.example.org/buurtkamer%20proefstad" in targets


# ------------------------------------------------------------------ tables


def table_rows(table) -> list[list[str]]:
    return [[cell.text for cell in row.cells] for row in table.rows]


def find_table(document, headers) -> object:
    """The table whose header row starts with ``headers``."""
    return next(t for t in document.tables if [c.text for c in t.rows[0].cells][: len(headers)] == list(headers))


def test_action_plan_is_sorted_by_due_date_undated_last_with_theme(full):
    _, _, document = full
    rows = table_rows(find_table(document, labels.DOC_ACTION_COLUMNS))
    assert rows[0] == list(labels.DOC_ACTION_COLUMNS)
    whats = [r[0] for r in rows[1:]]
    assert whats == ["Eerste met datum", "Visie laten vaststellen door de raad", "Laatste met datum",
                     "Doelgroep afbakenen met de centrumgemeente", "Zonder datum maar met trekker"]
    assert rows[1][1:] == ["Regio Parkstad", "30-06-2025",
                           "4 Regiovisie, Norm voor Opdrachtgeverschap en regionale samenwerking"]
    assert rows[4][1:3] == [labels.DOC_NO_OWNER, labels.DOC_NO_DATE]
    # The skipped item's answer has no actions in the plan; actions of skipped items never appear.


def test_readiness_table_counts_per_theme_and_total(full):
    loaded, _, document = full
    rows = table_rows(find_table(document, labels.DOC_READINESS_COLUMNS))
    assert rows[0] == list(labels.DOC_READINESS_COLUMNS)
    visie = rows[1]
    # visie (10 items): done 1, partial 1, todo 1, not applicable 1, unanswered 6 -> (1 + 0.5) / 9 = 17%
    assert visie == ["3 Lokale visie en ambitie", "10", "1", "1", "1", "6", "1", "17%"]
    total = rows[-1]
    assert total[0] == labels.DOC_TOTAL and total[1] == str(len(loaded.checklist.items))


def test_readiness_chart_is_shaded_cells_with_text(full):
    _, data, document = full
    chart = find_table(document, labels.DOC_CHART_HEADERS[:2])
    assert chart.rows[1].cells[0].text == "3 Lokale visie en ambitie"
    assert chart.rows[1].cells[-1].text == "17%"
    fills = []
    for tc in chart.rows[1]._tr.findall(f"{W}tc")[1:-1]:
        span = tc.find(f"{W}tcPr/{W}gridSpan")
        fills += [tc.find(f"{W}tcPr/{W}shd").get(f"{W}fill")] * int(span.get(f"{W}val") if span is not None else 1)
    assert len(fills) == 20
    assert fills.count("2E7D32") == 2 and fills.count("D9D9D9") == 14  # 1 of 9 done, 6 of 9 unanswered
    description = chart._tbl.find(f"{W}tblPr/{W}tblDescription")
    assert description is not None and "percentage" in description.get(f"{W}val")


def test_open_points_list_every_todo_partial_and_unanswered_item(full):
    loaded, _, document = full
    rows = table_rows(find_table(document, labels.DOC_OPEN_COLUMNS))
    expected = [i for i in loaded.checklist.items.values() if loaded.plan.applies(i)
                and loaded.plan.status(i.id) in (None, "todo", "partial")]
    assert len(rows) - 1 == len(expected)
    assert rows[1] == ["3.2 " + loaded.checklist.items["visie.doelgroep"].question, "3 Lokale visie en ambitie",
                       "Deels geregeld"]
    statuses = {r[2] for r in rows[1:]}
    assert statuses == {"Deels geregeld", "Nog te doen", labels.UNANSWERED}


def test_every_data_table_has_a_repeated_header_row(full):
    _, data, _ = full
    body = part(data, "word/document.xml")
    tables = body.iter(f"{W}tbl")
    for tbl in tables:
        first = tbl.find(f"{W}tr")
        assert first.find(f"{W}trPr/{W}tblHeader") is not None
        assert all(tr.find(f"{W}trPr/{W}tblHeader") is None for tr in tbl.findall(f"{W}tr")[1:])


# ------------------------------------------------------------------ fields, settings, properties


def test_toc_field_is_prefilled_and_word_updates_it_on_opening(full):
    _, data, document = full
    body = part(data, "word/document.xml")
    instructions = [t.text for t in body.iter(f"{W}instrText")]
    assert any(i.strip().startswith("TOC ") for i in instructions)
    toc = styled(document, "toc 1")
    assert "1\tInleiding" in toc and "3\tLokale visie en ambitie" in toc and "Bijlage B: Bronnen" in toc
    settings = part(data, "word/settings.xml")
    assert settings.find(f"{W}updateFields").get(f"{W}val") == "true"


def test_footer_has_page_fields_and_header_shows_the_plan_title(full):
    _, _, document = full
    section = document.sections[0]
    footer_xml = etree.tostring(section.footer._element).decode()
    assert re.search(r"instrText[^>]*> PAGE <", footer_xml) and "NUMPAGES" in footer_xml
    assert "Gemeente Proefstad" in section.footer.paragraphs[0].text
    assert section.header.paragraphs[0].text.startswith("Uitvoeringsplan beschermd thuis Proefstad")
    assert section.different_first_page_header_footer


def test_core_properties(full):
    _, _, document = full
    props = document.core_properties
    assert props.title == "Uitvoeringsplan beschermd thuis Proefstad"
    assert props.author == "J. de Vries"
    assert "Gemeente Proefstad" in props.subject
    assert "beschermd thuis" in props.keywords
    assert props.language == "nl-NL"
    assert props.modified == NOW


def test_document_language_is_dutch(full):
    _, data, _ = full
    styles = part(data, "word/styles.xml")
    lang = styles.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}lang")
    assert lang.get(f"{W}val") == "nl-NL"


def test_sources_appendix_has_real_hyperlinks(full):
    loaded, data, document = full
    rels = part(data, "word/_rels/document.xml.rels")
    targets = {r.get("Target") for r in rels if r.get("TargetMode") == "External"}
    urls = {s.url for s in loaded.checklist.sources.values() if s.url}
    assert urls <= targets
    body = part(data, "word/document.xml")
    ids = {h.get("{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id")
           for h in body.iter(f"{W}hyperlink")}
    assert {r.get("Id") for r in rels if r.get("TargetMode") == "External"} <= ids


def test_internal_links_point_at_existing_bookmarks(full):
    _, data, _ = full
    body = part(data, "word/document.xml")
    bookmarks = {b.get(f"{W}name") for b in body.iter(f"{W}bookmarkStart")}
    anchors = {h.get(f"{W}anchor") for h in body.iter(f"{W}hyperlink") if h.get(f"{W}anchor")}
    assert anchors and anchors <= bookmarks
    ids = [b.get(f"{W}id") for b in body.iter(f"{W}bookmarkStart")]
    assert len(ids) == len(set(ids))


# ------------------------------------------------------------------ robustness


def test_characters_xml_cannot_hold_are_removed_not_a_crash(full):
    loaded, _, _ = full
    plan = loaded.plan
    plan.answers["visie.termijn"] = Answer("todo", "voor\x00na\x1b\ud800 en\x0bverder",
                                           [Action("actie\x07", "eigenaar\x01")])
    plan.municipality.region = "Regio\x02"
    try:
        data = build_document(plan, loaded.checklist, load_library(), load_template(), now=NOW)
    finally:
        del plan.answers["visie.termijn"]
        plan.municipality.region = "Parkstad"
    text = body_text(docx.Document(__import__("io").BytesIO(data)))
    assert "voorna en verder" in text


def test_same_plan_same_bytes_and_threads_agree(full):
    loaded, data, _ = full
    results: list[bytes] = []

    def build():
        results.append(build_document(loaded.plan, loaded.checklist, load_library(), load_template(), now=NOW))

    threads = [threading.Thread(target=build) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results == [data] * 4


@pytest.mark.parametrize("path", sorted((ROOT / "examples" / "plannen").glob("*.yaml")), ids=lambda p: p.stem)
def test_sample_plans_build_and_open(path):
    loaded = load_plan(path)
    data = build_document(loaded.plan, loaded.checklist, load_library(), load_template(), now=NOW)
    document = docx.Document(__import__("io").BytesIO(data))
    assert loaded.plan.municipality.name in document.core_properties.title


# ------------------------------------------------------------------ file names


@pytest.mark.parametrize(
    ("name", "version", "expected"),
    [
        ("Heerlen", "concept 0.3", "Uitvoeringsplan Heerlen concept 0.3.docx"),
        ("'s-Gravenhage", "", "Uitvoeringsplan 's-Gravenhage.docx"),
        ("../../etc/passwd", "v1", "Uitvoeringsplan etc passwd v1.docx"),
        ("../../Heer/len", "../../../etc", "Uitvoeringsplan Heer len etc.docx"),
        ("A\\B:C*?\"<>|", "x\x00y\n", "Uitvoeringsplan A B C x y.docx"),
        ("Bergen (L.)", "concept...", "Uitvoeringsplan Bergen (L.) concept.docx"),
    ],
)
def test_default_output_name_is_a_safe_file_name(full, name, version, expected):
    loaded, _, _ = full
    plan = loaded.plan
    old = plan.municipality.name, plan.info.version
    plan.municipality.name, plan.info.version = name, version
    try:
        result = default_output_name(plan)
    finally:
        plan.municipality.name, plan.info.version = old
    assert result == expected
    assert "/" not in result and "\\" not in result and ".." not in result


def test_default_output_name_is_limited_in_length(full):
    loaded, _, _ = full
    plan = loaded.plan
    old = plan.municipality.name
    plan.municipality.name = "X" * 500
    try:
        result = default_output_name(plan)
    finally:
        plan.municipality.name = old
    assert len(result) <= 120 and result.endswith(".docx")


# ------------------------------------------------------------------ what Word is strict about

ORDERS = {
    "pPr": "PPR_ORDER",
    "rPr": "RPR_ORDER",
    "tblPr": "TBLPR_ORDER",
    "tcPr": "TCPR_ORDER",
}
SECT_ORDER = ("headerReference", "footerReference", "footnotePr", "endnotePr", "type", "pgSz", "pgMar",
              "paperSrc", "pgBorders", "lnNumType", "pgNumType", "cols", "formProt", "vAlign", "noEndnote",
              "titlePg", "textDirection", "bidi", "rtlGutter", "docGrid", "printerSettings")


def test_properties_follow_the_schema_order_word_requires(full):
    """Word refuses (or 'repairs') a document whose property elements are out of order."""
    from planwizard.render import ooxml

    _, data, _ = full
    checked = 0
    for name in ("word/document.xml", "word/styles.xml", "word/footer1.xml", "word/header1.xml"):
        root = part(data, name)
        for element in root.iter():
            local = etree.QName(element).localname
            if local == "sectPr":
                order = SECT_ORDER
            elif local in ORDERS:
                order = getattr(ooxml, ORDERS[local])
            else:
                continue
            names = [etree.QName(child).localname for child in element]
            # Header and footer references form one group in which they may alternate.
            ranks = [max(order.index(n), 1) if n in order else -1 for n in names]
            assert -1 not in ranks and ranks == sorted(ranks), (name, local, names)
            checked += 1
    assert checked > 1000


def test_every_part_is_well_formed_and_declared(full):
    _, data, _ = full
    with zipfile.ZipFile(__import__("io").BytesIO(data)) as archive:
        names = archive.namelist()
        assert names[0] == "[Content_Types].xml"
        types = etree.fromstring(archive.read("[Content_Types].xml"))
        overrides = {o.get("PartName") for o in types if o.get("PartName")}
        for name in names:
            if name.endswith((".xml", ".rels")):
                etree.fromstring(archive.read(name))
            if name.endswith(".xml") and name != "[Content_Types].xml":
                assert f"/{name}" in overrides, name


def test_importing_the_render_package_loads_no_heavy_library():
    import json
    import subprocess
    import sys

    probe = ("import planwizard.render, planwizard.commands.generate, planwizard.commands.template, sys, json\n"
             "print(json.dumps(sorted({m.split('.')[0] for m in sys.modules})))")
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True, cwd=ROOT).stdout
    assert not {"docx", "lxml", "jinja2"} & set(json.loads(out))


def test_heerlen_sample_plan_shows_every_action_and_open_point(sample_plan):
    plan, checklist = sample_plan.plan, sample_plan.checklist
    data = build_document(plan, checklist, load_library(), load_template(), now=NOW)
    document = docx.Document(__import__("io").BytesIO(data))
    actions = [a.what for item_id, answer in plan.answers.items() if plan.applies(checklist.items[item_id])
               for a in answer.actions]
    rows = table_rows(find_table(document, labels.DOC_ACTION_COLUMNS))[1:]
    assert sorted(" ".join(r[0].split()) for r in rows) == sorted(" ".join(a.split()) for a in actions)
    dates = [dt.datetime.strptime(r[2], "%d-%m-%Y") for r in rows if r[2] != labels.DOC_NO_DATE]
    assert dates == sorted(dates)
    open_rows = table_rows(find_table(document, labels.DOC_OPEN_COLUMNS))[1:]
    expected = [i for i in checklist.items.values()
                if plan.applies(i) and plan.status(i.id) in (None, "todo", "partial")]
    assert len(open_rows) == len(expected)
    assert "Heerlen onderschrijft de uitgangspunten van de commissie-Dannenberg" in body_text(document)


def test_answers_to_retired_items_get_an_appendix_of_their_own(full):
    from planwizard.model import RetiredAnswer

    loaded, _, _ = full
    plan = loaded.plan
    plan.retired["visie.oud-punt"] = RetiredAnswer(Answer("done", "Oude toelichting die bewaard bleef."), "2025.1",
                                                   "punt vervallen in checklistversie 2026.1")
    try:
        data = build_document(plan, loaded.checklist, load_library(), load_template(), now=NOW)
    finally:
        del plan.retired["visie.oud-punt"]
    document = docx.Document(__import__("io").BytesIO(data))
    assert styled(document, "heading 1")[-1] == "Bijlage C: Antwoorden bij vervallen punten"
    assert "Oude toelichting die bewaard bleef." in body_text(document)
    assert "Bijlage C: Antwoorden bij vervallen punten" in styled(document, "toc 1")


def test_an_example_chosen_again_is_referenced_not_repeated(tmp_path):
    loaded = load_plan(ROOT / "examples" / "plannen" / "heerlen.yaml")
    uses = sum("parkstad-samen-thuis" in a.examples for a in loaded.plan.answers.values())
    assert uses > 2
    data = build_document(loaded.plan, loaded.checklist, load_library(), load_template())
    path = tmp_path / "h.docx"
    path.write_bytes(data)
    texts = [p.text for p in docx.Document(str(path)).paragraphs]
    title = load_library()["parkstad-samen-thuis"].title
    full = [t for t in texts if t == f"Inspirerend voorbeeld: {title}"]
    refs = [t for t in texts if t.startswith(f"Inspirerend voorbeeld: {title} (beschreven bij ")]
    assert len(full) == 1 and len(refs) == uses - 1
