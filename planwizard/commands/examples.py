"""``planwizard examples [--theme ID] [--zoek WOORD] [--per-thema]``: the inspiring examples."""

from __future__ import annotations

import argparse
import sys
import textwrap

from planwizard.commands import add_common


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "examples",
        help="toon de inspirerende voorbeelden",
        description="Toon de bibliotheek met inspirerende voorbeelden: alle, die van één thema, die met "
        "bepaalde woorden (hoofdletters en accenten tellen niet), of een lijst per thema.",
    )
    add_common(parser)
    parser.add_argument("--theme", metavar="ID", help="alleen voorbeelden bij dit thema (bijv. wonen)")
    parser.add_argument("--zoek", metavar="WOORD", default="",
                        help="alleen voorbeelden waarin elk woord voorkomt (titel, plaats, jaar, tekst, bron)")
    parser.add_argument("--per-thema", action="store_true",
                        help="een korte lijst per thema (een voorbeeld staat bij elk van zijn thema's)")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from planwizard import labels
    from planwizard.checklist import current
    from planwizard.errors import PlanError, Problem
    from planwizard.examples import load_library, search

    checklist = current()
    themes = {t.id: t.title for t in checklist.themes}
    theme = args.theme.strip().casefold() if args.theme is not None else None
    if theme is not None and theme not in themes:
        raise PlanError([Problem("--theme", labels.err_unknown_theme(args.theme, list(themes)))])
    found = search(load_library(), args.zoek, theme)
    if not found:
        print(labels.msg_no_examples(args.zoek), file=sys.stderr)
        return 0
    if args.per_thema:
        entry = textwrap.TextWrapper(width=88, initial_indent="    ", subsequent_indent="        ", break_on_hyphens=False)
        for theme_id, title in themes.items():
            listed = [e for e in found if theme_id in e.themes]
            if listed and theme in (None, theme_id):
                print(labels.examples_theme_heading(title, len(listed)))
                for example in listed:
                    print(entry.fill(f"{example.id}: {example.title} ({_where(example)})"))
                print()
        return 0
    wrap = textwrap.TextWrapper(width=88, initial_indent="    ", subsequent_indent="    ")
    for example in found:
        print(f"{example.id}")
        print(f"    {example.title} ({_where(example)})")
        print(f"    {labels.EXAMPLES_THEMES}: {', '.join(themes.get(t, t) for t in example.themes)}")
        print("\n".join(wrap.wrap(example.summary.strip())))
        if example.url:
            print(f"    {labels.EXAMPLES_SOURCE}: {example.url}")
        print()
    return 0


def _where(example) -> str:
    return ", ".join(part for part in (example.where, example.year) if part)
