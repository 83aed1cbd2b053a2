"""The sync loop: long-poll /sync, hand the response to nio's crypto, write it to the cache.

The response is fetched here (not through nio's `sync()`), so its JSON is parsed off the
event loop and the raw data reaches the cache; nio still sees every response, for its
Olm/Megolm state. Network loss is retried with exponential back-off and jitter; an
invalid token stops the loop and sends the user back to sign-in, never retried.
"""

from __future__ import annotations

import asyncio
import json
import logging
import time
from collections.abc import Awaitable, Callable, Iterator
from urllib.parse import quote

import aiohttp
from nio import AsyncClient, SyncResponse

from app.core.events import SessionState
from app.crypto import engine as crypto
from app.net.api import ApiClient, ApiError, ApiErrorKind, backoff_delay
from app.platform.memory import release_free_memory
from app.store import ingest, room_store, rows
from app.store.cache import Cache
from app.sync.parse import parse_sync

log = logging.getLogger("tchap.sync")

# The filter of every /sync (the benchmark's raw /sync uses the same one).
SYNC_FILTER: dict = {
    "room": {
        "state": {"lazy_load_members": True},
        "timeline": {"limit": 20, "lazy_load_members": True},
        "ephemeral": {"types": ["m.typing", "m.receipt"]},
    },
    "presence": {"types": []},  # Tchap has presence off
}
FILTER_PARAM = quote(json.dumps(SYNC_FILTER, separators=(",", ":")))
BIG_SYNC_BYTES = 1_000_000  # after a response this large, free memory goes back to the OS
# A first sync (or a catch-up after days away) is built by the server before it sends a
# byte: ~20 s at 1 000 rooms here, minutes for a large account on a busy server. Synapse
# keeps building it if we hang up, and a repeat of the same request joins that work.
CATCH_UP_TIMEOUT_S = 600.0
LONG_POLL_MARGIN_S = 90.0


class SyncStopped(Exception):
    """The loop cannot go on (invalid token, expired account)."""

    def __init__(self, state: SessionState) -> None:
        super().__init__(state.name)
        self.state = state


