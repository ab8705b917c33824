"""``planwizard generate FILE [-o OUT.docx] [--template DIR]``: the Word draft of one plan."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from planwizard.commands import add_common


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "generate",
        help="maak het Word-concept van een plan",
        description="Maak het Word-concept (.docx) van het lokaal uitvoeringsplan uit een antwoordbestand, in "
        "de huisstijl van het sjabloon. Een bestaand bestand wordt pas vervangen als het nieuwe concept "
        "helemaal klaar is. Het pad van het geschreven bestand verschijnt op de uitvoer.",
    )
    add_common(parser)
    parser.add_argument("file", metavar="BESTAND.yaml", help="het antwoordbestand")
    parser.add_argument(
        "-o", "--out", type=Path, metavar="UIT.docx",
        help="het Word-bestand (standaard: 'Uitvoeringsplan <gemeente> <versie>.docx' in de huidige map)",
    )
    parser.add_argument(
        "--template", type=Path, metavar="MAP",
        help="map met het huisstijlsjabloon, of de naam van een meegeleverd sjabloon (standaard: standaard)",
    )
    parser.add_argument(
        "--compare", metavar="OUD.yaml",
        help="een eerdere versie van het plan: het concept krijgt een bijlage met wat er sindsdien veranderde",
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from planwizard.answers import load_plan
    from planwizard.render import generate_file, load_template

    load_template(args.template)  # a template problem is reported before the plan is even read
    loaded = load_plan(args.file)
    earlier = load_plan(args.compare) if args.compare else None
    for warning in [*loaded.warnings, *(earlier.warnings if earlier else [])]:
        print(warning, file=sys.stderr)
    version = loaded.plan.info.version
    if earlier is not None and version and earlier.plan.info.version == version:
        from planwizard import labels
        from planwizard.errors import Problem

        print(Problem(args.compare, labels.warn_same_version(version, args.file), warning=True), file=sys.stderr)
    path = generate_file(loaded, args.out, args.template, compare=earlier)
    print(path)
    return 0
