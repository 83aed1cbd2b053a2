"""Requests the server confirms with the account's password (user-interactive auth).

Signing devices out and deactivating the account are refused with a 401 that opens a UIA
session and lists its flows; the same request is then sent again with the password stage.
Every refusal and bad answer becomes one `AccountError` the Settings window words.
"""

from __future__ import annotations

import logging
from enum import Enum, auto
from typing import Any

from app.accounts.email_check import uia_session
from app.net.api import ApiClient, ApiError, ApiErrorKind

log = logging.getLogger("tchap.net")

PASSWORD_STAGE = "m.login.password"


class AccountError(Enum):
    WRONG_PASSWORD = auto()  # the password stage was refused
    NO_PASSWORD_FLOW = auto()  # the server wants a proof we cannot give (SSO only...)
    NETWORK = auto()  # no answer (down, refused, cut, timed out)
    BAD_RESPONSE = auto()  # not the JSON a Matrix server gives (an HTML page...)
    SERVER_ERROR = auto()  # 5xx
    RATE_LIMITED = auto()  # 429: `retry_after_s`
    FORBIDDEN = auto()  # 403: the server does not allow it (a Tchap server's own rules)
    NOT_FOUND = auto()  # the device (or the endpoint) does not exist
    INVALID = auto()  # what was given cannot be used (an empty name, a file that is no image)
    UNKNOWN = auto()


class AccountActionFailed(Exception):
    """A change to the account (devices, profile, deactivation) did not go through."""

    def __init__(
        self, kind: AccountError, *, retry_after_s: float | None = None, detail: str = ""
    ) -> None:
        super().__init__(f"{kind.name} {detail}".strip())
        self.kind = kind
        self.retry_after_s = retry_after_s
        self.detail = detail


_BY_KIND = {
    ApiErrorKind.NETWORK: AccountError.NETWORK,
    ApiErrorKind.BAD_RESPONSE: AccountError.BAD_RESPONSE,
    ApiErrorKind.SERVER_ERROR: AccountError.SERVER_ERROR,
    ApiErrorKind.RATE_LIMITED: AccountError.RATE_LIMITED,
    ApiErrorKind.FORBIDDEN: AccountError.FORBIDDEN,
    ApiErrorKind.NOT_FOUND: AccountError.NOT_FOUND,
    ApiErrorKind.TOO_LARGE: AccountError.INVALID,
}


def failure_of(error: ApiError) -> AccountActionFailed:
    """The AccountActionFailed of an API error (logged once, without the path)."""
    kind = _BY_KIND.get(error.kind, AccountError.UNKNOWN)
    if error.kind is ApiErrorKind.REFUSED and not error.errcode:
        kind = AccountError.BAD_RESPONSE  # a proxy's HTML 4xx page
    elif error.kind is ApiErrorKind.REFUSED and error.errcode in ("M_INVALID_PARAM", "M_BAD_JSON"):
        kind = AccountError.INVALID
    log.info("account change refused: %s", error)
    wait = error.retry_after_s if kind is AccountError.RATE_LIMITED else None
    return AccountActionFailed(kind, retry_after_s=wait, detail=error.errcode)


async def request(api: ApiClient, method: str, api_path: str, body: Any = None, **kw: Any) -> Any:
    """`api.request` with its failures as AccountActionFailed."""
    try:
        return await api.request(method, api_path, body, **kw)
    except ApiError as error:
        raise failure_of(error) from error


async def with_password(
    api: ApiClient, api_path: str, body: dict, user_id: str, password: str
) -> Any:
    """POST `body` to `api_path`, proving it with the account's password when asked."""
    try:  # without a proof nothing happens yet: a connection the server dropped is retried
        return await api.request("POST", api_path, body, timeout=60, retries=1)
    except ApiError as error:
        if error.kind is not ApiErrorKind.AUTH_REQUIRED:
            raise failure_of(error) from error
        session, flows, _ = uia_session(error)
    if not any(flow == [PASSWORD_STAGE] for flow in flows):
        log.warning("interactive auth: no password flow in %s", flows)
        raise AccountActionFailed(AccountError.NO_PASSWORD_FLOW)
    auth: dict[str, Any] = {
        "type": PASSWORD_STAGE,
        "identifier": {"type": "m.id.user", "user": user_id},
        "password": password,
    }
    if session:
        auth["session"] = session
    try:
        return await api.request("POST", api_path, {**body, "auth": auth}, timeout=60)
    except ApiError as error:
        if error.kind is ApiErrorKind.AUTH_REQUIRED:  # the flows again: the proof was refused
            log.info("interactive auth: the password was refused")
            raise AccountActionFailed(AccountError.WRONG_PASSWORD) from error
        raise failure_of(error) from error
