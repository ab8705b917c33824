"""Batch of 342 full plans (one per gemeente) against the floor measured in the same run.

Floor: in one process, write the same number of documents by zipping the parts of one
pre-built draft. The batch is timed as a user runs it: a fresh `planwizard batch`
process, start-up and imports included.

    python tests/bench/bench_batch.py [--count N] [--jobs N]
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.bench.plans import write_all  # noqa: E402

TARGET = 2.2


def floor(sample: Path, count: int, out: Path) -> float:
    """Seconds to write ``count`` copies of ``sample`` by zipping its parts."""
    with zipfile.ZipFile(sample) as archive:
        parts = [(info, archive.read(info)) for info in archive.infolist()]
    out.mkdir()
    start = time.perf_counter()
    for number in range(count):
        with zipfile.ZipFile(out / f"{number}.docx", "w", zipfile.ZIP_DEFLATED) as target:
            for info, data in parts:
                target.writestr(info, data)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=None, help="number of gemeenten (default all 342)")
    parser.add_argument("--jobs", type=int, default=None)
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        sources = write_all(base / "plannen", args.count)
        count = len(sources)
        batch_times, floors = [], []
        for run in range(args.repeat):
            out = base / f"uit{run}"
            command = [sys.executable, "-m", "planwizard", "batch", str(base / "plannen"), "--out-dir", str(out)]
            if args.jobs:
                command += ["--jobs", str(args.jobs)]
            before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
            start = time.perf_counter()
            result = subprocess.run(command, capture_output=True, text=True)
            batch_times.append(time.perf_counter() - start)
            if result.returncode != 0:
                sys.exit(f"batch failed:\n{result.stderr}")
            peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
            drafts = sorted(out.glob("*.docx"))
            assert len(drafts) == count, (len(drafts), count)
            floors.append(floor(drafts[0], count, base / f"floor{run}"))
        batch_s, floor_s = min(batch_times), min(floors)
        print(f"plans: {count}  cores: {os.cpu_count()}  jobs: {args.jobs or 'all'}")
        print(f"batch: {batch_s:.2f} s (runs: {', '.join(f'{t:.2f}' for t in batch_times)})")
        print(f"floor: {floor_s:.2f} s (zipping one draft's parts {count} times, one process)")
        print(f"ratio: {batch_s / floor_s:.2f}x the floor (target <= {TARGET}x)")
        print(f"per plan: {batch_s / count * 1000:.1f} ms wall, {statistics.mean(floors) / count * 1000:.1f} ms floor")
        print(f"peak memory of the largest process (worker or parent): {max(before, peak) / 1024:.0f} MiB")


if __name__ == "__main__":
    main()
