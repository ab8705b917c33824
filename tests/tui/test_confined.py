"""The wizard confined to a folder or one plan (as ``planwizard serve`` runs it): no typed path leaves it."""

from __future__ import annotations

from planwizard import recent
from planwizard.tui.paths import PathPolicy
from tests.tui.conftest import SIZE, make_app, on_screen, run, screen_text, wait_for, write_plan



def _served(tmp_path):
    folder = tmp_path / "plannen"
    write_plan(folder / "heerlen.yaml")
    write_plan(folder / "vaals.yaml", answers={})
    write_plan(tmp_path / "geheim.yaml")  # beside the folder: never reachable
    recent.remember(tmp_path / "geheim.yaml", name="Geheim", item="")
    return folder


def test_start_screen_lists_the_plans_of_the_folder_not_the_recent_ones(tmp_path):
    folder = _served(tmp_path)

    async def scenario():
        app = make_app(paths=PathPolicy.serving(folder))
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            text = screen_text(app)
            assert "Plannen in deze map" in text
            assert "heerlen.yaml" in text and "vaals.yaml" in text
            assert "geheim" not in text.lower()
            await pilot.press("down", "enter")
            await wait_for(pilot, lambda: on_screen(app, "MainScreen"))
            assert app.session.path == (folder / "vaals.yaml").resolve()

    run(scenario())


def test_typed_path_outside_the_folder_is_refused_in_the_open_dialog(tmp_path):
    folder = _served(tmp_path)

    async def scenario():
        app = make_app(paths=PathPolicy.serving(folder))
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            await pilot.press("o")
            await wait_for(pilot, lambda: on_screen(app, "OpenFileDialog"))
            await pilot.press(*"../geheim.yaml", "enter")
            await pilot.pause()
            assert on_screen(app, "OpenFileDialog")
            assert "buiten de map" in screen_text(app)
            assert app.session is None

    run(scenario())


def test_opening_a_path_outside_the_folder_shows_why_and_opens_nothing(tmp_path):
    folder = _served(tmp_path)

    async def scenario():
        app = make_app(paths=PathPolicy.serving(folder))
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            app.open_path(tmp_path / "geheim.yaml")
            await wait_for(pilot, lambda: on_screen(app, "ProblemsScreen"))
            await pilot.pause()
            assert "buiten de map" in screen_text(app)
            assert app.session is None
            (folder / "link.yaml").symlink_to(tmp_path / "geheim.yaml")
            await pilot.press("escape")
            app.open_path(folder / "link.yaml")
            await wait_for(pilot, lambda: on_screen(app, "ProblemsScreen"))
            await pilot.pause()
            assert app.session is None

    run(scenario())


def test_served_plan_offers_no_new_plan_and_opens_no_other(tmp_path):
    folder = _served(tmp_path)

    async def scenario():
        app = make_app(folder / "heerlen.yaml", paths=PathPolicy.serving(folder / "heerlen.yaml"))
        async with app.run_test(size=SIZE) as pilot:
            await wait_for(pilot, lambda: on_screen(app, "MainScreen"))
            app.close_session()
            await wait_for(pilot, lambda: on_screen(app, "StartScreen"))
            await pilot.pause()
            text = screen_text(app)
            assert "heerlen.yaml" in text and "vaals.yaml" not in text
            assert "Nieuw plan" not in text
            await pilot.press("n")
            await pilot.pause()
            assert on_screen(app, "StartScreen")
            app.open_path(folder / "vaals.yaml")
            await wait_for(pilot, lambda: on_screen(app, "ProblemsScreen"))
            await pilot.pause()
            assert "alleen het plan heerlen.yaml" in screen_text(app)

    run(scenario())


def test_draft_cannot_be_written_outside_the_folder(tmp_path):
    folder = _served(tmp_path)

    async def scenario():
        app = make_app(folder / "heerlen.yaml", paths=PathPolicy.serving(folder))
        async with app.run_test(size=(100, 30)) as pilot:
            await wait_for(pilot, lambda: on_screen(app, "MainScreen"))
            await pilot.press("f3")
            await wait_for(pilot, lambda: on_screen(app, "ReviewScreen"))
            review = app.screen
            output = review.query_one("#output")
            assert output.value == "heerlen.docx"  # shown relative to the served folder
            output.value = "../uit.docx"
            review.action_generate()
            await pilot.pause()
            assert "buiten de map" in str(review.query_one("#generate-status").render())
            assert not review.running
            template = review.query_one("#template-path")
            review.query_one("#template").value = "__other__"
            template.value = "/"
            review.action_generate()
            await pilot.pause()
            assert "buiten de map" in str(review.query_one("#generate-status").render())
            assert not review.running

    run(scenario())
    assert not (tmp_path / "uit.docx").exists()


def test_word_draft_or_earlier_version_outside_the_folder_is_not_read(tmp_path):
    folder = _served(tmp_path)
    (tmp_path / "geheim.docx").write_bytes(b"PK")

    async def scenario():
        app = make_app(folder / "heerlen.yaml", paths=PathPolicy.serving(folder))
        async with app.run_test(size=(100, 30)) as pilot:
            await wait_for(pilot, lambda: on_screen(app, "MainScreen"))
            await pilot.press("f3")
            await wait_for(pilot, lambda: on_screen(app, "ReviewScreen"))
            versions = app.screen.query_one("#versions")
            for field, typed in (("#import-path", "../geheim.docx"), ("#compare-path", "../geheim.yaml")):
                versions.query_one(field).value = typed
                assert versions._path(field) is None
                await pilot.pause()
                assert "buiten de map" in str(versions.query_one("#versions-text").render())

    run(scenario())
