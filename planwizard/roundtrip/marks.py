"""The vocabulary of a marked draft, shared by the builder that writes it and the importer that reads it.

What is marked, per checklist item ``k`` (its place in the snapshot, from 1):

- the item's heading carries the bookmark ``_PwP_k``;
- its status line ("... · Status: Geregeld") carries ``_PwS_k``; the status is the text after
  the last "Status:", shown in a drop-down content control that offers the Dutch labels;
- the gemeente's text is every paragraph after the status line up to the heading "Acties"
  (which carries ``_PwA_k``), an example box or the next heading; the actions are the
  paragraphs after "Acties" up to an example box or the next heading.

Bookmarks whose name starts with "_" are hidden in Word, and LibreOffice keeps them with
their names (it drops content-control tags, so those are not used). The snapshot, a
custom XML part, records which plan the draft was made from and digests of every answer
and every marked part as generated, so an import can tell what the draft changed and what
the answer file changed since. It holds no answer text: what a reader deleted in Word does
not linger in the file.

Nothing here imports lxml at module level; the command line stays light.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import re
import zlib
from dataclasses import dataclass, field

from planwizard import labels
from planwizard.model import Action, Answer

NS = "urn:planwizard:draft:1"
"""Namespace of the snapshot part; the importer recognises a planwizard draft by it."""
FORMAT = "1"
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

ITEM, STATUS, ACTIONS = "P", "S", "A"
_MARK = re.compile(r"^_Pw([PSA])_(\d{1,5})$")
MARK_ID_BASE = 300_000
"""Bookmark ids of marks: ``MARK_ID_BASE + 3 * k + j``, apart from the builder's own ids."""

PARAGRAPH, BULLET, NUMBER = "paragraph", "bullet", "number"
UNANSWERED = "unanswered"
STATUS_CHOICES = (*labels.STATUS.items(), (UNANSWERED, labels.UNANSWERED))
"""Value and label of every choice in the status drop-down."""
ROLES = ("heading1", "heading2", "heading3", "meta", "skipped", "example_title", "example_text", "toc_heading",
         "toc1", "bullet", "number")
"""Paragraph roles the importer must recognise; the snapshot records their style id and name."""


def mark_name(kind: str, index: int) -> str:
    return f"_Pw{kind}_{index}"


def mark_id(kind: str, index: int) -> str:
    return str(MARK_ID_BASE + 3 * index + (ITEM, STATUS, ACTIONS).index(kind))


def parse_mark(name: str) -> tuple[str, int] | None:
    """(kind, item index) of a mark's bookmark name; None for any other bookmark."""
    found = _MARK.match(name)
    return (found[1], int(found[2])) if found else None


# ------------------------------------------------------------------ text


def normal(text: str) -> str:
    """``text`` with every run of white space one space, trimmed: how marked text is compared."""
    return " ".join(text.split())


def digest(text: str) -> str:
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=8).hexdigest()


_EMPTY = digest("")


def notes_text(blocks) -> str:
    """Notes in the answer-file format from (kind, level, text, list key, start) blocks.

    A blank line between paragraphs, "- " before bullets and "1. " before numbered items,
    two spaces of indent per list level. The builder digests what it rendered this way,
    the importer what it read, so equal text means an unchanged part.
    """
    lines: list[str] = []
    counters: dict[tuple[object, int], int] = {}
    previous_list = False
    for kind, level, text, key, start in blocks:
        text = normal(text)
        if not text:
            continue
        is_list = kind in (BULLET, NUMBER)
        if lines and not (is_list and previous_list):
            lines.append("")
        indent = "  " * max(0, min(level, 2))
        if kind == BULLET:
            lines.append(f"{indent}- {text}")
        elif kind == NUMBER:
            number = counters.get((key, level), start)
            counters[(key, level)] = number + 1
            lines.append(f"{indent}{number}. {text}")
        else:
            lines.append(text)
        previous_list = is_list
    return "\n".join(lines)


# ------------------------------------------------------------------ status and actions


_LABEL_TO_STATUS = {normal(label).lower(): value for value, label in STATUS_CHOICES}


def status_label(status: str | None) -> str:
    return labels.STATUS.get(status or "", labels.UNANSWERED)


def status_from_label(text: str) -> str | None:
    """The status a label stands for (``None``: not answered); KeyError for any other text."""
    value = _LABEL_TO_STATUS[normal(text).lower().rstrip(".")]
    return None if value == UNANSWERED else value


def split_status_line(text: str) -> tuple[str, str | None]:
    """(fixed part, status text) of a status line; no status text when "Status:" is gone."""
    head, sep, tail = text.rpartition(f"{labels.DOC_STATUS}:")
    if not sep:
        return text, None
    return normal(head + sep), normal(tail)


def short_date(day: dt.date | None) -> str:
    """``30-06-2025``, the date format of action lines and tables; empty without a date."""
    return f"{day.day:02d}-{day.month:02d}-{day.year:04d}" if day else ""


