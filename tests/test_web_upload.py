"""``/upload`` of ``planwizard serve``: an edited draft stored beside its plan, never over a file, within limits."""

from __future__ import annotations

import asyncio

import pytest

pytest.importorskip("aiohttp")

from aiohttp import FormData  # noqa: E402
from aiohttp.test_utils import TestClient, TestServer  # noqa: E402

from planwizard.web import access, drafts, upload  # noqa: E402
from planwizard.web.server import WizardServer  # noqa: E402
from tests.tui.conftest import write_plan  # noqa: E402

TOKEN = access.new_token()


def _zip() -> bytes:
    import io
    import zipfile

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("word/document.xml", "een bewerkt concept " * 100)
    return out.getvalue()


DOCX = _zip()


def run(target, scenario):
    """Run ``scenario(client)`` against the server of ``target`` (no wizard process is started)."""

    async def main():
        server = WizardServer(target, host="127.0.0.1", port=0, token=TOKEN)
        async with TestClient(TestServer(await server._make_app())) as client:
            await scenario(client)

    asyncio.run(main())


def form(data: bytes, name: str = "concept.docx") -> FormData:
    sent = FormData()
    sent.add_field(upload.FIELD, data, filename=name,
                   content_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document")
    return sent


@pytest.fixture
def plan(tmp_path):
    path = tmp_path / "plannen" / "heerlen.yaml"
    write_plan(path)
    return path


def files(folder):
    return sorted(p.name for p in folder.iterdir())


def test_the_form_names_the_plan_and_an_upload_lands_beside_it_never_over_another(plan):
    async def scenario(client):
        page = await client.get(f"/upload?token={TOKEN}")
        assert page.status == 200
        text = await page.text()
        assert "heerlen.yaml" in text and 'type="file"' in text and page.headers["Cache-Control"] == "no-store"
        first = await client.post("/upload", data=form(DOCX))  # the cookie of the first request lets it in
        assert first.status == 200
        assert "heerlen-bewerkt.docx" in await first.text()
        second = await client.post("/upload", data=form(DOCX + b"tweede"))  # still a zip: its end is found
        assert "heerlen-bewerkt-2.docx" in await second.text()

    run(plan, scenario)
    folder = plan.parent
    assert files(folder) == ["heerlen-bewerkt-2.docx", "heerlen-bewerkt.docx", "heerlen.yaml"]  # no temporary left
    assert (folder / "heerlen-bewerkt.docx").read_bytes() == DOCX
    assert (folder / "heerlen-bewerkt-2.docx").read_bytes() == DOCX + b"tweede"
    assert drafts.uploads(plan) == [folder / "heerlen-bewerkt-2.docx", folder / "heerlen-bewerkt.docx"]


@pytest.mark.parametrize("sent, status, message", [
    (b"Geachte raad,", 400, "geen Word-bestand"),
    (DOCX[:-30], 400, "geen Word-bestand"),  # cut off on the way: the zip's directory is missing
    (None, 400, "geen bestand meegestuurd"),
])
def test_what_is_no_docx_is_refused_with_a_dutch_page_and_nothing_is_stored(plan, sent, status, message):
    async def scenario(client):
        await client.get(f"/upload?token={TOKEN}")
        response = await client.post("/upload", data=form(sent) if sent is not None else {"anders": "x"})
        assert response.status == status
        assert message in await response.text()

    run(plan, scenario)
    assert files(plan.parent) == ["heerlen.yaml"]


def test_a_file_over_the_limit_is_refused_while_it_is_read(plan, monkeypatch):
    monkeypatch.setattr(upload, "MAX_FILE", 1000)
    monkeypatch.setattr(upload, "CHUNK", 100)

    async def scenario(client):
        await client.get(f"/upload?token={TOKEN}")
        response = await client.post("/upload", data=form(DOCX * 3))
        assert response.status == 413
        assert "te groot" in await response.text()

    run(plan, scenario)
    assert files(plan.parent) == ["heerlen.yaml"]


def test_without_the_token_or_from_another_site_nothing_is_stored(plan):
    async def scenario(client):
        assert (await client.get("/upload")).status == 403
        assert (await client.post("/upload", data=form(DOCX))).status == 403
        await client.get(f"/upload?token={TOKEN}")
        other = await client.post("/upload", data=form(DOCX), headers={"Origin": "http://elders.example"})
        assert other.status == 403

    run(plan, scenario)
    assert files(plan.parent) == ["heerlen.yaml"]


def test_in_a_served_folder_the_plan_is_named_and_must_be_one_of_its_plans(plan, tmp_path):
    outside = tmp_path / "buiten.yaml"
    write_plan(outside)

    async def scenario(client):
        page = await client.get(f"/upload?plan=heerlen.yaml&token={TOKEN}")
        assert "heerlen.yaml" in await page.text()
        for name in ("", "../buiten.yaml", "nergens.yaml", "."):
            response = await client.post(f"/upload?plan={name}", data=form(DOCX))
            assert response.status == 400, name
            assert "niet te vinden" in await response.text()
        assert (await client.post("/upload?plan=heerlen.yaml", data=form(DOCX))).status == 200

    run(plan.parent, scenario)
    assert files(plan.parent) == ["heerlen-bewerkt.docx", "heerlen.yaml"]
    assert files(tmp_path) == ["buiten.yaml", "plannen"]


def test_uploads_beside_one_plan_are_limited(plan, monkeypatch):
    monkeypatch.setattr(upload, "MAX_UPLOADS", 2)

    async def scenario(client):
        await client.get(f"/upload?token={TOKEN}")
        assert [(await client.post("/upload", data=form(DOCX))).status for _ in range(3)] == [200, 200, 409]
        last = await client.post("/upload", data=form(DOCX))
        assert "al 2 geüploade concepten" in await last.text()

    run(plan, scenario)
    assert files(plan.parent) == ["heerlen-bewerkt-2.docx", "heerlen-bewerkt.docx", "heerlen.yaml"]


def test_a_failed_write_gives_its_reason_but_not_where_the_folder_lives(plan, monkeypatch):
    from planwizard.errors import PlanError

    def full(names, data):
        raise PlanError.at(str(next(iter(names))), "schijf is vol")

    monkeypatch.setattr(upload, "write_new", full)

    async def scenario(client):
        await client.get(f"/upload?token={TOKEN}")
        response = await client.post("/upload", data=form(DOCX))
        text = await response.text()
        assert response.status == 500 and "schijf is vol" in text and str(plan.parent) not in text

    run(plan, scenario)
    assert files(plan.parent) == ["heerlen.yaml"]
