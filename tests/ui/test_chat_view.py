"""ChatView and MainWindow with a FakeSession: opening rooms, sending, invitations, dialogs."""

from __future__ import annotations

import asyncio

from PySide6.QtCore import Qt

from app.core.errors import ActionError, ActionFailed
from app.core.events import SessionState
from app.core.types import SendState
from app.rooms.kinds import RoomKind
from tests.support import eventually
from tests.ui.demo_data import DM_CAMILLE, INVITE, PROJECT, TELETRAVAIL, demo_session
from tests.ui.fakes import FakeProfile
from ui.views.main.main_window import MainWindow


async def make(qtbot):
    session = demo_session()
    window = MainWindow(session, FakeProfile())
    qtbot.addWidget(window)
    window.show()
    await window.show_chat()
    return session, window, window.chat


async def test_opening_a_room_shows_its_timeline_and_marks_it_read(qtbot):
    session, window, chat = await make(qtbot)
    window.activateWindow()
    qtbot.waitActive(window)
    await chat.open_room(PROJECT)
    assert chat.pane.stack.currentWidget() is not chat.pane.empty
    assert chat.pane.header.name.text() == "Projet Tchap Desktop"
    assert not chat.pane.header.lock.isHidden()
    assert chat.pane.timeline.model().rowCount() == len(session.timelines[PROJECT])
    # Read up to the newest message, once it was on screen in the active window.
    await eventually(lambda: ("mark_read", PROJECT) in session.calls)
    sent = [i for i in session.timelines[PROJECT] if i.send_state is SendState.SENT]
    assert session.read_up_to[PROJECT] == sent[-1].key  # not an unsent echo of ours


async def test_messages_arriving_in_the_open_room_are_marked_read(qtbot):
    from app.core.events import MessagesAppended
    from tests.ui.fakes import message

    session, window, chat = await make(qtbot)
    window.activateWindow()
    qtbot.waitActive(window)
    await chat.open_room(PROJECT)
    await eventually(lambda: ("mark_read", PROJECT) in session.calls)
    session.calls.clear()
    last = session.timelines[PROJECT][-1]
    new = message(PROJECT, 999, last.sender, last.sender_name, "Du nouveau", last.ts + 1000)
    session.emit(MessagesAppended(PROJECT, (new,)))
    await eventually(lambda: session.read_up_to.get(PROJECT) == new.key)
    session.calls.clear()
    other = message(TELETRAVAIL, 999, last.sender, last.sender_name, "Ailleurs", last.ts + 2000)
    session.emit(MessagesAppended(TELETRAVAIL, (other,)))
    await asyncio.sleep(0.4)
    assert ("mark_read", TELETRAVAIL) not in session.calls  # not the room on screen


async def test_enter_in_the_composer_sends_and_shows_the_local_echo(qtbot):
    session, _window, chat = await make(qtbot)
    await chat.open_room(TELETRAVAIL)
    qtbot.keyClicks(chat.pane.composer.edit, "On se voit demain")
    qtbot.keyClick(chat.pane.composer.edit, Qt.Key.Key_Return)
    await eventually(lambda: ("send_text", TELETRAVAIL, "On se voit demain") in session.calls)
    model = chat.bridge.timeline
    assert model.item(model.rowCount() - 1).send_state is SendState.SENDING
    assert chat.pane.composer.edit.toPlainText() == ""


async def test_discarding_a_failed_message_removes_its_row(qtbot):
    session, _window, chat = await make(qtbot)
    await chat.open_room(PROJECT)
    model = chat.bridge.timeline
    failed = next(model.item(r) for r in range(model.rowCount())
                  if model.item(r).send_state is SendState.FAILED)  # fmt: skip
    chat.pane.timeline.discard_requested.emit(failed.key)
    await eventually(lambda: model.row_of(failed.key) is None)
    assert ("discard_send", PROJECT, failed.key) in session.calls


async def test_invitation_panel_accept_then_timeline(qtbot):
    session, _window, chat = await make(qtbot)
    await chat.open_room(INVITE)
    assert chat.pane.stack.currentWidget() is chat.pane.invite
    assert "Jean Dupont" in chat.pane.invite.title.text()
    chat.pane.invite.accept_button.click()
    await eventually(lambda: chat.pane.stack.currentWidget() is not chat.pane.invite)
    assert ("accept_invite", INVITE) in session.calls
    assert chat.bridge.timeline.room_id == INVITE


async def test_declining_shows_an_error_when_refused(qtbot):
    session, _window, chat = await make(qtbot)
    await chat.open_room(INVITE)
    session.action_error = ActionFailed(ActionError.NETWORK)
    await chat.answer_invite(INVITE, accept=False)
    assert "cannot be reached" in chat.pane.invite.error.text()
    assert chat.pane.invite.accept_button.isEnabled()


async def test_leave_asks_first_then_leaves(qtbot):
    session, _window, chat = await make(qtbot)
    await chat.open_room(DM_CAMILLE)
    dialog = chat.confirm_leave(DM_CAMILLE)
    assert "Camille Martin" in dialog.text.text()
    assert ("leave_room", DM_CAMILLE) not in session.calls
    dialog.confirm_button.click()
    await eventually(lambda: ("leave_room", DM_CAMILLE) in session.calls)
    assert chat.bridge.room_list.summary(DM_CAMILLE) is None
    assert chat.pane.stack.currentWidget() is chat.pane.empty


