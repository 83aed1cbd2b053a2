"""MessageActions: what the user does with a message (reply, edit, delete, react, copy, view
source, versions), from the hover bar, the context menu (right click, Menu key, Shift+F10 on
the selected row) and the composer's reply and edit modes.

It sits beside the ChatView, on the open room's timeline view and composer. Every action is
one call to the room's handle; the rows change through core diffs (local echoes at once).
"""

from __future__ import annotations

import logging

import shiboken6
from PySide6.QtCore import QEvent, QObject, QPoint, Qt
from PySide6.QtGui import QGuiApplication, QHelpEvent, QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QAbstractItemView, QStyleOptionViewItem, QToolTip
from qasync import asyncSlot

from app.core.errors import ActionFailed
from app.core.message_actions import own_reaction, permalink
from app.core.types import ItemKind, TimelineItem
from ui import relation_texts, texts
from ui.dialogs.delete_message import DeleteMessageDialog
from ui.dialogs.edit_history import EditHistoryDialog
from ui.dialogs.message_source import MessageSourceDialog
from ui.views.room import message_extras
from ui.views.room.emoji_picker import EmojiPicker
from ui.views.room.hover_bar import HoverBar
from ui.views.room.message_menu import MessageAction, available, build_menu
from ui.views.room.reply_quotes import ReplyQuotes
from ui.views.room.row_keys import unfold

log = logging.getLogger("tchap.ui")
JUMP_PAGES = 10  # pages of history read back to find the original of a reply


