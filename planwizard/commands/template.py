"""``planwizard template check DIR`` and ``planwizard template init DIR``: house-style templates."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from planwizard.commands import add_common


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "template",
        help="controleer of maak een huisstijlsjabloon",
        description="Een sjabloon is een map met reference.docx (de huisstijl), styles.yaml (welke stijl "
        "bij welke rol hoort) en blocks/ (de vaste teksten van het plan).",
    )
    add_common(parser)
    actions = parser.add_subparsers(title="opdrachten", metavar="OPDRACHT", dest="template_command", required=True)
    check = actions.add_parser(
        "check",
        help="meld elk probleem van een sjabloon",
        description="Controleer een sjabloon: bestaat elke stijl uit styles.yaml in reference.docx, en is elk "
        "tekstblok geldig en in te vullen met een voorbeeldplan? Elk probleem verschijnt als "
        "bestand:regel: melding. Exitcode 1 als er iets mis is.",
    )
    add_common(check)
    check.add_argument("dir", type=Path, metavar="MAP", help="de sjabloonmap")
    check.set_defaults(handler=run_check)
    init = actions.add_parser(
        "init",
        help="kopieer het standaardsjabloon om in Word aan te passen",
        description="Kopieer het standaardsjabloon naar een nieuwe (of lege) map. Pas daarna reference.docx "
        "aan in Word en controleer het resultaat met 'planwizard template check MAP'.",
    )
    add_common(init)
    init.add_argument("dir", type=Path, metavar="MAP", help="de nieuwe sjabloonmap")
    init.set_defaults(handler=run_init)


def run_check(args: argparse.Namespace) -> int:
    from planwizard import labels
    from planwizard.errors import PlanError
    from planwizard.render import check_template

    problems = check_template(args.dir)
    if any(not p.warning for p in problems):
        raise PlanError(problems)
    for problem in problems:
        print(problem, file=sys.stderr)
    print(labels.msg_template_ok(str(args.dir)))
    return 0


def run_init(args: argparse.Namespace) -> int:
    from planwizard import labels
    from planwizard.render.template import copy_default

    copy_default(args.dir)
    print(labels.msg_template_copied(str(args.dir)))
    return 0
