"""Telling the room we are typing (`TypingService`): PUT /rooms/{room}/typing/{user}.

Typing is ephemeral: never queued in the outbox, never retried (a notice that arrives late
is wrong). While the user types, "typing" goes out at most every RESEND_S seconds with a
timeout a little longer, so the others' line stays up without a request per keystroke; it
stops when the composer empties, a message is sent, the room is left or switched.
Requests of one room go out in order (a late "true" must never follow the "false").
"""

from __future__ import annotations

import asyncio
import logging
import time

from app.net.api import ApiError, path
from app.services.context import ServiceContext, Tasks

log = logging.getLogger("tchap.net")

RESEND_S = 4.0  # while typing, "still typing" at most this often
TIMEOUT_MS = 10_000  # the server drops our "typing" after this without a new one


class TypingService:
    """Our typing notices, throttled, in order per room."""

    def __init__(self, ctx: ServiceContext, clock=time.monotonic) -> None:
        self._ctx = ctx
        self._clock = clock
        self._tasks = Tasks("typing")
        self._sent_at: dict[str, float] = {}  # room -> when "typing" last went out
        self._locks: dict[str, asyncio.Lock] = {}

    async def stop(self) -> None:
        """Cancel the notices in flight (the server times ours out)."""
        await self._tasks.stop()

    def set_typing(self, room_id: str, typing: bool) -> asyncio.Task | None:
        """The user is (or stopped) typing in `room_id`; returns the request sent, if any."""
        now = self._clock()
        if typing:
            last = self._sent_at.get(room_id)
            if last is not None and now - last < RESEND_S:
                return None
            self._sent_at[room_id] = now
        elif self._sent_at.pop(room_id, None) is None:
            return None  # we never said we were typing there
        return self._tasks.spawn(self._send(room_id, typing))

    async def _send(self, room_id: str, typing: bool) -> None:
        own = self._ctx.user_id
        body: dict = {"typing": typing}
        if typing:
            body["timeout"] = TIMEOUT_MS
        lock = self._locks.setdefault(room_id, asyncio.Lock())
        async with lock:
            try:
                await self._ctx.api.request(
                    "PUT", path("/_matrix/client/v3/rooms/{}/typing/{}", room_id, own), body
                )
            except ApiError as exc:
                log.info("typing notice not sent (%s)", exc)
