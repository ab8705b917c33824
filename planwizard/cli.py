"""Command line: argparse and dispatch; the one place errors become text and exit codes.

Each command lives in ``planwizard/commands/<name>.py`` with ``register(subparsers)``
that adds its parser and sets ``handler``; the options every command shares come from
``planwizard.commands`` (never from here: commands sit below the CLI). Command modules import heavy libraries
(Textual, python-docx, Jinja2) only inside their handler, so ``--help`` stays fast.
"""

from __future__ import annotations

import argparse
import gc
import importlib
import sys
from collections.abc import Sequence

from planwizard import argparse_nl, labels
from planwizard.commands import add_common
from planwizard.errors import PlanError

COMMANDS = (
    "wizard",
    "new",
    "validate",
    "generate",
    "batch",
    "region",
    "regions",
    "migrate",
    "template",
    "checklist",
    "examples",
    "import",
    "diff",
    "serve",
)
MODULES = {"import": "import_"}
"""Commands whose module has another name (``import`` is a Python keyword)."""


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The full parser with every available command (with ``only``: just that one, which is quicker)."""
    argparse_nl.install()
    parser = argparse.ArgumentParser(
        prog="planwizard",
        description="Stel het lokaal uitvoeringsplan beschermd wonen / beschermd thuis op. "
        "Zonder opdracht start de wizard.",
    )
    add_common(parser, top=True)
    subparsers = parser.add_subparsers(title="opdrachten", metavar="OPDRACHT", dest="command")
    for name in COMMANDS if only is None else (only,):
        module_name = f"planwizard.commands.{MODULES.get(name, name)}"
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as exc:
            if exc.name != module_name:
                raise
            continue
        module.register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run planwizard; returns the exit code (0 ok, 1 input/output problem, 2 usage).

    Without ``argv`` (the console script, ``python -m planwizard``) the process ends
    right after: the objects still alive are then frozen (``gc.freeze``), so the
    interpreter's shutdown frees them without scanning them all for cycles once more,
    which took longer than many a command itself (about 25 ms after ``generate``).
    """
    if argv is None:
        try:
            return _main(sys.argv[1:])
        finally:
            gc.freeze()
    return _main(list(argv))


def _command_of(args_list: list[str]) -> str | None:
    """The command named on the command line, when it is one we know (else None: all are needed)."""
    words = [a for a in args_list if not a.startswith("-")]  # the top-level options take no value
    return words[0] if words and words[0] in COMMANDS else None


def _main(args_list: list[str]) -> int:
    # Building the parsers of the other commands (and importing their modules) is work
    # only --help and mistakes need; the named command alone is enough otherwise.
    parser = build_parser(_command_of(args_list))
    try:
        args = parser.parse_args(args_list)
    except SystemExit as exc:  # argparse: --help/--version (0) or wrong usage (2)
        return int(exc.code or 0)
    handler = getattr(args, "handler", None)
    if handler is None:
        try:
            from planwizard.commands.wizard import run_start
        except ModuleNotFoundError:
            parser.print_help()
            return 0
        handler = run_start
    try:
        return int(handler(args) or 0)
    except PlanError as exc:
        if args.debug:
            raise
        report(exc)
        return exc.exit_code
    except KeyboardInterrupt:
        print(f"planwizard: {labels.MSG_INTERRUPTED}", file=sys.stderr)
        return 130
    except BrokenPipeError:
        sys.stderr.close()  # the reader went away (e.g. `| head`); nothing left to say
        return 0
    except Exception as exc:  # a bug: say so briefly, the traceback is behind --debug
        if args.debug:
            raise
        print(f"planwizard: {labels.MSG_UNEXPECTED.format(exc=exc)}", file=sys.stderr)
        return 1


def report(exc: PlanError) -> None:
    """Print every problem on its own line, ``path:line:col: message``."""
    for problem in exc.problems:
        print(problem, file=sys.stderr)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
