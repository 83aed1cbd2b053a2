"""Older history and late keys (`HistoryService`): paging back, decrypting what waited.

Decrypting is CPU work on many events (a page of history, every event that waited for
its key at start): it runs in a worker thread, never on the UI's loop.
"""

from __future__ import annotations

import asyncio
import json
import logging
from typing import TYPE_CHECKING
from urllib.parse import quote

from app.core.errors import ActionError, ActionFailed
from app.core.events import EventChanged, MessageRemoved, MessagesPrepended, RoomsChanged
from app.crypto import engine as crypto
from app.net.api import ApiError, path
from app.services.context import ServiceContext, Tasks
from app.store import history

if TYPE_CHECKING:
    from nio import AsyncClient

log = logging.getLogger("tchap.sync")
PAGE_FILTER = quote('{"lazy_load_members":true}')


class HistoryService:
    """Back-pagination into the cache, and rows decrypted once their keys arrive."""

    def __init__(self, ctx: ServiceContext, client: AsyncClient) -> None:
        self._ctx = ctx
        self._client = client
        self._tasks = Tasks("history")
        self._paging: dict[str, asyncio.Lock] = {}
        self._decrypting = asyncio.Lock()  # one pass over the waiting events at a time

    async def stop(self) -> None:
        await self._tasks.stop()

    def keys_arrived(self, sessions: list[str] | None) -> None:
        """Keys arrived (None: we just started): decrypt what waited, in the background."""
        self._tasks.spawn(self.retry_decryption(sessions))

    async def load_older(self, room_id: str, limit: int = 30) -> int:
        """Fetch older history from the server; publishes MessagesPrepended."""
        lock = self._paging.setdefault(room_id, asyncio.Lock())
        cache, publish = self._ctx.cache, self._ctx.publish
        async with lock:
            total = 0
            for _ in range(3):  # a page may hold only hidden events: look a little further
                token, reached = await cache.call(history.back_token, room_id)
                if reached or token is None:
                    publish(MessagesPrepended(room_id, (), reached_start=True))
                    return total
                try:
                    page = await self._ctx.api.request("GET", _messages_path(room_id, token, limit),
                                                       retries=2)  # fmt: skip
                except ApiError as exc:
                    raise exc.as_action_failed() from exc
                chunk = page.get("chunk") if isinstance(page.get("chunk"), list) else []
                state = page.get("state") if isinstance(page.get("state"), list) else []
                dec = await asyncio.to_thread(crypto.decrypt_for_page, self._client, room_id, chunk)
                items, reached, changed = await cache.call(
                    history.apply_messages, room_id, chunk, state, page.get("end"), dec,
                    self._ctx.user_id,
                )  # fmt: skip
                total += len(items)
                publish(MessagesPrepended(room_id, tuple(items), reached_start=reached))
                for changed_room, key, item in changed:
                    publish(EventChanged(changed_room, key, item))
                if items or reached:
                    return total
            return total

    async def retry_decryption(self, sessions: list[str] | None) -> None:
        """Decrypt the cached events that waited for these Megolm sessions (None: all)."""
        async with self._decrypting:
            waiting = await self._ctx.cache.call(history.undecrypted, sessions)
            if not waiting:
                return
            results = await asyncio.to_thread(_decrypt_waiting, self._client, waiting)
            if not results:
                return
            log.info("%d messages decrypted after their keys arrived", len(results))
            changed, removed, rooms = await self._ctx.cache.call(
                history.apply_decrypted, results, self._ctx.user_id
            )
        for room_id, key, item in changed:
            self._ctx.publish(EventChanged(room_id, key, item))
        for room_id, key in removed:  # a late edit or reaction: its target changed instead
            self._ctx.publish(MessageRemoved(room_id, key))
        if rooms:
            self._ctx.publish(RoomsChanged(tuple(rooms.values())))

    async def import_keys(self, file: str, passphrase: str) -> None:
        """Import a Megolm key export (from another client), then decrypt what waited for it."""
        from nio.exceptions import EncryptionError

        try:
            await self._client.import_keys(file, passphrase)
        except (EncryptionError, OSError, ValueError) as exc:
            raise ActionFailed(ActionError.INVALID_FILE, type(exc).__name__) from exc
        await self.retry_decryption(None)


def _decrypt_waiting(client: AsyncClient, waiting: list[tuple[str, str, str]]) -> list:
    """(room, raw event, decrypted source) of those that decrypt now (worker thread)."""
    results = []
    for room_id, _event_id, raw_text in waiting:
        raw = json.loads(raw_text)
        source = crypto.decrypt_raw(client, room_id, raw)
        if source is not None:
            results.append((room_id, raw, source))
    return results


def _messages_path(room_id: str, token: str, limit: int) -> str:
    return (path("/_matrix/client/v3/rooms/{}/messages", room_id)
            + f"?dir=b&from={quote(token)}&limit={limit}&filter={PAGE_FILTER}")  # fmt: skip
