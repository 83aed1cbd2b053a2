"""Signing in again after a soft logout, as the same device.

A server that ends a session with `soft_logout: true` keeps the device: the client asks the
password again and logs in with the same `device_id`, so the device keeps its encryption
keys. Only the access token changes; the cache, its key and the crypto store stay as they
were, and no history becomes unreadable.
"""

from __future__ import annotations

import asyncio
import logging
from typing import TYPE_CHECKING

from app.accounts.discovery import failure_kind
from app.core.errors import LoginError, LoginFailed
from app.net.api import ApiClient, ApiError, ApiErrorKind
from app.platform.keys import store_secrets

if TYPE_CHECKING:
    import aiohttp

log = logging.getLogger("tchap.net")

_KIND = {
    ApiErrorKind.FORBIDDEN: LoginError.BAD_CREDENTIALS,
    ApiErrorKind.TOKEN_INVALID: LoginError.BAD_CREDENTIALS,
    ApiErrorKind.SOFT_LOGOUT: LoginError.BAD_CREDENTIALS,
    ApiErrorKind.RATE_LIMITED: LoginError.RATE_LIMITED,
    ApiErrorKind.ACCOUNT_EXPIRED: LoginError.ACCOUNT_EXPIRED,
    ApiErrorKind.SERVER_ERROR: LoginError.SERVER_ERROR,
    ApiErrorKind.BAD_RESPONSE: LoginError.NOT_MATRIX,
    ApiErrorKind.NOT_FOUND: LoginError.NOT_MATRIX,
}


async def sign_in_again(
    profile, account: dict, keys: dict, password: str
) -> tuple[dict, aiohttp.ClientSession]:
    """The same device signs in again; returns (keys with the new token, the HTTP session
    to keep). Raises LoginFailed; nothing local is changed unless it succeeded."""
    import aiohttp

    http = aiohttp.ClientSession()
    try:
        api = ApiClient(http, account["homeserver"], "")
        body = {
            "type": "m.login.password",
            "identifier": {"type": "m.id.user", "user": account["user_id"]},
            "password": password,
            "device_id": account["device_id"],  # the same device: its keys stay valid
        }
        try:
            data = await api.request("POST", "/_matrix/client/v3/login", body,
                                     authenticated=False)  # fmt: skip
        except ApiError as error:
            raise _failed(error) from error
        if (
            data.get("device_id") != account["device_id"]
            or data.get("user_id") != account["user_id"]
            or not isinstance(data.get("access_token"), str)
        ):
            log.error("sign-in again: the server answered for another device or account")
            raise LoginFailed(LoginError.UNKNOWN, detail="another device")
        new_keys = {**keys, "access_token": data["access_token"]}
        try:
            await asyncio.to_thread(store_secrets, profile.secrets, account["user_id"], new_keys)
        except Exception as exc:
            log.error("could not store the new token: %s", type(exc).__name__)
            raise LoginFailed(LoginError.KEYRING_UNAVAILABLE) from exc
    except BaseException:
        await http.close()
        raise
    log.info("signed in again after a soft logout, same device")
    return new_keys, http


def _failed(error: ApiError) -> LoginFailed:
    if error.errcode == "M_USER_DEACTIVATED":
        return LoginFailed(LoginError.USER_DEACTIVATED)
    if error.kind is ApiErrorKind.NETWORK:
        return LoginFailed(failure_kind(error))
    if error.status in (502, 503, 504):
        return LoginFailed(LoginError.SERVER_DOWN, status=error.status)
    kind = _KIND.get(error.kind, LoginError.UNKNOWN)
    wait = error.retry_after_s if kind is LoginError.RATE_LIMITED else None
    return LoginFailed(kind, retry_after_s=wait, status=error.status, detail=error.errcode)
