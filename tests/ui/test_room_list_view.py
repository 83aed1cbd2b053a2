"""The room list on screen: folding sections (remembered), the filter, the keyboard and the
context menu, with a FakeSession."""

from __future__ import annotations

import asyncio
from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from app.core.events import RoomsChanged
from tests.ui.demo_data import DM_CAMILLE, INVITE, PROJECT, TELETRAVAIL, demo_session
from tests.ui.fakes import FakeConfig, FakeProfile
from ui.dialogs.confirm import ConfirmLeaveDialog
from ui.models.room_list import RoomListModel, Section
from ui.views.main.main_window import MainWindow
from ui.views.main.room_menu import RoomAction


async def until(condition, tries: int = 100) -> None:
    for _ in range(tries):
        if condition():
            return
        await asyncio.sleep(0.01)
    raise AssertionError("condition never became true")


async def make(qtbot, config: FakeConfig | None = None, session=None):
    session = session or demo_session()
    window = MainWindow(session, FakeProfile(config or FakeConfig()))
    qtbot.addWidget(window)
    window.show()
    await window.show_chat()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return session, window, window.chat


def shown(chat) -> list[str]:
    proxy = chat.proxy
    return [proxy.index(r, 0).data() for r in range(proxy.rowCount())]


def header_index(chat, section: Section):
    proxy = chat.proxy
    for row in range(proxy.rowCount()):
        index = proxy.index(row, 0)
        if index.data(RoomListModel.Role.IS_HEADER) and index.data(
            RoomListModel.Role.SECTION
        ) == section:
            return index
    raise AssertionError(f"no header for {section}")


async def test_sections_fold_by_click_and_key_and_stay_folded_after_a_restart(qtbot):
    config = FakeConfig()
    _session, _window, chat = await make(qtbot, config)
    assert shown(chat)[0] == "Invitations"
    rooms = chat.sidebar.rooms
    header = header_index(chat, Section.ROOMS)
    QTest.mouseClick(rooms.viewport(), Qt.MouseButton.LeftButton,
                     pos=rooms.visualRect(header).center())  # fmt: skip
    assert "Télétravail" not in shown(chat) and "Salons" in shown(chat)
    assert config.values["room_list_collapsed"] == ["rooms"]

    _session2, _window2, chat2 = await make(qtbot, config)  # a restart, same settings
    assert "Télétravail" not in shown(chat2) and "Salons" in shown(chat2)
    rooms2 = chat2.sidebar.rooms
    rooms2.setFocus()
    rooms2.setCurrentIndex(header_index(chat2, Section.ROOMS))
    QTest.keyClick(rooms2, Qt.Key.Key_Space)
    assert "Télétravail" in shown(chat2)
    assert config.values["room_list_collapsed"] == []
    QTest.keyClick(rooms2, Qt.Key.Key_Left)  # Left folds, Right unfolds
    assert "Télétravail" not in shown(chat2)
    QTest.keyClick(rooms2, Qt.Key.Key_Right)
    assert "Télétravail" in shown(chat2)


async def test_filter_finds_by_name_and_by_member_and_enter_opens(qtbot):
    session, window, chat = await make(qtbot)
    QTest.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert chat.sidebar.search.hasFocus()
    QTest.keyClicks(chat.sidebar.search, "teletr")
    assert shown(chat) == ["Télétravail"]
    director = replace(session.rooms["!dinum:agent.dinum.tchap.gouv.fr"],
                       member_names=("Zoé Lefèvre", "Marc Roux"))  # fmt: skip
    session.emit(RoomsChanged((director,)))
    chat.sidebar.search.clear()
    QTest.keyClicks(chat.sidebar.search, "zoe lef")
    assert shown(chat) == ["Direction du numérique"]
    QTest.keyClick(chat.sidebar.search, Qt.Key.Key_Return)
    await until(lambda: chat.current_room == director.room_id)
    QTest.keyClick(chat.sidebar.search, Qt.Key.Key_Escape)
    assert chat.sidebar.search.text() == "" and "Télétravail" in shown(chat)


