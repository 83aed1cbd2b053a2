"""Every message action in the window (FakeSession): reply, edit, delete, react, copy, source,
versions; from the hover bar, the context menu (keyboard too) and the composer."""

from __future__ import annotations

import asyncio
from dataclasses import replace

import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QGuiApplication, QMouseEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QStyleOptionViewItem, QWidget

from app.core.message_actions import EditVersion
from app.core.types import ItemKind
from tests.ui.demo_data import PROJECT, demo_session
from tests.ui.fakes import FakeProfile, message
from ui.views.main.main_window import MainWindow
from ui.views.room import message_extras
from ui.views.room.message_menu import MessageAction

THOMAS_HELLO = "$projet-4"  # "Bonjour à tous !" by Thomas
OWN_SENT = "$projet-11"  # our newest sent text ("Je prépare la démo...")


async def until(condition, tries: int = 100) -> None:
    for _ in range(tries):
        if condition():
            return
        await asyncio.sleep(0.01)
    raise AssertionError("condition never became true")


def hover(widget: QWidget, pos: QPoint) -> None:
    """A mouse move delivered at once. QTest's mouseMove spins the event loop inside the test's
    own task, where a task started meanwhile cannot run ("Cannot enter into task") and stays
    pending forever, hanging the loop's teardown."""
    local = QPointF(pos)
    event = QMouseEvent(
        QEvent.Type.MouseMove, local, QPointF(widget.mapToGlobal(pos)),
        Qt.MouseButton.NoButton, Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(widget, event)


_windows: list = []


@pytest.fixture(autouse=True)
def _forget_windows():
    yield
    _windows.clear()


async def opened(qtbot, session=None):
    session = session or demo_session()
    window = MainWindow(session, FakeProfile())
    qtbot.addWidget(window)
    window.resize(1100, 800)
    window.show()
    await window.show_chat()
    await window.chat.open_room(PROJECT)
    _windows.append(window)  # qtbot keeps only a weak reference: the test keeps it alive
    return session, window.chat, window.chat.message_actions


def row_item(chat, key):
    model = chat.bridge.timeline
    return model.item(model.row_of(key))


def layout_of(view, key):
    index = view.model().index(view.model().row_of(key), 0)
    option = QStyleOptionViewItem()
    view.initViewItemOption(option)
    option.rect = view.visualRect(index)
    row = view.model().row_at(index.row())
    return view.delegate.layout(view.delegate._row_rect(option), row, option.font)


async def test_reply_from_the_hover_bar_with_a_banner_and_the_quote(qtbot):
    session, chat, actions = await opened(qtbot)
    view = chat.pane.timeline

    def hovered() -> bool:
        # Older pages may still come in above and move the row: aim at where it is now.
        view.scrollTo(view.model().index(view.model().row_of(THOMAS_HELLO), 0))
        hover(view.viewport(), layout_of(view, THOMAS_HELLO).bubble.center())
        return actions.bar.isVisible() and actions.bar.key == THOMAS_HELLO

    await until(hovered, 300)
    assert actions.bar.edit.isHidden()  # not our message
    qtbot.mouseClick(actions.bar.reply, Qt.MouseButton.LeftButton)
    composer = chat.pane.composer
    assert composer.banner.isVisible() and "Thomas Petit" in composer.banner.title.text()
    await until(composer.edit.hasFocus)  # once the window is active (offscreen activates it later)
    qtbot.keyClicks(composer.edit, "Merci Thomas")
    qtbot.keyClick(composer.edit, Qt.Key.Key_Return)
    await until(lambda: ("reply", PROJECT, "Merci Thomas", THOMAS_HELLO) in session.calls)
    assert not composer.banner.isVisible()
    model = chat.bridge.timeline
    echo = model.item(model.rowCount() - 1)
    assert echo.reply_to == THOMAS_HELLO
    lay = layout_of(view, echo.key)
    assert lay.extras is not None and lay.extras.quote is not None
    original, loading = view.delegate.extras.quotes.lookup(model, PROJECT, THOMAS_HELLO)
    assert original.body.startswith("Bonjour à tous") and not loading


async def test_escape_cancels_a_reply(qtbot):
    session, chat, actions = await opened(qtbot)
    actions.reply_to(THOMAS_HELLO)
    composer = chat.pane.composer
    qtbot.keyClicks(composer.edit, "finalement non")
    qtbot.keyClick(composer.edit, Qt.Key.Key_Escape)
    assert not composer.banner.isVisible() and composer.mode == ("", "")
    qtbot.keyClick(composer.edit, Qt.Key.Key_Return)
    await until(lambda: any(c[0] == "send_text" for c in session.calls))
    assert not any(c[0] == "reply" for c in session.calls)


async def test_up_arrow_edits_the_last_own_message_and_esc_restores_the_draft(qtbot):
    session, chat, _actions = await opened(qtbot)
    composer = chat.pane.composer
    composer.edit.setFocus()
    qtbot.keyClick(composer.edit, Qt.Key.Key_Up)
    assert composer.mode == ("edit", OWN_SENT)
    assert composer.edit.toPlainText() == "Je prépare la démo sur le poste de test."
    qtbot.keyClick(composer.edit, Qt.Key.Key_Escape)
    assert composer.mode == ("", "") and composer.edit.toPlainText() == ""
    qtbot.keyClick(composer.edit, Qt.Key.Key_Up)
    composer.edit.setPlainText("Démo prête")  # QTest types ASCII only
    qtbot.keyClick(composer.edit, Qt.Key.Key_Return)
    await until(lambda: ("edit", PROJECT, OWN_SENT, "Démo prête") in session.calls)
    item = row_item(chat, OWN_SENT)
    assert item.body == "Démo prête" and item.edited
    assert layout_of(chat.pane.timeline, OWN_SENT).extras.below is not None  # "(edited)"


async def test_the_keyboard_opens_the_context_menu_of_the_selected_row(qtbot):
    session, chat, actions = await opened(qtbot)
    view = chat.pane.timeline
    view.setFocus()
    view.setCurrentIndex(view.model().index(view.model().row_of(THOMAS_HELLO), 0))
    qtbot.keyClick(view, Qt.Key.Key_Down)  # Up/Down move the selection
    assert view.currentIndex().row() == view.model().row_of(THOMAS_HELLO) + 1
    qtbot.keyClick(view, Qt.Key.Key_Up)
    qtbot.keyClick(view, Qt.Key.Key_Menu)
    await until(lambda: actions.menu is not None and actions.menu.isVisible())
    labels = [a.text() for a in actions.menu.actions() if a.text()]
    assert labels == ["Reply", "React…", "Copy text", "Copy link", "View source"]
    actions.menu.close()
    session.moderator = True
    qtbot.keyClick(view, Qt.Key.Key_F10, Qt.KeyboardModifier.ShiftModifier)
    await until(lambda: actions.menu is not None and actions.menu.isVisible())
    assert "Delete…" in [a.text() for a in actions.menu.actions()]
    actions.menu.close()


async def test_own_message_menu_has_edit_and_delete(qtbot):
    _session, _chat, actions = await opened(qtbot)
    menu = await actions.open_menu(OWN_SENT, QPoint(10, 10))
    data = [a.data() for a in menu.actions() if a.data()]
    assert MessageAction.EDIT.value in data and MessageAction.DELETE.value in data
    menu.close()


async def test_delete_with_a_reason_shows_message_deleted(qtbot):
    session, chat, actions = await opened(qtbot)
    dialog = actions.confirm_delete(OWN_SENT)
    await until(dialog.isVisible)
    assert dialog.focusWidget() is dialog.reason_field
    qtbot.keyClicks(dialog.reason_field, "doublon")
    qtbot.keyClick(dialog.reason_field, Qt.Key.Key_Return)
    await until(lambda: ("delete_message", PROJECT, OWN_SENT, "doublon") in session.calls)
    item = row_item(chat, OWN_SENT)
    assert item.kind is ItemKind.REDACTED
    assert chat.bridge.timeline.row_at(chat.bridge.timeline.row_of(OWN_SENT)).text == (
        "Message deleted. Reason: doublon"
    )


async def test_a_moderators_deletion_says_who(qtbot):
    session, chat, _actions = await opened(qtbot)
    session._change(PROJECT, THOMAS_HELLO, kind=ItemKind.REDACTED, body="",
                    redaction={"by": "@mod:x", "by_name": "Modératrice", "reason": ""})  # fmt: skip
    row = chat.bridge.timeline.row_at(chat.bridge.timeline.row_of(THOMAS_HELLO))
    assert row.text == "Message deleted by Modératrice"


async def test_react_with_the_picker_then_click_the_chip_to_take_it_back(qtbot):
    session, chat, actions = await opened(qtbot)
    picker = actions.choose_reaction(THOMAS_HELLO)
    await until(picker.isVisible)
    assert picker.search.hasFocus()
    qtbot.keyClicks(picker.search, "party")
    assert picker.visible_emoji() == ["🎉"]
    qtbot.keyClick(picker.search, Qt.Key.Key_Return)
    await until(lambda: ("react", PROJECT, THOMAS_HELLO, "🎉") in session.calls)
    assert list(row_item(chat, THOMAS_HELLO).reactions) == ["🎉"]
    view = chat.pane.timeline
    view.scrollTo(view.model().index(view.model().row_of(THOMAS_HELLO), 0))
    lay = layout_of(view, THOMAS_HELLO)
    item = row_item(chat, THOMAS_HELLO)
    chip = dict(message_extras.chips(item, lay.extras.below, view.font(), False))["🎉"]
    assert "Sophie Durand" in message_extras.chip_tooltip(item, "🎉")
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=chip.center())
    await until(lambda: ("unreact", PROJECT, THOMAS_HELLO, "🎉") in session.calls)
    assert row_item(chat, THOMAS_HELLO).reactions == {}


