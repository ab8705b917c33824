"""Loading and checking checklist definitions, and finding their versions.

``checklists/<id>.yaml`` is the current version of a checklist; older versions, kept so
that old answer files can be read and migrated, are ``checklists/<id>@<version>.yaml``.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path
from typing import Any

from planwizard import labels
from planwizard.errors import PlanError
from planwizard.examples import load_library
from planwizard.model import KINDS, LEVELS, STATUSES, Changes, Checklist, Condition, Item, Source, Theme
from planwizard.resources import data_dir
from planwizard.schema import Reader
from planwizard.yamlio import Path_, load_file

DEFAULT_ID = "vng-beschermd-thuis"
TOP_KEYS = ("id", "version", "title", "knowledge_date", "source", "sources", "themes", "changes")
THEME_KEYS = ("id", "title", "intro", "items")
ITEM_KEYS = ("id", "kind", "level", "dated", "question", "guidance", "note", "sources", "examples", "when")
CHANGE_KEYS = ("previous", "renamed", "merged", "split", "removed", "added", "reworded")
KNOWLEDGE_DATE = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")
_SLUG = r"[a-z0-9]+(?:-[a-z0-9]+)*"
THEME_ID = re.compile(rf"^{_SLUG}$")
ITEM_ID = re.compile(rf"^({_SLUG})\.{_SLUG}$")


def version_key(version: str) -> tuple[Any, ...]:
    """Sort key for versions like ``2026.1`` (numbers compare as numbers)."""
    return tuple((0, int(p), "") if p.isdigit() else (1, 0, p) for p in re.split(r"[.\-]", version))


def load_checklist(path: str | Path, example_ids: frozenset[str] | None = None) -> Checklist:
    """Load and fully check one checklist file; raises PlanError listing every problem."""
    doc = load_file(path)
    reader = Reader(doc)
    if example_ids is None:
        example_ids = frozenset(load_library())
    checklist = _read(reader, doc.data, example_ids)
    reader.problems.raise_if_any()
    assert checklist is not None
    return checklist


def _read(reader: Reader, data: Any, example_ids: frozenset[str]) -> Checklist | None:
    top = reader.mapping(data, (), TOP_KEYS, required=("id", "version", "title", "themes"))
    if top is None:
        return None
    sources = _read_sources(reader, top.get("sources"))
    seen_items: dict[str, int] = {}
    seen_themes: dict[str, int] = {}
    themes = []
    for here, entry in reader.items(top.get("themes"), ("themes",), "een lijst met thema's"):
        theme = _read_theme(reader, entry, here, seen_themes, seen_items, sources, example_ids)
        if theme is not None:
            themes.append(theme)
    if not themes and isinstance(top.get("themes"), list):
        reader.error(("themes",), labels.ERR_NO_THEMES)
    item_ids = frozenset(seen_items)
    changes = _read_changes(reader, top.get("changes"), item_ids)
    knowledge = reader.text(top, (), "knowledge_date", one_line=True)
    if knowledge and not KNOWLEDGE_DATE.match(knowledge):
        reader.error(("knowledge_date",), labels.err_knowledge_date(knowledge))
        knowledge = ""
    return Checklist(
        id=reader.identifier(top, (), "id"),
        version=reader.text(top, (), "version", required=True, one_line=True),
        title=reader.text(top, (), "title", required=True, one_line=True),
        source=reader.text(top, (), "source"),
        themes=tuple(themes),
        sources=sources,
        changes=changes,
        knowledge_date=knowledge,
    )


def _read_sources(reader: Reader, value: Any) -> dict[str, Source]:
    if value is None:
        return {}
    if not isinstance(value, dict):
        reader.error(("sources",), labels.err_expected("een tabel met bronnen", value))
        return {}
    sources = {}
    for key, entry in value.items():
        here = ("sources", key)
        data = reader.mapping(entry, here, ("title", "url"), required=("title",))
        if data is not None:
            title = reader.text(data, here, "title", required=True, one_line=True)
            sources[key] = Source(key, title, reader.text(data, here, "url", one_line=True))
    return sources


def _read_theme(
    reader: Reader,
    entry: Any,
    here: Path_,
    seen_themes: dict[str, int],
    seen_items: dict[str, int],
    sources: dict[str, Source],
    example_ids: frozenset[str],
) -> Theme | None:
    data = reader.mapping(entry, here, THEME_KEYS, required=("id", "title", "items"))
    if data is None:
        return None
    theme_id = reader.identifier(data, here, "id")
    if theme_id and not THEME_ID.match(theme_id):
        reader.error((*here, "id"), labels.err_bad_id(theme_id, "thema"))
    if theme_id in seen_themes:
        reader.error((*here, "id"), labels.err_duplicate_id("thema", theme_id, seen_themes[theme_id]))
    seen_themes.setdefault(theme_id, reader.doc.mark((*here, "id"))[0])
    items = []
    for item_here, item_entry in reader.items(data.get("items"), (*here, "items"), "een lijst met punten"):
        item = _read_item(reader, item_entry, item_here, theme_id, seen_items, sources, example_ids)
        if item is not None:
            items.append(item)
    return Theme(
        id=theme_id,
        title=reader.text(data, here, "title", required=True, one_line=True),
        intro=reader.text(data, here, "intro"),
        items=tuple(items),
    )


def _read_item(
    reader: Reader,
    entry: Any,
    here: Path_,
    theme_id: str,
    seen: dict[str, int],
    sources: dict[str, Source],
    example_ids: frozenset[str],
) -> Item | None:
    data = reader.mapping(entry, here, ITEM_KEYS, required=("id", "kind", "question"))
    if data is None:
        return None
    item_id = reader.identifier(data, here, "id")
    match = ITEM_ID.match(item_id)
    if item_id and not match:
        reader.error((*here, "id"), labels.err_bad_id(item_id, "punt"))
    elif match and match.group(1) != theme_id:
        reader.error((*here, "id"), labels.err_item_theme(item_id, theme_id))
    if item_id in seen:
        reader.error((*here, "id"), labels.err_duplicate_id("punt", item_id, seen[item_id]))
    for index, key in enumerate(item_sources := reader.id_list(data, here, "sources")):
        if key not in sources:
            reader.error((*here, "sources", index), labels.err_unknown_source(key))
    examples = reader.id_list(data, here, "examples")
    for index, example in enumerate(examples):
        if example not in example_ids:
            reader.error((*here, "examples", index), labels.err_unknown_example(example))
    when = _read_when(reader, data.get("when"), (*here, "when"), item_id, seen)
    dated = data.get("dated", False)
    if not isinstance(dated, bool):
        reader.error((*here, "dated"), labels.err_expected("true of false", dated))
        dated = False
    seen.setdefault(item_id, reader.doc.mark((*here, "id"))[0])
    return Item(
        id=item_id,
        theme=theme_id,
        kind=reader.choice(data, here, "kind", KINDS) or "aandachtspunt",
        question=reader.text(data, here, "question", required=True),
        guidance=reader.text(data, here, "guidance"),
        sources=tuple(item_sources),
        examples=tuple(examples),
        when=when,
        level=reader.choice(data, here, "level", LEVELS),
        dated=dated,
        note=reader.text(data, here, "note"),
    )


def _read_when(reader: Reader, value: Any, here: Path_, item_id: str, earlier: dict[str, int]) -> Condition | None:
    if value is None:
        return None
    data = reader.mapping(value, here, ("item", "status_in", "status_not_in"), required=("item",))
    if data is None:
        return None
    target = reader.identifier(data, here, "item")
    if target == item_id:
        reader.error((*here, "item"), labels.ERR_WHEN_SELF)
    elif target not in earlier:
        reader.error((*here, "item"), labels.err_when_unknown(target))
    keys = [k for k in ("status_in", "status_not_in") if k in data]
    if len(keys) != 1:
        reader.error(here, labels.ERR_WHEN_ONE_OF)
        return None
    statuses = reader.id_list(data, here, keys[0])
    for index, status in enumerate(statuses):
        if status not in STATUSES:
            reader.error((*here, keys[0], index), labels.err_bad_choice(status, list(STATUSES)))
    return Condition(target, tuple(statuses), negate=keys[0] == "status_not_in")


def _read_changes(reader: Reader, value: Any, item_ids: frozenset[str]) -> Changes | None:
    if value is None:
        return None
    here: Path_ = ("changes",)
    data = reader.mapping(value, here, CHANGE_KEYS, required=("previous",))
    if data is None:
        return None

    def new_ids(ids: list[str], path: Path_) -> None:
        for index, ident in enumerate(ids):
            if ident not in item_ids:
                reader.error((*path, index) if len(ids) > 1 else path, labels.err_change_target(ident))

    def old_ids(ids: list[str], path: Path_) -> None:
        for ident in ids:
            if ident in item_ids:
                reader.error(path, labels.err_change_source(ident))

    def table(key: str) -> dict[str, Any]:
        found = data.get(key) or {}
        if not isinstance(found, dict):
            reader.error((*here, key), labels.err_expected("een tabel", found))
            return {}
        return found

    renamed: dict[str, str] = {}
    for old, new in table("renamed").items():
        path = (*here, "renamed", old)
        if not isinstance(new, str):
            reader.error(path, labels.err_expected("een id (tekst)", new))
            continue
        old_ids([old], path)
        new_ids([new], path)
        renamed[old] = new
    merged: dict[str, tuple[str, ...]] = {}
    merged_table = table("merged")
    for new in merged_table:
        path = (*here, "merged", new)
        olds_list = reader.id_list(merged_table, (*here, "merged"), new)
        new_ids([new], path)
        # The item merged into may be one of the merged items: it keeps its id and absorbs the others.
        old_ids([old for old in olds_list if old != new], path)
        if len(set(olds_list) - {new}) < 1:
            reader.error(path, labels.ERR_MERGE_NOTHING)
        merged[new] = tuple(olds_list)
    split: dict[str, tuple[str, ...]] = {}
    split_table = table("split")
    for old in split_table:
        path = (*here, "split", old)
        news_list = reader.id_list(split_table, (*here, "split"), old)
        old_ids([old], path)
        new_ids(news_list, path)
        split[old] = tuple(news_list)
    removed = reader.id_list(data, here, "removed")
    old_ids(removed, (*here, "removed"))
    added = reader.id_list(data, here, "added")
    new_ids(added, (*here, "added"))
    reworded = reader.id_list(data, here, "reworded")
    new_ids(reworded, (*here, "reworded"))
    return Changes(
        previous=reader.text(data, here, "previous", required=True, one_line=True),
        renamed=renamed,
        merged=merged,
        split=split,
        removed=tuple(removed),
        added=tuple(added),
        reworded=tuple(reworded),
    )


# ------------------------------------------------------------------ versions on disk


def _folder(folder: Path | None) -> Path:
    return folder or data_dir("checklists")


@functools.lru_cache(maxsize=32)
def _load_cached(path: Path, mtime_ns: int) -> Checklist:
    from planwizard import cache
    from planwizard.examples import library_path

    # The check also looks up every example id, so the library is part of the key.
    return cache.remembered(f"checklist-{path.stem}", [path, library_path()], lambda: load_checklist(path), Checklist)


def _load(path: Path) -> Checklist:
    try:
        mtime = path.stat().st_mtime_ns
    except OSError:
        mtime = 0
    return _load_cached(path, mtime)


def available(folder: Path | None = None) -> dict[str, dict[str, Path]]:
    """Checklist files by id and version: ``{id: {version: path}}`` (current file included)."""
    root = _folder(folder)
    found: dict[str, dict[str, Path]] = {}
    try:
        paths = sorted(root.glob("*.yaml"))
    except OSError:
        paths = []
    for path in paths:
        stem = path.stem
        if "@" in stem:
            ident, version = stem.split("@", 1)
            found.setdefault(ident, {})[version] = path
        else:
            checklist = _load(path)
            found.setdefault(checklist.id, {})[checklist.version] = path
    return found


def current(checklist_id: str = DEFAULT_ID, folder: Path | None = None) -> Checklist:
    """The newest version of a checklist."""
    path = _folder(folder) / f"{checklist_id}.yaml"
    if not path.is_file():
        raise PlanError.at(str(path), labels.err_unknown_checklist(checklist_id, sorted(available(folder))))
    return _load(path)


def get(checklist_id: str, version: str, folder: Path | None = None) -> Checklist | None:
    """A specific version of a checklist, or None when we do not have it."""
    path = available(folder).get(checklist_id, {}).get(version)
    return _load(path) if path is not None else None


def migration_chain(checklist_id: str, version: str, folder: Path | None = None) -> list[Checklist] | None:
    """The checklists after ``version`` up to the current one, each with its changes.

    None when there is no unbroken chain of recorded changes from ``version``.
    """
    newest = current(checklist_id, folder)
    chain: list[Checklist] = []
    step: Checklist | None = newest
    while step is not None and step.version != version:
        chain.append(step)
        if step.changes is None:
            return None
        step = get(checklist_id, step.changes.previous, folder)
    if step is None:
        return None
    return list(reversed(chain))
