"""The one client for the homeserver's client-server API (all but nio's own crypto traffic).

It knows the base URL and the access token, and maps every answer to a result or to one
typed `ApiError` whose `kind` says what happened: written here once for the sync loop,
the outbox, room actions, media and attachments. A 429 carries the server's wait; a
transient failure (network, 5xx, 429) can be retried with back-off by the caller's choice.
An answer that ends the session (invalid token, soft logout, expired account) is also
reported to `on_session_ended`, so the session turns it into a state whoever asked.
"""

from __future__ import annotations

import asyncio
import logging
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import Enum, auto
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from app.core.errors import ActionError, ActionFailed
from app.net.http import HttpResult, NetworkError, request_json

if TYPE_CHECKING:
    import aiohttp

log = logging.getLogger("tchap.net")

BACKOFF_FIRST_S = 1.0
BACKOFF_MAX_S = 60.0
DEFAULT_RATE_LIMIT_WAIT_S = 5.0


class ApiErrorKind(Enum):
    NETWORK = auto()  # no HTTP answer (DNS, refused, reset, timeout, TLS)
    BAD_RESPONSE = auto()  # an answer that is not the JSON the API promises (HTML, truncated)
    RATE_LIMITED = auto()  # 429 / M_LIMIT_EXCEEDED: `retry_after_s`
    SERVER_ERROR = auto()  # 5xx
    FORBIDDEN = auto()  # 403 / M_FORBIDDEN
    NOT_FOUND = auto()  # 404 / M_NOT_FOUND
    TOO_LARGE = auto()  # 413 / M_TOO_LARGE
    TOKEN_INVALID = auto()  # 401 / M_UNKNOWN_TOKEN: the device is gone, sign in again
    SOFT_LOGOUT = auto()  # M_UNKNOWN_TOKEN with soft_logout: sign in again, keep the data
    ACCOUNT_EXPIRED = auto()  # ORG_MATRIX_EXPIRED_ACCOUNT (Tchap's account validity)
    REFUSED = auto()  # any other 4xx
    AUTH_REQUIRED = auto()  # 401 with "flows": user-interactive auth; `data` holds the session


TRANSIENT = {ApiErrorKind.NETWORK, ApiErrorKind.BAD_RESPONSE, ApiErrorKind.RATE_LIMITED,
             ApiErrorKind.SERVER_ERROR}  # fmt: skip
SESSION_ENDING = {ApiErrorKind.TOKEN_INVALID, ApiErrorKind.SOFT_LOGOUT,
                  ApiErrorKind.ACCOUNT_EXPIRED}  # fmt: skip

_ACTION_ERROR = {
    ApiErrorKind.NETWORK: ActionError.NETWORK,
    ApiErrorKind.BAD_RESPONSE: ActionError.SERVER_ERROR,
    ApiErrorKind.RATE_LIMITED: ActionError.RATE_LIMITED,
    ApiErrorKind.SERVER_ERROR: ActionError.SERVER_ERROR,
    ApiErrorKind.FORBIDDEN: ActionError.FORBIDDEN,
    ApiErrorKind.NOT_FOUND: ActionError.NOT_FOUND,
}


@dataclass
class ApiError(Exception):
    """The homeserver did not do what was asked; `kind` says why."""

    kind: ApiErrorKind
    status: int | None = None
    errcode: str = ""
    retry_after_s: float | None = None
    data: Any = field(default=None, repr=False, compare=False)  # the answer's JSON, if any

    def __str__(self) -> str:
        return f"{self.kind.name} {self.status or ''} {self.errcode}".strip()

    @property
    def transient(self) -> bool:
        return self.kind in TRANSIENT

    def as_action_failed(self) -> ActionFailed:
        """The error a UI action reports (the UI words it)."""
        return ActionFailed(_ACTION_ERROR.get(self.kind, ActionError.UNKNOWN), str(self))


def backoff_delay(attempt: int) -> float:
    """Exponential back-off with jitter: 1, 2, 4... capped at 60 s, ±20%."""
    base = min(BACKOFF_MAX_S, BACKOFF_FIRST_S * (2 ** max(0, attempt - 1)))
    return base * random.uniform(0.8, 1.2)