class MessageActions(QObject):
    """The message actions of a ChatView (its session, bridge, timeline and composer)."""

    def __init__(self, chat) -> None:  # ui.views.main.chat.ChatView
        super().__init__(chat)
        self._chat = chat
        self._session = chat._session
        self.view = chat.pane.timeline
        self.composer = chat.pane.composer
        self.quotes = ReplyQuotes(self._session, self)
        self.quotes.arrived.connect(lambda _id: self.view.viewport().update())
        extras = self.view.delegate.extras
        extras.quotes = self.quotes
        extras.own_of = lambda: self._session.user_id or ""
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.view.setAccessibleName(self.tr("Messages"))
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._on_menu_requested)
        self.view.installEventFilter(self)
        self._viewport = self.view.viewport()
        self._viewport.installEventFilter(self)
        self.bar = HoverBar(self.view.viewport())
        self.bar.react_requested.connect(self.choose_reaction)
        self.bar.reply_requested.connect(self.reply_to)
        self.bar.edit_requested.connect(self.edit)
        self.bar.more_requested.connect(self._on_more)
        self.view.verticalScrollBar().valueChanged.connect(lambda _v: self.bar.hide())
        self.composer.reply_submitted.connect(self._on_reply_submitted)
        self.composer.edit_submitted.connect(self._on_edit_submitted)
        self.composer.edit_last_requested.connect(self.edit_last)
        self.picker: EmojiPicker | None = None
        self.dialog = None  # the last dialog opened (tests look at it)
        self.menu = None

    # -- rows ----------------------------------------------------------------------------

    def item(self, key: str) -> TimelineItem | None:
        """The row `key` of the open timeline."""
        model = self.view.model()
        row = model.row_of(key) if model is not None else None
        return model.item(row) if row is not None else None

    def _room(self):
        return self._session.room(self._chat.current_room)

    def _layout(self, index):
        option = QStyleOptionViewItem()
        self.view.initViewItemOption(option)
        option.rect = self.view.visualRect(index)
        row = self.view.model().row_at(index.row())
        if row is None or row.is_state:
            return None, None
        return row, self.view.delegate.layout(self.view.delegate._row_rect(option), row,
                                              option.font)  # fmt: skip

    # -- events of the view ----------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is not self.view and watched is not self._viewport:
            return False
        if not shiboken6.isValid(self.view):  # the window is being destroyed
            return False
        if watched is self.view:
            return event.type() == QEvent.Type.KeyPress and self._key(event)
        match event.type():
            case QEvent.Type.MouseMove:
                self._hover(event.position().toPoint())
            case QEvent.Type.Leave:
                if not self.bar.underMouse():
                    self.bar.hide()
            case QEvent.Type.ToolTip:
                return self._tooltip(event)
            case QEvent.Type.MouseButtonRelease:
                return self._click(event)
        return False

    def _key(self, event: QKeyEvent) -> bool:
        shift_f10 = event.key() == Qt.Key.Key_F10 and (
            event.modifiers() & Qt.KeyboardModifier.ShiftModifier
        )
        if event.key() == Qt.Key.Key_Menu or shift_f10:
            index = self.view.currentIndex()
            if index.isValid():
                self._on_menu_requested(self.view.visualRect(index).center())
            return True
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            index = self.view.currentIndex()
            return index.isValid() and unfold(self.view, index)
        return False

    def _hover(self, pos: QPoint) -> None:
        index = self.view.indexAt(pos)
        row, lay = self._layout(index) if index.isValid() else (None, None)
        if row is None or lay is None:
            self.bar.hide()
            return
        item = row.item
        can = available(item, item.is_own)
        if MessageAction.REPLY not in can:
            self.bar.hide()
            return
        self.bar.show_for(item.key, lay.bubble, MessageAction.EDIT in can, True)

    def _extras_at(self, pos: QPoint):
        index = self.view.indexAt(pos)
        row, lay = self._layout(index) if index.isValid() else (None, None)
        if row is None or lay is None or lay.extras is None:
            return None, None
        return row.item, lay.extras

    def _tooltip(self, event: QHelpEvent) -> bool:
        item, extras = self._extras_at(event.pos())
        key = item and message_extras.chip_at(item, extras.below, self.view.font(),
                                              item.is_own, event.pos())  # fmt: skip
        if not key:
            return False
        QToolTip.showText(event.globalPos(), message_extras.chip_tooltip(item, key), self.view)
        return True

    def _click(self, event: QMouseEvent) -> bool:
        if event.button() != Qt.MouseButton.LeftButton:
            return False
        pos = event.position().toPoint()
        item, extras = self._extras_at(pos)
        if item is None:
            return False
        if extras.quote is not None and extras.quote.contains(pos) and item.reply_to:
            self.jump_to(item.reply_to)
            return True
        key = message_extras.chip_at(item, extras.below, self.view.font(), item.is_own, pos)
        if key:
            self.toggle_reaction(item.key, key)
            return True
        return False

    # -- the menu --------------------------------------------------------------------------

    @asyncSlot(QPoint)
    async def _on_menu_requested(self, pos: QPoint) -> None:
        index = self.view.indexAt(pos)
        if index.isValid():
            self.view.setCurrentIndex(index)
            await self.open_menu(self.view.model().item(index.row()).key,
                                 self.view.viewport().mapToGlobal(pos))  # fmt: skip

    @asyncSlot(str, QPoint)
    async def _on_more(self, key: str, where: QPoint) -> None:
        await self.open_menu(key, where)

    async def open_menu(self, key: str, where: QPoint):
        """The context menu of the row `key`, at `where` (global)."""
        item = self.item(key)
        if item is None:
            return None
        can_delete = item.is_own or await self._can_delete(item.sender)
        if not available(item, can_delete) or not shiboken6.isValid(self.view):
            return None
        self.menu = menu = build_menu(item, can_delete, self.view)
        menu.triggered.connect(lambda action: self.run(MessageAction(action.data()), key))
        menu.aboutToHide.connect(menu.deleteLater)
        menu.popup(where)
        return menu

    async def _can_delete(self, sender: str) -> bool:
        try:
            return await self._room().can_delete(sender)
        except ActionFailed:
            return False

    def run(self, action: MessageAction, key: str) -> None:
        """Do a menu action on the row `key`."""
        match action:
            case MessageAction.REPLY:
                self.reply_to(key)
            case MessageAction.EDIT:
                self.edit(key)
            case MessageAction.DELETE:
                self.confirm_delete(key)
            case MessageAction.REACT:
                self.choose_reaction(key)
            case MessageAction.COPY_TEXT:
                item = self.item(key)
                if item is not None:
                    QGuiApplication.clipboard().setText(texts.body_text(item))
            case MessageAction.COPY_LINK:
                QGuiApplication.clipboard().setText(permalink(self._chat.current_room, key))
            case MessageAction.SOURCE:
                self.view_source(key)
            case MessageAction.HISTORY:
                self.view_history(key)

    # -- actions ---------------------------------------------------------------------------

    def reply_to(self, key: str) -> None:
        """Reply mode in the composer, answering the row `key`."""
        item = self.item(key)
        if item is not None and item.event_id:
            name = item.sender_name or item.sender
            self.composer.start_reply(item.event_id, name, relation_texts.quote_line(item))

    def edit(self, key: str) -> None:
        """Edit mode in the composer, with our message's text."""
        item = self.item(key)
        if item is not None and item.is_own and item.event_id and item.kind is ItemKind.TEXT:
            self.composer.start_edit(item.event_id, item.body)

    def edit_last(self, room_id: str) -> None:
        """Up arrow in an empty composer: edit our newest sent text message."""
        model = self.view.model()
        if model is None or room_id != self._chat.current_room:
            return
        for row in range(model.rowCount() - 1, -1, -1):
            item = model.item(row)
            if item.is_own and item.kind is ItemKind.TEXT and MessageAction.EDIT in available(
                item, True
            ):
                self.composer.start_edit(item.event_id, item.body)
                return

    def choose_reaction(self, key: str) -> EmojiPicker:
        """The emoji picker, near the row; the emoji chosen is added as our reaction."""
        if self.picker is not None and shiboken6.isValid(self.picker):
            self.picker.close()
        self.picker = picker = EmojiPicker(self.view)
        picker.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        picker.picked.connect(lambda emoji: self._react(key, emoji))
        model, where = self.view.model(), self.view.viewport().rect().center()
        row = model.row_of(key) if model is not None else None
        if row is not None:
            where = self.view.visualRect(model.index(row, 0)).topLeft()
        picker.open_at(self.view.viewport().mapToGlobal(where))
        return picker

    @asyncSlot(str, str)
    async def toggle_reaction(self, key: str, emoji: str) -> None:
        """A chip clicked: take ours back, or add the same as the others'."""
        item = self.item(key)
        if item is None or item.event_id is None:
            return
        mine = own_reaction(item, emoji, self._session.user_id or "")
        await self._do(self._room().unreact(item.event_id, emoji) if mine
                       else self._room().react(item.event_id, emoji))  # fmt: skip

    @asyncSlot(str, str)
    async def _react(self, key: str, emoji: str) -> None:
        item = self.item(key)
        if item is not None and item.event_id:
            await self._do(self._room().react(item.event_id, emoji))

    def confirm_delete(self, key: str) -> DeleteMessageDialog | None:
        """Ask (with an optional reason) before deleting."""
        item = self.item(key)
        if item is None or item.event_id is None:
            return None
        room = self._room()
        self.dialog = dialog = DeleteMessageDialog(not item.is_own, self._chat)
        event_id = item.event_id
        dialog.accepted.connect(lambda: self._delete(room.room_id, event_id, dialog.reason()))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    @asyncSlot(str, str, str)
    async def _delete(self, room_id: str, event_id: str, reason: str) -> None:
        await self._do(self._session.room(room_id).delete_message(event_id, reason))

    @asyncSlot(str)
    async def view_source(self, key: str) -> None:
        """The event's JSON (decrypted and encrypted) in a dialog."""
        item = self.item(key)
        if item is None or item.event_id is None:
            return
        try:
            source = await self._room().source(item.event_id)
        except ActionFailed as err:
            self._chat.error_occurred.emit(texts.action_error_text(err))
            return
        self.dialog = dialog = MessageSourceDialog(source, self._chat)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    @asyncSlot(str)
    async def view_history(self, key: str) -> None:
        """The versions of an edited message in a dialog."""
        item = self.item(key)
        if item is None or item.event_id is None:
            return
        try:
            versions = await self._room().versions(item.event_id)
        except ActionFailed as err:
            self._chat.error_occurred.emit(texts.action_error_text(err))
            return
        self.dialog = dialog = EditHistoryDialog(versions, self._chat)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    @asyncSlot(str, str, str)
    async def _on_reply_submitted(self, room_id: str, text: str, event_id: str) -> None:
        await self._do(self._session.room(room_id).reply(text, event_id))

    @asyncSlot(str, str, str)
    async def _on_edit_submitted(self, room_id: str, event_id: str, text: str) -> None:
        self.quotes.forget(event_id)
        await self._do(self._session.room(room_id).edit(event_id, text))

    async def _do(self, action) -> None:
        try:
            await action
        except ActionFailed as err:
            self._chat.error_occurred.emit(texts.action_error_text(err))

    # -- jumping to the original of a reply --------------------------------------------------

    @asyncSlot(str)
    async def jump_to(self, event_id: str) -> bool:
        """Show and select the row `event_id`: from the window, the cache, or paging back."""
        room_id, bridge = self._chat.current_room, self._chat.bridge
        model = bridge.timeline
        if model is None:
            return False
        if model.row_of(event_id) is None:
            room = self._session.room(room_id)
            before = await room.timeline_around(event_id, 20, newer=False)
            after = await room.timeline_around(event_id, 20, newer=True)
            original = await room.original(event_id) if (before or after) else None
            if model is not bridge.timeline:
                return False
            if original is not None:
                model.reset_rows([*before, original, *after])
                model.has_newer = len(after) >= 20
                model.reached_start = False
            else:
                for _ in range(JUMP_PAGES):
                    if model.row_of(event_id) is not None or model.reached_start:
                        break
                    if await bridge.load_older(room_id) == 0 or model is not bridge.timeline:
                        break
        row = model.row_of(event_id)
        if row is None or not shiboken6.isValid(self.view):
            log.info("original of a reply not found in the history read")
            return False
        index = model.index(row, 0)
        self.view.doItemsLayout()
        self.view.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)
        self.view.setCurrentIndex(index)
        self.view.setFocus()
        return True
