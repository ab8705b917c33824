"""The template's text blocks: Jinja2 in a sandbox, every problem with file and line.

Blocks see plain data only (strings, numbers, lists and dicts built here), never the
model objects. Values go in as values: a gemeente name is never parsed as template
source, and the rendered text becomes Word text nodes, never XML.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from types import CodeType
from typing import Any

import jinja2
from jinja2 import nodes
from jinja2.sandbox import SandboxedEnvironment, SecurityError

from planwizard import labels, plan_dates
from planwizard.errors import Problem
from planwizard.model import Answer, Checklist, Plan
from planwizard.render import text as textlib
from planwizard.render.facts import Facts

BLOCK_NAMES = ("introduction", "reading_guide", "context")
"""The fixed prose of the plan, in document order; each is ``blocks/<name>.j2``."""
MAX_OUTPUT = 200_000


class BlockError(Exception):
    """A block failed to render; carries the problem with its location."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(str(problem))
        self.problem = problem


def environment() -> SandboxedEnvironment:
    return SandboxedEnvironment(
        undefined=jinja2.StrictUndefined,
        autoescape=False,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,
    )


def _unsafe_access(tree: nodes.Template) -> list[tuple[int, str]]:
    """Attribute access to private names anywhere in the block, also in branches never taken."""
    found = []
    for node in tree.find_all((nodes.Getattr, nodes.Getitem, nodes.Filter)):
        name = ""
        if isinstance(node, nodes.Getattr):
            name = node.attr
        elif isinstance(node, nodes.Getitem) and isinstance(node.arg, nodes.Const):
            name = node.arg.value if isinstance(node.arg.value, str) else ""
        elif isinstance(node, nodes.Filter) and node.name == "attr" and node.args:
            first = node.args[0]
            name = first.value if isinstance(first, nodes.Const) and isinstance(first.value, str) else ""
        if name.startswith("_"):
            found.append((node.lineno, name))
    return found


def compile_blocks(env: SandboxedEnvironment, folder: Path, problems: list[Problem]) -> dict[str, CodeType]:
    """The Python code of every block of ``folder``, parsed and checked; problems are collected, not raised."""
    compiled = {}
    for block in BLOCK_NAMES:
        path = folder / f"{block}.j2"
        name = str(path)
        try:
            source = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            problems.append(Problem(name, labels.ERR_BLOCK_MISSING))
            continue
        except (OSError, UnicodeDecodeError) as exc:
            message = labels.os_error(exc) if isinstance(exc, OSError) else labels.err_not_utf8(exc.object[exc.start])
            problems.append(Problem(name, message))
            continue
        try:
            tree = env.parse(source, block, name)
        except jinja2.TemplateSyntaxError as exc:
            problems.append(Problem(name, labels.err_block_syntax(exc.message or str(exc)), exc.lineno or 0))
            continue
        unsafe = _unsafe_access(tree)
        for line, attr in unsafe:
            problems.append(Problem(name, labels.err_block_sandbox(attr), line))
        if unsafe:
            continue
        compiled[block] = env.compile(tree, block, name)
    return compiled


def templates(env: SandboxedEnvironment, codes: dict[str, CodeType]) -> dict[str, jinja2.Template]:
    """Ready blocks from their compiled code (which names the block's file, for messages)."""
    return {name: env.template_class.from_code(env, code, env.make_globals(None)) for name, code in codes.items()}


def _line_in(exc: BaseException, filename: str) -> int:
    line = 0
    tb = exc.__traceback__
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == filename:
            line = tb.tb_lineno
        tb = tb.tb_next
    return line