async def test_clicking_someone_elses_chip_adds_the_same(qtbot):
    session, chat, actions = await opened(qtbot)
    session._change(PROJECT, THOMAS_HELLO, reactions={"👍": [["@t:x", "Thomas Petit", "$r"]]})
    actions.toggle_reaction(THOMAS_HELLO, "👍")
    await until(lambda: ("react", PROJECT, THOMAS_HELLO, "👍") in session.calls)
    assert len(row_item(chat, THOMAS_HELLO).reactions["👍"]) == 2


async def test_keyboard_in_the_picker(qtbot):
    session, _chat, actions = await opened(qtbot)
    picker = actions.choose_reaction(THOMAS_HELLO)
    await until(picker.isVisible)
    qtbot.keyClick(picker.search, Qt.Key.Key_Down)
    assert picker.grid.hasFocus()
    qtbot.keyClick(picker.grid, Qt.Key.Key_Right)
    qtbot.keyClick(picker.grid, Qt.Key.Key_Return)
    await until(lambda: ("react", PROJECT, THOMAS_HELLO, "👎") in session.calls)


async def test_copy_text_and_link(qtbot):
    _session, _chat, actions = await opened(qtbot)
    actions.run(MessageAction.COPY_TEXT, THOMAS_HELLO)
    assert QGuiApplication.clipboard().text().startswith("Bonjour à tous")
    actions.run(MessageAction.COPY_LINK, THOMAS_HELLO)
    assert QGuiApplication.clipboard().text() == f"https://matrix.to/#/{PROJECT}/{THOMAS_HELLO}"


