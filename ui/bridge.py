"""CoreBridge: the one place where core diffs (`app.core.events`) become Qt model calls.

It owns the room list model and the open room's timeline model. A room that is not on
screen ignores timeline diffs: the cache has them, and opening the room reads them back.
"""

from __future__ import annotations

import asyncio
import logging
from contextlib import suppress

import shiboken6
from PySide6.QtCore import QObject, Signal

from app.api import SessionApi
from app.core.events import (
    CoreEvent,
    EventChanged,
    MessageRemoved,
    MessagesAppended,
    MessagesPrepended,
    OperationRefused,
    ProfileChanged,
    ReceiptsChanged,
    RoomsChanged,
    RoomsRemoved,
    SessionState,
    SessionStateChanged,
    TimelineReset,
    TypingChanged,
    UploadProgress,
)
from ui.models.room_list import RoomListModel
from ui.models.timeline import TimelineModel
from ui.views.room.receipts import ReadReceipts

log = logging.getLogger("tchap.ui")
FIRST_SCREEN_ROOMS = 40  # more rows than the tallest screen shows
# The most rows a timeline model holds. The view lays out every row on each change, so
# the window slides over the cache instead of growing with the history read.
WINDOW_ROWS = 250
PAGE_ROWS = 30
MEASURE_SLICE = 6  # rows laid out ahead of an insertion per turn of the event loop


