"""The token check of ``planwizard serve``: without the token no handler runs (so no wizard starts)."""

from __future__ import annotations

import asyncio

import pytest

pytest.importorskip("aiohttp")

from aiohttp import web  # noqa: E402
from aiohttp.test_utils import TestClient, TestServer  # noqa: E402

from planwizard.web import access  # noqa: E402

TOKEN = access.new_token()
COOKIE = access.cookie_name(TOKEN)


def run_client(scenario):
    """Run ``scenario(client, calls)`` against an app with the token check and one counting handler."""
    calls: list[str] = []

    async def handler(request: web.Request) -> web.Response:
        calls.append(request.path)
        return web.Response(text="ok")

    async def main():
        app = web.Application(middlewares=[access.middleware(TOKEN)])
        app.router.add_get("/{tail:.*}", handler)
        async with TestClient(TestServer(app)) as client:
            await scenario(client, calls)

    asyncio.run(main())
    return calls


@pytest.mark.parametrize("path", ["/", "/static/js/textual.js", "/ws", "/download/abc", "/nergens"])
@pytest.mark.parametrize("query", ["", "?token=", "?token=fout", f"?token={TOKEN[:-1]}", "?token=%C3%A9%00",
                                   f"?TOKEN={TOKEN}"])
def test_request_without_the_right_token_is_refused_before_any_handler(path, query):
    async def scenario(client, calls):
        response = await client.get(path + query)
        assert response.status == 403
        assert "Geen toegang" in await response.text()
        assert "Set-Cookie" not in response.headers

    assert run_client(scenario) == []


def test_token_in_the_link_lets_in_and_sets_a_strict_http_only_cookie():
    async def scenario(client, calls):
        response = await client.get(f"/?token={TOKEN}")
        assert response.status == 200
        cookie = response.headers["Set-Cookie"]
        assert cookie.startswith(f"{COOKIE}={TOKEN};")
        assert "HttpOnly" in cookie and "SameSite=Strict" in cookie and "Path=/" in cookie
        assert response.headers["Referrer-Policy"] == "no-referrer"
        assert response.headers["X-Frame-Options"] == "DENY"
        # what the page loads next carries only the cookie
        follow = await client.get("/static/js/textual.js")
        assert follow.status == 200

    assert run_client(scenario) == ["/", "/static/js/textual.js"]


def test_wrong_cookie_is_refused():
    async def scenario(client, calls):
        response = await client.get("/ws", headers={"Cookie": f"{COOKIE}=fout"})
        assert response.status == 403
        response = await client.get("/ws", headers={"Cookie": f"planwizard-other={TOKEN}"})
        assert response.status == 403

    assert run_client(scenario) == []


def test_websocket_from_a_page_of_another_origin_is_refused():
    async def scenario(client, calls):
        response = await client.get(f"/ws?token={TOKEN}", headers={"Origin": "http://evil.example"})
        assert response.status == 403
        host = f"{client.server.host}:{client.server.port}"
        response = await client.get(f"/ws?token={TOKEN}", headers={"Origin": f"http://{host}"})
        assert response.status == 200

    assert run_client(scenario) == ["/ws"]


def test_tokens_are_long_random_and_compared_safely():
    tokens = {access.new_token() for _ in range(50)}
    assert len(tokens) == 50 and all(len(t) >= 40 for t in tokens)
    assert access.matches(TOKEN, TOKEN)
    assert not access.matches(None, TOKEN) and not access.matches("", TOKEN)
    assert not access.matches("é\udcff" * 20, TOKEN)  # any text: no exception
    assert access.cookie_name(TOKEN) != access.cookie_name(access.new_token())
