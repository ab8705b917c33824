"""Run ``planwizard`` in a pseudo-terminal, as a user at an 80x24 terminal would."""

from __future__ import annotations

import fcntl
import os
import pty
import re
import select
import struct
import subprocess
import sys
import termios
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
_ESCAPES = re.compile(rb"\x1b\[[0-9;?<>=]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(\x07|\x1b\\)|\x1b[()][A-Z0-9]|\x1b[=>]")


class Terminal:
    """A planwizard process on a pty; ``screen`` holds what it wrote, escapes stripped."""

    def __init__(self, *args: str, env: dict[str, str] | None = None, size: tuple[int, int] = (80, 24)) -> None:
        master, slave = pty.openpty()
        columns, rows = size
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
        full_env = {**os.environ, "TERM": "xterm-256color", "COLUMNS": str(columns), "LINES": str(rows),
                    **(env or {})}
        self.started = time.perf_counter()
        self.process = subprocess.Popen(
            [sys.executable, "-m", "planwizard", *args], stdin=slave, stdout=slave, stderr=slave,
            env=full_env, cwd=ROOT, start_new_session=True, close_fds=True,
        )
        os.close(slave)
        self.master = master
        self.raw = b""

    def read(self, timeout: float = 0.05) -> None:
        while True:
            ready, _, _ = select.select([self.master], [], [], timeout)
            if not ready:
                return
            try:
                chunk = os.read(self.master, 65536)
            except OSError:
                return
            if not chunk:
                return
            self.raw += chunk
            timeout = 0.0

    @property
    def text(self) -> str:
        return _ESCAPES.sub(b"", self.raw).decode("utf-8", errors="replace")

    def wait_for(self, needle: str, timeout: float = 10.0) -> float:
        """Seconds since start until ``needle`` appeared in the output."""
        deadline = time.perf_counter() + timeout
        while needle not in self.text:
            if time.perf_counter() > deadline:
                raise AssertionError(f"{needle!r} not seen; output so far:\n{self.text[-2000:]}")
            if self.process.poll() is not None:
                self.read()
                if needle in self.text:
                    break
                raise AssertionError(f"planwizard ended ({self.process.returncode}) before {needle!r}:\n"
                                     f"{self.text[-2000:]}")
            self.read()
        return time.perf_counter() - self.started

    def wait(self, timeout: float = 10.0) -> int:
        """The exit code, reading its output meanwhile (a full pty would block the app)."""
        deadline = time.perf_counter() + timeout
        while self.process.poll() is None:
            if time.perf_counter() > deadline:
                raise AssertionError(f"planwizard did not end; output so far:\n{self.text[-2000:]}")
            self.read(0.05)
        return self.process.returncode

    def send(self, keys: str | bytes) -> None:
        os.write(self.master, keys.encode("utf-8") if isinstance(keys, str) else keys)

    def close(self) -> int:
        if self.process.poll() is None:
            self.process.kill()
        code = self.process.wait(10)
        self.read()
        os.close(self.master)
        return code
