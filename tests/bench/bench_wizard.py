"""How fast the wizard starts and switches items, next to the floors measured in the same run.

Start-up: ``planwizard wizard PLAN`` in an 80x24 pseudo-terminal, from spawning the
process until the current item's heading has been painted (the first useful frame);
floors: ``python -c pass`` and ``python -c "import textual.app"``.

Item switch, two ways:
  in the app    ``MainScreen.show_item`` (every widget of the item pane refilled, the
                sidebar updated), and that plus the app running until idle (messages,
                layout, the next frame composed), less what an idle ``pilot.pause()``
                costs, timed inside a headless app;
  end to end    Ctrl+N written to the pty until the next item's heading is on the
                terminal (key parsing, handler, layout, paint and terminal I/O).

Typing 20 characters into Ctrl+G (go to an item: the 71 questions searched): CPU time per
keystroke from the key until the palette's search has finished and the list is filled, in a
headless app (its wall clock is mostly Pilot waiting for idle); with the wizard's word matcher
and, for comparison in the same run, with Textual's fuzzy matcher (what Ctrl+G used before;
its work grows with the number of ways the typed letters line up in a question). Plus the
matchers alone: every question scored for every prefix of the phrase.

    python tests/bench/bench_wizard.py [--runs N] [--switches N]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.tui.conftest import write_plan  # noqa: E402
from tests.tui.ptyrun import Terminal  # noqa: E402


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms"


def floor(code: str, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], check=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def heading(session, item) -> str:
    theme = session.theme_of(item)
    n, total = session.position(item)
    return f"Punt {n}/{total} · thema {session.themes.index(theme) + 1}"


def startup(plan: Path, config: Path, runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        term = Terminal("wizard", str(plan), env={"PLANWIZARD_CONFIG_DIR": str(config)})
        try:
            times.append(term.wait_for("Punt ", timeout=20))
        finally:
            term.send("\x11")
            term.wait(10)
            term.close()
    return times


def switch_end_to_end(folder: Path, switches: int) -> list[float]:
    from planwizard.answers import load_plan
    from planwizard.examples import load_library
    from planwizard.tui.session import Session

    plan = folder / "leeg.yaml"  # no answers and no remembered position: starts at the first item
    write_plan(plan, answers={})
    config = folder / "config-pty"
    session = Session(load_plan(plan), plan, load_library())
    term = Terminal("wizard", str(plan), env={"PLANWIZARD_CONFIG_DIR": str(config)})
    times = []
    try:
        term.wait_for(heading(session, session.items[0]))
        time.sleep(0.5)
        term.read()
        for item in session.items[1 : switches + 1]:
            expected = heading(session, item)
            term.raw = b""
            start = time.perf_counter()
            term.send("\x0e")  # Ctrl+N
            deadline = start + 5
            while expected not in term.text:
                if time.perf_counter() > deadline:
                    raise AssertionError(f"{expected!r} never painted")
                term.read(0.001)
            times.append(time.perf_counter() - start)
            time.sleep(0.05)
    finally:
        term.send("\x11")
        term.wait(10)
        term.close()
    return times


async def settle_on(pilot, app, screen: str) -> None:
    """Wait until the app shows ``screen`` (a class name), then a little more for it to settle."""
    while type(app.screen).__name__ != screen:
        await pilot.pause(0.02)
    await pilot.pause(0.3)


def switch_in_app(plan: Path, switches: int) -> tuple[list[float], list[float]]:
    """(handler only, handler up to the next idle frame) per switch, inside a headless app."""
    from planwizard.tui.app import WizardApp

    handler: list[float] = []
    full: list[float] = []

    async def run() -> None:
        app = WizardApp(plan, cursor_blink=False)
        async with app.run_test(size=(80, 24)) as pilot:
            while type(app.screen).__name__ != "MainScreen":
                await pilot.pause(0.02)
            screen = app.screen
            items = screen.session.items
            await pilot.pause(0.3)
            for item in items[1 : switches + 1]:
                start = time.perf_counter()
                screen.show_item(item.id)
                middle = time.perf_counter()
                # the next frame: queued messages, styles, layout of what changed, compositing
                # (the headless driver composes the frame like a real one, then drops it)
                await pilot.pause()
                end = time.perf_counter()
                handler.append(middle - start)
                full.append((middle - start) + (end - middle))
    asyncio.run(run())
    return handler, full


def pause_baseline(plan: Path, count: int) -> float:
    """What ``await pilot.pause()`` costs on an idle app (subtracted from the in-app figure)."""
    from planwizard.tui.app import WizardApp

    times: list[float] = []

    async def run() -> None:
        app = WizardApp(plan, cursor_blink=False, read_only=True)
        async with app.run_test(size=(80, 24)) as pilot:
            await settle_on(pilot, app, "MainScreen")
            for _ in range(count):
                start = time.perf_counter()
                await pilot.pause()
                times.append(time.perf_counter() - start)
    asyncio.run(run())
    return statistics.median(times)


GOTO_PHRASES = ("Voor welke inwoners ", "afspraken met de reg")
"""20 characters each: the words of the bug report, and words that made Textual's matcher slow."""


