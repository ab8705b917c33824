"""Progress for long runs: a bar on a terminal, nothing extra in a pipe."""

from __future__ import annotations

import sys
from contextlib import contextmanager
from collections.abc import Callable, Iterator


@contextmanager
def bar(total: int, description: str) -> Iterator[Callable[[], None]]:
    """Yields ``advance()``; draws a rich progress bar on stderr only when it is a terminal."""
    if not sys.stderr.isatty() or total <= 1:
        yield lambda: None
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn())
    with Progress(*columns, transient=True) as progress:
        task = progress.add_task(description, total=total)
        yield lambda: progress.advance(task)
