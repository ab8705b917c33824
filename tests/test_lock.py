"""The lock file beside a plan: one wizard per plan, stale locks taken over safely."""

from __future__ import annotations

import json
import multiprocessing
import os
import subprocess
import sys

import pytest

from planwizard.errors import PlanError
from planwizard.lock import LockInfo, Locked, acquire, lock_path, owner, this_host


@pytest.fixture
def plan(tmp_path):
    path = tmp_path / "heerlen.yaml"
    path.write_text("format: planwizard/1\n", encoding="utf-8")
    return path


def dead_pid() -> int:
    """The pid of a process that has ended (and was reaped)."""
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def test_lock_holds_pid_and_host_and_is_removed_on_release(plan):
    lock = acquire(plan)
    data = json.loads(lock_path(plan).read_text(encoding="utf-8"))
    assert data["pid"] == os.getpid() and data["host"] == this_host()
    assert owner(plan) == lock.info
    lock.release()
    assert not lock_path(plan).exists()
    lock.release()  # twice is harmless


def test_second_lock_in_the_same_process_is_refused(plan):
    with acquire(plan):
        with pytest.raises(Locked) as caught:
            acquire(plan)
    message = caught.value.problems[0].message
    assert f"proces {os.getpid()}" in message and this_host() in message
    assert str(lock_path(plan)) in message


def test_lock_held_by_another_live_process_is_refused(plan, tmp_path):
    ready = tmp_path / "ready"
    code = (
        "import sys, time, pathlib; sys.path.insert(0, %r)\n"
        "from planwizard.lock import acquire\n"
        "lock = acquire(%r); pathlib.Path(%r).write_text('x'); time.sleep(30)\n"
    ) % (os.getcwd(), str(plan), str(ready))
    holder = subprocess.Popen([sys.executable, "-c", code])
    try:
        for _ in range(200):
            if ready.exists():
                break
            import time

            time.sleep(0.05)
        with pytest.raises(Locked) as caught:
            acquire(plan)
        assert caught.value.info.pid == holder.pid
    finally:
        holder.kill()
        holder.wait()
    # the holder died without releasing: its lock is stale now and taken over
    with acquire(plan) as lock:
        assert lock.info.pid == os.getpid()


def test_stale_lock_of_a_dead_process_on_this_host_is_taken_over(plan):
    lock_path(plan).write_text(LockInfo(dead_pid(), this_host(), "iemand", "2026-11-20T09:00:00").to_text())
    with acquire(plan) as lock:
        assert json.loads(lock_path(plan).read_text())["pid"] == os.getpid() == lock.info.pid


def test_lock_of_another_host_is_never_taken_over(plan):
    text = LockInfo(dead_pid(), "een-andere-computer", "piet", "2026-11-20T09:00:00").to_text()
    lock_path(plan).write_text(text)
    with pytest.raises(Locked) as caught:
        acquire(plan)
    assert "een-andere-computer" in caught.value.problems[0].message
    assert "20-11-2026 09:00" in caught.value.problems[0].message
    assert lock_path(plan).read_text() == text


def test_a_fresh_empty_lock_is_respected_and_an_old_one_taken_over(plan):
    lock_path(plan).write_text("")
    with pytest.raises(Locked):
        acquire(plan)  # someone may be writing it right now
    old = 1_000_000_000
    os.utime(lock_path(plan), (old, old))
    with acquire(plan):
        pass


def test_a_symlink_at_the_lock_path_is_never_followed(plan, tmp_path):
    target = tmp_path / "precious.txt"
    target.write_text("niet aankomen\n")
    os.symlink(target, lock_path(plan))
    with pytest.raises(PlanError) as caught:
        acquire(plan)
    assert "geen gewoon bestand" in caught.value.problems[0].message
    assert target.read_text() == "niet aankomen\n"
    assert os.path.islink(lock_path(plan))
    # a dangling symlink is not followed either (O_EXCL refuses it, it is not created)
    os.unlink(lock_path(plan))
    os.symlink(tmp_path / "bestaat-niet", lock_path(plan))
    with pytest.raises(PlanError):
        acquire(plan)
    assert not (tmp_path / "bestaat-niet").exists()


def test_lock_in_a_read_only_folder_is_a_clear_problem(tmp_path):
    if os.geteuid() == 0:
        pytest.skip("root may write anywhere")
    folder = tmp_path / "ro"
    folder.mkdir()
    plan = folder / "p.yaml"
    plan.write_text("x")
    folder.chmod(0o555)
    try:
        with pytest.raises(PlanError) as caught:
            acquire(plan)
        assert "geen toegang" in caught.value.problems[0].message
    finally:
        folder.chmod(0o755)


def _race(plan: str, start: float, results) -> None:
    import time

    while time.time() < start:
        time.sleep(0.001)
    try:
        lock = acquire(plan)
    except Locked:
        results.put(None)
        return
    except BaseException:
        import traceback

        results.put(("ERR", traceback.format_exc()))
        return
    got = time.monotonic()
    time.sleep(0.3)  # hold it while the others try
    released = time.monotonic()
    lock.release()
    results.put((got, released))


def test_processes_racing_for_a_stale_lock_never_hold_it_together(plan):
    import time

    context = multiprocessing.get_context("fork")
    for _ in range(3):
        lock_path(plan).write_text(LockInfo(dead_pid(), this_host()).to_text())
        results = context.Queue()
        start = time.time() + 0.3
        workers = [context.Process(target=_race, args=(str(plan), start, results)) for _ in range(8)]
        for worker in workers:
            worker.start()
        held = [results.get(timeout=30) for _ in workers]
        errors = [h[1] for h in held if h is not None and h[0] == "ERR"]
        assert not errors, errors[0]  # every process either holds the lock or is told it is locked
        for worker in workers:
            worker.join()
        intervals = sorted(h for h in held if h is not None and h[0] != "ERR")
        assert intervals, "nobody took over the stale lock"
        for (_, first_end), (second_start, _) in zip(intervals, intervals[1:]):
            assert second_start >= first_end, intervals  # never two holders at once
        assert not lock_path(plan).exists()
