"""One plan: the whole ``generate`` process, and the build in the process, each next to its floor.

Whole process: ``planwizard generate examples/plannen/heerlen.yaml`` as a user runs it
(start-up, imports, template, plan, draft, write), against ``python -c "import lxml.etree,
yaml, jinja2, zipfile"``, the libraries it cannot do without; the two take turns, median
of N. The cache in the user's cache folder is warm (the first run, cold, is shown apart).

In the process: ``build_document`` with the template already loaded (as the wizard,
``generate`` and every batch worker have it), against zipping the finished parts of the
same draft (in memory, same compression), the least any builder has to do.

    python tests/bench/bench_generate.py [--runs N] [--process-runs N]
"""

from __future__ import annotations

import argparse
import io
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from planwizard.answers import load_plan  # noqa: E402
from planwizard.checklist import current  # noqa: E402
from planwizard.examples import load_library  # noqa: E402
from planwizard.render import build_document, load_template  # noqa: E402
from tests.bench.plans import full_plan  # noqa: E402

TARGET = 3.0
PROCESS_TARGET = 1.8
FLOOR_IMPORTS = "import lxml.etree, yaml, jinja2, zipfile"


def medians_ms(actions, runs: int) -> list[float]:
    """Median time of each action; the actions take turns, so a busy moment hits them alike."""
    times: list[list[float]] = [[] for _ in actions]
    for _ in range(runs):
        for action, spent in zip(actions, times):
            start = time.perf_counter()
            action()
            spent.append(time.perf_counter() - start)
    return [statistics.median(spent) * 1000 for spent in times]


def zip_parts(parts: list[tuple[zipfile.ZipInfo, bytes]]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for info, data in parts:
            archive.writestr(info, data)
    return buffer.getvalue()


def describe(data: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        body = archive.read("word/document.xml")
    return f"{len(data) // 1024} KiB, {body.count(b'<w:p>')} paragraphs, {body.count(b'<w:tbl>')} tables"


def whole_process(runs: int) -> float:
    """``planwizard generate`` (a fresh process each time) against the import floor; returns the ratio."""
    script = Path(sys.executable).with_name("planwizard")
    command = [str(script)] if script.exists() else [sys.executable, "-m", "planwizard"]
    plan = ROOT / "examples" / "plannen" / "heerlen.yaml"
    with tempfile.TemporaryDirectory() as folder:
        env = {**os.environ, "PLANWIZARD_CACHE_DIR": str(Path(folder) / "cache")}
        out = Path(folder) / "heerlen.docx"

        def generate() -> None:
            subprocess.run([*command, "generate", str(plan), "-o", str(out)], env=env, check=True,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

        def floor() -> None:
            subprocess.run([sys.executable, "-c", FLOOR_IMPORTS], env=env, check=True)

        cold = medians_ms([generate], 1)[0]
        process, floor_ms = medians_ms([generate, floor], runs)
        shutil.rmtree(Path(folder) / "cache", ignore_errors=True)
    ratio = process / floor_ms
    print(f"planwizard generate {plan.relative_to(ROOT)} (whole process)")
    print(f"  generate {process:7.1f} ms (median of {runs}; first run with an empty cache {cold:.0f} ms)")
    print(f"  floor    {floor_ms:7.1f} ms (python -c \"{FLOOR_IMPORTS}\")")
    print(f"  ratio    {ratio:7.2f}x (target <= {PROCESS_TARGET}x)")
    return ratio


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=41)
    parser.add_argument("--process-runs", type=int, default=15)
    args = parser.parse_args()
    process_ratio = whole_process(args.process_runs)

    start = time.perf_counter()
    template = load_template()
    print(f"template load + check (once per process): {(time.perf_counter() - start) * 1000:.1f} ms")
    library = load_library()
    checklist = current()
    plans = {
        f"bench full plan ({len(checklist.items)} items, {len(checklist.items)} actions)": full_plan("Heerlen", "GM0917", 0),
        "examples/plannen/heerlen.yaml": load_plan(ROOT / "examples" / "plannen" / "heerlen.yaml").plan,
    }
    worst = 0.0
    for name, plan in plans.items():
        data = build_document(plan, checklist, library, template)  # warm-up
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            parts = [(info, archive.read(info)) for info in archive.infolist()]
        build, floor = medians_ms(
            [lambda: build_document(plan, checklist, library, template), lambda: zip_parts(parts)], args.runs
        )
        ratio = build / floor
        worst = max(worst, ratio)
        print(f"{name}: {describe(data)}")
        print(f"  build   {build:7.1f} ms (median of {args.runs})")
        print(f"  floor   {floor:7.1f} ms (zip the same parts)")
        print(f"  ratio   {ratio:7.2f}x (target <= {TARGET:.0f}x)")
    return 0 if worst <= TARGET and process_ratio <= PROCESS_TARGET else 1


if __name__ == "__main__":
    sys.exit(main())
