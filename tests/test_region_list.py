"""`planwizard regions`: every region with its members, confidence and sources."""

from __future__ import annotations

import re

from planwizard.gemeenten import registry
from tests.helpers import run_cli


def test_markdown_lists_every_placed_gemeente_once_with_confidence_and_source():
    result = run_cli("regions", "--format", "markdown")
    assert result.returncode == 0, result.stderr
    sections = re.split(r"^## ", result.stdout, flags=re.M)[1:]
    assert len(sections) == 44 + 1  # the regions, then the unplaced gemeenten
    confidence = {"hoog": "high", "middel": "medium", "laag": "low"}
    seen = []
    for section in sections[:-1]:
        region = registry().regions[section.splitlines()[0]]
        assert f"Centrumgemeente {region.central_municipality}; {len(region.members)} gemeenten." in section
        for name, code, word, source in re.findall(r"^\| (.+?) \| (GM\d{4}) \| (\w+) \| <(.+?)> \|$", section, re.M):
            gemeente = registry().find(code)
            assert name.startswith(gemeente.name) and gemeente.region == region.name
            assert (confidence[word], source) == (gemeente.confidence, gemeente.source)
            seen.append(code)
    assert len(seen) == len(set(seen)) == 332
    unplaced = re.findall(r"^\| (.+?) \| GM\d{4} \| (.+) \|$", sections[-1], re.M)
    assert [name for name, _ in unplaced] == sorted(g.name for g in registry().unplaced())
    assert ("Zundert", "Waarschijnlijk een van de tien gemeenten van de regio Breda; in geen gelezen bron genoemd.") \
        in unplaced


def test_one_region_by_a_loose_name_shows_each_member_with_its_source():
    result = run_cli("regions", "parkstat")
    assert result.returncode == 1
    assert result.stderr.strip() == "NAAM: onbekende regio 'parkstat'; bedoelt u Parkstad?"
    venlo = run_cli("regions", "roermond")  # a member stands for its region
    assert venlo.returncode == 0, venlo.stderr
    lines = venlo.stdout.splitlines()
    assert lines[0] == "Noord- en Midden-Limburg · centrumgemeente Venlo · 13 gemeenten"
    assert "Roermond (GM0957), laag" in lines
    roermond = lines[lines.index("Roermond (GM0957), laag") + 1:lines.index("Venlo (GM0983), hoog")]
    assert roermond[0].startswith("    Volgens een ZonMw-projectbeschrijving is Midden-Limburg")
    assert roermond[-1] == (
        "    bron: https://5dok.net/document/y9613wld-b-adviesnota-advies-besluiten-onderwerp-beschermd-wonen-opvang.html")


def test_text_listing_groups_members_by_confidence_and_ends_with_the_unplaced():
    result = run_cli("regions")
    assert result.returncode == 0
    text = result.stdout
    assert "Centrumregio Assen · centrumgemeente Assen · 9 gemeenten\n    hoog: Aa en Hunze, Assen, Midden-Drenthe, " \
           "Noordenveld, Tynaarlo\n    laag: De Wolden, Hoogeveen, Meppel, Westerveld\n" in text
    assert text.rstrip().splitlines()[-2].startswith("    Zundert: Waarschijnlijk")
    assert "Niet ingedeeld (10)" in text


def test_an_ambiguous_region_name_is_a_clear_error():
    result = run_cli("regions", "Twente")
    assert result.returncode == 1
    assert result.stderr.strip() == ("NAAM: 'Twente' past bij meer regio's: Twente (centrumregio Enschede), "
                                     "Twente (subregio Almelo); geef meer van de naam")
