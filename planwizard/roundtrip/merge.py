"""The three-way merge of an imported draft: what the draft changed, what the file changed since.

Plain functions over the model. An ``Edit`` holds only the parts of an item that the
draft changed since it was generated, and the digest of the item's answer at that
time. An item changed in the draft whose answer in the file also changed since is a
conflict, unless both ended up the same; ``keep`` resolves conflicts for one side.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from planwizard.model import Action, Answer
from planwizard.roundtrip.marks import answer_digest

KEEP_DRAFT, KEEP_FILE = "draft", "file"


class _Unchanged:
    def __repr__(self) -> str:
        return "UNCHANGED"


UNCHANGED: object = _Unchanged()
"""An edit's part that the draft left as generated."""


@dataclass
class Edit:
    """What the draft changed for one item."""

    item_id: str
    number: str
    base: str
    """Digest of the item's answer in the file when the draft was generated."""
    status: object = UNCHANGED  # str | None
    notes: object = UNCHANGED  # str
    actions: object = UNCHANGED  # list[Action]

    @property
    def changed(self) -> bool:
        return any(part is not UNCHANGED for part in (self.status, self.notes, self.actions))


@dataclass
class Change:
    """An answer that the import replaces: before and after (None: no answer)."""

    item_id: str
    number: str
    old: Answer | None
    new: Answer | None
    conflict: bool = False
    """The file had changed too; ``keep=draft`` chose the draft."""


@dataclass
class Merge:
    changes: list[Change] = field(default_factory=list)
    conflicts: list[Edit] = field(default_factory=list)
    """Changed in the draft and in the file, not resolved: nothing may be written."""
    kept_file: list[Edit] = field(default_factory=list)
    """Conflicts resolved for the file (``keep=file``): the draft's changes are left out."""
    file_only: list[str] = field(default_factory=list)
    """Items changed in the file since the draft, not in the draft: kept as they are."""


def apply_edit(answer: Answer | None, edit: Edit) -> Answer | None:
    """``answer`` with the parts the draft changed replaced (examples always kept); None when empty."""
    base = answer or Answer()
    result = replace(
        base,
        status=base.status if edit.status is UNCHANGED else edit.status,
        notes=base.notes if edit.notes is UNCHANGED else edit.notes,
        actions=list(base.actions) if edit.actions is UNCHANGED else list(edit.actions),
        examples=list(base.examples),
    )
    return None if result.is_empty() else result


def merge(answers: dict[str, Answer], edits: list[Edit], keep: str | None = None) -> Merge:
    """What importing ``edits`` into ``answers`` (the file as it is now) does; nothing is changed yet."""
    result = Merge()
    for edit in edits:
        current = answers.get(edit.item_id)
        file_changed = answer_digest(current) != edit.base
        if not edit.changed:
            if file_changed:
                result.file_only.append(edit.item_id)
            continue
        new = apply_edit(current, edit)
        if answer_digest(new) == answer_digest(current):
            continue  # the file already says what the draft says
        if file_changed and keep != KEEP_DRAFT:
            (result.kept_file if keep == KEEP_FILE else result.conflicts).append(edit)
            continue
        result.changes.append(Change(edit.item_id, edit.number, current, new, conflict=file_changed))
    return result


def apply(answers: dict[str, Answer], result: Merge) -> None:
    """Put the merge's changes into ``answers`` (in place)."""
    for change in result.changes:
        if change.new is None:
            answers.pop(change.item_id, None)
        else:
            answers[change.item_id] = change.new


def reuse_actions(lines: list[str], known: list[Action], parse, render) -> list[Action]:
    """Actions for the draft's ``lines``: a known action where its line is unchanged, else parsed."""
    unused = list(known)
    found = []
    for line in lines:
        twin = next((action for action in unused if render(action) == line), None)
        if twin is not None:
            unused.remove(twin)
            found.append(twin)
        else:
            found.append(parse(line))
    return found
