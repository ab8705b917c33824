"""What the draft says must be true, dated and honestly attributed (review of checklist 2026.1).

Dates. A *date* here is a day ("30-06-2025", "2025-06-30", "1 januari 2026") or a month
("januari 2026"). Bare years ("Wmo 2015", "sinds 2022", "2023-2030") are not dates: they
name history or plan periods, never the currency of a statement. The rules:

- the templates' text blocks contain no literal date at all: every date in the fixed
  prose comes from the plan (its date, the peildatum the gemeente gave) or from the
  checklist (its knowledge date);
- rendered, the fixed prose shows no date but those;
- labels used in the document contain no date;
- checklist prose that ends up in the draft (theme intros, guidance, the source note,
  source titles) may name historical dates, but none after the checklist's knowledge
  date: anything later would be a forecast or a status the checklist cannot know.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

import docx
import pytest

from planwizard import labels
from planwizard.answers import load_plan, load_plan_text
from planwizard.examples import load_library
from planwizard.render import blocks as blocklib
from planwizard.render.build import build_document
from planwizard.render.facts import collect
from planwizard.render import text as textlib
from planwizard.render.template import load_template
from tests.helpers import ROOT, answer_file, run_cli

MONTHS = "|".join(labels.MONTHS)
DAY_NUMERIC = re.compile(r"\b(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})\b")
DAY_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
DAY_WRITTEN = re.compile(rf"\b(\d{{1,2}}) ({MONTHS}) (\d{{4}})\b")
MONTH_WRITTEN = re.compile(rf"(?<!\d )\b({MONTHS}) (\d{{4}})\b")


def dates_in(text: str) -> list[tuple[str, dt.date]]:
    """Every date in ``text`` as (as written, the last day it can mean)."""
    found = []
    for m in DAY_NUMERIC.finditer(text):
        found.append((m.group(0), dt.date(int(m.group(3)), int(m.group(2)), int(m.group(1)))))
    for m in DAY_ISO.finditer(text):
        found.append((m.group(0), dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))))
    for m in DAY_WRITTEN.finditer(text):
        found.append((m.group(0), dt.date(int(m.group(3)), labels.MONTHS.index(m.group(2)) + 1, int(m.group(1)))))
    for m in MONTH_WRITTEN.finditer(text):
        year, month = int(m.group(2)), labels.MONTHS.index(m.group(1)) + 1
        found.append((m.group(0), dt.date(year, month, calendar.monthrange(year, month)[1])))
    return found


def test_the_date_finder_knows_days_and_months_but_not_years():
    text = "Sinds 1 januari 2021, in juni 2022 en op 30-06-2025 (2024-03-06); de Wmo 2015 en 2023-2030 niet."
    assert [w for w, _ in dates_in(text)] == ["30-06-2025", "2024-03-06", "1 januari 2021", "juni 2022"]


def knowledge_end(checklist) -> dt.date:
    year, month = (int(p) for p in checklist.knowledge_date.split("-"))
    return dt.date(year, month, calendar.monthrange(year, month)[1])


# ------------------------------------------------------------------ sources and attribution


def test_every_source_of_the_checklist_is_public_with_a_title_and_address(checklist):
    assert checklist.sources
    for key, source in checklist.sources.items():
        assert re.fullmatch(r"S\d+", key), f"{key}: only public sources (S-keys); no internal notes"
        assert source.title.strip(), key
        assert source.url.startswith("https://"), f"{key} has no public address"
        assert "opdrachtcontext" not in source.title.lower(), key
    used = {key for item in checklist.items.values() for key in item.sources}
    assert used == set(checklist.sources), "every source is used, every used source is listed"


def test_checklist_states_its_knowledge_date_and_is_not_presented_as_the_vngs(checklist):
    assert re.fullmatch(r"\d{4}-\d{2}", checklist.knowledge_date)
    assert "naar het voorbeeld van de handreiking" in " ".join(checklist.source.split())
    assert "geen officiële tekst van de VNG" in checklist.source


REGRESSIONS = (  # sentences the review found false or misleading; none may come back
    "ten slotte naar 1 januari 2026",
    "landelijke stand bij het opstellen",
    "die de VNG in haar handreiking",
    "de checklist van de VNG",
    "opdrachtcontext",
    "eigen afleiding",
    "is in de bronnen niet nagegaan",
    "daar op aangewezen",
    "Hoe spoort de gemeente",
    "aanpassing van het bestemmingsplan",
    "Sinds de doordecentralisatie draagt",
    "liep tot nu toe",
)


def fixed_prose(checklist) -> str:
    parts = [checklist.source]
    parts += [t.intro for t in checklist.themes]
    parts += [f"{i.question}\n{i.guidance}" for i in checklist.items.values()]
    parts += [s.title for s in checklist.sources.values()]
    for block in (ROOT / "templates" / "standaard" / "blocks").glob("*.j2"):
        parts.append(block.read_text(encoding="utf-8"))
    for path in (ROOT / "README.md", ROOT / "planwizard" / "labels.py", ROOT / "planwizard" / "tui" / "texts.py"):
        parts.append(path.read_text(encoding="utf-8"))
    return "\n".join(parts)


@pytest.mark.parametrize("phrase", REGRESSIONS)
def test_no_claim_the_review_corrected_comes_back(checklist, phrase):
    assert phrase.lower() not in " ".join(fixed_prose(checklist).split()).lower()


# ------------------------------------------------------------------ dates


def test_template_blocks_hold_no_literal_date():
    for block in sorted((ROOT / "templates" / "standaard" / "blocks").glob("*.j2")):
        assert dates_in(block.read_text(encoding="utf-8")) == [], block.name


def test_document_labels_hold_no_date():
    for name in dir(labels):
        if not name.startswith("DOC_"):
            continue
        value = getattr(labels, name)
        texts = value if isinstance(value, (tuple, list)) else value.values() if isinstance(value, dict) else [value]
        for text in texts:
            if isinstance(text, str):
                assert dates_in(text) == [], name


def test_checklist_prose_names_no_date_after_its_knowledge_date(checklist):
    limit = knowledge_end(checklist)
    prose = [("source", checklist.source)]
    prose += [(t.id, t.intro) for t in checklist.themes]
    prose += [(i.id, f"{i.question}\n{i.guidance}") for i in checklist.items.values()]
    prose += [(k, s.title) for k, s in checklist.sources.items()]
    for where, text in prose:
        for written, day in dates_in(text):
            assert day <= limit, f"{where}: '{written}' is after the knowledge date {checklist.knowledge_date}"


def rendered_blocks(plan_text: str) -> tuple[str, object]:
    loaded = load_plan_text(plan_text, "plan.yaml")
    template = load_template()
    chapters = {"introduction": 1, "context": 2, "first_theme": 3, "last_theme": 13, "actions": 14,
                "readiness": 15, "open_points": 16}
    context = blocklib.context(loaded.plan, loaded.checklist, collect(loaded.plan, loaded.checklist), chapters)
    text = "\n".join(blocklib.render(template.blocks[name], context) for name in blocklib.BLOCK_NAMES)
    return text, loaded


STAND = """
  visie.landelijke-stand:
    status: partial
    as_of: 2026-10-01
    source: Kamerbrief over beschermd wonen
    notes: |
      # Geen kop
      Het wetsvoorstel is nog niet behandeld.

      - de opvang blijft bij de centrumgemeente
