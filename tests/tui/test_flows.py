"""The wizard's flows driven by keyboard at 80x24: what is on screen and what is on disk."""

from __future__ import annotations

import datetime as dt

from planwizard import recent
from planwizard.answers import load_plan
from planwizard.lock import acquire, lock_path
from planwizard.model import Action
from tests.tui.conftest import SIZE, make_app, on_screen, palette, run, screen_text, wait_for, write_plan



# ------------------------------------------------------------------ start and new plan


def test_new_plan_from_start_screen_writes_the_file_and_opens_the_first_item(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)

    async def scenario():
        app = make_app()
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            assert "Nog geen plannen geopend" in screen_text(app)
            await pilot.press("n")
            await wait_for(pilot, lambda: on_screen(app, "NewPlanScreen") and app.screen.registry is not None)
            await pilot.press(*"heerl", "enter")
            form = app.screen
            assert form.query_one("#region").value == "Parkstad"
            assert form.query_one("#central").value == "Heerlen"
            assert form.query_one("#file").value == "uitvoeringsplan-heerlen.yaml"
            text = screen_text(app)
            assert "Regio Parkstad, centrumgemeente Heerlen." in text
            await pilot.press(*"M. de Vries", "enter")  # author, then on to organisation
            await pilot.press("enter", "enter")  # organisation, file: create
            await wait_for(pilot, lambda: on_screen(app, "MainScreen"))
            text = screen_text(app)
            assert "Punt 1/10 · thema 1: Lokale visie en ambitie" in text
            assert "0/10 Lokale visie en ambi" in text
            assert "Opgeslagen 14:02:11" in text

    run(scenario())
    loaded = load_plan(tmp_path / "uitvoeringsplan-heerlen.yaml")
    assert loaded.plan.municipality.name == "Heerlen"
    assert loaded.plan.municipality.code == "GM0917"
    assert loaded.plan.municipality.region == "Parkstad"
    assert loaded.plan.info.author == "M. de Vries"
    assert loaded.plan.info.period == "2026-2029"
    assert loaded.plan.info.date == dt.date(2026, 11, 23)
    assert loaded.plan.answers == {}
    assert recent.load()[0].path == str(tmp_path / "uitvoeringsplan-heerlen.yaml")
    assert not lock_path(tmp_path / "uitvoeringsplan-heerlen.yaml").exists()  # released on exit


