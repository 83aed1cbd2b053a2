"""What every service is handed, and the tasks each one owns.

A service gets a small explicit context (the API client, the cache, how to publish a
CoreEvent, whose account it is) instead of a reference to the session, and never reaches
into another service's attributes. Each owns its background tasks: `Tasks` keeps them,
logs a task that failed with its traceback (a bug, never swallowed), and `stop()` cancels
and waits for them.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Coroutine
from dataclasses import dataclass
from typing import Any

from app.core.events import CoreEvent
from app.net.api import ApiClient
from app.store.cache import Cache

log = logging.getLogger("tchap.sync")


@dataclass(frozen=True)
class ServiceContext:
    """The session's parts a service may use."""

    api: ApiClient
    cache: Cache
    publish: Callable[[CoreEvent], None]
    user_id: str
    config: Any  # app.platform.config.Config: get(key)


class Tasks:
    """Background tasks of one owner: kept referenced, failures reported, stopped together."""

    def __init__(self, owner: str, on_failure: Callable[[BaseException], None] | None = None):
        self._owner = owner
        self._tasks: set[asyncio.Task] = set()
        self._on_failure = on_failure

    def spawn(self, coro: Coroutine[Any, Any, Any]) -> asyncio.Task:
        """Run `coro` in the background until it ends or stop() is called."""
        task = asyncio.ensure_future(coro)
        self._tasks.add(task)
        task.add_done_callback(self._done)
        return task

    def _done(self, task: asyncio.Task) -> None:
        self._tasks.discard(task)
        if task.cancelled():
            return
        error = task.exception()
        if error is not None:
            log.error("%s: background task failed", self._owner, exc_info=error)
            if self._on_failure is not None:
                self._on_failure(error)

    async def stop(self, keep: asyncio.Task | None = None) -> None:
        """Cancel every task (but `keep`) and wait for them; only cancellation is silenced."""
        tasks = [t for t in self._tasks if t is not keep]
        for task in tasks:
            task.cancel()
        # Failures were reported by _done: gather only waits, it raises nothing.
        await asyncio.gather(*tasks, return_exceptions=True)
