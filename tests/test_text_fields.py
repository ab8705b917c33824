"""Every text field of an answer file takes text only; a gemeente's name and code must agree."""

from __future__ import annotations

import pytest

from planwizard.answers import load_plan
from planwizard.checklist import current
from planwizard.errors import PlanError
from tests.helpers import write_files

BASE = f"""\
format: planwizard/1
checklist: {{id: vng-beschermd-thuis, version: "{current().version}"}}
municipality:
  name: Heerlen
  code: GM0917
  region: Parkstad
  central_municipality: Heerlen
plan:
  title: Plan Heerlen
  period: 2024-2027
  author: A. Jansen
  organisation: Gemeente Heerlen
  version: concept 0.1
answers:
  visie.doelgroep:
    status: todo
    notes: Tekst.
    actions:
      - what: Doelgroep afbakenen
        owner: Team Wmo
own_examples:
  - id: eigen-buurtkamer
    title: Buurtkamer
    where: Heerlen
    year: '2024'
    summary: Een huiskamer in de wijk.
    source: Eigen praktijk
    url: https://example.org/buurtkamer
retired_answers:
  visie.oud:
    version: '2025.1'
    reason: Vervallen.
    notes: Oud antwoord.
"""

TEXT_FIELDS = [
    ("name: Heerlen", 4), ("region: Parkstad", 6), ("central_municipality: Heerlen", 7),
    ("title: Plan Heerlen", 9), ("period: 2024-2027", 10), ("author: A. Jansen", 11),
    ("organisation: Gemeente Heerlen", 12), ("version: concept 0.1", 13), ("notes: Tekst.", 17),
    ("what: Doelgroep afbakenen", 19), ("owner: Team Wmo", 20), ("title: Buurtkamer", 23), ("where: Heerlen", 24),
    ("summary: Een huiskamer in de wijk.", 26), ("source: Eigen praktijk", 27),
    ("url: https://example.org/buurtkamer", 28), ("version: '2025.1'", 31), ("reason: Vervallen.", 32),
    ("notes: Oud antwoord.", 33),
]


def load(tmp_path, text: str):
    return load_plan(write_files(tmp_path, {"plan.yaml": text})["plan.yaml"])


def errors(tmp_path, text: str) -> list[tuple[int, str]]:
    with pytest.raises(PlanError) as info:
        load(tmp_path, text)
    return [(p.line, p.message) for p in info.value.problems]


def test_the_base_file_is_valid(tmp_path):
    loaded = load(tmp_path, BASE)
    assert loaded.warnings == []
    assert loaded.plan.own_examples[0].year == "2024"


@pytest.mark.parametrize("field, line", TEXT_FIELDS, ids=[f for f, _ in TEXT_FIELDS])
@pytest.mark.parametrize("written, kind", [("12345", "getal 12345"), ("2026-01-31", "datum 2026-01-31"),
                                           ("no", "ja/nee-waarde"), ("0.10", "getal 0.1")])
def test_a_number_date_or_yes_no_in_a_text_field_is_an_error_at_its_line(tmp_path, field, line, written, kind):
    key = field.split(":")[0]
    text = BASE.replace(field, f"{key}: {written}", 1)
    if field == "version: '2025.1'":
        text = BASE.replace("    version: '2025.1'", f"    version: {written}")
    assert text != BASE
    found = errors(tmp_path, text)
    assert (line, f'verwacht tekst, gevonden {kind}; is het tekst, zet het dan tussen aanhalingstekens: "{written}"') \
        in found, found


def test_quoted_it_is_text(tmp_path):
    loaded = load(tmp_path, BASE.replace("name: Heerlen", "name: '12345'", 1))
    assert loaded.plan.municipality.name == "12345"
    assert "staat niet in de lijst van gemeenten" in loaded.warnings[0].message


def test_a_year_and_a_code_may_be_written_as_numbers(tmp_path):
    loaded = load(tmp_path, BASE.replace("year: '2024'", "year: 2024"))
    assert loaded.plan.own_examples[0].year == "2024"
    found = errors(tmp_path, BASE.replace("code: GM0917", "code: 0917"))
    assert found == [(5, "ongeldige CBS-code '0917' (vorm: GM gevolgd door vier cijfers, bijvoorbeeld GM0917)")]


@pytest.mark.parametrize("name, code, line, message", [
    ("Heerlen", "GM0363", 5, "naam 'Heerlen' en code GM0363 horen niet bij elkaar: GM0363 is Amsterdam, "
                             "Heerlen heeft GM0917; controleer naam en code"),
    ("Heerlen", "GM9999", 5, "code GM9999 staat niet in de lijst van gemeenten; Heerlen heeft GM0917"),
    ("Herlen", "", 4, "gemeente 'Herlen' staat niet in de lijst van gemeenten; bedoelt u Heerlen"),
    ("Parkstad", "GM0917", 5, "gemeente 'Parkstad' staat niet in de lijst van gemeenten; de code hoort bij Heerlen"),
    ("Weesp", "", 4, "Weesp hoort sinds 2022 bij Amsterdam"),
])
def test_name_and_code_not_of_one_gemeente_is_a_located_warning(tmp_path, name, code, line, message):
    municipality = f"  name: {name}\n  code: {code}\n" if code else f"  name: {name}\n"
    text = BASE.replace("  name: Heerlen\n  code: GM0917\n", municipality)
    loaded = load(tmp_path, text)  # a warning: the plan still loads
    [warning] = loaded.warnings
    assert warning.warning and warning.line == line and warning.message.startswith(message)


@pytest.mark.parametrize("name, code", [("Heerlen", "GM0917"), ("heerlen", ""), ("Den Haag", "GM0518"),
                                        ("Bergen", "GM0373"), ("'s-Hertogenbosch", "GM0796")])
def test_name_and_code_of_one_gemeente_give_no_warning(tmp_path, name, code):
    municipality = f"  name: \"{name}\"\n  code: {code}\n" if code else f"  name: \"{name}\"\n"
    text = BASE.replace("  name: Heerlen\n  code: GM0917\n", municipality)
    assert load(tmp_path, text).warnings == []


def test_validate_shows_the_warning_and_still_exits_0(tmp_path, capsys):
    from planwizard.cli import main

    path = write_files(tmp_path, {"plan.yaml": BASE.replace("code: GM0917", "code: GM0363")})["plan.yaml"]
    assert main(["validate", str(path)]) == 0
    out, err = capsys.readouterr()
    assert out == f"{path}: in orde, met 1 waarschuwing\n"
    assert err.startswith(f"{path}:5:9: waarschuwing: naam 'Heerlen' en code GM0363 horen niet bij elkaar")
