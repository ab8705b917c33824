"""Many answer files -> one Word draft each, on all cores.

Workers load, check and build each plan and write it to a temporary file in the output
folder; the parent then gives every draft its final name in input order, so names do
not depend on which worker finished first, and moves it into place. A bad file is
reported and skipped; it never stops the run.
"""

from __future__ import annotations

import datetime as dt
import multiprocessing
import multiprocessing.pool
import os
import resource
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from planwizard import labels
from planwizard.errors import PlanError, Problem
from planwizard.fileio import remove_stale_temporaries, write_temporary

PRELOAD = ["planwizard.render.build", "planwizard.render.template", "planwizard.answers", "planwizard.examples"]


@dataclass(frozen=True)
class Outcome:
    """What happened to one input file (picklable, sent back by a worker)."""

    index: int
    source: str
    name: str = ""
    temporary: str = ""
    problem: str = ""
    peak_kib: int = 0


@dataclass
class Result:
    """All outcomes of a batch run, and where each draft ended up."""

    written: list[tuple[str, Path]] = field(default_factory=list)
    failed: list[Outcome] = field(default_factory=list)
    peak_kib: int = 0


_state: dict[str, object] = {}


def _init(template_dir: str | None, out_dir: str, now: dt.datetime) -> None:
    from planwizard.examples import load_library
    from planwizard.render import load_template

    try:
        _state["template"] = load_template(Path(template_dir) if template_dir else None)
        _state["library"] = load_library()
    except PlanError as exc:  # the parent reports it; a worker that died here would be restarted forever
        _state["error"] = str(exc.problems[0])
    _state["out_dir"] = Path(out_dir)
    _state["now"] = now


def run_time() -> dt.datetime:
    """The creation time written into every draft of a run (SOURCE_DATE_EPOCH when set)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc)
    return dt.datetime.now(dt.timezone.utc).replace(microsecond=0)


def _build(task: tuple[int, str]) -> Outcome:
    index, source = task
    if "error" in _state:
        return Outcome(index, source, problem=str(_state["error"]))
    from planwizard.answers import load_plan
    from planwizard.render import build_document, default_output_name

    try:
        loaded = load_plan(source)
        data = build_document(loaded.plan, loaded.checklist, _state["library"], _state["template"],  # type: ignore[arg-type]
                              now=_state["now"], source=os.path.abspath(source))  # type: ignore[arg-type]
        name = default_output_name(loaded.plan)
        # Batch drafts can be made again from their answer files, so they are not
        # fsynced one by one; the rename still guarantees no half-written draft.
        temporary = write_temporary(_state["out_dir"], name, data, sync=False)  # type: ignore[arg-type]
    except PlanError as exc:
        return Outcome(index, source, problem=str(exc.problems[0]))
    except Exception as exc:  # a bug must not stop the other 341 drafts
        return Outcome(index, source, problem=f"{source}: {labels.MSG_UNEXPECTED.format(exc=exc)}")
    return Outcome(index, source, name=name, temporary=str(temporary), peak_kib=_peak_kib())


def _peak_kib() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def _start_pool(jobs: int, setup: tuple[object, ...]) -> multiprocessing.pool.Pool:
    """Worker processes, forked from a server that has already imported the builder."""
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(PRELOAD)
    return context.Pool(jobs, _init, setup)


def run(
    sources: list[Path],
    out_dir: Path,
    *,
    jobs: int | None = None,
    template_dir: Path | None = None,
    progress: Callable[[Outcome], None] | None = None,
) -> Result:
    """Build a draft for every source into ``out_dir``; bad sources end up in ``failed``."""
    from planwizard.render import load_template

    jobs = max(1, min(jobs or os.cpu_count() or 1, len(sources) or 1))
    tasks = [(index, str(path)) for index, path in enumerate(sources)]
    setup = (str(template_dir) if template_dir else None, str(out_dir), run_time())
    # The workers start (imports, template) while this process checks the template.
    pool = _start_pool(jobs, setup) if jobs > 1 else None
    done: list[Outcome] = []
    result = Result()
    try:
        load_template(template_dir)  # a template problem stops the run before anything is written
        _prepare(out_dir)
        if pool is None:
            _init(*setup)
            outcomes: Iterator[Outcome] = map(_build, tasks)
        else:
            chunk = max(1, min(8, len(tasks) // (jobs * 8)))
            outcomes = pool.imap_unordered(_build, tasks, chunksize=chunk)
        for outcome in outcomes:
            done.append(outcome)
            result.peak_kib = max(result.peak_kib, outcome.peak_kib)
            if progress is not None:
                progress(outcome)
    finally:
        if pool is not None:
            pool.terminate()
        _finish(sorted(done, key=lambda o: o.index), out_dir, result)
    return result


def _prepare(out_dir: Path) -> None:
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except FileExistsError as exc:
        raise PlanError.at(str(out_dir), labels.ERR_OUT_DIR_NOT_DIR) from exc
    except OSError as exc:
        raise PlanError.at(str(out_dir), labels.os_error(exc)) from exc
    remove_stale_temporaries(out_dir)


def _finish(outcomes: list[Outcome], out_dir: Path, result: Result) -> None:
    """Move every finished draft to its final name, first come (in input order) first served."""
    taken: set[str] = set()
    for outcome in outcomes:
        if outcome.problem:
            result.failed.append(outcome)
            continue
        name = _free(outcome.name, taken)
        taken.add(name.casefold())
        target = out_dir / name
        try:
            os.replace(outcome.temporary, target)
        except OSError as exc:
            _discard(outcome.temporary)
            result.failed.append(Outcome(outcome.index, outcome.source, problem=str(Problem(str(target), labels.os_error(exc)))))
            continue
        result.written.append((outcome.source, target))


def _free(name: str, taken: set[str]) -> str:
    if name.casefold() not in taken:
        return name
    stem, dot, suffix = name.rpartition(".") if "." in name else (name, "", "")
    number = 2
    while f"{stem} ({number}){dot}{suffix}".casefold() in taken:
        number += 1
    return f"{stem} ({number}){dot}{suffix}"


def _discard(path: str) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass
