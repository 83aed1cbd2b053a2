"""Invitations by email: a real Sydent, Tchap's `/info` beside it, and agents with externals.

`invite_bed` is, for the whole session:
- the agents' Synapse and the externals' Synapse federating (tests/fixtures_federation.py's
  recipe), the agents' one loading Tchap's access-rules module with the externals' server in
  `domains_forbidden_when_restricted`, and asking the identity server over HTTPS with
  Synapse's test switch that accepts a self-signed certificate
  (`use_insecure_ssl_client_just_for_testing_do_not_use`: its plain HTTP client, which the
  module's `/info` call and `invite_3pid`'s `store-invite` both use);
- a real Sydent (`devtools/sydent.py`), mailing to the tests' SMTP sink, registering clients
  by checking their OpenID token over federation (certificates not verified either);
- a front on one port that speaks TLS to whoever starts a TLS handshake (Synapse) and plain
  HTTP to the others (the client under test, which trusts no self-signed certificate): it
  answers Tchap's `/info` from `domains` and forwards everything else to Sydent.
"""

from __future__ import annotations

import asyncio
import json
import re
import secrets
import ssl
import threading
import time
import urllib.parse
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from aiohttp import ClientSession, web

from devtools.homeserver import Homeserver, deep_merge, free_port
from devtools.sydent import Sydent
from tests.fixtures_federation import _federating, _self_signed

INFO_PATH = "/_matrix/identity/api/v1/info"
TLS_HANDSHAKE = 0x16  # the first byte of a TLS ClientHello


@dataclass
class IdentityFront:
    """`/info` from `domains` (email domain → server name), the rest forwarded to Sydent."""

    upstream: str
    domains: dict[str, str] = field(default_factory=dict)
    port: int = 0

    @property
    def url(self) -> str:
        """What the client is configured with (plain HTTP on the same port)."""
        return f"http://127.0.0.1:{self.port}"

    async def handle(self, request: web.Request) -> web.StreamResponse:
        if request.path == INFO_PATH:
            address = request.query.get("address", "").lower()
            hs = self.domains.get(address.rpartition("@")[2])
            return web.json_response({"hs": hs} if hs else {})
        headers = {k: v for k, v in request.headers.items()
                   if k.lower() in ("authorization", "content-type")}  # fmt: skip
        async with ClientSession() as client, client.request(
            request.method, self.upstream + request.path_qs, data=await request.read() or None,
            headers=headers,
        ) as resp:  # fmt: skip
            return web.Response(status=resp.status, body=await resp.read(),
                                content_type="application/json")  # fmt: skip


class FrontThread:
    """The front on its own loop and thread: one port, TLS or plain chosen per connection."""

    def __init__(self, front: IdentityFront, cert: Path, key: Path) -> None:
        self.front = front
        self._tls = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        self._tls.load_cert_chain(cert, key)
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, daemon=True)
        self._thread.start()
        self._runner: web.AppRunner | None = None
        self._server: asyncio.AbstractServer | None = None
        asyncio.run_coroutine_threadsafe(self._start(), self._loop).result(30)

    async def _start(self) -> None:
        app = web.Application()
        app.router.add_route("*", "/{tail:.*}", self.front.handle)
        self._runner = web.AppRunner(app)
        await self._runner.setup()
        plain = web.TCPSite(self._runner, "127.0.0.1", 0)
        tls = web.TCPSite(self._runner, "127.0.0.1", 0, ssl_context=self._tls)
        await plain.start()
        await tls.start()
        ports = {"plain": plain._server.sockets[0].getsockname()[1],
                 "tls": tls._server.sockets[0].getsockname()[1]}  # fmt: skip
        self._server = await asyncio.start_server(
            lambda r, w: self._splice(r, w, ports), "127.0.0.1", self.front.port or 0
        )
        self.front.port = self._server.sockets[0].getsockname()[1]

    async def _splice(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter,
                      ports: dict[str, int]) -> None:  # fmt: skip
        """Forward a connection to the TLS or the plain site, by its first byte."""
        try:
            first = await reader.readexactly(1)
        except (asyncio.IncompleteReadError, ConnectionError):
            writer.close()
            return
        port = ports["tls"] if first[0] == TLS_HANDSHAKE else ports["plain"]
        up_reader, up_writer = await asyncio.open_connection("127.0.0.1", port)
        up_writer.write(first)

        async def pipe(src: asyncio.StreamReader, dst: asyncio.StreamWriter) -> None:
            try:
                while data := await src.read(65536):
                    dst.write(data)
                    await dst.drain()
            except ConnectionError:
                pass
            finally:
                dst.close()

        await asyncio.gather(pipe(reader, up_writer), pipe(up_reader, writer))

    def close(self) -> None:
        async def stop() -> None:
            if self._server is not None:
                self._server.close()
            if self._runner is not None:
                await self._runner.cleanup()

        asyncio.run_coroutine_threadsafe(stop(), self._loop).result(30)
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(5)


