"""Finding an agent's homeserver from what they typed, before signing in.

An agent gives their professional email address, never a server. For an email the order is:
the configuration's table of email domains (`email_domains`), then Tchap's
`GET /_matrix/identity/api/v1/info?medium=email&address=…` on the configured servers
(`homeserver_list`) in random order, until one answers (`hs`, or `new_hs` when the account
moved), then the email domain's `/.well-known/matrix/client`. A Matrix ID names its server:
its `.well-known` is followed. Every request is bounded in time, a server that does not
answer quickly is raced by the next one, the whole lookup has a deadline, and cancelling
the task cancels every request in flight. Failures are `LoginFailed` kinds the form words.
"""

from __future__ import annotations

import asyncio
import logging
import random
import re
from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass, field
from enum import Enum, auto
from typing import TYPE_CHECKING, Any
from urllib.parse import quote, urlsplit

from app.core.errors import LoginError, LoginFailed
from app.core.identifiers import EMAIL, is_user_id
from app.net.api import ApiClient, ApiError, ApiErrorKind
from app.net.http import normalise_homeserver

if TYPE_CHECKING:
    import aiohttp

log = logging.getLogger("tchap.net")

INFO_PATH = "/_matrix/identity/api/v1/info"
PER_SERVER_S = 8.0  # one server's answer
STAGGER_S = 1.5  # a server silent this long is raced by the next one
TOTAL_S = 20.0  # the whole lookup
HOST = re.compile(r"^[A-Za-z0-9.\-]+(:\d{1,5})?$|^\[[0-9a-fA-F:.]+\](:\d{1,5})?$")


class Source(Enum):
    """How the server was chosen (the form says it)."""

    DOMAIN_TABLE = auto()  # the configuration's table of email domains
    LOOKUP = auto()  # Tchap's /info on the configured servers
    WELL_KNOWN = auto()  # the domain's (or the Matrix ID's server's) .well-known
    USER_ID = auto()  # the server named in the Matrix ID itself


@dataclass(frozen=True)
class ServerChoice:
    """The homeserver chosen for an identifier, and how."""

    homeserver: str  # base URL
    source: Source
    moved: bool = False  # /info answered `new_hs`: the account moved to this server

    @property
    def name(self) -> str:
        """The server as a person reads it (host, and port if any)."""
        return urlsplit(self.homeserver).netloc or self.homeserver


@dataclass
class _Failure:
    kind: LoginError
    retry_after_s: float | None = None


@dataclass
class DiscoveryRules:
    """What the configuration says about finding servers (read once per lookup)."""

    email_domains: dict[str, str] = field(default_factory=dict)
    servers: list[str] = field(default_factory=list)
    per_server_s: float = PER_SERVER_S
    stagger_s: float = STAGGER_S
    total_s: float = TOTAL_S
    # Where a domain's .well-known lives (tests point it at 127.0.0.1 and a port).
    well_known_base: Callable[[str], str] = lambda domain: f"https://{domain}"
    shuffle: Callable[[list], None] = random.shuffle

    @classmethod
    def from_config(cls, config: Any) -> DiscoveryRules:
        """The rules in force in a profile's configuration (bad entries skipped, logged)."""
        table = config.get("email_domains") or {}
        domains = {}
        for domain, server in table.items() if isinstance(table, dict) else []:
            url = normalise_homeserver(server) if isinstance(server, str) else None
            if url is None:
                log.warning("email_domains: entry for %r is not a server address", domain)
                continue
            domains[str(domain).lower().strip(".")] = url
        servers = [u for u in (normalise_homeserver(s) for s in config.get("homeserver_list") or []
                               if isinstance(s, str)) if u]  # fmt: skip
        return cls(email_domains=domains, servers=servers)


def failure_kind(error: BaseException) -> LoginError:
    """The sign-in error of a request that got no HTTP answer (TLS, refused, DNS, timeout)."""
    import ssl

    import aiohttp

    seen: list[BaseException] = []
    cause: BaseException | None = error
    while cause is not None and len(seen) < 5:
        seen.append(cause)
        cause = cause.__cause__ or cause.__context__
    for exc in seen:
        if isinstance(exc, (ssl.SSLError, aiohttp.ClientSSLError)):
            return LoginError.TLS_ERROR
        if isinstance(exc, aiohttp.ClientConnectorDNSError):
            return LoginError.UNREACHABLE
        if isinstance(exc, aiohttp.ClientConnectorError) and isinstance(
            exc.os_error, ConnectionRefusedError
        ):
            return LoginError.SERVER_DOWN  # the machine answers, the service does not
        if isinstance(exc, (aiohttp.ServerDisconnectedError, aiohttp.ClientPayloadError)):
            return LoginError.SERVER_DOWN  # a connection cut mid-answer
    return LoginError.UNREACHABLE


async def find_server(config: Any, identifier: str) -> ServerChoice:
    """The server of `identifier` under a profile's configuration (its own HTTP session)."""
    import aiohttp

    async with aiohttp.ClientSession() as http:
        return await ServerFinder(http, DiscoveryRules.from_config(config)).find(identifier)


