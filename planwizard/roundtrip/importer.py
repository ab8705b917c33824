"""Importing a draft: read it, find and check its answer file, merge, and write with a backup.

``prepare`` does everything but writing and returns a ``Preview`` (what would change,
conflicts, warnings); the command line prints it and calls ``write``; the wizard shows
it and applies the changes to the plan it holds open.
"""

from __future__ import annotations

import dataclasses
import os
from dataclasses import dataclass, field
from pathlib import Path

from planwizard import labels
from planwizard.answers import Loaded, dumps, load_plan, load_plan_text
from planwizard.errors import PlanError, Problem
from planwizard.model import Checklist
from planwizard.roundtrip import marks
from planwizard.roundtrip.merge import Edit, Merge, apply, merge, reuse_actions
from planwizard.roundtrip.reader import DraftText, ItemText, read_draft
from planwizard.schema import MAX_LINE_TEXT, MAX_TEXT


@dataclass
class Preview:
    """What importing a draft into an answer file would do."""

    draft: DraftText
    target: Path
    loaded: Loaded
    result: Merge
    warnings: list[Problem] = field(default_factory=list)
    """Reported, but the import goes on: text outside the marked parts, items not found, ..."""
    problems: list[Problem] = field(default_factory=list)
    """Nothing may be written: unreadable statuses or dates, texts too long, conflicts."""
    signature: tuple[int, int, int] | None = None


def find_target(snapshot: marks.Snapshot, draft_path: str | Path, into: str | Path | None) -> Path:
    """The answer file to import into: ``into``, else the one the draft was made from (or its namesake beside it)."""
    if into is not None:
        return Path(into)
    if snapshot.source:
        source = Path(snapshot.source)
        if source.is_file():
            return source
        beside = Path(draft_path).parent / source.name
        if beside.is_file():
            return beside
    raise PlanError.at(str(draft_path), labels.err_import_no_target(snapshot.source))


def prepare(draft_path: str | Path, into: str | Path | None = None, *, keep: str | None = None,
            loaded: Loaded | None = None) -> Preview:
    """Read the draft and work out the import; nothing is written. ``loaded``: the plan as held open."""
    draft = read_draft(draft_path)
    snapshot = draft.snapshot
    if loaded is None:
        target = find_target(snapshot, draft_path, into)
        signature = _signature(target)
        loaded = load_plan(target)
    else:
        target, signature = Path(loaded.path), None
    plan = loaded.plan
    name = str(draft_path)
    if snapshot.checklist != loaded.checklist.id or not snapshot.same_plan(plan.municipality.code,
                                                                            plan.municipality.name):
        raise PlanError.at(name, labels.err_import_other_plan(snapshot.gemeente, plan.municipality.name, str(target)))
    ids = _id_map(snapshot, loaded.checklist, name)
    preview = Preview(draft, target, loaded, Merge(), list(loaded.warnings), signature=signature)
    for outside in draft.outside:
        repeats = [labels.item_place(item.number, item.id) for item in outside.repeats]
        preview.warnings.append(Problem(name, labels.warn_outside(outside.number, outside.title, outside.kind,
                                                                  repeats), warning=True))
    edits = []
    for item in draft.items:
        edit = _edit(preview, item, ids.get(item.marks.id))
        if edit is not None:
            edits.append(edit)
    preview.result = merge(plan.answers, edits, keep)
    for edit in preview.result.conflicts:
        preview.problems.append(Problem(str(target), labels.err_conflict(edit.number, edit.item_id)))
    if preview.result.conflicts:
        preview.problems.append(Problem(str(target), labels.ERR_CONFLICT_HINT))
    for edit in preview.result.kept_file:
        preview.warnings.append(Problem(str(target), labels.warn_kept_file(edit.number, edit.item_id), warning=True))
    return preview


