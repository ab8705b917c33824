"""``planwizard new FILE --gemeente NAME``: write a new, empty answer file."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from planwizard import labels
from planwizard.commands import add_common

if TYPE_CHECKING:
    from planwizard.gemeenten import Gemeente, Registry


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "new",
        help="schrijf een nieuw, leeg antwoordbestand",
        description="Schrijf een nieuw antwoordbestand voor een gemeente. Code, regio en "
        "centrumgemeente komen uit de meegeleverde gemeentelijst waar die ze kent. Is de regio daar "
        "niet zeker, dan vraagt planwizard in de terminal of het voorstel klopt; in een pipe blijft "
        "de regio leeg, tenzij --voorstel-overnemen is gegeven.",
    )
    add_common(parser)
    parser.add_argument("file", metavar="BESTAND.yaml", help="het nieuwe antwoordbestand")
    parser.add_argument("--gemeente", required=True, metavar="NAAM", help="naam of CBS-code van de gemeente")
    parser.add_argument("--regio", metavar="REGIO", help="regio beschermd wonen (als de lijst die niet kent)")
    parser.add_argument("--centrumgemeente", metavar="NAAM", help="centrumgemeente van die regio")
    parser.add_argument("--voorstel-overnemen", action="store_true",
                        help="neem een regio over die de gemeentelijst alleen voorstelt (niet zeker), zonder te vragen")
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
    reg = registry()
    try:
        gemeente = reg.find(args.gemeente)
    except PlanError as exc:
        raise PlanError([Problem("--gemeente", p.message) for p in exc.problems]) from exc
    merged = reg.merged(args.gemeente)
    if merged is not None:
        print(labels.msg_caution(labels.msg_merged(merged.name, merged.current.name, merged.year)), file=sys.stderr)
    interactive = sys.stdin.isatty()
    region, central, from_list = choose_region(args, gemeente, reg, interactive=interactive)
    asked = interactive and gemeente.region_suggested and not (args.regio or args.voorstel_overnemen)
    checklist = current()
    plan = new_plan(gemeente.name, code=gemeente.code, region=region, central_municipality=central, checklist=checklist)
    plan.info.author = args.auteur
    save_plan(plan, path, checklist)
    print(f"{path}: {labels.msg_new_plan(gemeente.name, checklist.id, checklist.version)}")
    if from_list:
        print(labels.msg_region_from_list(region, central, gemeente.confidence, gemeente.source))
        for note in [] if asked else cautions(gemeente, reg):
            print(labels.msg_caution(note), file=sys.stderr)
    elif gemeente.region_suggested and not region:
        print(labels.msg_region_not_taken(gemeente.name, gemeente.region, gemeente.central_municipality),
              file=sys.stderr)
    elif not region:
        print(labels.MSG_REGION_UNKNOWN, file=sys.stderr)
    elif not central:
        print(labels.MSG_CENTRAL_UNKNOWN, file=sys.stderr)
    return 0


def cautions(gemeente: Gemeente, reg: Registry) -> list[str]:
    """What the list says to be careful about: the gemeente's own note, or for a suggestion the region's."""
    notes = [gemeente.note] if gemeente.note else []
    region = reg.regions.get(gemeente.region)
    if gemeente.region_suggested and not gemeente.note and region is not None and region.note:
        notes.append(region.note)
    return notes


def choose_region(args: argparse.Namespace, gemeente: Gemeente, reg: Registry, *,
                  interactive: bool) -> tuple[str, str, bool]:
    """Region and centrumgemeente for the new plan, and whether they are the bundled ones.

    Options win; then the list when it is sure; a suggestion is confirmed on a terminal (or
    taken with --voorstel-overnemen); otherwise the terminal asks, and a pipe leaves it empty.
    """
    if args.regio:
        return _typed(reg, args.regio, args.centrumgemeente or "", interactive) + (False,)
    if gemeente.region_certain or (gemeente.region_suggested and args.voorstel_overnemen):
        central = args.centrumgemeente or gemeente.central_municipality
        return gemeente.region, central, central == gemeente.central_municipality
    if not interactive:
        return "", args.centrumgemeente or "", False
    if gemeente.region_suggested:
        print(labels.ask_suggestion(gemeente.name, gemeente.region, gemeente.central_municipality, gemeente.source))
        for note in cautions(gemeente, reg):
            print(labels.msg_caution(note))
        if _confirm(labels.ASK_ACCEPT):
            central = args.centrumgemeente or gemeente.central_municipality
            return gemeente.region, central, central == gemeente.central_municipality
    else:
        print(labels.ASK_REGION_INTRO.format(name=gemeente.name))
        if gemeente.note:
            print(f"({gemeente.note})")
    return _typed(reg, _ask(labels.ASK_REGION), args.centrumgemeente or "", interactive) + (False,)


def _typed(reg: Registry, region: str, central: str, interactive: bool) -> tuple[str, str]:
    """A region the user gave: the bundled spelling and centrumgemeente when it names a known region."""
    named = reg.named_region(region)
    if named is not None:
        return named.name, central or named.central_municipality
    if region and not central and interactive:
        central = _ask(labels.ASK_CENTRAL)
    return region.strip(), central


def _ask(prompt: str) -> str:
    try:
        return input(prompt).strip()
    except EOFError:
        print()
        return ""


def _confirm(prompt: str) -> bool:
    while True:
        try:
            answer = input(prompt).strip().casefold()
        except EOFError:
            print()
            return False
        if answer[:1] in ("j", "y"):
            return True
        if answer[:1] == "n":
            return False
