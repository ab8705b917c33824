"""Recently opened plans, the last item per plan, and the wizard's colour theme.

Kept as JSON in the user's state folder (platformdirs), or in ``PLANWIZARD_CONFIG_DIR``
when that is set (tests use it). A missing or damaged file means "nothing remembered";
failing to write it never stops the wizard, because the plan itself is what matters.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

ENV_VAR = "PLANWIZARD_CONFIG_DIR"
FILE_NAME = "recent.json"
MAX_FILES = 12


@dataclass(frozen=True)
class Recent:
    """A plan opened before: where, for which gemeente, when, and at which item."""

    path: str
    name: str = ""
    opened: str = ""
    item: str = ""

    @property
    def opened_at(self) -> dt.datetime | None:
        try:
            return dt.datetime.fromisoformat(self.opened)
        except ValueError:
            return None


def folder() -> Path:
    """The folder holding the wizard's remembered state."""
    override = os.environ.get(ENV_VAR)
    if override:
        return Path(override)
    import platformdirs

    return Path(platformdirs.user_state_dir("planwizard", appauthor=False))


def _file() -> Path:
    return folder() / FILE_NAME


def _key(path: str | Path) -> str:
    return os.path.abspath(os.path.expanduser(str(path)))


def _read() -> dict[str, Any]:
    try:
        raw = _file().read_bytes()
    except OSError:
        return {}
    if len(raw) > 1_000_000:
        return {}
    try:
        data = json.loads(raw.decode("utf-8"))
    except ValueError:
        return {}
    return data if isinstance(data, dict) else {}


def _write(data: dict[str, Any]) -> bool:
    from planwizard.errors import PlanError
    from planwizard.fileio import atomic_write

    try:
        folder().mkdir(parents=True, exist_ok=True)
        atomic_write(_file(), json.dumps(data, ensure_ascii=False, indent=1) + "\n")
    except (OSError, PlanError):
        return False
    return True


def _entries(data: dict[str, Any]) -> list[Recent]:
    found = []
    for entry in data.get("files", []) if isinstance(data.get("files"), list) else []:
        if not isinstance(entry, dict) or not isinstance(entry.get("path"), str):
            continue
        found.append(
            Recent(
                path=entry["path"],
                name=str(entry.get("name", "")),
                opened=str(entry.get("opened", "")),
                item=str(entry.get("item", "")),
            )
        )
    return found


def load(existing_only: bool = True) -> list[Recent]:
    """Remembered plans, most recently opened first (by default only those still there)."""
    entries = _entries(_read())
    if existing_only:
        entries = [e for e in entries if os.path.isfile(e.path)]
    return entries


def remember(path: str | Path, *, name: str | None = None, item: str | None = None,
             now: dt.datetime | None = None) -> bool:
    """Put ``path`` at the top of the list, with its gemeente and current item."""
    key = _key(path)
    data = _read()
    entries = _entries(data)
    previous = next((e for e in entries if e.path == key), None)
    entry = Recent(
        path=key,
        name=name if name is not None else (previous.name if previous else ""),
        opened=(now or dt.datetime.now()).isoformat(timespec="seconds"),
        item=item if item is not None else (previous.item if previous else ""),
    )
    rest = [e for e in entries if e.path != key]
    data["files"] = [asdict(e) for e in [entry, *rest][:MAX_FILES]]
    return _write(data)


def last_item(path: str | Path) -> str | None:
    """The item the user was at when ``path`` was last open, if remembered."""
    key = _key(path)
    for entry in _entries(_read()):
        if entry.path == key:
            return entry.item or None
    return None


def forget(path: str | Path) -> bool:
    """Drop ``path`` from the list."""
    key = _key(path)
    data = _read()
    data["files"] = [asdict(e) for e in _entries(data) if e.path != key]
    return _write(data)


def theme() -> str | None:
    """The colour theme chosen last time."""
    value = _read().get("theme")
    return value if isinstance(value, str) and value else None


def set_theme(name: str) -> bool:
    data = _read()
    data["theme"] = name
    return _write(data)
