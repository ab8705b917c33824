"""Every file of the bad-input corpus opened in the wizard: its problems on screen, no traceback."""

from __future__ import annotations

import shutil

import pytest

from planwizard.lock import lock_path
from tests.corpus import CORPUS, generated, stored
from tests.tui.conftest import SIZE, make_app, run, screen_text, wait_for

pytestmark = pytest.mark.slow


async def open_in_wizard(path):
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: type(app.screen).__name__ in ("ProblemsScreen", "MainScreen", "NewPlanScreen"), 15)
        notes = " ".join(n.message for n in app._notifications)
        return type(app.screen).__name__, getattr(app.screen, "problems", []), screen_text(app) + notes


def test_every_corpus_file_opens_with_its_problems(tmp_path):
    cases = stored() + generated(tmp_path / "generated")
    before = {p.name: p.read_bytes() for p in CORPUS.iterdir() if p.is_file()}
    copies = tmp_path / "stored"
    copies.mkdir()
    for case in cases:
        path = case.path
        if path.parent != tmp_path / "generated" and path.is_file() and not path.is_symlink():
            # The wizard brings a file of an older checklist version up to date (with a backup):
            # open a copy, never the stored case itself.
            path = copies / case.name
            shutil.copyfile(case.path, path)
        screen, problems, text = run(open_in_wizard(path))
        assert "Traceback" not in text, case.name
        if case.name == "missing.yaml":
            assert screen == "NewPlanScreen", (case.name, text)  # a new file name starts a new plan
            continue
        if case.exit == 0:
            assert screen == "MainScreen", (case.name, text)
            assert case.message.removeprefix("waarschuwing: ") in text, (case.name, text)  # shown as a notice
            continue
        assert screen == "ProblemsScreen", (case.name, text)
        messages = " ".join(p.message for p in problems)
        fragment = case.message if case.name != "a-directory.yaml" else "is een map"
        assert fragment in messages, (case.name, messages)
        if case.line:
            assert problems[0].line == case.line, (case.name, problems[0])
            assert f"regel {case.line}" in text, (case.name, text)
        if path.is_file():
            assert not lock_path(path).exists(), case.name
    assert {p.name: p.read_bytes() for p in CORPUS.iterdir() if p.is_file()} == before, "the stored corpus is untouched"
