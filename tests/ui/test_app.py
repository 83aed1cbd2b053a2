"""ui.app.main: restore paints the cached rooms and starts sync; closing closes the session."""

from __future__ import annotations

import asyncio

from PySide6.QtWidgets import QApplication

from tests.ui.demo_data import demo_session
from tests.ui.fakes import FakeProfile
from ui.app import create_application, main


def windows():
    from ui.views.main_window import MainWindow

    return [
        w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()
    ]


async def run_until_shown(session):
    task = asyncio.ensure_future(main(session, FakeProfile()))
    for _ in range(100):
        if windows() and (session.started or ("restore",) in session.calls):
            break
        await asyncio.sleep(0.01)
    return task, windows()[-1]


async def test_restored_session_shows_rooms_at_once_and_starts(qapp):
    assert create_application() is qapp
    session = demo_session()
    session.restorable = True
    task, window = await run_until_shown(session)
    assert window.stack.currentWidget() is window.chat
    assert window.chat.bridge.room_list.rowCount() == len(session.rooms)
    assert session.started
    window.close()
    assert await asyncio.wait_for(task, 5) == 0
    assert session.closed


async def test_no_stored_session_shows_sign_in(qapp):
    session = demo_session()
    task, window = await run_until_shown(session)
    assert window.stack.currentWidget() is window.login
    assert not session.started
    window.close()
    await asyncio.wait_for(task, 5)
    assert session.closed
