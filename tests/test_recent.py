"""Recent plans and the last item per plan, kept in the user's state folder."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from planwizard import recent


@pytest.fixture(autouse=True)
def folder(tmp_path, monkeypatch):
    monkeypatch.setenv(recent.ENV_VAR, str(tmp_path / "staat"))
    return tmp_path / "staat"


def test_remember_puts_the_plan_first_with_its_item(tmp_path, folder):
    a, b = tmp_path / "a.yaml", tmp_path / "b.yaml"
    a.write_text("x"), b.write_text("x")
    recent.remember(a, name="Heerlen", item="visie.doelgroep", now=dt.datetime(2026, 11, 23, 9, 0))
    recent.remember(b, name="Vaals")
    assert [r.path for r in recent.load()] == [str(b), str(a)]
    recent.remember(a, item="regio.nvo")
    first = recent.load()[0]
    assert (first.path, first.name, first.item) == (str(a), "Heerlen", "regio.nvo")
    assert recent.last_item(a) == "regio.nvo"
    assert recent.last_item(tmp_path / "onbekend.yaml") is None
    assert (folder / "recent.json").is_file()


def test_relative_paths_are_remembered_absolute(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "p.yaml").write_text("x")
    recent.remember("p.yaml", item="visie.cijfers")
    assert recent.last_item(tmp_path / "p.yaml") == "visie.cijfers"


def test_missing_files_are_not_offered_but_kept_on_request(tmp_path):
    gone = tmp_path / "weg.yaml"
    recent.remember(gone, name="Weg")
    assert recent.load() == []
    assert [r.name for r in recent.load(existing_only=False)] == ["Weg"]
    recent.forget(gone)
    assert recent.load(existing_only=False) == []


def test_the_list_is_capped(tmp_path):
    for n in range(recent.MAX_FILES + 5):
        recent.remember(tmp_path / f"p{n}.yaml")
    assert len(recent.load(existing_only=False)) == recent.MAX_FILES


@pytest.mark.parametrize("content", [b"", b"{not json", b"[1, 2]", b'{"files": "nee"}',
                                     b'{"files": [1, {"path": 3}, {"name": "zonder pad"}]}', b"\xff\xfe"])
def test_a_damaged_file_means_nothing_remembered(folder, content, tmp_path):
    folder.mkdir(parents=True)
    (folder / "recent.json").write_bytes(content)
    assert recent.load(existing_only=False) == []
    assert recent.theme() is None
    recent.remember(tmp_path / "p.yaml", item="visie.cijfers")  # and it heals on the next write
    assert json.loads((folder / "recent.json").read_text())["files"][0]["item"] == "visie.cijfers"


def test_an_unwritable_folder_never_raises(tmp_path, monkeypatch):
    blocker = tmp_path / "bestand"
    blocker.write_text("ik ben geen map")
    monkeypatch.setenv(recent.ENV_VAR, str(blocker / "staat"))
    assert recent.remember(tmp_path / "p.yaml") is False
    assert recent.load() == []


def test_theme_is_remembered(folder):
    assert recent.theme() is None
    recent.set_theme("gruvbox")
    assert recent.theme() == "gruvbox"


def test_without_the_variable_the_platform_state_folder_is_used(monkeypatch, tmp_path):
    monkeypatch.delenv(recent.ENV_VAR)
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "xdg"))
    assert recent.folder() == tmp_path / "xdg" / "planwizard"