def classify(status: int | None, data: Any, retry_after_s: float | None = None) -> ApiError:
    """The ApiError of a failed answer (status None: no answer at all)."""
    if status is None:
        return ApiError(ApiErrorKind.NETWORK)
    body = data if isinstance(data, dict) else {}
    errcode = body.get("errcode", "") if isinstance(body.get("errcode"), str) else ""

    def error(kind: ApiErrorKind) -> ApiError:
        return ApiError(kind, status, errcode, retry_after_s, data)

    if status == 401 and isinstance(body.get("flows"), list):  # not an ended session
        return error(ApiErrorKind.AUTH_REQUIRED)
    if errcode == "ORG_MATRIX_EXPIRED_ACCOUNT":
        return error(ApiErrorKind.ACCOUNT_EXPIRED)
    if status == 401 or errcode == "M_UNKNOWN_TOKEN":
        soft = body.get("soft_logout") is True
        return error(ApiErrorKind.SOFT_LOGOUT if soft else ApiErrorKind.TOKEN_INVALID)
    if status == 429 or errcode == "M_LIMIT_EXCEEDED":
        wait = retry_after_s if retry_after_s is not None else DEFAULT_RATE_LIMIT_WAIT_S
        return ApiError(ApiErrorKind.RATE_LIMITED, status, errcode, wait, data)
    if status >= 500:
        return error(ApiErrorKind.SERVER_ERROR)
    if status == 413 or errcode == "M_TOO_LARGE":
        return error(ApiErrorKind.TOO_LARGE)
    if status == 403 or errcode == "M_FORBIDDEN":
        return error(ApiErrorKind.FORBIDDEN)
    if status == 404 or errcode == "M_NOT_FOUND":
        return error(ApiErrorKind.NOT_FOUND)
    if 200 <= status < 300:  # a success whose body is not what the API promises
        return error(ApiErrorKind.BAD_RESPONSE)
    if not body:  # an HTML error page from a proxy, say
        return error(ApiErrorKind.BAD_RESPONSE if status < 400 else ApiErrorKind.REFUSED)
    return error(ApiErrorKind.REFUSED)


def error_of_nio(response: Any) -> ApiError:
    """The ApiError of a nio error response (nio's own requests: room_send, keys...)."""
    transport = getattr(response, "transport_response", None)
    status = getattr(transport, "status", None)
    errcode = getattr(response, "status_code", "") or ""
    retry_ms = getattr(response, "retry_after_ms", None)
    data = {"errcode": errcode, "soft_logout": getattr(response, "soft_logout", False)}
    return classify(status, data, retry_ms / 1000 if retry_ms else None)


def path(template: str, *parts: str) -> str:
    """`/rooms/{}/leave` with each part percent-encoded (ids hold '!', ':', '#')."""
    return template.format(*(quote(p, safe="") for p in parts))


class ApiClient:
    """Requests to one homeserver as one signed-in device."""

    def __init__(
        self,
        http: aiohttp.ClientSession,
        homeserver: str,
        token: str,
        on_session_ended: Callable[[ApiError], None] | None = None,
    ) -> None:
        self.http = http
        self.homeserver = homeserver.rstrip("/")
        self._token = token
        self._on_session_ended = on_session_ended

    def url(self, api_path: str) -> str:
        """The full URL of a path under the homeserver (`/_matrix/...`)."""
        return f"{self.homeserver}{api_path}"

    def auth_headers(self) -> dict[str, str]:
        """The Authorization header, for requests streamed by their caller (uploads)."""
        return {"Authorization": f"Bearer {self._token}"}

    def fail(self, error: ApiError) -> ApiError:
        """Report an error that ends the session (once per answer), then return it to raise."""
        if error.kind in SESSION_ENDING and self._on_session_ended is not None:
            self._on_session_ended(error)
        return error

    async def request(
        self,
        method: str,
        api_path: str,
        body: Any = None,
        *,
        timeout: float = 30.0,
        raw: bool = False,
        retries: int = 0,
        authenticated: bool = True,
    ) -> Any:
        """The JSON object of a successful answer (bytes with `raw`); ApiError otherwise.

        `retries` transient failures are waited out first: the server's wait for a 429,
        back-off for the rest. Paths are never logged (nio's hold the token).
        """
        attempt = 0
        while True:
            try:
                return await self._once(method, api_path, body, timeout, raw, authenticated)
            except ApiError as error:
                if not error.transient or attempt >= retries:
                    raise
                attempt += 1
                wait = error.retry_after_s if error.retry_after_s is not None else (
                    backoff_delay(attempt)
                )  # fmt: skip
                log.info("%s %s: %s, retry %d in %.1f s", method, _area(api_path),
                         error.kind.name, attempt, wait)  # fmt: skip
                await asyncio.sleep(wait)

    async def _once(
        self, method: str, api_path: str, body: Any, timeout: float, raw: bool, auth: bool
    ) -> Any:
        try:
            result: HttpResult = await request_json(
                self.http, method, self.url(api_path), body=body,
                token=self._token if auth else None, timeout=timeout, parse_ok=not raw,
            )  # fmt: skip
        except NetworkError as exc:
            raise ApiError(ApiErrorKind.NETWORK) from exc
        if result.ok and raw:
            return result.raw
        if result.ok and isinstance(result.data, dict):
            return result.data
        error = classify(result.status, result.data, result.retry_after_s)
        if not error.transient and error.kind is not ApiErrorKind.AUTH_REQUIRED:
            log.warning("%s %s: %s", method, _area(api_path), error)
        raise self.fail(error)


def _area(api_path: str) -> str:
    """What a log line may say of a path: its first words, never ids or query strings."""
    words = [w for w in api_path.split("?")[0].split("/") if w and not w.startswith(("!", "@", "%"))]
    return "/".join(words[2:5])
