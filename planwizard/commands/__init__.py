"""One module per command; each has ``register(subparsers)`` (see cli.py).

Command modules import what they share from here, never from ``cli.py``, which
imports them: every arrow points down.
"""

from __future__ import annotations

import argparse

from planwizard import __version__


def add_common(parser: argparse.ArgumentParser, top: bool = False) -> None:
    """``--version`` and ``--debug`` on the main parser and on every command."""
    parser.add_argument(
        "--version", action="version", version=f"planwizard {__version__}", help="toon het versienummer en stop"
    )
    parser.add_argument(
        "--debug",
        action="store_true",
        default=False if top else argparse.SUPPRESS,
        help="toon bij een fout de volledige technische melding (traceback)",
    )
