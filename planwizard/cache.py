"""Work done once and remembered in the user's cache folder, keyed by the files it came from.

Checking a template and reading the bundled checklist, examples and gemeenten list give
the same result for the same files, yet cost more than the rest of a ``generate``. Their
results are kept here as pickles named after a hash of planwizard's code (its version
and module files) and the bytes of every input file, so a changed file simply has
another name.

Nothing here may make planwizard fail or give a wrong answer: a missing, unreadable,
corrupt, foreign or half-written entry, a folder that cannot be written and two
processes writing at once all end in computing the value again. Entries are written to
a temporary file and moved into place (``os.replace``), so a reader sees a whole entry
or none; each entry repeats its full key inside, and what it holds must have the
expected type. ``PLANWIZARD_CACHE_DIR`` chooses another folder; set it to an empty
value to switch the cache off.

The folder is the user's own (like Python's ``__pycache__``): whoever can write there
can already change what this user runs. An entry is only unpickled when it belongs to
this user and nobody else may write it, so a shared ``PLANWIZARD_CACHE_DIR`` cannot be
used to slip code into someone else's planwizard.
"""

from __future__ import annotations

import functools
import hashlib
import os
import pickle
import stat
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TypeVar

from planwizard import __version__

T = TypeVar("T")
ENV_VAR = "PLANWIZARD_CACHE_DIR"
MAGIC = b"planwizard-cache-1\n"
MAX_ENTRY = 64 * 1024 * 1024
"""An entry larger than this is not read (it cannot be ours)."""
MAX_ENTRIES = 32
"""Entries kept at most; the oldest go first."""


def folder() -> Path | None:
    """The cache folder, or None when the cache is switched off."""
    override = os.environ.get(ENV_VAR)
    if override is not None:
        return Path(override) if override.strip() else None
    import platformdirs

    return Path(platformdirs.user_cache_dir("planwizard", appauthor=False))


def key_of(kind: str, files: Iterable[Path], extra: str = "") -> str | None:
    """A hash of planwizard's code, ``kind``, ``extra`` and every file (name and bytes); None if one is unreadable."""
    digest = hashlib.sha256(f"{__version__}\0{kind}\0{extra}\0{code_stamp()}\0".encode())
    for path in files:
        found = file_digest(Path(path))
        if found is None:
            return None
        digest.update(f"{Path(path).name}\0{found}\0".encode())
    return digest.hexdigest()


_digests: dict[tuple[str, int, int, int], str] = {}


def file_digest(path: Path) -> str | None:
    """The sha256 of a file's bytes (None if unreadable), hashed once per process while it is unchanged."""
    try:
        st = path.stat()
        stamp = (str(path), st.st_ino, st.st_size, st.st_mtime_ns)
        found = _digests.get(stamp)
        if found is None:
            found = _digests[stamp] = hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None
    return found


@functools.lru_cache(maxsize=1)
def code_stamp() -> str:
    """A hash of the size and modification time of every module file of planwizard.

    The version alone is not enough where the code is edited in place (a source
    checkout): a changed module may change what is computed, and how classes pickle.
    """
    digest = hashlib.sha256()
    folders = [Path(__file__).resolve().parent]
    while folders:
        try:
            entries = sorted(os.scandir(folders.pop()), key=lambda e: e.path)
        except OSError:
            continue
        for entry in entries:
            if entry.name.endswith(".py"):
                try:
                    st = entry.stat()
                except OSError:
                    continue
                digest.update(f"{entry.path}:{st.st_size}:{st.st_mtime_ns}\0".encode())
            elif entry.is_dir() and not entry.name.startswith(("_", ".")):
                folders.append(Path(entry.path))
    return digest.hexdigest()


def remembered(kind: str, files: Iterable[Path], compute: Callable[[], T], expect: type, *, extra: str = "") -> T:
    """``compute()``, or what it returned before for the same files (of type ``expect``).

    ``compute`` may raise; nothing is remembered then, so a broken input is reported
    each time it is used.
    """
    where = folder()
    key = key_of(kind, files, extra) if where is not None else None
    if where is None or key is None:
        return compute()
    path = where / f"{kind}-{key[:40]}.pickle"
    found = _read(path, key, expect)
    if found is not None:
        return found
    value = compute()
    _write(where, path, key, value)
    return value


def _read(path: Path, key: str, expect: type):
    try:
        with open(path, "rb") as fh:
            if not _trusted(os.fstat(fh.fileno())):
                return None
            data = fh.read(MAX_ENTRY + 1)
    except OSError:
        return None
    head = MAGIC + key.encode() + b"\n"
    if len(data) > MAX_ENTRY or not data.startswith(head):
        return None
    try:
        value = pickle.loads(data[len(head):])
    except Exception:  # corrupt or from an incompatible planwizard: compute again
        return None
    return value if isinstance(value, expect) else None


def _trusted(st: os.stat_result) -> bool:
    """A regular file of this user that no one else may write (always true where there are no uids)."""
    if not hasattr(os, "getuid"):
        return True
    return stat.S_ISREG(st.st_mode) and st.st_uid == os.getuid() and not st.st_mode & 0o022


def _write(where: Path, path: Path, key: str, value: object) -> None:
    """Store ``value`` whole or not at all; any failure only means it is computed again next time."""
    try:
        data = MAGIC + key.encode() + b"\n" + pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        if len(data) > MAX_ENTRY:
            return
        where.mkdir(parents=True, exist_ok=True, mode=0o700)
        handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=where)
        try:
            with os.fdopen(handle, "wb") as fh:
                fh.write(data)
            os.replace(temporary, path)
        except BaseException:
            try:
                os.unlink(temporary)
            except OSError:
                pass
            raise
        _forget_older(where, path)
    except Exception:  # read-only home, full disk, unpicklable value: no cache, same result
        return


def _forget_older(where: Path, keep: Path) -> None:
    """Remove other entries of the same kind (their files changed), and the oldest entries
    beyond ``MAX_ENTRIES`` (templates in many folders), so the folder does not grow."""
    kind = keep.name.rsplit("-", 1)[0]
    try:
        names = [name for name in os.listdir(where) if name.endswith(".pickle") and name != keep.name]
    except OSError:
        return
    stale = [name for name in names if name.rsplit("-", 1)[0] == kind]
    rest = [name for name in names if name not in stale]
    if len(rest) >= MAX_ENTRIES:
        rest.sort(key=lambda name: _mtime(where / name))
        stale += rest[: len(rest) - MAX_ENTRIES + 1]
    for name in stale:
        try:
            os.unlink(where / name)
        except OSError:
            pass


def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0
