"""CoreBridge: each core diff lands on the right model method, never a reset on sync."""

from __future__ import annotations

import asyncio
from dataclasses import replace

from PySide6.QtWidgets import QLabel

from app.core.events import (
    EventChanged,
    MessagesAppended,
    ProfileChanged,
    RoomsChanged,
    RoomsRemoved,
    SessionState,
    SessionStateChanged,
    TimelineReset,
)
from tests.ui.demo_data import PROJECT, TELETRAVAIL, demo_session
from tests.ui.fakes import message
from ui.bridge import CoreBridge


async def make(qapp):
    session = demo_session()
    bridge = CoreBridge(session)
    bridge.attach()
    await bridge.load_rooms()
    return session, bridge


async def test_rooms_changed_and_removed_are_diffs(qapp):
    session, bridge = await make(qapp)
    model = bridge.room_list
    resets = []
    model.modelReset.connect(lambda: resets.append(1))
    count = model.rowCount()
    changed = replace(session.rooms[TELETRAVAIL], unread_count=7)
    session.emit(RoomsChanged((changed,)))
    assert model.summary(TELETRAVAIL).unread_count == 7
    session.emit(RoomsRemoved((TELETRAVAIL,)))
    assert model.rowCount() == count - 1 and resets == []


async def test_timeline_events_reach_only_the_open_room(qapp):
    session, bridge = await make(qapp)
    model = await bridge.open_room(PROJECT)
    rows = model.rowCount()
    session.emit(MessagesAppended(TELETRAVAIL, (message(TELETRAVAIL, 1, "@a:x", "A", "hi", 1),)))
    assert model.rowCount() == rows
    key = await session.send_text(PROJECT, "Bonjour")
    assert model.rowCount() == rows + 1 and model.row_of(key) == rows
    session.confirm_send(PROJECT, key, "$sent1")
    assert model.row_of("$sent1") == rows and model.row_of(key) is None


async def test_event_changed_outside_the_window_is_ignored(qapp):
    session, bridge = await make(qapp)
    model = await bridge.open_room(PROJECT)
    rows = model.rowCount()
    session.emit(EventChanged(PROJECT, "$elsewhere", message(PROJECT, 500, "@a:x", "A", "x", 1)))
    assert model.rowCount() == rows


async def test_timeline_reset_reloads_from_the_session(qapp):
    session, bridge = await make(qapp)
    model = await bridge.open_room(PROJECT)
    session.timelines[PROJECT] = session.timelines[PROJECT][-3:]
    replaced = []
    bridge.timeline_replaced.connect(replaced.append)
    session.emit(TimelineReset(PROJECT))
    for _ in range(20):
        if replaced:
            break
        await asyncio.sleep(0.01)
    assert replaced == [PROJECT] and model.rowCount() == 3


async def test_session_state_is_forwarded(qapp):
    session, bridge = await make(qapp)
    seen = []
    bridge.session_state_changed.connect(lambda s, r: seen.append((s, r)))
    session.emit(SessionStateChanged(SessionState.RECONNECTING, 4.0))
    assert seen == [(SessionState.RECONNECTING, 4.0)]


async def test_own_display_name_reaches_the_sidebar(qapp):
    from ui.views.main.chat import ChatView

    session = demo_session()
    chat = ChatView(session)
    await chat.start()
    session.emit(ProfileChanged(session.user_id, "Alice Durand [DINUM]"))
    texts = [label.text() for label in chat.sidebar.findChildren(QLabel)]
    assert "Alice Durand" in texts  # the organisation in brackets is shown apart
    await chat.bridge.shutdown()


async def test_detached_bridge_ignores_events(qapp):
    session, bridge = await make(qapp)
    await bridge.shutdown()
    session.emit(RoomsRemoved((TELETRAVAIL,)))
    assert bridge.room_list.summary(TELETRAVAIL) is not None


