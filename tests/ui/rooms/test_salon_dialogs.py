"""The "New salon" dialog, the kind shown in the room list and header, and the settings'
general page, on the fake session (the real server's side: test_salons_synapse.py)."""

from __future__ import annotations

import asyncio

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QMessageBox

from app.core.types import Membership, RoomSummary
from app.rooms.kinds import RoomKind
from tests.support import eventually
from tests.ui.demo_data import DM_CAMILLE, PROJECT
from tests.ui.fakes import FakeSession
from tests.ui.test_chat_view import make
from ui.rooms.new_salon import NewSalonDialog
from ui.rooms.picture import square_crop
from ui.rooms.settings_dialog import RoomSettingsDialog
from ui.views.main.room_menu import RoomAction


def _box(widget) -> QMessageBox:
    return next(b for b in widget.findChildren(QMessageBox) if b.isVisible())


def _press(box: QMessageBox, text: str) -> None:
    next(b for b in box.buttons() if b.text() == text).click()


async def test_new_salon_opens_in_its_name_and_warns_of_each_kind(qtbot):
    _session, _window, chat = await make(qtbot)
    dialog = chat.new_room()
    await eventually(lambda: dialog.isVisible())
    assert dialog.focusWidget() is dialog.name
    assert dialog.kind is RoomKind.PRIVATE and dialog.warning.isHidden()
    dialog.choose_kind(RoomKind.FORUM)
    assert "Every public servant in France" in dialog.warning.text()
    assert not dialog.warning.isHidden()
    dialog.choose_kind(RoomKind.EXTERNALS)
    assert "cannot be undone" in dialog.warning.text()
    for button in dialog.kind_buttons.values():
        assert button.accessibleName() and button.accessibleDescription()


async def test_a_forum_with_a_picture_is_created_once_and_opened(qtbot, tmp_path):
    session, _window, chat = await make(qtbot)
    wide = QImage(300, 100, QImage.Format.Format_RGB32)
    wide.fill(QColor("#000091"))
    wide.save(str(tmp_path / "logo.png"))
    dialog = chat.new_room()
    dialog.name.setText("Entraide numérique")
    dialog.choose_kind(RoomKind.FORUM)
    (tmp_path / "notes.png").write_text("not a picture")
    assert not dialog.picture.set_file(tmp_path / "notes.png")  # said, never a crash
    assert dialog.picture.error.text() == "This file is not a picture." and dialog.picture.path is None
    assert dialog.picture.set_file(tmp_path / "logo.png")
    assert dialog.picture.error.isHidden()
    assert dialog.picture.image.width() == dialog.picture.image.height() == 100  # square
    gate = asyncio.Event()
    real = session.salons.create

    async def slow(*args):
        await gate.wait()
        return await real(*args)

    session.salons.create = slow
    first = asyncio.ensure_future(dialog.submit())
    await eventually(lambda: not dialog.confirm_button.isEnabled())
    assert await dialog.submit() is False  # a second press while in flight asks nothing
    gate.set()
    assert await first is True
    created = [c for c in session.calls if c[0] == "create_salon"]
    assert len(created) == 1 and created[0][3] is RoomKind.FORUM and created[0][4]
    await eventually(lambda: chat.current_room == dialog.room_id)
    assert chat.pane.header.kind_text.text() == "Forum"


async def test_an_external_account_reads_why_before_typing(qtbot):
    session = FakeSession(user_id="@ana:e.tchap.test")
    dialog = NewSalonDialog(session)
    qtbot.addWidget(dialog)
    assert dialog.error.text() == "External users cannot create salons."
    assert not dialog.confirm_button.isEnabled()


def test_square_crop_keeps_the_centre():
    tall = QImage(50, 400, QImage.Format.Format_RGB32)
    tall.fill(QColor("#E1000F"))
    square = square_crop(tall)
    assert (square.width(), square.height()) == (50, 50)
    big = QImage(1000, 800, QImage.Format.Format_RGB32)
    assert square_crop(big).size().width() == 256


async def test_the_kind_shows_in_the_list_tooltip_and_header(qtbot):
    _session, _window, chat = await make(qtbot)
    model = chat.bridge.room_list
    row = next(r for r in range(model.rowCount())
               if model.index(r).data(model.Role.ROOM_ID) == DM_CAMILLE)  # fmt: skip
    assert model.index(row).data(Qt.ItemDataRole.ToolTipRole).startswith("Direct chat\n")
    await chat.open_room(PROJECT)
    header = chat.pane.header
    assert header.kind_text.text() == "Private salon"  # an old summary: judged by its flags
    assert "invite" in header.kind_text.toolTip()
    assert header.settings_button.accessibleName() == "Salon settings"
    header.resize(1000, header.height())  # wide: the kind and the encryption in words
    assert header.kind_text.isVisibleTo(header) and header.lock_text.isVisibleTo(header)
    header.resize(600, header.height())  # narrow (members panel open): icons keep their tooltips
    assert not header.kind_text.isVisibleTo(header) and not header.lock_text.isVisibleTo(header)
    assert header.lock.isVisibleTo(header) and "invite" in header.kind_icon.toolTip()