def render(template: jinja2.Template, context: dict[str, Any]) -> str:
    """The block's text; any failure becomes BlockError with the block's file and line."""
    filename = template.filename or template.name or "blok"
    try:
        text = template.render(context)
    except SecurityError as exc:
        raise BlockError(Problem(filename, labels.err_block_sandbox_run(str(exc)), _line_in(exc, filename))) from exc
    except jinja2.UndefinedError as exc:
        raise BlockError(Problem(filename, labels.err_block_undefined(str(exc)), _line_in(exc, filename))) from exc
    except jinja2.TemplateError as exc:
        raise BlockError(Problem(filename, labels.err_block_render(str(exc)), _line_in(exc, filename))) from exc
    except (ArithmeticError, TypeError, ValueError, LookupError, AttributeError, RecursionError) as exc:
        raise BlockError(Problem(filename, labels.err_block_render(f"{type(exc).__name__}: {exc}"),
                                 _line_in(exc, filename))) from exc
    if len(text) > MAX_OUTPUT:
        raise BlockError(Problem(filename, labels.err_block_too_long(len(text), MAX_OUTPUT)))
    return text


# ------------------------------------------------------------------ what blocks see


def long_date(day: dt.date | None) -> str:
    """``22 november 2026``; empty when there is no date."""
    if day is None:
        return ""
    return f"{day.day} {labels.MONTHS[day.month - 1]} {day.year}"


def _item(plan: Plan, item_id: str, question: str) -> dict[str, Any]:
    """What a block may show of one item's answer; the gemeente's text is escaped, so its
    lines stay paragraphs and lists (a line starting with "#" never becomes a heading)."""
    answer = plan.answers.get(item_id) or Answer()
    return {
        "question": question,
        "status": labels.STATUS.get(answer.status or "", ""),
        "notes": textlib.escape(answer.notes.strip()),
        "as_of": long_date(answer.as_of),
        "stale": plan_dates.is_stale(answer.as_of, plan.info.date),
        "source": " ".join(answer.source.split()),
        "answered": not answer.is_empty(),
    }


def context(plan: Plan, checklist: Checklist, facts: Facts, chapters: dict[str, int]) -> dict[str, Any]:
    """The variables a block may use: plain values named like the answer file's keys."""
    municipality = plan.municipality
    info = plan.info
    return {
        "municipality": {
            "name": municipality.name,
            "code": municipality.code,
            "region": municipality.region,
            "central_municipality": municipality.central_municipality,
            "is_central": bool(municipality.central_municipality)
            and municipality.central_municipality.strip().lower() == municipality.name.strip().lower(),
        },
        "plan": {
            "title": info.title,
            "period": info.period,
            "author": info.author,
            "organisation": info.organisation,
            "date": long_date(info.date),
            "version": info.version,
        },
        "checklist": {"id": checklist.id, "title": checklist.title, "version": checklist.version,
                      "knowledge_date": labels.month_year(checklist.knowledge_date), "item_count": len(checklist.items)},
        "items": {item.id: _item(plan, item.id, item.question) for item in checklist.items.values()},
        "themes": [
            {"id": theme.id, "title": theme.title, **facts.per_theme[theme.id].as_dict()}
            for theme in checklist.themes
        ],
        "totals": facts.total.as_dict(),
        "levels": dict(facts.levels),
        "chapters": dict(chapters),
    }


def sample_plans(checklist: Checklist) -> list[Plan]:
    """Two plans to try blocks on: one filled in (every status), one empty (no optional facts)."""
    from planwizard.model import Municipality, PlanInfo

    statuses = ("done", "partial", "todo", "not_applicable", None)
    full = Plan(
        Municipality("Voorbeeldgemeente", "GM9999", "Voorbeeldregio", "Centrumstad"),
        checklist.id,
        checklist.version,
        PlanInfo("Lokaal uitvoeringsplan Voorbeeldgemeente", "2026-2029", "A. Jansen", "Gemeente Voorbeeldgemeente",
                 dt.date(2026, 1, 15), "concept 0.1"),
        {item: Answer(statuses[n % len(statuses)], "Toelichting.") for n, item in enumerate(checklist.items)
         if statuses[n % len(statuses)]},
    )
    central = Plan(Municipality("Centrumstad", "", "Voorbeeldregio", "Centrumstad"), checklist.id, checklist.version)
    empty = Plan(Municipality("Voorbeeldgemeente"), checklist.id, checklist.version)
    return [full, central, empty]
