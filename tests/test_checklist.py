"""The bundled checklist and examples, and checklist validation."""

from __future__ import annotations

import pytest

from planwizard.checklist import load_checklist
from planwizard.errors import PlanError
from tests.helpers import write_files

EXAMPLES = frozenset({"housing-first"})


PER_THEME_2027_1 = {"visie": 10, "regio": 6, "toegang": 7, "aanbod": 6, "wonen": 9, "zorg": 6, "financien": 4,
                    "inkoop": 7, "participatie": 5, "monitoring": 5, "organisatie": 6}


def test_bundled_checklist_is_complete(checklist, library):
    assert checklist.id == "vng-beschermd-thuis" and checklist.version == "2027.1"
    assert {t.id: len(t.items) for t in checklist.themes} == PER_THEME_2027_1
    assert len(checklist.items) == 71
    for theme in checklist.themes:
        assert theme.intro.strip(), theme.id
        for item in theme.items:
            assert item.question.strip().endswith("?"), item.id
            assert item.guidance.strip() and item.sources, item.id
    used = {e for item in checklist.items.values() for e in item.examples}
    assert used == set(library), "every example is linked from at least one item"
    for theme in checklist.themes:
        assert any(theme.id in library[e].themes for item in theme.items for e in item.examples), theme.id
    assert any(item.when for item in checklist.items.values())


def test_bundled_examples_cover_every_theme(checklist, library):
    assert len(library) >= 12
    theme_ids = {t.id for t in checklist.themes}
    for example in library.values():
        assert set(example.themes) <= theme_ids, example.id
        # the address as the source was found (one is only known over http)
        assert example.summary and example.where and example.url.startswith(("https://", "http://")), example.id
    assert {t for e in library.values() for t in e.themes} == theme_ids


def problems_of(tmp_path, text: str) -> list[str]:
    path = write_files(tmp_path, {"c.yaml": text})["c.yaml"]
    with pytest.raises(PlanError) as info:
        load_checklist(path, EXAMPLES)
    return [str(p).replace(f"{path}:", "") for p in info.value.problems]


HEAD = """\
id: test
version: "1.0"
title: Test
sources: {S1: {title: Bron}}
themes:
  - id: visie
    title: Visie
    items:
"""


def test_duplicate_item_ids(tmp_path):
    found = problems_of(
        tmp_path,
        HEAD
        + "      - {id: visie.a, kind: actiepunt, question: A?}\n"
        + "      - {id: visie.a, kind: actiepunt, question: B?}\n",
    )
    assert found == ["10:14: punt 'visie.a' komt twee keer voor (eerder op regel 9)"]


def test_when_on_unknown_item_and_bad_status(tmp_path):
    found = problems_of(
        tmp_path,
        HEAD
        + "      - {id: visie.a, kind: actiepunt, question: A?, when: {item: visie.z, status_in: [klaar]}}\n",
    )
    assert found == [
        "9:67: 'when' verwijst naar 'visie.z', dat geen eerder punt van deze checklist is",
        "9:88: ongeldige waarde 'klaar'; kies uit done, partial, todo, not_applicable",
    ]


def test_id_form_theme_prefix_examples_and_sources(tmp_path):
    found = problems_of(
        tmp_path,
        HEAD
        + "      - {id: Visie_A, kind: actiepunt, question: A?}\n"
        + "      - {id: wonen.b, kind: vraag, question: B?, examples: [geen-voorbeeld], sources: [S9]}\n",
    )
    assert found == [
        "9:14: ongeldige id 'Visie_A' voor een punt (vorm: <thema>.<naam>)",
        "10:14: id 'wonen.b' moet beginnen met het thema 'visie.'",
        "10:29: ongeldige waarde 'vraag'; kies uit aandachtspunt, actiepunt",
        "10:61: onbekend voorbeeld 'geen-voorbeeld'",
        "10:88: bron 'S9' staat niet onder 'sources'",
    ]


def test_version_written_as_number_is_explained(tmp_path):
    found = problems_of(tmp_path, HEAD.replace('"1.0"', "1.0") + "      - {id: visie.a, kind: actiepunt, question: A?}\n")
    assert found == ['2:10: verwacht tekst, gevonden getal 1.0; is het tekst, zet het dan tussen aanhalingstekens: "1.0"']