async def test_new_direct_chat_validates_and_keeps_text_on_failure(qtbot):
    session, _window, chat = await make(qtbot)
    dialog = chat.new_direct_chat()
    dialog.user_id.setText("camille.martin")
    assert await dialog.submit() is False
    assert "Matrix ID" in dialog.error.text() and dialog.isVisible()
    session.action_error = ActionFailed(ActionError.FORBIDDEN)
    dialog.user_id.setText("@camille:agent.tchap.gouv.fr")
    assert await dialog.submit() is False
    assert dialog.user_id.text() == "@camille:agent.tchap.gouv.fr"
    assert dialog.error.text() == "You are not allowed to do this."
    session.action_error = None
    assert await dialog.submit() is True
    await eventually(lambda: chat.current_room == dialog.room_id)


async def test_new_salon_is_created_and_opened(qtbot):
    session, _window, chat = await make(qtbot)
    dialog = chat.new_room()
    assert await dialog.submit() is False  # no name
    dialog.name.setText("Groupe de travail IA")
    dialog.topic.setText("Veille et expérimentations")
    assert await dialog.submit() is True
    assert ("create_salon", "Groupe de travail IA", "Veille et expérimentations",
            RoomKind.PRIVATE, None) in session.calls  # fmt: skip
    await eventually(lambda: chat.current_room == dialog.room_id)


async def test_session_states_drive_banner_and_sign_in_screen(qtbot):
    _session, window, chat = await make(qtbot)
    window.on_session_state(SessionState.RECONNECTING, 5.0)
    assert window.banner.text() == "Connection lost. Retrying in 5 s…"
    assert not window.banner.isHidden()
    window.on_session_state(SessionState.SYNCING, None)
    assert window.banner.isHidden()
    window.on_session_state(SessionState.TOKEN_INVALID, None)
    assert window.stack.currentWidget() is window.login
    assert "session has ended" in window.login.error.text()
    assert chat.bridge.room_list.room_count() == 0


async def test_sign_out_goes_back_to_the_sign_in_screen(qtbot):
    session, window, _chat = await make(qtbot)
    await window.sign_out()
    assert ("logout",) in session.calls
    assert window.stack.currentWidget() is window.login


async def test_search_filters_the_room_list(qtbot):
    _session, _window, chat = await make(qtbot)
    chat.sidebar.search.setText("camille")
    assert chat.proxy.rowCount() == 1
    chat.sidebar.search.setText("zzz")
    assert chat.proxy.rowCount() == 0 and not chat.sidebar.empty.isHidden()
    assert chat.sidebar.rooms.empty_text() == ""  # said once, by the label, not painted too


async def test_empty_room_list_says_loading_during_the_first_sync(qtbot):
    from app.core.events import SessionStateChanged
    from tests.ui.fakes import FakeSession

    session = FakeSession(rooms=[], timelines={})
    window = MainWindow(session, FakeProfile())
    qtbot.addWidget(window)
    window.show()
    await window.show_chat()
    rooms = window.chat.sidebar.rooms
    session.emit(SessionStateChanged(SessionState.STARTING, None))
    assert rooms._loading
    session.emit(SessionStateChanged(SessionState.SYNCING, None))
    assert not rooms._loading


async def test_chosen_or_dropped_files_are_sent_and_can_be_cancelled(qtbot, tmp_path):
    from PySide6.QtCore import QMimeData, QPointF, QUrl
    from PySide6.QtGui import QDropEvent

    from app.core.events import UploadProgress
    from app.core.types import ItemKind

    session, _window, chat = await make(qtbot)
    await chat.open_room(TELETRAVAIL)
    report = tmp_path / "rapport.pdf"
    report.write_bytes(b"%PDF" * 100)
    chat.pane.composer.files_chosen.emit(TELETRAVAIL, [str(report)])
    await eventually(lambda: ("send_file", TELETRAVAIL, str(report)) in session.calls)
    model = chat.bridge.timeline
    echo = model.item(model.rowCount() - 1)
    assert echo.kind is ItemKind.MEDIA and echo.media == {"name": "rapport.pdf", "size": 400}
    session.emit(UploadProgress(TELETRAVAIL, echo.key, 100, 400))
    assert model.progress(echo.key) == (100, 400)

    chat.pane.timeline.cancel_requested.emit(echo.key)
    await eventually(lambda: model.row_of(echo.key) is None)
    assert ("cancel_send", TELETRAVAIL, echo.key) in session.calls

    photo = tmp_path / "photo.jpg"
    photo.write_bytes(b"\xff\xd8")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(photo))])
    area = chat.pane.composer.parentWidget()
    drop = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                      Qt.KeyboardModifier.NoModifier)  # fmt: skip
    area.dropEvent(drop)
    await eventually(lambda: ("send_file", TELETRAVAIL, str(photo)) in session.calls)


async def test_a_file_that_cannot_be_read_says_so(qtbot, tmp_path):
    session, _window, chat = await make(qtbot)
    await chat.open_room(TELETRAVAIL)
    session.action_error = ActionFailed(ActionError.UNREADABLE_FILE)
    errors = []
    chat.error_occurred.connect(errors.append)
    await chat.send_files(TELETRAVAIL, [str(tmp_path / "absent.pdf")])
    assert errors and "cannot be read" in errors[0]


async def test_a_refused_reaction_is_said_in_the_banner(qtbot):
    from app.core.events import OperationRefused

    session, _window, chat = await make(qtbot)
    with qtbot.waitSignal(chat.error_occurred) as said:
        session.emit(OperationRefused(PROJECT, "t1", "event", "m.reaction", "403 M_FORBIDDEN"))
    assert said.args == ["The server refused your reaction. It was removed."]
