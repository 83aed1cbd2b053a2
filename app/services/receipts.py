"""Read receipts and members for the UI (`ReceiptsService`): who read what, who is here.

Receipts are read from the cache (the sync keeps them, `app/store/ephemeral.py`); ours go
out through `RoomsService.mark_read`, with the read marker. The members the composer
completes come from the cache, completed once per room and session by /joined_members
(the sync only brings the members who spoke: lazy loading).
"""

from __future__ import annotations

import logging

from app.core.members import Member, ReadReceipt
from app.net.api import ApiError, path
from app.services.context import ServiceContext, Tasks
from app.store import ephemeral, members_store

log = logging.getLogger("tchap.net")


class ReceiptsService:
    """Room members and their read receipts, from the cache."""

    def __init__(self, ctx: ServiceContext) -> None:
        self._ctx = ctx
        self._tasks = Tasks("receipts")
        self._complete: set[str] = set()  # rooms whose members were fetched this session

    async def stop(self) -> None:
        """Nothing runs in the background but what stop() cancels."""
        await self._tasks.stop()

    async def read_receipts(self, room_id: str) -> list[ReadReceipt]:
        """Where each member (but us) has read to, placed on timeline rows."""
        return await self._ctx.cache.call(ephemeral.read_receipts, room_id, self._ctx.user_id)

    async def members(self, room_id: str) -> list[Member]:
        """The room's joined members but us, by name (fetched in full once per session)."""
        if room_id not in self._complete:
            try:
                answer = await self._ctx.api.request(
                    "GET", path("/_matrix/client/v3/rooms/{}/joined_members", room_id)
                )
            except ApiError as exc:  # offline: the members the cache knows
                log.info("room members not fetched (%s)", exc)
            else:
                joined = answer.get("joined") if isinstance(answer, dict) else None
                if isinstance(joined, dict):
                    await self._ctx.cache.call(members_store.add_joined, room_id, joined)
                    self._complete.add(room_id)
        return await self._ctx.cache.call(members_store.joined_members, room_id, self._ctx.user_id)
