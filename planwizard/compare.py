"""What changed between two versions of a plan, per item: status, text (word by word), actions, examples.

Plain Python over the model, for ``planwizard diff``, the import's report of what it
changes, the annex of ``generate --compare`` and the wizard. Texts are compared per
paragraph, then word by word within a changed paragraph, so a long text shows only
what really changed.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from pathlib import Path

from planwizard import labels
from planwizard.model import Action, Answer, Checklist, Example, Item, Plan, Theme

EQUAL, DELETE, INSERT = "=", "-", "+"
CONTEXT = 6
"""Unchanged words shown on each side of a change in a long paragraph."""
_TOKEN = re.compile(r"\s+|\w+|[^\w\s]")


@dataclass
class ActionChange:
    kind: str  # "added", "removed", "changed", "moved_in", "moved_out"
    old: Action | None
    new: Action | None
    other: str = ""
    """For a moved action: the id of the item it came from or went to."""


@dataclass
class ItemDiff:
    """Everything that differs for one item (``old``/``new`` None: not answered)."""

    item: Item
    theme: Theme
    old: Answer | None
    new: Answer | None
    status: tuple[str | None, str | None] | None = None
    text: list[list[tuple[str, str]]] = field(default_factory=list)
    """One list of (operation, words) per changed paragraph."""
    actions: list[ActionChange] = field(default_factory=list)
    examples_added: list[str] = field(default_factory=list)
    examples_removed: list[str] = field(default_factory=list)
    facts: list[tuple[str, str, str]] = field(default_factory=list)
    """(label, old, new) of the answer's date and source, when they changed."""

    def __bool__(self) -> bool:
        return bool(self.status or self.text or self.actions or self.examples_added or self.examples_removed
                    or self.facts)


def words(old: str, new: str) -> list[tuple[str, str]]:
    """``old`` to ``new`` as (operation, text) pieces, word by word (white space counts with its word)."""
    a, b = _TOKEN.findall(old), _TOKEN.findall(new)
    pieces: list[tuple[str, str]] = []
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            _add(pieces, EQUAL, "".join(a[i1:i2]))
            continue
        if op in ("delete", "replace"):
            _add(pieces, DELETE, "".join(a[i1:i2]))
        if op in ("insert", "replace"):
            _add(pieces, INSERT, "".join(b[j1:j2]))
    return pieces


def _add(pieces: list[tuple[str, str]], op: str, text: str) -> None:
    if not text:
        return
    if pieces and pieces[-1][0] == op:
        pieces[-1] = (op, pieces[-1][1] + text)
    else:
        pieces.append((op, text))


def paragraphs(text: str) -> list[str]:
    """The paragraphs and list lines of notes, each on one line."""
    found: list[str] = []
    joining = False
    for line in text.replace("\r\n", "\n").split("\n"):
        stripped = line.strip()
        if not stripped:
            joining = False
            continue
        starts_list = stripped[:2] in ("- ", "* ", "• ") or bool(re.match(r"\d{1,3}[.)] ", stripped))
        if joining and not starts_list:
            found[-1] = f"{found[-1]} {stripped}"
        else:
            found.append(" ".join(stripped.split()))
        joining = not starts_list
    return found


def text_changes(old: str, new: str) -> list[list[tuple[str, str]]]:
    """Per changed paragraph the word-level pieces; unchanged paragraphs are left out."""
    a, b = paragraphs(old), paragraphs(new)
    changes: list[list[tuple[str, str]]] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            continue
        for before, after in _pair(a[i1:i2], b[j1:j2]):
            changes.append(words(before, after) if before and after else
                           [(DELETE, before)] if before else [(INSERT, after)])
    return changes


def _similar(a: str, b: str) -> bool:
    matcher = difflib.SequenceMatcher(None, a.split(), b.split(), autojunk=False)
    return matcher.real_quick_ratio() >= 0.5 and matcher.ratio() >= 0.5


def _pair(olds: list[str], news: list[str]) -> list[tuple[str, str]]:
    """Replaced paragraphs as (old, new) pairs: similar ones together, the rest deleted or added."""
    pairs: list[tuple[str, str]] = []
    i = j = 0
    while i < len(olds) or j < len(news):
        if i < len(olds) and j < len(news) and _similar(olds[i], news[j]):
            pairs.append((olds[i], news[j]))
            i, j = i + 1, j + 1
        elif i < len(olds) and (j >= len(news) or not any(_similar(olds[i], n) for n in news[j:])):
            pairs.append((olds[i], ""))
            i += 1
        else:
            pairs.append(("", news[j]))
            j += 1
    return pairs


