"""Everything one does on an item can be done from the command palette (Ctrl+P) alone."""

from __future__ import annotations

import datetime as dt

from planwizard.answers import load_plan
from planwizard.model import Action, Answer
from tests.tui.conftest import SIZE, choose, make_app, on_screen, palette, run, screen_text, wait_for, write_plan



def test_status_text_and_next_open_item_from_the_palette(plan_path):
    async def scenario():
        app = make_app(plan_path)
        async with app.run_test(size=SIZE) as pilot:
            await wait_for(pilot, lambda: on_screen(app, "MainScreen"))
            main = app.screen
            main.show_item("visie.cijfers")
            await palette(pilot, app, "status: deels", "Status: Deels geregeld")
            await wait_for(pilot, lambda: main.session.answer("visie.cijfers").status == "partial")
            await palette(pilot, app, "status: niet van", "Status: Niet van toepassing")
            await wait_for(pilot, lambda: main.session.answer("visie.cijfers").status == "not_applicable")
            await palette(pilot, app, "status wissen", "Status wissen")
            await wait_for(pilot, lambda: main.session.answer("visie.cijfers") is None
                           or main.session.answer("visie.cijfers").status is None)
            await palette(pilot, app, "status: geregeld", "Status: Geregeld")
            await wait_for(pilot, lambda: main.session.answer("visie.cijfers").status == "done")
            await palette(pilot, app, "tekst bewerken", "Tekst bewerken")
            await wait_for(pilot, lambda: type(app.focused).__name__ == "NotesArea")
            await pilot.press(*"Cijfers per wijk")
            await palette(pilot, app, "volgend open punt", "Volgend open punt")
            await wait_for(pilot, lambda: main.current == "visie.samenhang")
            await palette(pilot, app, "vorig punt", "Vorig punt")
            await wait_for(pilot, lambda: main.current != "visie.samenhang")

    run(scenario())
    answer = load_plan(plan_path).plan.answers["visie.cijfers"]
    assert answer.status == "done"
    assert answer.notes == "Cijfers per wijk"


def test_add_edit_and_remove_an_action_from_the_palette(plan_path):
    async def scenario():
        app = make_app(plan_path)
        async with app.run_test(size=SIZE) as pilot:
            await wait_for(pilot, lambda: on_screen(app, "MainScreen"))
            main = app.screen
            main.show_item("visie.cijfers")
            await palette(pilot, app, "actie toevoegen", "Actie toevoegen")
            await wait_for(pilot, lambda: on_screen(app, "ActionDialog"))
            app.screen.query_one("#what").value = "Cijfers opvragen bij de regio"
            app.screen.query_one("#owner").value = "Team Wmo"
            app.screen.query_one("#due").value = "30-06-2027"
            await pilot.click("#ok")
            await wait_for(pilot, lambda: on_screen(app, "MainScreen"))
            await wait_for(pilot, lambda: len(main.session.answer("visie.cijfers").actions) == 1)
            assert main.query_one("#actions").row_count == 1  # the item's table shows it too
            await palette(pilot, app, "actie bewerken", "Actie bewerken")
            await choose(pilot, app, "cijfers", "Cijfers opvragen bij de regio")
            await wait_for(pilot, lambda: on_screen(app, "ActionDialog"))
            app.screen.query_one("#owner").value = "Team Beleid"
            await pilot.click("#ok")
            await wait_for(pilot, lambda: main.session.answer("visie.cijfers").actions[0].owner == "Team Beleid")
            await palette(pilot, app, "actie toevoegen", "Actie toevoegen")
            await wait_for(pilot, lambda: on_screen(app, "ActionDialog"))
            app.screen.query_one("#what").value = "Tweede actie"
            await pilot.click("#ok")
            await wait_for(pilot, lambda: len(main.session.answer("visie.cijfers").actions) == 2)
            await palette(pilot, app, "actie verwijderen", "Actie verwijderen")
            await choose(pilot, app, "tweede", "Tweede actie")
            await wait_for(pilot, lambda: on_screen(app, "ConfirmDialog"))
            await pilot.click("#yes")
            await wait_for(pilot, lambda: len(main.session.answer("visie.cijfers").actions) == 1)

    run(scenario())
    actions = load_plan(plan_path).plan.answers["visie.cijfers"].actions
    assert [(a.what, a.owner, a.due) for a in actions] == [
        ("Cijfers opvragen bij de regio", "Team Beleid", dt.date(2027, 6, 30))]


