"""The session behind the screens: cleaning input, progress, navigation, saving."""

from __future__ import annotations

import datetime as dt

import pytest

from planwizard.answers import load_plan
from planwizard.examples import load_library
from planwizard.model import Action, Example
from planwizard.errors import PlanError
from planwizard.tui.session import ChangedOnDisk, Session, clean_line, clean_text, parse_date
from tests.tui.conftest import NOW, write_plan


@pytest.fixture
def session(tmp_path):
    path = tmp_path / "p.yaml"
    write_plan(path)
    return Session(load_plan(path), path, load_library(), clock=lambda: NOW)


@pytest.mark.parametrize("typed, day", [
    ("2027-06-30", dt.date(2027, 6, 30)), ("30-06-2027", dt.date(2027, 6, 30)), ("1-7-2027", dt.date(2027, 7, 1)),
    ("30/06/2027", dt.date(2027, 6, 30)), (" 30.06.2027 ", dt.date(2027, 6, 30)), ("", None), ("  ", None),
])
def test_due_dates_in_dutch_and_iso_form(typed, day):
    assert parse_date(typed) == day


@pytest.mark.parametrize("typed", ["31-02-2027", "2027-13-01", "morgen", "30-06-27", "1899-01-01", "2027-6"])
def test_impossible_due_dates_say_how_to_write_them(typed):
    with pytest.raises(ValueError) as caught:
        parse_date(typed)
    assert "2026" in str(caught.value) or "2000" in str(caught.value)


def test_text_that_a_plan_file_cannot_hold_is_cleaned():
    assert clean_text("a\x00b\x1bc\r\nd\re\u2028f\ufeff") == ("abc\nd\nef", False)
    assert clean_text("x" * 50_010) == ("x" * 50_000, True)
    assert clean_line("  twee\nregels\t en  spaties ") == "twee regels en spaties"


def test_control_characters_typed_in_notes_still_save_a_loadable_file(session):
    session.set_notes("visie.cijfers", "kolom\tkolom\x07\x1b[31m rood\r\nklaar\x00")
    session.add_action("visie.cijfers", Action("wat\x1b", "wie\nnog", dt.date(2027, 1, 1)))
    session.save()
    answer = load_plan(session.path).plan.answers["visie.cijfers"]
    assert answer.notes == "kolom\tkolom[31m rood\nklaar"
    assert answer.actions == [Action("wat", "wie nog", dt.date(2027, 1, 1))]


def test_progress_counts_and_skipped_items(session):
    visie = session.themes[0]
    assert session.progress(visie) == (3, 10)
    dependent = next(i for i in session.items if i.when is not None)
    assert session.state(dependent) == "unanswered"
    session.set_status(dependent.when.item, "not_applicable")
    assert session.state(dependent) == "skipped"
    theme = session.theme_of(dependent)
    answered, applicable = session.progress(theme)
    assert applicable == len(theme.items) - 1 and answered == 1


def test_next_open_wraps_round_and_passes_answered_items(session):
    assert session.next_open(None).id == "visie.samenhang"
    last = session.items[-1]
    assert session.next_open(last.id).id == "visie.samenhang"
    for item in session.items:
        session.set_status(item.id, "done")
    assert session.next_open("visie.cijfers") is None


def test_review_orders_open_items_first(session):
    states = [row.state for row in session.review()]
    order = ["unanswered", "todo", "partial", "done", "not_applicable", "skipped"]
    assert states == sorted(states, key=order.index)


def test_clearing_everything_removes_the_answer(session):
    session.set_status("visie.cijfers", None)
    assert "visie.cijfers" not in session.plan.answers
    session.set_notes("visie.samenhang", "")
    assert "visie.samenhang" not in session.plan.answers


def test_own_examples_get_unique_ids_that_never_clash_with_the_library(session):
    library_title = next(iter(load_library().values())).title
    first = session.add_own_example(Example("", library_title, "Heerlen", ("visie", "bestaat-niet"), "Tekst"))
    second = session.add_own_example(Example("", library_title, "Heerlen", ("visie",), "Tekst"))
    assert first.id.startswith("eigen-") and second.id == first.id + "-2"
    assert first.themes == ("visie",) and first.own
    session.toggle_example("visie.cijfers", second.id)
    session.save()
    plan = load_plan(session.path).plan
    assert [e.id for e in plan.own_examples] == [first.id, second.id]


def test_read_only_sessions_never_write(session):
    before = session.path.read_bytes()
    session.read_only = True
    session.set_status("visie.cijfers", "done")
    assert session.save_if_dirty() is True
    session.close()
    assert session.path.read_bytes() == before


def test_a_failed_save_keeps_the_changes_and_says_why(session, tmp_path):
    session.set_status("visie.cijfers", "done")
    session.path = tmp_path / "bestaat-niet" / "p.yaml"  # its folder went away
    assert session.save_if_dirty() is False
    assert isinstance(session.save_error, ChangedOnDisk)  # gone counts as changed: never written blindly
    with pytest.raises(PlanError) as caught:
        session.save(overwrite=True)
    assert session.dirty and session.save_error is caught.value
    assert "map" in session.save_error.problems[0].message


def test_an_outside_change_is_detected_and_only_overwritten_on_request(session):
    session.set_status("visie.cijfers", "done")
    session.path.write_text(session.path.read_text(encoding="utf-8") + "# hand\n", encoding="utf-8")
    with pytest.raises(ChangedOnDisk):
        session.save()
    assert session.path.read_text(encoding="utf-8").endswith("# hand\n")
    copy_path = session.close()
    assert copy_path is not None and copy_path.name.startswith("p.wizard-20261123-140211")
    assert load_plan(copy_path).plan.answers["visie.cijfers"].status == "done"
    assert session.path.read_text(encoding="utf-8").endswith("# hand\n")
