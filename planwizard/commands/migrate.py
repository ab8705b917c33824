"""``planwizard migrate FILE``: bring an answer file to the current checklist version."""

from __future__ import annotations

import argparse

from planwizard import labels
from planwizard.commands import add_common


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "migrate",
        help="zet een antwoordbestand om naar de huidige checklistversie",
        description="Zet een antwoordbestand om naar de huidige checklistversie. Er gaat geen "
        "antwoord verloren; het oude bestand blijft bewaard als reservekopie (.bak).",
    )
    add_common(parser)
    parser.add_argument("file", metavar="BESTAND.yaml")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from planwizard.answers import migrate_file

    loaded, backup = migrate_file(args.file)
    if backup is None:
        print(f"{args.file}: {labels.msg_already_current(loaded.checklist.version)}")
        return 0
    print(f"{args.file}: {labels.msg_migrated(loaded.migrated_from or '', loaded.checklist.version, str(backup))}")
    for line in loaded.migration_report:
        print(f"  {line}")
    return 0
