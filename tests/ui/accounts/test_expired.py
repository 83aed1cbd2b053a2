"""The expired account's screen: blocking (no banner), renewal email once, "I have renewed"."""

from __future__ import annotations

import asyncio

from PySide6.QtCore import Qt

from app.core.errors import ActionError, ActionFailed
from app.core.events import SessionState, SessionStateChanged
from tests.support import eventually, stays_false
from tests.ui.test_chat_view import make as make_chat


async def expired_window(qtbot):
    session, window, _chat = await make_chat(qtbot)
    session.state = SessionState.ACCOUNT_EXPIRED
    session.emit(SessionStateChanged(SessionState.ACCOUNT_EXPIRED, None))
    await eventually(lambda: window.stack.currentWidget() is window.expired)
    return session, window, window.expired


async def test_an_expired_account_blocks_the_chat_with_its_own_screen(qtbot):
    _session, window, view = await expired_window(qtbot)
    assert window.banner.isHidden()  # a screen, not a banner over a chat that cannot work
    assert view.title.text() == "Your account has expired"
    assert view.send_mail.hasFocus() or not window.isActiveWindow()
    for button in (view.send_mail, view.check, view.sign_out):
        assert button.accessibleName()
        assert button.isEnabled()


async def test_the_renewal_email_is_asked_once_while_in_flight(qtbot):
    session, _window, view = await expired_window(qtbot)
    session.gate = asyncio.Event()
    qtbot.mouseClick(view.send_mail, Qt.MouseButton.LeftButton)
    await eventually(lambda: ("send_renewal_mail",) in session.calls)
    assert not view.send_mail.isEnabled()
    view.send_mail.click()  # disabled: nothing happens
    view._on_send_mail()  # even called directly while one runs
    session.gate.set()
    await eventually(lambda: view.status.isVisible())
    assert session.calls.count(("send_renewal_mail",)) == 1
    assert "renewal email is on its way" in view.status.text()
    assert view.status.objectName() == "notice"


async def test_a_server_without_renewal_emails_says_so(qtbot):
    session, _window, view = await expired_window(qtbot)
    session.action_error = ActionFailed(ActionError.NOT_FOUND, "no path")
    view.send_mail.click()
    await eventually(lambda: view.status.isVisible())
    assert "cannot send renewal emails" in view.status.text()
    assert view.status.objectName() == "error"


async def test_i_renewed_while_still_expired_keeps_the_screen(qtbot):
    _session, window, view = await expired_window(qtbot)
    view.check.click()
    await eventually(lambda: view.status.isVisible())
    assert "still expired" in view.status.text()
    assert window.stack.currentWidget() is view


async def test_renewed_goes_back_to_the_chat(qtbot):
    session, window, view = await expired_window(qtbot)
    session.renewed = True
    view.check.click()
    await eventually(lambda: window.stack.currentWidget() is window.chat)
    assert not view._timer.isActive()  # no more checks once renewed


async def test_an_automatic_check_stays_silent(qtbot):
    session, window, view = await expired_window(qtbot)
    view._auto_check()
    await eventually(lambda: ("check_renewed",) in session.calls)
    await stays_false(lambda: view.status.isVisible(), within=0.2)
    assert window.stack.currentWidget() is view


async def test_syncing_again_leaves_the_screen(qtbot):
    session, window, _view = await expired_window(qtbot)
    session.emit(SessionStateChanged(SessionState.SYNCING, None))
    await eventually(lambda: window.stack.currentWidget() is window.chat)
