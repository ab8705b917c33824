"""The examples screen says where each example comes from and when, in the list and in the text."""

from __future__ import annotations

from tests.tui.conftest import SIZE, make_app, run, screen_text, wait_for


def test_the_list_and_the_text_show_place_and_year_or_that_the_year_is_unknown(plan_path):
    async def scenario():
        app = make_app(plan_path)
        async with app.run_test(size=SIZE) as pilot:
            await wait_for(pilot, lambda: type(app.screen).__name__ == "MainScreen")
            app.screen.show_item("visie.uitgangspunten")
            await pilot.press("f2")
            await wait_for(pilot, lambda: type(app.screen).__name__ == "ExamplesScreen")
            await pilot.pause()
            text = screen_text(app)
            assert "2023 · Parkstad (Heerlen e.…" in text  # list: year first, the place cut to fit
            assert "Parkstad (Heerlen e.o.) · 2023" in text  # text of the highlighted example
            await pilot.press("slash", *"almeerse")
            await pilot.pause()
            text = screen_text(app)
            assert "jaar onbekend · Almere" in text
            assert "Almere · jaar onbekend" in text

    run(scenario())


def test_the_filter_ignores_accents_like_the_command_line(plan_path):
    async def scenario():
        app = make_app(plan_path)
        async with app.run_test(size=SIZE) as pilot:
            await wait_for(pilot, lambda: type(app.screen).__name__ == "MainScreen")
            await pilot.press("f2")
            await wait_for(pilot, lambda: type(app.screen).__name__ == "ExamplesScreen")
            screen = app.screen
            await pilot.press("slash", *"clientenraden")
            await pilot.pause()
            assert [e.id for e in screen.shown] == ["parkstad-samen-thuis"]

    run(scenario())
