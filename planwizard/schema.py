"""Small typed readers over a loaded YAML document that collect problems with locations.

Every file format (checklist, examples, answer file, template style map) is checked
with these, so the same mistake gets the same message everywhere.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from planwizard import labels
from planwizard.errors import Problems
from planwizard.yamlio import Doc, Path_, as_date

MAX_TEXT = 50_000
"""Longest text accepted in one field (about twenty pages)."""
MAX_LINE_TEXT = 500
"""Longest one-line field (a title, a name, an owner)."""


class Reader:
    """Reads typed values out of ``doc`` and records every problem in ``problems``."""

    def __init__(self, doc: Doc, problems: Problems | None = None) -> None:
        self.doc = doc
        self.problems = problems or Problems(doc.path)

    def error(self, path: Path_, message: str, *, at_key: bool = False) -> None:
        mark = self.doc.key_mark(path) if at_key else self.doc.mark(path)
        self.problems.add(message, mark)

    def mapping(
        self,
        value: Any,
        path: Path_,
        allowed: tuple[str, ...],
        required: tuple[str, ...] = (),
    ) -> dict[str, Any] | None:
        """``value`` if it is a mapping with only ``allowed`` keys and all ``required`` ones."""
        if not isinstance(value, dict):
            self.error(path, labels.err_expected("een tabel met " + ", ".join(required or allowed), value))
            return None
        for key in value:
            if key not in allowed:
                self.error((*path, key), labels.err_unknown_key(key, list(allowed)), at_key=True)
        for key in required:
            if key not in value:
                self.error(path, labels.err_missing_key(key))
        return value

    def text(
        self,
        mapping: dict[str, Any],
        path: Path_,
        key: str,
        *,
        required: bool = False,
        one_line: bool = False,
    ) -> str:
        """The text under ``key``; anything else (a number, a date, yes/no) is a problem.

        A number where text belongs is a mistake more often than not (``name: 12345``), and
        YAML changes how it looks (``0.10`` reads as 0.1), so the message shows how to
        write it as text, quoted.
        """
        value = mapping.get(key)
        here = (*path, key)
        if value is None:
            if required and key in mapping:
                self.error(here, labels.err_expected("tekst", value))
            return ""
        if not isinstance(value, str):
            source = self.doc.raw.get(tuple(here))
            self.error(here, labels.err_not_text(value, source) if source is not None
                       else labels.err_expected("tekst", value))
            return ""
        limit = MAX_LINE_TEXT if one_line else MAX_TEXT
        if len(value) > limit:
            self.error(here, labels.err_text_too_long(len(value), limit))
            return value[:limit]
        if one_line and "\n" in value.strip("\n"):
            self.error(here, labels.err_expected("tekst op één regel", value))
        return value.strip("\n") if one_line else value

    def number_text(self, mapping: dict[str, Any], path: Path_, key: str) -> str:
        """A one-line text that may also be written as a whole number (a year, a code), as written."""
        value = mapping.get(key)
        if isinstance(value, int) and not isinstance(value, bool):
            return self.doc.raw.get((*path, key), str(value))
        return self.text(mapping, path, key, one_line=True)

    def identifier(self, mapping: dict[str, Any], path: Path_, key: str) -> str:
        """A required one-line text, such as an id."""
        return self.text(mapping, path, key, required=True, one_line=True)

    def date(self, mapping: dict[str, Any], path: Path_, key: str) -> dt.date | None:
        """A date written as JJJJ-MM-DD, or None when absent."""
        value = mapping.get(key)
        if value is None:
            return None
        found = as_date(value)
        if found is None:
            self.error((*path, key), labels.err_bad_date(value))
        return found

    def choice(self, mapping: dict[str, Any], path: Path_, key: str, choices: tuple[str, ...]) -> str | None:
        """One of ``choices``, or None when absent or wrong (wrong is a problem)."""
        value = mapping.get(key)
        if value is None:
            return None
        if not isinstance(value, str) or value not in choices:
            self.error((*path, key), labels.err_bad_choice(value, list(choices)))
            return None
        return value

    def id_list(self, mapping: dict[str, Any], path: Path_, key: str) -> list[str]:
        """A list of ids (a single id is accepted as a list of one)."""
        value = mapping.get(key)
        if value is None:
            return []
        if isinstance(value, str):
            return [value]
        if not isinstance(value, list):
            self.error((*path, key), labels.err_expected("een lijst", value))
            return []
        out: list[str] = []
        for index, entry in enumerate(value):
            if isinstance(entry, str) and entry.strip():
                out.append(entry.strip())
            else:
                self.error((*path, key, index), labels.err_expected("een id (tekst)", entry))
        return out

    def items(self, value: Any, path: Path_, what: str) -> list[tuple[Path_, Any]]:
        """The entries of a list with their paths (a problem if ``value`` is no list)."""
        if value is None:
            return []
        if not isinstance(value, list):
            self.error(path, labels.err_expected(what, value))
            return []
        return [((*path, index), entry) for index, entry in enumerate(value)]
