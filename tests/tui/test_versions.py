"""The wizard's "Word en versies": import a Word draft (changes first, then applied and saved), compare versions."""

from __future__ import annotations

import shutil

import pytest

from planwizard.answers import load_plan
from tests.draftedit import DraftDoc
from tests.tui.conftest import SIZE, make_app, on_screen, palette, run, screen_text, wait_for

pytest.importorskip("planwizard.render")



def flat(app) -> str:
    return " ".join(screen_text(app).replace("│", " ").replace("▌", " ").split())


@pytest.fixture
def draft(plan_path):
    """The plan's draft beside it, edited in Word: a status picked, a word typed, a paragraph added."""
    from planwizard.render import generate_file

    path = generate_file(load_plan(plan_path), plan_path.with_suffix(".docx"))
    doc = DraftDoc(path)
    doc.choose_status(doc.item(2)["status"][0], "Nog te doen", "todo")
    doc.retype(doc.item(2)["text"][0], "regio", "regio Parkstad")
    doc.enter_after(doc.item(1)["text"][-1], "Toegevoegd door de wethouder.")
    doc.save()
    return path


async def open_import(app, pilot):
    await wait_for(pilot, lambda: on_screen(app, "MainScreen"))
    await palette(pilot, app, "word-concept inlezen", "Word-concept inlezen")
    await wait_for(pilot, lambda: on_screen(app, "ReviewScreen") and app.focused is not None
                   and app.focused.id == "import-path")


def test_import_shows_the_changes_first_then_applies_and_saves(plan_path, draft):
    before = plan_path.read_bytes()

    async def scenario():
        app = make_app(plan_path)
        async with app.run_test(size=SIZE) as pilot:
            await wait_for(pilot, lambda: on_screen(app, "MainScreen"))
            app.screen.show_item("visie.uitgangspunten")
            await pilot.pause(0.1)
            await open_import(app, pilot)
            assert app.focused.value == str(draft)  # the draft beside the plan is proposed
            await pilot.press("enter")
            await wait_for(pilot, lambda: "Dit neemt Overnemen over" in flat(app), 15)
            text = flat(app)
            assert "punt 3.2 (visie.doelgroep)" in text and "{+Nog te doen+}" in text
            assert plan_path.read_bytes() == before  # nothing changed yet
            assert app.focused.id == "import-apply"
            await pilot.press("enter")
            await wait_for(pilot, lambda: "overgenomen uit het concept" in flat(app), 15)
            assert not app.session.dirty
            assert app.screen.query_one("#compare-path").value == str(plan_path.with_name("heerlen.yaml.bak"))
            await pilot.press("escape")
            await wait_for(pilot, lambda: on_screen(app, "MainScreen"))
            assert app.screen.current == "visie.uitgangspunten"
            notes = app.screen.query_one("NotesArea").text
            assert notes.endswith("Toegevoegd door de wethouder.")  # the item on screen shows the imported text

    run(scenario())
    answers = load_plan(plan_path).plan.answers
    assert answers["visie.doelgroep"].status == "todo"
    assert answers["visie.doelgroep"].notes == "Nog afstemmen met de regio Parkstad."
    assert answers["visie.uitgangspunten"].notes.endswith("\n\nToegevoegd door de wethouder.")
    assert plan_path.with_name("heerlen.yaml.bak").read_bytes() == before


def test_a_conflict_is_shown_and_a_side_can_be_chosen(plan_path, draft):
    async def scenario():
        app = make_app(plan_path)
        async with app.run_test(size=SIZE) as pilot:
            await wait_for(pilot, lambda: on_screen(app, "MainScreen"))
            app.session.set_notes("visie.doelgroep", "Intussen in de wizard herschreven.")
            app.plan_changed(immediate=True)
            await open_import(app, pilot)
            await pilot.press("enter")
            await wait_for(pilot, lambda: "Niet in te lezen" in flat(app), 15)
            assert "punt 3.2 (visie.doelgroep): gewijzigd in het concept én in het antwoordbestand" in flat(app)
            assert not app.screen.query_one("#import-apply").display
            await pilot.click("#import-keep-draft")
            await wait_for(pilot, lambda: "Dit neemt Overnemen over" in flat(app), 15)
            await pilot.click("#import-apply")
            await wait_for(pilot, lambda: "overgenomen uit het concept" in flat(app), 15)

    run(scenario())
    answer = load_plan(plan_path).plan.answers["visie.doelgroep"]
    assert (answer.status, answer.notes) == ("todo", "Nog afstemmen met de regio Parkstad.")


