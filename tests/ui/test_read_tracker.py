"""Our read receipt is sent only for what was on screen in the active window."""

from __future__ import annotations

import asyncio

from PySide6.QtWidgets import QWidget

from app.core.types import SendState
from tests.ui.demo_data import PROJECT, demo_session
from tests.ui.fakes import FakeProfile
from ui.views.main.main_window import MainWindow


async def _settle() -> None:
    await asyncio.sleep(0.5)  # longer than the tracker's settling delay


async def test_nothing_is_read_behind_another_window_then_read_once_activated(qtbot):
    session = demo_session()
    window = MainWindow(session, FakeProfile())
    qtbot.addWidget(window)
    window.show()
    await window.show_chat()
    other = QWidget()
    qtbot.addWidget(other)
    other.show()
    other.activateWindow()
    qtbot.waitActive(other)
    assert not window.isActiveWindow()

    await window.chat.open_room(PROJECT)
    await _settle()
    assert ("mark_read", PROJECT) not in session.calls  # loaded, shown, but not looked at

    window.activateWindow()
    qtbot.waitActive(window)
    for _ in range(100):
        if ("mark_read", PROJECT) in session.calls:
            break
        await asyncio.sleep(0.01)
    sent = [i for i in session.timelines[PROJECT] if i.send_state is SendState.SENT]
    assert session.read_up_to[PROJECT] == sent[-1].key


async def test_scrolled_up_reads_only_what_is_on_screen(qtbot):
    session = demo_session()
    window = MainWindow(session, FakeProfile())
    qtbot.addWidget(window)
    window.resize(900, 560)
    window.show()
    await window.show_chat()
    window.activateWindow()
    qtbot.waitActive(window)
    tracker = window.chat.pane.read_tracker
    await window.chat.open_room(PROJECT)
    view = window.chat.pane.timeline
    view.verticalScrollBar().setValue(0)  # the oldest rows on screen
    seen = tracker.newest_seen()
    keys = view.model().keys()
    newest_sent = [i.key for i in session.timelines[PROJECT] if i.send_state is SendState.SENT]
    assert seen is not None and keys.index(seen) < keys.index(newest_sent[-1])
