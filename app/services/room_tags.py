"""Favourites, low priority and "marked unread" (`RoomTagsService`).

Each change is written to the cache and published at once (the list moves as the user
clicks), then goes to the server through the outbox's `queue_request`: queued offline, sent
once, in order, surviving a restart. Changes made on another device come back by sync
(store/account_data.py).
"""

from __future__ import annotations

import logging

from app.core.account_data import MARKED_UNREAD
from app.core.events import RoomsChanged
from app.core.rooms import FAVOURITE, LOW_PRIORITY
from app.net.api import path
from app.services.context import ServiceContext
from app.store import account_data

log = logging.getLogger("tchap.net")

EXCLUSIVE = {FAVOURITE: LOW_PRIORITY, LOW_PRIORITY: FAVOURITE}


class RoomTagsService:
    """A room's tags and its "marked unread" flag, changed by the user."""

    def __init__(self, ctx: ServiceContext, outbox) -> None:
        self._ctx = ctx
        self._outbox = outbox  # OutboxService: queue_request

    async def stop(self) -> None:
        """Nothing runs here in the background: the outbox sends and owns its tasks."""

    def _tag_path(self, room_id: str, tag: str) -> str:
        return path("/_matrix/client/v3/user/{}/rooms/{}/tags/{}", self._ctx.user_id, room_id, tag)

    async def set_tag(self, room_id: str, tag: str, on: bool) -> None:
        """Add or remove a tag (favourite and low priority exclude each other)."""
        summary = await self._ctx.cache.call(
            account_data.set_tag, room_id, tag, on, self._ctx.user_id
        )
        if summary is None:
            log.warning("tag change for a room not in the cache: ignored")
            return
        self._ctx.publish(RoomsChanged((summary,)))
        if on:
            await self._outbox.queue_request("PUT", self._tag_path(room_id, tag), {})
            if tag in EXCLUSIVE:
                await self._outbox.queue_request("DELETE", self._tag_path(room_id, EXCLUSIVE[tag]))
        else:
            await self._outbox.queue_request("DELETE", self._tag_path(room_id, tag))

    async def clear_marked_unread(self, room_id: str) -> None:
        """The user read the room: a "marked unread" mark goes (nothing happens without one)."""
        summary = await self._ctx.cache.call(
            account_data.clear_marked_unread, room_id, self._ctx.user_id
        )
        if summary is not None:
            self._ctx.publish(RoomsChanged((summary,)))
            await self._send_marked_unread(room_id, False)

    async def set_marked_unread(self, room_id: str, unread: bool) -> None:
        """Mark a room unread (a dot until it is opened) or clear the mark."""
        summary = await self._ctx.cache.call(
            account_data.set_marked_unread, room_id, unread, self._ctx.user_id
        )
        if summary is None:
            log.warning("marked-unread change for a room not in the cache: ignored")
            return
        self._ctx.publish(RoomsChanged((summary,)))
        await self._send_marked_unread(room_id, unread)

    async def _send_marked_unread(self, room_id: str, unread: bool) -> None:
        api_path = path(
            "/_matrix/client/v3/user/{}/rooms/{}/account_data/{}",
            self._ctx.user_id, room_id, MARKED_UNREAD,
        )  # fmt: skip
        await self._outbox.queue_request("PUT", api_path, {"unread": unread})
