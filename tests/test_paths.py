"""Which files the wizard may reach: anything in a terminal, only the served folder or plan in a browser."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from planwizard.tui.paths import UNCONFINED, OutsideFolder, PathPolicy
from tests.helpers import ROOT


@pytest.fixture
def folder(tmp_path):
    """served/ with two plans and a sub folder; secret.yaml beside it (outside)."""
    served = tmp_path / "served"
    (served / "sub").mkdir(parents=True)
    for name in ("heerlen.yaml", "vaals.yaml", "heerlen.docx", "heerlen-v1.yaml", "heerlenveen.yaml"):
        (served / name).write_text("x", encoding="utf-8")
    (served / "sub" / "gulpen.yaml").write_text("x", encoding="utf-8")
    (tmp_path / "secret.yaml").write_text("x", encoding="utf-8")
    return served


def test_terminal_reaches_any_path_and_expands_home(tmp_path, monkeypatch):
    monkeypatch.setenv("HOME", str(tmp_path))
    assert UNCONFINED.resolve("~/plan.yaml") == tmp_path / "plan.yaml"
    assert UNCONFINED.allows("/etc/passwd")
    assert UNCONFINED.resolve("  ../x.yaml ") == Path(os.path.abspath(os.path.join("..", "x.yaml")))


def test_served_folder_takes_relative_paths_inside_it(folder):
    paths = PathPolicy.serving(folder)
    assert paths.resolve("vaals.yaml") == folder.resolve() / "vaals.yaml"
    assert paths.resolve("sub/gulpen.yaml") == folder.resolve() / "sub" / "gulpen.yaml"
    assert paths.resolve("nieuw.yaml") == folder.resolve() / "nieuw.yaml"  # a new plan may be made there
    assert paths.resolve(str(folder / "vaals.yaml")) == folder.resolve() / "vaals.yaml"  # absolute, but inside


@pytest.mark.parametrize("typed", ["../secret.yaml", "sub/../../secret.yaml", "/etc/passwd", "~/x.yaml/../../..",
                                   "..", "/"])
def test_served_folder_refuses_paths_that_leave_it(folder, typed):
    paths = PathPolicy.serving(folder)
    with pytest.raises(OutsideFolder) as info:
        paths.resolve(typed)
    assert "buiten de map" in str(info.value)


def test_home_is_not_expanded_in_a_browser(folder):
    assert PathPolicy.serving(folder).resolve("~/x.yaml") == folder.resolve() / "~" / "x.yaml"


def test_symbolic_link_out_of_the_folder_is_refused(folder):
    (folder / "link.yaml").symlink_to(folder.parent / "secret.yaml")
    (folder / "away").symlink_to(folder.parent, target_is_directory=True)
    paths = PathPolicy.serving(folder)
    for typed in ("link.yaml", "away/secret.yaml"):
        with pytest.raises(OutsideFolder):
            paths.resolve(typed)
    assert not paths.allows(folder / "link.yaml")
    assert folder / "link.yaml" not in paths.plans()


def test_a_nul_byte_is_a_refusal_not_a_crash(folder):
    with pytest.raises(OutsideFolder):
        PathPolicy.serving(folder).resolve("a\0b.yaml")


def test_served_plan_reaches_only_itself_and_files_named_after_it(folder):
    paths = PathPolicy.serving(folder / "heerlen.yaml")
    assert paths.resolve("heerlen.yaml") == folder.resolve() / "heerlen.yaml"
    assert paths.resolve("heerlen.docx") == folder.resolve() / "heerlen.docx"
    assert paths.resolve("heerlen-v1.yaml") == folder.resolve() / "heerlen-v1.yaml"
    for typed in ("vaals.yaml", "heerlenveen.yaml", "sub/gulpen.yaml", "../secret.yaml", "."):
        with pytest.raises(OutsideFolder) as info:
            paths.resolve(typed)
        assert "alleen het plan heerlen.yaml" in str(info.value)
    assert [p.name for p in paths.plans()] == ["heerlen-v1.yaml", "heerlen.yaml"]


def test_plans_of_a_served_folder_are_its_answer_files(folder):
    (folder / ".verborgen.yaml").write_text("x", encoding="utf-8")
    (folder / "map.yaml").mkdir()
    names = [p.name for p in PathPolicy.serving(folder).plans()]
    assert names == ["heerlen-v1.yaml", "heerlen.yaml", "heerlenveen.yaml", "vaals.yaml"]
    assert UNCONFINED.plans() == []


def test_completion_stays_inside_the_folder(folder):
    paths = PathPolicy.serving(folder)
    assert paths.complete("va") == "vaals.yaml"
    assert paths.complete("su") == "sub/"
    assert paths.complete("sub/g") == "sub/gulpen.yaml"
    assert paths.complete("../sec") is None  # the folder above is not listed
    assert paths.complete("/et", folders_only=True) is None
    assert paths.complete("heerlen.d", suffixes=(".docx",)) == "heerlen.docx"


def test_completion_of_a_served_plan_offers_only_its_own_files(folder):
    paths = PathPolicy.serving(folder / "heerlen.yaml")
    assert paths.complete("v") is None
    assert paths.complete("s") is None
    assert paths.complete("heerlen-") == "heerlen-v1.yaml"


def test_completion_in_a_terminal_lists_any_folder(tmp_path, folder):
    assert UNCONFINED.complete(str(tmp_path) + "/sec") == str(tmp_path) + "/secret.yaml"


def test_paths_are_shown_relative_to_the_served_folder(folder):
    paths = PathPolicy.serving(folder)
    assert paths.show(folder / "sub" / "gulpen.yaml") == os.path.join("sub", "gulpen.yaml")


def test_every_path_in_the_wizard_goes_through_the_path_policy():
    """A screen that made a path from typed text itself (``expanduser``) would let a browser user
    leave the served folder: use ``app.paths.resolve(text)`` (or ``PathSuggester(app.paths)``)."""
    offenders = []
    for module in sorted((ROOT / "planwizard" / "tui").rglob("*.py")):
        if module.name == "paths.py":
            continue
        for number, line in enumerate(module.read_text(encoding="utf-8").splitlines(), 1):
            if re.search(r"expanduser\((?!\"~\"\))", line):
                offenders.append(f"{module.relative_to(ROOT)}:{number}: {line.strip()}")
    assert offenders == []
