"""The real window, the real core, a real Synapse: what a person does, end to end.

Offscreen Qt, the real `Session`, a nio peer on the other side. Async tests (the qasync loop
runs underneath), so conditions are awaited with `eventually`, never `qtbot.waitUntil`.
"""

from __future__ import annotations

import json

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from app.core.events import SessionState
from app.core.types import ItemKind, SendState
from app.platform.profile import Profile
from app.session import Session
from tests.support import eventually, fake_http_server
from ui.app import create_application
from ui.models.timeline import TimelineModel
from ui.views.main.main_window import MainWindow


def bodies(model: TimelineModel) -> list[str]:
    items = [model.item(row) for row in range(model.rowCount())]
    return [i.body for i in items if i.kind is ItemKind.TEXT]


async def test_sign_in_chat_and_restart(
    qapp, synapse, make_user, tchap_home, keyring_backend, nio_peer
):
    alice = make_user("alice", displayname="Alice Durand [DINUM]")
    bob = make_user("bob", displayname="Bob Leroy [Finances]")
    peer = await nio_peer(bob)
    room_id = await peer.create_room(encrypted=True, invite=[alice.user_id], name="Projet Tchap")

    create_application()  # as the product does: name, icon, style, no quit on last window
    session = Session(Profile.load())
    window = MainWindow(session, Profile.load())
    window.show()
    window.show_login()
    try:
        # Sign in through the form, as a person would.
        login = window.login
        QTest.mouseClick(login.server.other, Qt.MouseButton.LeftButton)  # a non-Tchap server
        login.homeserver.setText(synapse.url)
        QTest.keyClicks(login.identifier, alice.user_id)
        QTest.keyClicks(login.password, alice.password)
        QTest.mouseClick(login.button, Qt.MouseButton.LeftButton)
        await eventually(lambda: window.stack.currentWidget() is window.chat, timeout=30)
        rooms = window.chat.bridge.room_list
        await eventually(lambda: rooms.summary(room_id) is not None)

        # Accept the invitation from its panel, then the room opens with its timeline.
        await window.chat.open_room(room_id)
        assert window.chat.pane.stack.currentWidget() is window.chat.pane.invite
        QTest.mouseClick(window.chat.pane.invite.accept_button, Qt.MouseButton.LeftButton)
        await eventually(lambda: window.chat.bridge.timeline is not None
                         and window.chat.pane.stack.currentWidget() is not window.chat.pane.invite)  # fmt: skip
        await peer.wait_member(room_id, alice.user_id)

        # Type a message and press Enter: the peer receives it, decrypted.
        edit = window.chat.pane.composer.edit
        QTest.keyClicks(edit, "Bonjour **Bob**")
        QTest.keyClick(edit, Qt.Key.Key_Return)
        assert edit.toPlainText() == ""  # cleared at once; the local echo shows
        received = await peer.wait_for_text(room_id, "Bonjour **Bob**", timeout=30)
        assert received.decrypted
        model = window.chat.bridge.timeline

        def own_message_sent() -> bool:
            items = [model.item(r) for r in range(model.rowCount())]
            mine = [i for i in items if i.body == "Bonjour **Bob**"]
            return len(mine) == 1 and mine[0].send_state is SendState.SENT and mine[0].is_own

        await eventually(own_message_sent)  # the local echo became the sent event, once

        # The peer answers: the reply appears in the open timeline.
        await peer.send_text(room_id, "Bien reçu, Alice")
        await eventually(lambda: "Bien reçu, Alice" in bodies(window.chat.bridge.timeline))
        window.grab().save(str(tchap_home / "chat.png"))
    finally:
        await window.chat.bridge.shutdown()
        await session.close()
        window.close()

    # Restart with the cached session while the network hangs: the room list is painted anyway.
    profile = Profile.load()
    account = profile.read_account()
    async with fake_http_server({}, hang=True) as black_hole:
        profile.write_account({**account, "homeserver": black_hole})
        session = Session(profile)
        window = MainWindow(session, profile)
        window.show()
        try:
            assert await session.restore()
            await window.chat.start()
            session.start()
            names = [window.chat.bridge.room_list.summary(room_id).name]
            assert names == ["Projet Tchap"]
            assert session.state is SessionState.STARTING  # no sync has answered
            await window.chat.open_room(room_id)
            assert "Bien reçu, Alice" in bodies(window.chat.bridge.timeline)
        finally:
            await window.chat.bridge.shutdown()
            await session.close()
            window.close()
        profile.write_account(account)


async def test_wrong_password_in_the_form_keeps_what_was_typed(
    qapp, synapse, make_user, tchap_home, keyring_backend
):
    alice = make_user("form")
    create_application()
    session = Session(Profile.load())
    window = MainWindow(session, Profile.load())
    window.show_login()
    login = window.login
    login.server.other.setChecked(True)  # "Other server…"
    login.homeserver.setText(synapse.url)
    login.identifier.setText(alice.user_id)
    login.password.setText("wrong password")
    assert not await login.sign_in()
    assert login.identifier.text() == alice.user_id and login.homeserver.text() == synapse.url
    assert login.error.isVisibleTo(window) and login.error.text()
    assert window.stack.currentWidget() is login
    window.close()
    await session.close()
    assert json.dumps(Profile.load().read_account()) == "null"
