"""``planwizard wizard FILE.yaml`` and plain ``planwizard``: the terminal wizard.

Textual is imported only when the wizard really starts, so the other commands and
``--help`` stay fast.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from planwizard.commands import add_common
from planwizard.errors import PlanError


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "wizard",
        help="open een plan in de wizard (een nieuwe naam begint een nieuw plan)",
        description="Open een antwoordbestand in de wizard. Bestaat het nog niet, dan begint de "
        "wizard een nieuw plan met die bestandsnaam. Zonder opdracht toont planwizard het startscherm.",
    )
    add_common(parser)
    parser.add_argument("file", metavar="BESTAND.yaml", help="het antwoordbestand")
    parser.add_argument(
        "--alleen-lezen",
        dest="read_only",
        action="store_true",
        help="open het plan zonder iets te kunnen wijzigen (ook als het elders al open is)",
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    return _run(Path(args.file), read_only=args.read_only)


def run_start(args: argparse.Namespace) -> int:
    """The start screen (``planwizard`` without a command)."""
    return _run(None)


def _run(path: Path | None, *, read_only: bool = False) -> int:
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        from planwizard.tui import texts

        raise PlanError.at("planwizard", texts.ERR_NEEDS_TERMINAL)
    from planwizard.tui.app import WizardApp

    app = WizardApp(path, read_only=read_only, handle_signals=True)
    try:
        code = app.run()
    finally:
        app.shutdown()  # saves and unlocks even when the app stopped on an error
    return int(code or 0)
