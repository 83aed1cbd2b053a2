"""Signing in with a password: find the homeserver, ask it, keep the secrets in the keyring.

Every failure becomes a `LoginError` the form can word. The keyring is checked before the
server is asked, so no device is created that could not be kept; if the secrets cannot be
stored after all, that new device is logged out again.
"""

from __future__ import annotations

import asyncio
import logging
import platform
import secrets
from contextlib import suppress

import aiohttp

from app.accounts.discovery import failure_kind
from app.core.errors import LoginError, LoginFailed
from app.core.identifiers import login_identifier
from app.net.api import ApiErrorKind, classify
from app.net.http import (
    HttpResult,
    NetworkError,
    discover,
    normalise_homeserver,
    probe_matrix,
    request_json,
)
from app.platform.keys import secrets_usable, store_secrets

log = logging.getLogger("tchap.net")


async def sign_in(
    profile, homeserver: str, identifier: str, password: str
) -> tuple[dict, dict, aiohttp.ClientSession]:
    """Sign in; returns (account, secrets, the HTTP session to keep). Raises LoginFailed."""
    base = normalise_homeserver(homeserver)
    if base is None:
        raise LoginFailed(LoginError.INVALID_HOMESERVER)
    ident = login_identifier(identifier)
    if ident is None:
        raise LoginFailed(LoginError.INVALID_IDENTIFIER)
    store = profile.secrets
    if not await asyncio.to_thread(secrets_usable, store):
        raise LoginFailed(LoginError.KEYRING_UNAVAILABLE)
    http = aiohttp.ClientSession()
    try:
        base = await _resolve_homeserver(http, base)
        body = {
            "type": "m.login.password",
            "identifier": ident,
            "password": password,
            "initial_device_display_name": f"Tchap Desktop ({platform.system()})",
        }
        try:
            result = await request_json(http, "POST", f"{base}/_matrix/client/v3/login", body=body)
        except NetworkError as exc:
            raise LoginFailed(failure_kind(exc), detail=base) from exc
        _raise_for_login(result)
        data = result.data
        user_id, device_id, token = data["user_id"], data["device_id"], data["access_token"]
        keys = {"access_token": token, "pickle_key": secrets.token_urlsafe(32),
                "cache_key": secrets.token_hex(32)}  # fmt: skip
        try:
            await asyncio.to_thread(store_secrets, store, user_id, keys)
        except Exception as exc:
            log.error("could not store the session's secrets: %s", type(exc).__name__)
            with suppress(NetworkError):
                await request_json(http, "POST", f"{base}/_matrix/client/v3/logout", token=token)
            raise LoginFailed(LoginError.KEYRING_UNAVAILABLE) from exc
    except BaseException:
        await http.close()
        raise
    account = {"user_id": user_id, "device_id": device_id, "homeserver": base}
    profile.write_account(account)
    return account, keys, http


async def _resolve_homeserver(http: aiohttp.ClientSession, base: str) -> str:
    """The typed address if it is a Matrix server, else what its .well-known names."""
    failure = None
    try:
        if await probe_matrix(http, base) is not None:
            return base
    except NetworkError as exc:
        failure = failure_kind(exc)
    found = await discover(http, base)
    if found and found != base:
        with suppress(NetworkError):
            if await probe_matrix(http, found) is not None:
                return found
    raise LoginFailed(failure or LoginError.NOT_MATRIX, detail=base)


_LOGIN_ERROR = {
    ApiErrorKind.RATE_LIMITED: LoginError.RATE_LIMITED,
    ApiErrorKind.ACCOUNT_EXPIRED: LoginError.ACCOUNT_EXPIRED,
    ApiErrorKind.TOKEN_INVALID: LoginError.BAD_CREDENTIALS,
    ApiErrorKind.SOFT_LOGOUT: LoginError.BAD_CREDENTIALS,
    ApiErrorKind.FORBIDDEN: LoginError.BAD_CREDENTIALS,
    ApiErrorKind.SERVER_ERROR: LoginError.SERVER_ERROR,
    ApiErrorKind.NOT_FOUND: LoginError.NOT_MATRIX,
    ApiErrorKind.BAD_RESPONSE: LoginError.NOT_MATRIX,
}


def _raise_for_login(result: HttpResult) -> None:
    """LoginFailed for an answer to /login that gave no token (the API's mapping, then
    what only sign-in words apart)."""
    if result.ok and isinstance(result.data, dict) and "access_token" in result.data:
        return
    errcode = result.errcode
    if errcode == "M_USER_DEACTIVATED":
        raise LoginFailed(LoginError.USER_DEACTIVATED)
    if errcode == "M_UNAUTHORIZED":
        raise LoginFailed(LoginError.BAD_CREDENTIALS)
    if errcode == "M_INVALID_PARAM" or result.status == 400:
        raise LoginFailed(LoginError.INVALID_IDENTIFIER)
    if result.data is None and not result.ok and result.status < 500:
        raise LoginFailed(LoginError.NOT_MATRIX)  # an HTML page: not a Matrix server
    if result.status in (502, 503, 504):  # a proxy in front of a server that is down
        raise LoginFailed(LoginError.SERVER_DOWN, status=result.status, detail=errcode)
    error = classify(result.status, result.data, result.retry_after_s)
    kind = _LOGIN_ERROR.get(error.kind, LoginError.UNKNOWN)
    raise LoginFailed(kind, retry_after_s=error.retry_after_s if kind is LoginError.RATE_LIMITED
                      else None, status=result.status, detail=errcode)  # fmt: skip
