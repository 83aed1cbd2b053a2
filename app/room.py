"""`Room`: the handle of one room of a session, as libQuotient's `Room` is.

Cheap to make (the session hands one out for every action): it holds the room id and the
services it needs, and each method is one call to the service that owns the work.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from app.core.types import TimelineItem

if TYPE_CHECKING:
    from app.session import Session


class Room:
    """One room: its timeline window over the cache, its sending and its actions."""

    def __init__(self, session: Session, room_id: str) -> None:
        self._session = session
        self._room_id = room_id

    @property
    def room_id(self) -> str:
        return self._room_id

    async def timeline(self, limit: int = 50) -> list[TimelineItem]:
        """The newest `limit` cached rows, chronological, local echoes last."""
        return await self._session.timeline(self._room_id, limit)

    async def timeline_around(
        self, key: str, limit: int = 30, *, newer: bool
    ) -> list[TimelineItem]:
        """Cached rows just before (or after) the row `key`."""
        return await self._session.timeline_around(self._room_id, key, limit, newer=newer)

    async def load_older(self, limit: int = 30) -> int:
        """Fetch older history from the server; publishes MessagesPrepended."""
        return await self._session.load_older(self._room_id, limit)

    async def send_text(self, text: str) -> str:
        """Queue a message (Markdown → HTML); returns its local echo's key."""
        return await self._session.send_text(self._room_id, text)

    async def send_file(self, path: str | Path) -> str:
        """Queue a file (encrypted in an encrypted room); returns its local echo's key."""
        return await self._session.send_file(self._room_id, path)

    async def cancel_send(self, key: str) -> bool:
        """Stop sending a message or file; False if it already went out."""
        return await self._session.cancel_send(self._room_id, key)

    async def retry_send(self, key: str) -> None:
        """Send a failed message again."""
        await self._session.retry_send(self._room_id, key)

    async def discard_send(self, key: str) -> None:
        """Drop a failed message; publishes MessageRemoved."""
        await self._session.discard_send(self._room_id, key)

    async def mark_read(self) -> None:
        """Clear the unread badge; the read marker goes out in the background."""
        await self._session.mark_read(self._room_id)

    async def accept_invite(self) -> None:
        """Join the room we were invited to."""
        await self._session.accept_invite(self._room_id)

    async def decline_invite(self) -> None:
        """Refuse the invitation; the room leaves the list."""
        await self._session.decline_invite(self._room_id)

    async def leave(self) -> None:
        """Leave the room; it leaves the list."""
        await self._session.leave_room(self._room_id)
