"""``planwizard validate FILE...``: check answer files and list every problem."""

from __future__ import annotations

import argparse
import sys

from planwizard import labels
from planwizard.commands import add_common


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "validate",
        help="controleer antwoordbestanden",
        description="Controleer antwoordbestanden. Elk probleem verschijnt als "
        "bestand:regel:kolom: melding. Exitcode 1 als er iets mis is.",
    )
    add_common(parser)
    parser.add_argument("files", nargs="+", metavar="BESTAND-of-MAP", help="antwoordbestanden of mappen daarmee")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from planwizard.answers import problems_of
    from planwizard.inputs import expand

    files, missing = expand(args.files)
    failed = bool(missing)
    for problem in missing:
        print(problem, file=sys.stderr)
    for path in files:
        problems = problems_of(path)
        for problem in problems.items:
            print(problem, file=sys.stderr)
        if problems.errors:
            failed = True
        else:
            warned = len(problems.warnings)
            print(f"{path}: {labels.msg_valid_with_warnings(warned) if warned else labels.MSG_VALID}")
    return 1 if failed else 0
