"""``planwizard serve`` on the command line: arguments, the printed link, warnings, Ctrl+C.

The browser itself is in ``tests/web``; here a websocket client stands in for a tab where
one is needed.
"""

from __future__ import annotations

import asyncio
import json
import signal
import socket
import time

import pytest

from planwizard.lock import lock_path, owner
from tests.helpers import run_cli
from tests.test_import_hygiene import loaded_after
from tests.tui.conftest import config_dir, write_plan  # noqa: F401 - config_dir: autouse
from tests.web.conftest import Served, process_alive, wait_until


def test_serve_help_loads_no_web_or_terminal_library():
    modules = loaded_after(
        "import contextlib, io\nfrom planwizard.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n    main(['serve', '--help'])"
    )
    assert not modules & {"aiohttp", "textual_serve", "textual", "jinja2", "rich", "docx"}


@pytest.mark.parametrize("target, message", [
    ("plan.txt", "geen map en geen antwoordbestand"),
    ("bestaat/niet/plan.yaml", "de map van dit plan bestaat niet"),
])
def test_serve_refuses_what_is_neither_a_folder_nor_a_plan(tmp_path, target, message):
    result = run_cli("serve", target, cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr.startswith(f"{target}: {message}")
    assert len(result.stderr.splitlines()) == 1


@pytest.mark.parametrize("port", ["abc", "70000", "-1"])
def test_serve_refuses_a_port_that_does_not_exist(tmp_path, port):
    result = run_cli("serve", "--port", port, cwd=tmp_path)
    assert result.returncode == 2
    assert "poort" in result.stderr


def test_port_in_use_is_a_clear_message(tmp_path):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = run_cli("serve", str(tmp_path), "--port", str(port), cwd=tmp_path)
    assert result.returncode == 1
    assert f"kan niet luisteren op 127.0.0.1:{port}" in result.stderr
    assert "Traceback" not in result.stderr


def test_download_names_keep_accents_and_spaces():
    from planwizard.web.server import content_disposition

    header = content_disposition("Súdwest-Fryslân plan.docx")
    assert header == ("attachment; filename=\"Sudwest-Fryslan plan.docx\"; "
                      "filename*=UTF-8''S%C3%BAdwest-Frysl%C3%A2n%20plan.docx")
    assert content_disposition('a"b;c.docx').startswith('attachment; filename="a_b_c.docx"; ')


def test_link_names_the_address_the_server_listens_on(tmp_path):
    from planwizard.web.server import WizardServer, is_loopback

    server = WizardServer(tmp_path, host="::1", port=8123, token="abc")
    assert server.url() == "http://[::1]:8123/?token=abc"
    server = WizardServer(tmp_path, host="0.0.0.0", port=8123, token="abc")
    assert server.url() == f"http://{socket.gethostname()}:8123/?token=abc"
    assert is_loopback("127.0.0.1") and is_loopback("::1") and is_loopback("localhost")
    assert not is_loopback("0.0.0.0") and not is_loopback("192.168.1.5") and not is_loopback("::")


@pytest.mark.slow
def test_another_host_warns_that_the_connection_is_not_encrypted(tmp_path):
    served = Served(tmp_path, "--host", "0.0.0.0")
    try:
        wait_until(lambda: "niet versleuteld" in "".join(served.errors), 10, "the warning")
        warning = "".join(served.errors)
        assert "SSH-tunnel" in warning and "TLS" in warning
        assert {host for host, _ in served.listening()} == {"0.0.0.0"}
    finally:
        assert served.stop() == 0


class FakeTab:
    """A websocket client doing what a browser tab does: load the page, connect, type, read the screen."""

    def __init__(self, served: Served, **options) -> None:
        self.served = served
        self.options = options
        self.text = ""

    async def open(self, http) -> None:
        assert (await http.get(self.served.url)).status == 200  # the page sets the cookie
        self.ws = await http.ws_connect(self.served.base.replace("http", "ws") + "ws?width=100&height=30",
                                        **self.options)

    async def drawn(self, wanted: str) -> None:
        import aiohttp

        deadline = time.monotonic() + 20
        while wanted not in self.text:
            assert time.monotonic() < deadline, f"{wanted!r} never drawn"
            message = await asyncio.wait_for(self.ws.receive(), 20)
            assert message.type == aiohttp.WSMsgType.BINARY
            self.text += message.data.decode("utf-8", "replace")

    async def type_notes(self, text: str) -> None:
        """Into the first item's notes (from the list: Enter, then Tab twice), and wait until drawn."""
        await self.drawn("Punt 1/")
        for key in ("\r", "\t", "\t", text):
            await self.ws.send_str(json.dumps(["stdin", key]))
            await asyncio.sleep(0.4)
        await self.drawn(text)


def client():
    import aiohttp

    return aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True))  # the cookie of an IP host


def notes(plan) -> str:
    from planwizard.answers import load_plan

    return load_plan(plan).plan.answers["visie.uitgangspunten"].notes


@pytest.mark.slow
def test_ctrl_c_saves_the_open_plan_and_stops(tmp_path):
    import aiohttp

    plan = tmp_path / "heerlen.yaml"
    write_plan(plan, answers={})
    served = Served(plan)

    async def scenario():
        async with client() as http:
            tab = FakeTab(served)
            await tab.open(http)
            await tab.type_notes("Getypt in een tab")
            assert owner(plan).pid in served.children()
            everyone = served.children()  # with the one waiting for the next tab
            served.proc.send_signal(signal.SIGINT)  # what Ctrl+C in its terminal does
            while (await tab.ws.receive()).type not in (aiohttp.WSMsgType.CLOSE, aiohttp.WSMsgType.CLOSED,
                                                        aiohttp.WSMsgType.CLOSING):
                pass
            return everyone

    try:
        everyone = asyncio.run(scenario())
        assert served.proc.wait(30) == 0
    finally:
        served.stop()  # nothing to do when it stopped; a failing test leaves no server behind
    assert not any(process_alive(pid) for pid in everyone)
    assert notes(plan) == "Getypt in een tab"
    assert not lock_path(plan).exists()
    assert "alle plannen zijn opgeslagen" in "".join(served.output)


@pytest.mark.slow
def test_a_dropped_connection_releases_the_plan_within_seconds(tmp_path):
    from planwizard.web.server import HEARTBEAT

    plan = tmp_path / "heerlen.yaml"
    write_plan(plan, answers={})
    served = Served(plan)

    async def scenario():
        async with client() as http:
            tab = FakeTab(served, autoping=False)  # a tab whose network is gone: no answer to pings
            await tab.open(http)
            await tab.type_notes("Net voor de storing")
            wizard = owner(plan).pid
            start = time.monotonic()
            while lock_path(plan).exists():
                assert time.monotonic() - start < HEARTBEAT * 3, "plan still locked"
                await asyncio.sleep(0.2)
            while process_alive(wizard):  # it releases the plan, then ends
                assert time.monotonic() - start < HEARTBEAT * 3 + 10, "wizard still running"
                await asyncio.sleep(0.2)

    try:
        asyncio.run(scenario())
        assert notes(plan) == "Net voor de storing"
    finally:
        served.stop()
