"""The draft's source appendix names where the plan's region comes from, when it is the bundled one."""

from __future__ import annotations

import docx

from planwizard.answers import new_plan, save_plan
from tests.helpers import run_cli


def _sources(tmp_path, name: str, **region) -> list[str]:
    plan_path, out = tmp_path / f"{name}.yaml", tmp_path / f"{name}.docx"
    save_plan(new_plan(name, **region), plan_path)
    result = run_cli("generate", str(plan_path), "-o", str(out))
    assert result.returncode == 0, result.stderr
    paragraphs = [p.text for p in docx.Document(str(out)).paragraphs]
    start = next(i for i, text in enumerate(paragraphs) if text.endswith("Bronnen"))
    return paragraphs[start:]


def test_a_region_from_the_list_is_cited_with_its_source_and_confidence(tmp_path):
    sources = _sources(tmp_path, "Zeist", code="GM0355", region="Regio Utrecht (U16)", central_municipality="Utrecht")
    cited = [text for text in sources if text.startswith("[Regio]")]
    assert cited == [
        "[Regio] Dat Zeist hoort bij Regio Utrecht (U16) met centrumgemeente Utrecht, komt uit de gemeentelijst van "
        "planwizard (betrouwbaarheid middel: secundaire bron). Bron: https://www.viveste.nl/ambitieverklaring-"
        "uitstroom-beschermd-wonen-en-maatschappelijke-opvang-regio-zuid-oost-utrecht/"]


def test_a_taken_suggestion_says_it_is_derived(tmp_path):
    sources = _sources(tmp_path, "Roermond", code="GM0957", region="Noord- en Midden-Limburg",
                       central_municipality="Venlo")
    cited = next(text for text in sources if text.startswith("[Regio]"))
    assert "(betrouwbaarheid laag: afgeleid, niet bevestigd door een ledenlijst; als voorstel overgenomen)" in cited


def test_a_region_the_gemeente_chose_itself_is_not_cited(tmp_path):
    own = _sources(tmp_path, "Hoogeveen", code="GM0118", region="Zuidwest-Drenthe", central_municipality="Hoogeveen")
    empty = _sources(tmp_path, "Zundert", code="GM0879")
    assert not [text for text in own + empty if text.startswith("[Regio]")]
