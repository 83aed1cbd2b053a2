"""Each room's draft (`DraftsService`): saved in the encrypted cache, off the UI thread.

The composer reports its text at every change; writes are debounced (one transaction for
whatever changed in DEBOUNCE_S) and `stop()` writes what is still pending, so quitting
right after typing loses nothing.
"""

from __future__ import annotations

import asyncio
import time

from app.services.context import ServiceContext, Tasks
from app.store.drafts import get_draft, put_drafts

DEBOUNCE_S = 0.5


class DraftsService:
    """Drafts per room: read from the cache, written debounced."""

    def __init__(self, ctx: ServiceContext, debounce_s: float = DEBOUNCE_S) -> None:
        self._ctx = ctx
        self._debounce_s = debounce_s
        self._tasks = Tasks("drafts")
        self._pending: dict[str, str] = {}
        self._writer: asyncio.Task | None = None

    async def draft(self, room_id: str) -> str:
        """The room's draft (one not yet written included)."""
        if room_id in self._pending:
            return self._pending[room_id]
        return await self._ctx.cache.call(get_draft, room_id)

    def save(self, room_id: str, text: str) -> None:
        """Keep `text` as the room's draft ("" removes it); written a moment later."""
        self._pending[room_id] = text
        if self._writer is None or self._writer.done():
            self._writer = self._tasks.spawn(self._write_later())

    async def _write_later(self) -> None:
        await asyncio.sleep(self._debounce_s)
        await self.flush()

    async def flush(self) -> None:
        """Write every pending draft now."""
        pending, self._pending = self._pending, {}
        if pending:
            await self._ctx.cache.call(put_drafts, pending, int(time.time() * 1000))

    async def stop(self) -> None:
        """Write what is pending, then stop."""
        await self._tasks.stop(keep=asyncio.current_task())
        await self.flush()
