"""The account's profile: display name, avatar, email addresses, and deactivation.

On a Tchap server the display name is set by the server from the agent's directory entry
("First Last [Org]") and cannot be changed by the user: a server is Tchap's when its name
is one of Tchap's (`*.tchap.gouv.fr`) or the configuration lists it (`homeserver_list`).
Elsewhere the name is the user's to change. A new name or avatar goes to the server through
the outbox (queued offline, sent once, in order); an avatar's image is uploaded first.
Deactivating the account is final and confirmed with the password (interactive auth).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import mimetypes
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlsplit

from app.accounts.interactive_auth import (
    AccountActionFailed,
    AccountError,
    failure_of,
    request,
    with_password,
)
from app.net.api import ApiClient, ApiError, ApiErrorKind, classify, path
from app.net.http import normalise_homeserver

log = logging.getLogger("tchap.net")

TCHAP_DOMAIN = "tchap.gouv.fr"
AVATAR_TYPES = {"image/png", "image/jpeg", "image/gif", "image/webp"}
AVATAR_MAX_BYTES = 10 * 1024 * 1024  # a photo; more is a mistake, not an avatar
MAX_DISPLAY_NAME = 256


@dataclass(frozen=True)
class AccountProfile:
    """What the Account page shows."""

    user_id: str
    display_name: str
    avatar_url: str  # mxc://… or ""
    emails: tuple[str, ...]  # the addresses bound to the account
    name_editable: bool  # False on a Tchap server: the name comes from the directory


def _netloc(address: str) -> str:
    url = normalise_homeserver(address)
    return urlsplit(url).netloc.lower() if url else ""


def is_tchap_server(user_id: str, homeserver: str, config: Any) -> bool:
    """Is the account on a Tchap server (its name is Tchap's or the config lists it)?"""
    server_name = user_id.partition(":")[2].lower()
    if server_name == TCHAP_DOMAIN or server_name.endswith("." + TCHAP_DOMAIN):
        return True
    if _netloc(homeserver).split(":")[0].endswith("." + TCHAP_DOMAIN):
        return True
    listed = config.get("homeserver_list") if config is not None else None
    netlocs = {_netloc(s) for s in listed or [] if isinstance(s, str)}
    return bool({_netloc(homeserver), server_name} & (netlocs - {""}))


def parse_emails(data: Any) -> tuple[str, ...]:
    """The email addresses of a `/account/3pid` answer (other media and bad entries skipped)."""
    threepids = data.get("threepids") if isinstance(data, dict) else None
    if not isinstance(threepids, list):
        log.warning("3pid: the answer holds no list")
        return ()
    return tuple(
        t["address"]
        for t in threepids
        if isinstance(t, dict) and t.get("medium") == "email" and isinstance(t.get("address"), str)
    )


async def fetch_profile(
    api: ApiClient, user_id: str, name_editable: bool, known_name: str = ""
) -> AccountProfile:
    """The account's name, avatar and addresses from the server."""
    try:
        data = await api.request(
            "GET", path("/_matrix/client/v3/profile/{}", user_id), timeout=20, retries=1
        )
    except ApiError as error:
        if error.kind is not ApiErrorKind.NOT_FOUND:  # no profile at all: nothing set yet
            raise failure_of(error) from error
        data = {}
    threepids = await request(api, "GET", "/_matrix/client/v3/account/3pid", timeout=20, retries=1)
    name = data.get("displayname")
    avatar = data.get("avatar_url")
    return AccountProfile(
        user_id,
        name if isinstance(name, str) else known_name,
        avatar if isinstance(avatar, str) and avatar.startswith("mxc://") else "",
        parse_emails(threepids),
        name_editable,
    )


def display_name_request(user_id: str, name: str) -> tuple[str, str, dict]:
    """The outbox request that sets the display name (raises AccountActionFailed if empty)."""
    name = name.strip()
    if not name or len(name) > MAX_DISPLAY_NAME:
        raise AccountActionFailed(AccountError.INVALID, detail="display name")
    return "PUT", path("/_matrix/client/v3/profile/{}/displayname", user_id), {"displayname": name}


def avatar_request(user_id: str, uri: str) -> tuple[str, str, dict]:
    """The outbox request that sets the avatar to an uploaded image ("" removes it)."""
    return "PUT", path("/_matrix/client/v3/profile/{}/avatar_url", user_id), {"avatar_url": uri}


def _read_image(file: Path) -> tuple[bytes, str]:
    """The image's bytes and type (blocking: call it in a thread)."""
    mimetype = mimetypes.guess_type(file.name)[0] or ""
    if mimetype not in AVATAR_TYPES:
        raise AccountActionFailed(AccountError.INVALID, detail="not an image")
    try:
        with file.open("rb") as f:
            data = f.read(AVATAR_MAX_BYTES + 1)
    except OSError as exc:
        raise AccountActionFailed(AccountError.INVALID, detail="unreadable") from exc
    if len(data) > AVATAR_MAX_BYTES or not data:
        raise AccountActionFailed(AccountError.INVALID, detail="size")
    return data, mimetype


async def upload_avatar(api: ApiClient, file: str | Path) -> str:
    """Upload an image for the avatar; its mxc:// URI."""
    import aiohttp  # loaded with the network stack

    data, mimetype = await asyncio.to_thread(_read_image, Path(file))
    url = api.url("/_matrix/media/v3/upload") + "?filename=" + quote(Path(file).name)
    headers = {**api.auth_headers(), "Content-Type": mimetype}
    try:
        async with api.http.post(
            url, data=data, headers=headers, timeout=aiohttp.ClientTimeout(total=120)
        ) as resp:
            status = resp.status
            body: Any = None
            with contextlib.suppress(ValueError, aiohttp.ContentTypeError):
                body = await resp.json()
    except (TimeoutError, aiohttp.ClientError, OSError) as exc:
        log.info("avatar upload failed: %s", type(exc).__name__)
        raise AccountActionFailed(AccountError.NETWORK) from exc
    uri = body.get("content_uri") if isinstance(body, dict) else None
    if 200 <= status < 300 and isinstance(uri, str) and uri.startswith("mxc://"):
        return uri
    raise failure_of(api.fail(classify(status, body if isinstance(body, dict) else None, None)))


async def deactivate(api: ApiClient, user_id: str, password: str) -> None:
    """Deactivate the account for good, proven with the password; every device ends."""
    try:
        await with_password(api, "/_matrix/client/v3/account/deactivate", {"erase": False},
                            user_id, password)  # fmt: skip
    except AccountActionFailed as failure:
        # Synapse drops the connection of the very request that deleted the account's
        # tokens: no answer may still mean done. The token says which.
        if failure.kind is not AccountError.NETWORK or await _token_alive(api):
            raise
    log.warning("the account was deactivated")


async def _token_alive(api: ApiClient) -> bool:
    """Does the server still take our token? (Asked quietly: a 401 here is no news to report.)"""
    token = api.auth_headers().get("Authorization", "").removeprefix("Bearer ")
    quiet = ApiClient(api.http, api.homeserver, token)  # no session-ended callback
    try:
        await quiet.request("GET", "/_matrix/client/v3/account/whoami", timeout=15, retries=2)
    except ApiError as error:
        return error.kind is not ApiErrorKind.TOKEN_INVALID
    return True
