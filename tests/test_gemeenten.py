"""The bundled gemeenten list and its forgiving lookup."""

from __future__ import annotations

import pytest

from planwizard.errors import PlanError
from planwizard.gemeenten import registry


def test_all_342_gemeenten_with_code_province_and_known_regions():
    reg = registry()
    assert len(reg.gemeenten) == 342
    assert len({g.code for g in reg.gemeenten}) == 342
    assert {g.province for g in reg.gemeenten} >= {"Limburg", "Fryslân", "Noord-Brabant"}
    parkstad = sorted(g.name for g in reg.gemeenten if g.region == "Parkstad")
    assert parkstad == ["Beekdaelen", "Brunssum", "Heerlen", "Kerkrade", "Landgraaf", "Simpelveld", "Voerendaal"]
    assert {g.central_municipality for g in reg.gemeenten if g.region == "Valleiregio"} == {"Ede"}
    # never invented: most gemeenten have no region in the bundled data
    assert sum(1 for g in reg.gemeenten if not g.region) == 342 - 14
    assert reg.source and reg.reference_date == "2025-01-01"


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
