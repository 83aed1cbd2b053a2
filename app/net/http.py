"""HTTP helpers: one place that turns transport and server failures into known errors.

Request paths are never logged: matrix-nio builds some with `access_token` in them.
"""

from __future__ import annotations

import asyncio
import json
import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit, urlunsplit

if TYPE_CHECKING:
    import aiohttp

log = logging.getLogger("tchap.net")

CONNECT_TIMEOUT_S = 10.0
LARGE_BODY = 256 * 1024


class NetworkError(Exception):
    """The server could not be reached (DNS, refused, reset, timeout, TLS)."""


@dataclass
class HttpResult:
    """A server's answer: status, parsed JSON (or None when the body is not JSON)."""

    status: int
    data: Any
    retry_after_s: float | None = None
    raw: bytes = b""  # the body, when the caller asked to parse it itself

    @property
    def ok(self) -> bool:
        return 200 <= self.status < 300

    @property
    def errcode(self) -> str:
        return self.data.get("errcode", "") if isinstance(self.data, dict) else ""


def normalise_homeserver(text: str) -> str | None:
    """`matrix.example.org` → `https://matrix.example.org`; None if it cannot be a URL."""
    text = text.strip().rstrip("/")
    if not text:
        return None
    if "://" not in text:
        text = "https://" + text
    parts = urlsplit(text)
    if parts.scheme not in ("http", "https") or not parts.hostname or " " in text:
        return None
    return urlunsplit((parts.scheme, parts.netloc, parts.path.rstrip("/"), "", ""))


def retry_after(status: int, data: Any, headers: Any = None) -> float | None:
    """Seconds to wait after a 429, from the body (retry_after_ms) or Retry-After."""
    if status != 429 and not (isinstance(data, dict) and data.get("errcode") == "M_LIMIT_EXCEEDED"):
        return None
    if isinstance(data, dict) and isinstance(data.get("retry_after_ms"), (int, float)):
        return max(0.0, data["retry_after_ms"] / 1000)
    if headers is not None:
        try:
            return float(headers.get("Retry-After", ""))
        except ValueError:
            pass
    return 5.0


async def request_json(
    session: aiohttp.ClientSession,
    method: str,
    url: str,
    *,
    body: Any = None,
    token: str | None = None,
    timeout: float = 30.0,
    parse_ok: bool = True,
) -> HttpResult:
    """One request; raises NetworkError when no HTTP answer came back.

    With `parse_ok=False` a successful body is returned unparsed in `raw` (errors are parsed).
    """
    import aiohttp  # loaded with the network stack, not at start-up

    headers = {"Authorization": f"Bearer {token}"} if token else {}
    try:
        async with session.request(
            method,
            url,
            json=body,
            headers=headers,
            timeout=aiohttp.ClientTimeout(total=timeout, connect=CONNECT_TIMEOUT_S),
        ) as resp:
            raw = await resp.read()
            if not parse_ok and 200 <= resp.status < 300:
                return HttpResult(resp.status, None, None, raw)
            if len(raw) > LARGE_BODY:
                # An initial /sync is megabytes of JSON: parse it off the event loop.
                data = await asyncio.get_running_loop().run_in_executor(None, _parse, raw)
            else:
                data = _parse(raw) if raw else None
            return HttpResult(resp.status, data, retry_after(resp.status, data, resp.headers))
    except (TimeoutError, aiohttp.ClientError, OSError, ValueError) as exc:
        log.info("%s %s failed: %s", method, urlsplit(url).hostname, type(exc).__name__)
        raise NetworkError(type(exc).__name__) from exc


def _parse(raw: bytes) -> Any:
    try:
        return json.loads(raw)
    except (ValueError, UnicodeDecodeError):
        return None


async def probe_matrix(session: aiohttp.ClientSession, base_url: str) -> dict | None:
    """GET /_matrix/client/versions: the JSON if it is a Matrix server, else None.

    Raises NetworkError when nothing answers at all.
    """
    result = await request_json(session, "GET", f"{base_url}/_matrix/client/versions", timeout=15)
    if (
        result.ok
        and isinstance(result.data, dict)
        and isinstance(result.data.get("versions"), list)
    ):
        return result.data
    return None


async def discover(session: aiohttp.ClientSession, base_url: str) -> str | None:
    """Follow /.well-known/matrix/client of the typed address, if it names a homeserver."""
    try:
        result = await request_json(
            session, "GET", f"{base_url}/.well-known/matrix/client", timeout=10
        )
    except NetworkError:
        return None
    if not result.ok or not isinstance(result.data, dict):
        return None
    hs = (result.data.get("m.homeserver") or {}).get("base_url")
    return normalise_homeserver(hs) if isinstance(hs, str) else None
