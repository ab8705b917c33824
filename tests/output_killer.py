"""Kill `generate` in the middle of writing, many times; the draft is never half-written.

Run as a script: forks a child per trial that writes the draft to the same path in a
loop, SIGKILLs it at a random moment, then checks the path holds a complete .docx
(python-docx opens it) or nothing yet. Prints a JSON summary.
"""

from __future__ import annotations

import json
import os
import random
import signal
import sys
import time
import zipfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import docx  # noqa: E402

from planwizard.answers import load_plan  # noqa: E402
from planwizard.render import generate_file  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    trials, folder, seed = int(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3])
    rng = random.Random(seed)
    loaded = load_plan(ROOT / "examples" / "plannen" / "heerlen.yaml")
    target = folder / "concept.docx"
    generate_file(loaded, target)  # warm the template cache before forking
    target.unlink()
    bad: list[str] = []
    mid_write = 0
    import planwizard.fileio as fileio

    for trial in range(trials):
        # Every other trial aims at the write itself: the child says when it starts writing,
        # and the kill follows within two milliseconds; the others hit any moment.
        aim = trial % 2 == 0
        ready_r, ready_w = os.pipe()
        pid = os.fork()
        if pid == 0:
            os.close(ready_r)
            original = fileio.atomic_write

            def announced(*args, **kwargs):
                os.write(ready_w, b"w")
                return original(*args, **kwargs)

            fileio.atomic_write = announced
            while True:
                generate_file(loaded, target)
        os.close(ready_w)
        if aim:
            os.read(ready_r, 1)
            time.sleep(rng.uniform(0.0, 0.002))
        else:
            time.sleep(rng.uniform(0.0, 0.08))
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        os.close(ready_r)
        if any(p.name.endswith(".tmp") for p in folder.iterdir()):
            mid_write += 1
        if not target.exists():
            continue
        try:
            with zipfile.ZipFile(target) as archive:
                if archive.testzip() is not None:
                    raise ValueError("corrupt member")
            docx.Document(str(target))
        except Exception as exc:  # noqa: BLE001 - any failure to open is a finding
            bad.append(f"trial {trial}: {type(exc).__name__}: {exc}")
    generate_file(loaded, target)
    leftovers = sorted(p.name for p in folder.iterdir() if p.name != "concept.docx")
    print(json.dumps({"trials": trials, "bad": bad, "kills_mid_write": mid_write, "leftovers_after_next_write": leftovers}))


if __name__ == "__main__":
    main()
