"""A process killed (SIGKILL) while saving never leaves a corrupt or half-written answer file."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from tests.helpers import ROOT

pytestmark = pytest.mark.slow
TRIALS = int(os.environ.get("PLANWIZARD_KILL_TRIALS", "120"))


def test_sigkill_during_saves_leaves_a_valid_saved_version(tmp_path):
    result = subprocess.run(
        [sys.executable, str(ROOT / "tests" / "killer.py"), str(TRIALS), str(tmp_path), "20261123"],
        capture_output=True, text=True, timeout=600,
    )
    assert result.returncode == 0, result.stderr
    summary = json.loads(result.stdout.strip().splitlines()[-1])
    assert summary["trials"] == TRIALS >= 100
    assert summary["bad"] == []
    # the kills really hit writes in progress (otherwise the test proves little) ...
    assert summary["kills_mid_write"] > 0
    # ... and the temporaries they left are cleaned up by the next save
    assert summary["leftovers_after_next_save"] == []
