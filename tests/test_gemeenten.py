"""The bundled gemeenten list: regions from the researched CSV, forgiving lookup, `new` filling them."""

from __future__ import annotations

import argparse
import csv

import pytest
import yaml

from planwizard.commands.new import choose_region
from planwizard.errors import PlanError
from planwizard.gemeenten import registry
from tests.helpers import ROOT, run_cli

RESEARCH = ROOT / "tests" / "data" / "bw-regios.csv"
"""A copy of the researched region list (bw-regios.csv) that the bundled data was made from."""
ROWS = list(csv.DictReader(RESEARCH.open(encoding="utf-8")))
RENAMED = {"Centrumregio Assen (Noord- en Midden-Drenthe + Zuidwest-Drenthe)": "Centrumregio Assen"}
SPLITTING = {"Hoogeveen", "De Wolden", "Meppel", "Westerveld"}
"""Zuidwest-Drenthe splits from Assen: a high row in the research, only a suggestion here."""
CERTAIN = [r for r in ROWS if r["confidence"] in ("high", "medium") and r["member_name"] not in SPLITTING]
SUGGESTED = [r for r in ROWS if r["confidence"] == "low" or r["member_name"] in SPLITTING]
UNPLACED = ["Baarle-Nassau", "Den Helder", "Drimmelen", "Geertruidenberg", "Gennep", "Hollands Kroon",
            "Midden-Delfland", "Schagen", "Texel", "Zundert"]


def args(**options) -> argparse.Namespace:
    return argparse.Namespace(**{"regio": None, "centrumgemeente": None, "voorstel_overnemen": False, **options})


def test_all_342_gemeenten_with_code_province_and_their_regions():
    reg = registry()
    assert len(reg.gemeenten) == 342
    assert len({g.code for g in reg.gemeenten}) == 342
    assert {g.province for g in reg.gemeenten} >= {"Limburg", "Fryslân", "Noord-Brabant"}
    parkstad = sorted(g.name for g in reg.regions["Parkstad"].members)
    assert parkstad == ["Beekdaelen", "Brunssum", "Heerlen", "Kerkrade", "Landgraaf", "Simpelveld", "Voerendaal"]
    assert {g.central_municipality for g in reg.gemeenten if g.region == "Valleiregio"} == {"Ede"}
    assert len(reg.regions) == 44
    assert sum(g.region_certain for g in reg.gemeenten) == len(CERTAIN) == 301
    assert sum(g.region_suggested for g in reg.gemeenten) == len(SUGGESTED) == 31
    assert sorted(g.name for g in reg.unplaced()) == UNPLACED
    assert all(g.note for g in reg.unplaced())  # what is known about them, for `regions`
    assert reg.source and reg.reference_date == "2025-01-01"


@pytest.mark.parametrize("row", ROWS, ids=lambda r: r["member_name"])
def test_bundled_region_source_and_confidence_follow_the_research(row):
    gemeente = registry().find(row["member_code"])
    assert gemeente.name == row["member_name"]
    assert gemeente.region == RENAMED.get(row["region"], row["region"])
    assert gemeente.central_municipality == row["centrumgemeente"]
    assert gemeente.source == row["source_url"]
    expected = "low" if row["member_name"] in SPLITTING else row["confidence"]
    assert gemeente.confidence == expected
    assert gemeente in registry().regions[gemeente.region].members


@pytest.mark.parametrize("row", CERTAIN, ids=lambda r: r["member_name"])
def test_new_fills_the_region_of_every_high_and_medium_gemeente(row):
    gemeente = registry().find(row["member_code"])
    region, central, from_list = choose_region(args(), gemeente, registry(), interactive=False)
    assert (region, central, from_list) == (RENAMED.get(row["region"], row["region"]), row["centrumgemeente"], True)


@pytest.mark.parametrize("row", SUGGESTED, ids=lambda r: r["member_name"])
def test_a_low_row_is_only_a_suggestion(row):
    gemeente = registry().find(row["member_code"])
    assert choose_region(args(), gemeente, registry(), interactive=False) == ("", "", False)
    taken = choose_region(args(voorstel_overnemen=True), gemeente, registry(), interactive=False)
    assert taken == (gemeente.region, row["centrumgemeente"], True)


def test_new_in_a_pipe_leaves_a_suggested_region_empty_and_says_how_to_take_it(tmp_path):
    path = tmp_path / "roermond.yaml"
    result = run_cli("new", str(path), "--gemeente", "Roermond")
    assert result.returncode == 0, result.stderr
    assert "region" not in yaml.safe_load(path.read_text(encoding="utf-8"))["municipality"]
    assert ("let op: de regio van Roermond is niet zeker; voorstel: Noord- en Midden-Limburg (centrumgemeente "
            "Venlo); neem het over met --voorstel-overnemen") in result.stderr
    taken = run_cli("new", str(tmp_path / "r2.yaml"), "--gemeente", "Roermond", "--voorstel-overnemen")
    assert taken.returncode == 0, taken.stderr
    data = yaml.safe_load((tmp_path / "r2.yaml").read_text(encoding="utf-8"))["municipality"]
    assert (data["region"], data["central_municipality"]) == ("Noord- en Midden-Limburg", "Venlo")
    assert "afgeleid, niet bevestigd door een ledenlijst; bron: https://5dok.net/" in taken.stdout
    assert "Midden-Limburg sinds 1 januari 2022 een eigen regio" in taken.stderr  # the region's caveat


def test_new_names_the_source_of_a_region_it_fills_in(tmp_path):
    result = run_cli("new", str(tmp_path / "u.yaml"), "--gemeente", "Zeist")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[1] == (
        "regio beschermd wonen: Regio Utrecht (U16), centrumgemeente Utrecht (uit de gemeentelijst, "
        "secundaire bron; bron: https://www.viveste.nl/ambitieverklaring-uitstroom-beschermd-wonen-en-maatschappelijke-"
        "opvang-regio-zuid-oost-utrecht/)")
    assert result.stderr == ""


