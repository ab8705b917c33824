"""The one error type: a list of problems, each with file, line and column."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an input, located as precisely as we know.

    ``line`` and ``col`` are 1-based; 0 means unknown (never guessed).
    A warning is reported but does not make a command fail.
    """

    path: str
    message: str
    line: int = 0
    col: int = 0
    warning: bool = False

    def __str__(self) -> str:
        where = self.path or "planwizard"
        if self.line:
            where += f":{self.line}"
            if self.col:
                where += f":{self.col}"
        prefix = "waarschuwing: " if self.warning else ""
        return f"{where}: {prefix}{self.message}"


class PlanError(Exception):
    """One or more problems with an input or output; the CLI shows them and exits 1."""

    exit_code = 1

    def __init__(self, problems: list[Problem] | Problem) -> None:
        if isinstance(problems, Problem):
            problems = [problems]
        self.problems: list[Problem] = list(problems)
        super().__init__(self.problems)

    def __str__(self) -> str:
        return "\n".join(str(p) for p in self.problems)

    def __reduce__(self):
        # Picklable for batch workers (the default would pass str(self) to __init__).
        return (self.__class__, (self.problems,))

    @classmethod
    def at(cls, path: str | Path, message: str, line: int = 0, col: int = 0) -> PlanError:
        """A PlanError with a single problem."""
        return cls([Problem(str(path), message, line, col)])


@dataclass
class Problems:
    """Collects problems of one file, then raises them all at once."""

    path: str
    items: list[Problem] = field(default_factory=list)

    def add(self, message: str, mark: tuple[int, int] | None = None, *, warning: bool = False) -> None:
        line, col = mark or (0, 0)
        self.items.append(Problem(self.path, message, line, col, warning))

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.items if not p.warning]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.items if p.warning]

    def raise_if_any(self) -> None:
        if self.errors:
            raise PlanError(sorted(self.items, key=lambda p: (p.line, p.col)))
