"""``planwizard diff OLD.yaml NEW.yaml [--format text|markdown]``: what changed between two versions."""

from __future__ import annotations

import argparse

from planwizard.commands import add_common


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "diff",
        help="wat is er veranderd tussen twee versies van een plan",
        description="Laat per punt zien wat er tussen twee versies van een plan veranderde: status, tekst "
        "(woord voor woord: [-weg-]{+erbij+}), acties en voorbeelden. Plannen van een oudere checklistversie "
        "worden eerst in het geheugen omgezet. Exitcode 0, ook als er verschillen zijn ('geen verschillen' als "
        "ze gelijk zijn); 1 bij een probleem met een bestand.",
    )
    add_common(parser)
    parser.add_argument("old", metavar="OUD.yaml", help="de eerdere versie")
    parser.add_argument("new", metavar="NIEUW.yaml", help="de nieuwe versie")
    parser.add_argument("--format", choices=("text", "markdown"), default="text",
                        help="tekst voor de terminal (standaard) of Markdown")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    import sys

    from planwizard.compare import compare_files

    old, new, text = compare_files(args.old, args.new, style=args.format)
    for warning in [*old.warnings, *new.warnings]:
        print(warning, file=sys.stderr)
    sys.stdout.write(text)
    return 0