class CoreBridge(QObject):
    """Subscribes to a Session and keeps the Qt models in step with it."""

    session_state_changed = Signal(object, object)  # SessionState, retry_in_s (float | None)
    start_failed = Signal(
        object, object
    )  # SessionState, StartProblem | None: the start-failed panel
    rooms_changed = Signal(list)  # room ids whose summary changed (header refresh)
    room_removed = Signal(str)  # a room left the list (close it if open)
    older_loaded = Signal(str, bool)  # room_id, reached_start
    timeline_replaced = Signal(str)  # the open room's rows were reset (scroll to the bottom)
    profile_changed = Signal(str, str)  # user_id, display_name of the signed-in user
    typing_changed = Signal(str, tuple)  # room_id, the Members typing there now
    operation_refused = Signal(str, str)  # op (reaction, edit, deletion...), event type

    def __init__(self, session: SessionApi, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self.room_list = RoomListModel(self)
        self.receipts = ReadReceipts(self)  # the open room's read receipts
        self._timeline: TimelineModel | None = None
        self._reload_task: asyncio.Task | None = None
        self._prepending: asyncio.Task | None = None  # a page of history being measured
        self._held: list[CoreEvent] | None = None  # timeline events waiting for that page
        self._attached = False

    def attach(self) -> None:
        """Start receiving the session's events (once)."""
        if not self._attached:
            self._attached = True
            self._session.subscribe(self._on_core_event)

    def detach(self) -> None:
        """Ignore the session's events from now on (the core has no unsubscribe)."""
        self._attached = False

    @property
    def timeline(self) -> TimelineModel | None:
        """The open room's model, or None when no room is open."""
        return self._timeline

    async def load_rooms(self) -> None:
        """Fill the room list from the cache, before the network answers.

        One screen first, painted at once whatever the size of the account; the rest follows
        while the user is already looking at the list.
        """
        first = await self._session.room_summaries(limit=FIRST_SCREEN_ROOMS)
        self.room_list.set_rooms(first)
        if len(first) == FIRST_SCREEN_ROOMS:
            self.room_list.upsert(await self._session.room_summaries())

    async def open_room(self, room_id: str, limit: int = 50) -> TimelineModel:
        """Show a room: a fresh model filled from the cache's newest `limit` items."""
        self._cancel_reload()
        model = TimelineModel(room_id, self)
        self.receipts.reset(())  # the room's own come from the cache (ChatView asks)
        old, self._timeline = self._timeline, model
        room = self._session.room(room_id)
        # The marker is read before the room is marked read: the line shows what was new.
        model.marker_key = await room.fully_read()
        model.reset_rows(await room.timeline(limit=limit))
        if old is not None:
            old.deleteLater()
        return model

    def close_room(self) -> None:
        """No room on screen any more."""
        self._cancel_reload()
        if self._timeline is not None:
            self._timeline.deleteLater()
        self._timeline = None

    async def shutdown(self) -> None:
        """Cancel the bridge's own task and stop listening."""
        self.detach()
        self._cancel_reload()
        if self._prepending is not None:
            self._prepending.cancel()
        if self._reload_task is not None:
            with suppress(asyncio.CancelledError):
                await self._reload_task

    def _on_core_event(self, ev: CoreEvent) -> None:
        if not self._attached or not shiboken6.isValid(self):
            return  # detached, or the window (and this bridge) is already gone
        try:
            self._dispatch(ev)
        except Exception:  # a bug here must not kill the core's publisher
            log.exception("could not apply %s", type(ev).__name__)

    def _dispatch(self, ev: CoreEvent) -> None:
        match ev:
            case SessionStateChanged(state=state, retry_in_s=retry, reason=reason):
                if state in (SessionState.START_FAILED, SessionState.CACHE_UNAVAILABLE):
                    self.start_failed.emit(state, reason)
                self.session_state_changed.emit(state, retry)
                return
            case ProfileChanged(user_id=user_id, display_name=name):
                self.profile_changed.emit(user_id, name)
                return
            case OperationRefused(op=op, event_type=event_type):
                self.operation_refused.emit(op, event_type)
                return
            case RoomsChanged(rooms=rooms):
                self.room_list.upsert(rooms)
                self.rooms_changed.emit([r.room_id for r in rooms])
                return
            case RoomsRemoved(room_ids=ids):
                self.room_list.remove(ids)
                for room_id in ids:
                    self.room_removed.emit(room_id)
                return
            case TypingChanged(room_id=room_id, users=users):
                self.typing_changed.emit(room_id, users)
                return
        if self._held is not None:  # a page of history is being measured: keep the order
            self._held.append(ev)
            return
        self._apply_to_timeline(ev)

    def _apply_to_timeline(self, ev: CoreEvent) -> None:
        model = self._timeline
        if model is None or getattr(ev, "room_id", None) != model.room_id:
            return  # not on screen; the cache has it
        match ev:
            case MessagesAppended(items=items):
                if not model.has_newer:  # else the cache has them for when the user scrolls down
                    model.append_items(items)
            case MessagesPrepended(items=items, reached_start=reached):
                self._start_prepend(model, items, reached)
            case EventChanged(key=key, item=item):
                model.update_item(key, item)  # outside the window: the cache has it
            case MessageRemoved(key=key):
                model.remove_item(key)
            case ReceiptsChanged(receipts=receipts):
                self.receipts.update(receipts)
            case UploadProgress(key=key, sent=sent, total=total):
                model.set_progress(key, sent, total)
            case TimelineReset(room_id=room_id):
                self._cancel_reload()
                self._reload_task = asyncio.ensure_future(self._reload(model, room_id))

    async def load_older(self, room_id: str) -> int:
        """Older rows for the open room: from the cache when it has them, else the server.

        Returns how many rows came (server rows arrive as MessagesPrepended).
        """
        model = self._timeline
        if model is None or model.room_id != room_id:
            return 0
        await self._settled()  # a page of history being measured goes in first
        first = model.first_key()
        items = (
            await self._session.room(room_id).timeline_around(first, PAGE_ROWS, newer=False)
            if first
            else []
        )
        await self._settled()
        if model is not self._timeline:
            return 0
        if items:
            self._start_prepend(model, items, False)
            await self._settled()
            return len(items)
        count = await self._session.room(room_id).load_older(limit=PAGE_ROWS)
        await self._settled()  # the page it published is in before the view asks again
        return count

    def _start_prepend(self, model: TimelineModel, items: list, reached: bool) -> None:
        if model.measurer is None:  # no view lays these rows out: in at once
            self._insert_older(model, model.older_rows(items), reached)
        else:
            self._held = []
            self._prepending = asyncio.ensure_future(self._prepend(model, items, reached))

    async def _prepend(self, model: TimelineModel, items: list, reached: bool) -> None:
        """Older rows: measured a few at a time between frames, then inserted at once.

        Laying a row out costs a fraction of a millisecond; a page of them in the frame that
        inserts them made paging back stutter. Core events for the timeline that arrive
        meanwhile are held (`_held`) and applied after, in their order.
        """
        try:
            rows = model.older_rows(items)
            for first in range(0, len(rows), MEASURE_SLICE):
                if not self._showing(model):
                    return  # another room, or the window went away: the cache has the rows
                try:
                    model.measurer(rows[first : first + MEASURE_SLICE])
                except RuntimeError:  # the view's C++ side was deleted meanwhile
                    return
                await asyncio.sleep(0)  # a frame can be painted between two slices
            # The window (and this bridge) may have gone while the page was measured.
            if model is self._timeline and shiboken6.isValid(self):
                self._insert_older(model, rows, reached)
        finally:
            held, self._held = self._held or [], None
            if not shiboken6.isValid(self):
                held = []  # the window closed: nothing to show them in
            for at, ev in enumerate(held):
                if self._held is not None:  # a held page of history started another hold
                    self._held.extend(held[at:])
                    break
                self._apply_to_timeline(ev)

    def _showing(self, model: TimelineModel) -> bool:
        """Whether `model` is still the open room's, in a window that still exists."""
        return (
            shiboken6.isValid(self)
            and model is self._timeline
            and shiboken6.isValid(model)
            and model.measurer is not None
        )

    def _insert_older(self, model: TimelineModel, rows: list, reached: bool) -> None:
        self._make_room_above(model, len(rows))
        model.prepend_rows(rows)
        model.reached_start = model.reached_start or reached
        self.older_loaded.emit(model.room_id, model.reached_start)

    async def _settled(self) -> None:
        """Wait for a page of history being measured to be in."""
        while self._prepending is not None and not self._prepending.done():
            with suppress(asyncio.CancelledError):
                await asyncio.shield(self._prepending)

    async def load_newer(self, room_id: str) -> None:
        """Newer rows from the cache, as the user scrolls back down a window that slid back."""
        model = self._timeline
        if model is None or model.room_id != room_id or not model.has_newer:
            return
        last = model.last_event_key()
        items = (
            await self._session.room(room_id).timeline_around(last, PAGE_ROWS, newer=True)
            if last
            else []
        )
        if model is not self._timeline:
            return
        model.append_items(items)
        if len(items) < PAGE_ROWS:  # the newest rows (and unsent messages) are in
            model.has_newer = False
        self._drop_oldest(model)

    def _make_room_above(self, model: TimelineModel, incoming: int) -> None:
        """Before older rows come in: drop as many of the newest (far below the screen).

        Dropping first lets the view lay the window out once, for the insertion, instead of
        once for it and once more for the removal (each pass measures every row).
        """
        excess = model.rowCount() + incoming - WINDOW_ROWS
        if excess > 0:
            model.remove_rows(model.rowCount() - excess, excess)
            model.has_newer = True

    def _drop_oldest(self, model: TimelineModel) -> None:
        """Coming back down a window that slid back: drop the oldest rows, far above."""
        excess = model.rowCount() - WINDOW_ROWS
        if excess > 0:
            model.remove_rows(0, excess)
            model.reached_start = False

    async def _reload(self, model: TimelineModel, room_id: str) -> None:
        items = await self._session.room(room_id).timeline(limit=max(50, model.rowCount()))
        if model is self._timeline:  # the user may have switched rooms meanwhile
            model.reset_rows(items)
            self.timeline_replaced.emit(room_id)

    def _cancel_reload(self) -> None:
        if self._reload_task is not None and not self._reload_task.done():
            self._reload_task.cancel()
