"""Bringing answers to a newer checklist version without losing any of them (in memory).

``answers.load_plan`` applies it to every older file it reads; ``answers.migrate_file``
also rewrites the file, keeping a backup.
"""

from __future__ import annotations

from planwizard import labels
from planwizard.model import Action, Answer, Checklist, Plan, RetiredAnswer

_OPENNESS = {"todo": 0, "partial": 1, "done": 2, "not_applicable": 3}


def migrate(plan: Plan, chain: list[Checklist], origin: Checklist | None = None) -> list[str]:
    """Bring ``plan`` in place through each checklist of ``chain``; returns what happened.

    No answer is lost: renamed items move, merged items are combined (every text, action
    and example kept; the most open status wins and a conflict is reported), split items
    are copied to each part, and answers to removed items go to ``plan.retired``.
    ``origin`` is the checklist the plan was written for; its questions label merged texts.
    """
    report: list[str] = []
    previous = origin
    for step in chain:
        changes = step.changes
        assert changes is not None
        merged_into = {old: new for new, olds in changes.merged.items() for old in olds}
        moved: dict[str, list[tuple[str, Answer]]] = {}
        for old_id, answer in plan.answers.items():
            if merged_into.get(old_id) == old_id:  # the item that absorbs the others keeps its id
                moved.setdefault(old_id, []).append((old_id, answer))
            elif old_id in changes.renamed:
                target = changes.renamed[old_id]
                moved.setdefault(target, []).append((old_id, answer))
                report.append(labels.migrated_renamed(old_id, target))
            elif old_id in merged_into:
                target = merged_into[old_id]
                moved.setdefault(target, []).append((old_id, answer))
                report.append(labels.migrated_merged(old_id, target))
            elif old_id in changes.split:
                for target in changes.split[old_id]:
                    moved.setdefault(target, []).append((old_id, _copy(answer)))
                report.append(labels.migrated_split(old_id, list(changes.split[old_id])))
            elif old_id in step.items:
                moved.setdefault(old_id, []).append((old_id, answer))
            else:
                reason = labels.retired_reason(step.version)
                plan.retired[old_id] = RetiredAnswer(answer, plan.checklist_version, reason)
                report.append(labels.migrated_removed(old_id))
        questions = {ident: item.question for ident, item in previous.items.items()} if previous else {}
        answers: dict[str, Answer] = {}
        for target, parts in moved.items():
            answers[target] = _combine(parts, questions)
            statuses = {a.status for _, a in parts if a.status is not None}
            if len(statuses) > 1:
                report.append(labels.migrated_status_conflict(
                    target, [labels.STATUS[s] for s in sorted(statuses, key=_OPENNESS.__getitem__)],
                    labels.STATUS[answers[target].status or "todo"]))
        for ident in changes.reworded:
            if ident in answers:
                report.append(labels.migrated_reworded(ident))
        plan.answers = answers
        plan.checklist_version = step.version
        previous = step
    return report


def _copy(answer: Answer) -> Answer:
    return Answer(answer.status, answer.notes, [Action(a.what, a.owner, a.due) for a in answer.actions],
                  list(answer.examples), answer.as_of, answer.source)


def _combine(parts: list[tuple[str, Answer]], questions: dict[str, str]) -> Answer:
    """One answer from several: every text under a line naming where it came from, all actions
    and examples, the most open status (``todo`` before ``partial`` before ``done``)."""
    if len(parts) == 1:
        return parts[0][1]
    statuses = [a.status for _, a in parts if a.status is not None]
    status = min(statuses, key=_OPENNESS.__getitem__) if statuses else None
    conflict = len(set(statuses)) > 1
    notes = "\n\n".join(
        f"{labels.merged_from(old_id, questions.get(old_id, ''), labels.STATUS.get(a.status or '', '') if conflict else '')}"
        f"\n\n{a.notes.strip()}"
        for old_id, a in parts if a.notes.strip()
    )
    dates = [a.as_of for _, a in parts if a.as_of is not None]
    return Answer(
        status=status,
        notes=notes,
        actions=[action for _, a in parts for action in a.actions],
        examples=list(dict.fromkeys(e for _, a in parts for e in a.examples)),
        as_of=max(dates) if dates else None,
        source="; ".join(dict.fromkeys(a.source.strip() for _, a in parts if a.source.strip())),
    )
