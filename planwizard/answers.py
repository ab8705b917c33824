"""Answer files: load and check (migrating older versions in memory), create, save atomically."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from planwizard import checklist as checklists
from planwizard import labels
from planwizard.errors import PlanError, Problem, Problems
from planwizard.examples import read_examples
from planwizard.model import (
    FORMAT,
    STATUSES,
    Action,
    Answer,
    Checklist,
    Example,
    Municipality,
    Plan,
    PlanInfo,
    RetiredAnswer,
)
from planwizard.fileio import atomic_write, free_name
from planwizard.schema import Reader
from planwizard.migration import migrate
from planwizard.yamlio import Doc, Path_, dump, load_file, load_text, read_text

TOP_KEYS = ("format", "checklist", "municipality", "plan", "answers", "own_examples", "retired_answers")
MUNICIPALITY_KEYS = ("name", "code", "region", "central_municipality")
PLAN_KEYS = ("title", "period", "author", "organisation", "date", "version")
ANSWER_KEYS = ("status", "as_of", "source", "notes", "actions", "examples")
ACTION_KEYS = ("what", "owner", "due")
RETIRED_KEYS = ("version", "reason", *ANSWER_KEYS)
CODE = re.compile(r"^GM\d{4}$")
HEADER = (
    "# Antwoordbestand van planwizard: lokaal uitvoeringsplan beschermd wonen / beschermd thuis.\n"
    "# status: done = Geregeld, partial = Deels geregeld, todo = Nog te doen,"
    " not_applicable = Niet van toepassing.\n"
)


@dataclass
class Loaded:
    """A checked answer file, brought in memory to the current checklist version."""

    path: str
    plan: Plan
    checklist: Checklist
    warnings: list[Problem] = field(default_factory=list)
    migrated_from: str | None = None
    migration_report: list[str] = field(default_factory=list)
    retired_now: int = 0
    """Answers this migration moved to ``retired_answers`` (their item was removed)."""


# ------------------------------------------------------------------ loading


def load_plan(path: str | Path, *, library: dict[str, Example] | None = None, folder: Path | None = None) -> Loaded:
    """Load and fully check an answer file; every problem of the file at once in PlanError."""
    return check_doc(load_file(path), library=library, folder=folder)


def load_plan_text(text: str, name: str, **kwargs: Any) -> Loaded:
    """Like ``load_plan`` for text already in memory."""
    return check_doc(load_text(text, name), **kwargs)


def check_doc(doc: Doc, *, library: dict[str, Example] | None = None, folder: Path | None = None) -> Loaded:
    """Check a parsed answer file against its checklist version and migrate it in memory."""
    if library is None:
        from planwizard.examples import load_library

        library = load_library()
    reader = Reader(doc)
    if doc.data is None:
        raise PlanError.at(doc.path, labels.ERR_EMPTY_FILE, 1, 1)
    top = reader.mapping(doc.data, (), TOP_KEYS, required=("format", "checklist", "municipality"))
    if top is None:
        reader.problems.raise_if_any()
        raise AssertionError("unreachable")
    fmt = top.get("format")
    if fmt != FORMAT:
        reader.error(("format",), labels.err_format(fmt, FORMAT))
        if isinstance(fmt, str) and fmt.startswith("planwizard/"):
            reader.problems.raise_if_any()  # a future format: the rest would only mislead
    written_for = _checklist_of(reader, top.get("checklist"), folder)
    if written_for is None:
        reader.problems.raise_if_any()
        raise PlanError.at(doc.path, labels.ERR_NO_CHECKLIST)
    plan = _read_plan(reader, top, written_for, library)
    reader.problems.raise_if_any()
    current = checklists.current(written_for.id, folder)
    loaded = Loaded(doc.path, plan, current, reader.problems.warnings)
    if written_for.version != current.version:
        chain = checklists.migration_chain(written_for.id, written_for.version, folder) or []
        retired_before = len(plan.retired)
        loaded.migration_report = migrate(plan, chain, written_for)
        loaded.retired_now = len(plan.retired) - retired_before
        loaded.migrated_from = written_for.version
        loaded.warnings.append(
            Problem(doc.path, labels.warn_old_version(written_for.version, current.version),
                    *doc.mark(("checklist", "version")), warning=True)
        )
    from planwizard import plan_dates

    loaded.warnings.extend(plan_dates.warnings(plan, current, doc))
    return loaded


def _checklist_of(reader: Reader, value: Any, folder: Path | None) -> Checklist | None:
    here: Path_ = ("checklist",)
    data = reader.mapping(value, here, ("id", "version"), required=("id", "version"))
    if data is None:
        return None
    ident, version = data.get("id"), data.get("version")
    if isinstance(version, float):
        written = reader.doc.raw.get((*here, "version"), str(version))
        reader.error((*here, "version"), labels.err_version_number(written))
        return None
    known = checklists.available(folder)
    if not isinstance(ident, str) or ident not in known:
        reader.error((*here, "id"), labels.err_unknown_checklist(ident, sorted(known)))
        return None
    versions = known[ident]
    if not isinstance(version, str) or version not in versions:
        newest = checklists.current(ident, folder).version
        if isinstance(version, str) and checklists.version_key(version) > checklists.version_key(newest):
            reader.error((*here, "version"), labels.err_future_version(version, newest))
        else:
            ordered = sorted(versions, key=checklists.version_key)
            reader.error((*here, "version"), labels.err_unknown_version(version, ident, ordered))
        return None
    found = checklists.get(ident, version, folder)
    if found is not None and found.version != checklists.current(ident, folder).version:
        if checklists.migration_chain(ident, version, folder) is None:
            reader.error((*here, "version"), labels.err_no_migration(version))
            return None
    return found


def _read_plan(reader: Reader, top: dict[str, Any], checklist: Checklist, library: dict[str, Example]) -> Plan:
    theme_ids = frozenset(t.id for t in checklist.themes)
    own = read_examples(reader, top.get("own_examples"), ("own_examples",), own=True, theme_ids=theme_ids, taken=library)
    example_ids = set(library) | {e.id for e in own}
    answers: dict[str, Answer] = {}
    value = top.get("answers")
    if value is not None and not isinstance(value, dict):
        reader.error(("answers",), labels.err_expected("een tabel met antwoorden per punt", value))
        value = None
    items = checklist.items
    for item_id, entry in (value or {}).items():
        here = ("answers", item_id)
        if item_id not in items:
            import difflib  # only when a name is wrong: not on every start

            close = difflib.get_close_matches(item_id, list(items), n=1, cutoff=0.8)
            reader.error(here, labels.err_unknown_item(item_id, close[0] if close else ""), at_key=True)
            continue
        answer = _read_answer(reader, entry, here, example_ids)
        if answer is not None and not answer.is_empty():
            answers[item_id] = answer
    return Plan(
        municipality=_read_municipality(reader, top.get("municipality")),
        checklist_id=checklist.id,
        checklist_version=checklist.version,
        info=_read_info(reader, top.get("plan")),
        answers=answers,
        own_examples=own,
        retired=_read_retired(reader, top.get("retired_answers"), example_ids),
    )


def _read_municipality(reader: Reader, value: Any) -> Municipality:
    here: Path_ = ("municipality",)
    data = reader.mapping(value, here, MUNICIPALITY_KEYS, required=("name",)) or {}
    code = reader.number_text(data, here, "code")  # code: 917 is a code, written wrong
    name = reader.text(data, here, "name", required=True, one_line=True)
    if code and not CODE.match(code):
        reader.error((*here, "code"), labels.err_bad_code(code))
    elif name.strip():  # a name and code not of one gemeente of the bundled list: a warning, not an error
        from planwizard.gemeenten import registry

        if found := registry().mismatch(name, code):
            reader.problems.add(found, reader.doc.mark((*here, "code" if code else "name")), warning=True)
    return Municipality(
        name=name,
        code=code,
        region=reader.text(data, here, "region", one_line=True),
        central_municipality=reader.text(data, here, "central_municipality", one_line=True),
    )


def _read_info(reader: Reader, value: Any) -> PlanInfo:
    here: Path_ = ("plan",)
    if value is None:
        return PlanInfo()
    data = reader.mapping(value, here, PLAN_KEYS) or {}
    return PlanInfo(
        title=reader.text(data, here, "title", one_line=True),
        period=reader.text(data, here, "period", one_line=True),
        author=reader.text(data, here, "author", one_line=True),
        organisation=reader.text(data, here, "organisation", one_line=True),
        date=reader.date(data, here, "date"),
        version=reader.text(data, here, "version", one_line=True),
    )


def _read_answer(reader: Reader, value: Any, here: Path_, example_ids: set[str]) -> Answer | None:
    if value is None:
        return None
    data = reader.mapping(value, here, ANSWER_KEYS)
    if data is None:
        return None
    actions = []
    for action_here, entry in reader.items(data.get("actions"), (*here, "actions"), "een lijst met acties"):
        action = reader.mapping(entry, action_here, ACTION_KEYS, required=("what",))
        if action is not None:
            actions.append(
                Action(
                    what=reader.text(action, action_here, "what", required=True),
                    owner=reader.text(action, action_here, "owner", one_line=True),
                    due=reader.date(action, action_here, "due"),
                )
            )
    examples = reader.id_list(data, here, "examples")
    for index, example in enumerate(examples):
        if example not in example_ids:
            import difflib  # only when a name is wrong: not on every start

            close = difflib.get_close_matches(example, list(example_ids), n=1, cutoff=0.8)
            reader.error((*here, "examples", index), labels.err_unknown_example(example, close[0] if close else ""))
    return Answer(
        status=reader.choice(data, here, "status", STATUSES),
        notes=reader.text(data, here, "notes"),
        actions=actions,
        examples=list(dict.fromkeys(examples)),
        as_of=reader.date(data, here, "as_of"),
        source=reader.text(data, here, "source", one_line=True),
    )


def _read_retired(reader: Reader, value: Any, example_ids: set[str]) -> dict[str, RetiredAnswer]:
    if value is None:
        return {}
    if not isinstance(value, dict):
        reader.error(("retired_answers",), labels.err_expected("een tabel", value))
        return {}
    retired = {}
    for item_id, entry in value.items():
        here = ("retired_answers", item_id)
        data = reader.mapping(entry, here, RETIRED_KEYS, required=("version",))
        if data is None:
            continue
        answer_data = {k: v for k, v in data.items() if k in ANSWER_KEYS}
        answer = _read_answer(reader, answer_data, here, example_ids) or Answer()
        retired[item_id] = RetiredAnswer(
            answer,
            version=reader.text(data, here, "version", required=True, one_line=True),
            reason=reader.text(data, here, "reason"),
        )
    return retired


# ------------------------------------------------------------------ creating and saving


def new_plan(
    name: str,
    *,
    code: str = "",
    region: str = "",
    central_municipality: str = "",
    checklist: Checklist | None = None,
    today: dt.date | None = None,
) -> Plan:
    """An empty plan for a gemeente, with sensible title page defaults."""
    checklist = checklist or checklists.current()
    today = today or dt.date.today()
    return Plan(
        municipality=Municipality(name, code, region, central_municipality),
        checklist_id=checklist.id,
        checklist_version=checklist.version,
        info=PlanInfo(
            title=f"Lokaal uitvoeringsplan beschermd wonen en beschermd thuis {name}",
            period=f"{today.year}-{today.year + 3}",
            author="",
            organisation=f"Gemeente {name}",
            date=today,
            version="concept 0.1",
        ),
    )


def to_data(plan: Plan, checklist: Checklist | None = None) -> dict[str, Any]:
    """Plain data in the file's key order (answers in checklist order when it is given)."""
    order = list(checklist.items) if checklist is not None else []
    position = {item_id: index for index, item_id in enumerate(order)}
    answer_ids = sorted(plan.answers, key=lambda i: (position.get(i, len(order)), i))
    data: dict[str, Any] = {
        "format": FORMAT,
        "checklist": {"id": plan.checklist_id, "version": plan.checklist_version},
        "municipality": _compact(
            {
                "name": plan.municipality.name,
                "code": plan.municipality.code,
                "region": plan.municipality.region,
                "central_municipality": plan.municipality.central_municipality,
            },
            keep=("name",),
        ),
        "plan": _compact(
            {
                "title": plan.info.title,
                "period": plan.info.period,
                "author": plan.info.author,
                "organisation": plan.info.organisation,
                "date": plan.info.date,
                "version": plan.info.version,
            },
            keep=PLAN_KEYS[:-2],
        ),
        "answers": {i: _answer_data(plan.answers[i]) for i in answer_ids if not plan.answers[i].is_empty()},
    }
    if plan.own_examples:
        data["own_examples"] = [_example_data(e) for e in plan.own_examples]
    if plan.retired:
        data["retired_answers"] = {
            item_id: {"version": r.version, "reason": r.reason, **_answer_data(r.answer)}
            for item_id, r in sorted(plan.retired.items())
        }
    return data