def test_attach_and_detach_examples_and_add_an_own_one_from_the_palette(plan_path):
    async def scenario():
        app = make_app(plan_path)
        async with app.run_test(size=SIZE) as pilot:
            await wait_for(pilot, lambda: on_screen(app, "MainScreen"))
            main = app.screen
            session = main.session
            main.show_item("visie.doelgroep")
            item = session.item("visie.doelgroep")
            wanted = next(e for e in session.all_examples().values() if e.id not in item.examples)
            await palette(pilot, app, "voorbeeld koppelen", "Voorbeeld koppelen")
            await choose(pilot, app, wanted.title, " ".join(wanted.title.split()))
            await wait_for(pilot, lambda: wanted.id in session.attached("visie.doelgroep"))
            assert wanted.id in main.query_one("#examples").selected  # ticked in the item's list too
            await palette(pilot, app, "voorbeeld ontkoppelen", "Voorbeeld ontkoppelen")
            await choose(pilot, app, wanted.title, " ".join(wanted.title.split()))
            await wait_for(pilot, lambda: wanted.id not in session.attached("visie.doelgroep"))
            await palette(pilot, app, "eigen voorbeeld", "Eigen voorbeeld toevoegen")
            await wait_for(pilot, lambda: on_screen(app, "OwnExampleDialog"))
            app.screen.query_one("#own-title").value = "Buurtkamer Heerlen-Noord"
            app.screen.query_one("#own-summary").load_text("Een huiskamer in de wijk.")
            await pilot.click("#ok")
            await wait_for(pilot, lambda: on_screen(app, "MainScreen"))
            await wait_for(pilot, lambda: any(e.startswith("eigen-") for e in session.attached("visie.doelgroep")))

    run(scenario())
    plan = load_plan(plan_path).plan
    assert [e.title for e in plan.own_examples] == ["Buurtkamer Heerlen-Noord"]
    assert plan.answers["visie.doelgroep"].examples[-1] == plan.own_examples[0].id


def test_draft_from_the_palette(plan_path):
    async def scenario():
        app = make_app(plan_path)
        async with app.run_test(size=SIZE) as pilot:
            await wait_for(pilot, lambda: on_screen(app, "MainScreen"))
            await palette(pilot, app, "concept maken", "Concept maken")
            await wait_for(pilot, lambda: on_screen(app, "ReviewScreen") and app.screen.result is not None, 30)
            assert "Concept gemaakt:" in screen_text(app)

    run(scenario())
    assert plan_path.with_suffix(".docx").stat().st_size > 5000


def test_read_only_palette_offers_no_changes(plan_path):
    async def scenario():
        app = make_app(plan_path, read_only=True)
        async with app.run_test(size=SIZE) as pilot:
            await wait_for(pilot, lambda: on_screen(app, "MainScreen"))
            commands = [c.title for c in app.get_system_commands(app.screen)]
            assert "Volgend open punt" in commands and "Volgend punt" in commands
            for title in ("Status: Geregeld", "Actie toevoegen", "Voorbeeld koppelen…", "Eigen voorbeeld toevoegen"):
                assert title not in commands

    run(scenario())


