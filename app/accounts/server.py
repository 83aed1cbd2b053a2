"""A connection to a homeserver before anyone is signed in, for registration and reset.

The network stack is loaded off the UI thread first (the session's loader); the typed
address is used if it is a Matrix server, else the one its `/.well-known` names. Calls go
through an `ApiClient` with no token.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from contextlib import suppress
from typing import TYPE_CHECKING

from app.accounts.email_check import EmailCheckError, EmailCheckFailed
from app.net.api import ApiClient
from app.net.http import NetworkError, discover, normalise_homeserver, probe_matrix

if TYPE_CHECKING:
    import aiohttp

NetworkLoader = Callable[[], Awaitable[None]]


class AnonymousServer:
    """The homeserver as seen before signing in; `connect()` once, `close()` at the end."""

    def __init__(self, homeserver: str, load_network: NetworkLoader | None = None) -> None:
        self.typed = homeserver
        self.homeserver = ""  # the resolved base URL, once connected
        self._load_network = load_network
        self._http: aiohttp.ClientSession | None = None
        self._api: ApiClient | None = None

    async def connect(self) -> ApiClient:
        """The API client of the resolved homeserver; EmailCheckFailed if there is none."""
        if self._api is not None:
            return self._api
        base = normalise_homeserver(self.typed)
        if base is None:
            raise EmailCheckFailed(EmailCheckError.INVALID_HOMESERVER)
        if self._load_network is not None:
            await self._load_network()
        import aiohttp

        if self._http is None:
            self._http = aiohttp.ClientSession()
        self.homeserver = await _resolve(self._http, base)
        self._api = ApiClient(self._http, self.homeserver, "")
        return self._api

    def signed_in(self, token: str) -> ApiClient:
        """A client for the account the server just created (its own token)."""
        assert self._http is not None and self.homeserver
        return ApiClient(self._http, self.homeserver, token)

    async def close(self) -> None:
        """Close the connections (idempotent)."""
        http, self._http, self._api = self._http, None, None
        if http is not None:
            await http.close()


async def _resolve(http: aiohttp.ClientSession, base: str) -> str:
    unreachable = False
    try:
        if await probe_matrix(http, base) is not None:
            return base
    except NetworkError:
        unreachable = True
    found = await discover(http, base)
    if found and found != base:
        with suppress(NetworkError):
            if await probe_matrix(http, found) is not None:
                return found
    raise EmailCheckFailed(
        EmailCheckError.UNREACHABLE if unreachable else EmailCheckError.NOT_MATRIX, detail=base
    )
