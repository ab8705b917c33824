"""Who may use ``planwizard serve``: whoever holds the secret token it printed.

The printed link carries the token as ``?token=...``. A request with the right token
gets a cookie (HttpOnly, SameSite=Strict) holding it, so that what the page loads next
(script, style sheet, the websocket that starts a wizard, a download) passes without
the token in its own URL. Any request without the right token or cookie is answered
with 403 before a handler runs: no page, no file, and no wizard process.
"""

from __future__ import annotations

import hashlib
import html
import secrets
from collections.abc import Awaitable, Callable
from urllib.parse import urlsplit

from aiohttp import web

from planwizard import labels

TOKEN_PARAM = "token"
SECURITY_HEADERS = {
    "Referrer-Policy": "no-referrer",  # the page's address holds the token
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
}


def page(title: str, body: str) -> str:
    """A small Dutch page of the server (no script, nothing from elsewhere); ``body`` is HTML."""
    return ('<!DOCTYPE html>\n<html lang="nl"><head><meta charset="utf-8">'
            f"<title>{html.escape(title)}</title></head>"
            '<body style="font: 18px/1.5 system-ui, sans-serif; max-width: 40em; margin: 3em auto; padding: 0 1em">'
            f"<h1>{html.escape(title)}</h1>{body}</body></html>\n")


FORBIDDEN_PAGE = page(labels.WEB_FORBIDDEN_TITLE, f"<p>{html.escape(labels.WEB_FORBIDDEN)}</p>")

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


def new_token() -> str:
    """A fresh secret: 32 random bytes, URL-safe."""
    return secrets.token_urlsafe(32)


def cookie_name(token: str) -> str:
    """The cookie of this server: named after its token, so two servers on one host keep apart."""
    return "planwizard-" + hashlib.sha256(token.encode("ascii")).hexdigest()[:12]


def matches(given: str | None, token: str) -> bool:
    """Whether ``given`` is the token, compared in constant time (any text, never an error)."""
    if not given:
        return False
    return secrets.compare_digest(given.encode("utf-8", "replace"), token.encode("ascii"))


def same_origin(request: web.Request) -> bool:
    """A browser's websocket from a page of this server (or a request that names no origin)."""
    origin = request.headers.get("Origin")
    if origin is None:
        return True
    netloc = urlsplit(origin).netloc
    return netloc in {request.host, request.headers.get("X-Forwarded-Host", "")}


def middleware(token: str):
    """aiohttp middleware letting through only requests that carry ``token`` (query or cookie)."""
    cookie = cookie_name(token)

    @web.middleware
    async def check(request: web.Request, handler: Handler) -> web.StreamResponse:
        by_query = matches(request.query.get(TOKEN_PARAM), token)
        if not (by_query or matches(request.cookies.get(cookie), token)) or not same_origin(request):
            raise web.HTTPForbidden(text=FORBIDDEN_PAGE, content_type="text/html", headers=SECURITY_HEADERS)
        response = await handler(request)
        if not response.prepared:  # a websocket or a download is already under way
            response.headers.update(SECURITY_HEADERS)
            if by_query:
                response.set_cookie(cookie, token, httponly=True, samesite="Strict", path="/")
        return response

    return check
