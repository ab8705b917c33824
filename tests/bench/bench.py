"""Run every benchmark script in this folder, one after the other (`make bench`)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent

for script in ("bench_generate.py", "bench_batch.py", "bench_wizard.py", "bench_gemeenten.py", "bench_import.py"):
    path = HERE / script
    if not path.exists():
        print(f"== {script}: missing", flush=True)
        continue
    print(f"== {script}", flush=True)
    subprocess.run([sys.executable, str(path)], check=False)
