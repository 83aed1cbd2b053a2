"""Alt+Up/Down and Ctrl+Alt+Up/Down reach a room inside a collapsed section: the section
unfolds to show it (and is remembered unfolded), as a click on its header would; a
collapsed section with nothing to go to stays folded (FakeSession, real key presses)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from tests.ui.demo_data import DM_CAMILLE, INVITE, PROJECT, TELETRAVAIL
from tests.ui.fakes import FakeConfig
from tests.ui.test_room_list_view import header_index, shown, until
from tests.ui.test_room_list_view import make as make_window
from ui.models.room_list import Section

BOTH = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
ALT = Qt.KeyboardModifier.AltModifier
DINUM = "!dinum:agent.dinum.tchap.gouv.fr"
_kept: list = []  # windows outlive their test: tasks they started never find them deleted


async def make(qtbot, config=None):
    made = await make_window(qtbot, config)
    _kept.append(made)
    return made


def fold(chat, section: Section) -> None:
    rooms = chat.sidebar.rooms
    QTest.mouseClick(rooms.viewport(), Qt.MouseButton.LeftButton,
                     pos=rooms.visualRect(header_index(chat, section)).center())  # fmt: skip
    assert section in chat.proxy.collapsed()


async def test_next_unread_room_inside_a_collapsed_section_unfolds_it(qtbot):
    config = FakeConfig()
    _session, window, chat = await make(qtbot, config)
    fold(chat, Section.ROOMS)
    assert "Projet Tchap Desktop" not in shown(chat)
    chat.sidebar.rooms.select_room(INVITE)  # the fold left the keyboard on its header

    QTest.keyClick(window, Qt.Key.Key_Down, BOTH)  # the unread rooms are all in "Salons"
    await until(lambda: chat.current_room == PROJECT)
    assert Section.ROOMS not in chat.proxy.collapsed() and "Projet Tchap Desktop" in shown(chat)
    assert config.values["room_list_collapsed"] == []  # as if its header had been clicked
    rooms = chat.sidebar.rooms
    assert rooms.currentIndex().data() == "Projet Tchap Desktop"
    assert rooms.visualRect(rooms.currentIndex()).intersects(rooms.viewport().rect())
    QTest.keyClick(window, Qt.Key.Key_Down, BOTH)
    await until(lambda: chat.current_room == TELETRAVAIL)


async def test_previous_room_goes_to_the_last_of_a_collapsed_section(qtbot):
    _session, window, chat = await make(qtbot)
    fold(chat, Section.PEOPLE)
    rooms = chat.sidebar.rooms
    rooms.select_room(PROJECT)
    QTest.keyClick(window, Qt.Key.Key_Up, ALT)  # up from the first salon
    await until(lambda: chat.current_room == "!dmlea:agent.education.tchap.gouv.fr")
    assert Section.PEOPLE not in chat.proxy.collapsed()
    QTest.keyClick(window, Qt.Key.Key_Up, ALT)
    await until(lambda: chat.current_room == DM_CAMILLE)


async def test_a_collapsed_section_without_an_unread_room_stays_folded(qtbot):
    _session, window, chat = await make(qtbot)
    fold(chat, Section.PEOPLE)  # read rooms only
    chat.sidebar.rooms.select_room(INVITE)
    QTest.keyClick(window, Qt.Key.Key_Down, BOTH)
    await until(lambda: chat.current_room == PROJECT)
    assert Section.PEOPLE in chat.proxy.collapsed()  # nothing to see there: left as it was
    chat.sidebar.rooms.select_room(DINUM)
    QTest.keyClick(window, Qt.Key.Key_Up, BOTH)
    await until(lambda: chat.current_room == TELETRAVAIL)
