"""The web server of ``planwizard serve``: textual-serve's, with access control and clean stops.

textual-serve (aiohttp) serves a page with a terminal in it and starts one process per
websocket, talking to it over stdin/stdout. Here that process is the wizard
(``planwizard.web.session``), every request must carry the token (``access``), the page
is Dutch and loads nothing from elsewhere, and stopping is careful: a closed tab, a
reload, a dropped connection or stopping the server asks each wizard to quit (it saves
and releases the plan's lock), and only forces it after a grace period.
"""

from __future__ import annotations

import asyncio
import contextlib
import ipaddress
import logging
import os
import signal
import socket
import sys
import unicodedata
from collections.abc import Awaitable, Callable
from pathlib import Path
from urllib.parse import quote

import aiohttp_jinja2
import textual_serve
from aiohttp import web
from textual_serve.app_service import AppService
from textual_serve.server import Server, to_int

from planwizard import labels
from planwizard.errors import PlanError
from planwizard.tui.paths import PathPolicy
from planwizard.web import access, upload

HERE = Path(__file__).resolve().parent
STATIC = Path(textual_serve.__file__).resolve().parent / "static"
QUIT_GRACE = 10.0
"""Seconds a wizard gets to save and quit when asked, before it is sent SIGTERM."""
TERM_GRACE = 5.0
"""Seconds after SIGTERM before SIGKILL (the wizard saves within a second of SIGTERM)."""
HEARTBEAT = 5.0
"""Seconds between pings to a tab; one unanswered for half as long means the connection is gone,
and its wizard saves and releases the plan (so reopening it soon after can edit it again)."""
RELOAD_WAIT = 5.0
"""Seconds a new tab waits for closing wizards to release their plans (a reload)."""

log = logging.getLogger("planwizard.serve")


def wizard_environment() -> dict[str, str]:
    """The environment of a wizard process: Textual's web driver (ours), true colour."""
    from importlib.metadata import version

    environment = dict(os.environ)
    environment.update({
        "TEXTUAL_DRIVER": "planwizard.web.driver:SessionDriver",
        "TEXTUAL_FPS": "60",
        "TEXTUAL_COLOR_SYSTEM": "truecolor",
        "TERM_PROGRAM": "textual",
        "TERM_PROGRAM_VERSION": version("textual-serve"),
    })
    return environment


async def spawn(argv: list[str]) -> asyncio.subprocess.Process:
    """Start a wizard process; it loads the wizard, then waits for its tab's screen size."""
    # Its own session: Ctrl+C in the server's terminal reaches the server, which then
    # stops every wizard in order, instead of all of them at once.
    return await asyncio.create_subprocess_exec(
        *argv,
        stdin=asyncio.subprocess.PIPE,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
        env=wizard_environment(),
        start_new_session=True,
    )


async def stop_process(process: asyncio.subprocess.Process, grace: float = TERM_GRACE) -> None:
    """SIGTERM, then SIGKILL after ``grace`` seconds, unless it ends by itself before."""
    for force in (process.terminate, process.kill):
        if process.returncode is not None:
            return
        with contextlib.suppress(ProcessLookupError):
            force()
        try:
            await asyncio.wait_for(process.wait(), grace)
            return
        except asyncio.TimeoutError:
            log.warning("wizard %s did not stop", process.pid)
    await process.wait()


class WizardProcess(AppService):
    """One browser tab's wizard process (textual-serve's AppService, started without a shell)."""

    def __init__(self, launch: Callable[[], Awaitable[asyncio.subprocess.Process]], **kwargs) -> None:
        super().__init__("planwizard", **kwargs)
        self.launch = launch

    async def _open_app_process(self, width: int = 80, height: int = 24) -> asyncio.subprocess.Process:
        self._process = process = await self.launch()
        assert process.stdin is not None
        self._stdin = process.stdin
        process.stdin.write(f"{width} {height}\n".encode("ascii"))  # go: this tab's size
        return process

    async def close(self) -> None:
        """Ask the wizard to quit (it saves and unlocks); force it only when it does not."""
        process = self._process
        if process is None or process.returncode is not None:
            return
        await self.send_meta({"type": "quit"})
        try:
            await asyncio.wait_for(process.wait(), QUIT_GRACE)
        except asyncio.TimeoutError:
            log.warning("wizard %s did not quit in %.0f s", process.pid, QUIT_GRACE)
            await stop_process(process)


