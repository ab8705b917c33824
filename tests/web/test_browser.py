"""``planwizard serve`` in a real browser: editing, a second tab, closing, the download, stopping.

Every step leaves a screenshot (1366x768) in the test's tmp folder, ``screenshots/``.
"""

from __future__ import annotations

import signal

import pytest

from planwizard.answers import load_plan
from planwizard.lock import lock_path, owner
from tests.tui.conftest import write_plan
from tests.web.conftest import Tab, process_alive, wait_until

pytestmark = pytest.mark.slow

FIRST = "Punt 1/"
"""The heading of the first item, as the wizard draws it."""


def notes_of(path, item="visie.uitgangspunten") -> str:
    answer = load_plan(path).plan.answers.get(item)
    return answer.notes if answer else ""


def status_of(path, item="visie.uitgangspunten") -> str | None:
    answer = load_plan(path).plan.answers.get(item)
    return answer.status if answer else None


@pytest.fixture
def plan(tmp_path):
    path = tmp_path / "plannen" / "heerlen.yaml"
    write_plan(path, answers={})
    return path


def test_status_and_notes_typed_in_the_browser_are_saved(browser, serve, plan, shots):
    served = serve(plan)
    tab = Tab(browser, served.url, shots, "bewerken")
    assert tab.page.title() == "heerlen.yaml – planwizard"
    tab.wait_for(FIRST)
    tab.shot("eerste-punt")
    tab.press("Enter", "2")  # from the list into the status choice; 2 = Deels geregeld
    wait_until(lambda: status_of(plan) == "partial", what="status saved")
    tab.wait_for("Opgeslagen")
    tab.shot("status-gekozen")
    tab.press("Tab", "Tab")  # the guidance, then the notes
    tab.type("Wonen in de wijk, met steun van het team.")
    wait_until(lambda: notes_of(plan) == "Wonen in de wijk, met steun van het team.", what="notes saved")
    tab.shot("tekst-getypt")
    assert owner(plan).pid in served.children()  # this tab's wizard holds the plan
    tab.press("Escape", "F1")  # the help names the keys that work in a browser
    tab.wait_for("Zo werkt planwizard")
    tab.press("PageDown", "PageDown")
    tab.wait_for("Ctrl+↓")
    tab.wait_for("Ctrl+Shift+↓")
    tab.shot("uitleg")
    tab.close()


def test_second_tab_on_the_same_plan_opens_read_only(browser, serve, plan, shots):
    served = serve(plan)
    first = Tab(browser, served.url, shots, "tab1")
    first.wait_for(FIRST)
    editor = owner(plan).pid
    second = Tab(browser, served.url, shots, "tab2")
    second.wait_for("alleen lezen")
    second.wait_for("al geopend in een ander venster")
    second.shot("alleen-lezen")
    assert owner(plan).pid in served.children()
    second.press("Enter", "1")
    second.wait_for("Alleen lezen: dit plan is elders geopend")
    assert status_of(plan) is None  # the read-only tab changed nothing
    assert owner(plan).pid == editor
    first.press("Enter", "3")
    wait_until(lambda: status_of(plan) == "todo", what="first tab still edits")
    first.shot("eerste-tab-bewerkt")
    first.close()
    second.close()


def test_closing_the_tab_saves_what_was_typed_and_releases_the_plan(browser, serve, plan, shots):
    served = serve(plan)
    tab = Tab(browser, served.url, shots, "sluiten")
    tab.wait_for(FIRST)
    wizard = owner(plan).pid
    tab.press("Enter", "Tab", "Tab")
    tab.type("Laatste zin voor het sluiten")
    tab.shot("voor-sluiten")
    tab.close()  # at once: within the wizard's half second before it saves by itself
    wait_until(lambda: not process_alive(wizard), what="the tab's wizard to stop")
    assert notes_of(plan) == "Laatste zin voor het sluiten"
    assert not lock_path(plan).exists()
    assert wizard not in served.children()


def test_reloading_the_page_reopens_the_plan_for_editing(browser, serve, plan, shots):
    served = serve(plan)
    tab = Tab(browser, served.url, shots, "herladen")
    tab.wait_for(FIRST)
    before = owner(plan).pid
    tab.press("Enter", "1")
    wait_until(lambda: status_of(plan) == "done", what="status saved")
    tab.reload()
    tab.wait_for(FIRST)
    tab.shot("na-herladen")
    assert "alleen lezen" not in tab.text
    now = owner(plan).pid
    assert now != before and not process_alive(before)
    assert now in served.children()
    tab.close()


