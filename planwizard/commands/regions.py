"""``planwizard regions [NAAM]``: the regions beschermd wonen with their member gemeenten."""

from __future__ import annotations

import argparse

from planwizard.commands import add_common


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "regions",
        help="toon de regio's beschermd wonen en hun gemeenten",
        description="Toon de regio's beschermd wonen uit de meegeleverde gemeentelijst, met per gemeente "
        "hoe zeker het lidmaatschap is, en de gemeenten die niet zijn ingedeeld. Met een naam (los "
        "geschreven, of de centrumgemeente) alleen die regio, met de bron per gemeente.",
    )
    add_common(parser)
    parser.add_argument("name", nargs="*", metavar="NAAM", help="een regio, bijvoorbeeld Parkstad of Utrecht")
    parser.add_argument("--format", choices=("text", "markdown"), default="text", help="standaard: text")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from planwizard import region_list
    from planwizard.errors import PlanError, Problem
    from planwizard.gemeenten import registry

    reg = registry()
    region = None
    if args.name:
        try:
            region = reg.find_region(" ".join(args.name))
        except PlanError as exc:
            raise PlanError([Problem("NAAM", p.message) for p in exc.problems]) from exc
    if args.format == "markdown":
        print(region_list.markdown(reg, region), end="")
    else:
        print(region_list.text(reg, region), end="")
    return 0
