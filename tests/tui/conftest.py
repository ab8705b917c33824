"""Fixtures for the wizard: a fixed clock, a private config folder, plans on disk, app factory."""

from __future__ import annotations

import asyncio
import datetime as dt
import io
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from rich.console import Console

from planwizard.answers import new_plan, save_plan
from planwizard.checklist import current
from planwizard.model import Action, Answer

NOW = dt.datetime(2026, 11, 23, 14, 2, 11)
"""The wizard's clock in tests: snapshots and 'Opgeslagen hh:mm:ss' stay the same."""
SIZE = (80, 24)


@pytest.fixture(autouse=True)
def config_dir(tmp_path, monkeypatch) -> Path:
    """Recent files and theme go to a folder of this test only."""
    folder = tmp_path / "config"
    monkeypatch.setenv("PLANWIZARD_CONFIG_DIR", str(folder))
    monkeypatch.delenv("TEXTUAL_THEME", raising=False)
    return folder


def make_app(path: Path | str | None = None, **kwargs):
    """A wizard with the fixed clock and no cursor blink."""
    from planwizard.tui.app import WizardApp

    return WizardApp(path, today=NOW.date(), clock=lambda: NOW, cursor_blink=False, **kwargs)


def write_plan(path: Path, *, answers: dict[str, Answer] | None = None):
    """A Heerlen plan with a few answers, saved at ``path``; returns the Plan."""
    checklist = current()
    plan = new_plan("Heerlen", code="GM0917", region="Parkstad", central_municipality="Heerlen",
                    checklist=checklist, today=NOW.date())
    plan.info.author = "M. de Vries"
    if answers is None:
        answers = {
            "visie.uitgangspunten": Answer("done", "Wij kiezen voor wonen in de wijk.", [], ["parkstad-samen-thuis"]),
            "visie.doelgroep": Answer("partial", "Nog afstemmen met de regio.",
                                      [Action("Doelgroep afbakenen", "Team Wmo", dt.date(2027, 3, 31))]),
            "visie.cijfers": Answer("todo"),
        }
    plan.answers.update(answers)
    path.parent.mkdir(parents=True, exist_ok=True)
    save_plan(plan, path, checklist)
    return plan


@pytest.fixture
def plan_path(tmp_path) -> Path:
    path = tmp_path / "plannen" / "heerlen.yaml"
    write_plan(path)
    return path


def screen_text(app) -> str:
    """The characters on the app's screen right now, line by line."""
    width, height = app.size
    console = Console(width=width, height=height, file=io.StringIO(), force_terminal=True,
                      color_system="truecolor", record=True, legacy_windows=False, safe_box=False)
    console.print(app.screen._compositor.render_update(full=True, screen_stack=app._background_screens))
    return console.export_text()


async def wait_for(pilot, condition: Callable[[], object], timeout: float = 5.0) -> None:
    """Let the app run until ``condition()`` is true (fails the test after ``timeout``)."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {condition}")
        await pilot.pause(0.02)


def on_screen(app, name: str) -> bool:
    """Whether the app shows the screen of class ``name``."""
    return type(app.screen).__name__ == name


async def palette(pilot, app, text: str, expect: str) -> None:
    """Open the palette, type ``text``, wait until ``expect`` is the highlighted command, choose it."""
    await pilot.press("ctrl+p")
    await choose(pilot, app, text, expect)


async def choose(pilot, app, text: str, expect: str) -> None:
    """In an open palette (commands, or a list of actions or examples), type and pick ``expect``.

    The palette searches in the background: Enter is pressed only once ``expect`` is highlighted
    (a fixed pause picks whatever is highlighted on a busy machine).
    """
    from textual.command import CommandList

    await wait_for(pilot, lambda: on_screen(app, "DutchCommandPalette"))
    await pilot.press(*text)

    def highlighted() -> str:
        commands = app.screen.query_one(CommandList)
        if commands.highlighted is None or not commands.option_count:
            return ""
        return str(commands.get_option_at_index(commands.highlighted).prompt)

    await wait_for(pilot, lambda: expect in highlighted())
    await pilot.press("enter")


def run(coro):
    return asyncio.run(coro)