async def test_view_source_shows_the_decrypted_and_the_encrypted_forms(qtbot):
    _session, _chat, actions = await opened(qtbot)
    actions.run(MessageAction.SOURCE, THOMAS_HELLO)
    await until(lambda: actions.dialog is not None and actions.dialog.isVisible())
    decrypted, encrypted = actions.dialog.texts()
    assert '"body": "Bonjour à tous' in decrypted and "m.room.encrypted" in encrypted
    actions.dialog.close()


async def test_edit_history_lists_the_versions(qtbot):
    session, _chat, actions = await opened(qtbot)
    session.edit_versions[OWN_SENT] = [EditVersion(OWN_SENT, 1_000, "v1"),
                                       EditVersion("$e", 2_000, "v2")]  # fmt: skip
    session._change(PROJECT, OWN_SENT, edited=True)
    menu = await actions.open_menu(OWN_SENT, QPoint(0, 0))
    assert MessageAction.HISTORY.value in [a.data() for a in menu.actions()]
    menu.close()
    actions.run(MessageAction.HISTORY, OWN_SENT)
    await until(lambda: actions.dialog is not None and actions.dialog.isVisible())
    texts = [actions.dialog.versions.item(i).text() for i in range(2)]
    assert texts[0].startswith("Original") and texts[0].endswith("v1")
    assert texts[1].startswith("Edit 1") and texts[1].endswith("v2")
    actions.dialog.close()


async def test_a_reply_whose_original_is_not_loaded_fetches_it_and_jumps_there(qtbot):
    session = demo_session()
    older = message(PROJECT, 90, "@t:x", "Thomas Petit", "Réunion lundi", 1_000)
    session.older[PROJECT] = [older]
    reply = replace(message(PROJECT, 91, "@c:x", "Camille Martin", "D'accord", 2_000_000_000_000),
                    reply_to=older.key)  # fmt: skip
    session.timelines[PROJECT].append(reply)
    session.originals[older.key] = older
    _session, chat, _actions = await opened(qtbot, session)
    quotes = chat.pane.timeline.delegate.extras.quotes
    assert quotes.lookup(chat.bridge.timeline, PROJECT, older.key) == (None, True)
    await until(lambda: quotes.lookup(chat.bridge.timeline, PROJECT, older.key)[0] is not None)
    assert ("original", PROJECT, older.key) in session.calls
    view = chat.pane.timeline
    view.scrollToBottom()
    quote = layout_of(view, reply.key).extras.quote
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=quote.center())
    await until(lambda: chat.bridge.timeline.row_of(older.key) is not None)
    await until(lambda: view.currentIndex().row() == chat.bridge.timeline.row_of(older.key))


async def test_dialogs_and_controls_are_named(qtbot):
    _session, chat, actions = await opened(qtbot)
    for button in (actions.bar.react, actions.bar.reply, actions.bar.edit, actions.bar.more):
        assert button.accessibleName()
    picker = actions.choose_reaction(THOMAS_HELLO)
    assert picker.search.accessibleName() and picker.grid.accessibleName()
    picker.close()
    dialog = actions.confirm_delete(OWN_SENT)
    assert dialog.findChild(QLineEdit).accessibleName()
    dialog.reject()
    assert chat.pane.composer.banner.close_button.accessibleName()
