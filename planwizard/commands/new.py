"""``planwizard new FILE --gemeente NAME``: write a new, empty answer file."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from planwizard import labels
from planwizard.commands import add_common


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "new",
        help="schrijf een nieuw, leeg antwoordbestand",
        description="Schrijf een nieuw antwoordbestand voor een gemeente. Code, regio en "
        "centrumgemeente komen uit de meegeleverde gemeentelijst waar die ze kent.",
    )
    add_common(parser)
    parser.add_argument("file", metavar="BESTAND.yaml", help="het nieuwe antwoordbestand")
    parser.add_argument("--gemeente", required=True, metavar="NAAM", help="naam of CBS-code van de gemeente")
    parser.add_argument("--regio", metavar="REGIO", help="regio beschermd wonen (als de lijst die niet kent)")
    parser.add_argument("--centrumgemeente", metavar="NAAM", help="centrumgemeente van die regio")
    parser.add_argument("--auteur", metavar="NAAM", default="", help="opsteller van het plan")
    parser.add_argument("--force", action="store_true", help="overschrijf een bestaand bestand")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from planwizard.answers import new_plan, save_plan
    from planwizard.checklist import current
    from planwizard.errors import PlanError, Problem
    from planwizard.gemeenten import registry

    path = Path(args.file)
    if path.exists() and not args.force and not path.is_dir():
        raise PlanError.at(args.file, labels.MSG_EXISTS)
    try:
        gemeente = registry().find(args.gemeente)
    except PlanError as exc:
        raise PlanError([Problem("--gemeente", p.message) for p in exc.problems]) from exc
    region = args.regio or gemeente.region
    central = args.centrumgemeente or gemeente.central_municipality
    if not (region and central) and sys.stdin.isatty():
        print(labels.ASK_REGION_INTRO.format(name=gemeente.name))
        region = region or input(labels.ASK_REGION).strip()
        central = central or input(labels.ASK_CENTRAL).strip()
    checklist = current()
    plan = new_plan(gemeente.name, code=gemeente.code, region=region, central_municipality=central, checklist=checklist)
    plan.info.author = args.auteur
    save_plan(plan, path, checklist)
    print(f"{path}: {labels.msg_new_plan(gemeente.name, checklist.id, checklist.version)}")
    if not (region and central):
        print(labels.MSG_REGION_UNKNOWN)
    return 0
