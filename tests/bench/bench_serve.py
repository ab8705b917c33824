"""How fast ``planwizard serve`` shows the first item in a browser, next to a floor from the same run.

Each run opens the link in a fresh browser context (no cache, as when a colleague first
opens it) in the system's Chromium at 1366x768, and times from ``page.goto`` until the
wizard's text has arrived over the websocket and the browser has painted the next frame:

  plan      ``planwizard serve PLAN``: the first item's heading ("Punt ...")
  folder    ``planwizard serve DIR``: the start screen's list of plans
  floor     the same server, page and waiting process, running a bare Textual app with one line

Also shown per case: when the page had loaded, when the websocket opened, when its first
byte arrived (the wizard process is running), when the text arrived (before the browser
draws it). The bar: the first item within 2 s.

    python tests/bench/bench_serve.py [--runs N]
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.tui.conftest import write_plan  # noqa: E402
from tests.web.conftest import CHROMIUM, LAUNCH_ARGS, VIEWPORT  # noqa: E402

HELLO = """
import os
from textual.app import App
from textual.widgets import Static
from planwizard.web.session import wait_for_tab
class Hello(App):
    def compose(self):
        yield Static("Hallo wereld")
width, height = wait_for_tab()
os.environ["COLUMNS"], os.environ["ROWS"] = str(width), str(height)
Hello().run()
"""
FLOOR_SERVER = """
import asyncio, sys
from pathlib import Path
from planwizard.web import access
from planwizard.web.server import WizardServer
server = WizardServer(Path(sys.argv[1]), host="127.0.0.1", port=0, token=access.new_token())
server.argv = [sys.executable, "-c", sys.argv[2]]
asyncio.run(server.run())
"""


SETTLE = 2.0
"""Seconds between the link being printed (or the last tab closing) and the next open."""


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms"


def start(args: list[str]) -> tuple[subprocess.Popen, str]:
    proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, cwd=ROOT)
    assert proc.stdout is not None
    for line in proc.stdout:
        found = re.search(r"http://\S+", line)
        if found:
            return proc, found.group(0)
    raise RuntimeError("server printed no link")


def stop(proc: subprocess.Popen) -> None:
    proc.terminate()
    proc.wait(30)


def children(pid: int) -> list[str]:
    found = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            found += (task / "children").read_text().split()
        except OSError:
            pass
    return found


WATCH = """
(() => {
  const want = %s;
  const marks = window.__marks = {};
  const strip = /\\x1b(\\[[0-9;?<>=]*[ -\\/]*[@-~]|\\][^\\x07\\x1b]*(\\x07|\\x1b\\\\)|.)/g;
  const Native = window.WebSocket;
  window.WebSocket = class extends Native {
    constructor(...args) {
      super(...args);
      marks.websocket = performance.now();
      const decoder = new TextDecoder();
      let text = "";
      this.addEventListener("message", (event) => {
        if (typeof event.data === "string" || marks.seen) return;
        marks.firstByte = marks.firstByte || performance.now();
        text += decoder.decode(event.data, {stream: true}).replace(strip, "");
        if (text.includes(want)) {
          marks.seen = performance.now();
          requestAnimationFrame(() => requestAnimationFrame(() => { marks.shown = performance.now(); }));
        }
      });
    }
  };
  window.addEventListener("load", () => { marks.loaded = performance.now(); });
})();
"""


def settle(proc: subprocess.Popen) -> None:
    """Wait until the server runs only its waiting wizard again (a closed tab's one saved and stopped),
    and that one has had time to load: as when the next colleague opens the link a moment later."""
    deadline = time.perf_counter() + 30
    while len(children(proc.pid)) != 1 and time.perf_counter() < deadline:
        time.sleep(0.02)
    time.sleep(SETTLE)


def measure(browser, proc: subprocess.Popen, url: str, text: str) -> dict[str, float]:
    """One cold open of ``url``, timed inside the page from the start of navigation (seconds):
    page loaded, websocket opened, its first byte, ``text`` painted."""
    import json

    context = browser.new_context(viewport=VIEWPORT)
    context.add_init_script(WATCH % json.dumps(text))
    page = context.new_page()
    page.goto(url, wait_until="commit")
    page.wait_for_function("window.__marks && window.__marks.shown", timeout=30_000, polling=20)
    marks = page.evaluate("window.__marks")
    context.close()
    settle(proc)
    return {"page loaded": marks["loaded"] / 1000, "websocket": marks["websocket"] / 1000,
            "first byte": marks["firstByte"] / 1000, "text arrived": marks["seen"] / 1000,
            "shown": marks["shown"] / 1000}


def report(name: str, runs: list[dict[str, float]]) -> float:
    keys = ("page loaded", "websocket", "first byte", "text arrived", "shown")
    parts = [f"{key} {ms(statistics.median(r[key] for r in runs))}" for key in keys]
    shown = sorted(r["shown"] for r in runs)
    print(f"{name:<8} median: " + ", ".join(parts) + f"  (shown: min {ms(shown[0])}, max {ms(shown[-1])}, "
          f"n={len(runs)})", flush=True)
    return statistics.median(shown)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    if not os.path.exists(CHROMIUM):
        print(f"{CHROMIUM} missing: install the Debian package chromium")
        return
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as folder_name:
        folder = Path(folder_name)
        os.environ["PLANWIZARD_CONFIG_DIR"] = str(folder / "config")
        plans = folder / "plannen"
        write_plan(plans / "heerlen.yaml")
        write_plan(plans / "vaals.yaml", answers={})
        cases = [
            ("floor", [sys.executable, "-c", FLOOR_SERVER, str(plans), HELLO], "Hallo wereld"),
            ("plan", [sys.executable, "-m", "planwizard", "serve", str(plans / "heerlen.yaml"), "--port", "0"],
             "Punt "),
            ("folder", [sys.executable, "-m", "planwizard", "serve", str(plans), "--port", "0"],
             "Plannen in deze map"),
        ]
        print(f"cpus: {os.cpu_count()}, python {sys.version.split()[0]}, load {os.getloadavg()[0]:.2f}, "
              f"{args.runs} cold opens (fresh browser context) per case at {VIEWPORT['width']}x{VIEWPORT['height']}",
              flush=True)
        first: dict[str, float] = {}
        later: dict[str, float] = {}
        with sync_playwright() as api:
            browser = api.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)
            warmed = False
            print("first tab after `serve` printed its link (a new server for each run):", flush=True)
            for name, command, text in cases:
                runs = []
                for _ in range(args.runs + (0 if warmed else 1)):
                    proc, url = start(command)
                    try:
                        settle(proc)
                        runs.append(measure(browser, proc, url, text))
                    finally:
                        stop(proc)
                if not warmed:  # the browser's own first start is not the page's cost
                    runs, warmed = runs[1:], True
                first[name] = report(name, runs)
            print("later tabs on the same server:", flush=True)
            for name, command, text in cases:
                proc, url = start(command)
                try:
                    settle(proc)
                    later[name] = report(name, [measure(browser, proc, url, text) for _ in range(args.runs)])
                finally:
                    stop(proc)
            browser.close()
        for label, results in (("first tab", first), ("later tabs", later)):
            floor, plan = results["floor"], results["plan"]
            print(f"{label}: first item shown {ms(plan)} = floor + {ms(plan - floor)} ({plan / floor:.2f}x the floor); "
                  "bar: 2000 ms", flush=True)


if __name__ == "__main__":
    main()
