"""Favourites, low priority and "marked unread" (`RoomTagsService`).

Each change is written to the cache and published at once (the list moves as the user
clicks), then goes to the server through the outbox's `queue_request`: queued offline, sent
once, in order, surviving a restart. Changes made on another device come back by sync
(store/account_data.py).
"""

from __future__ import annotations

import json
import logging
from urllib.parse import quote

from app.core.account_data import MARKED_UNREAD
from app.core.events import RoomsChanged
from app.core.rooms import FAVOURITE, LOW_PRIORITY
from app.net.api import ApiError, path
from app.services.context import ServiceContext, Tasks
from app.store import account_data

log = logging.getLogger("tchap.net")

EXCLUSIVE = {FAVOURITE: LOW_PRIORITY, LOW_PRIORITY: FAVOURITE}
# A sync that carries only account data: every joined room's tags and marks, the push rules.
ACCOUNT_DATA_ONLY = {
    "room": {"timeline": {"limit": 0}, "state": {"types": []}, "ephemeral": {"types": []}},
    "presence": {"types": []},
}


class RoomTagsService:
    """A room's tags and its "marked unread" flag, changed by the user."""

    def __init__(self, ctx: ServiceContext, outbox) -> None:
        self._ctx = ctx
        self._outbox = outbox  # OutboxService: queue_request
        self._tasks = Tasks("room tags")

    def start(self) -> None:
        """Fetch the account data an upgraded cache never saw, once, in the background."""
        self._tasks.spawn(self._backfill())

    async def stop(self) -> None:
        """Stop the one-time fetch if it runs (the outbox sends the changes, and owns that)."""
        await self._tasks.stop()

    async def _backfill(self) -> None:
        if not await self._ctx.cache.call(account_data.needs_backfill):
            return
        query = f"filter={quote(json.dumps(ACCOUNT_DATA_ONLY, separators=(',', ':')))}&timeout=0"
        try:
            data = await self._ctx.api.request("GET", f"/_matrix/client/v3/sync?{query}",
                                               timeout=300, retries=5)  # fmt: skip
        except ApiError as exc:  # the flag stays: the next start tries again
            log.warning("room tags and marks not fetched (%s): next start tries again", exc)
            return
        changed = await self._ctx.cache.call(account_data.backfill, data, self._ctx.user_id)
        log.info("account data fetched once for an upgraded cache: %d rooms changed", len(changed))
        if changed:
            self._ctx.publish(RoomsChanged(tuple(changed)))

    def _tag_path(self, room_id: str, tag: str) -> str:
        return path("/_matrix/client/v3/user/{}/rooms/{}/tags/{}", self._ctx.user_id, room_id, tag)

    async def set_tag(self, room_id: str, tag: str, on: bool) -> None:
        """Add or remove a tag (favourite and low priority exclude each other).

        The requests are queued before the cache is changed: a sync read in between then
        finds the change pending and leaves the tags alone, instead of putting back the
        ones the server still had (the cache and the outbox are two calls on its thread).
        """
        if not await self._ctx.cache.call(account_data.has_room, room_id):
            log.warning("tag change for a room not in the cache: ignored")
            return
        if on:
            await self._outbox.queue_request("PUT", self._tag_path(room_id, tag), {})
            if tag in EXCLUSIVE:
                await self._outbox.queue_request("DELETE", self._tag_path(room_id, EXCLUSIVE[tag]))
        else:
            await self._outbox.queue_request("DELETE", self._tag_path(room_id, tag))
        summary = await self._ctx.cache.call(
            account_data.set_tag, room_id, tag, on, self._ctx.user_id
        )
        if summary is not None:
            self._ctx.publish(RoomsChanged((summary,)))

    async def clear_marked_unread(self, room_id: str) -> None:
        """The user read the room: a "marked unread" mark goes (nothing happens without one)."""
        summary = await self._ctx.cache.call(
            account_data.clear_marked_unread, room_id, self._ctx.user_id
        )
        if summary is not None:
            self._ctx.publish(RoomsChanged((summary,)))
            await self._send_marked_unread(room_id, False)  # after: only if there was a mark

    async def set_marked_unread(self, room_id: str, unread: bool) -> None:
        """Mark a room unread (a dot until it is opened) or clear the mark (queued first,
        as in `set_tag`)."""
        if not await self._ctx.cache.call(account_data.has_room, room_id):
            log.warning("marked-unread change for a room not in the cache: ignored")
            return
        await self._send_marked_unread(room_id, unread)
        summary = await self._ctx.cache.call(
            account_data.set_marked_unread, room_id, unread, self._ctx.user_id
        )
        if summary is not None:
            self._ctx.publish(RoomsChanged((summary,)))

    async def _send_marked_unread(self, room_id: str, unread: bool) -> None:
        api_path = path(
            "/_matrix/client/v3/user/{}/rooms/{}/account_data/{}",
            self._ctx.user_id, room_id, MARKED_UNREAD,
        )  # fmt: skip
        await self._outbox.queue_request("PUT", api_path, {"unread": unread})
