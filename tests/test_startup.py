"""What every ``generate`` pays at start-up stays small: no module it does not need."""

from __future__ import annotations

from xml.sax.saxutils import quoteattr as sax_quoteattr

from hypothesis import given
from hypothesis import strategies as st

from planwizard.roundtrip.marks import quoteattr
from tests.helpers import answer_file
from tests.test_import_hygiene import loaded_after

NOT_NEEDED = {"ssl", "http", "email", "socket", "uuid", "difflib", "textwrap", "textual", "platform"}
"""Network (``urllib.request`` brings ssl, http and email), the wizard, and helpers only errors need."""


def test_generate_loads_no_network_ui_or_error_only_module(tmp_path):
    plan = tmp_path / "p.yaml"
    plan.write_text(answer_file(), encoding="utf-8")
    modules = loaded_after(
        "import contextlib, io\nfrom planwizard.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):\n"
        f"    assert main(['generate', {str(plan)!r}, '-o', {str(tmp_path / 'p.docx')!r}]) == 0"
    )
    assert "lxml" in modules and not modules & NOT_NEEDED


@given(st.text(alphabet=st.sampled_from(list("ab&<>\"'\n\r\t ;#é")), max_size=20))
def test_snapshot_attributes_are_quoted_as_the_standard_library_does(text):
    assert quoteattr(text) == sax_quoteattr(text)
