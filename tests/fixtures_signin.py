"""Two ministries' servers and Tchap's `/info` lookup, for sign-in with discovery.

Tchap puts a front (nginx) before each homeserver: `/_matrix/identity/api/v1/info` goes to
Tchap's identity service, the rest to Synapse. No packaged identity server has `/info`, so
`TchapFronts` plays those fronts: it answers `/info` from a directory of email domains
exactly as TCHAP.md says (`{"hs"}`, `"new_hs"` for an address that moved, `{}` for an address
no administration knows) and proxies everything else to the ministry's real Synapse. A front
can also misbehave on demand: hang, answer HTML, 500, 429, cut the connection, or speak TLS
with a certificate nobody trusts. It runs on its own thread and loop, for the whole session.
"""

from __future__ import annotations

import asyncio
import datetime
import itertools
import secrets
import ssl
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from aiohttp import ClientSession, ClientTimeout, web

from devtools.homeserver import Homeserver, free_port
from devtools.peers import TestUser

INFO_PATH = "/_matrix/identity/api/v1/info"
MODES = ("ok", "hang", "html", "500", "429", "cut")


class TchapFronts:
    """Fronts on 127.0.0.1: `/info` from `domains` / `moved`, the rest to an upstream."""

    def __init__(self, cert_dir: Path) -> None:
        self.domains: dict[str, str] = {}  # email domain -> hs
        self.moved: dict[str, str] = {}  # address -> new_hs
        self.asked: list[tuple[str, str]] = []  # (front url, address) of every /info
        self._modes: dict[str, str] = {}
        self._upstreams: dict[str, str | None] = {}
        self._cert_dir = cert_dir
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, daemon=True)
        self._thread.start()
        self._runners: list[web.AppRunner] = []
        self._client: ClientSession | None = None
        self._release = asyncio.Event()

    def _call(self, coro):
        return asyncio.run_coroutine_threadsafe(coro, self._loop).result(30)

    def add_front(self, upstream: str | None = None, mode: str = "ok", *, tls: bool = False) -> str:
        """A new front; returns its base URL (https with an untrusted certificate if `tls`)."""
        return self._call(self._start(upstream, mode, tls))

    def set_mode(self, url: str, mode: str) -> None:
        """Make a front answer `mode` from now on."""
        assert mode in MODES
        self._modes[url] = mode

    @staticmethod
    def hs_of(url: str) -> str:
        """What /info names for a front's server (its host and port)."""
        return url.split("://", 1)[1]

    async def _start(self, upstream: str | None, mode: str, tls: bool) -> str:
        if self._client is None:
            self._client = ClientSession(timeout=ClientTimeout(total=60))
        app = web.Application()
        own: list[str] = []

        async def handle(request: web.Request) -> web.StreamResponse:
            return await self._handle(own[0], request)

        app.router.add_route("*", "/{tail:.*}", handle)
        runner = web.AppRunner(app)
        await runner.setup()
        context = self._tls_context() if tls else None
        site = web.TCPSite(runner, "127.0.0.1", 0, ssl_context=context)
        await site.start()
        port = site._server.sockets[0].getsockname()[1]
        url = f"{'https' if tls else 'http'}://127.0.0.1:{port}"
        self._modes[url], self._upstreams[url] = mode, upstream
        own.append(url)
        self._runners.append(runner)
        return url

    async def _handle(self, url: str, request: web.Request) -> web.StreamResponse:
        mode = self._modes[url]
        body = await request.read()
        if mode == "hang":
            await self._release.wait()
            return web.Response(status=503)
        if mode == "html":
            return web.Response(
                status=200, text="<html>Maintenance</html>", content_type="text/html"
            )
        if mode == "500":
            return web.json_response({"errcode": "M_UNKNOWN", "error": "boom"}, status=500)
        if mode == "429":
            return web.json_response({"errcode": "M_LIMIT_EXCEEDED", "error": "slow down",
                                      "retry_after_ms": 7000}, status=429)  # fmt: skip
        if mode == "cut":
            request.transport.close()
            return web.Response()
        if request.path == INFO_PATH:
            return self._info(url, request)
        upstream = self._upstreams[url]
        if upstream is None:
            return web.json_response({"errcode": "M_UNRECOGNIZED"}, status=404)
        headers = {k: v for k, v in request.headers.items()
                   if k.lower() in ("authorization", "content-type")}  # fmt: skip
        async with self._client.request(
            request.method, upstream + request.path_qs, data=body or None, headers=headers
        ) as resp:
            data = await resp.read()
            ctype = resp.headers.get("Content-Type", "application/json")
            return web.Response(status=resp.status, body=data, headers={"Content-Type": ctype})

    def _info(self, url: str, request: web.Request) -> web.Response:
        address = request.query.get("address", "").lower()
        self.asked.append((url, address))
        if request.query.get("medium") != "email" or "@" not in address:
            return web.json_response({"errcode": "M_INVALID_PARAM"}, status=400)
        hs = self.domains.get(address.rsplit("@", 1)[1])
        if hs is None:
            return web.json_response({})
        answer = {"hs": hs}
        if address in self.moved:
            answer["new_hs"] = self.moved[address]
        return web.json_response(answer)

    def _tls_context(self) -> ssl.SSLContext:
        cert, key = self._cert_dir / "front.crt", self._cert_dir / "front.key"
        if not cert.exists():
            _self_signed(cert, key)
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(cert, key)
        return context

    def close(self) -> None:
        """Stop every front and the thread."""

        async def stop() -> None:
            self._release.set()
            for runner in self._runners:
                await runner.cleanup()
            if self._client is not None:
                await self._client.close()

        self._call(stop())
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(5)


