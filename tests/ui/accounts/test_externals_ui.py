"""External users in the UI: the "External" badge beside their names (room list, timeline,
mention proposals), the organisation apart, and what an external account cannot do shown
disabled with the reason."""

from __future__ import annotations

import time

from PySide6.QtGui import QColor, QImage

from app.core.types import Membership, RoomSummary
from tests.support import eventually
from tests.ui.fakes import FakeProfile, FakeSession, message
from ui.accounts import people
from ui.dialogs.new_direct_chat import NewDirectChatDialog
from ui.views.main.main_window import MainWindow

AGENT = "@sophie.durand-finances.gouv.fr:agent.finances.tchap.gouv.fr"
GUEST = "@ana.lopez-gmail.com:agent.externe.tchap.gouv.fr"
OTHER_GUEST = "@bob:e.tchap.gouv.fr"
DM = "!dm:tchap.test"


def _session(user_id: str = AGENT) -> FakeSession:
    now = int(time.time() * 1000)
    rooms = [RoomSummary(DM, "Ana Lopez [Consultante]", True, True, Membership.JOIN,
                         last_ts=now, direct_user_id=GUEST)]  # fmt: skip
    timeline = [message(DM, 1, GUEST, "Ana Lopez [Consultante]", "Bonjour !", now)]
    return FakeSession(rooms=rooms, timelines={DM: timeline}, user_id=user_id,
                       display_name="Sophie Durand [Finances]")  # fmt: skip


async def _window(qtbot, session: FakeSession) -> MainWindow:
    window = MainWindow(session, FakeProfile())
    qtbot.addWidget(window)
    window.resize(1180, 760)
    window.show()
    await window.show_chat()
    return window


def _badge_pixels(image: QImage) -> int:
    badge = QColor(people.BADGE_BACKGROUND).rgb()
    return sum(
        1 for y in range(0, image.height(), 2) for x in range(0, image.width(), 2)
        if image.pixel(x, y) == badge
    )  # fmt: skip


def test_is_external_follows_the_signed_in_sessions_rules():
    people.set_externals(_session().externals)
    assert people.is_external(GUEST) and people.is_external(OTHER_GUEST)
    assert not people.is_external(AGENT) and not people.is_external("")
    assert (
        people.plain_label("Ana Lopez [Consultante]", GUEST)
        == "Ana Lopez  ·  Consultante  ·  External"
    )
    assert people.plain_label("Jean Martin [DINUM]", AGENT) == "Jean Martin  ·  DINUM"


async def test_an_external_is_badged_in_the_room_list_and_the_timeline(qtbot):
    session = _session()
    window = await _window(qtbot, session)
    rooms = window.chat.sidebar.rooms
    await qtbot_wait_rows(qtbot, rooms)
    assert _badge_pixels(rooms.viewport().grab().toImage()) > 20
    await window.chat.open_room(DM)
    timeline = window.chat.pane.timeline
    await eventually(lambda: timeline.model().rowCount() == 1)
    assert _badge_pixels(timeline.viewport().grab().toImage()) > 20
    header = window.chat.pane.header  # the person's name, then organisation and badge
    assert header.name.text() == "Ana Lopez"
    assert header.topic.text() == "Consultante  ·  External"
    # The open room asked for its history: let that finish before the window goes.
    await eventually(lambda: ("load_older", DM) in session.calls)
    await eventually(lambda: window.chat.bridge.room_list.summary(DM) is not None)
    await window.chat.bridge.shutdown()


async def test_an_agent_is_not_badged(qtbot):
    session = _session()
    session.rooms[DM] = RoomSummary(DM, "Jean Martin [DINUM]", True, True, Membership.JOIN,
                                    last_ts=int(time.time() * 1000), direct_user_id=AGENT.replace("sophie", "jean"))  # fmt: skip
    window = await _window(qtbot, session)
    rooms = window.chat.sidebar.rooms
    await qtbot_wait_rows(qtbot, rooms)
    assert _badge_pixels(rooms.viewport().grab().toImage()) == 0


async def qtbot_wait_rows(qtbot, view) -> None:
    await eventually(lambda: view.model().rowCount() > 0)


async def test_an_external_account_sees_salon_creation_disabled_with_the_reason(qtbot):
    window = await _window(qtbot, _session(GUEST))
    action = window.chat.sidebar.new_room_action
    assert not action.isEnabled()
    assert action.toolTip() == "External users cannot create salons."
    assert "External" in window.chat.sidebar.user_id.text()  # the account itself


async def test_an_agent_may_create_salons(qtbot):
    window = await _window(qtbot, _session(AGENT))
    assert window.chat.sidebar.new_room_action.isEnabled()


async def test_two_externals_cannot_start_a_direct_chat(qtbot):
    session = _session(GUEST)
    dialog = NewDirectChatDialog(session)
    qtbot.addWidget(dialog)
    dialog.open()
    dialog.user_id.setText(OTHER_GUEST)
    assert not dialog.confirm_button.isEnabled()
    assert dialog.error.text() == (
        "External users cannot start a direct chat with another external user."
    )
    assert await dialog.submit() is False  # Enter in the field: still refused
    assert not any(c[0] == "create_direct_chat" for c in session.calls)
    dialog.user_id.setText(AGENT)
    assert dialog.confirm_button.isEnabled() and dialog.error.isHidden()
    assert await dialog.submit() is True


def test_room_previews_name_people_without_their_organisation():
    from ui.views.main.room_row import preview_text

    salon = RoomSummary("!s:x", "Projet", False, True, Membership.JOIN,
                        last_sender="Camille Martin [Intérieur]", last_body="À demain")  # fmt: skip
    assert preview_text(salon) == "Camille Martin: À demain"
    invite = RoomSummary("!i:x", "Cellule", False, True, Membership.INVITE,
                         inviter="Jean Dupont [Intérieur]")  # fmt: skip
    assert preview_text(invite) == "Invitation from Jean Dupont"