def _edit(preview: Preview, item: ItemText, target_id: str | None) -> Edit | None:
    """What the draft changed for one item (problems and warnings go to ``preview``)."""
    name, number, item_id = preview.draft.path, item.marks.number, item.marks.id
    where = labels.item_place(number, item_id)
    if not item.found:
        preview.warnings.append(Problem(name, labels.warn_item_missing(where), warning=True))
        return None
    edit = Edit(target_id or item_id, number, item.marks.answer)
    if item.marks.status is not None:
        if item.status is None:
            preview.warnings.append(Problem(name, labels.warn_status_missing(where), warning=True))
        else:
            try:
                status = marks.status_from_label(item.status)
            except KeyError:
                preview.problems.append(Problem(name, labels.err_import_status(where, item.status)))
            else:
                if status != (None if item.marks.status == marks.UNANSWERED else item.marks.status):
                    edit.status = status
    notes = marks.notes_text(item.notes)
    current = preview.loaded.plan.answers.get(target_id or "")
    if marks.digest(notes) != item.marks.notes:
        if len(notes) > MAX_TEXT:
            preview.problems.append(Problem(name, labels.err_import_too_long(where, len(notes), MAX_TEXT)))
        if notes and current is not None and current.notes.endswith("\n"):
            notes += "\n"  # as the file had it: the YAML block keeps its form
        edit.notes = notes
    if marks.digest("\n".join(item.actions)) != item.marks.actions:
        try:
            edit.actions = reuse_actions(item.actions, current.actions if current else [], marks.parse_action_line,
                                         marks.action_line)
        except ValueError as exc:
            preview.problems.append(Problem(name, f"{where}: {exc}"))
        else:
            for action in edit.actions:
                if len(action.owner) > MAX_LINE_TEXT or len(action.what) > MAX_TEXT:
                    preview.problems.append(Problem(name, labels.err_import_too_long(where, len(action.what),
                                                                                     MAX_TEXT)))
    if item.copied_from is not None:
        chapter = item.copied_from
        preview.warnings.append(Problem(name, labels.warn_copied(where, chapter.number, chapter.title), warning=True))
    if item.tables:
        preview.warnings.append(Problem(name, labels.warn_tables(where), warning=True))
    if item.pictures:
        preview.warnings.append(Problem(name, labels.warn_pictures(where), warning=True))
    if target_id is None:
        if edit.changed:
            preview.warnings.append(Problem(name, labels.warn_item_retired(where, preview.loaded.checklist.version),
                                            warning=True))
        return None
    return edit


def _id_map(snapshot: marks.Snapshot, checklist: Checklist, name: str) -> dict[str, str | None]:
    """Item ids of the draft's checklist version -> ids now (None: merged, split or removed since)."""
    ids = {item.id: item.id for item in snapshot.items}
    if snapshot.checklist_version == checklist.version:
        return ids
    from planwizard import checklist as checklists

    chain = checklists.migration_chain(snapshot.checklist, snapshot.checklist_version)
    if chain is None:
        raise PlanError.at(name, labels.err_import_checklist_version(snapshot.checklist_version, checklist.version))
    mapped: dict[str, str | None] = {}
    for old in ids:
        current: str | None = old
        for step in chain:
            changes = step.changes
            if current is None or changes is None:
                break
            if current in changes.renamed:
                current = changes.renamed[current]
            elif current not in step.items or current in changes.split:
                current = None
            elif any(current in olds and current != new for new, olds in changes.merged.items()):
                current = None
        mapped[old] = current
    return mapped


def _signature(path: Path) -> tuple[int, int, int] | None:
    try:
        info = os.stat(path)
    except OSError:
        return None
    return (info.st_mtime_ns, info.st_size, info.st_ino)


def updated(preview: Preview) -> str:
    """The answer file's new text with the import's changes; PlanError if it would not load again."""
    # The merge's answers are new objects: the plan held open keeps its own, unchanged.
    plan = dataclasses.replace(preview.loaded.plan, answers=dict(preview.loaded.plan.answers))
    apply(plan.answers, preview.result)
    text = dumps(plan, preview.loaded.checklist)
    load_plan_text(text, str(preview.target))
    return text


def write(preview: Preview) -> Path | None:
    """Write the import's changes with a backup of the old file; the backup's path (None: nothing to write).

    The plan must not be open in the wizard (its lock is taken while writing) and must
    not have changed since ``prepare`` read it.
    """
    from planwizard.fileio import atomic_write
    from planwizard.lock import acquire

    if not preview.result.changes:
        return None
    if preview.problems:
        raise PlanError(preview.problems)
    text = updated(preview)
    target = preview.target
    with acquire(target):
        if preview.signature is not None and _signature(target) != preview.signature:
            raise PlanError.at(str(target), labels.ERR_IMPORT_FILE_CHANGED)
        saved = backup(target)
        atomic_write(target, text)
    return saved


def backup(target: Path) -> Path:
    """A copy of ``target`` beside it (``<name>.bak``, or ``.bak.2`` ... when taken); its path."""
    from planwizard.fileio import atomic_write, free_name

    try:
        original = target.read_bytes()
    except OSError as exc:
        raise PlanError.at(str(target), labels.os_error(exc)) from exc
    copy_path = free_name(target.with_name(f"{target.name}.bak"))
    atomic_write(copy_path, original)
    return copy_path