class SyncService:
    """Runs /sync in a loop for one session and reports what changed."""

    def __init__(
        self,
        client: AsyncClient,
        cache: Cache,
        api: ApiClient,
        on_diff: Callable[[rows.SyncDiff], Awaitable[None]],
        on_state: Callable[[SessionState, float | None], None],
        on_keys: Callable[[list[str]], Awaitable[None]],
        timeout_ms: int = 30000,
    ) -> None:
        self._client = client
        self._cache = cache
        self._api = api
        self._on_diff = on_diff
        self._on_state = on_state
        self._on_keys = on_keys
        self._timeout_ms = timeout_ms
        self.synced = asyncio.Event()  # set after each processed sync
        self._last_size = 0  # bytes of the last response
        self._cache_encrypted: set[str] = set()  # read from the cache when the loop starts

    async def run(self) -> None:
        """Sync until cancelled or stopped by the server."""
        token = await self._cache.get_meta("sync_token")
        # Rooms the cache knows to be encrypted, read once: later, nio's own set follows
        # every room it sees turn encrypted (crypto.nio_views hands it those).
        self._cache_encrypted = await self._cache.call(room_store.encrypted_room_ids)
        attempt = 0
        caught_up = False
        self._on_state(SessionState.STARTING, None)
        while True:
            try:
                # The first request of a run returns at once: a warm start must catch up now,
                # not wait out a long-poll when nothing happened while we were away.
                # After a failure too: the banner must say "back" as soon as the server is.
                data = await self._fetch(token, long_poll=caught_up and not attempt)
            except _Retry as retry:
                attempt += 1
                delay = retry.after if retry.after is not None else backoff_delay(attempt)
                log.info("sync: %s, retry %d in %.1f s", retry.why, attempt, delay)
                self._on_state(SessionState.RECONNECTING, delay)
                await asyncio.sleep(delay)
                continue
            await self._process(data, incremental=token is not None)
            next_token = data.get("next_batch")
            # The parsed response (~14 MB of JSON at 1 000 rooms, ~45 MB of objects) must
            # not stay alive in this frame for the length of the next long-poll.
            del data
            if attempt or not caught_up:
                self._on_state(SessionState.SYNCING, None)
            caught_up = True
            attempt = 0
            token = next_token or token
            self.synced.set()
            await self._key_maintenance()
            if self._last_size > BIG_SYNC_BYTES:
                # After the burst (the response and the key queries it caused), in a thread:
                # trimming a large heap takes a few milliseconds.
                await asyncio.get_running_loop().run_in_executor(None, release_free_memory)

    async def _fetch(self, token: str | None, *, long_poll: bool) -> dict:
        """One /sync, its JSON parsed off the event loop."""
        timeout = self._timeout_ms if token and long_poll else 0
        query = f"?filter={FILTER_PARAM}&timeout={timeout}"
        if token:
            query += f"&since={quote(token)}"
        try:
            raw = await self._api.request(
                "GET", "/_matrix/client/v3/sync" + query, raw=True,
                timeout=timeout / 1000 + LONG_POLL_MARGIN_S if timeout else CATCH_UP_TIMEOUT_S,
            )  # fmt: skip
        except ApiError as error:
            if error.kind in _STOPS:
                log.warning("sync stopped: %s", error.kind.name)
                raise SyncStopped(_STOPS[error.kind]) from error
            if error.kind is ApiErrorKind.RATE_LIMITED:
                raise _Retry("rate limited", error.retry_after_s) from error
            raise _Retry(error.kind.name, None) from error  # network, 5xx, HTML, other 4xx
        self._last_size = len(raw)
        try:
            return await asyncio.get_running_loop().run_in_executor(None, parse_sync, raw)
        except ValueError as exc:
            log.warning("sync: unreadable response (%s)", type(exc).__name__)
            raise _Retry("unreadable response", None) from exc

    async def _process(self, data: dict, *, incremental: bool) -> None:
        started = time.perf_counter()
        loop = asyncio.get_running_loop()
        known = self._client.encrypted_rooms | self._cache_encrypted
        dec = rows.Decryption()
        sessions: list[str] = []
        views = crypto.nio_views(data, known)
        while True:
            # Parsing into nio's objects validates a large JSON: done off the event loop.
            response = await loop.run_in_executor(None, _next_nio_response, views)
            if response is None:
                break
            if not isinstance(response, SyncResponse):
                log.error("sync: response rejected by nio's schema: %s", type(response).__name__)
                continue
            await self._client.receive_response(response)  # Olm, Megolm, device lists
            crypto.decryption_of(response, dec)
            sessions += crypto.received_sessions(response)
            del response
        diff = await self._cache.call(
            ingest.apply_sync, data, dec, self._client.user_id, announce_items=incremental
        )
        await self._on_diff(diff)
        if sessions:
            await self._on_keys(sessions)
        log.debug(
            "sync: %s, %d rooms changed in %.0f ms",
            "incremental" if incremental else "initial",
            len(diff.rooms),
            (time.perf_counter() - started) * 1000,
        )

    async def _key_maintenance(self) -> None:
        """What nio's sync_forever does between syncs: to-device, key upload/query/claim."""
        client = self._client
        try:
            if client.outgoing_to_device_messages:
                await client.send_to_device_messages()
            if client.should_upload_keys:
                await client.keys_upload()
            if client.should_query_keys:
                await client.keys_query()
            if client.should_claim_keys:
                await client.keys_claim(client.get_users_for_key_claiming())
        except (TimeoutError, aiohttp.ClientError, OSError) as exc:
            log.info("key maintenance postponed: %s", type(exc).__name__)


def _next_nio_response(views: Iterator[dict]):  # -> SyncResponse | an error | None
    """nio's model of the next part of this sync (it never sees the rest), None at the end."""
    view = next(views, None)
    return None if view is None else SyncResponse.from_dict(view)


class _Retry(Exception):
    def __init__(self, why: str, after: float | None) -> None:
        super().__init__(why)
        self.why = why
        self.after = after


_STOPS = {
    ApiErrorKind.TOKEN_INVALID: SessionState.TOKEN_INVALID,
    ApiErrorKind.SOFT_LOGOUT: SessionState.SOFT_LOGGED_OUT,
    ApiErrorKind.ACCOUNT_EXPIRED: SessionState.ACCOUNT_EXPIRED,
}
