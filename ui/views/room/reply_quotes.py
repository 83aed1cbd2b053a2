"""The originals replies quote: from the open timeline when it shows them, else asked of the
core once (the cache, else the server) and kept for the session; the rows repaint when one
arrives. The quote shows the real original, never what the reply's fallback claims."""

from __future__ import annotations

import asyncio
import logging

from PySide6.QtCore import QObject, Signal

from app.api import SessionApi
from app.core.errors import ActionFailed
from app.core.types import TimelineItem

log = logging.getLogger("tchap.ui")
KEPT = 500


class ReplyQuotes(QObject):
    """Originals by event id; `arrived` when one fetched in the background is known."""

    arrived = Signal(str)  # event id

    def __init__(self, session: SessionApi, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._known: dict[str, TimelineItem | None] = {}
        self._asked: dict[str, asyncio.Task] = {}

    def lookup(self, model, room_id: str, event_id: str) -> tuple[TimelineItem | None, bool]:
        """(the original if known, whether it is still being fetched). Never blocks."""
        if model is not None:
            row = model.row_of(event_id)
            if row is not None:
                return model.item(row), False  # the live row: its edits and deletion included
        if event_id in self._known:
            return self._known[event_id], False
        if event_id not in self._asked:
            self._asked[event_id] = asyncio.ensure_future(self._fetch(room_id, event_id))
        return None, True

    def forget(self, event_id: str) -> None:
        """The original changed (edited, deleted): ask again next time."""
        self._known.pop(event_id, None)

    async def _fetch(self, room_id: str, event_id: str) -> None:
        try:
            item = await self._session.room(room_id).original(event_id)
        except ActionFailed as err:
            log.warning("original of a reply not available: %s", err.kind.name)
            item = None
        finally:
            self._asked.pop(event_id, None)
        if len(self._known) >= KEPT:
            self._known.pop(next(iter(self._known)))
        self._known[event_id] = item
        self.arrived.emit(event_id)

    async def stop(self) -> None:
        """Cancel what is being fetched."""
        for task in list(self._asked.values()):
            task.cancel()
        await asyncio.gather(*self._asked.values(), return_exceptions=True)
        self._asked.clear()
