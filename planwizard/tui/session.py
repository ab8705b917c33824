"""The plan open in the wizard: model edits, progress, navigation and saving (no Textual).

Screens change the plan only through a ``Session``; it cleans what the user typed so
that the saved file always loads again, marks itself dirty, and saves atomically
through ``answers.save_plan``.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from planwizard import readiness, schema
from planwizard.answers import Loaded, save_plan
from planwizard.errors import PlanError
from planwizard.lock import PlanLock
from planwizard.model import Action, Answer, Example, Item, Plan, Theme
from planwizard.readiness import SKIPPED, STATES, UNANSWERED  # noqa: F401 - screens use them

MAX_TEXT = schema.MAX_TEXT
MAX_LINE = schema.MAX_LINE_TEXT
# Characters the loader refuses (or that YAML mangles): keep them out of the model.
_UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufeff\ufffe\uffff\u2028\u2029]")
_SLUG = re.compile(r"[^a-z0-9]+")


def clean_text(text: str, limit: int = MAX_TEXT) -> tuple[str, bool]:
    """``text`` without characters a plan file may not hold, cut at ``limit``; and whether it was cut."""
    text = _UNSAFE.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))
    if len(text) > limit:
        return text[:limit], True
    return text, False


def clean_line(text: str, limit: int = MAX_LINE) -> str:
    """A one-line field: cleaned, on one line, trimmed."""
    return " ".join(clean_text(text, limit * 2)[0].split())[:limit]


def slug(text: str) -> str:
    """``text`` as an id part: lower case ASCII letters, digits and dashes."""
    import unicodedata

    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    return _SLUG.sub("-", plain).strip("-")[:60] or "voorbeeld"


_DATE_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_DATE_NL = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$")


def parse_date(text: str) -> dt.date | None:
    """A due date typed as JJJJ-MM-DD or DD-MM-JJJJ (also with / or .); None when empty.

    Raises ValueError with the Dutch message to show beside the field.
    """
    from planwizard.tui import texts

    text = text.strip()
    if not text:
        return None
    iso, dutch = _DATE_ISO.match(text), _DATE_NL.match(text)
    if iso:
        year, month, day = (int(g) for g in iso.groups())
    elif dutch:
        day, month, year = (int(g) for g in dutch.groups())
    else:
        raise ValueError(texts.ERR_DATE)
    try:
        found = dt.date(year, month, day)
    except ValueError:
        raise ValueError(texts.ERR_DATE) from None
    if not 2000 <= found.year <= 2100:
        raise ValueError(texts.ERR_DATE_RANGE)
    return found


class ChangedOnDisk(PlanError):
    """The answer file was changed outside this wizard since it was loaded or saved."""


@dataclass(frozen=True)
class ReviewRow:
    """One line of the review: an item with its state."""

    item: Item
    theme: Theme
    state: str


class Session:
    """An answer file open in the wizard."""

    def __init__(
        self,
        loaded: Loaded,
        path: str | Path,
        library: dict[str, Example],
        *,
        lock: PlanLock | None = None,
        read_only: bool = False,
        clock: Callable[[], dt.datetime] = dt.datetime.now,
    ) -> None:
        self.loaded = loaded
        self.path = Path(path)
        self.library = library
        self.lock = lock
        self.read_only = read_only
        self.clock = clock
        self.dirty = False
        self.saved_at: dt.datetime | None = None
        self.save_error: PlanError | None = None
        self.items: list[Item] = list(loaded.checklist.items.values())
        self._index = {item.id: n for n, item in enumerate(self.items)}
        self._themes = {theme.id: theme for theme in loaded.checklist.themes}
        self.disk: tuple[int, int, int] | None = None
        self.remember_disk()

    # ------------------------------------------------------------ reading

    @property
    def plan(self) -> Plan:
        return self.loaded.plan

    @property
    def themes(self) -> tuple[Theme, ...]:
        return self.loaded.checklist.themes

    def item(self, item_id: str) -> Item:
        return self.items[self._index[item_id]]

    def has_item(self, item_id: str | None) -> bool:
        return item_id in self._index

    def theme_of(self, item: Item) -> Theme:
        return self._themes[item.theme]

    def position(self, item: Item) -> tuple[int, int]:
        """1-based place of ``item`` in its theme, and the theme's number of items."""
        theme = self.theme_of(item)
        return theme.items.index(item) + 1, len(theme.items)

    def state(self, item: Item) -> str:
        """``skipped`` when its condition is false, else its status or ``unanswered``."""
        return readiness.state(self.plan, item)

    def progress(self, theme: Theme) -> tuple[int, int]:
        """Answered items and items that apply, for one theme."""
        states = [self.state(item) for item in theme.items]
        applicable = [s for s in states if s != SKIPPED]
        return sum(s != UNANSWERED for s in applicable), len(applicable)

    def counts(self, theme: Theme | None = None) -> dict[str, int]:
        """How many items are in each state (one theme, or the whole checklist)."""
        items = theme.items if theme is not None else self.items
        found = dict.fromkeys(STATES, 0)
        for item in items:
            found[self.state(item)] += 1
        return found

    def first_item(self) -> Item:
        return self.items[0]

    def step(self, item_id: str, offset: int) -> Item | None:
        """The item ``offset`` places after ``item_id`` (None past either end)."""
        index = self._index[item_id] + offset
        return self.items[index] if 0 <= index < len(self.items) else None

    def next_open(self, item_id: str | None) -> Item | None:
        """The first unanswered item that applies after ``item_id``, wrapping round."""
        start = self._index[item_id] + 1 if item_id in self._index else 0
        count = len(self.items)
        for offset in range(count):
            item = self.items[(start + offset) % count]
            if item.id != item_id and self.state(item) == UNANSWERED:
                return item
        return None

    def review(self) -> list[ReviewRow]:
        """Every item with its state, open items first, checklist order within a state."""
        rows = [ReviewRow(item, self.theme_of(item), self.state(item)) for item in self.items]
        rank = {state: n for n, state in enumerate(STATES)}
        return sorted(rows, key=lambda row: (rank[row.state], self._index[row.item.id]))

    def answer(self, item_id: str) -> Answer | None:
        return self.plan.answers.get(item_id)

    def all_examples(self) -> dict[str, Example]:
        """Library and own examples by id."""
        found = dict(self.library)
        found.update({e.id: e for e in self.plan.own_examples})
        return found

    def related(self, item: Item) -> list[Example]:
        """The item's suggested examples, then any other examples attached to it."""
        examples = self.all_examples()
        answer = self.answer(item.id)
        ids = list(dict.fromkeys([*item.examples, *(answer.examples if answer else [])]))
        return [examples[i] for i in ids if i in examples]

    def attached(self, item_id: str) -> list[str]:
        answer = self.answer(item_id)
        return list(answer.examples) if answer else []

    # ------------------------------------------------------------ changing

    def _answer(self, item_id: str) -> Answer:
        if item_id not in self._index:
            raise KeyError(item_id)
        return self.plan.answers.setdefault(item_id, Answer())

    def _prune(self, item_id: str) -> None:
        answer = self.plan.answers.get(item_id)
        if answer is not None and answer.is_empty():
            del self.plan.answers[item_id]

    def _changed(self, item_id: str) -> None:
        self._prune(item_id)
        self.dirty = True

    def _set(self, item_id: str, name: str, value: object) -> bool:
        """Set one field of an answer; whether anything changed."""
        answer = self._answer(item_id)
        if getattr(answer, name) == value:
            self._prune(item_id)
            return False
        setattr(answer, name, value)
        self._changed(item_id)
        return True

    def set_status(self, item_id: str, status: str | None) -> bool:
        """Set the status; whether anything changed."""
        return self._set(item_id, "status", status)

    def set_notes(self, item_id: str, text: str) -> bool:
        """Store the notes (cleaned); True when they had to be cut at the maximum length."""
        cleaned, cut = clean_text(text)
        answer = self._answer(item_id)
        if answer.notes != cleaned:
            answer.notes = cleaned
            self._changed(item_id)
        else:
            self._prune(item_id)
        return cut

    def set_as_of(self, item_id: str, day: dt.date | None) -> bool:
        """Store the peildatum of an answer; whether anything changed."""
        return self._set(item_id, "as_of", day)

    def set_source(self, item_id: str, text: str) -> bool:
        """Store the source of an answer (one line, cleaned); whether anything changed."""
        return self._set(item_id, "source", clean_line(text))

    def add_action(self, item_id: str, action: Action) -> int:
        actions = self._answer(item_id).actions
        actions.append(self._clean_action(action))
        self._changed(item_id)
        return len(actions) - 1

    def replace_action(self, item_id: str, index: int, action: Action) -> None:
        self._answer(item_id).actions[index] = self._clean_action(action)
        self._changed(item_id)

    def remove_action(self, item_id: str, index: int) -> Action:
        removed = self._answer(item_id).actions.pop(index)
        self._changed(item_id)
        return removed

    @staticmethod
    def _clean_action(action: Action) -> Action:
        return Action(clean_line(action.what, MAX_TEXT), clean_line(action.owner), action.due)

    def toggle_example(self, item_id: str, example_id: str) -> bool:
        """Attach or detach an example; whether it is attached now."""
        answer = self._answer(item_id)
        if example_id in answer.examples:
            answer.examples.remove(example_id)
            attached = False
        else:
            answer.examples.append(example_id)
            attached = True
        self._changed(item_id)
        return attached

    def new_example_id(self, title: str) -> str:
        base = f"eigen-{slug(title)}"
        taken = set(self.all_examples())
        candidate, number = base, 1
        while candidate in taken:
            number += 1
            candidate = f"{base}-{number}"
        return candidate

    def add_own_example(self, example: Example) -> Example:
        """Add an example written by the gemeente (fields cleaned, id made unique)."""
        themes = tuple(t for t in example.themes if t in self._themes)
        clean = replace(
            example,
            id=self.new_example_id(example.title),
            title=clean_line(example.title),
            where=clean_line(example.where),
            year=clean_line(example.year, 20),
            summary=clean_text(example.summary)[0].strip() or clean_line(example.title),
            source=clean_text(example.source)[0].strip(),
            url=clean_line(example.url),
            themes=themes,
            own=True,
        )
        self.plan.own_examples.append(clean)
        self.dirty = True
        return clean

    def set_info(self, **fields: str) -> None:
        """Change title page facts (title, period, author, organisation, version)."""
        for key, value in fields.items():
            setattr(self.plan.info, key, clean_line(value))
        self.dirty = True

    # ------------------------------------------------------------ saving

    def _signature(self) -> tuple[int, int, int] | None:
        try:
            st = os.stat(self.path)
        except OSError:
            return None
        return (st.st_mtime_ns, st.st_size, st.st_ino)

    def remember_disk(self) -> None:
        """Note the file as it is on disk now (after loading or saving it)."""
        self.disk = self._signature()

    def changed_on_disk(self) -> bool:
        """Whether someone else wrote the file since we loaded or saved it."""
        return self.disk is not None and self._signature() != self.disk

    def save(self, *, overwrite: bool = False) -> dt.datetime:
        """Write the file atomically now; raises PlanError and stays dirty on failure.

        A file changed by someone else since we loaded or saved it raises ``ChangedOnDisk``
        and is left alone, unless ``overwrite``.
        """
        if self.read_only:
            raise PlanError.at(str(self.path), "alleen lezen")
        if not overwrite and self.changed_on_disk():
            from planwizard.tui import texts

            self.save_error = ChangedOnDisk.at(str(self.path), texts.ERR_CHANGED_ON_DISK)
            raise self.save_error
        try:
            save_plan(self.plan, self.path, self.loaded.checklist)
        except PlanError as exc:
            self.save_error = exc
            raise
        except OSError as exc:  # save_plan turns these into PlanError; be safe anyway
            from planwizard import labels

            self.save_error = PlanError.at(str(self.path), labels.os_error(exc))
            raise self.save_error from exc
        self.remember_disk()
        self.dirty = False
        self.save_error = None
        self.saved_at = self.clock()
        return self.saved_at

    def save_if_dirty(self) -> bool:
        """Save when there are unsaved changes; False when saving failed."""
        if not self.dirty or self.read_only:
            return True
        try:
            self.save()
        except PlanError:
            return False
        return True

    def save_copy(self) -> Path | None:
        """Write the wizard's version beside the file (``<name>.wizard-<time>.yaml``); its path."""
        stamp = self.clock().strftime("%Y%m%d-%H%M%S")
        copy_path = self.path.with_name(f"{self.path.stem}.wizard-{stamp}{self.path.suffix}")
        try:
            save_plan(self.plan, copy_path, self.loaded.checklist)
        except PlanError:
            return None
        return copy_path

    def close(self) -> Path | None:
        """Save what is left and release the lock (safe to call twice).

        When the file was changed by someone else meanwhile, the wizard's version goes to
        a copy beside it instead (returned), so neither side's work is lost.
        """
        copy_path = None
        try:
            if not self.save_if_dirty() and isinstance(self.save_error, ChangedOnDisk):
                copy_path = self.save_copy()
                if copy_path is not None:
                    self.dirty = False
        finally:
            if self.lock is not None:
                self.lock.release()
                self.lock = None
        return copy_path

    def display_name(self) -> str:
        return self.path.name


def display_path(path: str | Path) -> str:
    """``path`` as shown to the user: relative to home as ``~/...`` when below it."""
    text = os.path.abspath(str(path))
    home = os.path.expanduser("~")
    if home not in ("", "/") and (text == home or text.startswith(home + os.sep)):
        return "~" + text[len(home):]
    return text
