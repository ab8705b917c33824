"""``planwizard batch FILE-or-DIR... --out-dir DIR``: a draft for every answer file."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from planwizard.commands import add_common


def _jobs(value: str) -> int:
    number = int(value)
    if number < 1:
        raise ValueError(value)
    return number


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "batch",
        help="maak concepten voor veel antwoordbestanden tegelijk",
        description="Maak een Word-concept voor elk antwoordbestand, op alle processorkernen. "
        "Een fout bestand stopt de rest niet; aan het eind staat welke bestanden mislukten.",
    )
    add_common(parser)
    parser.add_argument("sources", nargs="+", metavar="BESTAND-of-MAP", help="antwoordbestanden of mappen daarmee")
    parser.add_argument("--out-dir", required=True, type=Path, metavar="MAP", help="map voor de concepten")
    parser.add_argument("--jobs", type=_jobs, metavar="N", help="aantal processen (standaard: alle kernen)")
    parser.add_argument("--template", type=Path, metavar="MAP", help="huisstijlsjabloon (standaard: standaard)")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from planwizard import batch, labels, progress
    from planwizard.inputs import expand

    sources, missing = expand(args.sources)
    in_pipe = not sys.stdout.isatty()
    with progress.bar(len(sources), labels.BATCH_PROGRESS) as advance:

        def report(outcome: batch.Outcome) -> None:
            advance()

        result = batch.run(sources, args.out_dir, jobs=args.jobs, template_dir=args.template, progress=report)
    if in_pipe:
        for source, target in result.written:
            print(f"{source}\t{target}")
    print(labels.msg_batch_done(len(result.written), str(args.out_dir)), file=sys.stderr)
    failures = [str(p) for p in missing] + [o.problem for o in result.failed]
    if failures:
        print(labels.msg_batch_failed(len(failures)), file=sys.stderr)
        for line in failures:
            print(f"  {line}", file=sys.stderr)
        return 1
    return 0