def test_a_region_given_by_name_is_matched_loosely_to_the_list(tmp_path):
    path = tmp_path / "zundert.yaml"
    result = run_cli("new", str(path), "--gemeente", "Zundert", "--regio", "regio breda")
    assert result.returncode == 0, result.stderr
    data = yaml.safe_load(path.read_text(encoding="utf-8"))["municipality"]
    assert (data["region"], data["central_municipality"]) == ("West-Brabant-Oost (regio Breda)", "Breda")
    free = run_cli("new", str(tmp_path / "h.yaml"), "--gemeente", "Hoogeveen", "--regio", "Zuidwest-Drenthe")
    data = yaml.safe_load((tmp_path / "h.yaml").read_text(encoding="utf-8"))["municipality"]
    assert data["region"] == "Zuidwest-Drenthe" and "central_municipality" not in data
    assert "de centrumgemeente is nog onbekend" in free.stderr


def test_a_former_gemeente_finds_the_one_it_merged_into(tmp_path):
    assert registry().find("Weesp").name == "Amsterdam"
    assert [g.name for g in registry().search("weesp")] == ["Amsterdam"]
    result = run_cli("new", str(tmp_path / "w.yaml"), "--gemeente", "Weesp")
    assert result.returncode == 0
    assert "let op: Weesp hoort sinds 2022 bij Amsterdam" in result.stderr
    assert "nieuw plan voor Amsterdam" in result.stdout


@pytest.mark.parametrize(
    ("query", "region"),
    [("Parkstad", "Parkstad"), ("heerlen", "Parkstad"), ("utrecht", "Regio Utrecht (U16)"), ("U16", "Regio Utrecht (U16)"),
     ("den bosch", "Meierij en Bommelerwaard"), ("Den Haag", "Regio Den Haag"), ("vallei", "Valleiregio"),
     ("Enschede", "Twente (centrumregio Enschede)"), ("regio eindhoven", "Zuidoost-Brabant (regio Eindhoven)"),
     ("Fryslan", "Fryslân"), ("noord-veluwe", "Noord-Veluwe"), ("Simpelveld", "Parkstad"), ("weesp", "Amsterdam-Amstelland")],
)
def test_regions_are_found_by_part_of_their_name_or_their_centrumgemeente(query, region):
    assert registry().find_region(query).name == region


def test_unclear_region_names_explain_themselves():
    with pytest.raises(PlanError, match=r"'twente' past bij meer regio's: Twente \(centrumregio Enschede\), "
                                        r"Twente \(subregio Almelo\)"):
        registry().find_region("twente")
    with pytest.raises(PlanError, match="onbekende regio 'Parkstat'; bedoelt u Parkstad"):
        registry().find_region("Parkstat")


@pytest.mark.parametrize(
    ("query", "name"),
    [
        ("heerlen", "Heerlen"),
        ("HEERLEN ", "Heerlen"),
        ("Den Bosch", "'s-Hertogenbosch"),
        ("s-hertogenbosch", "'s-Hertogenbosch"),
        ("Den Haag", "'s-Gravenhage"),
        ("Sudwest-Fryslan", "Súdwest-Fryslân"),
        ("bergen (l.)", "Bergen (L.)"),
        ("Hengelo", "Hengelo (O.)"),
        ("GM0917", "Heerlen"),
        ("gm917", "Heerlen"),
    ],
)
def test_forgiving_lookup(query, name):
    assert registry().find(query).name == name


def test_ambiguous_and_unknown_names_explain_themselves():
    with pytest.raises(PlanError, match=r"'Bergen' past bij meer gemeenten: Bergen \(NH.\), Bergen op Zoom, Bergen \(L.\)"):
        registry().find("Bergen")
    with pytest.raises(PlanError, match="bedoelt u Heerlen"):
        registry().find("Heerlem")


def test_type_ahead_search_puts_prefix_matches_first():
    names = [g.name for g in registry().search("kerk")]
    assert names[0] == "Kerkrade"


def test_new_on_a_terminal_asks_whether_a_suggested_region_is_right(tmp_path):
    from tests.tui.ptyrun import Terminal

    taken, typed = tmp_path / "hoogeveen.yaml", tmp_path / "hoogeveen-2.yaml"
    term = Terminal("new", str(taken), "--gemeente", "Hoogeveen")
    try:
        term.wait_for("Voorstel overnemen? [j/n]: ")
        assert "Voorstel: Centrumregio Assen, centrumgemeente Assen (afgeleid" in term.text
        assert "Zuidwest-Drenthe splitst zich af" in term.text
        term.send("j\r")
        assert term.wait() == 0
    finally:
        term.close()
    data = yaml.safe_load(taken.read_text(encoding="utf-8"))["municipality"]
    assert (data["region"], data["central_municipality"]) == ("Centrumregio Assen", "Assen")
    term = Terminal("new", str(typed), "--gemeente", "Hoogeveen")
    try:
        term.wait_for("Voorstel overnemen? [j/n]: ")
        term.send("n\r")
        term.wait_for("Regio beschermd wonen (leeg laten = later invullen): ")
        term.send("Zuidwest-Drenthe\r")
        term.wait_for("Centrumgemeente (leeg laten = later invullen): ")
        term.send("\r")
        assert term.wait() == 0
    finally:
        term.close()
    data = yaml.safe_load(typed.read_text(encoding="utf-8"))["municipality"]
    assert data["region"] == "Zuidwest-Drenthe" and "central_municipality" not in data
