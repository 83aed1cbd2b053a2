"""The public salons on a FakeSession: the model, the server's search, pages as the list
scrolls, "Join" once while in flight, a joined salon opened, errors in words."""

from __future__ import annotations

import asyncio

import shiboken6
from PySide6.QtCore import Qt

from app.core.errors import ActionError, ActionFailed
from tests.support import eventually
from tests.ui.demo_data import TELETRAVAIL, demo_session
from tests.ui.fake_directory import forum
from tests.ui.fakes import FakeProfile
from ui.directory import texts as dtexts
from ui.directory.models import PublicRoomsModel
from ui.views.main.main_window import MainWindow


async def make(qtbot, forums):
    session = demo_session()
    session.directory.forums = forums
    window = MainWindow(session, FakeProfile())
    qtbot.addWidget(window)
    window.show()
    await window.show_chat()
    dialog = window.chat.directory.browse_public_rooms()
    await eventually(dialog.isVisible)
    return session, window, dialog


def listed(session) -> list[tuple]:
    return [c for c in session.calls if c[0] == "public_rooms"]


def test_public_rooms_model_passes_qtmodeltester(qtmodeltester):
    model = PublicRoomsModel(is_joined=lambda room_id: room_id == "!forum1:tchap.test")
    model.set_rooms([forum(0), forum(1)])
    qtmodeltester.check(model)
    model.add_page([forum(1), forum(2)])  # a salon already listed is not listed twice
    assert model.rowCount() == 3
    model.set_joining("!forum2:tchap.test", True)
    model.set_joined("!forum2:tchap.test")
    model.set_rooms([forum(5)])
    qtmodeltester.check(model)
    model.set_rooms([forum(0), forum(1, members=12, topic="Sujet")])
    second = model.index(1)
    assert second.data(PublicRoomsModel.Role.JOINED) is True
    assert second.data(PublicRoomsModel.Role.MEMBERS) == 12
    assert "Sujet" in second.data(Qt.ItemDataRole.DisplayRole)


async def test_lists_searches_on_the_server_and_loads_pages_as_it_scrolls(qtbot):
    forums = [forum(n, f"Salon {n:02d}", members=n) for n in range(70)]
    session, _window, dialog = await make(qtbot, forums)
    assert dialog.focusWidget() is dialog.search
    await eventually(lambda: dialog.model.rowCount() >= 30)
    assert listed(session)[0] == ("public_rooms", "", None)
    bar = dialog.list.verticalScrollBar()
    await eventually(lambda: bar.maximum() > 0)
    count = dialog.model.rowCount()
    bar.setValue(bar.maximum())  # the end of the list: the next page comes
    await eventually(lambda: dialog.model.rowCount() > count)
    bar.setValue(bar.maximum())
    await eventually(lambda: dialog.model.rowCount() == 70)
    assert len({c[2] for c in listed(session)}) == len(listed(session))  # each page once
    dialog.search.setText("Salon 42")
    await eventually(lambda: dialog.model.rowCount() == 1)
    assert listed(session)[-1] == ("public_rooms", "Salon 42", None)
    dialog.search.setText("rien de tel")
    await eventually(lambda: dialog.state.text() == dtexts.no_rooms("rien de tel"))


async def test_join_runs_once_and_opens_the_salon_in_the_room_list(qtbot):
    session, window, dialog = await make(qtbot, [forum(0, "Forum des achats", topic="Marchés")])
    await eventually(lambda: dialog.model.rowCount() == 1)
    assert dialog.join_button.text() == "Join"
    gate = session.directory.gate = asyncio.Event()
    qtbot.mouseClick(dialog.join_button, Qt.MouseButton.LeftButton)
    qtbot.keyClick(dialog.list, Qt.Key.Key_Return)  # again while in flight
    await eventually(lambda: not dialog.join_button.isEnabled())
    assert dialog.model.index(0).data(PublicRoomsModel.Role.JOINING) is True
    gate.set()
    await eventually(lambda: not shiboken6.isValid(dialog) or not dialog.isVisible())
    assert [c for c in session.calls if c[0] == "join"] == [("join", "!forum0:tchap.test")]
    await eventually(lambda: window.chat.current_room == "!forum0:tchap.test")
    assert window.chat.bridge.room_list.summary("!forum0:tchap.test") is not None


async def test_a_joined_salon_offers_open(qtbot):
    joined = forum(0, "Télétravail")
    joined = joined.__class__(TELETRAVAIL, "Télétravail", "", 14, "", "")
    session, window, dialog = await make(qtbot, [joined])
    await eventually(lambda: dialog.model.rowCount() == 1)
    assert dialog.join_button.text() == "Open"
    assert dialog.model.index(0).data(PublicRoomsModel.Role.JOINED) is True
    qtbot.mouseClick(dialog.join_button, Qt.MouseButton.LeftButton)
    await eventually(lambda: window.chat.current_room == TELETRAVAIL)
    assert not [c for c in session.calls if c[0] == "join"]


async def test_refusals_and_errors_are_sentences(qtbot):
    session, _window, dialog = await make(qtbot, [forum(0)])
    await eventually(lambda: dialog.model.rowCount() == 1)
    session.directory.error = ActionFailed(ActionError.FORBIDDEN, "M_FORBIDDEN")
    qtbot.mouseClick(dialog.join_button, Qt.MouseButton.LeftButton)
    await eventually(lambda: dialog.error.text() == dtexts.join_error(session.directory.error))
    assert "M_FORBIDDEN" not in dialog.error.text()
    assert dialog.join_button.isEnabled()  # it may be tried again
    session.directory.error = ActionFailed(ActionError.NETWORK)
    dialog.search.setText("x")
    await eventually(lambda: dialog.state.text() == dtexts.rooms_error(session.directory.error))
