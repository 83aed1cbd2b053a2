"""Mail for registration and password reset: an SMTP sink and a Synapse that mails links.

`mailbox` is an aiosmtpd server on 127.0.0.1 keeping every message; `email_synapse` is a
Synapse (session-scoped, its own) with `registrations_require_3pid: [email]`, a password
policy, SMTP to the sink, and only some email domains allowed to register. `open_link`
does what a person does with the mail: GET the registration link, or GET the reset link and
submit its confirmation form. `path_faults` puts a proxy in front of a server that breaks
chosen requests (HTML, 5xx, 429, a cut connection) and forwards the rest.
"""

from __future__ import annotations

import asyncio
import email
import email.policy
import json
import threading
import urllib.request
from collections.abc import Iterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field

import pytest
from aiohttp import web

from devtools.demo_mail import email_config, link_in
from devtools.homeserver import Homeserver, free_port


@dataclass
class Mailbox:
    """Every message the SMTP sink received, by recipient."""

    messages: list[email.message.EmailMessage] = field(default_factory=list)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    async def handle_DATA(self, server, session, envelope) -> str:  # aiosmtpd's handler hook
        message = email.message_from_bytes(envelope.content, policy=email.policy.default)
        with self._lock:
            self.messages.append(message)
        return "250 OK"

    def to(self, address: str) -> list[email.message.EmailMessage]:
        """The messages sent to `address`, oldest first."""
        with self._lock:
            return [m for m in self.messages if address.lower() in str(m["To"]).lower()]

    def link_to(self, address: str) -> str | None:
        """The validation link in the newest message to `address`, if any."""
        for message in reversed(self.to(address)):
            if link := link_in(message):
                return link
        return None


@pytest.fixture(scope="session")
def mailbox() -> Iterator[Mailbox]:
    """An SMTP server on 127.0.0.1 that keeps what it receives (no mail leaves)."""
    from aiosmtpd.controller import Controller

    box = Mailbox()
    controller = Controller(box, hostname="127.0.0.1", port=free_port())
    controller.start()
    box.port = controller.port  # type: ignore[attr-defined]
    try:
        yield box
    finally:
        controller.stop()


@pytest.fixture(scope="session")
def email_synapse(
    tmp_path_factory: pytest.TempPathFactory, mailbox: Mailbox
) -> Iterator[Homeserver]:
    """A Synapse that registers and resets passwords only through a mailed link."""
    hs = Homeserver(
        tmp_path_factory.mktemp("email-synapse"),
        server_name="localhost",
        extra_config=email_config(mailbox.port),  # type: ignore[attr-defined]
    )
    hs.start()
    try:
        yield hs
    finally:
        hs.stop()


async def wait_for_link(box: Mailbox, address: str, *, after: int = 0) -> str:
    """The link of a mail to `address` (the `after`-th or later), once it arrived."""
    deadline = asyncio.get_running_loop().time() + 20
    while asyncio.get_running_loop().time() < deadline:
        if len(box.to(address)) > after and (link := box.link_to(address)):
            return link
        await asyncio.sleep(0.05)
    raise AssertionError(f"no mail with a link to {address}")


def open_link_blocking(link: str) -> int:
    """What a person does with the link: open it; the reset page also asks to confirm (POST)."""
    with urllib.request.urlopen(link, timeout=10) as resp:
        page = resp.read().decode(errors="replace")
        status = resp.status
    if "password_reset" in link:
        request = urllib.request.Request(link, data=b"", method="POST")
        with urllib.request.urlopen(request, timeout=10) as resp:
            status = resp.status
    assert "<html" in page.lower() or status == 200
    return status


async def open_link(link: str) -> int:
    """`open_link_blocking` in a thread (the loop keeps running, as the app's does)."""
    return await asyncio.to_thread(open_link_blocking, link)


CUT = "cut"


class PathFaults:
    """A proxy in front of a homeserver: the next requests to a path get chosen faults."""

    def __init__(self, upstream: str) -> None:
        self.upstream = upstream.rstrip("/")
        self.url = ""
        self.seen: list[str] = []
        self._faults: dict[str, list[tuple[int, object] | str]] = {}
        self._client = None

    def fail(self, route: str, *answers: tuple[int, object] | str) -> None:
        """Answer the next requests "METHOD /path" with `answers` in turn, then forward."""
        self._faults.setdefault(route, []).extend(answers)

    def pending(self, route: str) -> int:
        """How many faults queued for `route` are still to be answered."""
        return len(self._faults.get(route, []))

    async def _handle(self, request: web.Request) -> web.StreamResponse:
        body = await request.read()
        route = f"{request.method} {request.path}"
        self.seen.append(route)
        queued = self._faults.get(route)
        if queued:
            answer = queued.pop(0)
            if answer == CUT:
                request.transport.close()
                return web.Response()
            status, content = answer
            if isinstance(content, str):
                return web.Response(status=status, text=content, content_type="text/html")
            return web.Response(status=status, text=json.dumps(content),
                                content_type="application/json")  # fmt: skip
        headers = {k: v for k, v in request.headers.items()
                   if k.lower() in ("authorization", "content-type")}  # fmt: skip
        async with self._client.request(
            request.method, self.upstream + request.path_qs, data=body or None, headers=headers
        ) as resp:
            data = await resp.read()
            ctype = resp.headers.get("Content-Type", "application/json")
            return web.Response(status=resp.status, body=data, headers={"Content-Type": ctype})


@asynccontextmanager
async def path_faults(upstream: str):
    """A started PathFaults proxy in front of `upstream`."""
    import aiohttp

    proxy = PathFaults(upstream)
    app = web.Application()
    app.router.add_route("*", "/{tail:.*}", proxy._handle)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    proxy.url = f"http://127.0.0.1:{site._server.sockets[0].getsockname()[1]}"
    proxy._client = aiohttp.ClientSession()
    try:
        yield proxy
    finally:
        await proxy._client.close()
        await runner.shutdown()
        await runner.cleanup()