def _compact(values: dict[str, Any], keep: tuple[str, ...] = ()) -> dict[str, Any]:
    return {k: ("" if v is None else v) for k, v in values.items() if k in keep or v not in (None, "", [])}


def _answer_data(answer: Answer) -> dict[str, Any]:
    return _compact(
        {
            "status": answer.status,
            "as_of": answer.as_of,
            "source": answer.source,
            "notes": answer.notes,
            "actions": [_compact({"what": a.what, "owner": a.owner, "due": a.due}, keep=("what",)) for a in answer.actions],
            "examples": list(answer.examples),
        }
    )


def _example_data(example: Example) -> dict[str, Any]:
    return _compact(
        {
            "id": example.id,
            "title": example.title,
            "where": example.where,
            "year": example.year,
            "themes": list(example.themes),
            "summary": example.summary,
            "source": example.source,
            "url": example.url,
        },
        keep=("id", "title", "summary"),
    )


def dumps(plan: Plan, checklist: Checklist | None = None) -> str:
    """The answer file's text: same plan, same bytes."""
    return HEADER + dump(to_data(plan, checklist))


def save_plan(plan: Plan, path: str | Path, checklist: Checklist | None = None) -> None:
    """Write the answer file atomically; the previous file stays intact on any failure."""
    atomic_write(path, dumps(plan, checklist))


def migrate_file(path: str | Path, folder: Path | None = None) -> tuple[Loaded, Path | None]:
    """Rewrite an answer file for the current checklist, keeping a backup of the old one."""
    loaded = load_plan(path, folder=folder)
    if loaded.migrated_from is None:
        return loaded, None
    original = read_text(path)
    backup = free_name(Path(path).with_name(f"{Path(path).name}.{loaded.migrated_from}.bak"))
    atomic_write(backup, original)
    save_plan(loaded.plan, path, loaded.checklist)
    return loaded, backup


def problems_of(path: str | Path) -> Problems:
    """All problems and warnings of one answer file (for ``validate``), never raising."""
    problems = Problems(str(path))
    try:
        loaded = load_plan(path)
    except PlanError as exc:
        problems.items.extend(exc.problems)
    else:
        problems.items.extend(loaded.warnings)
    return problems
