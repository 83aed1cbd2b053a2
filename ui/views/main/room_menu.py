"""The room list's context menu, and what carries its choices out.

`room_menu` builds the menu of one room (right click, the Menu key or Shift+F10): favourite
and low priority (exclusive, as in Element), mark as read or unread, leave (confirmed by the
chat view); an invitation gets accept and decline. `RoomActions` runs the chosen action
through the session; the list changes when the core publishes the room's new summary.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from enum import Enum

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QMenu, QWidget
from qasync import asyncSlot

from app.api import SessionApi
from app.core.errors import ActionFailed
from app.core.types import Membership, RoomSummary
from ui import texts
from ui.models.room_list import is_unread

log = logging.getLogger("tchap.ui")
translate = QCoreApplication.translate


class RoomAction(Enum):
    FAVOURITE = "favourite"
    UNFAVOURITE = "unfavourite"
    LOW_PRIORITY = "low_priority"
    NORMAL_PRIORITY = "normal_priority"
    MARK_READ = "mark_read"
    MARK_UNREAD = "mark_unread"
    LEAVE = "leave"
    SETTINGS = "settings"
    ACCEPT = "accept"
    DECLINE = "decline"
    INVITE = "invite"


def room_menu(
    summary: RoomSummary, on_action: Callable[[RoomAction], None], parent: QWidget
) -> QMenu:
    """The context menu of one room; choosing an entry calls `on_action`."""
    menu = QMenu(parent)
    menu.setAccessibleName(translate("RoomMenu", "Conversation actions"))

    def add(text: str, action: RoomAction, checked: bool | None = None) -> None:
        entry = menu.addAction(text)
        entry.setObjectName(action.value)
        if checked is not None:
            entry.setCheckable(True)
            entry.setChecked(checked)
        entry.triggered.connect(lambda: on_action(action))

    if summary.membership is Membership.INVITE:
        add(translate("RoomMenu", "Accept the invitation"), RoomAction.ACCEPT)
        add(translate("RoomMenu", "Decline the invitation"), RoomAction.DECLINE)
        return menu
    fav = summary.is_favourite
    add(translate("RoomMenu", "Favourite"),
        RoomAction.UNFAVOURITE if fav else RoomAction.FAVOURITE, fav)  # fmt: skip
    low = summary.is_low_priority
    add(translate("RoomMenu", "Low priority"),
        RoomAction.NORMAL_PRIORITY if low else RoomAction.LOW_PRIORITY, low)  # fmt: skip
    menu.addSeparator()
    if is_unread(summary):
        add(translate("RoomMenu", "Mark as read"), RoomAction.MARK_READ)
    else:
        add(translate("RoomMenu", "Mark as unread"), RoomAction.MARK_UNREAD)
    menu.addSeparator()
    if not summary.is_direct:
        add(translate("RoomMenu", "Invite people…"), RoomAction.INVITE)
    add(translate("RoomMenu", "Settings…"), RoomAction.SETTINGS)
    add(translate("RoomMenu", "Leave…"), RoomAction.LEAVE)
    return menu


class RoomActions(QObject):
    """Carries out the room list's actions; leaving is handed on to be confirmed first."""

    error_occurred = Signal(str)  # a translated message for the window's banner
    leave_requested = Signal(str)  # room id: confirm, then leave
    invite_requested = Signal(str)  # room id: the invitation dialog
    settings_requested = Signal(str)  # room id: open its settings (ui/rooms/settings_dialog.py)

    def __init__(self, session: SessionApi, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._running: set[tuple[str, RoomAction]] = set()  # each action runs once in flight

    async def perform(self, room_id: str, action: RoomAction) -> None:
        """Run one action on one room; a refusal is worded on the banner."""
        if action is RoomAction.LEAVE:
            self.leave_requested.emit(room_id)
            return
        if action is RoomAction.INVITE:
            self.invite_requested.emit(room_id)
            return
        if action is RoomAction.SETTINGS:
            self.settings_requested.emit(room_id)
            return
        if (room_id, action) in self._running:
            return
        self._running.add((room_id, action))
        room = self._session.room(room_id)
        calls = {
            RoomAction.FAVOURITE: lambda: room.set_favourite(True),
            RoomAction.UNFAVOURITE: lambda: room.set_favourite(False),
            RoomAction.LOW_PRIORITY: lambda: room.set_low_priority(True),
            RoomAction.NORMAL_PRIORITY: lambda: room.set_low_priority(False),
            RoomAction.MARK_READ: room.mark_read,
            RoomAction.MARK_UNREAD: lambda: room.set_marked_unread(True),
            RoomAction.ACCEPT: room.accept_invite,
            RoomAction.DECLINE: room.decline_invite,
        }
        try:
            await calls[action]()
        except ActionFailed as err:
            log.warning("room action %s failed: %s", action.value, err.kind.name)
            self.error_occurred.emit(texts.action_error_text(err))
        finally:
            self._running.discard((room_id, action))

    def room_opened(self, summary: RoomSummary) -> None:
        """The user opened a room: a "marked unread" mark has done its job."""
        if summary.marked_unread:
            self._clear_mark(summary.room_id)

    @asyncSlot(str)
    async def _clear_mark(self, room_id: str) -> None:
        try:
            await self._session.room(room_id).set_marked_unread(False)
        except ActionFailed as err:
            log.warning("marked-unread not cleared: %s", err.kind.name)

    @asyncSlot(str, object)
    async def run(self, room_id: str, action: RoomAction) -> None:
        """The slot the room list's menu is connected to."""
        await self.perform(room_id, action)
