"""Salons through the real window, the real core and a Synapse running Tchap's access-rules
module: each kind created from "New salon" and checked on the server, then its settings'
general page changing what a second client sees."""

from __future__ import annotations

from urllib.parse import quote

from PySide6.QtGui import QColor, QImage

from app.platform.profile import Profile
from app.rooms.kinds import RoomKind
from app.session import Session
from tests.app.services.test_rooms import ServerView
from tests.support import eventually
from ui.app import create_application
from ui.views.main.main_window import MainWindow


async def _window(hs, user) -> tuple[Session, MainWindow]:
    create_application()
    session = Session(Profile.load(user.localpart))
    await session.login(hs.url, user.user_id, user.password)
    session.start()
    await session.wait_synced()
    window = MainWindow(session, Profile.load(user.localpart))
    window.show()
    await window.show_chat()
    return session, window


async def test_each_kind_created_through_the_window(qapp, rules_synapse, rules_user, tchap_home,
                                                    keyring_backend, tmp_path):  # fmt: skip
    owner, colleague = rules_user("agent"), rules_user("collegue")
    session, window = await _window(rules_synapse, owner)
    server = ServerView(rules_synapse, owner)
    logo = QImage(120, 80, QImage.Format.Format_RGB32)
    logo.fill(QColor("#000091"))
    logo.save(str(tmp_path / "logo.png"))
    try:
        created = {}
        for kind in (RoomKind.FORUM, RoomKind.PRIVATE, RoomKind.EXTERNALS):
            dialog = window.chat.new_room()
            await eventually(lambda d=dialog: d.isVisible())
            dialog.name.setText(f"Salon {kind.value}")
            dialog.topic.setText("Créé depuis la fenêtre")
            dialog.choose_kind(kind)
            assert dialog.picture.set_file(tmp_path / "logo.png")
            assert await dialog.submit() is True
            created[kind] = dialog.room_id
            await eventually(lambda d=dialog: window.chat.current_room == d.room_id)
            assert window.chat.pane.header.kind_text.text() == {
                RoomKind.FORUM: "Forum", RoomKind.PRIVATE: "Private salon",
                RoomKind.EXTERNALS: "Private salon open to externals"}[kind]  # fmt: skip
        for kind, room_id in created.items():
            state = server.state(room_id)
            public = kind is RoomKind.FORUM
            assert state[("m.room.join_rules", "")]["join_rule"] == ("public" if public else "invite")
            rule = "unrestricted" if kind is RoomKind.EXTERNALS else "restricted"
            assert state[("im.vector.room.access_rules", "")]["rule"] == rule
            assert (("m.room.encryption", "") in state) is not public
            history = "shared" if public else "invited"
            assert state[("m.room.history_visibility", "")]["history_visibility"] == history
            assert state[("m.room.avatar", "")]["url"].startswith("mxc://")
            listed = server.call("GET", f"/_matrix/client/v3/directory/list/room/{quote(room_id)}")
            assert listed["visibility"] == ("public" if public else "private")

        # The general page: a colleague in the private salon sees its new name and topic.
        private = created[RoomKind.PRIVATE]
        server.call("POST", f"/_matrix/client/v3/rooms/{quote(private)}/invite",
                    {"user_id": colleague.user_id})  # fmt: skip
        other = ServerView(rules_synapse, colleague)
        other.call("POST", f"/_matrix/client/v3/join/{quote(private)}", {})
        settings = window.chat.open_settings(private)
        page = settings.general
        await eventually(lambda: page.settings is not None)
        page.name.setText("Cellule de coordination")
        page.topic.setText("Sujet changé")
        page.save_button.click()
        await eventually(lambda: page.status.text() == "The change was saved.", timeout=30)
        state = other.state(private)
        assert state[("m.room.name", "")]["name"] == "Cellule de coordination"
        assert state[("m.room.topic", "")]["topic"] == "Sujet changé"
        # One way only: opened to externals after the confirmation, and no way back offered.
        box = page.confirm_open_to_externals()
        next(b for b in box.buttons() if b.text() == "Open to externals").click()
        await eventually(lambda: page.settings is not None
                         and page.settings.kind is RoomKind.EXTERNALS, timeout=30)  # fmt: skip
        assert other.state(private)[("im.vector.room.access_rules", "")]["rule"] == "unrestricted"
        assert not page.open_button.isVisible()
        settings.close()

        # A direct chat: its name cannot be changed, and the page says why.
        dm = await session.create_direct_chat(colleague.user_id)
        await eventually(lambda: window.chat.bridge.room_list.summary(dm) is not None)
        page = window.chat.open_settings(dm).general
        await eventually(lambda: page.settings is not None)
        assert not page.name.isEnabled()
        assert page.name.toolTip() == "A direct chat has no name, topic or picture of its own."
    finally:
        window.close()
        await session.close()