def shorten(pieces: list[tuple[str, str]], context: int = CONTEXT) -> list[tuple[str, str]]:
    """Long unchanged stretches cut to ``context`` words on each side of a change, with "…"."""
    result = []
    last = len(pieces) - 1
    for index, (op, text) in enumerate(pieces):
        tokens = _TOKEN.findall(text) if op == EQUAL else []
        head = context * 2 if index > 0 else 0  # tokens: words and the spaces between them
        tail = context * 2 if index < last else 0
        if op == EQUAL and len(tokens) > head + tail + 2:
            before, after = "".join(tokens[:head]), "".join(tokens[len(tokens) - tail:])
            if head and tail:
                text = f"{before.rstrip()} … {after.lstrip()}"
            elif head:
                text = f"{before.rstrip()} …"
            else:
                text = f"… {after.lstrip()}"
        result.append((op, text))
    return result


def _key(action: Action) -> str:
    return " ".join(action.what.split()).lower()


def compare_answers(item: Item, theme: Theme, old: Answer | None, new: Answer | None) -> ItemDiff:
    """How ``new`` differs from ``old`` for ``item`` (actions matched by what they say)."""
    diff = ItemDiff(item, theme, old, new)
    before, after = old or Answer(), new or Answer()
    if before.status != after.status:
        diff.status = (before.status, after.status)
    diff.text = text_changes(before.notes, after.notes)
    unmatched = list(after.actions)
    for action in before.actions:
        twin = next((a for a in unmatched if _key(a) == _key(action)), None)
        if twin is None:
            diff.actions.append(ActionChange("removed", action, None))
            continue
        unmatched.remove(twin)
        if (twin.owner, twin.due) != (action.owner, action.due) or twin.what != action.what:
            diff.actions.append(ActionChange("changed", action, twin))
    diff.actions.extend(ActionChange("added", None, action) for action in unmatched)
    diff.examples_added = [e for e in after.examples if e not in before.examples]
    diff.examples_removed = [e for e in before.examples if e not in after.examples]
    for label, old_value, new_value in ((labels.DIFF_AS_OF, before.as_of, after.as_of),
                                        (labels.DIFF_SOURCE, before.source, after.source)):
        if old_value != new_value:
            diff.facts.append((label, str(old_value or ""), str(new_value or "")))
    return diff


def compare_plans(old: Plan, new: Plan, checklist: Checklist) -> list[ItemDiff]:
    """Every item whose answer differs, in checklist order; an action that went to another item is "moved"."""
    found = []
    for theme in checklist.themes:
        for item in theme.items:
            diff = compare_answers(item, theme, old.answers.get(item.id), new.answers.get(item.id))
            if diff:
                found.append(diff)
    _moves(found)
    return found


def _moves(diffs: list[ItemDiff]) -> None:
    removed = [(d, c) for d in diffs for c in d.actions if c.kind == "removed"]
    for diff in diffs:
        for change in diff.actions:
            if change.kind != "added":
                continue
            match = next(((d, c) for d, c in removed if d is not diff and _key(c.old) == _key(change.new)), None)
            if match is None:
                continue
            removed.remove(match)
            source, gone = match
            gone.kind, gone.other = "moved_out", diff.item.id
            change.kind, change.other = "moved_in", source.item.id


def plan_changes(old: Plan, new: Plan) -> list[tuple[str, str, str]]:
    """(label, old, new) for every title page fact that changed."""
    found = []
    for key, label in labels.DIFF_PLAN_FIELDS.items():
        before, after = getattr(old.info, key), getattr(new.info, key)
        if before != after:
            found.append((label, str(before or ""), str(after or "")))
    return found


# ------------------------------------------------------------------ as text


def describe(diff: ItemDiff, examples: dict[str, Example]) -> list[tuple[str, list[tuple[str, str]]]]:
    """(label, pieces) per change of one item, the same for terminal, Markdown and Word."""
    lines: list[tuple[str, list[tuple[str, str]]]] = []
    if diff.status:
        before, after = (labels.STATUS.get(s or "", labels.UNANSWERED) for s in diff.status)
        lines.append((labels.DIFF_STATUS, [(DELETE, before), (EQUAL, " → "), (INSERT, after)]))
    for pieces in diff.text:
        lines.append((labels.DIFF_TEXT, shorten(pieces)))
    for change in diff.actions:
        if change.kind == "changed":
            lines.append((labels.DIFF_ACTION_CHANGED, words(action_text(change.old), action_text(change.new))))
        else:
            action = change.new or change.old
            op = INSERT if change.new is not None else DELETE
            lines.append((labels.diff_action(change.kind, change.other), [(op, action_text(action))]))
    for label, before, after in diff.facts:
        lines.append((label, [(DELETE, before or "-"), (EQUAL, " → "), (INSERT, after or "-")]))
    for ids, label, op in ((diff.examples_added, labels.DIFF_EXAMPLE_ADDED, INSERT),
                           (diff.examples_removed, labels.DIFF_EXAMPLE_REMOVED, DELETE)):
        for ident in ids:
            lines.append((label, [(op, examples[ident].title if ident in examples else ident)]))
    return lines


