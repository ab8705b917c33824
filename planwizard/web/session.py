"""One browser tab's wizard: ``python -m planwizard.web.session TARGET``, started by
``planwizard serve`` and run under Textual's web driver.

TARGET is the served folder or plan; the wizard is confined to it (``tui.paths``) and
starts in that folder. The server starts the process before a tab asks for it, so the
process first loads the wizard and then waits for one line on stdin, ``WIDTH HEIGHT``,
the size of the tab it is for (end of input instead: it was not needed, and ends).
stdout belongs to the driver: nothing else may print there.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

MAX_LINE = 32


WARM_MODULES = (
    "planwizard.tui.screens.main",  # the item pane, the sidebar and their widgets
    "planwizard.migration",
    "planwizard.plan_dates",
    "planwizard.web.driver",  # and Textual's web driver below it
    "textual.layouts.factory",
    "textual._xterm_parser",
    "textual.layouts.horizontal",
    "textual.layouts.stream",
    "textual.scrollbar",
    "concurrent.futures.thread",
    "rich._emoji_codes",
)


def warm_up() -> None:
    """Load what the first screen needs before the tab arrives (modules, checklist, examples)."""
    import importlib

    from planwizard.checklist import current
    from planwizard.examples import load_library

    for name in WARM_MODULES:
        try:
            importlib.import_module(name)
        except ImportError:  # a module of a library version that has none: only slower
            pass
    from rich.cells import cell_len

    cell_len("ë·✓")  # loads the table of character widths
    current()
    load_library()


def wait_for_tab(fd: int = 0) -> tuple[int, int] | None:
    """The tab's size from the first line on ``fd`` (read byte by byte: the rest is the driver's)."""
    line = b""
    while not line.endswith(b"\n"):
        byte = os.read(fd, 1)
        if not byte or len(line) > MAX_LINE:
            return None
        line += byte
    try:
        width, height = (int(part) for part in line.split())
    except ValueError:
        return None
    return max(20, min(width, 1000)), max(5, min(height, 1000))


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print("gebruik: python -m planwizard.web.session MAP-of-PLAN", file=sys.stderr)
        return 2
    from planwizard.tui.paths import PathPolicy

    paths = PathPolicy.serving(Path(args[0]))
    os.chdir(paths.root or ".")
    from planwizard.tui.app import WizardApp

    warm_up()
    size = wait_for_tab()
    if size is None:
        return 0
    os.environ["COLUMNS"], os.environ["ROWS"] = str(size[0]), str(size[1])  # read by the web driver
    app = WizardApp(paths.plan, paths=paths, handle_signals=True)
    try:
        code = app.run()
    finally:
        app.shutdown()  # saves and unlocks, however the app ended
    return int(code or 0)


if __name__ == "__main__":
    sys.exit(main())
