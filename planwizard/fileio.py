"""Writing files so that nothing is ever half-written, and reading them back safely.

Every file planwizard writes (answer files, drafts, overviews, backups, the recent
list) goes through ``atomic_write`` or ``write_temporary`` + ``os.replace``.
"""

from __future__ import annotations

import errno
import os
import stat
import tempfile
import threading
from collections.abc import Iterable
from pathlib import Path

from planwizard import labels
from planwizard.errors import PlanError

_umask_lock = threading.Lock()


def _default_mode() -> int:
    with _umask_lock:
        mask = os.umask(0)
        os.umask(mask)
    return 0o666 & ~mask


TEMP_MARK = ".pw"
"""Temporary files are named ``.<final name>.pw<pid>-<random>.tmp`` beside their target."""


def _temp_prefix(name: str) -> str:
    return f".{name[:80]}{TEMP_MARK}"


def remove_stale_temporaries(folder: Path, name: str = "") -> None:
    """Delete temporaries (of ``name``, or of any file) left in ``folder`` by a killed writer."""
    prefix = _temp_prefix(name) if name else "."
    try:
        names = os.listdir(folder)
    except OSError:
        return
    for entry in names:
        if not (entry.startswith(prefix) and entry.endswith(".tmp") and TEMP_MARK in entry):
            continue
        pid_text = entry.rsplit(TEMP_MARK, 1)[1].split("-", 1)[0]
        if pid_text.isdigit() and process_alive(int(pid_text)):
            continue
        try:
            os.unlink(folder / entry)
        except OSError:
            pass


def process_alive(pid: int) -> bool:
    """Whether process ``pid`` runs on this host (a zombie waiting to be reaped does not)."""
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except (ProcessLookupError, OverflowError):
        return False
    except PermissionError:
        return True  # it exists, under another user
    try:
        with open(f"/proc/{pid}/stat", "rb") as fh:
            return fh.read().rsplit(b")", 1)[1].split()[0] != b"Z"
    except (OSError, IndexError):
        return True  # no /proc here: assume it runs


def write_temporary(folder: Path, name: str, data: bytes, *, sync: bool = True, mode: int | None = None) -> Path:
    """Write ``data`` to a new temporary file in ``folder`` meant to become ``name``.

    The caller moves it into place with ``os.replace`` (see ``atomic_write``). On failure
    nothing is left behind and PlanError names the target.
    """
    target = folder / name
    try:
        fd, tmp = tempfile.mkstemp(prefix=f"{_temp_prefix(name)}{os.getpid()}-", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise PlanError.at(str(target), labels.os_error(exc)) from exc
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            if sync:
                os.fsync(fh.fileno())
            os.fchmod(fh.fileno(), mode if mode is not None else _default_mode())
    except BaseException as exc:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        if isinstance(exc, OSError):
            raise PlanError.at(str(target), labels.os_error(exc)) from exc
        raise
    return Path(tmp)


def check_target(path: str | Path) -> Path:
    """``path`` if a file can be written there: not a folder, and its folder exists."""
    target = Path(path)
    if target.is_dir():
        raise PlanError.at(str(path), labels.ERR_IS_DIR)
    if not target.parent.is_dir():
        raise PlanError.at(str(path), labels.ERR_NO_FOLDER)
    return target


def atomic_write(path: str | Path, data: bytes | str, *, sync: bool = True) -> None:
    """Write ``data`` to ``path`` so that readers see the old or the new file, never half.

    The bytes go to a temporary file in the same folder, are flushed to disk, and the
    temporary file is renamed over the target. A symlink at ``path`` is replaced, not
    followed. On any failure the temporary file is removed and the old file is untouched.
    """
    target = check_target(path)
    if isinstance(data, str):
        data = data.encode("utf-8")
    remove_stale_temporaries(target.parent, target.name)
    try:
        mode = stat.S_IMODE(os.lstat(target).st_mode) if target.is_file() and not target.is_symlink() else None
    except OSError:
        mode = None
    tmp = write_temporary(target.parent, target.name, data, sync=sync, mode=mode)
    try:
        os.replace(tmp, target)
    except OSError as exc:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise PlanError.at(str(path), labels.os_error(exc)) from exc
    if sync:
        _fsync_dir(target.parent)


def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError as exc:  # some file systems cannot sync a directory
        if exc.errno not in (errno.EINVAL, errno.EBADF):
            raise
    finally:
        os.close(fd)


def write_new(names: Iterable[Path], data: bytes) -> Path:
    """Write ``data`` under the first of ``names`` (all in one folder) that is not taken; that path.

    Complete or not at all, as ``atomic_write``, and never over an existing file: the
    synced temporary file is hard-linked to the name, which fails when the name exists
    (also when another process took it a moment ago), and the next name is tried.
    """
    tmp: Path | None = None
    name = Path()
    try:
        for name in names:
            if tmp is None:
                tmp = write_temporary(name.parent, name.name, data)
            try:
                os.link(tmp, name)
            except FileExistsError:
                continue
            except OSError as exc:
                raise PlanError.at(str(name), labels.os_error(exc)) from exc
            _fsync_dir(name.parent)
            return name
    finally:
        if tmp is not None:
            try:
                os.unlink(tmp)
            except OSError:
                pass
    raise PlanError.at(str(name), labels.os_error(FileExistsError(errno.EEXIST, os.strerror(errno.EEXIST))))


def free_name(path: Path) -> Path:
    """``path``, or ``path.2``, ``path.3``, ... whichever does not exist yet (for backups)."""
    candidate, number = path, 1
    while candidate.exists() or candidate.is_symlink():
        number += 1
        candidate = path.with_name(f"{path.name}.{number}")
    return candidate


def check_input(path: str | Path, limit: int) -> int:
    """The size of ``path`` if it is a regular file of at most ``limit`` bytes; else PlanError saying why."""
    name = str(path)
    try:
        info = os.stat(path)
    except OSError as exc:
        raise PlanError.at(name, labels.os_error(exc)) from exc
    if stat.S_ISDIR(info.st_mode):
        raise PlanError.at(name, labels.ERR_IS_DIR)
    if not stat.S_ISREG(info.st_mode):
        raise PlanError.at(name, labels.ERR_NOT_REGULAR)
    if info.st_size > limit:
        raise PlanError.at(name, labels.err_too_big(info.st_size, limit))
    return info.st_size
