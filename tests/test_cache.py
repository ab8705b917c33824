"""What planwizard remembers in the user's cache folder never changes an answer, and never fails."""

from __future__ import annotations

import multiprocessing
import os
import pickle
import shutil
from pathlib import Path

import pytest

from planwizard import cache
from planwizard.answers import load_plan
from planwizard.examples import load_library
from planwizard.render import appendices, build_document
from planwizard.render.template import _check, default_dir
from tests.test_render import NOW, write_full_plan


@pytest.fixture
def folder(tmp_path, monkeypatch) -> Path:
    where = tmp_path / "cache"
    monkeypatch.setenv(cache.ENV_VAR, str(where))
    return where


@pytest.fixture
def source(tmp_path) -> Path:
    path = tmp_path / "bron.txt"
    path.write_text("eerste versie", encoding="utf-8")
    return path


class Counter:
    def __init__(self, value=None):
        self.calls = 0
        self.value = value

    def __call__(self):
        self.calls += 1
        return self.value if self.value is not None else {"calls": self.calls}


def entries(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.pickle"))


def test_computed_once_then_remembered_across_processes(folder, source):
    compute = Counter()
    assert cache.remembered("proef", [source], compute, dict) == {"calls": 1}
    cache._digests.clear()  # as a new process would
    assert cache.remembered("proef", [source], compute, dict) == {"calls": 1}
    assert compute.calls == 1 and len(entries(folder)) == 1


def test_a_changed_file_is_computed_again_and_the_old_entry_goes(folder, source):
    compute = Counter()
    cache.remembered("proef", [source], compute, dict)
    [old] = entries(folder)
    source.write_text("tweede versie, langer", encoding="utf-8")
    assert cache.remembered("proef", [source], compute, dict) == {"calls": 2}
    assert compute.calls == 2 and not old.exists() and len(entries(folder)) == 1


@pytest.mark.parametrize("damage", ["garbage", "truncated", "other key", "wrong type", "empty", "a folder"])
def test_a_damaged_entry_is_computed_again_without_complaint(folder, source, damage):
    cache.remembered("proef", [source], Counter(), dict)
    [entry] = entries(folder)
    data = entry.read_bytes()
    head = data[: data.index(b"\n", len(cache.MAGIC)) + 1]
    if damage == "garbage":
        entry.write_bytes(os.urandom(500))
    elif damage == "truncated":
        entry.write_bytes(data[: len(data) // 2])
    elif damage == "other key":
        entry.write_bytes(cache.MAGIC + b"0" * 64 + b"\n" + data[len(head):])
    elif damage == "wrong type":
        entry.write_bytes(head + pickle.dumps(["geen", "dict"]))
    elif damage == "empty":
        entry.write_bytes(b"")
    else:
        entry.unlink()
        entry.mkdir()
    compute = Counter({"nieuw": True})
    assert cache.remembered("proef", [source], compute, dict) == {"nieuw": True}
    assert compute.calls == 1


def test_an_entry_others_may_write_is_not_trusted(folder, source):
    cache.remembered("proef", [source], Counter(), dict)
    [entry] = entries(folder)
    entry.chmod(0o666)  # group and others may write it: it could hold anybody's pickle
    compute = Counter({"zelf": True})
    assert cache.remembered("proef", [source], compute, dict) == {"zelf": True} and compute.calls == 1


def test_a_cache_folder_that_cannot_be_made_only_costs_time(tmp_path, monkeypatch, source):
    blocker = tmp_path / "geen-map"
    blocker.write_text("een bestand waar de map zou moeten staan")
    monkeypatch.setenv(cache.ENV_VAR, str(blocker / "cache"))
    compute = Counter()
    assert cache.remembered("proef", [source], compute, dict) == {"calls": 1}
    assert cache.remembered("proef", [source], compute, dict) == {"calls": 2}


def test_switched_off_with_an_empty_setting(tmp_path, monkeypatch, source):
    monkeypatch.setenv(cache.ENV_VAR, "")
    compute = Counter()
    cache.remembered("proef", [source], compute, dict)
    cache.remembered("proef", [source], compute, dict)
    assert compute.calls == 2 and cache.folder() is None


def test_a_missing_input_is_never_remembered(folder, tmp_path):
    compute = Counter()
    cache.remembered("proef", [tmp_path / "weg.txt"], compute, dict)
    cache.remembered("proef", [tmp_path / "weg.txt"], compute, dict)
    assert compute.calls == 2 and not folder.exists()


def test_a_failing_computation_is_not_remembered(folder, source):
    def broken():
        raise ValueError("kapot")

    with pytest.raises(ValueError):
        cache.remembered("proef", [source], broken, dict)
    assert not folder.exists() or not entries(folder)


def test_the_folder_keeps_a_bounded_number_of_entries(folder, tmp_path, monkeypatch):
    monkeypatch.setattr(cache, "MAX_ENTRIES", 5)
    for number in range(12):
        path = tmp_path / f"bron{number}.txt"
        path.write_text(str(number))
        cache.remembered(f"soort{number}", [path], Counter(), dict)
    assert len(entries(folder)) <= 5
    assert (folder / entries(folder)[-1].name).exists()


def _writer(where: str, source: str, rounds: int, queue) -> None:
    os.environ[cache.ENV_VAR] = where
    big = {"regels": ["x" * 200] * 5000}
    seen = set()
    for _ in range(rounds):
        cache._digests.clear()
        value = cache.remembered("samen", [Path(source)], lambda: dict(big), dict)
        seen.add(len(value["regels"]))
        for entry in Path(where).glob("*.pickle"):  # another writer may be replacing it right now
            entry.unlink(missing_ok=True)
    queue.put(seen)


def test_processes_writing_at_once_never_see_half_an_entry(folder, source):
    context = multiprocessing.get_context("spawn")
    queue = context.Queue()
    workers = [context.Process(target=_writer, args=(str(folder), str(source), 25, queue)) for _ in range(4)]
    for worker in workers:
        worker.start()
    results = [queue.get(timeout=120) for _ in workers]
    for worker in workers:
        worker.join(60)
    assert all(seen == {5000} for seen in results)
    assert not [p for p in folder.iterdir() if p.suffix == ".tmp"]


def test_drafts_are_the_same_bytes_with_a_cold_a_warm_and_no_cache(tmp_path, monkeypatch):
    plan = write_full_plan(tmp_path)
    made = []
    for setting in (str(tmp_path / "c"), str(tmp_path / "c"), ""):
        monkeypatch.setenv(cache.ENV_VAR, setting)
        appendices._cache.clear()  # as a new process would
        cache._digests.clear()
        loaded = load_plan(plan)
        _, template = _check(default_dir(), remember=bool(setting))
        made.append(build_document(loaded.plan, loaded.checklist, load_library(), template, now=NOW))
    assert made[0] == made[1] == made[2]
    assert {p.name.split("-")[0] for p in (tmp_path / "c").glob("*.pickle")} >= {"appendices", "blocks"}


def test_a_broken_block_is_reported_every_time_and_a_fix_is_seen(tmp_path, folder):
    template = tmp_path / "sjabloon"
    shutil.copytree(default_dir(), template)
    block = template / "blocks" / "introduction.j2"
    good = block.read_text(encoding="utf-8")
    block.write_text(good + "\n{{ onbekende_variabele }}\n", encoding="utf-8")
    for _ in range(2):
        problems, loaded = _check(template, remember=True)
        assert loaded is None and any("onbekende_variabele" in p.message for p in problems)
    block.write_text(good, encoding="utf-8")
    problems, loaded = _check(template, remember=True)
    assert loaded is not None and not [p for p in problems if not p.warning]


def test_an_edited_checklist_is_read_again(tmp_path, monkeypatch, folder):
    from planwizard import checklist as checklists
    from tests.helpers import ROOT

    data = tmp_path / "data"
    for kind in ("checklists", "examples", "templates"):
        shutil.copytree(ROOT / kind, data / kind)
    monkeypatch.setenv("PLANWIZARD_DATA", str(data))
    path = data / "checklists" / f"{checklists.DEFAULT_ID}.yaml"
    first = checklists.current()
    text = path.read_text(encoding="utf-8")
    question = first.items["visie.doelgroep"].question
    changed = text.replace(question, "Een nieuwe vraag over de doelgroep?", 1)
    assert changed != text
    path.write_text(changed, encoding="utf-8")
    os.utime(path, ns=(1, 1))  # another modification time, so the process reads it again as well
    assert checklists.current().items["visie.doelgroep"].question == "Een nieuwe vraag over de doelgroep?"