class ServerFinder:
    """One lookup at a time over an HTTP session the caller owns."""

    def __init__(self, http: aiohttp.ClientSession, rules: DiscoveryRules) -> None:
        self._http = http
        self._rules = rules

    async def find(self, identifier: str) -> ServerChoice:
        """The server for an email address or a Matrix ID; LoginFailed if none is found."""
        text = identifier.strip()
        try:
            async with asyncio.timeout(self._rules.total_s):
                if is_user_id(text):
                    return await self._for_user_id(text)
                if EMAIL.match(text):
                    return await self._for_email(text.lower())
        except TimeoutError:
            log.warning("server lookup gave up after %.0f s", self._rules.total_s)
            raise LoginFailed(LoginError.UNREACHABLE) from None
        raise LoginFailed(LoginError.INVALID_IDENTIFIER)

    async def _for_user_id(self, user_id: str) -> ServerChoice:
        server_name = user_id.split(":", 1)[1]
        base = self._rules.well_known_base(server_name)
        found = await self._well_known(base)
        if found is not None:
            return ServerChoice(found, Source.WELL_KNOWN)
        url = normalise_homeserver(base)
        if url is None:
            raise LoginFailed(LoginError.INVALID_IDENTIFIER)
        return ServerChoice(url, Source.USER_ID)

    async def _for_email(self, address: str) -> ServerChoice:
        domain = address.rsplit("@", 1)[1]
        table = self._rules.email_domains
        for candidate in _parent_domains(domain):
            if candidate in table:
                log.info("server found in the configuration's email domains")
                return ServerChoice(table[candidate], Source.DOMAIN_TABLE)
        answer = await self._ask_info(address)
        if isinstance(answer, ServerChoice):
            return answer
        found = await self._well_known(self._rules.well_known_base(domain))
        if found is not None:
            log.info("server found in the email domain's .well-known")
            return ServerChoice(found, Source.WELL_KNOWN)
        raise _lookup_failed(answer)

    # -- Tchap's /info --------------------------------------------------------------------------

    async def _ask_info(self, address: str) -> ServerChoice | list[_Failure] | None:
        """The first server's answer; None when one said the address is unknown; else why
        every server failed."""
        order = list(self._rules.servers)
        self._rules.shuffle(order)
        waiting = iter(order)
        pending: set[asyncio.Task] = set()
        failures: list[_Failure] = []
        more = True
        try:
            while True:
                if more:
                    server = next(waiting, None)
                    if server is None:
                        more = False
                    else:
                        pending.add(asyncio.ensure_future(self._info_of(server, address)))
                if not pending:
                    return failures
                done, pending = await asyncio.wait(
                    pending, timeout=self._rules.stagger_s if more else None,
                    return_when=asyncio.FIRST_COMPLETED,
                )  # fmt: skip
                for task in done:
                    result = task.result()
                    if isinstance(result, _Failure):
                        failures.append(result)
                    else:
                        return result  # an answer (a server, or "unknown address")
        finally:
            for task in pending:
                task.cancel()
            for task in pending:
                with suppress(asyncio.CancelledError):
                    await task

    async def _info_of(self, server: str, address: str) -> ServerChoice | _Failure | None:
        api = ApiClient(self._http, server, "")
        query = f"{INFO_PATH}?medium=email&address={quote(address, safe='')}"
        host = urlsplit(server).netloc
        try:
            data = await api.request("GET", query, timeout=self._rules.per_server_s,
                                     authenticated=False)  # fmt: skip
        except ApiError as error:
            kind = _kind_of(error)
            log.info("lookup on %s failed: %s", host, kind.name)
            return _Failure(kind, error.retry_after_s)
        hs = data.get("new_hs") or data.get("hs")
        if hs is None or hs == "":
            log.info("lookup on %s: no server for this address", host)
            return None
        if not isinstance(hs, str) or not HOST.match(hs):
            log.warning("lookup on %s: an answer that names no server", host)
            return _Failure(LoginError.SERVER_DOWN)
        log.info("lookup on %s: found %s", host, hs)
        return ServerChoice(self._url_of(hs), Source.LOOKUP, moved=bool(data.get("new_hs")))

    def _url_of(self, hs: str) -> str:
        """`agent.x.tchap.gouv.fr` → the configured `matrix.agent.x…` (or `https://matrix.<hs>`)."""
        for server in self._rules.servers:
            if urlsplit(server).netloc.lower() in (hs.lower(), f"matrix.{hs}".lower()):
                return server
        return f"https://matrix.{hs}"

    async def _well_known(self, base: str) -> str | None:
        url = normalise_homeserver(base)
        if url is None:
            return None
        try:
            data = await ApiClient(self._http, url, "").request(
                "GET", "/.well-known/matrix/client", timeout=self._rules.per_server_s,
                authenticated=False,
            )  # fmt: skip
        except ApiError:
            return None
        homeserver = data.get("m.homeserver")
        found = homeserver.get("base_url") if isinstance(homeserver, dict) else None
        return normalise_homeserver(found) if isinstance(found, str) else None


def _kind_of(error: ApiError) -> LoginError:
    if error.kind is ApiErrorKind.NETWORK:
        return failure_kind(error)
    if error.kind is ApiErrorKind.RATE_LIMITED:
        return LoginError.RATE_LIMITED
    return LoginError.SERVER_DOWN  # 5xx, HTML, a 404 where /info should be: not usable


def _lookup_failed(answer: list[_Failure] | None) -> LoginFailed:
    """No server found: say whether nobody knows the address or nobody could be asked."""
    if not answer:  # "unknown address", or no server to ask
        return LoginFailed(LoginError.NO_SERVER_FOUND)
    kinds = {f.kind for f in answer}
    if kinds == {LoginError.RATE_LIMITED}:
        wait = min(f.retry_after_s or 0 for f in answer)
        return LoginFailed(LoginError.RATE_LIMITED, retry_after_s=wait)
    for kind in (LoginError.TLS_ERROR, LoginError.SERVER_DOWN):
        if kind in kinds:
            return LoginFailed(kind)
    return LoginFailed(LoginError.UNREACHABLE)


def _parent_domains(domain: str) -> list[str]:
    """`a.b.gouv.fr` → [`a.b.gouv.fr`, `b.gouv.fr`, `gouv.fr`] (most specific first)."""
    labels = domain.strip(".").split(".")
    return [".".join(labels[i:]) for i in range(len(labels) - 1)]