def action_details(action: Action) -> str:
    """What the draft writes in brackets after an action: owner and due date."""
    parts = [f"{labels.DOC_OWNER}: {action.owner}" if action.owner else labels.DOC_NO_OWNER]
    if action.due:
        parts.append(f"{labels.DOC_DUE}: {short_date(action.due)}")
    return "; ".join(parts)


def action_line(action: Action) -> str:
    """An action as its paragraph in the draft reads (white space normalised)."""
    return normal(f"{action.what} ({action_details(action)})")


_DATE = re.compile(r"^(\d{1,2})-(\d{1,2})-(\d{4})$")


def parse_action_line(line: str) -> Action:
    """The action an edited paragraph describes; ValueError (Dutch) for an impossible date.

    "wat (trekker: wie; gereed: 30-06-2025)" gives all three; a line without such a
    bracket at its end is an action without owner or date.
    """
    text = normal(line)
    if text.endswith(")"):
        depth, opening = 0, -1
        for index in range(len(text) - 1, -1, -1):
            depth += {")": 1, "(": -1}.get(text[index], 0)
            if depth == 0:
                opening = index
                break
        what = text[:opening].strip() if opening > 0 else ""
        details = _details(text[opening + 1:-1]) if what else None
        if details is not None:
            return Action(what, *details)
    return Action(text)


def _details(inner: str) -> tuple[str, dt.date | None] | None:
    due = None
    owner_part, sep, due_text = inner.rpartition(f"; {labels.DOC_DUE}:")
    if not sep:
        owner_part = inner
    else:
        found = _DATE.match(due_text.strip())
        if not found:
            raise ValueError(labels.err_import_date(due_text.strip()))
        day, month, year = (int(g) for g in found.groups())
        try:
            due = dt.date(year, month, day)
        except ValueError:
            raise ValueError(labels.err_import_date(due_text.strip())) from None
    owner_part = owner_part.strip()
    if owner_part.lower() == labels.DOC_NO_OWNER.lower():
        return "", due
    prefix = f"{labels.DOC_OWNER}:"
    if owner_part.lower().startswith(prefix.lower()):
        return owner_part[len(prefix):].strip(), due
    return None


def answer_digest(answer: Answer | None) -> str:
    """A digest of everything an answer holds; equal answers, equal digests.

    Fields are joined with control characters an answer can never hold (the loader
    refuses them, the wizard removes them), so different answers never join the same.
    """
    if answer is None or answer.is_empty():
        return _EMPTY
    actions = "\x1d".join(f"{a.what}\x1f{a.owner}\x1f{a.due.isoformat() if a.due else ''}" for a in answer.actions)
    return digest("\x1e".join((answer.status or "", answer.notes, actions, "\x1f".join(answer.examples),
                                answer.as_of.isoformat() if answer.as_of else "", answer.source)))


# ------------------------------------------------------------------ the snapshot


@dataclass
class ItemMarks:
    """One item as generated: digests of its answer and of each marked part."""

    index: int
    id: str
    number: str
    answer: str
    """Digest of the answer in the answer file when the draft was made."""
    status: str | None
    """The status shown (``unanswered`` when none); None when the draft shows no status (skipped)."""
    notes: str
    actions: str
    placeholders: frozenset[str] = frozenset()
    """Digests of the "In te vullen" paragraphs among the marked parts (not the gemeente's text)."""


@dataclass
class Chapter:
    title: str
    number: str
    text: str
    """Digest of the chapter's text outside the marked parts."""


@dataclass
class Snapshot:
    """What a draft records about the plan and answers it was made from."""

    gemeente: str
    code: str
    title: str
    version: str
    source: str
    """Absolute path of the answer file (empty when unknown)."""
    checklist: str
    checklist_version: str
    items: list[ItemMarks] = field(default_factory=list)
    chapters: list[Chapter] = field(default_factory=list)
    front: str = ""
    """Digest of the text before the first chapter (title page), without the table of contents."""
    styles: dict[str, tuple[str, str]] = field(default_factory=dict)
    """Role -> (style id, style name) as generated."""

    def same_plan(self, code: str, gemeente: str) -> bool:
        """Whether the draft was made from a plan of this gemeente."""
        if self.code and code:
            return self.code.upper() == code.upper()
        return normal(self.gemeente).lower() == normal(gemeente).lower()


_PLAN_KEYS = ("gemeente", "code", "title", "version", "source", "checklist", "checklist_version")
"""(The time of making is in the document's own properties; the snapshot stays the same for the same plan.)"""


