"""``planwizard migrate FILE...``: bring answer files to the current checklist version."""

from __future__ import annotations

import argparse
import sys

from planwizard import labels
from planwizard.commands import add_common


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "migrate",
        help="zet antwoordbestanden om naar de huidige checklistversie",
        description="Zet antwoordbestanden om naar de huidige checklistversie. Er gaat geen "
        "antwoord verloren; elk oud bestand blijft bewaard als reservekopie (.bak).",
    )
    add_common(parser)
    parser.add_argument("files", nargs="+", metavar="BESTAND-of-MAP", help="antwoordbestanden of mappen daarmee")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from planwizard.answers import migrate_file
    from planwizard.errors import PlanError
    from planwizard.inputs import expand

    files, missing = expand(args.files)
    failed = bool(missing)
    for problem in missing:
        print(problem, file=sys.stderr)
    migrated = current = retired = 0
    for path in files:
        try:
            loaded, backup = migrate_file(path)
        except PlanError as exc:
            if len(files) == 1 and not missing:
                raise
            for problem in exc.problems:
                print(problem, file=sys.stderr)
            failed = True
            continue
        if backup is None:
            current += 1
            print(f"{path}: {labels.msg_already_current(loaded.checklist.version)}")
            continue
        migrated += 1
        retired += loaded.retired_now
        print(f"{path}: {labels.msg_migrated(loaded.migrated_from or '', loaded.checklist.version, str(backup))}")
        for line in loaded.migration_report:
            print(f"  {line}")
    if len(files) > 1:
        print(labels.msg_migrate_summary(migrated, current, retired))
    return 1 if failed else 0