def test_the_draft_is_downloaded_and_written_beside_the_plan(browser, serve, tmp_path, shots):
    import docx

    plan = tmp_path / "plannen" / "heerlen.yaml"
    write_plan(plan)
    served = serve(plan)
    tab = Tab(browser, served.url, shots, "concept")
    tab.wait_for("Punt ")
    tab.press("F3")
    tab.wait_for("punten beantwoord")
    tab.shot("overzicht")
    with tab.page.expect_download(timeout=60_000) as info:
        tab.press("g")
    download = info.value
    assert download.suggested_filename == "heerlen.docx"
    saved = tmp_path / "gedownload.docx"
    download.save_as(saved)
    tab.wait_for("Concept gemaakt")
    tab.shot("gedownload")
    document = docx.Document(str(saved))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "Heerlen" in text and "Wij kiezen voor wonen in de wijk." in text
    assert document.core_properties.title
    beside = plan.with_suffix(".docx")
    assert beside.read_bytes() == saved.read_bytes()
    tab.close()


def test_without_the_token_nothing_is_served_and_no_wizard_starts(browser, serve, plan, shots):
    import urllib.error
    import urllib.request

    served = serve(plan)
    wait_until(lambda: len(served.children()) == 1, what="the wizard process waiting for the first tab")
    before = served.children()  # it holds no plan: it only loads the wizard and waits
    for path in ("", "?token=", "?token=fout", "static/js/textual.js", "ws", "download/x", "ws?token=fout"):
        request = urllib.request.Request(served.base + path, headers={
            "Connection": "Upgrade", "Upgrade": "websocket", "Sec-WebSocket-Version": "13",
            "Sec-WebSocket-Key": "dGhlIHNhbXBsZSBub25jZQ=="} if path.startswith("ws") else {})
        with pytest.raises(urllib.error.HTTPError) as info:
            urllib.request.urlopen(request, timeout=10)
        assert info.value.code == 403, path
    page_tab = Tab(browser, served.base + "?token=fout", shots, "geen-toegang")
    assert page_tab.response.status == 403
    page_tab.page.wait_for_timeout(300)
    page_tab.shot("403")
    assert "Geen toegang" in page_tab.page.content()
    page_tab.close()
    assert served.children() == before  # no wizard was started for any of them
    assert not lock_path(plan).exists()
    tab = Tab(browser, served.url, shots, "met-sleutel")  # and the right link does start one
    tab.wait_for(FIRST)
    assert owner(plan).pid in served.children()
    tab.close()


def test_listens_on_this_computer_only_by_default(serve, plan):
    served = serve(plan)
    addresses = served.listening()
    assert addresses and {host for host, _ in addresses} == {"127.0.0.1"}
    assert served.url.startswith("http://127.0.0.1:")
    assert not "".join(served.errors)  # no warning about the network


def test_stopping_the_server_saves_and_releases_every_open_plan(browser, serve, tmp_path, shots):
    folder = tmp_path / "plannen"
    write_plan(folder / "heerlen.yaml", answers={})
    write_plan(folder / "vaals.yaml", answers={})
    served = serve(folder)
    tabs = []
    for name, keys in (("heerlen", ()), ("vaals", ("ArrowDown",))):
        tab = Tab(browser, served.url, shots, f"stop-{name}")
        tab.wait_for("Plannen in deze map")
        tab.wait_for("vaals.yaml")
        tab.shot("startscherm")
        tab.press(*keys, "Enter")
        tab.wait_for(FIRST)
        tab.press("Enter", "Tab", "Tab")
        tab.type(f"Tekst van {name}")
        tab.wait_for(f"Tekst van {name}")
        tabs.append(tab)
    tabs[0].shot("twee-tabs")
    wizards = served.children()  # the two tabs' wizards, and one waiting for the next tab
    assert {owner(folder / "heerlen.yaml").pid, owner(folder / "vaals.yaml").pid} <= set(wizards)
    assert served.stop(signal.SIGTERM) == 0
    assert "alle plannen zijn opgeslagen" in "".join(served.output)
    for pid in wizards:
        assert not process_alive(pid)
    for name in ("heerlen", "vaals"):
        assert notes_of(folder / f"{name}.yaml") == f"Tekst van {name}"
        assert not lock_path(folder / f"{name}.yaml").exists()
    tabs[0].page.wait_for_selector("body.-closed", timeout=10_000)
    tabs[0].shot("server-gestopt")
    for tab in tabs:
        tab.close()


