"""Property: for any plan, generating its draft and importing that draft unedited changes nothing."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planwizard.answers import save_plan
from planwizard.cli import main
from planwizard.render import generate_file
from planwizard.answers import load_plan
from planwizard.roundtrip.importer import prepare
from tests.test_properties import CHECKLIST, LINE, plans

LIST_LINE = st.tuples(st.sampled_from(["", "  ", "    ", "\t"]), st.sampled_from(["- ", "* ", "• ", "1. ", "12) "]),
                      LINE.filter(bool)).map("".join)
NOTES = st.lists(st.one_of(LINE, LIST_LINE, st.just("")), max_size=12).map("\n".join)


@st.composite
def structured(draw):
    """A random plan whose notes also have paragraphs, bullets and numbered lists, nested."""
    plan = draw(plans())
    for answer in plan.answers.values():
        if draw(st.booleans()):
            answer.notes = draw(NOTES)
    return plan


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(structured())
def test_generate_then_import_without_edits_leaves_the_file_byte_for_byte(plan):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "plan.yaml"
        save_plan(plan, path, CHECKLIST)
        before = path.read_bytes()
        draft = generate_file(load_plan(path), Path(folder) / "plan.docx")
        preview = prepare(draft)
        assert not preview.result.changes and not preview.problems, preview.result.changes
        assert [w for w in preview.warnings if w.path == str(draft)] == []  # (the plan file may warn itself)
        assert main(["import", str(draft)]) == 0
        assert path.read_bytes() == before
        assert sorted(p.name for p in Path(folder).iterdir()) == ["plan.docx", "plan.yaml"]
