"""The directory's dialogs with the real core and a real Synapse (Tchap's access rules):
a forum found in the public salons is joined and shows in the room list, then opens; a
person found by email gets a direct chat."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from app.platform.profile import Profile
from app.session import Session
from tests.support import eventually
from ui.app import create_application
from ui.directory.models import PeopleModel
from ui.views.main.main_window import MainWindow


async def signed_in_window(hs, user):
    create_application()
    session = Session(Profile.load())
    await session.login(hs.url, user.user_id, user.password)
    window = MainWindow(session, Profile.load())
    window.show()
    await window.show_chat()
    session.start()
    await session.wait_synced()
    return session, window


async def test_a_forum_joined_from_the_public_salons_is_in_the_room_list_and_opens(
    qapp, rules_synapse, rules_user, tchap_home, keyring_backend
):
    hs = rules_synapse
    owner = rules_user("gui.forum.owner", displayname="Owner Forum [DINUM]")
    token = hs.login(owner.user_id, owner.password)["access_token"]
    body = {"preset": "public_chat", "visibility": "public", "name": "Forum des juristes",
            "topic": "Veille juridique", "initial_state": [{
                "type": "im.vector.room.access_rules", "state_key": "",
                "content": {"rule": "restricted"}}]}  # fmt: skip
    room_id = hs.request("POST", "/_matrix/client/v3/createRoom", body, token=token)["room_id"]
    agent = rules_user("gui.joiner", displayname="Agent Joiner [Justice]")
    session, window = await signed_in_window(hs, agent)
    chat = window.chat
    opened: list[str] = []  # a room whose opening ended (its members were handed over)
    set_members = chat.pane.composer.completion.set_members
    chat.pane.composer.completion.set_members = lambda m: (
        set_members(m),
        opened.append(chat.current_room),
    )
    try:
        dialog = chat.directory.browse_public_rooms()
        QTest.keyClicks(dialog.search, "juristes")
        await eventually(lambda: dialog.model.rowCount() == 1 and dialog.selected() == room_id)
        assert chat.bridge.room_list.summary(room_id) is None
        QTest.mouseClick(dialog.join_button, Qt.MouseButton.LeftButton)
        await eventually(lambda: chat.bridge.room_list.summary(room_id) is not None)
        await eventually(lambda: chat.current_room == room_id and room_id in opened)
        assert not shiboken6.isValid(dialog) or not dialog.isVisible()
        assert chat.bridge.room_list.summary(room_id).name == "Forum des juristes"

        # A person found by email: Enter sends them a message (a direct chat opens).
        people = chat.directory.find_people()
        QTest.keyClicks(people.search, owner.user_id.split(":")[0].lstrip("@"))
        await eventually(lambda: people.model.rowCount() >= 1)
        found = people.model.index(0)
        assert found.data(PeopleModel.Role.USER_ID) == owner.user_id
        assert found.data(PeopleModel.Role.ORGANISATION) == "DINUM"
        QTest.keyClick(people.search, Qt.Key.Key_Return)
        await eventually(lambda: chat.current_room not in ("", room_id), timeout=30)
        assert chat.bridge.room_list.summary(chat.current_room).is_direct
        await eventually(lambda: chat.current_room in opened)
    finally:
        await window.chat.bridge.shutdown()
        await session.close()
        window.close()
