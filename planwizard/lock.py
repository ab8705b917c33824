"""A lock file beside an answer file, so that two wizards never edit the same plan.

The lock is ``.<name>.lock`` in the plan's folder. It is created with
``O_CREAT | O_EXCL | O_NOFOLLOW`` (a symlink at that path is never followed) and
holds the owner's pid, host, user and start time. While the wizard runs it keeps the
file open with an exclusive ``flock``, so on this host a lock whose owner died can be
recognised even when its pid was reused. A stale lock is taken over by one process
only: it must hold the old file's ``flock`` and see the same inode at the path before
it removes it, then it races for ``O_EXCL`` like everybody else.
"""

from __future__ import annotations

import datetime as dt
import errno
import getpass
import json
import os
import socket
import stat
import time
from dataclasses import asdict, dataclass
from pathlib import Path

from planwizard import labels
from planwizard.errors import PlanError, Problem
from planwizard.fileio import process_alive

try:
    import fcntl
except ImportError:  # pragma: no cover - not POSIX: rely on the pid alone
    fcntl = None  # type: ignore[assignment]

_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_CLOEXEC = getattr(os, "O_CLOEXEC", 0)
MAX_LOCK_BYTES = 4096
FRESH_SECONDS = 5.0
"""A lock without readable owner is younger than this: its writer may still be busy."""
ATTEMPTS = 20


@dataclass(frozen=True)
class LockInfo:
    """Who holds a lock: process id, host name, user and start time (ISO text)."""

    pid: int
    host: str
    user: str = ""
    since: str = ""

    def to_text(self) -> str:
        return json.dumps({"pid": self.pid, "host": self.host, "user": self.user, "since": self.since}) + "\n"

    @classmethod
    def from_text(cls, text: str) -> LockInfo | None:
        """The owner written in a lock file; None when the text is incomplete or foreign."""
        try:
            data = json.loads(text)
        except ValueError:
            return None
        if not isinstance(data, dict):
            return None
        pid, host = data.get("pid"), data.get("host")
        if not isinstance(pid, int) or isinstance(pid, bool) or pid <= 0 or not isinstance(host, str) or not host:
            return None
        return cls(pid, host, str(data.get("user", "")), str(data.get("since", "")))


class Locked(PlanError):
    """The plan is open in another wizard (or its lock cannot be judged safely)."""

    def __init__(self, plan: str | Path, lock: str | Path, info: LockInfo | None) -> None:
        self.plan_path = str(plan)
        self.lock_path = str(lock)
        self.info = info
        owner = asdict(info) if info is not None else {}
        super().__init__(Problem(str(plan), labels.err_locked(str(lock), **owner)))

    def __reduce__(self):
        return (self.__class__, (self.plan_path, self.lock_path, self.info))


def lock_path(plan: str | Path) -> Path:
    """Where the lock of ``plan`` lives: a hidden file beside it."""
    plan = Path(plan)
    return plan.with_name(f".{plan.name}.lock")


def this_host() -> str:
    return socket.gethostname() or "localhost"


def _user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no user name in this environment; the lock works without it
        return ""


class PlanLock:
    """A held lock; ``release()`` removes the file (only when it is still ours)."""

    def __init__(self, path: Path, fd: int, info: LockInfo) -> None:
        self.path = path
        self.info = info
        self._fd: int | None = fd

    def release(self) -> None:
        """Remove the lock file and close it; safe to call twice."""
        fd, self._fd = self._fd, None
        if fd is None:
            return
        try:
            mine = os.fstat(fd)
            there = os.lstat(self.path)
            if (there.st_dev, there.st_ino) == (mine.st_dev, mine.st_ino):
                os.unlink(self.path)
        except OSError:
            pass  # already gone, or the folder went away: nothing left to clean
        finally:
            os.close(fd)

    def __enter__(self) -> PlanLock:
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()


def acquire(plan: str | Path) -> PlanLock:
    """Lock ``plan`` for this process; ``Locked`` when another live wizard holds it."""
    path = lock_path(plan)
    last_info: LockInfo | None = None
    for attempt in range(ATTEMPTS):
        try:
            fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_EXCL | _NOFOLLOW | _CLOEXEC, 0o644)
        except FileExistsError:
            info, stale = _inspect(plan, path)
            last_info = info
            if stale is None:
                time.sleep(0.02 * (attempt + 1))  # being written or taken over right now
                continue
            if not stale:
                raise Locked(plan, path, info) from None
            _remove_stale(path)
            continue
        except OSError as exc:
            raise PlanError.at(str(path), labels.os_error(exc)) from exc
        return _claim(path, fd)
    raise Locked(plan, path, last_info)


