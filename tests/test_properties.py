"""Property-based tests: any text a user can type survives saving; mutated files never crash."""

from __future__ import annotations

import datetime as dt
import random

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planwizard.answers import dumps, load_plan_text
from planwizard.checklist import current
from planwizard.cli import main
from planwizard.model import Action, Answer, Example, Municipality, Plan, PlanInfo
from planwizard.schema import MAX_LINE_TEXT

# Everything XML 1.0 can hold: what a Word document can carry and the wizard accepts.
# C0 control characters (other than tab, newline, return), lone surrogates and U+FFFE/FFFF
# are refused on input with their position (see README, "Betrouwbaarheid en veiligheid").
XML_CHARS = st.characters(
    blacklist_categories=("Cs",),
    blacklist_characters=[chr(c) for c in range(32) if chr(c) not in "\t\n\r"] + ["\ufffe", "\uffff"],
)
TEXT = st.text(XML_CHARS, max_size=300)
LINE = st.text(XML_CHARS.filter(lambda c: c not in "\n\r\x85\u2028\u2029"), max_size=80).map(str.strip)
DATES = st.one_of(st.none(), st.dates(dt.date(1990, 1, 1), dt.date(2100, 12, 31)))
CHECKLIST = current()
ITEMS = list(CHECKLIST.items)
PROFILE = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@st.composite
def plans(draw) -> Plan:
    answers = {}
    for item_id in draw(st.lists(st.sampled_from(ITEMS), max_size=6, unique=True)):
        answers[item_id] = Answer(
            status=draw(st.sampled_from([None, "done", "partial", "todo", "not_applicable"])),
            notes=draw(TEXT),
            actions=draw(st.lists(st.builds(Action, TEXT.filter(str.strip), LINE, DATES), max_size=3)),
            examples=draw(st.lists(st.sampled_from(["housing-first", "rotterdam-skaeve-huse"]), max_size=2, unique=True)),
        )
        if answers[item_id].is_empty():
            answers[item_id].status = "todo"
    own = [Example("eigen-voorbeeld", draw(LINE.filter(bool)), draw(LINE), ("wonen",), draw(TEXT.filter(str.strip)),
                   draw(TEXT), "", draw(LINE), own=True)] if draw(st.booleans()) else []
    return Plan(
        municipality=Municipality(draw(LINE.filter(bool)), "GM0917", draw(LINE), draw(LINE)),
        checklist_id=CHECKLIST.id,
        checklist_version=CHECKLIST.version,
        info=PlanInfo(draw(LINE), draw(LINE), draw(LINE), draw(LINE), draw(DATES), draw(LINE)),
        answers=answers,
        own_examples=own,
    )


@PROFILE
@given(plans())
def test_any_text_survives_save_and_load_unchanged(plan):
    text = dumps(plan, CHECKLIST)
    loaded = load_plan_text(text, "plan.yaml")
    assert loaded.plan == plan
    assert dumps(loaded.plan, CHECKLIST) == text  # and the bytes are stable


def test_line_fields_have_a_limit():
    assert MAX_LINE_TEXT >= 200


VALID = (
    "format: planwizard/1\n"
    'checklist: {id: vng-beschermd-thuis, version: "2026.1"}\n'
    "municipality: {name: Heerlen, code: GM0917}\n"
    "answers:\n"
    "  visie.doelgroep:\n"
    "    status: done\n"
    "    notes: |\n"
    "      Tekst.\n"
    "\n"
    "      - punt\n"
    "    actions:\n"
    "      - {what: Iets doen, owner: Team, due: 2025-06-30}\n"
    "    examples: [housing-first]\n"
)
NASTY = ["", " ", "\t", ":", "- ", "[", "]", "{", "}", "&a", "*a", "!!python/object:x", "'", '"', "#", "|", ">",
         "\n", "\x00", "\x07", "\ufeff", "é", "2025-02-30", "~", "yes", "<<", "---", "...", "?", "%YAML 1.1"]


@settings(max_examples=400, deadline=None)
@given(st.randoms(use_true_random=False), st.integers(1, 4))
def test_mutated_answer_files_never_crash(tmp_path_factory, rng: random.Random, count: int):
    text = VALID
    for _ in range(count):
        position = rng.randrange(len(text) + 1)
        op = rng.randrange(3)
        if op == 0:
            text = text[:position] + rng.choice(NASTY) + text[position:]
        elif op == 1:
            text = text[:position] + text[position + rng.randrange(1, 6):]
        else:
            lines = text.split("\n")
            index = rng.randrange(len(lines))
            lines.insert(rng.randrange(len(lines)), lines[index])
            text = "\n".join(lines)
    path = tmp_path_factory.mktemp("mut") / "plan.yaml"
    path.write_bytes(text.encode("utf-8", "surrogatepass"))
    import contextlib
    import io

    err = io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
        code = main(["validate", str(path)])
    assert code in (0, 1)
    assert "onverwachte fout" not in err.getvalue(), (text, err.getvalue())


@settings(max_examples=1, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.lists(plans(), min_size=10, max_size=10))
def test_any_text_gives_a_document_python_docx_and_libreoffice_open(tmp_path_factory, drawn):
    import subprocess

    import docx

    from planwizard.examples import load_library
    from planwizard.render import build_document, load_template
    from tests.test_libreoffice import _tools

    soffice = _tools()[0]
    folder = tmp_path_factory.mktemp("props")
    library, template = load_library(), load_template()
    sources = []
    for number, plan in enumerate(drawn):
        source = folder / f"plan{number}.docx"
        source.write_bytes(build_document(plan, CHECKLIST, library, template))
        document = docx.Document(str(source))
        assert document.core_properties.title
        sources.append(source)
    profile = (folder / "profile").as_uri()
    result = subprocess.run(
        [soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf", "--outdir", str(folder),
         *map(str, sources)],
        capture_output=True, text=True, timeout=300,
    )
    assert result.returncode == 0, result.stderr
    for source in sources:
        pdf = source.with_suffix(".pdf")
        assert pdf.is_file() and pdf.stat().st_size > 1000, source.name
