"""Turning FILE-or-DIR arguments into the answer files to read."""

from __future__ import annotations

from pathlib import Path

from planwizard import labels
from planwizard.errors import PlanError, Problem

SUFFIXES = (".yaml", ".yml")


def expand(arguments: list[str]) -> tuple[list[Path], list[Problem]]:
    """Files named directly, plus the YAML files in named folders (sorted, not recursive).

    A missing argument is a problem, reported with the others; a folder without YAML
    files is one too.
    """
    files: list[Path] = []
    problems: list[Problem] = []
    for argument in arguments:
        path = Path(argument)
        if path.is_dir():
            found = sorted(p for p in path.iterdir() if p.suffix.lower() in SUFFIXES and not p.name.startswith("."))
            if not found:
                problems.append(Problem(argument, labels.ERR_NO_YAML_IN_DIR))
            files.extend(found)
        elif path.exists() or path.is_symlink():
            files.append(path)
        else:
            problems.append(Problem(argument, labels.ERR_MISSING))
    return list(dict.fromkeys(files)), problems


def expand_or_fail(arguments: list[str]) -> list[Path]:
    """Like ``expand`` but every problem is fatal."""
    files, problems = expand(arguments)
    if problems:
        raise PlanError(problems)
    return files
