"""The library of inspiring examples: 50 examples with sources, every theme covered, found by words."""

from __future__ import annotations

import collections
import re

import pytest
import yaml

from planwizard.checklist import current
from planwizard.examples import LIBRARY_FILE, load_library
from planwizard.resources import data_dir
from tests.helpers import run_cli

RAW = yaml.safe_load((data_dir("examples") / LIBRARY_FILE).read_text(encoding="utf-8"))["examples"]
UNSURE = re.compile(r"niet (in de (gelezen )?(bron|tekst|bronnen)|zeker|helemaal zeker)|onzeker")


def test_fifty_examples_with_unique_ids_and_a_source_to_open():
    ids = [entry["id"] for entry in RAW]
    assert len(ids) == 50 and len(set(ids)) == 50
    for example in load_library().values():
        assert example.url.startswith(("https://", "http://")), example.id
        assert example.source and example.where and example.summary, example.id


def test_every_theme_has_at_least_five_examples():
    counts = collections.Counter(t for e in load_library().values() for t in e.themes)
    assert {t.id for t in current().themes} == set(counts)
    assert min(counts.values()) >= 5, counts


def test_every_example_is_referenced_by_the_checklist():
    checklist = current()
    linked = {e for item in checklist.items.values() for e in item.examples}
    assert set(load_library()) - linked == set()


def test_an_unknown_year_stays_empty_and_the_summary_says_so():
    without_year = [e for e in load_library().values() if not e.year]
    assert len(without_year) >= 8  # no year is invented for these
    for example in without_year:
        assert UNSURE.search(example.summary), example.id


def test_search_ignores_case_accents_and_punctuation():
    def found(*args: str) -> list[str]:
        result = run_cli("examples", *args)
        assert result.returncode == 0, result.stderr
        return re.findall(r"^([a-z0-9-]+)$", result.stdout, re.M)

    accented, plain = found("--zoek", "CLIËNTENRADEN"), found("--zoek", "clientenraden")
    assert accented == plain and "parkstad-samen-thuis" in plain
    ethos = found("--zoek", "ethos-telling")
    assert ethos == ["zuid-hollandse-eilanden-beschermd-wonen", "noordoost-brabant-ethos-telling"]
    assert found("--zoek", "skaeve huse", "--theme", "Participatie") == [
        "rotterdam-skaeve-huse", "maastricht-zicht-op-thuis", "velsen-skaeve-huse"]
    nothing = run_cli("examples", "--zoek", "atlantis")
    assert nothing.returncode == 0 and nothing.stdout == ""
    assert nothing.stderr.strip() == "geen voorbeelden gevonden met 'atlantis'"


def test_list_per_theme_names_each_example_under_each_of_its_themes():
    result = run_cli("examples", "--per-thema")
    assert result.returncode == 0, result.stderr
    library = load_library()
    blocks = [block for block in result.stdout.strip().split("\n\n")]
    assert len(blocks) == len(current().themes)
    for block, theme in zip(blocks, current().themes):
        heading, *entries = block.splitlines()
        members = [e for e in library.values() if theme.id in e.themes]
        assert heading == f"{theme.title} ({len(members)} voorbeelden)"
        assert re.findall(r"^    ([a-z0-9-]+): ", block, re.M) == [e.id for e in members]
