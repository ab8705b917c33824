"""The real command in a pseudo-terminal: SIGTERM and SIGHUP save and unlock; start-up stays lean."""

from __future__ import annotations

import os
import signal
import time

import pytest

from planwizard.answers import load_plan
from planwizard.lock import lock_path
from planwizard.model import Answer
from tests.tui.conftest import write_plan
from tests.tui.ptyrun import Terminal

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP])
def test_a_signal_saves_what_was_typed_and_releases_the_lock(tmp_path, signum):
    path = tmp_path / "plan.yaml"
    write_plan(path, answers={})
    term = Terminal("wizard", str(path), env={"PLANWIZARD_CONFIG_DIR": str(tmp_path / "config")})
    try:
        term.wait_for("Punt 1/10")
        assert lock_path(path).exists()
        term.send("\r")  # into the status choice
        time.sleep(0.2)
        term.send("\t\t")  # past the guidance into the notes
        time.sleep(0.2)
        term.send("getypt voor het signaal")
        time.sleep(0.2)  # handled, but well within the save delay
        os.kill(term.process.pid, signum)
        code = term.wait(10)
    finally:
        term.close()
    assert code == 128 + signum
    assert load_plan(path).plan.answers["visie.uitgangspunten"].notes == "getypt voor het signaal"
    assert not lock_path(path).exists()


def test_ctrl_q_saves_and_quits_with_status_zero(tmp_path):
    path = tmp_path / "plan.yaml"
    write_plan(path, answers={})
    term = Terminal("wizard", str(path), env={"PLANWIZARD_CONFIG_DIR": str(tmp_path / "config")})
    try:
        term.wait_for("Punt 1/10")
        term.send("\r")
        time.sleep(0.2)
        term.send("3")
        time.sleep(0.2)
        term.send("\x11")  # Ctrl+Q
        code = term.wait(10)
    finally:
        term.close()
    assert code == 0
    assert load_plan(path).plan.answers["visie.uitgangspunten"].status == "todo"
    assert not lock_path(path).exists()


def test_a_second_wizard_in_a_terminal_is_refused_with_a_clear_message(tmp_path):
    path = tmp_path / "plan.yaml"
    write_plan(path, answers={})
    env = {"PLANWIZARD_CONFIG_DIR": str(tmp_path / "config")}
    first = Terminal("wizard", str(path), env=env)
    try:
        first.wait_for("Punt 1/10")
        second = Terminal("wizard", str(path), env=env)
        try:
            second.wait_for("Dit plan is al geopend")
            second.wait_for(f"proces {first.process.pid}")
        finally:
            second.close()
    finally:
        first.close()


def test_starting_the_wizard_loads_no_docx_or_jinja(tmp_path):
    path = tmp_path / "plan.yaml"
    write_plan(path)
    probe = tmp_path / "probe.py"
    probe.write_text(
        "import sys, asyncio\n"
        f"sys.path.insert(0, {str(tmp_path.parents[0])!r})\n"
        "from planwizard.tui.app import WizardApp\n"
        "async def main():\n"
        f"    app = WizardApp({str(path)!r})\n"
        "    async with app.run_test(size=(80, 24)) as pilot:\n"
        "        while type(app.screen).__name__ != 'MainScreen':\n"
        "            await pilot.pause(0.02)\n"
        "        await pilot.press('f2', 'escape', 'f3')\n"
        "        await pilot.pause()\n"
        "        print(sorted({m.split('.')[0] for m in sys.modules} & {'docx', 'jinja2', 'lxml'}))\n"
        "asyncio.run(main())\n"
    )
    import subprocess
    import sys

    out = subprocess.run([sys.executable, str(probe)], capture_output=True, text=True, timeout=60,
                         env={**os.environ, "PLANWIZARD_CONFIG_DIR": str(tmp_path / "config")})
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip().splitlines()[-1] == "[]"


def _typed_into_a_new_plan(tmp_path, typing) -> Answer:
    """Open an empty plan in the wizard in a pty, let ``typing(term)`` type, quit; the first item's answer."""
    path = tmp_path / "plan.yaml"
    write_plan(path, answers={})
    term = Terminal("wizard", str(path), env={"PLANWIZARD_CONFIG_DIR": str(tmp_path / "config")})
    try:
        term.wait_for("Punt 1/10")
        time.sleep(0.5)
        typing(term)
        term.send("\x11")  # Ctrl+Q
        code = term.wait(10)
    finally:
        term.close()
    assert code == 0
    return load_plan(path).plan.answers["visie.uitgangspunten"]


FORM = [("Afstemmen met de regio", "team Wmo", "2027-06-01")]
"""The action both tests below type in one write."""


def test_keys_typed_right_after_enter_in_the_palette_go_to_what_the_command_opened(tmp_path):
    """Enter in Ctrl+P and the next words in one read: they wait for the command, then land in its field."""

    def typing(term: Terminal) -> None:
        term.send("\x10")  # Ctrl+P
        term.wait_for("Actie toevoegen")
        term.send("tekst bewerken")
        time.sleep(0.5)
        term.send("\rmeteen getypt")  # Enter, and the text straight after it: one write
        time.sleep(0.5)
        term.send("\x10")
        term.wait_for("Actie toevoegen")
        term.send("actie toevoegen")
        time.sleep(0.5)
        term.send("\rAfstemmen met de regio\tteam Wmo\t01-06-2027\t\r")  # the dialog is filled before it shows
        time.sleep(1)

    answer = _typed_into_a_new_plan(tmp_path, typing)
    assert answer.notes == "meteen getypt"
    assert [(a.what, a.owner, str(a.due)) for a in answer.actions] == FORM


def test_keys_typed_ahead_in_one_burst_land_in_the_fields_they_were_meant_for(tmp_path):
    """Over SSH a burst of keys often arrives in one read: a Tab in it must move focus before the next key."""

    def typing(term: Terminal) -> None:
        term.send("\r")  # into the status choice (the widget moves focus itself: give it its time)
        time.sleep(0.5)
        term.send("3\t\tin een keer getypt")  # status, past the guidance, into the notes: one write
        time.sleep(0.5)
        term.send("\x10")  # Ctrl+P
        term.wait_for("Actie toevoegen")
        term.send("actie toevoegen")
        time.sleep(0.3)
        term.send("\r")
        term.wait_for("Nieuwe actie")
        time.sleep(0.3)
        term.send("Afstemmen met de regio\tteam Wmo\t01-06-2027\t\r")  # the whole form in one write, then Opslaan
        time.sleep(0.5)

    answer = _typed_into_a_new_plan(tmp_path, typing)
    assert answer.status == "todo"
    assert answer.notes == "in een keer getypt"
    assert [(a.what, a.owner, str(a.due)) for a in answer.actions] == FORM