def action_text(action: Action) -> str:
    from planwizard.roundtrip.marks import action_details

    return f"{' '.join(action.what.split())} ({action_details(action)})"


def inline(pieces: list[tuple[str, str]], style: str = "text") -> str:
    """Pieces as one line: ``[-weg-]{+erbij+}`` (text) or ``~~weg~~ **erbij**`` (markdown)."""
    marks = {"text": ("[-", "-]", "{+", "+}"), "markdown": ("~~", "~~", "**", "**")}[style]
    out = []
    for op, text in pieces:
        if op == EQUAL:
            out.append(_escape(text) if style == "markdown" else text)
            continue
        start, end = (marks[0], marks[1]) if op == DELETE else (marks[2], marks[3])
        core = text.strip()
        lead, trail = text[: len(text) - len(text.lstrip())], text[len(text.rstrip()):]
        if not core:
            out.append(text)
            continue
        if style == "markdown" and op == INSERT and out and out[-1].endswith(marks[1]) and not lead:
            lead = " "  # "~~weg~~ **erbij**" reads better than the two glued together
        out.append(f"{lead}{start}{_escape(core) if style == 'markdown' else core}{end}{trail}")
    return "".join(out)


def _escape(text: str) -> str:
    return re.sub(r"([\\`*_~\[\]<>#|])", r"\\\1", text)


def format_diff(diffs: list[ItemDiff], plan_fields: list[tuple[str, str, str]], examples: dict[str, Example],
                *, style: str = "text", title: str = "") -> str:
    """The whole comparison for the terminal (``text``) or as Markdown."""
    if not diffs and not plan_fields:
        return labels.DIFF_NONE + "\n"
    markdown = style == "markdown"
    out: list[str] = []
    if title:
        out += [f"# {_escape(title)}" if markdown else title, ""]
    if markdown:
        out += [labels.DIFF_LEGEND_MARKDOWN, ""]
    if plan_fields:
        out.append(f"## {labels.DIFF_PLAN}" if markdown else labels.DIFF_PLAN)
        for label, before, after in plan_fields:
            pieces = [(DELETE, before or "-"), (EQUAL, " → "), (INSERT, after or "-")]
            out.append(f"- **{label}:** {inline(pieces, style)}" if markdown else f"  {label}: {inline(pieces)}")
        out.append("")
    theme = None
    for diff in diffs:
        if diff.theme is not theme:
            theme = diff.theme
            out.append(f"## {_escape(theme.title)}" if markdown else theme.title)
        question = " ".join(diff.item.question.split())
        out.append(f"### {diff.item.id}: {_escape(question)}" if markdown else f"  {diff.item.id}: {question}")
        for label, pieces in describe(diff, examples):
            out.append(f"- **{label}:** {inline(pieces, style)}" if markdown else f"    {label}: {inline(pieces)}")
        if markdown:
            out.append("")
    return "\n".join(out).rstrip("\n") + "\n"


def version_label(plan: Plan, path: str = "") -> str:
    """How a version of a plan is called: its plan version, else its file name."""
    return plan.info.version or (Path(path).name if path else labels.DIFF_EARLIER)


def compare_files(old_path, new_path, *, style: str = "text"):
    """(old, new, the comparison as text) for two answer files; both are brought to the current checklist."""
    from planwizard.answers import load_plan
    from planwizard.errors import PlanError
    from planwizard.examples import load_library

    old, new = load_plan(old_path), load_plan(new_path)
    if old.checklist.id != new.checklist.id:
        raise PlanError.at(str(new_path), labels.err_diff_checklists(old.checklist.id, new.checklist.id))
    examples = {**load_library(), **{e.id: e for e in (*old.plan.own_examples, *new.plan.own_examples)}}
    diffs = compare_plans(old.plan, new.plan, new.checklist)
    before, after = version_label(old.plan, str(old_path)), version_label(new.plan, str(new_path))
    if before == after:  # the same version number: the file names tell them apart
        before, after = (f"{Path(p).name} ({label})" for p, label in ((old_path, before), (new_path, after)))
    title = labels.diff_title(before, after)
    return old, new, format_diff(diffs, plan_changes(old.plan, new.plan), examples, style=style, title=title)
