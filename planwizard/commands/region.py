"""``planwizard region FILE-or-DIR... -o OVERVIEW``: one overview across gemeenten."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from planwizard.commands import add_common


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "region",
        help="maak een regionaal overzicht van meerdere plannen",
        description="Maak een overzicht van de plannen van de gemeenten van een regio: stand per "
        "thema, gedeelde open punten, alle acties op datum en de gekozen voorbeelden. Plannen van "
        "verschillende regio's staan per regio; met --regio alleen die regio, met de gemeenten die nog "
        "geen plan hebben.",
    )
    add_common(parser)
    parser.add_argument("sources", nargs="+", metavar="BESTAND-of-MAP", help="antwoordbestanden of mappen daarmee")
    parser.add_argument("-o", "--output", required=True, type=Path, metavar="OVERZICHT",
                        help="uitvoerbestand (- voor het scherm bij markdown en csv)")
    parser.add_argument("--format", choices=("docx", "markdown", "csv"), help="standaard: volgens de extensie, anders docx")
    parser.add_argument("--template", type=Path, metavar="MAP", help="huisstijlsjabloon voor docx")
    parser.add_argument("--regio", metavar="NAAM",
                        help="alleen de plannen van deze regio (losse naam, of de centrumgemeente); het overzicht "
                        "noemt ook de gemeenten van de regio die nog geen plan hebben")
    parser.set_defaults(handler=run)


def _format(args: argparse.Namespace) -> str:
    if args.format:
        return args.format
    return {".md": "markdown", ".markdown": "markdown", ".csv": "csv"}.get(args.output.suffix.lower(), "docx")


def run(args: argparse.Namespace) -> int:
    from planwizard import labels, region
    from planwizard.errors import PlanError
    from planwizard.inputs import expand_or_fail
    from planwizard.fileio import atomic_write, check_target

    fmt = _format(args)
    to_screen = str(args.output) == "-"
    if to_screen and fmt == "docx":
        raise PlanError.at("-o", labels.ERR_DOCX_TO_SCREEN)
    if not to_screen:
        check_target(args.output)
    overview = region.build(expand_or_fail(args.sources), args.regio)
    if fmt == "docx":
        from planwizard.render.region_doc import build_overview

        data: bytes | str = build_overview(overview, args.template)
    else:
        data = region.markdown(overview) if fmt == "markdown" else region.csv_text(overview)
    if to_screen:
        sys.stdout.write(str(data))
    else:
        atomic_write(args.output, data)
        print(args.output)
    for problem in overview.skipped + overview.failed:
        print(problem, file=sys.stderr)
    return 1 if overview.failed else 0
