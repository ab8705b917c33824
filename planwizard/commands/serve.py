"""``planwizard serve [DIR-or-FILE] [--host H] [--port P]``: the wizard in a web browser.

aiohttp, textual-serve and Textual are imported only when the server starts.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from planwizard import labels
from planwizard.commands import add_common
from planwizard.errors import PlanError

LOCAL = "127.0.0.1"


def port_number(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"geen poortnummer: {text!r}") from None
    if not 0 <= value <= 65535:
        raise argparse.ArgumentTypeError(f"poort {value} bestaat niet (0-65535; 0 kiest een vrije poort)")
    return value


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "serve",
        help="de wizard in de webbrowser (standaard alleen op deze computer)",
        description="Start de wizard in de webbrowser. Met een map toont de start de plannen in die map "
        "(openen, of een nieuw plan in die map maken); met een plan opent dat plan. Via de browser zijn "
        "alleen bestanden in die map (of bij dat plan) te bereiken. De link die verschijnt bevat een geheime "
        "sleutel: zonder die sleutel weigert de server elk verzoek. Elk tabblad is een eigen wizard; een "
        "plan is in één tabblad tegelijk te wijzigen, een tweede opent het alleen lezen.",
    )
    add_common(parser)
    parser.add_argument("target", nargs="?", default=".", metavar="MAP-of-PLAN.yaml",
                        help="map met plannen, of één antwoordbestand (standaard: de huidige map)")
    parser.add_argument("--host", default=LOCAL,
                        help=f"adres om op te luisteren (standaard {LOCAL}: alleen deze computer); een ander "
                        "adres maakt de wizard via het netwerk bereikbaar, zonder versleuteling")
    parser.add_argument("--port", type=port_number, default=8000, metavar="POORT",
                        help="poort (standaard 8000; 0 kiest een vrije poort)")
    parser.set_defaults(handler=run)


def check_target(text: str) -> Path:
    """The folder or plan to serve; PlanError when it is neither."""
    path = Path(text).expanduser()
    if path.is_dir():
        return path
    if path.suffix.lower() not in (".yaml", ".yml") or (path.exists() and not path.is_file()):
        raise PlanError.at(text, labels.ERR_SERVE_TARGET)
    if not path.parent.is_dir():
        raise PlanError.at(text, labels.ERR_SERVE_NO_FOLDER)
    return path


def run(args: argparse.Namespace) -> int:
    target = check_target(args.target)
    from planwizard.web.server import serve

    return serve(target, host=args.host, port=args.port)
