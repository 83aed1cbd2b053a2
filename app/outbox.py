"""The outbox: messages the user sent, on disk first, out once, in order.

A message is written to the cache's outbox table before any network traffic, shown at
once as a local echo, and sent by one task in the order it was written. Its transaction
id is fixed when it is queued, so a retry after a crash or a cut connection is
de-duplicated by the homeserver: the message goes out once. Transient failures (no
network, 429, 5xx) wait and retry; a refusal (403, 400...) marks it failed for the user.
"""

from __future__ import annotations

import asyncio
import logging
import time
import uuid
from collections.abc import Callable

import aiohttp
from nio import AsyncClient, RoomGetStateEventResponse, RoomSendResponse

from app import crypto, outbox_store, room_store
from app.cache import Cache
from app.errors import CryptoStoreNotLoaded
from app.events import CoreEvent, EventChanged, MessagesAppended
from app.formatting import message_content
from app.sync import backoff_delay
from app.types import TimelineItem

log = logging.getLogger("tchap.net")


class _Transient(Exception):
    def __init__(self, after: float | None = None) -> None:
        super().__init__()
        self.after = after


class _Refused(Exception):
    pass


class OutboxService:
    """Queues and sends the user's messages for one session."""

    def __init__(
        self, client: AsyncClient, cache: Cache, publish: Callable[[CoreEvent], None]
    ) -> None:
        self._client = client
        self._cache = cache
        self._publish = publish
        self._wakeup = asyncio.Event()
        self._checked_plain: set[str] = set()  # rooms the server confirmed unencrypted

    async def queue_text(self, room_id: str, text: str) -> TimelineItem:
        """Persist a message and show its local echo; the send happens in the background."""
        content = message_content(text)
        txn_id = uuid.uuid4().hex
        now_ms = int(time.time() * 1000)
        item = await self._cache.call(outbox_store.outbox_add, txn_id, room_id, content, now_ms)
        self._publish(MessagesAppended(room_id, (item,)))
        self._wakeup.set()
        return item

    async def retry(self, txn_id: str) -> None:
        """Put a failed message back in the queue."""
        result = await self._cache.call(outbox_store.outbox_set, txn_id, "sending")
        if result is not None:
            self._publish(EventChanged(result[1].room_id, result[0], result[1]))
        self._wakeup.set()

    async def discard(self, txn_id: str) -> str | None:
        """Forget an unsent message; returns its room (the UI removes the echo)."""
        return await self._cache.call(outbox_store.outbox_discard, txn_id)

    def wake(self) -> None:
        """Try again now (e.g. the sync loop just saw the server come back)."""
        self._wakeup.set()

    async def run(self) -> None:
        """Send queued messages one by one, until cancelled."""
        attempt = 0
        while True:
            self._wakeup.clear()
            queued = await self._cache.call(outbox_store.outbox_next)
            if queued is None:
                await self._wakeup.wait()
                continue
            txn_id, room_id, content = queued
            try:
                event_id = await self._send(room_id, content, txn_id)
            except _Transient as wait:
                attempt += 1
                delay = wait.after if wait.after is not None else backoff_delay(attempt)
                log.info("send postponed %.1f s (attempt %d)", delay, attempt)
                try:
                    await asyncio.wait_for(self._wakeup.wait(), timeout=delay)
                except TimeoutError:
                    pass
                continue
            except CryptoStoreNotLoaded:
                log.error("send abandoned: the encryption store is not loaded")
                self._emit(
                    await self._cache.call(
                        outbox_store.outbox_set, txn_id, "failed", error="crypto"
                    )
                )
                continue
            except _Refused as refused:
                log.warning("send refused by the server: %s", refused)
                self._emit(await self._cache.call(
                    outbox_store.outbox_set, txn_id, "failed", error=str(refused)
                ))  # fmt: skip
                continue
            except Exception:  # a bug: keep the outbox alive, fail this message visibly
                log.exception("send failed unexpectedly")
                self._emit(
                    await self._cache.call(outbox_store.outbox_set, txn_id, "failed", error="bug")
                )
                continue
            attempt = 0
            self._emit(
                await self._cache.call(outbox_store.outbox_set, txn_id, "sent", event_id=event_id)
            )

    def _emit(self, result: tuple[str, TimelineItem] | None) -> None:
        if result is not None:
            old_key, item = result
            self._publish(EventChanged(item.room_id, old_key, item))

    async def _encrypted(self, room_id: str) -> bool:
        """Is the room encrypted? The cache may lag (a sync can catch a room half-created),
        so a room it thinks unencrypted is checked with the server once per session."""
        if await self._cache.call(room_store.is_encrypted, room_id):
            return True
        if room_id in self._checked_plain:
            return False
        try:
            answer = await self._client.room_get_state_event(room_id, "m.room.encryption")
        except (TimeoutError, aiohttp.ClientError, OSError) as exc:
            raise _Transient() from exc
        if isinstance(answer, RoomGetStateEventResponse):
            event = {"type": "m.room.encryption", "state_key": "", "content": answer.content}
            await self._cache.call(room_store.record_state, room_id, [event])
            return True
        status = getattr(answer.transport_response, "status", None)
        if status == 404:
            self._checked_plain.add(room_id)
            return False
        raise _Transient()  # unknown: never guess "plain"

    async def _send(self, room_id: str, content: dict, txn_id: str) -> str:
        encrypted = await self._encrypted(room_id)
        if encrypted:
            crypto.require_crypto(self._client)  # never let nio fall back to plain text
        crypto.ensure_room(self._client, room_id, encrypted)
        try:
            response = await self._client.room_send(
                room_id, "m.room.message", content, tx_id=txn_id, ignore_unverified_devices=True
            )
        except (TimeoutError, aiohttp.ClientError, OSError) as exc:
            raise _Transient() from exc
        if isinstance(response, RoomSendResponse):
            return response.event_id
        status = getattr(response.transport_response, "status", None)
        errcode = getattr(response, "status_code", "") or ""
        if status == 429 or errcode == "M_LIMIT_EXCEEDED":
            retry_ms = getattr(response, "retry_after_ms", None)
            raise _Transient(retry_ms / 1000 if retry_ms else None)
        if status is None or status >= 500:
            raise _Transient()
        raise _Refused(f"{status} {errcode}")
