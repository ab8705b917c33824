"""Run every benchmark script in this folder, one after the other (`make bench`).

Python may write bytecode (``__pycache__``) here even when PYTHONDONTWRITEBYTECODE is
set: an installed wheel has its bytecode, so start-up is measured as users get it.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent

SCRIPTS = ("bench_generate.py", "bench_batch.py", "bench_wizard.py", "bench_gemeenten.py", "bench_import.py",
           "bench_serve.py")

for script in SCRIPTS:
    path = HERE / script
    if not path.exists():
        print(f"== {script}: missing", flush=True)
        continue
    print(f"== {script}", flush=True)
    env = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
    subprocess.run([sys.executable, str(path)], check=False, env=env)
