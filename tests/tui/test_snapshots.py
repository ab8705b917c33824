"""SVG snapshots of the four main screens at 80x24 (textual is pinned to 8.2.8 for them).

Update after an intended change with ``pytest tests/tui/test_snapshots.py --snapshot-update``
and look at the report before committing the new SVGs.
"""

from __future__ import annotations

import datetime as dt

import pytest
import textual

from planwizard import recent
from tests.tui.conftest import NOW, SIZE, make_app, wait_for, write_plan

pytestmark = pytest.mark.skipif(textual.__version__ != "8.2.8", reason="snapshots are made with textual 8.2.8")


@pytest.fixture
def home(tmp_path, monkeypatch):
    """A fixed-looking home folder, so paths show as ~/plannen/... in every run."""
    monkeypatch.setenv("HOME", str(tmp_path))
    path = tmp_path / "plannen" / "heerlen.yaml"
    write_plan(path)
    return path


def test_start_screen(snap_compare, home):
    recent.remember(home, name="Heerlen", item="visie.doelgroep", now=NOW - dt.timedelta(days=1))
    assert snap_compare(make_app(), terminal_size=SIZE, press=["_"])


def test_main_screen(snap_compare, home):
    async def at_item(pilot):
        await wait_for(pilot, lambda: type(pilot.app.screen).__name__ == "MainScreen")
        pilot.app.screen.show_item("visie.doelgroep")
        await pilot.pause()

    assert snap_compare(make_app(home), terminal_size=SIZE, run_before=at_item)


def test_examples_screen(snap_compare, home):
    async def open_examples(pilot):
        await wait_for(pilot, lambda: type(pilot.app.screen).__name__ == "MainScreen")
        pilot.app.screen.show_item("visie.uitgangspunten")
        await pilot.press("f2")
        await wait_for(pilot, lambda: type(pilot.app.screen).__name__ == "ExamplesScreen")
        await pilot.pause()

    assert snap_compare(make_app(home), terminal_size=SIZE, run_before=open_examples)


def test_review_screen(snap_compare, home):
    async def open_review(pilot):
        await wait_for(pilot, lambda: type(pilot.app.screen).__name__ == "MainScreen")
        await pilot.press("f3")
        await wait_for(pilot, lambda: type(pilot.app.screen).__name__ == "ReviewScreen")
        await pilot.pause()

    assert snap_compare(make_app(home), terminal_size=SIZE, run_before=open_review)
