"""A real ``planwizard serve`` and the system's Chromium driven by Playwright.

No browser is downloaded: Playwright starts the Debian package's ``/usr/bin/chromium``
(``.ci/run`` installs it). Outside CI the browser tests are skipped when it is missing.
"""

from __future__ import annotations

import codecs
import os
import queue
import re
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from tests.conftest import IN_CI
from tests.helpers import ROOT
from tests.tui.conftest import config_dir  # noqa: F401 - autouse: recent plans and theme per test

CHROMIUM = "/usr/bin/chromium"
LAUNCH_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
               "--disable-background-networking", "--disable-component-update", "--disable-sync"]
VIEWPORT = {"width": 1366, "height": 768}
"""A common laptop screen."""
_ESCAPES = re.compile(r"\x1b(\[[0-9;?<>=]*[ -/]*[@-~]|\][^\x07\x1b]*(\x07|\x1b\\)|[P^_][^\x1b]*\x1b\\|[()][0-9A-Za-z]|.)")


def _missing(message: str):
    if IN_CI:
        pytest.fail(message)
    pytest.skip(message)


@pytest.fixture(scope="module")
def playwright_api():
    """Playwright for one test module (its event loop must not outlive it: others use asyncio.run)."""
    if not os.path.exists(CHROMIUM):
        _missing(f"{CHROMIUM} ontbreekt (installeer het Debian-pakket chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _missing("het Python-pakket playwright ontbreekt (pip install -e '.[test]')")
    with sync_playwright() as api:
        yield api


@pytest.fixture(scope="module")
def browser(playwright_api):
    browser = playwright_api.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)
    yield browser
    browser.close()


@pytest.fixture
def shots(tmp_path) -> Path:
    folder = tmp_path / "screenshots"
    folder.mkdir()
    return folder


class Served:
    """A running ``planwizard serve TARGET --port 0``: its link, its process and its wizards."""

    def __init__(self, target: Path, *args: str) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "planwizard", "serve", str(target), "--port", "0", *args],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT,
        )
        self.lines: queue.Queue[str] = queue.Queue()
        self.output: list[str] = []
        self.errors: list[str] = []
        threading.Thread(target=self._read, args=(self.proc.stdout, self.output, True), daemon=True).start()
        threading.Thread(target=self._read, args=(self.proc.stderr, self.errors, False), daemon=True).start()
        self.url = ""
        deadline = time.monotonic() + 30
        while not self.url:
            try:
                line = self.lines.get(timeout=max(0.1, deadline - time.monotonic()))
            except queue.Empty:
                self.stop(signal.SIGKILL)
                raise AssertionError(f"serve printed no link: {self.output} {self.errors}") from None
            found = re.search(r"http://\S+", line)
            if found:
                self.url = found.group(0)
        self.base = self.url.split("?")[0]

    def _read(self, stream, into: list[str], queued: bool) -> None:
        for line in stream:
            into.append(line)
            if queued:
                self.lines.put(line)

    @property
    def pid(self) -> int:
        return self.proc.pid

    def children(self) -> list[int]:
        """The wizard processes this server runs now."""
        found = []
        for task in Path(f"/proc/{self.pid}/task").glob("*"):
            try:
                found += [int(p) for p in (task / "children").read_text().split()]
            except OSError:
                pass
        return sorted(set(found))

    def listening(self) -> list[tuple[str, int]]:
        """The addresses this server's process listens on (from /proc)."""
        return listening_sockets(self.pid)

    def stop(self, signum: int = signal.SIGTERM, timeout: float = 30) -> int:
        if self.proc.poll() is None:
            self.proc.send_signal(signum)
        try:
            return self.proc.wait(timeout)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            return self.proc.wait(10)


@pytest.fixture
def serve():
    """Start ``planwizard serve``; every server a test started is stopped after it."""
    started: list[Served] = []

    def start(target: Path, *args: str) -> Served:
        served = Served(target, *args)
        started.append(served)
        return served

    yield start
    for served in started:
        served.stop()


