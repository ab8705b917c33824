"""Checks of the dates in a plan against the plan's own date (warnings, never errors).

- An item marked ``dated`` in the checklist (such as the national status) asks for a
  peildatum and a source: the draft shows them. Answering it without them, or with a
  peildatum long before the plan's date, gets a warning.
- A peildatum after the plan's date is suspect.
- An action due before the plan's date, on an item that is not done, is overdue.

An unfinished concept must stay usable, so none of this is an error.
"""

from __future__ import annotations

import datetime as dt

from planwizard import labels
from planwizard.errors import Problem
from planwizard.model import Checklist, Plan
from planwizard.yamlio import Doc

STALE_AFTER = dt.timedelta(days=183)
"""A peildatum more than about six months before the plan's date is probably out of date."""


def is_stale(as_of: dt.date | None, plan_date: dt.date | None) -> bool:
    """Whether a peildatum lies so long before the plan's date that the status needs checking again."""
    return as_of is not None and plan_date is not None and plan_date - as_of > STALE_AFTER


def warnings(plan: Plan, checklist: Checklist, doc: Doc | None = None) -> list[Problem]:
    """Warnings about peildatum and source, in checklist order, located at the answer when known."""
    found: list[Problem] = []
    path = doc.path if doc is not None else ""
    plan_date = plan.info.date
    for item in checklist.items.values():
        answer = plan.answers.get(item.id)
        if answer is None:
            continue
        located = doc is not None and _in_file(doc, item.id)

        def warn(message: str, *where: str | int) -> None:
            mark = doc.mark(("answers", item.id, *where)) if located and doc is not None else (0, 0)
            found.append(Problem(path, message, *mark, warning=True))

        if answer.as_of is not None and plan_date is not None and answer.as_of > plan_date:
            warn(labels.warn_as_of_after_plan(item.id, answer.as_of, plan_date), "as_of")
        if plan_date is not None and answer.status != "done" and plan.applies(item):
            for index, action in enumerate(answer.actions):
                if action.due is not None and action.due < plan_date:
                    warn(labels.warn_action_overdue(item.id, action.what, action.due, plan_date),
                         "actions", index, "due")
        if not item.dated or not (answer.notes.strip() or answer.status in ("done", "partial")):
            continue
        if answer.as_of is None:
            warn(labels.warn_as_of_missing(item.id))
        elif is_stale(answer.as_of, plan_date):
            warn(labels.warn_as_of_stale(item.id, answer.as_of, plan_date), "as_of")
        if not answer.source.strip():
            warn(labels.warn_source_missing(item.id))
    return found


def _in_file(doc: Doc, item_id: str) -> bool:
    answers = doc.data.get("answers") if isinstance(doc.data, dict) else None
    return isinstance(answers, dict) and item_id in answers