@dataclass
class InviteBed:
    agents: Homeserver
    externals: Homeserver
    sydent: Sydent
    front: IdentityFront
    mailbox: object  # tests.fixtures_email.Mailbox
    agents_domain: str = "agents.test"  # addresses of agents (their server)
    partner_domain: str = "partner.test"  # addresses of externals (the externals' server)
    nowhere_domain: str = "nowhere.test"  # addresses no server takes (/info answers {})

    def bind_by_mail(self, hs: Homeserver, user_id: str, password: str, address: str) -> None:
        """What a person does to publish their address (blocking): the identity server mails
        a code (`requestToken`), it is submitted, then the account binds the address."""
        token = hs.login(user_id, password)["access_token"]
        route = f"/_matrix/client/v3/user/{urllib.parse.quote(user_id)}/openid/request_token"
        openid = hs.request("POST", route, {}, token=token)
        id_token = _post(self.sydent.url + "/_matrix/identity/v2/account/register", openid)["token"]
        secret = "s" + secrets.token_hex(8)
        sid = _post(self.sydent.url + "/_matrix/identity/v2/validate/email/requestToken",
                    {"client_secret": secret, "email": address, "send_attempt": 1},
                    id_token)["sid"]  # fmt: skip
        deadline = time.monotonic() + 20
        while not (mails := self.mailbox.to(address)) and time.monotonic() < deadline:
            time.sleep(0.05)
        code = re.search(r"Code : (\S+)", mails[-1].get_content()).group(1)
        _post(self.sydent.url + "/_matrix/identity/v2/validate/email/submitToken",
              {"sid": sid, "client_secret": secret, "token": code}, id_token)  # fmt: skip
        _post(self.sydent.url + "/_matrix/identity/v2/3pid/bind",
              {"sid": sid, "client_secret": secret, "mxid": user_id}, id_token)  # fmt: skip


def _post(url: str, body: dict, token: str = "") -> dict:
    headers = {"Content-Type": "application/json"}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    request = urllib.request.Request(url, json.dumps(body).encode(), headers, method="POST")
    with urllib.request.urlopen(request, timeout=20) as resp:
        return json.loads(resp.read())


@pytest.fixture(scope="session")
def invite_bed(tmp_path_factory, mailbox) -> Iterator[InviteBed]:
    """Agents' and externals' Synapses, Sydent and its `/info` front (see the module)."""
    base = tmp_path_factory.mktemp("invites")
    agents_port, externals_port, id_port = free_port(), free_port(), free_port()
    agents_name, externals_name = f"127.0.0.1:{agents_port}", f"127.0.0.1:{externals_port}"
    sydent = Sydent(base / "sydent", port=free_port(), internal_port=free_port(),
                    smtp_port=mailbox.port, server_name=f"127.0.0.1:{id_port}")  # fmt: skip
    sydent.start()
    front = IdentityFront(sydent.url, {"agents.test": agents_name,
                                       "partner.test": externals_name}, id_port)  # fmt: skip
    thread = FrontThread(front, *_self_signed(base / "front"))
    agents = _federating(base / "agents", agents_port, externals_name)
    deep_merge(agents.extra_config, {
        "default_room_version": "10",
        "use_insecure_ssl_client_just_for_testing_do_not_use": True,
        "user_directory": {"enabled": True, "search_all_users": True},
        "modules": [{"module": "room_access_rules.RoomAccessRules",
                     "config": {"id_server": f"127.0.0.1:{id_port}",
                                "domains_forbidden_when_restricted": [externals_name]}}],
    })  # fmt: skip
    externals = _federating(base / "externals", externals_port, agents_name)
    try:
        agents.start()
        externals.start()
        yield InviteBed(agents, externals, sydent, front, mailbox)
    finally:
        externals.stop()
        agents.stop()
        thread.close()
        sydent.stop()
