"""Small helpers shared by the tests."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def write_files(base: Path, files: dict[str, str | bytes]) -> dict[str, Path]:
    """Write ``{relative path: dedented text or bytes}`` under ``base``; returns the paths."""
    out = {}
    for name, content in files.items():
        path = base / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(textwrap.dedent(content).lstrip("\n"), encoding="utf-8")
        out[name] = path
    return out


def run_cli(*args: str, cwd: Path | None = None, env: dict[str, str] | None = None, timeout: float = 120):
    """Run ``python -m planwizard`` in a subprocess; returns the CompletedProcess (text)."""
    full_env = {**os.environ, **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "planwizard", *args],
        cwd=cwd,
        env=full_env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def answer_file(answers: str = "{}", *, version: str = "2027.1", extra: str = "") -> str:
    """A valid answer file for Heerlen with the given ``answers:`` block (YAML text)."""
    return (
        "format: planwizard/1\n"
        f'checklist: {{id: vng-beschermd-thuis, version: "{version}"}}\n'
        "municipality: {name: Heerlen, code: GM0917, region: Parkstad, central_municipality: Heerlen}\n"
        "plan: {title: Plan Heerlen, period: 2024-2027, author: A. Jansen, organisation: Gemeente Heerlen,"
        " date: 2026-11-22, version: concept 0.1}\n"
        f"answers: {answers}\n" + extra
    )
