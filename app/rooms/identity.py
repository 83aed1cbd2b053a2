"""The identity server, for invitations by email: who has an account, and where an address belongs.

The v2 identity API (spec "Identity Service API"): the homeserver hands an OpenID token
(`/user/{me}/openid/request_token`), the identity server swaps it for its own access token
(`/account/register`); its terms must have nothing left to accept (`/terms`); addresses are
looked up hashed (`/hash_details` gives the pepper, `/lookup` takes
`sha256("<address> email <pepper>")` in unpadded URL-safe base64), many at once. Tchap's
`/_matrix/identity/api/v1/info` says which server an address belongs to (`{"hs": …}`, or
nothing for an address no administration knows). Requests go through an `ApiClient` of
their own (same HTTP session, another base URL and token): an identity server's 401 is not
the end of the account's session.
"""

from __future__ import annotations

import asyncio
import base64
import hashlib
import logging
from urllib.parse import urlsplit

from app.net.api import ApiClient, ApiError, ApiErrorKind, path

log = logging.getLogger("tchap.net")

INFO_PATH = "/_matrix/identity/api/v1/info"
LOOKUP_CHUNK = 500  # addresses per /lookup (Sydent takes up to 10 000)


class IdentityUnavailable(Exception):
    """The identity server cannot answer lookups (down, refused us, terms to accept)."""

    def __init__(self, why: str) -> None:
        super().__init__(why)
        self.why = why


def hash_address(address: str, pepper: str) -> str:
    """The v2 lookup hash of an email address."""
    digest = hashlib.sha256(f"{address} email {pepper}".encode()).digest()
    return base64.urlsafe_b64encode(digest).decode().rstrip("=")


def id_server_name(base_url: str) -> str:
    """What `invite_3pid` calls the identity server: its host[:port], no scheme."""
    return urlsplit(base_url).netloc


class IdentityServer:
    """One identity server, reached as the signed-in account."""

    def __init__(self, homeserver_api: ApiClient, user_id: str, base_url: str) -> None:
        self._hs = homeserver_api
        self._user_id = user_id
        self.base_url = base_url.rstrip("/")
        self.name = id_server_name(self.base_url)
        self._api: ApiClient | None = None
        self._token = ""
        self._lock = asyncio.Lock()

    async def access_token(self) -> str:
        """Our token on the identity server (registered once with an OpenID token)."""
        async with self._lock:
            if not self._token:
                self._token = await self._register()
                self._api = ApiClient(self._hs.http, self.base_url, self._token)
            return self._token

    async def _register(self) -> str:
        try:
            openid = await self._hs.request(
                "POST", path("/_matrix/client/v3/user/{}/openid/request_token", self._user_id),
                {}, retries=2,
            )  # fmt: skip
            plain = ApiClient(self._hs.http, self.base_url, "")
            answer = await plain.request("POST", "/_matrix/identity/v2/account/register", openid,
                                         authenticated=False, retries=2)  # fmt: skip
            token = answer.get("token") or answer.get("access_token")
            if not isinstance(token, str) or not token:
                raise IdentityUnavailable("register: no token")
            terms = await ApiClient(self._hs.http, self.base_url, token).request(
                "GET", "/_matrix/identity/v2/terms", retries=2
            )
        except ApiError as exc:
            log.warning("identity server: registration failed (%s)", exc)
            raise IdentityUnavailable(f"register: {exc}") from exc
        if terms.get("policies"):
            # The person has to read and accept them: not done silently on their behalf.
            log.warning("identity server: terms to accept first; lookups not possible")
            raise IdentityUnavailable("terms")
        return token

    async def lookup(self, addresses: list[str]) -> dict[str, str]:
        """address -> Matrix ID of the addresses bound to an account (the others absent)."""
        if not addresses:
            return {}
        await self.access_token()
        try:
            details = await self._request("GET", "/_matrix/identity/v2/hash_details")
            pepper = details.get("lookup_pepper")
            if "sha256" not in details.get("algorithms", []) or not isinstance(pepper, str):
                raise IdentityUnavailable("no sha256 lookups")
            found: dict[str, str] = {}
            for start in range(0, len(addresses), LOOKUP_CHUNK):
                chunk = addresses[start : start + LOOKUP_CHUNK]
                by_hash = {hash_address(a, pepper): a for a in chunk}
                answer = await self._request("POST", "/_matrix/identity/v2/lookup", {
                    "addresses": list(by_hash), "algorithm": "sha256", "pepper": pepper})
                mappings = answer.get("mappings")
                for hashed, user_id in (mappings if isinstance(mappings, dict) else {}).items():
                    if hashed in by_hash and isinstance(user_id, str) and user_id.startswith("@"):
                        found[by_hash[hashed]] = user_id
            return found
        except ApiError as exc:
            log.warning("identity server: lookup failed (%s)", exc)
            raise IdentityUnavailable(f"lookup: {exc}") from exc

    async def server_of(self, address: str) -> str | None:
        """The Tchap server an address belongs to (`/info`'s `hs`), or None if none."""
        from urllib.parse import urlencode

        query = urlencode({"medium": "email", "address": address})
        api = ApiClient(self._hs.http, self.base_url, "")
        try:
            answer = await api.request("GET", f"{INFO_PATH}?{query}", authenticated=False,
                                       retries=3)  # fmt: skip
        except ApiError as exc:
            if exc.kind in (ApiErrorKind.NOT_FOUND, ApiErrorKind.REFUSED):
                return None
            raise IdentityUnavailable(f"info: {exc}") from exc
        hs = answer.get("hs")
        return hs if isinstance(hs, str) and hs else None

    async def _request(self, method: str, api_path: str, body=None) -> dict:
        assert self._api is not None
        try:
            return await self._api.request(method, api_path, body, retries=3)
        except ApiError as exc:
            if exc.kind not in (ApiErrorKind.TOKEN_INVALID, ApiErrorKind.SOFT_LOGOUT):
                raise
        # Our identity token expired (or the server forgot it): register again, once.
        async with self._lock:
            self._token = ""
        await self.access_token()
        return await self._api.request(method, api_path, body, retries=3)
