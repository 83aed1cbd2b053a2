"""A change sent through the outbox, and a short wait for the server's answer.

Room settings, power levels, removals and bans go through the on-disk outbox like every
change the user makes (queued offline, sent once, in order). The dialog that asked still
wants to know soon whether it took: `OutboxAnswers.send` queues the request and waits a
few seconds for it to leave the outbox (DONE) or be refused (REFUSED, from the outbox's
refusal hook); past that it answers QUEUED and the outbox goes on trying by itself.
"""

from __future__ import annotations

import asyncio
import time
import uuid
from enum import Enum
from typing import Any

OUTCOME_WAIT_S = 8.0  # how long a change waits for the server before saying "queued"
POLL_S = 0.1


class Outcome(Enum):
    DONE = "done"  # the server took it
    QUEUED = "queued"  # not answered yet (offline, slow): the outbox sends it later
    REFUSED = "refused"  # the server refused it (services raise; the UI never sees this)


def _in_outbox(conn: Any, txn_id: str) -> bool:
    return conn.execute("SELECT 1 FROM outbox WHERE txn_id = ?", (txn_id,)).fetchone() is not None


class OutboxAnswers:
    """Sends requests through one session's outbox and reads their outcome."""

    def __init__(self, cache, outbox, wait_s: float = OUTCOME_WAIT_S) -> None:
        self._cache, self._outbox, self._wait_s = cache, outbox, wait_s
        self._refused: dict[str, asyncio.Future] = {}
        earlier = outbox.on_refused  # chained: other services listen too

        def refused(room_id: str, txn_id: str) -> None:
            if earlier is not None:
                earlier(room_id, txn_id)
            waiting = self._refused.get(txn_id)
            if waiting is not None and not waiting.done():
                waiting.set_result(True)

        outbox.on_refused = refused

    async def send(self, method: str, api_path: str, body: dict) -> Outcome:
        """Queue the request and wait a little: DONE, REFUSED, or QUEUED (still in the outbox)."""
        txn_id = uuid.uuid4().hex  # known before it is queued: a refusal cannot come unheard
        refused = asyncio.get_running_loop().create_future()
        self._refused[txn_id] = refused
        try:
            await self._outbox.queue_request(method, api_path, body, txn_id=txn_id)
            deadline = time.monotonic() + self._wait_s
            while time.monotonic() < deadline:
                try:
                    await asyncio.wait_for(asyncio.shield(refused), POLL_S)
                    return Outcome.REFUSED
                except TimeoutError:
                    pass
                if not await self._cache.call(_in_outbox, txn_id):  # sent, or refused just now
                    return Outcome.REFUSED if refused.done() else Outcome.DONE
            return Outcome.QUEUED
        finally:
            self._refused.pop(txn_id, None)