"""


@pytest.mark.parametrize("answers", ["{}", STAND], ids=["unanswered", "answered"])
def test_rendered_fixed_prose_shows_only_the_plans_own_dates_and_the_knowledge_date(answers):
    text, loaded = rendered_blocks(answer_file(answers))
    allowed = {loaded.plan.info.date, knowledge_end(loaded.checklist)}
    if answers != "{}":
        allowed.add(dt.date(2026, 10, 1))
    found = dates_in(text)
    assert {day for _, day in found} <= allowed, found
    assert "22 november 2026" in text and "januari 2026" in text


# ------------------------------------------------------------------ chapter 2 in the draft


def chapter_two(plan_text: str, tmp_path) -> list[tuple[str, str]]:
    loaded = load_plan_text(plan_text, "plan.yaml")
    data = build_document(loaded.plan, loaded.checklist, load_library(), load_template())
    path = tmp_path / "plan.docx"
    path.write_bytes(data)
    paragraphs = [(p.style.name, p.text) for p in docx.Document(str(path)).paragraphs]
    start = next(i for i, (style, text) in enumerate(paragraphs)
                 if style.lower() == "heading 1" and text.endswith("Context en kaders"))
    end = next(i for i in range(start + 1, len(paragraphs)) if paragraphs[i][0].lower() == "heading 1")
    return paragraphs[start:end]


def test_chapter_two_shows_the_gemeentes_national_status_with_peildatum_and_source(tmp_path):
    chapter = chapter_two(answer_file(STAND), tmp_path)
    texts = [text for _, text in chapter]
    assert "Landelijke stand op de peildatum" in " ".join(texts)
    assert "Zo stond het er op 1 oktober 2026 voor (bron: Kamerbrief over beschermd wonen):" in texts
    assert "Het wetsvoorstel is nog niet behandeld." in " ".join(texts)
    assert "de opvang blijft bij de centrumgemeente" in texts  # the gemeente's list stays a list
    assert "# Geen kop" in " ".join(texts)  # its text never becomes a heading of the plan
    assert not any(text.startswith(labels.DOC_FILL_IN) for text in texts)
    assert any("kennisstand" in text and "januari 2026" in text and "22 november 2026" in text for text in texts)


def test_chapter_two_asks_for_the_national_status_when_it_is_not_given(tmp_path):
    chapter = chapter_two(answer_file("{}"), tmp_path)
    placeholders = [text for style, text in chapter if text.startswith(labels.DOC_FILL_IN)]
    assert len(placeholders) == 1 and "peildatum" in placeholders[0] and "hoofdstuk 3" in placeholders[0]
    assert chapter[[t for _, t in chapter].index(placeholders[0])][0] == "In te vullen"


def test_chapter_two_asks_for_a_missing_peildatum_and_source(tmp_path):
    chapter = chapter_two(answer_file("\n  visie.landelijke-stand: {status: partial, notes: Nog onduidelijk.}\n"),
                          tmp_path)
    placeholders = [text for _, text in chapter if text.startswith(labels.DOC_FILL_IN)]
    assert len(placeholders) == 2
    assert "peildatum" in placeholders[0] and "bron" in placeholders[1]


def test_the_heerlen_sample_draft_is_attributed_honestly_and_dated(tmp_path):
    loaded = load_plan(ROOT / "examples" / "plannen" / "heerlen.yaml")
    data = build_document(loaded.plan, loaded.checklist, load_library(), load_template())
    path = tmp_path / "heerlen.docx"
    path.write_bytes(data)
    text = "\n".join(p.text for p in docx.Document(str(path)).paragraphs)
    flat = " ".join(text.split())
    assert "samengesteld naar het voorbeeld van de VNG-handreiking" in flat
    assert "geen officiële tekst van de VNG" in flat
    assert "Zo stond het er op 31 januari 2026 voor" in flat
    assert "[K]" not in text and "opdrachtcontext" not in flat.lower()


def test_an_old_peildatum_is_flagged_in_chapter_two_and_by_validate(tmp_path):
    old = STAND.replace("as_of: 2026-10-01", "as_of: 2026-01-31")
    chapter = chapter_two(answer_file(old), tmp_path)
    placeholders = [text for _, text in chapter if text.startswith(labels.DOC_FILL_IN)]
    assert len(placeholders) == 1 and "meer dan een half jaar" in placeholders[0]
    path = tmp_path / "oud.yaml"
    path.write_text(answer_file(old), encoding="utf-8")
    result = run_cli("validate", str(path))
    assert result.returncode == 0
    assert f"{path}:8:12: waarschuwing: visie.landelijke-stand: de peildatum 31-01-2026 ligt meer dan een half jaar" \
        in result.stderr


@pytest.mark.parametrize(("answer", "message"), [
    ("{status: partial, notes: Nog onduidelijk.}", "geef de peildatum op"),
    ("{status: partial, notes: Nog onduidelijk., as_of: 2026-10-01}", "geef de bron op"),
    ("{status: partial, notes: Nog onduidelijk., as_of: 2026-12-01, source: Kamerbrief}",
     "de peildatum 01-12-2026 ligt na de datum van het plan"),
])
def test_validate_warns_about_the_peildatum_and_source_of_the_national_status(tmp_path, answer, message):
    path = tmp_path / "plan.yaml"
    path.write_text(answer_file(f"\n  visie.landelijke-stand: {answer}\n"), encoding="utf-8")
    result = run_cli("validate", str(path))
    assert result.returncode == 0, result.stderr
    assert f"{path}:6:{27 if 'peildatum op' in message or 'bron' in message else 77}: waarschuwing: " \
        f"visie.landelijke-stand: {message}" in result.stderr


def test_validate_warns_about_an_open_action_due_before_the_plans_date(tmp_path):
    path = tmp_path / "plan.yaml"
    path.write_text(answer_file("\n  visie.doelgroep: {status: todo, actions: [{what: Afbakenen, due: 2025-12-31}]}\n"
                                "  visie.cijfers: {status: done, actions: [{what: Tellen, due: 2025-12-31}]}\n"),
                    encoding="utf-8")
    result = run_cli("validate", str(path))
    assert result.returncode == 0
    assert "visie.doelgroep: actie 'Afbakenen' had op 31-12-2025 klaar moeten zijn" in result.stderr
    assert "Tellen" not in result.stderr  # a done item's actions are done


def test_template_text_marks_placeholders_and_takes_escaped_lines_literally():
    blocks = textlib.parse("! Vul dit in.\n\n\\# geen kop\n\\! geen blok\n\n# Kop", headings=True)
    assert [(b.kind, b.text) for b in blocks] == [
        (textlib.PLACEHOLDER, "Vul dit in."), (textlib.PARAGRAPH, "# geen kop ! geen blok"), (textlib.HEADING, "Kop")]
    assert textlib.escape("# a\n- b\n! c\n\\d") == "\\# a\n- b\n\\! c\n\\\\d"
    notes = "# kop?\n- lijst\n\n1. een"
    assert textlib.parse(textlib.escape(notes), headings=True) == textlib.parse(notes)


def test_the_item_of_the_national_status_shows_its_peildatum_too(tmp_path):
    """Chapter 2 is not the only place a reader meets the stand: item 3.7's own line dates it as well."""
    loaded = load_plan_text(answer_file(STAND), "plan.yaml")
    path = tmp_path / "plan.docx"
    path.write_bytes(build_document(loaded.plan, loaded.checklist, load_library(), load_template()))
    metas = [p.text for p in docx.Document(str(path)).paragraphs if "Status:" in p.text and "Niveau:" in p.text]
    dated = [text for text in metas if "Peildatum" in text]
    # (the status itself sits in a drop-down content control, which python-docx's text leaves out)
    assert dated == ["Actiepunt · Niveau: stelsel · Peildatum: 1 oktober 2026 · Status: "]
    assert len(metas) > 60  # every other item's line is as it was
