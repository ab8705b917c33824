"""How long loading the bundled gemeenten list takes (on the start-up path of `new` and the
wizard's new-plan form), next to the floor measured in the same run.

Each run is a fresh process (the list is cached once loaded):
  registry     ``planwizard.gemeenten.registry()``: read gemeenten.yaml with positions and
               limits, build 342 gemeenten, 44 regions and the lookup keys;
  floor        the same file parsed by PyYAML's C loader into plain values, nothing else.
The registry comes from the user's cache folder once it is there (planwizard/cache.py);
``PLANWIZARD_CACHE_DIR= python tests/bench/bench_gemeenten.py`` measures reading the file itself.

    python tests/bench/bench_gemeenten.py [--runs N]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

REGISTRY = """
import time
from planwizard import gemeenten
start = time.perf_counter()
gemeenten.registry()
print(time.perf_counter() - start)
"""
FLOOR = """
import time, yaml
from planwizard.resources import package_file
start = time.perf_counter()
yaml.load(package_file("gemeenten.yaml").read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
print(time.perf_counter() - start)
"""


def timed(code: str) -> float:
    return float(subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True,
                                cwd=ROOT).stdout)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    runs = parser.parse_args().runs
    registry = [timed(REGISTRY) for _ in range(runs)]
    floor = [timed(FLOOR) for _ in range(runs)]
    reg, low = statistics.median(registry), statistics.median(floor)
    print(f"gemeenten list load (median of {runs} fresh processes)")
    print(f"  registry()              {reg * 1000:6.1f} ms")
    print(f"  floor: C-parse the file {low * 1000:6.1f} ms")
    print(f"  ratio                   {reg / low:6.1f} x")


if __name__ == "__main__":
    main()
