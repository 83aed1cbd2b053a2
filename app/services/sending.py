"""Sending, for the Session: texts and files go through the outbox (on disk first, out once).

A mixin like `app.services.rooms.RoomActions`: it uses the session's `_connect()` and `_outbox`.
"""

from __future__ import annotations

from pathlib import Path

from app.core.errors import ActionError, ActionFailed
from app.core.events import MessageRemoved


class Sending:
    """Queue, retry, cancel and discard what the user sends; expects the Session's
    `_connect()` and `_outbox`."""

    async def send_text(self, room_id: str, text: str) -> str:
        """Queue a message (Markdown → HTML); its local echo appears at once. Returns its key."""
        await self._connect()  # local only: the outbox works offline
        item = await self._outbox.queue_text(room_id, text)
        return item.key

    async def send_file(self, room_id: str, path: str | Path) -> str:
        """Queue a file (encrypted in an encrypted room); its echo appears at once. Returns its key.

        Raises ActionFailed(UNREADABLE_FILE) if the file cannot be read now; later problems
        (too large, gone) make the echo fail with a reason.
        """
        await self._connect()
        try:
            item = await self._outbox.queue_file(room_id, Path(path))
        except OSError as exc:
            raise ActionFailed(ActionError.UNREADABLE_FILE, type(exc).__name__) from exc
        return item.key

    async def cancel_send(self, room_id: str, key: str) -> bool:
        """Stop sending a message or file and forget it; False if it already went out."""
        await self._connect()
        cancelled = await self._outbox.cancel(key.removeprefix("~"))
        if cancelled:
            self._publish(MessageRemoved(room_id, key))
        return cancelled

    async def retry_send(self, room_id: str, key: str) -> None:
        """Send a failed message again."""
        await self._connect()
        await self._outbox.retry(key.removeprefix("~"))

    async def discard_send(self, room_id: str, key: str) -> None:
        """Drop a failed message (and a file's encrypted copy)."""
        await self._connect()
        await self._outbox.cancel(key.removeprefix("~"))
        self._publish(MessageRemoved(room_id, key))