def snapshot_xml(snapshot: Snapshot) -> bytes:
    """The snapshot as the custom XML part of the draft."""
    lines = [f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<pw:draft xmlns:pw="{NS}" format="{FORMAT}">',
             f"<pw:plan{_attrs(**{key: getattr(snapshot, key) for key in _PLAN_KEYS})}/>",
             f"<pw:front{_attrs(text=snapshot.front)}/>"]
    lines += [f"<pw:style{_attrs(role=role, id=style_id, name=name)}/>"
              for role, (style_id, name) in snapshot.styles.items()]
    for item in snapshot.items:
        extra = {"status": item.status} if item.status is not None else {}
        if item.placeholders:
            extra["placeholders"] = " ".join(sorted(item.placeholders))
        lines.append(f"<pw:item{_attrs(n=str(item.index), id=item.id, number=item.number, answer=item.answer, notes=item.notes, actions=item.actions, **extra)}/>")  # noqa: E501
    lines += [f"<pw:chapter{_attrs(title=c.title, number=c.number, text=c.text)}/>" for c in snapshot.chapters]
    lines.append("</pw:draft>")
    return "".join(lines).encode("utf-8")


_PLAIN = re.compile(r"^[\w .:/-]*$")


def _attrs(**values: str) -> str:
    """Attributes as XML text; ids, numbers and digests go as they are, other text escaped."""
    return "".join(f' {key.replace("_", "-")}="{value}"' if _PLAIN.match(value)
                   else f' {key.replace("_", "-")}={quoteattr(_attr(value))}' for key, value in values.items())


# The characters XML cannot hold, listed as they are (as in render/ooxml.py): the same set
# as the complement of what XML allows, but compiled in a tenth of the time.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_ATTR_ESCAPES = (("&", "&amp;"), (">", "&gt;"), ("<", "&lt;"), ("\n", "&#10;"), ("\r", "&#13;"), ("\t", "&#9;"))


def quoteattr(text: str) -> str:
    """``text`` as a quoted XML attribute value, exactly as ``xml.sax.saxutils.quoteattr`` writes it.

    Written out here because importing ``xml.sax.saxutils`` imports ``urllib.request``
    (and with it ssl, http and email): some 12 ms on every start of ``generate``.
    """
    for char, entity in _ATTR_ESCAPES:
        text = text.replace(char, entity)
    if '"' not in text:
        return f'"{text}"'
    if "'" not in text:
        return f"'{text}'"
    return '"{}"'.format(text.replace('"', "&quot;"))


def _attr(text: str) -> str:
    # Attribute values hold names and titles; keep only what XML can carry.
    return _NOT_XML.sub("", text[:1000])


def read_snapshot(root) -> Snapshot:
    """The snapshot from its parsed part; ValueError when it is not one this version can read."""
    if root.tag != f"{{{NS}}}draft":
        raise ValueError("not a planwizard snapshot")
    if root.get("format") != FORMAT:
        raise ValueError(f"format {root.get('format')}")
    plan = root.find(f"{{{NS}}}plan")
    if plan is None:
        raise ValueError("no plan")
    snapshot = Snapshot(**{key: plan.get(key.replace("_", "-"), "") for key in _PLAN_KEYS})
    front_tag, style_tag, item_tag, chapter_tag = (f"{{{NS}}}{name}" for name in ("front", "style", "item", "chapter"))
    front = None
    for element in root:  # one pass over the children, each handled by its tag
        tag = element.tag
        get = element.get
        if tag == item_tag:
            index = get("n", "")
            if not index.isdigit():
                raise ValueError(f"item number {index!r}")
            placeholders = get("placeholders")
            snapshot.items.append(ItemMarks(int(index), get("id", ""), get("number", ""), get("answer", ""),
                                            get("status"), get("notes", ""), get("actions", ""),
                                            frozenset(placeholders.split()) if placeholders else frozenset()))
        elif tag == chapter_tag:
            snapshot.chapters.append(Chapter(get("title", ""), get("number", ""), get("text", "")))
        elif tag == style_tag:
            snapshot.styles[get("role", "")] = (get("id", ""), get("name", ""))
        elif tag == front_tag and front is None:
            front = element
    snapshot.front = front.get("text", "") if front is not None else ""
    return snapshot


# ------------------------------------------------------------------ text of WordprocessingML elements

_tostring = None


def text_of(element) -> str:
    """All text in ``element`` (C-fast; tabs and line breaks have no text of their own)."""
    global _tostring
    if _tostring is None:
        from lxml import etree

        _tostring = functools.partial(etree.tostring, method="text", encoding=str, with_tail=False)
    return _tostring(element)


def paragraph_text(p) -> str:
    """The text of a marked paragraph as compared and imported, white space normalised.

    The importer first gives tabs and line breaks a space of text, so they separate words.
    """
    return normal(text_of(p))


_SPACE_BYTES = b" \t\n\r\x0b\x0c"


def outside_digest(texts) -> str:
    """Digest of text outside the marked parts: ASCII white space ignored, so only words count.

    A CRC and the length are enough to notice a change (nobody is trying to hide one) and
    cost little on the hundreds of kilobytes of text of a whole plan.
    """
    data = "".join(texts).encode("utf-8", "surrogatepass").translate(None, _SPACE_BYTES)
    return f"{zlib.crc32(data):08x}{len(data):x}"
