"""``planwizard checklist``: print the bundled checklist."""

from __future__ import annotations

import argparse

from planwizard.commands import add_common


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "checklist",
        help="toon de meegeleverde checklist",
        description="Toon de checklist: als overzicht (text) of als Markdown-document om te delen.",
    )
    add_common(parser)
    parser.add_argument("--format", choices=("text", "markdown"), default="text", help="standaard: text")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from planwizard import outline
    from planwizard.checklist import current
    from planwizard.examples import load_library

    checklist = current()
    if args.format == "markdown":
        print(outline.markdown(checklist, load_library()))
    else:
        print(outline.text(checklist), end="")
    return 0
