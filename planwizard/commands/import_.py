"""``planwizard import DRAFT.docx [--into FILE.yaml] [--dry-run] [--keep draft|file]``: edits from Word back."""

from __future__ import annotations

import argparse
import sys

from planwizard import labels
from planwizard.commands import add_common


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "import",
        help="lees wijzigingen uit het Word-concept terug in het antwoordbestand",
        description="Lees de toelichting, status en acties per punt uit een Word-concept van planwizard terug "
        "in het antwoordbestand waarvan het gemaakt is. Per gewijzigd punt verschijnt wat er verandert; het "
        "oude antwoordbestand blijft bewaard als reservekopie (.bak). Een punt dat zowel in het concept als in "
        "het antwoordbestand is gewijzigd, is een conflict: dan wordt niets geschreven (exitcode 1), tenzij "
        "--keep een kant kiest. Tekst buiten de gemarkeerde delen wordt per hoofdstuk gemeld en niet ingelezen.",
    )
    add_common(parser)
    parser.add_argument("draft", metavar="CONCEPT.docx", help="het Word-concept, gemaakt met planwizard generate")
    parser.add_argument("--into", metavar="BESTAND.yaml",
                        help="het antwoordbestand (standaard: het bestand waarvan het concept gemaakt is)")
    parser.add_argument("--dry-run", action="store_true", help="laat alleen zien wat er zou veranderen")
    parser.add_argument("--keep", choices=("draft", "file"),
                        help="bij een conflict: neem het concept over (draft) of houd het antwoordbestand aan (file)")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from planwizard.errors import PlanError
    from planwizard.roundtrip.importer import prepare, write
    from planwizard.roundtrip.report import change_lines

    preview = prepare(args.draft, args.into, keep=args.keep)
    for warning in preview.warnings:
        print(warning, file=sys.stderr)
    if preview.problems:
        raise PlanError(preview.problems)
    changes = preview.result.changes
    for line in change_lines(preview):
        print(line)
    if not changes:
        print(labels.msg_import_nothing(str(preview.target)))
        return 0
    if args.dry_run:
        print(labels.msg_import_dry_run(str(preview.target), len(changes)))
        return 0
    backup = write(preview)
    print(labels.msg_imported(str(preview.target), len(changes), str(backup)))
    return 0