async def test_alt_arrows_go_room_to_room_and_ctrl_alt_to_unread_rooms(qtbot):
    _session, window, chat = await make(qtbot)
    order = [n for n in shown(chat) if n not in ("Invitations", "Direct chats", "Salons")]
    QTest.keyClick(window, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    await until(lambda: chat.current_room == INVITE)  # the first room
    QTest.keyClick(window, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    await until(lambda: chat.current_room == DM_CAMILLE)
    assert order[:2] == ["Cellule de crise — Préfecture", "Camille Martin [Intérieur]"]
    QTest.keyClick(window, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    await until(lambda: chat.current_room == INVITE)
    both = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
    QTest.keyClick(window, Qt.Key.Key_Down, both)  # skips the read rooms
    await until(lambda: chat.current_room == PROJECT)
    QTest.keyClick(window, Qt.Key.Key_Down, both)
    await until(lambda: chat.current_room == TELETRAVAIL)


async def test_context_menu_favourite_low_priority_unread_and_leave(qtbot):
    session, _window, chat = await make(qtbot)
    rooms = chat.sidebar.rooms
    rooms.select_room(DM_CAMILLE)
    rooms.setFocus()
    QTest.keyClick(rooms, Qt.Key.Key_Menu)  # the Menu key
    menu = rooms.menu
    assert menu is not None and menu.isVisible()
    assert [a.objectName() for a in menu.actions() if a.objectName()] == [
        "favourite", "low_priority", "mark_unread", "settings", "leave"]  # fmt: skip
    menu.findChild(type(menu.actions()[0]), "favourite").trigger()
    await until(lambda: session.rooms[DM_CAMILLE].is_favourite)
    assert shown(chat)[2:4] == ["Favourites", "Camille Martin [Intérieur]"]
    assert ("set_tag", DM_CAMILLE, "m.favourite", True) in session.calls

    rooms.select_room(DM_CAMILLE)
    QTest.keyClick(rooms, Qt.Key.Key_F10, Qt.KeyboardModifier.ShiftModifier)  # Shift+F10
    names = {a.objectName(): a for a in rooms.menu.actions()}
    assert names["unfavourite"].isChecked() and not names["low_priority"].isChecked()
    names["low_priority"].trigger()  # leaves the favourites, as in Element
    await until(lambda: session.rooms[DM_CAMILLE].is_low_priority)
    assert not session.rooms[DM_CAMILLE].is_favourite
    assert shown(chat)[-2:] == ["Low priority", "Camille Martin [Intérieur]"]

    await chat.room_actions.perform(DM_CAMILLE, RoomAction.MARK_UNREAD)
    assert session.rooms[DM_CAMILLE].marked_unread
    rooms.select_room(DM_CAMILLE)
    rooms._context_menu(rooms.visualRect(rooms.currentIndex()).center())
    assert "mark_read" in [a.objectName() for a in rooms.menu.actions()]
    await chat.open_room(DM_CAMILLE)  # opening it clears the dot
    await until(lambda: not session.rooms[DM_CAMILLE].marked_unread)

    rooms._context_menu(rooms.visualRect(rooms.currentIndex()).center())
    leave = next(a for a in rooms.menu.actions() if a.objectName() == "leave")
    leave.trigger()
    dialog = chat.findChild(ConfirmLeaveDialog)
    assert dialog is not None and dialog.isVisible()
    dialog.reject()
    assert DM_CAMILLE in session.rooms


async def test_invitation_menu_accepts_or_declines(qtbot):
    session, _window, chat = await make(qtbot)
    rooms = chat.sidebar.rooms
    rooms.select_room(INVITE)
    rooms._context_menu(rooms.visualRect(rooms.currentIndex()).center())
    assert [a.objectName() for a in rooms.menu.actions()] == ["accept", "decline"]
    rooms.menu.actions()[1].trigger()
    await until(lambda: INVITE not in session.rooms)
    assert "Invitations" not in shown(chat)