class WizardServer(Server):
    """textual-serve's server for the wizard of one folder or plan, behind a token."""

    def __init__(self, target: Path, *, host: str, port: int, token: str) -> None:
        super().__init__(
            "planwizard",
            host=host,
            port=port,
            title=labels.WEB_TITLE,
            statics_path=STATIC,
            templates_path=HERE / "templates",
        )
        self.target = target
        self.token = token
        self.argv = [sys.executable, "-m", "planwizard.web.session", str(target)]
        self.spare: asyncio.Task[asyncio.subprocess.Process] | None = None
        self.sessions: set[WizardProcess] = set()
        self.closing: dict[WizardProcess, asyncio.Task[None]] = {}
        self.page_title = labels.web_title(target.name) if target.name else labels.WEB_TITLE

    async def _make_app(self) -> web.Application:
        app = await super()._make_app()
        app.middlewares.append(access.middleware(self.token))
        form, store = upload.handlers(PathPolicy.serving(self.target))
        app.add_routes([web.get("/upload", form), web.post("/upload", store)])
        return app

    async def on_startup(self, app: web.Application) -> None:
        """Nothing: ``run`` prints the link once the port is known."""

    async def on_shutdown(self, app: web.Application) -> None:
        await self.close_all()

    # ------------------------------------------------------------ handlers

    async def handle_index(self, request: web.Request) -> web.Response:
        """The page: a terminal that connects to its own wizard."""
        context = {
            "title": self.page_title,
            "font_size": max(8, min(to_int(request.query.get("fontsize", "16"), 16), 40)),
            "starting": labels.WEB_STARTING,
            "closed": labels.WEB_CLOSED,
            "restart": labels.WEB_RESTART,
        }
        self.warm()  # normally one is waiting already; else it gets ready while the page loads
        response = aiohttp_jinja2.render_template("index.html", request, context)
        response.headers["Cache-Control"] = "no-store"  # its address holds the token
        return response

    async def handle_websocket(self, request: web.Request) -> web.WebSocketResponse:
        """A tab connected: start its own wizard and pass keys and screen between them."""
        websocket = web.WebSocketResponse(heartbeat=HEARTBEAT)
        width = to_int(request.query.get("width", "80"), 80)
        height = to_int(request.query.get("height", "24"), 24)
        await websocket.prepare(request)
        await self._settle_closing()
        wizard = WizardProcess(
            self.take_process,
            write_bytes=websocket.send_bytes,
            write_str=websocket.send_str,
            close=websocket.close,
            download_manager=self.download_manager,
        )
        self.sessions.add(wizard)
        try:
            await wizard.start(width, height)
            await self._process_messages(websocket, wizard)
        except asyncio.CancelledError:
            pass
        except Exception as error:  # a broken message from the page: end this tab only
            log.warning("websocket: %s", error)
        finally:
            await self._close(wizard)
            await websocket.close()
        return websocket

    async def handle_download(self, request: web.Request) -> web.StreamResponse:
        """A file the wizard delivers (the Word draft), with its name intact (accents, spaces)."""
        key = request.match_info["key"]
        try:
            meta = await self.download_manager.get_download_metadata(key)
        except KeyError:
            raise web.HTTPNotFound(text=labels.WEB_NO_DOWNLOAD) from None
        response = web.StreamResponse()
        response.headers["Content-Type"] = meta.mime_type + (f"; charset={meta.encoding}" if meta.encoding else "")
        response.headers["Content-Disposition"] = content_disposition(
            meta.file_name, inline=meta.open_method == "browser"
        )
        response.headers.update(access.SECURITY_HEADERS)
        await response.prepare(request)
        async for chunk in self.download_manager.download(key):
            await response.write(chunk)
        await response.write_eof()
        return response

    # ------------------------------------------------------------ wizard processes

    def warm(self) -> None:
        """Have one wizard process started and loaded, waiting for the next tab."""
        if self.spare is None:
            self.spare = asyncio.ensure_future(spawn(self.argv))

    async def take_process(self) -> asyncio.subprocess.Process:
        """The waiting wizard process (or a new one), and start the next one."""
        task, self.spare = self.spare, None
        process = None
        if task is not None:
            with contextlib.suppress(OSError):
                process = await task
        if process is None or process.returncode is not None:
            process = await spawn(self.argv)
        self.warm()
        return process

    async def drop_spare(self) -> None:
        """Stop the waiting wizard process: closing its input ends it (it holds no plan)."""
        task, self.spare = self.spare, None
        if task is None:
            return
        try:
            process = await task
        except OSError:
            return
        if process.stdin is not None:
            process.stdin.close()
        try:
            await asyncio.wait_for(process.wait(), TERM_GRACE)
        except asyncio.TimeoutError:
            await stop_process(process)

    # ------------------------------------------------------------ stopping wizards

    async def _close(self, wizard: WizardProcess) -> None:
        task = self.closing.get(wizard)
        if task is None:
            task = self.closing[wizard] = asyncio.ensure_future(self._close_now(wizard))
        await asyncio.shield(task)

    async def _close_now(self, wizard: WizardProcess) -> None:
        try:
            await wizard.close()
            await wizard.stop()
        finally:
            self.sessions.discard(wizard)
            self.closing.pop(wizard, None)

    async def _settle_closing(self) -> None:
        """Let wizards that are quitting (a reloaded tab) save and release their plans first."""
        if self.closing:
            await asyncio.wait(list(self.closing.values()), timeout=RELOAD_WAIT)

    async def close_all(self) -> None:
        """Stop every wizard cleanly (each saves and releases its plan)."""
        await self.drop_spare()
        await asyncio.gather(*(self._close(w) for w in list(self.sessions)), return_exceptions=True)

    # ------------------------------------------------------------ running

    async def run(self, out=None) -> int:
        """Serve until SIGINT, SIGTERM or SIGHUP; then stop every wizard and return 0."""
        out = out or sys.stdout
        app = await self._make_app()
        runner = web.AppRunner(app, handle_signals=False, access_log=None)
        await runner.setup()
        site = web.TCPSite(runner, self.host, self.port)
        try:
            await site.start()
        except OSError as exc:
            await runner.cleanup()
            raise PlanError.at("planwizard serve", labels.err_serve_bind(f"{self.host}:{self.port}",
                                                                          labels.os_error(exc))) from exc
        bound = [(str(a[0]), int(a[1])) for a in runner.addresses]
        self.port = bound[0][1]
        if not all(is_loopback(host) for host, _ in bound):
            print(labels.serve_warning_public(f"{self.host}:{self.port}", self.port), file=sys.stderr, flush=True)
        single = not self.target.is_dir()
        print(labels.serve_banner(self.url(), str(self.target), single), file=out, flush=True)
        self.warm()  # the first tab finds a wizard loaded and waiting (it holds no plan until then)
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for signum in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
            loop.add_signal_handler(signum, stop.set)
        try:
            await stop.wait()
            print(labels.SERVE_STOPPING, file=out, flush=True)
            await self.close_all()
            await runner.cleanup()
        finally:
            for signum in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
                loop.remove_signal_handler(signum)
        print(labels.SERVE_STOPPED, file=out, flush=True)
        return 0

    def url(self) -> str:
        """The link to open: this server's address with the token."""
        host = self.host
        if host in ("", "0.0.0.0", "::"):
            host = socket.gethostname() or "localhost"
        elif ":" in host:
            host = f"[{host}]"
        return f"http://{host}:{self.port}/?{access.TOKEN_PARAM}={self.token}"


def is_loopback(host: str) -> bool:
    """Whether a bound address is reachable from this computer only."""
    try:
        return ipaddress.ip_address(host.split("%")[0]).is_loopback
    except ValueError:
        return host == "localhost"


def content_disposition(name: str, *, inline: bool = False) -> str:
    """A Content-Disposition header keeping any file name (RFC 6266: ASCII fallback plus UTF-8)."""
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    plain = "".join(c if c.isprintable() and c not in '"\\;' else "_" for c in plain) or "concept.docx"
    kind = "inline" if inline else "attachment"
    return f"{kind}; filename=\"{plain}\"; filename*=UTF-8''{quote(name, safe='')}"


def serve(target: Path, *, host: str, port: int) -> int:
    """Run ``planwizard serve`` for ``target`` (a folder or one plan) until stopped."""
    logging.basicConfig(level=logging.WARNING, format="planwizard serve: %(message)s")
    server = WizardServer(Path(os.path.abspath(target)), host=host, port=port, token=access.new_token())
    return asyncio.run(server.run())
