"""``planwizard examples [--theme ID]``: list the inspiring examples."""

from __future__ import annotations

import argparse
import textwrap

from planwizard.commands import add_common


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "examples",
        help="toon de inspirerende voorbeelden",
        description="Toon de bibliotheek met inspirerende voorbeelden, eventueel voor één thema.",
    )
    add_common(parser)
    parser.add_argument("--theme", metavar="ID", help="alleen voorbeelden bij dit thema (bijv. wonen)")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from planwizard import labels
    from planwizard.checklist import current
    from planwizard.errors import PlanError, Problem
    from planwizard.examples import for_theme, load_library

    checklist = current()
    themes = {t.id: t.title for t in checklist.themes}
    if args.theme is not None and args.theme not in themes:
        raise PlanError([Problem("--theme", labels.err_unknown_theme(args.theme, list(themes)))])
    wrap = textwrap.TextWrapper(width=88, initial_indent="    ", subsequent_indent="    ")
    for example in for_theme(load_library(), args.theme):
        year = f", {example.year}" if example.year else ""
        print(f"{example.id}")
        print(f"    {example.title} ({example.where}{year})")
        print(f"    thema's: {', '.join(themes.get(t, t) for t in example.themes)}")
        print("\n".join(wrap.wrap(example.summary.strip())))
        if example.url:
            print(f"    bron: {example.url}")
        print()
    return 0