def _self_signed(cert_path: Path, key_path: Path) -> None:
    """A certificate for 127.0.0.1 signed by nobody the client trusts."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = datetime.datetime.now(datetime.UTC)
    cert = (
        x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
        .serial_number(x509.random_serial_number()).not_valid_before(now)
        .not_valid_after(now + datetime.timedelta(days=1)).sign(key, hashes.SHA256())
    )  # fmt: skip
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(key.private_bytes(serialization.Encoding.PEM,
                                           serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))  # fmt: skip


@dataclass
class Ministries:
    """Two ministries' homeservers behind their fronts, and the lookup's directory."""

    interieur: Homeserver
    finances: Homeserver
    fronts: TchapFronts
    interieur_front: str
    finances_front: str
    down: str  # a server address where nothing listens

    def servers(self, *extra: str) -> list[str]:
        """A `homeserver_list` naming both ministries (and `extra` fronts)."""
        return [self.interieur_front, self.finances_front, *extra]

    def agent(self, hs: Homeserver, email: str) -> TestUser:
        """Register an agent whose email is bound (sign-in by email works)."""
        localpart = email.split("@")[0].replace(".", "-") + "-" + next(_count)
        password = "pw-" + secrets.token_urlsafe(10)
        user_id = hs.register_user(localpart, password, email=email)
        return TestUser(user_id, localpart, password, None)


_count = (str(n) for n in itertools.count(1))


@pytest.fixture(scope="session")
def ministries(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Ministries]:
    """Intérieur and Finances on two Synapses, each behind a front answering /info."""
    interieur = Homeserver(tmp_path_factory.mktemp("interieur"), server_name="interieur.localhost")
    finances = Homeserver(tmp_path_factory.mktemp("finances"), server_name="finances.localhost")
    fronts = TchapFronts(tmp_path_factory.mktemp("fronts"))
    try:
        interieur.start()
        finances.start()
        a, b = fronts.add_front(interieur.url), fronts.add_front(finances.url)
        fronts.domains.update({"interieur.gouv.fr": fronts.hs_of(a),
                               "finances.gouv.fr": fronts.hs_of(b)})  # fmt: skip
        yield Ministries(interieur, finances, fronts, a, b, f"http://127.0.0.1:{free_port()}")
    finally:
        fronts.close()
        interieur.stop()
        finances.stop()


def front_config(profile, servers: list[str], domains: dict | None = None) -> None:
    """Point a profile's lookup at the test fronts."""
    profile.config.set("homeserver_list", servers)
    profile.config.set("email_domains", domains or {})


__all__ = ["Ministries", "TchapFronts", "front_config"]
