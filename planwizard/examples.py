"""The library of inspiring examples: loading, checking and filtering."""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

from planwizard import labels
from planwizard.errors import PlanError
from planwizard.gemeenten import normalise
from planwizard.model import Example
from planwizard.resources import data_dir
from planwizard.schema import Reader
from planwizard.yamlio import Path_, load_file

EXAMPLE_KEYS = ("id", "title", "where", "year", "themes", "summary", "source", "url")
LIBRARY_FILE = "voorbeelden.yaml"


def read_examples(
    reader: Reader,
    value: Any,
    path: Path_,
    *,
    own: bool = False,
    theme_ids: frozenset[str] | None = None,
    taken: dict[str, Any] | None = None,
) -> list[Example]:
    """Examples from a YAML list, every problem recorded in ``reader``."""
    found: list[Example] = []
    first_line: dict[str, int] = {}
    for here, entry in reader.items(value, path, "een lijst met voorbeelden"):
        data = reader.mapping(entry, here, EXAMPLE_KEYS, required=("id", "title", "summary"))
        if data is None:
            continue
        ident = reader.identifier(data, here, "id")
        if ident in first_line or (taken is not None and ident in taken):
            line = first_line.get(ident, 0)
            message = labels.err_duplicate_id("voorbeeld", ident, line) if line else labels.err_own_example_clash(ident)
            reader.error((*here, "id"), message)
            continue
        first_line[ident] = reader.doc.mark((*here, "id"))[0]
        themes = reader.id_list(data, here, "themes")
        if theme_ids is not None:
            for index, theme in enumerate(themes):
                if theme not in theme_ids:
                    reader.error((*here, "themes", index), labels.err_unknown_theme(theme, sorted(theme_ids)))
        found.append(
            Example(
                id=ident,
                title=reader.text(data, here, "title", required=True, one_line=True),
                where=reader.text(data, here, "where", one_line=True),
                themes=tuple(themes),
                summary=reader.text(data, here, "summary", required=True),
                source=reader.text(data, here, "source"),
                url=reader.text(data, here, "url", one_line=True),
                year=reader.number_text(data, here, "year"),
                own=own,
            )
        )
    return found


def library_path() -> Path:
    return data_dir("examples") / LIBRARY_FILE


def load_library(path: Path | None = None) -> dict[str, Example]:
    """The bundled (or given) examples library by id, in file order (read once per file per process,
    and remembered in the user's cache folder)."""
    return _load_library(path or library_path())


@functools.lru_cache(maxsize=8)
def _load_library(path: Path) -> dict[str, Example]:
    from planwizard import cache

    return cache.remembered(f"examples-{path.stem}", [path], lambda: _read_library(path), dict)


def _read_library(path: Path) -> dict[str, Example]:
    doc = load_file(path)
    reader = Reader(doc)
    data = reader.mapping(doc.data, (), ("examples",), required=("examples",))
    examples = read_examples(reader, data.get("examples") if data else None, ("examples",))
    reader.problems.raise_if_any()
    if not examples:
        raise PlanError.at(str(path), labels.ERR_NO_EXAMPLES)
    return {example.id: example for example in examples}


def for_theme(examples: dict[str, Example], theme_id: str | None) -> list[Example]:
    """Examples that belong to ``theme_id`` (all of them when it is None)."""
    return [e for e in examples.values() if theme_id is None or theme_id in e.themes]


def contains(example: Example, query: str) -> bool:
    """Whether every word of ``query`` occurs in the example's title, place, year, summary, source
    or id, ignoring case, accents and punctuation ("cliënt" finds "client", "ETHOS" "ethos-telling")."""
    text = _searchable(example)
    return all(word in text for word in normalise(query).split())


@functools.lru_cache(maxsize=512)
def _searchable(example: Example) -> str:
    # Normalised once per example, not on every keystroke of the wizard's filter.
    return normalise(" ".join((example.id, example.title, example.where, example.year, example.summary,
                               example.source)))


def search(examples: dict[str, Example], query: str = "", theme_id: str | None = None) -> list[Example]:
    """The examples of ``theme_id`` (all when None) that contain every word of ``query``, in library order."""
    return [e for e in for_theme(examples, theme_id) if contains(e, query)]
