"""The new-plan form fills the region from the bundled list, and only suggests an uncertain one."""

from __future__ import annotations

from planwizard.answers import load_plan
from tests.tui.conftest import SIZE, make_app, run, screen_text, wait_for


def _joined(app) -> str:
    """The screen's text with line breaks and indents as single spaces (wrapped hints read whole)."""
    return " ".join(screen_text(app).split())


def _form_ready(app) -> bool:
    return type(app.screen).__name__ == "NewPlanScreen" and app.screen.registry is not None


def test_a_sure_region_is_filled_in_and_named_with_its_kind_of_source(tmp_path):
    async def scenario():
        app = make_app(tmp_path / "zeist.yaml")
        async with app.run_test(size=SIZE) as pilot:
            await wait_for(pilot, lambda: _form_ready(app))
            await pilot.press(*"zeist", "enter")
            form = app.screen
            assert form.query_one("#region").value == "Regio Utrecht (U16)"
            assert form.query_one("#central").value == "Utrecht"
            assert not form.query_one("#take-suggestion").display
            assert "Regio Utrecht (U16), centrumgemeente Utrecht (uit een secundaire bron)." in _joined(app)
            assert app.screen.focused is form.query_one("#author")

    run(scenario())


def test_an_uncertain_region_is_a_suggestion_the_user_takes(tmp_path):
    target = tmp_path / "roermond.yaml"

    async def scenario():
        app = make_app(target)
        async with app.run_test(size=SIZE) as pilot:
            await wait_for(pilot, lambda: _form_ready(app))
            await pilot.press(*"roerm", "enter")
            form = app.screen
            assert form.query_one("#region").value == "" and form.query_one("#central").value == ""
            text = screen_text(app)
            assert ("Niet zeker: de gemeentelijst stelt regio Noord- en Midden-Limburg voor, centrumgemeente Venlo "
                    "(afgeleid, niet bevestigd)." in _joined(app))
            assert "mogelijk hoort Roermond daar nu bij" in _joined(app)
            assert "Voorstel overnemen" in text
            assert app.screen.focused is form.query_one("#take-suggestion")
            await pilot.press("enter")  # take it
            assert form.query_one("#region").value == "Noord- en Midden-Limburg"
            assert form.query_one("#central").value == "Venlo"
            assert "(voorstel overgenomen)" in screen_text(app)
            assert app.screen.focused is form.query_one("#author")
            await pilot.click("#create")
            await wait_for(pilot, lambda: type(app.screen).__name__ == "MainScreen")

    run(scenario())
    municipality = load_plan(target).plan.municipality
    assert (municipality.region, municipality.central_municipality) == ("Noord- en Midden-Limburg", "Venlo")


def test_a_suggestion_not_taken_leaves_the_region_to_the_user(tmp_path):
    target = tmp_path / "hoogeveen.yaml"

    async def scenario():
        app = make_app(target)
        async with app.run_test(size=SIZE) as pilot:
            await wait_for(pilot, lambda: _form_ready(app))
            await pilot.press(*"hoogeveen", "enter")
            assert "Zuidwest-Drenthe splitst zich af" in _joined(app)
            await pilot.press("tab", *"Zuidwest-Drenthe", "enter")
            form = app.screen
            assert form.query_one("#region").value == "Zuidwest-Drenthe"
            await pilot.click("#create")
            await wait_for(pilot, lambda: type(app.screen).__name__ == "MainScreen")

    run(scenario())
    municipality = load_plan(target).plan.municipality
    assert (municipality.region, municipality.central_municipality) == ("Zuidwest-Drenthe", "")