def _claim(path: Path, fd: int) -> PlanLock:
    info = LockInfo(os.getpid(), this_host(), _user(), dt.datetime.now().isoformat(timespec="seconds"))
    try:
        if fcntl is not None:
            try:
                # Blocking: this inode is new, so only another process inspecting it
                # for a moment can hold its flock; never a real owner.
                fcntl.flock(fd, fcntl.LOCK_EX)
            except OSError as exc:
                if exc.errno not in (errno.ENOLCK, errno.EOPNOTSUPP, errno.ENOSYS):
                    raise
        os.write(fd, info.to_text().encode("utf-8"))
        os.fsync(fd)
    except BaseException as exc:
        try:
            os.unlink(path)
        except OSError:
            pass
        os.close(fd)
        if isinstance(exc, OSError):
            raise PlanError.at(str(path), labels.os_error(exc)) from exc
        raise
    return PlanLock(path, fd, info)


def _open_existing(plan: str | Path, path: Path) -> int | None:
    """A read descriptor on the lock file itself (never a symlink's target)."""
    try:
        fd = os.open(path, os.O_RDONLY | _NOFOLLOW | _CLOEXEC | getattr(os, "O_NONBLOCK", 0))
    except FileNotFoundError:
        return None
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise PlanError.at(str(plan), labels.err_lock_not_file(str(path))) from exc
        raise PlanError.at(str(path), labels.os_error(exc)) from exc
    if not stat.S_ISREG(os.fstat(fd).st_mode):
        os.close(fd)
        raise PlanError.at(str(plan), labels.err_lock_not_file(str(path)))
    return fd


def _read(fd: int) -> str:
    os.lseek(fd, 0, os.SEEK_SET)
    return os.read(fd, MAX_LOCK_BYTES).decode("utf-8", errors="replace")


def _flock_free(fd: int) -> bool | None:
    """Whether nobody holds the lock file's flock (None: cannot tell here)."""
    if fcntl is None:
        return None
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    except OSError:
        return None
    fcntl.flock(fd, fcntl.LOCK_UN)
    return True


def _inspect(plan: str | Path, path: Path) -> tuple[LockInfo | None, bool | None]:
    """The lock's owner and whether it is stale (None: look again in a moment)."""
    fd = _open_existing(plan, path)
    if fd is None:
        return None, None  # removed meanwhile: try to create it again
    try:
        info = LockInfo.from_text(_read(fd))
        free = _flock_free(fd)
        age = time.time() - os.fstat(fd).st_mtime
    finally:
        os.close(fd)
    if info is None:
        # An owner that died between creating and writing leaves an empty file.
        if free and age > FRESH_SECONDS:
            return None, True
        return None, (None if age <= FRESH_SECONDS else False)
    if info.host != this_host():
        return info, False  # its process cannot be checked from here
    if info.pid == os.getpid():
        return info, False
    return info, (not process_alive(info.pid)) or bool(free)


def _remove_stale(path: Path) -> None:
    """Remove a stale lock, unless someone else is already busy with it."""
    try:
        fd = os.open(path, os.O_RDONLY | _NOFOLLOW | _CLOEXEC | getattr(os, "O_NONBLOCK", 0))
    except OSError:
        return
    try:
        have_flock = False
        if fcntl is not None:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                have_flock = True
            except BlockingIOError:
                return  # another process is taking it over (or its owner came back)
            except OSError:
                pass
        mine = os.fstat(fd)
        try:
            there = os.lstat(path)
        except FileNotFoundError:
            return
        if (there.st_dev, there.st_ino) != (mine.st_dev, mine.st_ino):
            return  # replaced by a fresh lock meanwhile
        info = LockInfo.from_text(_read(fd))
        if info is None and time.time() - mine.st_mtime <= FRESH_SECONDS:
            # A new lock between its O_EXCL create and its flock is still empty: its
            # creator is about to claim it, so it is not ours to remove.
            return
        if not have_flock and info is not None and info.host == this_host() and process_alive(info.pid):
            return
        try:
            os.unlink(path)
        except FileNotFoundError:
            pass
    finally:
        os.close(fd)


def owner(plan: str | Path) -> LockInfo | None:
    """Who holds the lock of ``plan`` right now (None: nobody, or unreadable)."""
    path = lock_path(plan)
    try:
        fd = _open_existing(plan, path)
    except PlanError:
        return None
    if fd is None:
        return None
    try:
        return LockInfo.from_text(_read(fd))
    finally:
        os.close(fd)