def listening_sockets(pid: int) -> list[tuple[str, int]]:
    """(address, port) of every listening TCP socket held by process ``pid``."""
    inodes = set()
    for fd in Path(f"/proc/{pid}/fd").iterdir():
        try:
            target = os.readlink(fd)
        except OSError:
            continue
        if target.startswith("socket:["):
            inodes.add(target[8:-1])
    found = []
    for table, v6 in (("tcp", False), ("tcp6", True)):
        try:
            rows = Path(f"/proc/{pid}/net/{table}").read_text().splitlines()[1:]
        except OSError:
            continue
        for row in rows:
            fields = row.split()
            local, state, inode = fields[1], fields[3], fields[9]
            if state != "0A" or inode not in inodes:  # 0A: LISTEN
                continue
            address, port = local.split(":")
            found.append((_address(address, v6), int(port, 16)))
    return found


def _address(hex_text: str, v6: bool) -> str:
    import ipaddress

    raw = bytes.fromhex(hex_text)
    if not v6:
        return str(ipaddress.IPv4Address(raw[::-1]))
    words = b"".join(raw[i:i + 4][::-1] for i in range(0, 16, 4))
    return str(ipaddress.IPv6Address(words))


def process_alive(pid: int) -> bool:
    from planwizard.fileio import process_alive as alive

    return alive(pid)


class Tab:
    """A browser tab on the wizard: keys in, the text the wizard drew out, screenshots."""

    def __init__(self, browser, url: str, shots: Path, name: str) -> None:
        self.context = browser.new_context(viewport=VIEWPORT, accept_downloads=True)
        self.page = self.context.new_page()
        self.shots = shots
        self.name = name
        self.count = 0
        self.text = ""
        self.sockets = 0
        self._decoder = codecs.getincrementaldecoder("utf-8")("replace")
        self.page.on("websocket", self._watch)
        self.response = self.page.goto(url)

    def _watch(self, websocket) -> None:
        self.sockets += 1
        self.text = ""
        self._decoder = codecs.getincrementaldecoder("utf-8")("replace")

        def received(payload) -> None:
            if isinstance(payload, bytes):
                self.text += _ESCAPES.sub("", self._decoder.decode(payload))

        websocket.on("framereceived", received)

    def wait_for(self, text: str, timeout: float = 20.0) -> None:
        """Wait until the wizard has drawn ``text`` in this tab, and the browser has painted it."""
        deadline = time.monotonic() + timeout
        while text not in self.text:
            if time.monotonic() > deadline:
                self.shot("timeout")
                raise AssertionError(f"{self.name}: {text!r} never appeared; last text: {self.text[-600:]!r}")
            self.page.wait_for_timeout(20)
        self.page.evaluate("new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")

    def reload(self) -> None:
        """Reload the page and wait for its new connection (the text starts afresh)."""
        before = self.sockets
        self.page.reload()
        deadline = time.monotonic() + 20
        while self.sockets == before:
            if time.monotonic() > deadline:
                raise AssertionError(f"{self.name}: no new connection after reloading")
            self.page.wait_for_timeout(20)

    def press(self, *keys: str, pause: int = 300) -> None:
        """Keys one by one, at a person's pace (a focus change in the wizard may take a moment).

        No click first: the page gives the wizard the keyboard as soon as it shows."""
        for key in keys:
            self.page.keyboard.press(key)
            self.page.wait_for_timeout(pause)

    def type(self, text: str) -> None:
        self.page.keyboard.type(text, delay=15)

    def shot(self, step: str) -> Path:
        self.count += 1
        path = self.shots / f"{self.name}-{self.count:02d}-{step}.png"
        self.page.screenshot(path=str(path))
        return path

    def close(self) -> None:
        self.context.close()


def wait_until(condition, timeout: float = 15.0, what: str = "") -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what or condition}")
        time.sleep(0.05)
