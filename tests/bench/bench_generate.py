"""One full plan in-process: build time against the floor measured in the same run.

Floor: zipping the finished parts of the same draft (in memory, same compression), the
least any builder has to do. Build: ``build_document`` with the template already loaded
(as the wizard, ``generate`` and every batch worker have it), median of N runs.

    python tests/bench/bench_generate.py [--runs N]
"""

from __future__ import annotations

import argparse
import io
import statistics
import sys
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

TARGET = 4.0


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


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=41)
    args = parser.parse_args()

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
    return 0 if worst <= TARGET else 1


if __name__ == "__main__":
    sys.exit(main())
