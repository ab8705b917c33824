"""A wizard killed with SIGKILL at a random moment leaves a valid file missing at most the last change."""

from __future__ import annotations

import os
import random
import re
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from planwizard.answers import load_plan
from planwizard.model import STATUSES
from tests.tui.conftest import write_plan

pytestmark = pytest.mark.slow
DRIVER = Path(__file__).with_name("wizard_driver.py")
ROUNDS = int(os.environ.get("PLANWIZARD_WIZARD_KILLS", "6"))


def _start(path: Path, first: int, env: dict[str, str]) -> tuple[subprocess.Popen, list[str]]:
    process = subprocess.Popen([sys.executable, str(DRIVER), str(path), str(first)], stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True, env=env)
    assert process.stdout is not None
    line = process.stdout.readline()
    assert line.strip() == "ready", line + (process.stderr.read() if process.poll() is not None else "")
    return process, []


def test_sigkill_at_random_moments_loses_at_most_the_last_change(tmp_path):
    path = tmp_path / "plan.yaml"
    write_plan(path, answers={})
    env = {**os.environ, "PLANWIZARD_CONFIG_DIR": str(tmp_path / "config")}
    rng = random.Random(20261123)
    first = 1
    completed = 0
    for round_ in range(ROUNDS):
        # each round starts on the lock the previous, killed, wizard left behind
        process, lines = _start(path, first, env)
        reader = threading.Thread(target=lambda: lines.extend(process.stdout), daemon=True)
        reader.start()
        time.sleep(rng.uniform(0.2, 2.5))
        os.kill(process.pid, signal.SIGKILL)
        process.wait()
        reader.join(5)
        numbers = [int(n) for n in re.findall(r"done (\d+)", "".join(lines))]
        done = max(numbers, default=first - 1)
        completed += len(numbers)

        loaded = load_plan(path)  # never corrupt
        latest = {}
        for item_id, answer in loaded.plan.answers.items():
            match = re.fullmatch(r"wijziging (\d+)", answer.notes)
            if match:
                latest[item_id] = (int(match.group(1)), answer.status)
        newest = max((n for n, _ in latest.values()), default=0)
        assert done <= newest <= done + 1, f"round {round_}: completed {done}, file has {newest}"
        items = list(loaded.checklist.items)
        for number in range(max(1, newest - len(items) + 1), done + 1):
            item_id = items[number % len(items)]
            assert latest[item_id] == (number, STATUSES[number % 4]), (round_, number, latest[item_id])
        first = newest + 1
    assert completed >= 10  # the kills really interrupted a wizard at work
