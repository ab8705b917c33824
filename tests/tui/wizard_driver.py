"""A headless wizard that makes changes in a loop until it is killed (for the kill test).

Run as ``python wizard_driver.py PLAN [START]``. Change ``i`` goes to item ``i % N``: its
notes become ``wijziging i`` (typed into the notes field, so the debounced save path is
used) and then its status is chosen with a key press (saved at once). After each change
has been handled the driver prints ``done i``.
"""

from __future__ import annotations

import asyncio
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from planwizard.model import STATUSES  # noqa: E402
from planwizard.tui.app import WizardApp  # noqa: E402


async def main(path: Path, start: int) -> None:
    app = WizardApp(path, cursor_blink=False)
    async with app.run_test(size=(80, 24)) as pilot:
        while type(app.screen).__name__ != "MainScreen":
            await pilot.pause(0.02)
        main_screen = app.screen
        items = main_screen.session.items
        print("ready", flush=True)
        i = start
        rng = random.Random(start)
        while True:
            item = items[i % len(items)]
            main_screen.show_item(item.id)
            notes = main_screen.query_one("#notes")
            notes.clear()
            notes.insert(f"wijziging {i}")
            status = main_screen.query_one("#status")
            status.focus()
            await pilot.press(str(STATUSES.index(STATUSES[i % 4]) + 1))
            await pilot.pause()
            print(f"done {i}", flush=True)
            # a user pauses between changes: a kill now must not lose change i
            await pilot.pause(rng.uniform(0.0, 0.15))
            i += 1


if __name__ == "__main__":
    asyncio.run(main(Path(sys.argv[1]), int(sys.argv[2]) if len(sys.argv) > 2 else 1))
