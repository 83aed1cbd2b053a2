"""MainWindow's known failures: sign-out confirmed first, a failed start with "Retry",
dialogs that open in their first field and create once."""

from __future__ import annotations

import asyncio

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from app.core.events import SessionState, SessionStateChanged, StartProblem
from tests.support import eventually, stays_false
from tests.ui.test_chat_view import make as make_chat
from ui.dialogs.new_direct_chat import NewDirectChatDialog
from ui.rooms.new_salon import NewSalonDialog


async def make(qtbot):
    session, window, _chat = await make_chat(qtbot)
    return session, window


def _button(box: QMessageBox, text: str):
    return next(b for b in box.buttons() if b.text() == text)


async def test_sign_out_asks_first_and_says_what_is_lost(qtbot):
    session, window = await make(qtbot)
    box = window.confirm_sign_out()
    assert "encryption keys" in box.informativeText()
    assert box.defaultButton() is box.button(QMessageBox.StandardButton.Cancel)
    box.button(QMessageBox.StandardButton.Cancel).click()
    await stays_false(lambda: ("logout",) in session.calls, within=0.2)  # a sign-out's moment
    assert window.stack.currentWidget() is window.chat

    box = window.confirm_sign_out()
    _button(box, "Sign out").click()
    await eventually(lambda: window.stack.currentWidget() is window.login)
    assert session.calls.count(("logout",)) == 1
    assert window.login.error.text() == "You are signed out."
    assert window.login.error.objectName() == "notice"  # not shown as an error


async def test_a_second_sign_out_while_one_runs_is_ignored(qtbot):
    session, window = await make(qtbot)
    gate = asyncio.Event()
    real_logout = session.logout

    async def slow_logout():
        await gate.wait()
        await real_logout()

    session.logout = slow_logout
    first = asyncio.ensure_future(window.sign_out())
    await asyncio.sleep(0)
    assert window.banner.text() == "Signing out…"
    await window.sign_out()  # returns at once: one is in flight
    gate.set()
    await first
    assert session.calls.count(("logout",)) == 1


async def test_a_failed_start_shows_why_and_retries(qtbot):
    session, window = await make(qtbot)
    session.emit(SessionStateChanged(SessionState.START_FAILED, None, StartProblem.KEYRING))
    assert window.stack.currentWidget() is window.start_failed
    assert "keyring" in window.start_failed.reason.text()
    assert window.start_failed.retry.hasFocus() or not window.isActiveWindow()
    window.start_failed.retry.click()
    await eventually(lambda: ("retry_start",) in session.calls)
    await eventually(lambda: window.stack.currentWidget() is window.chat)


async def test_cache_unavailable_offers_to_start_again(qtbot):
    session, window = await make(qtbot)
    session.emit(SessionStateChanged(SessionState.CACHE_UNAVAILABLE, None, StartProblem.CACHE))
    assert window.stack.currentWidget() is window.start_failed
    assert "disk may be full" in window.start_failed.reason.text()
    window.start_failed.reset.click()  # asks first, as every sign-out does
    box = next(w for w in window.findChildren(QMessageBox) if w.isVisible())
    _button(box, "Sign out").click()
    await eventually(lambda: ("logout",) in session.calls)


async def test_a_dialog_opens_in_its_first_field_and_keeps_every_word(qtbot):
    session, window = await make(qtbot)
    dialog = NewSalonDialog(session, window)
    dialog.open()
    await eventually(lambda: dialog.isVisible())
    assert dialog.focusWidget() is dialog.name
    qtbot.keyClicks(dialog.focusWidget(), "Cellule de crise")
    assert dialog.name.text() == "Cellule de crise"


async def test_the_error_line_makes_the_dialog_grow_instead_of_squeezing_fields(qtbot):
    session, window = await make(qtbot)
    dialog = NewSalonDialog(session, window)
    dialog.open()
    await eventually(lambda: dialog.isVisible())
    topic_height = dialog.topic.height()
    dialog.show_error("Un message d'erreur assez long pour prendre deux lignes " * 3)
    await eventually(lambda: dialog.height() >= dialog.minimumSizeHint().height())
    await asyncio.sleep(0)
    assert dialog.topic.height() >= topic_height


async def test_one_enter_creates_one_direct_chat(qtbot):
    session, window = await make(qtbot)
    gate = asyncio.Event()
    real = session.create_direct_chat

    async def slow(user_id):
        await gate.wait()
        return await real(user_id)

    session.create_direct_chat = slow
    dialog = NewDirectChatDialog(session, window)
    dialog.open()
    await eventually(lambda: dialog.isVisible())
    field = dialog.focusWidget()
    qtbot.keyClicks(field, "@camille.martin:agent.interieur.tchap.gouv.fr")
    qtbot.keyClick(field, Qt.Key.Key_Return)  # the field's Enter and the default button
    qtbot.keyClick(field, Qt.Key.Key_Return)
    creating = [c for c in session.calls if c[0] == "create_direct_chat"]
    await stays_false(lambda: len([c for c in session.calls if c[0] == "create_direct_chat"])
                      > len(creating), within=0.2)  # while the first one is in flight  # fmt: skip
    gate.set()
    await eventually(lambda: dialog.result() == dialog.DialogCode.Accepted)
    creations = [c for c in session.calls if c[0] == "create_direct_chat"]
    assert len(creations) == 1