def test_typing_words_of_a_question_into_go_to_finds_it_and_the_work_stays_bounded(plan_path, monkeypatch):
    """Ctrl+G searches the 71 questions, Ctrl+P the commands. With Textual's fuzzy matcher,
    typing "de gemeente" into Ctrl+G took 25 s and 80 MB (traced), "een de en" two minutes and
    540 MB: it listed every way the letters could line up in each question."""
    import tracemalloc

    from planwizard.tui import matching

    scored: list[str] = []
    match_words = matching.match_words
    monkeypatch.setattr(matching, "match_words", lambda words, candidate: (scored.append(candidate),
                                                                          match_words(words, candidate))[1])

    async def search(pilot, app, key: str, text: str) -> None:
        await pilot.press("escape")
        await wait_for(pilot, lambda: on_screen(app, "MainScreen"))
        await pilot.press(key)
        await wait_for(pilot, lambda: on_screen(app, "DutchCommandPalette"))
        await pilot.press(*text)

    async def scenario():
        app = make_app(plan_path)
        async with app.run_test(size=SIZE) as pilot:
            await wait_for(pilot, lambda: on_screen(app, "MainScreen"))
            questions = len(app.screen.session.items)
            commands = len(list(app.get_system_commands(app.screen)))
            tracemalloc.start()
            try:
                await search(pilot, app, "ctrl+g", "Voor welke inwoners")
                await wait_for(pilot, lambda: "".join(names(app)[:1]).endswith(
                    " Voor welke inwoners zijn beschermd wonen en beschermd thuis volgens de gemeente bedoeld?"))
                await search(pilot, app, "ctrl+g", "de gemeente")
                await wait_for(pilot, lambda: "de gemeente" in "".join(names(app)[:1]))
                found = names(app)
                await search(pilot, app, "ctrl+p", "de gemeente")  # no command is named so; one explains so
                await wait_for(pilot, lambda: names(app) == ["Gegevens van het plan"])
                await search(pilot, app, "ctrl+p", "ga naar punt")
                await wait_for(pilot, lambda: names(app)[:1] == ["Ga naar punt…"])
                _, peak = tracemalloc.get_traced_memory()
            finally:
                tracemalloc.stop()
            assert peak < 16_000_000, f"{peak / 1e6:.0f} MB traced while typing"
            # every hit holds both words, not just their letters somewhere; the phrase comes first
            assert 10 < len(found) < questions
            assert all("de" in line.casefold() and "gemeente" in line.casefold() for line in found)
            phrase = ["de gemeente" in line.casefold() for line in found]
            assert phrase == sorted(phrase, reverse=True) and not all(phrase)
            keystrokes = len("Voor welke inwoners") + len("de gemeente")
            # a command is scored on its name, then (when that does not match) on its explanation
            assert len(scored) <= keystrokes * questions + (len("de gemeente") + len("ga naar punt")) * commands * 2

    run(scenario())


def test_a_square_bracket_in_an_action_shows_as_typed_in_the_palette(tmp_path):
    path = tmp_path / "heerlen.yaml"
    write_plan(path, answers={"visie.cijfers": Answer("todo", "", [Action("[concept] Cijfers opvragen", "", None),
                                                                   Action("Budget [/] wijkteams", "", None)])})

    async def scenario():
        app = make_app(path)
        async with app.run_test(size=SIZE) as pilot:
            await wait_for(pilot, lambda: on_screen(app, "MainScreen"))
            app.screen.show_item("visie.cijfers")
            await palette(pilot, app, "actie bewerken", "Actie bewerken")
            await wait_for(pilot, lambda: on_screen(app, "DutchCommandPalette"))
            await wait_for(pilot, lambda: "[concept] Cijfers opvragen" in screen_text(app)
                           and "Budget [/] wijkteams" in screen_text(app))
            await choose(pilot, app, "[/]", "Budget [/] wijkteams")
            await wait_for(pilot, lambda: on_screen(app, "ActionDialog"))
            assert app.screen.query_one("#what").value == "Budget [/] wijkteams"

    run(scenario())


def test_a_command_is_found_by_its_explanation_after_those_found_by_name(plan_path):
    async def scenario():
        app = make_app(plan_path)
        async with app.run_test(size=SIZE) as pilot:
            await wait_for(pilot, lambda: on_screen(app, "MainScreen"))
            await pilot.press("ctrl+p")
            await wait_for(pilot, lambda: on_screen(app, "DutchCommandPalette"))
            await pilot.press(*"plan")
            await wait_for(pilot, lambda: "Opslaan" in names(app))  # "Sla het plan nu op"
            found = names(app)
            by_name = [name for name in found if "plan" in name.lower()]
            assert by_name and found[:len(by_name)] == by_name, found
            await pilot.press("escape")
            await palette(pilot, app, "importeren", "Word-concept inlezen")
            await wait_for(pilot, lambda: app.focused is not None and app.focused.id == "import-path")

    run(scenario())


def names(app) -> list[str]:
    """The commands the open palette lists, in order."""
    from textual.command import CommandList

    commands = app.screen.query_one(CommandList)
    return [str(commands.get_option_at_index(i).prompt).split("\n")[0] for i in range(commands.option_count)]