async def _settings(qtbot, chat, room_id) -> RoomSettingsDialog:
    dialog = chat.open_settings(room_id)
    await eventually(lambda: dialog.general.settings is not None)
    return dialog


async def test_settings_from_the_menu_rename_and_open_to_externals(qtbot):
    session, _window, chat = await make(qtbot)
    opened: list[str] = []
    chat.room_actions.settings_requested.connect(opened.append)
    await chat.room_actions.perform(PROJECT, RoomAction.SETTINGS)
    assert opened == [PROJECT]
    dialog = await _settings(qtbot, chat, PROJECT)
    page = dialog.general
    assert dialog.tabs.tabText(0) == "General"
    await eventually(lambda: dialog.focusWidget() is page.name)
    page.name.setText("Projet Tchap (v2)")
    page.save_button.click()
    await eventually(lambda: session.rooms[PROJECT].name == "Projet Tchap (v2)")
    await eventually(lambda: page.status.text() == "The change was saved.")
    assert page.open_button.isVisible() and page.open_button.isEnabled()
    page.confirm_open_to_externals()
    _press(_box(page), "Open to externals")
    await eventually(lambda: session.rooms[PROJECT].kind == RoomKind.EXTERNALS.value)
    await eventually(lambda: page.settings.kind is RoomKind.EXTERNALS)
    assert not page.open_button.isVisible()  # one-way: no way back is offered
    assert page.encrypt_button.isHidden()  # encrypted already: never off


async def test_a_direct_chat_and_a_low_role_see_why_controls_are_disabled(qtbot):
    session, _window, chat = await make(qtbot)
    dialog = await _settings(qtbot, chat, DM_CAMILLE)
    page = dialog.general
    assert not page.name.isEnabled()
    assert page.name.toolTip() == "A direct chat has no name, topic or picture of its own."
    dialog.close()
    session.salons.own_level = 0
    dialog = await _settings(qtbot, chat, PROJECT)
    page = dialog.general
    assert not page.name.isEnabled() and not page.history.isEnabled()
    assert page.history.toolTip() == "Your role in this salon does not allow this change."


async def test_a_forum_is_listed_and_never_encrypted(qtbot):
    session, _window, chat = await make(qtbot)
    forum = RoomSummary("!forum:tchap.test", "Entraide", False, False, Membership.JOIN,
                        is_public=True, kind=RoomKind.FORUM.value)  # fmt: skip
    session._add_room(forum)
    session.salons.published[forum.room_id] = True
    await eventually(lambda: chat.bridge.room_list.summary(forum.room_id) is not None)
    page = (await _settings(qtbot, chat, forum.room_id)).general
    assert page.publish.isVisible() and page.publish.isChecked()
    assert page.encrypt_button.isHidden()
    assert "never encrypted" in page.encryption.text()
    page.publish.click()
    await eventually(lambda: session.salons.published[forum.room_id] is False)
    page.history.setCurrentIndex(page.history.findData("joined"))
    page.history.activated.emit(page.history.currentIndex())
    await eventually(lambda: session.salons.history.get(forum.room_id) == "joined")


async def test_a_forum_made_private_after_a_warning(qtbot):
    session, _window, chat = await make(qtbot)
    forum = RoomSummary("!forum:tchap.test", "Entraide", False, False, Membership.JOIN,
                        is_public=True, kind=RoomKind.FORUM.value)  # fmt: skip
    session._add_room(forum)
    session.salons.published[forum.room_id] = True
    await eventually(lambda: chat.bridge.room_list.summary(forum.room_id) is not None)
    page = (await _settings(qtbot, chat, forum.room_id)).general
    assert page.private_button.isVisible() and page.private_button.isEnabled()
    assert not page.open_button.isVisible()  # a forum never opens to externals directly
    page.confirm_make_private()
    assert "cannot be undone" in _box(page).text()
    _press(_box(page), "Make private")
    await eventually(lambda: session.rooms[forum.room_id].kind == RoomKind.PRIVATE.value)
    await eventually(lambda: page.settings.kind is RoomKind.PRIVATE)
    assert not page.private_button.isVisible()  # one-way: no way back is offered
    assert session.salons.published[forum.room_id] is False