def test_killed_server_leaves_no_wizard_holding_a_plan(browser, serve, plan, shots):
    served = serve(plan)
    tab = Tab(browser, served.url, shots, "kill")
    tab.wait_for(FIRST)
    tab.press("Enter", "Tab", "Tab")
    tab.type("Nog niet opgeslagen")
    tab.wait_for("Nog niet opgeslagen")  # on screen, so the wizard has it (not yet on disk)
    wizard = owner(plan).pid
    served.stop(signal.SIGKILL)
    wait_until(lambda: not process_alive(wizard), what="the orphaned wizard to stop")
    assert notes_of(plan) == "Nog niet opgeslagen"
    assert not lock_path(plan).exists()
    tab.close()


def test_new_plan_in_the_served_folder(browser, serve, tmp_path, shots):
    folder = tmp_path / "leeg"
    folder.mkdir()
    served = serve(folder)
    tab = Tab(browser, served.url, shots, "nieuw")
    tab.wait_for("Nog geen plannen in deze map")
    tab.shot("lege-map")
    tab.press("n")
    tab.wait_for("Gemeente")
    tab.page.wait_for_timeout(1500)  # the gemeenten list loads in the background
    tab.type("heerl")
    tab.press("Enter")
    tab.wait_for("Parkstad")
    tab.type("M. de Vries")
    tab.press("Enter", "Enter")
    tab.shot("formulier")
    tab.press("Enter")
    tab.wait_for(FIRST)
    tab.shot("nieuw-plan")
    created = folder / "uitvoeringsplan-heerlen.yaml"
    wait_until(created.exists, what="the new plan in the served folder")
    assert load_plan(created).plan.municipality.name == "Heerlen"
    tab.close()


def test_a_draft_edited_on_the_users_computer_is_uploaded_and_imported(browser, serve, tmp_path, shots):
    """In a browser the draft is edited in Word elsewhere: "Uploaden" brings it beside the plan to import."""
    from planwizard.render import generate_file
    from tests.draftedit import DraftDoc

    plan = tmp_path / "plannen" / "heerlen.yaml"
    write_plan(plan)
    (tmp_path / "op-mijn-computer").mkdir()
    edited = generate_file(load_plan(plan), tmp_path / "op-mijn-computer" / "heerlen.docx")
    doc = DraftDoc(edited)
    doc.enter_after(doc.item(1)["text"][-1], "Toegevoegd door de wethouder.")
    doc.save()
    served = serve(plan)
    tab = Tab(browser, served.url, shots, "upload")
    tab.wait_for("Punt ")
    tab.press("Control+p")
    tab.wait_for("Zoek een opdracht")
    tab.type("importeren")
    tab.wait_for("Word-concept inlezen")
    tab.press("Enter")
    tab.wait_for("Uploaden")
    tab.shot("word-en-versies")
    tab.press("Tab", "Tab")  # past Inlezen to Uploaden
    with tab.context.expect_page() as opened:
        tab.press("Enter")
    page = opened.value
    page.wait_for_load_state()
    assert "heerlen.yaml" in page.content()
    page.screenshot(path=str(shots / "upload-formulier.png"))
    page.set_input_files("input[type=file]", str(edited))
    page.click("button")
    page.wait_for_selector("text=heerlen-bewerkt.docx")
    page.screenshot(path=str(shots / "upload-ontvangen.png"))
    assert (plan.parent / "heerlen-bewerkt.docx").read_bytes() == edited.read_bytes()
    page.close()
    tab.wait_for("Concept ontvangen: heerlen-bewerkt.docx")
    tab.press("Enter")  # Inlezen
    tab.wait_for("Dit neemt Overnemen over")
    tab.shot("wat-verandert")
    tab.press("Enter")  # Overnemen
    tab.wait_for("overgenomen uit het concept")
    assert notes_of(plan).endswith("\n\nToegevoegd door de wethouder.")
    tab.close()
