"""`raw_sync_s`: the initial /sync as a bare HTTP request plus `json.loads`, the client's filter.

No client can sign in faster than this on the same server: it is the denominator of
`first_login_ratio`.
"""

from __future__ import annotations

import http.client
import json
import time
from urllib.parse import quote, urlsplit

FALLBACK_FILTER = {"room": {"state": {"lazy_load_members": True}, "timeline": {"limit": 20}}}


def client_sync_filter() -> tuple[dict, str]:
    """(the filter the client uses, where it came from)."""
    try:
        from app.sync.loop import SYNC_FILTER

        return SYNC_FILTER, "app.sync.loop.SYNC_FILTER"
    except ImportError:
        return FALLBACK_FILTER, "fallback filter (app.sync.loop.SYNC_FILTER missing)"


def raw_initial_sync(base_url: str, token: str, sync_filter: dict) -> tuple[float, int]:
    """One initial /sync with `sync_filter`: (seconds for request + read + json.loads, bytes)."""
    parts = urlsplit(base_url)
    path = "/_matrix/client/v3/sync?timeout=0&filter=" + quote(
        json.dumps(sync_filter, separators=(",", ":"))
    )
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=600)
    try:
        t0 = time.perf_counter()
        conn.request("GET", path, headers={"Authorization": f"Bearer {token}"})
        resp = conn.getresponse()
        body = resp.read()
        if resp.status != 200:
            raise RuntimeError(f"raw /sync answered {resp.status}")
        data = json.loads(body)
        elapsed = time.perf_counter() - t0
    finally:
        conn.close()
    if "next_batch" not in data:
        raise RuntimeError("raw /sync answer has no next_batch")
    return elapsed, len(body)