def test_unknown_region_is_asked_and_stored(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    target = tmp_path / "nieuw.yaml"

    async def scenario():
        app = make_app(target)  # a new file name starts a new plan for that file
        async with app.run_test(size=SIZE) as pilot:
            await wait_for(pilot, lambda: on_screen(app, "NewPlanScreen") and app.screen.registry is not None)
            form = app.screen
            registry = form.registry
            unknown = next(g for g in registry.gemeenten if not g.region)
            await pilot.press(*unknown.name, "enter")
            assert "kent de regio van" in screen_text(app)
            assert app.screen.focused is form.query_one("#region")
            await pilot.press(*"Regio Test", "enter", *"Testgemeente", "enter")
            assert form.query_one("#file").value == str(target) and form.query_one("#file").disabled
            await pilot.click("#create")
            await wait_for(pilot, lambda: on_screen(app, "MainScreen"))

    run(scenario())
    plan = load_plan(target).plan
    assert plan.municipality.region == "Regio Test"
    assert plan.municipality.central_municipality == "Testgemeente"


def test_new_plan_refuses_an_existing_file(tmp_path, monkeypatch, plan_path):
    monkeypatch.chdir(plan_path.parent)
    before = plan_path.read_bytes()

    async def scenario():
        app = make_app()
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("n")
            await wait_for(pilot, lambda: on_screen(app, "NewPlanScreen") and app.screen.registry is not None)
            await pilot.press(*"Heerlen", "enter")
            form = app.screen
            form.query_one("#file").value = "heerlen.yaml"
            await pilot.click("#create")
            await pilot.pause()
            assert on_screen(app, "NewPlanScreen")
            assert "Dit bestand bestaat al" in screen_text(app)

    run(scenario())
    assert plan_path.read_bytes() == before


# ------------------------------------------------------------------ answering


def test_status_notes_and_actions_are_saved_and_shown(plan_path):
    async def scenario():
        app = make_app(plan_path)
        async with app.run_test(size=SIZE) as pilot:
            await wait_for(pilot, lambda: on_screen(app, "MainScreen"))
            main = app.screen
            # resumes at the first unanswered item
            assert main.current == "visie.samenhang"
            await pilot.press("enter")  # from the sidebar into the status choice
            assert type(app.focused).__name__ == "StatusChoice"
            await pilot.press("2")
            assert load_plan(plan_path).plan.answers["visie.samenhang"].status == "partial"  # saved at once
            assert "◐ Samenhang" in screen_text(app)
            assert "4/10 Lokale visie" in screen_text(app)
            await pilot.press("tab", "tab")  # guidance title, then the notes
            assert type(app.focused).__name__ == "NotesArea"
            await pilot.press(*"Sluit aan op de woonvisie.", "enter", "enter", *"- wonen", "enter", *"- zorg")
            await pilot.press("tab")  # leaving the field saves at once
            notes = load_plan(plan_path).plan.answers["visie.samenhang"].notes
            assert notes == "Sluit aan op de woonvisie.\n\n- wonen\n- zorg"
            assert type(app.focused).__name__ == "ActionsTable"
            await pilot.press("a")
            await wait_for(pilot, lambda: on_screen(app, "ActionDialog"))
            await pilot.press(*"Woonvisie actualiseren", "enter", *"Team Wonen", "enter", *"31-02-2027", "enter")
            assert on_screen(app, "ActionDialog")  # an impossible date keeps the dialog open ...
            assert "Ongeldige datum" in screen_text(app)  # ... and says why, beside the field
            for _ in range(10):
                await pilot.press("backspace")
            await pilot.press(*"30-06-2027")
            assert "woensdag 30 juni 2027" in screen_text(app)
            await pilot.press("enter")
            await wait_for(pilot, lambda: on_screen(app, "MainScreen"))
            assert "30-06-2027" in screen_text(app)
            actions = load_plan(plan_path).plan.answers["visie.samenhang"].actions
            assert actions == [Action("Woonvisie actualiseren", "Team Wonen", dt.date(2027, 6, 30))]
            # edit the row: Enter on the table
            await pilot.press("enter")
            await wait_for(pilot, lambda: on_screen(app, "ActionDialog"))
            owner = app.screen.query_one("#owner")
            owner.value = "Team Wonen en Ruimte"
            await pilot.click("#ok")
            await wait_for(pilot, lambda: on_screen(app, "MainScreen"))
            assert load_plan(plan_path).plan.answers["visie.samenhang"].actions[0].owner == "Team Wonen en Ruimte"
            # remove it, after confirming
            await pilot.press("delete")
            await wait_for(pilot, lambda: on_screen(app, "ConfirmDialog"))
            await pilot.click("#yes")
            await wait_for(pilot, lambda: on_screen(app, "MainScreen"))
            assert load_plan(plan_path).plan.answers["visie.samenhang"].actions == []

    run(scenario())


def test_notes_typed_are_saved_within_a_second_without_leaving_the_field(plan_path):
    from planwizard.tui import app as app_module

    assert app_module.SAVE_DELAY <= 1.0  # the promise: typing is on disk within a second

    async def scenario():
        app = make_app(plan_path)
        async with app.run_test(size=SIZE) as pilot:
            await wait_for(pilot, lambda: on_screen(app, "MainScreen"))
            session = app.screen.session
            saves = []
            original = session.save

            def counting(*args, **kwargs):
                saves.append(1)
                return original(*args, **kwargs)

            session.save = counting
            app.screen.query_one("#notes").focus()
            await pilot.press(*"Een tekst")
            # debounced: one save for the burst of keys, not one per key, and without
            # leaving the field; the header shows the save time once it is written
            await wait_for(pilot, lambda: load_plan(plan_path).plan.answers.get("visie.samenhang") is not None
                           and load_plan(plan_path).plan.answers["visie.samenhang"].notes == "Een tekst", 10)
            assert app.focused is app.screen.query_one("#notes")
            assert 1 <= len(saves) < len("Een tekst")
            await wait_for(pilot, lambda: "Opgeslagen 14:02:11" in screen_text(app))

    run(scenario())


def test_next_previous_next_unanswered_and_skipped_items(tmp_path):
    path = tmp_path / "p.yaml"
    write_plan(path, answers={})

    async def scenario():
        app = make_app(path)
        async with app.run_test(size=SIZE) as pilot:
            await wait_for(pilot, lambda: on_screen(app, "MainScreen"))
            main = app.screen
            assert main.current == "visie.uitgangspunten"
            await pilot.press("ctrl+n")
            assert main.current == "visie.doelgroep"
            await pilot.press("ctrl+o")
            assert main.current == "visie.uitgangspunten"
            await pilot.press("enter", "1")  # answer it
            await pilot.press("ctrl+t")  # next unanswered skips nothing answered
            assert main.current == "visie.doelgroep"
            # wonen.* has an item that applies only when wonen.afspraken is not "not applicable"
            skipped = next(i for i in main.session.items if i.when is not None)
            main.show_item(skipped.when.item)
            await pilot.pause()
            await pilot.press("enter", "4")  # not applicable: the dependent item is skipped now
            await pilot.pause()
            assert main.session.state(skipped) == "skipped"
            assert "⊘" in screen_text(app)
            main.show_item(skipped.id)
            await pilot.pause()
            assert "Overgeslagen: dit punt geldt alleen als" in screen_text(app)
            main.show_item(skipped.when.item)
            await pilot.press("ctrl+t")
            assert main.current != skipped.id  # next unanswered passes skipped items by

    run(scenario())


def test_jump_anywhere_with_the_command_palette(plan_path):
    async def scenario():
        app = make_app(plan_path)
        async with app.run_test(size=SIZE) as pilot:
            await wait_for(pilot, lambda: on_screen(app, "MainScreen"))
            await pilot.press("ctrl+p")
            await wait_for(pilot, lambda: on_screen(app, "DutchCommandPalette"))
            await pilot.press(*"ga naar thema: financ")
            await wait_for(pilot, lambda: "Ga naar thema: Financiën" in screen_text(app))
            await pilot.press("enter")
            await wait_for(pilot, lambda: on_screen(app, "MainScreen") and app.screen.current.startswith("financien."))
            await pilot.press("ctrl+g")
            await wait_for(pilot, lambda: on_screen(app, "DutchCommandPalette"))
            await pilot.press(*"woningcorporaties")
            await wait_for(pilot, lambda: "Wonen en woningcorporaties" in screen_text(app))
            await pilot.press("enter")
            await wait_for(pilot, lambda: on_screen(app, "MainScreen") and app.screen.current.startswith("wonen."))

    run(scenario())


# ------------------------------------------------------------------ examples


def test_attach_an_example_and_add_an_own_one(plan_path):
    async def scenario():
        app = make_app(plan_path)
        async with app.run_test(size=SIZE) as pilot:
            await wait_for(pilot, lambda: on_screen(app, "MainScreen"))
            main = app.screen
            main.show_item("visie.doelgroep")
            await pilot.press("f2")
            await wait_for(pilot, lambda: on_screen(app, "ExamplesScreen"))
            screen = app.screen
            assert "Koppelen aan: Voor welke inwoners" in screen_text(app)
            first = screen.shown[0]
            await pilot.press("enter")  # attach the highlighted example
            assert first.id in load_plan(plan_path).plan.answers["visie.doelgroep"].examples
            assert f"✓ {first.title[:12]}" in screen_text(app)
            await pilot.press("slash", *"housing first")
            await pilot.pause()
            assert all("housing" in (e.title + e.summary).lower() for e in screen.shown)
            await pilot.press("f4")
            await wait_for(pilot, lambda: on_screen(app, "OwnExampleDialog"))
            await pilot.press(*"Wijkcoach Heerlen-Noord", "enter", *"Heerlen", "enter", *"2025", "enter",
                              "enter")  # title, where, year, source (empty): on to the summary
            await pilot.press(*"Een wijkcoach begeleidt inwoners na uitstroom.")
            await pilot.click("#ok")
            await wait_for(pilot, lambda: on_screen(app, "ExamplesScreen"))
            assert "Wijkcoach Heerlen-Noord" in screen_text(app)
            await pilot.press("escape")
            await wait_for(pilot, lambda: on_screen(app, "MainScreen"))
            assert "Wijkcoach Heerlen-Noord" in {e.title for e in main.session.related(main.session.item(
                "visie.doelgroep"))}

    run(scenario())
    plan = load_plan(plan_path).plan
    own = plan.own_examples[0]
    assert (own.id, own.title, own.where, own.year, own.themes) == (
        "eigen-wijkcoach-heerlen-noord", "Wijkcoach Heerlen-Noord", "Heerlen", "2025", ("visie",))
    assert own.summary == "Een wijkcoach begeleidt inwoners na uitstroom."
    assert own.id in plan.answers["visie.doelgroep"].examples


# ------------------------------------------------------------------ review


def test_review_lists_open_items_first_with_counts_and_jumps(plan_path):
    async def scenario():
        app = make_app(plan_path)
        async with app.run_test(size=SIZE) as pilot:
            await wait_for(pilot, lambda: on_screen(app, "MainScreen"))
            await pilot.press("f3")
            await wait_for(pilot, lambda: on_screen(app, "ReviewScreen"))
            text = screen_text(app)
            assert "3 van 71 punten beantwoord · 1 nog te doen · 1 deels geregeld" in text
            table = app.screen.query_one("#review-items")
            keys = [row.value for row in table.rows]
            assert keys[:2] == ["visie.samenhang", "visie.preventie"]  # unanswered first
            assert keys.index("visie.cijfers") < keys.index("visie.doelgroep") < keys.index("visie.uitgangspunten")
            assert keys[-1] == "visie.uitgangspunten"
            await pilot.press("shift+tab", "right")  # the tabs, then the per-theme counts
            text = screen_text(app)
            assert "Lokale visie en ambit" in text and "Te doen" in text
            themes = app.screen.query_one("#review-themes")
            first = [str(cell) for cell in themes.get_row_at(0)]
            assert first[1:] == ["1", "1", "1", "7", "0", "0"]
            await pilot.press("left", "tab")
            table.move_cursor(row=keys.index("visie.cijfers"))
            await pilot.press("enter")
            await wait_for(pilot, lambda: on_screen(app, "MainScreen"))
            assert app.screen.current == "visie.cijfers"
            assert type(app.focused).__name__ == "StatusChoice"

    run(scenario())


def test_generate_the_draft_from_the_review(plan_path):
    import pytest

    pytest.importorskip("planwizard.render")

    async def scenario():
        app = make_app(plan_path)
        async with app.run_test(size=SIZE) as pilot:
            await wait_for(pilot, lambda: on_screen(app, "MainScreen"))
            await pilot.press("f3")
            await wait_for(pilot, lambda: on_screen(app, "ReviewScreen"))
            await pilot.press("g")
            await wait_for(pilot, lambda: app.screen.result is not None or on_screen(app, "ProblemsScreen"), 30)
            assert on_screen(app, "ReviewScreen"), screen_text(app)
            assert "Concept gemaakt:" in screen_text(app)
            assert "Map openen" in screen_text(app)

    run(scenario())
    draft = plan_path.with_suffix(".docx")
    assert draft.is_file() and draft.stat().st_size > 5000
    import zipfile

    with zipfile.ZipFile(draft) as docx:
        body = docx.read("word/document.xml").decode("utf-8")
    assert "Heerlen" in body and "Wij kiezen voor wonen in de wijk." in body


def test_generation_problems_are_shown_in_the_app(plan_path, tmp_path):
    import pytest

    pytest.importorskip("planwizard.render")
    broken = tmp_path / "kapot-sjabloon"
    broken.mkdir()

    async def scenario():
        app = make_app(plan_path)
        async with app.run_test(size=SIZE) as pilot:
            await wait_for(pilot, lambda: on_screen(app, "MainScreen"))
            await pilot.press("f3")
            await wait_for(pilot, lambda: on_screen(app, "ReviewScreen"))
            review = app.screen
            from planwizard.tui.screens.review import OTHER

            review.query_one("#template").value = OTHER
            review.query_one("#template-path").value = str(broken)
            await pilot.press("g")
            await wait_for(pilot, lambda: on_screen(app, "ProblemsScreen"), 30)
            text = screen_text(app)
            assert "Het concept kon niet gemaakt worden" in text
            flat = " ".join(text.replace("│", " ").split())
            assert "bestand of map bestaat niet" in flat
            assert "styles.yaml:" in flat.replace(" ", "")
            await pilot.press("escape")
            await wait_for(pilot, lambda: on_screen(app, "ReviewScreen"))

    run(scenario())
    assert not plan_path.with_suffix(".docx").exists()


# ------------------------------------------------------------------ resume, lock, invalid files


def test_reopening_resumes_at_the_item_where_the_user_was(plan_path):
    async def first():
        app = make_app(plan_path)
        async with app.run_test(size=SIZE) as pilot:
            await wait_for(pilot, lambda: on_screen(app, "MainScreen"))
            app.screen.show_item("zorg.ggz" if app.screen.session.has_item("zorg.ggz") else "zorg.wlz")
            await pilot.press("enter", "3")
            await pilot.press("ctrl+q")
        return app.screen_stack

    async def second():
        app = make_app(plan_path)
        async with app.run_test(size=SIZE) as pilot:
            await wait_for(pilot, lambda: on_screen(app, "MainScreen"))
            return app.screen.current, screen_text(app)

    run(first())
    current, text = run(second())
    assert current.startswith("zorg.")
    assert load_plan(plan_path).plan.answers[current].status == "todo"
    assert "○" in text and "Punt " in text


def test_open_recent_from_the_starton_screen(plan_path):
    recent.remember(plan_path, name="Heerlen", item="regio.nvo")

    async def scenario():
        app = make_app()
        async with app.run_test(size=SIZE) as pilot:
            await wait_for(pilot, lambda: "heerlen.yaml" in screen_text(app))
            assert "Heerlen  ·  " in screen_text(app)
            await pilot.press("enter")
            await wait_for(pilot, lambda: on_screen(app, "MainScreen"))
            assert app.screen.current == "regio.nvo"
            await palette(pilot, app, "plan sluiten", "Plan sluiten")
            await wait_for(pilot, lambda: on_screen(app, "StartScreen"))
            assert not lock_path(plan_path).exists()

    run(scenario())


def test_a_second_wizard_is_refused_and_may_open_read_only(plan_path):
    before = plan_path.read_bytes()
    holder = acquire(plan_path)
    try:
        async def scenario():
            app = make_app(plan_path)
            async with app.run_test(size=SIZE) as pilot:
                await wait_for(pilot, lambda: on_screen(app, "LockedDialog"))
                text = screen_text(app)
                assert "Dit plan is al geopend" in text
                assert "is al geopend in een andere wizard" in text
                await pilot.click("#read-only")
                await wait_for(pilot, lambda: on_screen(app, "MainScreen"))
                await wait_for(pilot, lambda: "alleen lezen" in screen_text(app))  # the header says so
                await pilot.press("enter", "1")  # status cannot change
                await pilot.press("f2")
                await wait_for(pilot, lambda: on_screen(app, "ExamplesScreen"))
                await pilot.press("enter")  # attach: refused
                await pilot.press("escape", "ctrl+q")

        run(scenario())
        assert plan_path.read_bytes() == before
        assert lock_path(plan_path).exists()  # the first wizard's lock is untouched
    finally:
        holder.release()


def test_an_invalid_file_shows_its_problems_with_line_numbers(tmp_path):
    path = tmp_path / "kapot.yaml"
    path.write_text(
        "format: planwizard/1\n"
        'checklist: {id: vng-beschermd-thuis, version: "2026.1"}\n'
        "municipality: {name: Heerlen}\n"
        "answers:\n"
        "  visie.uitgangspunten:\n"
        "    status: klaar\n"
        "  visie.bestaatniet:\n"
        "    status: done\n",
        encoding="utf-8",
    )

    async def scenario():
        app = make_app(path)
        async with app.run_test(size=SIZE) as pilot:
            await wait_for(pilot, lambda: on_screen(app, "ProblemsScreen"))
            text = screen_text(app)
            assert "Dit bestand kan niet geopend worden" in text
            assert "regel 6, kolom 13: ongeldige waarde 'klaar'" in text
            assert "regel 7, kolom 3: onbekend checklistpunt 'visie.bestaatniet'" in text
            await pilot.press("escape")
            await wait_for(pilot, lambda: on_screen(app, "StartScreen"))

    run(scenario())
    assert not lock_path(path).exists()


def test_broken_yaml_and_a_directory_show_problems_not_tracebacks(tmp_path):
    broken = tmp_path / "stuk.yaml"
    broken.write_text("format: planwizard/1\nchecklist: [\n", encoding="utf-8")

    async def scenario(target):
        app = make_app(target)
        async with app.run_test(size=SIZE) as pilot:
            await wait_for(pilot, lambda: on_screen(app, "ProblemsScreen"))
            return screen_text(app)

    text = run(scenario(broken))
    assert "regel" in text and "Traceback" not in text
    folder = tmp_path / "map.yaml"
    folder.mkdir()
    text = run(scenario(folder))
    assert "is een map" in text


def test_a_file_changed_outside_the_wizard_is_never_overwritten_silently(plan_path):
    async def scenario(choice: str):
        app = make_app(plan_path)
        async with app.run_test(size=SIZE) as pilot:
            await wait_for(pilot, lambda: on_screen(app, "MainScreen"))
            # someone edits the file by hand while the wizard has it open
            edited = plan_path.read_text(encoding="utf-8").replace("Nog afstemmen met de regio.", "Met de hand.")
            plan_path.write_text(edited, encoding="utf-8")
            await pilot.press("enter", "3")  # a change in the wizard
            await wait_for(pilot, lambda: on_screen(app, "ConflictDialog"))
            assert "Het bestand is buiten de wizard gewijzigd" in screen_text(app)
            assert "Met de hand." in plan_path.read_text(encoding="utf-8")  # nothing overwritten yet
            await pilot.click(f"#{choice}")
            await wait_for(pilot, lambda: on_screen(app, "MainScreen"))
            return app.screen.session.plan.answers["visie.doelgroep"].notes

    notes = run(scenario("reload"))
    assert notes == "Met de hand."  # opened again: the edit from outside is there
    assert load_plan(plan_path).plan.answers["visie.doelgroep"].notes == "Met de hand."
    assert "visie.samenhang" not in load_plan(plan_path).plan.answers

    run(scenario("overwrite"))
    plan = load_plan(plan_path).plan
    assert plan.answers["visie.samenhang"].status == "todo"


def test_quitting_after_an_outside_change_keeps_both_versions(plan_path):
    async def scenario():
        app = make_app(plan_path)
        async with app.run_test(size=SIZE) as pilot:
            await wait_for(pilot, lambda: on_screen(app, "MainScreen"))
            app.screen.query_one("#notes").focus()
            outside = plan_path.read_text(encoding="utf-8") + "# met de hand toegevoegd\n"
            plan_path.write_text(outside, encoding="utf-8")
            await pilot.press("x")
            await pilot.press("ctrl+q")  # before the debounced save: quitting finds the conflict

    run(scenario())
    assert plan_path.read_text(encoding="utf-8").endswith("# met de hand toegevoegd\n")
    copies = list(plan_path.parent.glob("heerlen.wizard-*.yaml"))
    assert len(copies) == 1
    assert load_plan(copies[0]).plan.answers["visie.samenhang"].notes == "x"
    assert not lock_path(plan_path).exists()


def test_help_screen_explains_workflow_and_keys(plan_path):
    async def scenario():
        app = make_app(plan_path)
        async with app.run_test(size=SIZE) as pilot:
            await wait_for(pilot, lambda: on_screen(app, "MainScreen"))
            await pilot.press("f1")
            await wait_for(pilot, lambda: on_screen(app, "HelpScreen"))
            await pilot.pause()
            assert "Zo werkt planwizard" in screen_text(app)
            markdown = app.screen.query_one("Markdown")
            source = markdown.source
            for row in ("| Ctrl+N | Volgende", "| Ctrl+T | Open punt", "| F2 | Voorbeelden", "| F3 | Overzicht",
                        "| Ctrl+Q | Stoppen", "| F1 | Help", "| 1 / 2 / 3 / 4 | Status kiezen", "| a / + / Insert |",
                        "| F4 | Eigen voorbeeld", "| g | Concept maken", "| Esc | Terug"):
                assert row in source, row
            await pilot.press("escape")
            await wait_for(pilot, lambda: on_screen(app, "MainScreen"))

    run(scenario())


def test_palette_commands_in_dutch(plan_path):
    async def command(pilot, app, text: str) -> None:
        await palette(pilot, app, text, text[0].upper() + text[1:])

    async def scenario():
        app = make_app(plan_path)
        async with app.run_test(size=SIZE) as pilot:
            await wait_for(pilot, lambda: on_screen(app, "MainScreen"))
            main = app.screen
            main.show_item("visie.uitgangspunten")
            await command(pilot, app, "volgend open punt")
            await wait_for(pilot, lambda: on_screen(app, "MainScreen") and main.current == "visie.samenhang")
            await command(pilot, app, "overzicht")
            await wait_for(pilot, lambda: on_screen(app, "ReviewScreen"))
            await pilot.press("escape")
            await wait_for(pilot, lambda: on_screen(app, "MainScreen"))
            await command(pilot, app, "voorbeelden")
            await wait_for(pilot, lambda: on_screen(app, "ExamplesScreen"))
            await pilot.press("escape")
            await wait_for(pilot, lambda: on_screen(app, "MainScreen"))
            await command(pilot, app, "gegevens van het plan")
            await wait_for(pilot, lambda: on_screen(app, "PlanInfoDialog"))
            app.screen.query_one("#info-author").value = "J. Bakker"
            app.screen.query_one("#info-region").value = "Parkstad Limburg"
            await pilot.click("#ok")
            await wait_for(pilot, lambda: on_screen(app, "MainScreen"))

    run(scenario())
    plan = load_plan(plan_path).plan
    assert plan.info.author == "J. Bakker"
    assert plan.municipality.region == "Parkstad Limburg"


def test_a_plan_that_cannot_be_locked_is_offered_read_only(plan_path, tmp_path):
    target = tmp_path / "elders.txt"
    target.write_text("niet aankomen\n")
    lock_path(plan_path).symlink_to(target)  # hostile or odd: never followed, never overwritten

    async def scenario():
        app = make_app(plan_path)
        async with app.run_test(size=SIZE) as pilot:
            await wait_for(pilot, lambda: on_screen(app, "LockedDialog"))
            text = " ".join(screen_text(app).replace("│", " ").split())
            assert "Dit plan kan niet vergrendeld worden" in text
            assert "geen gewoon bestand" in text
            await pilot.click("#read-only")
            await wait_for(pilot, lambda: on_screen(app, "MainScreen"))
            assert app.screen.session.read_only
            await pilot.press("ctrl+p", *"xyzzy")
            await wait_for(pilot, lambda: "Niets gevonden" in screen_text(app))

    run(scenario())
    assert target.read_text() == "niet aankomen\n"
    assert lock_path(plan_path).is_symlink()


def test_a_plan_of_an_older_checklist_version_is_migrated_on_opening(tmp_path, monkeypatch):
    import shutil

    from tests.helpers import ROOT

    fixtures = ROOT / "tests" / "data" / "migratie"
    data = tmp_path / "data"
    shutil.copytree(fixtures / "checklists", data / "checklists")
    (data / "examples").symlink_to(ROOT / "examples")
    (data / "templates").symlink_to(ROOT / "templates")
    monkeypatch.setenv("PLANWIZARD_DATA", str(data))
    path = tmp_path / "plan.yaml"
    shutil.copy(fixtures / "plan-1.0.yaml", path)
    original = path.read_bytes()

    async def scenario():
        app = make_app(path)
        async with app.run_test(size=SIZE) as pilot:
            await wait_for(pilot, lambda: on_screen(app, "MainScreen"))
            return app.screen.session.plan

    plan = run(scenario())
    assert plan.checklist_version == "2.0"
    assert "wonen.corporaties" in plan.answers and "visie.oud" in plan.retired
    assert (tmp_path / "plan.yaml.1.0.bak").read_bytes() == original
    assert load_plan(path).plan.checklist_version == "2.0"


def test_the_national_status_asks_for_a_peildatum_and_a_source_with_the_keyboard(plan_path):
    async def scenario():
        app = make_app(plan_path)
        async with app.run_test(size=SIZE) as pilot:
            await wait_for(pilot, lambda: on_screen(app, "MainScreen"))
            assert not app.screen.query_one("#reference").display  # an ordinary item has no such fields
            app.screen.show_item("visie.landelijke-stand")
            await pilot.pause()
            assert app.screen.query_one("#reference").display
            await pilot.press("enter", "2", "tab", "tab")  # status, then past the guidance title
            assert app.focused.id == "as-of"
            await pilot.press(*"31-13-2026")
            assert "Ongeldige datum" in screen_text(app)  # said beside the field, not stored
            for _ in range(10):
                await pilot.press("backspace")
            await pilot.press(*"15-10-2026")
            assert "donderdag 15 oktober 2026" in screen_text(app)
            await pilot.press("enter")  # on to the source
            assert app.focused.id == "source"
            await pilot.press(*"Kamerbrief over beschermd wonen", "tab")
            assert type(app.focused).__name__ == "NotesArea"
            await pilot.press(*"Het wetsvoorstel is nog niet behandeld.", "tab")
        answer = load_plan(plan_path).plan.answers["visie.landelijke-stand"]
        assert (answer.status, answer.as_of, answer.source) == ("partial", dt.date(2026, 10, 15),
                                                                "Kamerbrief over beschermd wonen")
        assert answer.notes == "Het wetsvoorstel is nog niet behandeld."

    run(scenario())
