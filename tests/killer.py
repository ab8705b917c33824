"""Kill a process that saves an answer file in a loop, many times, and check the file.

Run as a script (the test starts it in a subprocess): it forks a child per trial that
saves versions 0, 1, 2, ... of a plan as fast as it can, kills the child with SIGKILL
after a random moment, and then checks that the file on disk loads and is byte for byte
one of the versions the child saved. Prints a JSON summary.
"""

from __future__ import annotations

import json
import os
import random
import signal
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from planwizard.answers import dumps, load_plan, save_plan  # noqa: E402
from planwizard.checklist import current  # noqa: E402
from tests.bench.plans import full_plan  # noqa: E402

PADDING = "Tekst die het bestand groot maakt, zodat schrijven tijd kost.\n" * 8


def version(plan, checklist, number: int):
    first = next(iter(checklist.items))
    plan.answers[first].notes = f"versie {number}\n{PADDING}"
    return plan


def main() -> None:
    trials, folder, seed = int(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3])
    rng = random.Random(seed)
    checklist = current()
    plan = full_plan("Heerlen", "GM0917", 0)
    path = folder / "plan.yaml"
    save_plan(version(plan, checklist, 0), path, checklist)
    size = path.stat().st_size
    bad: list[str] = []
    kills_mid_write = 0
    for trial in range(trials):
        start_number = trial * 1_000_000 + 1
        pid = os.fork()
        if pid == 0:  # child: save new versions until killed
            number = start_number
            while True:
                save_plan(version(plan, checklist, number), path, checklist)
                number += 1
        time.sleep(rng.uniform(0.0, 0.03))
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        if any(p.name.endswith(".tmp") for p in folder.iterdir()):
            kills_mid_write += 1
        try:
            loaded = load_plan(path)
        except Exception as exc:  # noqa: BLE001 - any failure to load is what we look for
            bad.append(f"trial {trial}: {exc}")
            continue
        first = next(iter(checklist.items))
        number = int(loaded.plan.answers[first].notes.split("\n", 1)[0].split()[1])
        if path.read_text(encoding="utf-8") != dumps(version(plan, checklist, number), checklist):
            bad.append(f"trial {trial}: file differs from saved version {number}")
    save_plan(version(plan, checklist, 0), path, checklist)
    leftovers = [p.name for p in folder.iterdir() if p.name != "plan.yaml"]
    print(json.dumps({"trials": trials, "bad": bad, "kills_mid_write": kills_mid_write,
                      "leftovers_after_next_save": leftovers, "file_bytes": size}))


if __name__ == "__main__":
    main()