def test_compare_with_an_earlier_version(plan_path, tmp_path):
    earlier = tmp_path / "eerder.yaml"
    shutil.copy(plan_path, earlier)
    text = earlier.read_text(encoding="utf-8").replace("status: partial", "status: done")
    earlier.write_text(text, encoding="utf-8")

    async def scenario():
        app = make_app(plan_path)
        async with app.run_test(size=SIZE) as pilot:
            await wait_for(pilot, lambda: on_screen(app, "MainScreen"))
            await palette(pilot, app, "vergelijken met eerdere", "Vergelijken met eerdere versie")
            await wait_for(pilot, lambda: app.focused is not None and app.focused.id == "compare-path")
            await pilot.press(*str(earlier), "enter")
            await wait_for(pilot, lambda: "visie.doelgroep" in flat(app), 15)
            assert "status: [-Geregeld-] → {+Deels geregeld+}" in flat(app)

    run(scenario())


def test_the_draft_made_by_generate_is_proposed_and_tab_completes_a_typed_path(plan_path):
    """``planwizard generate`` names its draft after gemeente and version; the newest draft is proposed."""
    import os

    from planwizard.render import default_output_name, generate_file

    loaded = load_plan(plan_path)
    wizard_named = generate_file(loaded, plan_path.with_suffix(".docx"))
    os.utime(wizard_named, (1_700_000_000, 1_700_000_000))  # made long ago
    generated = generate_file(loaded, plan_path.with_name(default_output_name(loaded.plan)))
    assert generated.name == "Uitvoeringsplan Heerlen concept 0.1.docx"

    async def scenario():
        app = make_app(plan_path)
        async with app.run_test(size=SIZE) as pilot:
            await open_import(app, pilot)
            field = app.focused
            assert field.value == str(generated)
            assert not app.screen.query_one("#upload-button").display  # in a terminal the file is at hand
            field.value = ""
            await pilot.press(*str(plan_path.parent / "Uitv"))
            await wait_for(pilot, lambda: field._suggestion == str(generated))
            await pilot.press("tab")  # takes the grey completion, as in a shell
            assert (app.focused, field.value) == (field, str(generated))
            await pilot.press("tab")  # nothing left to complete: on to the button
            assert app.focused.id == "import-button"
            await pilot.press("enter")
            await wait_for(pilot, lambda: "geen wijzigingen ten opzichte van het plan" in flat(app), 15)

    run(scenario())


def test_a_draft_made_in_the_overview_is_proposed_for_import(plan_path):
    async def scenario():
        app = make_app(plan_path)
        async with app.run_test(size=SIZE) as pilot:
            await open_import(app, pilot)
            assert app.focused.value == ""  # no draft yet
            await pilot.press("shift+tab")  # from the field to the tabs, then one tab to the left
            await pilot.press("left")
            await wait_for(pilot, lambda: app.screen.query_one("#review-tabs").active == "tab-generate")
            output = app.screen.query_one("#output")
            output.value = str(plan_path.with_name("voor de wethouder.docx"))
            output.focus()
            await pilot.press("enter")
            await wait_for(pilot, lambda: plan_path.with_name("voor de wethouder.docx").exists()
                           and app.screen.query_one("#import-path").value != "", 30)
            assert app.screen.query_one("#import-path").value == str(plan_path.with_name("voor de wethouder.docx"))

    run(scenario())
