"""Bringing an edited draft back to ``planwizard serve``: the upload page.

In a browser the draft is downloaded and edited in Word on the user's own computer; to
import it, it has to be in the served folder. The wizard's tab "Word en versies" opens
``/upload?plan=NAME`` in a new browser tab: a form for one .docx, stored beside that plan
as ``<plan>-bewerkt.docx`` (``-bewerkt-2.docx`` and so on when taken, so nothing is
overwritten), written to a temporary file, synced and linked into place. The wizard
then proposes it for import. The token check of ``access`` guards both requests, as it
does every request of the server; what is sent is read up to a size limit and must be a
zip (a .docx is one); whether it is a planwizard draft is for the import to say.
"""

from __future__ import annotations

import html
import io
import zipfile
from pathlib import Path

from aiohttp import BodyPartReader, web

from planwizard import labels
from planwizard.errors import PlanError
from planwizard.fileio import write_new
from planwizard.roundtrip.docxread import MAX_FILE
from planwizard.tui.paths import PLAN_SUFFIXES, OutsideFolder, PathPolicy
from planwizard.web import access, drafts
from planwizard.web.drafts import upload_name

FIELD = "concept"
CHUNK = 256 * 1024
MAX_UPLOADS = 50
"""Uploaded drafts beside one plan at most: a full disk is no way to find out."""
_ZIP = b"PK\x03\x04"



def handlers(policy: PathPolicy):
    """The GET (form) and POST (store) handlers of ``/upload`` for the plans ``policy`` serves."""

    async def form(request: web.Request) -> web.Response:
        plan = _plan(request, policy)
        shown = policy.show(plan)
        body = (f"<p>{html.escape(labels.web_upload_intro(shown))}</p>"
                f'<form method="post" enctype="multipart/form-data">'
                f'<p><input type="file" name="{FIELD}" accept=".docx" required></p>'
                f"<p><button>{html.escape(labels.WEB_UPLOAD_BUTTON)}</button></p></form>")
        return _page(labels.WEB_UPLOAD_TITLE, body)

    async def store(request: web.Request) -> web.Response:
        plan = _plan(request, policy)
        if request.content_length is not None and request.content_length > MAX_FILE + CHUNK:
            raise _refusal(web.HTTPRequestEntityTooLarge, labels.web_upload_too_big(MAX_FILE // (1024 * 1024)),
                           max_size=MAX_FILE, actual_size=request.content_length)
        data = await _received(request)
        saved = _save(plan, data)
        return _page(labels.WEB_UPLOAD_DONE_TITLE,
                     f"<p>{html.escape(labels.web_upload_done(policy.show(saved)))}</p>")

    return form, store


def _plan(request: web.Request, policy: PathPolicy) -> Path:
    """The served plan named in the request (the only one when one plan is served)."""
    if policy.plan is not None:
        return policy.plan
    name = request.query.get("plan", "")
    try:
        plan = policy.resolve(name) if name else None
    except OutsideFolder:
        plan = None
    if plan is None or not plan.is_file() or not plan.name.lower().endswith(PLAN_SUFFIXES):
        raise _refusal(web.HTTPBadRequest, labels.WEB_UPLOAD_NO_PLAN)
    return plan


async def _received(request: web.Request) -> bytes:
    """The file of the form, read up to the limit; refused when it is no zip."""
    try:
        reader = await request.multipart()
        part = await reader.next()
        while part is not None and getattr(part, "name", None) != FIELD:
            part = await reader.next()
    except (ValueError, AssertionError, KeyError):  # no multipart body, or a broken one
        part = None
    if not isinstance(part, BodyPartReader):
        raise _refusal(web.HTTPBadRequest, labels.WEB_UPLOAD_NO_FILE)
    data = bytearray()
    while chunk := await part.read_chunk(CHUNK):
        data += chunk
        if len(data) > MAX_FILE:
            raise _refusal(web.HTTPRequestEntityTooLarge, labels.web_upload_too_big(MAX_FILE // (1024 * 1024)),
                           max_size=MAX_FILE, actual_size=len(data))
    if not data.startswith(_ZIP) or not zipfile.is_zipfile(io.BytesIO(data)):  # also: cut off on the way
        raise _refusal(web.HTTPBadRequest, labels.WEB_UPLOAD_NOT_DOCX)
    return bytes(data)


def _save(plan: Path, data: bytes) -> Path:
    """``data`` beside ``plan`` under the first free upload name; never over an existing file."""
    if len(drafts.uploads(plan)) >= MAX_UPLOADS:
        raise _refusal(web.HTTPConflict, labels.web_upload_full(MAX_UPLOADS))
    try:
        return write_new((upload_name(plan, number) for number in range(1, 2 * MAX_UPLOADS + 1)), data)
    except PlanError as exc:  # the reason only: the browser user need not see where the folder lives
        raise _refusal(web.HTTPInternalServerError, "; ".join(p.message for p in exc.problems)) from exc


def _page(title: str, body: str) -> web.Response:
    response = web.Response(text=access.page(title, body), content_type="text/html")
    response.headers["Cache-Control"] = "no-store"
    response.headers.update(access.SECURITY_HEADERS)
    return response


def _refusal(kind, message: str, **kwargs) -> web.HTTPException:
    """An HTTP error with a Dutch page saying ``message``."""
    text = access.page(labels.WEB_UPLOAD_REFUSED, f"<p>{html.escape(message)}</p>")
    return kind(text=text, content_type="text/html", headers=access.SECURITY_HEADERS, **kwargs)
