"""The command line starts without loading Textual, python-docx or Jinja2."""

from __future__ import annotations

import json
import subprocess
import sys

HEAVY = ("textual", "docx", "lxml", "jinja2", "rich")


def loaded_after(code: str) -> set[str]:
    probe = f"{code}\nimport sys, json\nprint(json.dumps(sorted(m.split('.')[0] for m in sys.modules)))"
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout
    return set(json.loads(out.splitlines()[-1]))


def test_package_root_is_cheap():
    assert not loaded_after("import planwizard") & {*HEAVY, "yaml"}


def test_cli_help_loads_no_heavy_library():
    modules = loaded_after(
        "import contextlib, io\nfrom planwizard.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n    main(['--help'])"
    )
    assert not modules & set(HEAVY)


def test_validate_loads_no_heavy_library(tmp_path):
    path = tmp_path / "p.yaml"
    from tests.helpers import answer_file

    path.write_text(answer_file(), encoding="utf-8")
    modules = loaded_after(
        "import contextlib, io\nfrom planwizard.cli import main\n"
        f"with contextlib.redirect_stdout(io.StringIO()):\n    main(['validate', {str(path)!r}])"
    )
    assert not modules & set(HEAVY)


def test_diff_loads_no_heavy_library(tmp_path):
    path = tmp_path / "p.yaml"
    from tests.helpers import answer_file

    path.write_text(answer_file(), encoding="utf-8")
    modules = loaded_after(
        "import contextlib, io\nfrom planwizard.cli import main\n"
        f"with contextlib.redirect_stdout(io.StringIO()):\n    main(['diff', {str(path)!r}, {str(path)!r}])"
    )
    assert not modules & set(HEAVY)


def test_marking_and_importing_drafts_load_no_network_stack():
    # xml.sax.saxutils imports urllib.request, and with it http, email, ssl and socket:
    # tens of milliseconds of start-up that generate and import do not need.
    modules = loaded_after("import planwizard.render, planwizard.roundtrip.importer, planwizard.roundtrip.report")
    assert not modules & {"http", "email", "ssl", "socket"}


def test_importing_an_unedited_draft_loads_no_diff_machinery(tmp_path):
    # Word-level diffs (planwizard.compare, difflib) are only needed to show what changes.
    from tests.helpers import answer_file

    plan = tmp_path / "p.yaml"
    plan.write_text(answer_file(), encoding="utf-8")
    modules = loaded_after(
        "import contextlib, io\nfrom planwizard.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):\n"
        f"    assert main(['generate', {str(plan)!r}, '-o', {str(tmp_path / 'p.docx')!r}]) == 0\n"
        f"    assert main(['import', {str(tmp_path / 'p.docx')!r}]) == 0"
    )
    assert "lxml" in modules and "difflib" not in modules