def goto_typing(plan: Path, phrase: str, *, textual_matcher: bool = False) -> list[float]:
    """CPU seconds per keystroke of ``phrase`` typed into Ctrl+G, until the palette's search is
    done (CPU time: the wall clock of a headless app is mostly Pilot waiting for idle)."""
    from textual.command import Provider

    from planwizard.tui import providers
    from planwizard.tui.app import WizardApp

    cpu: list[float] = []

    async def run() -> None:
        app = WizardApp(plan, cursor_blink=False, read_only=True)
        async with app.run_test(size=(80, 24)) as pilot:
            await settle_on(pilot, app, "MainScreen")
            await pilot.press("ctrl+g")
            await settle_on(pilot, app, "DutchCommandPalette")
            palette = app.screen
            for char in phrase:
                start = time.process_time()
                await pilot.press(char)
                await pilot.pause()
                while any(worker.is_running for worker in palette.workers):
                    await pilot.pause()
                cpu.append(time.process_time() - start)

    matcher = providers.WordMatching.matcher
    if textual_matcher:
        providers.WordMatching.matcher = Provider.matcher
    try:
        asyncio.run(run())
    finally:
        providers.WordMatching.matcher = matcher
    return cpu


def matchers_alone(plan: Path, phrase: str) -> tuple[float, float]:
    """Seconds to score every question for every prefix of ``phrase``: (word matcher, Textual's)."""
    from textual.fuzzy import FuzzySearch

    from planwizard.answers import load_plan
    from planwizard.examples import load_library
    from planwizard.tui.matching import match
    from planwizard.tui.session import Session

    session = Session(load_plan(plan), plan, load_library())
    questions = [" ".join(item.question.split()) for item in session.items]
    prefixes = [phrase[:n] for n in range(1, len(phrase) + 1)]
    start = time.perf_counter()
    for prefix in prefixes:
        for question in questions:
            match(prefix, question)
    middle = time.perf_counter()
    for prefix in prefixes:
        fuzzy = FuzzySearch()  # a new one per keystroke, as the palette's Matcher makes
        for question in questions:
            fuzzy.match(prefix.strip(), question)
    return middle - start, time.perf_counter() - middle


def summary(times: list[float]) -> str:
    ordered = sorted(times)
    p90 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.9))]
    return f"median {ms(statistics.median(times))}, p90 {ms(p90)}, max {ms(max(times))} (n={len(times)})"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--switches", type=int, default=40)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        folder_path = Path(folder)
        plan = folder_path / "heerlen.yaml"
        write_plan(plan)
        config = folder_path / "config"
        os.environ["PLANWIZARD_CONFIG_DIR"] = str(config)
        print(f"cpus: {os.cpu_count()}, python {sys.version.split()[0]}")
        print(f"floor  python -c pass                  {ms(floor('pass', args.runs))}")
        print(f"floor  python -c 'import textual.app'  {ms(floor('import textual.app', args.runs))}")
        starts = startup(plan, config, args.runs)
        print(f"start-up to first painted item ({args.runs} runs): {summary(starts)} (target: median <= 600 ms)")
        handler, full = switch_in_app(plan, args.switches)
        baseline = pause_baseline(plan, args.switches)
        print(f"item switch, handler only:              {summary(handler)}")
        print(f"item switch, handler + frame (in app):  {summary([max(0.0, t - baseline) for t in full])}"
              f"  [pilot.pause baseline {ms(baseline)} subtracted]")
        print(f"item switch, Ctrl+N to painted (pty):   {summary(switch_end_to_end(folder_path, args.switches))}")
        for phrase in GOTO_PHRASES:
            print(f"type {len(phrase)} chars into Ctrl+G {phrase!r}:")
            totals = []
            for label, textual in (("word matcher", False), ("Textual's fuzzy matcher (before)", True)):
                cpu = goto_typing(plan, phrase, textual_matcher=textual)
                totals.append(sum(cpu))
                print(f"  CPU, {label + ':':34}{ms(sum(cpu))} in all; per key {summary(cpu)}")
            print(f"  ratio before/now: {totals[1] / max(totals[0], 1e-9):.1f}x")
            alone, fuzzy = matchers_alone(plan, phrase)
            print(f"  matchers alone ({len(phrase)} prefixes x questions): word matcher {ms(alone)},"
                  f" Textual's fuzzy {ms(fuzzy)} (ratio {fuzzy / max(alone, 1e-9):.0f}x)")


if __name__ == "__main__":
    main()