async def test_a_large_room_list_paints_one_screen_first_then_the_rest(qapp):
    from app.core.types import Membership, RoomSummary
    from tests.ui.fakes import FakeSession
    from ui.bridge import FIRST_SCREEN_ROOMS

    rooms = [
        RoomSummary(f"!r{i}:s", f"Salon {i}", False, False, Membership.JOIN, last_ts=i)
        for i in range(300)
    ] + [RoomSummary("!inv:s", "Invitation", False, False, Membership.INVITE, last_ts=0)]
    session = FakeSession(rooms=rooms, timelines={})
    bridge = CoreBridge(session)
    bridge.attach()
    firsts = []
    bridge.room_list.modelReset.connect(lambda: firsts.append(bridge.room_list.room_count()))
    await bridge.load_rooms()
    assert firsts == [FIRST_SCREEN_ROOMS]  # what the first paint had: one screen, not 301
    assert ("room_summaries", FIRST_SCREEN_ROOMS) in session.calls
    assert bridge.room_list.room_count() == 301
    assert bridge.room_list.summary("!inv:s") is not None  # invitations come in the first screen
    await bridge.shutdown()


async def test_the_timeline_window_slides_over_the_cache_instead_of_growing(qapp):
    """Paging back far keeps at most WINDOW_ROWS rows; scrolling down comes back from the
    cache; live messages wait in the cache while the window is back in history."""
    from tests.ui.fakes import FakeSession, message
    from ui.bridge import PAGE_ROWS, WINDOW_ROWS

    room = "!long:s"
    history = [
        message(room, i, "@a:s", "A", f"message {i}", ts=1_700_000_000_000 + i) for i in range(1000)
    ]
    session = FakeSession(rooms=[], timelines={room: list(history)})
    bridge = CoreBridge(session)
    bridge.attach()
    model = await bridge.open_room(room, limit=50)
    while not model.reached_start and model.first_key() != "$long-0":
        assert await bridge.load_older(room) > 0
        assert model.rowCount() <= WINDOW_ROWS
    assert model.first_key() == "$long-0" and model.has_newer
    assert ("load_older", room) not in session.calls  # all of it came from the cache

    live = message(room, 5000, "@b:s", "B", "pendant ce temps", ts=1_800_000_000_000)
    session.timelines[room].append(live)
    session.emit(MessagesAppended(room, (live,)))
    assert model.row_of(live.key) is None  # not shown yet: the window is back in history

    while model.has_newer:
        await bridge.load_newer(room)
        assert model.rowCount() <= WINDOW_ROWS + PAGE_ROWS
    assert model.keys()[-2:] == ["$long-999", live.key]
    assert model.rowCount() <= WINDOW_ROWS and not model.reached_start
    await bridge.shutdown()


async def test_older_rows_are_measured_before_they_go_in_and_nothing_meanwhile_is_lost(qapp):
    """A page of history shown in a view is laid out a few rows at a time between frames,
    then inserted at once; timeline events that arrive meanwhile are applied after it."""
    from app.core.events import MessagesPrepended
    from tests.ui.fakes import FakeSession
    from ui.views.room.timeline import TimelineView

    room = "!long:s"
    newest = [message(room, i, "@a:s", "A", f"message {i}", ts=1_700_000_000_000 + i)
              for i in range(100, 150)]  # fmt: skip
    session = FakeSession(rooms=[], timelines={room: list(newest)})
    bridge = CoreBridge(session)
    bridge.attach()
    model = await bridge.open_room(room, limit=50)
    view = TimelineView()
    view.resize(600, 400)
    view.set_timeline(model)
    measured: list[str] = []
    measure = model.measurer
    model.measurer = lambda rows: (measured.extend(r.item.key for r in rows), measure(rows))
    older = tuple(message(room, i, "@b:s", "B", f"older {i}", ts=1_700_000_000_000 + i)
                  for i in range(70, 100))  # fmt: skip
    inserted: list[int] = []
    model.rowsInserted.connect(lambda _p, first, last: inserted.append(last - first + 1))

    session.emit(MessagesPrepended(room, older))
    edited = replace(older[3], body="older 73, corrected")
    session.emit(EventChanged(room, edited.key, edited))
    live = message(room, 150, "@a:s", "A", "live", ts=1_800_000_000_000)
    session.emit(MessagesAppended(room, (live,)))
    assert model.row_of(older[0].key) is None  # not in yet: being measured
    await bridge._settled()

    assert measured == [i.key for i in older]  # every row laid out before the insertion
    assert inserted[0] == len(older)  # one insertion for the page
    assert model.item(model.row_of(edited.key)).body == "older 73, corrected"  # not lost
    assert model.keys()[-1] == live.key and model.first_key() == older[0].key
    view.deleteLater()
    await bridge.shutdown()
