"""ChatView: the signed-in screen (sidebar + open room) and the room actions it triggers.

It owns the CoreBridge. Every user action is an `@asyncSlot` that awaits one Session call
and words an `ActionFailed` for the user; the rows themselves arrive as core diffs.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QWidget
from qasync import asyncSlot

from app.api import SessionApi
from app.core.errors import ActionFailed
from app.core.events import SessionState
from app.core.types import Membership
from ui import texts
from ui.avatar_images import avatar_images
from ui.bridge import CoreBridge
from ui.dialogs.confirm import ConfirmLeaveDialog
from ui.dialogs.new_direct_chat import NewDirectChatDialog
from ui.directory.launcher import DirectoryLauncher
from ui.models.room_list import RoomListProxy, display_name
from ui.views.main.room_menu import RoomActions
from ui.views.main.sidebar import Sidebar
from ui.views.room.message_actions import MessageActions
from ui.views.room.room_pane import RoomPane

if TYPE_CHECKING:  # the dialogs are imported when first opened (a faster start)
    from ui.rooms.invite_dialog import InviteDialog
    from ui.rooms.new_salon import NewSalonDialog
    from ui.rooms.settings_dialog import RoomSettingsDialog

log = logging.getLogger("tchap.ui")


class ChatView(QWidget):
    """Sidebar on the left, the open room on the right."""

    sign_out_requested = Signal()
    about_requested = Signal()
    error_occurred = Signal(str)  # a translated message for the window's banner

    def __init__(
        self, session: SessionApi, parent: QWidget | None = None, config: Any = None
    ) -> None:
        super().__init__(parent)
        self._session = session
        self.bridge = CoreBridge(session, self)
        self.proxy = RoomListProxy(self)
        self.proxy.setSourceModel(self.bridge.room_list)
        self.sidebar = Sidebar(self.proxy, self, config=config)
        self.room_actions = RoomActions(session, self)
        self.pane = RoomPane(self)
        self.current_room = ""
        self._pending_open = ""  # a room just created, not yet in the list
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.sidebar)
        layout.addWidget(self.pane, 1)

        self.sidebar.sign_out_requested.connect(self.sign_out_requested)
        self.sidebar.about_requested.connect(self.about_requested)
        self.sidebar.new_direct_chat_requested.connect(self.new_direct_chat)
        self.sidebar.new_room_requested.connect(self.new_room)
        self.sidebar.rooms.room_activated.connect(self._on_room_activated)
        self.sidebar.rooms.leave_requested.connect(self.confirm_leave)
        self.sidebar.rooms.action_requested.connect(self.room_actions.run)
        self.room_actions.leave_requested.connect(self.confirm_leave)
        self.room_actions.invite_requested.connect(self.open_invite)
        self.room_actions.settings_requested.connect(self.open_settings)
        self.pane.header.settings_button.clicked.connect(lambda: self.open_settings(self.current_room))
        self.room_actions.error_occurred.connect(self.error_occurred)
        self.pane.composer.text_submitted.connect(self._on_text_submitted)
        self.pane.composer.files_chosen.connect(self._on_files_chosen)
        self.pane.composer.text_edited.connect(self._on_composer_edited)
        self.pane.read_tracker.read.connect(self._on_read)
        self.pane.timeline.delegate.receipts = self.bridge.receipts
        self.bridge.receipts.changed.connect(lambda _ids: self.pane.timeline.viewport().update())
        self.bridge.typing_changed.connect(self._on_typing_changed)
        self.bridge.operation_refused.connect(
            lambda op, event_type: self.error_occurred.emit(texts.refused_text(op, event_type))
        )
        self.pane.timeline.older_requested.connect(self._on_older_requested)
        self.pane.timeline.newer_requested.connect(self._on_newer_requested)
        self.pane.timeline.newest_requested.connect(self._on_newest_requested)
        for signal, what in ((self.pane.timeline.retry_requested, "retry_send"),
                             (self.pane.timeline.discard_requested, "discard_send"),
                             (self.pane.timeline.cancel_requested, "cancel_send")):  # fmt: skip
            signal.connect(lambda key, what=what: self._on_send_action(what, key))
        self.pane.invite.accept_requested.connect(self._on_accept)
        self.pane.invite.decline_requested.connect(self._on_decline)
        self.bridge.rooms_changed.connect(self._on_rooms_changed)
        self.bridge.room_removed.connect(self._on_room_removed)
        self.bridge.profile_changed.connect(self.sidebar.set_user)
        self.bridge.session_state_changed.connect(
            lambda state, _retry: self.sidebar.rooms.set_loading(state is SessionState.STARTING)
        )
        avatar_images().loaded.connect(self._on_avatar_loaded)
        self.bridge.timeline_replaced.connect(lambda _room: self.pane.timeline.scroll_to_newest())
        self.message_actions = MessageActions(self)  # reply, edit, react, delete, menus
        rooms = self.bridge.room_list
        self.directory = DirectoryLauncher(session, self, rooms, lambda: self.current_room)
        self.sidebar.find_people_requested.connect(self.directory.find_people)
        self.sidebar.public_rooms_requested.connect(self.directory.browse_public_rooms)
        self.directory.room_chosen.connect(self._open_soon)

    async def start(self) -> None:
        """Listen to the core and paint the room list from the cache."""
        avatar_images().configure(self._session.avatar)
        self.bridge.attach()
        self.sidebar.set_user(self._session.user_id or "", self._session.display_name or "")
        await self.bridge.load_rooms()

    def reset(self) -> None:
        """Forget what was shown (after signing out)."""
        avatar_images().configure(None)
        self.current_room = self._pending_open = ""
        self.bridge.close_room()
        self.pane.show_empty()
        self.bridge.room_list.set_rooms([])
        self.sidebar.search.clear()

    # opening rooms
    async def open_room(self, room_id: str) -> None:
        """Show a room (or its invitation) and mark it read."""
        summary = self.bridge.room_list.summary(room_id)
        if summary is None:
            self._pending_open = room_id
            return
        self._pending_open = ""
        previous, self.current_room = self.current_room, room_id
        if previous and previous != room_id:
            await self._stop_typing(previous)
        self.sidebar.rooms.select_room(room_id)
        self.room_actions.room_opened(summary)  # a "marked unread" dot goes
        if summary.membership is Membership.INVITE:
            self.bridge.close_room()
            self.pane.show_invite(summary)
            return
        model = await self.bridge.open_room(room_id)
        if self.current_room != room_id:  # the user clicked elsewhere meanwhile
            return
        self.pane.show_room(summary, model)
        await self._load_room_extras(room_id)  # the read marker waits for the user to look

    async def _load_room_extras(self, room_id: str) -> None:
        """What the open room shows beside its rows: receipts, a saved draft, its members."""
        room = self._session.room(room_id)
        try:
            receipts = await room.read_receipts()
            if self.current_room == room_id:
                self.bridge.receipts.reset(receipts)
            draft = await room.draft()
            if self.current_room == room_id:
                self.pane.composer.restore_draft(room_id, draft)
            members = await room.members()
            if self.current_room == room_id:
                self.pane.composer.completion.set_members(members)
        except ActionFailed as err:  # the timeline is shown: these are extras
            log.warning("room details not loaded: %s", err.kind.name)

    def close_room(self) -> None:
        """Back to the empty state."""
        self.current_room = ""
        self.bridge.close_room()
        self.pane.show_empty()
        self.sidebar.rooms.clearSelection()

    @asyncSlot(str)
    async def _on_room_activated(self, room_id: str) -> None:
        if room_id != self.current_room:
            await self.open_room(room_id)

    def _on_rooms_changed(self, room_ids: list[str]) -> None:
        if self._pending_open in room_ids:
            self._open_soon(self._pending_open)
        if self.current_room not in room_ids:
            return
        summary = self.bridge.room_list.summary(self.current_room)
        if summary is None:
            return
        was_invite = self.pane.stack.currentWidget() is self.pane.invite
        if was_invite and summary.membership is Membership.JOIN:
            self._open_soon(self.current_room)  # invitation accepted: show the timeline
        elif summary.membership is Membership.INVITE:
            self.pane.show_invite(summary)
        else:
            self.pane.header.set_summary(summary)
            if summary.unread_count:
                self.pane.read_tracker.schedule()  # read if the user is looking at it

    def _on_avatar_loaded(self, uri: str) -> None:
        summary = self.bridge.room_list.summary(self.current_room) if self.current_room else None
        if (
            summary is not None
            and summary.avatar_url == uri
            and summary.membership is Membership.JOIN
        ):
            self.pane.header.set_summary(summary)

    @asyncSlot(str, str)
    async def _on_read(self, room_id: str, event_id: str) -> None:
        """The user saw this message in the active window: receipt and read marker."""
        try:
            await self._session.room(room_id).mark_read(event_id)
        except ActionFailed as err:  # read markers are best effort
            log.warning("mark_read failed: %s", err.kind.name)

    def _on_typing_changed(self, room_id: str, users: tuple) -> None:
        if room_id == self.current_room:
            self.pane.typing.set_users(users)

    @asyncSlot(str, str)
    async def _on_composer_edited(self, room_id: str, text: str) -> None:
        """Keep the draft, and tell the room whether we are typing."""
        room = self._session.room(room_id)
        try:
            await room.save_draft(text)
            await room.set_typing(bool(text.strip()))
        except ActionFailed as err:
            log.warning("draft or typing not sent: %s", err.kind.name)

    async def _stop_typing(self, room_id: str) -> None:
        if room_id:
            try:
                await self._session.room(room_id).set_typing(False)
            except ActionFailed as err:
                log.info("typing stop not sent: %s", err.kind.name)

    @asyncSlot(str)
    async def _open_soon(self, room_id: str) -> None:
        self.current_room = ""
        await self.open_room(room_id)

    def _on_room_removed(self, room_id: str) -> None:
        if room_id == self.current_room:
            self.close_room()

    # messages
    async def send(self, room_id: str, text: str) -> None:
        """Send a message; its local echo arrives as a core diff."""
        try:
            await self._session.room(room_id).send_text(text)
        except ActionFailed as err:
            self.error_occurred.emit(texts.action_error_text(err))

    @asyncSlot(str, str)
    async def _on_text_submitted(self, room_id: str, text: str) -> None:
        await self.send(room_id, text)

    async def send_files(self, room_id: str, paths: list[str]) -> None:
        """Send files, in order; each one's local echo arrives as a core diff."""
        for path in paths:
            try:
                await self._session.room(room_id).send_file(path)
            except ActionFailed as err:
                self.error_occurred.emit(texts.action_error_text(err))

    @asyncSlot(str, list)
    async def _on_files_chosen(self, room_id: str, paths: list[str]) -> None:
        await self.send_files(room_id, paths)

    async def load_older(self) -> None:
        """Back-paginate the open room; rows arrive as MessagesPrepended."""
        room_id, model = self.current_room, self.bridge.timeline
        try:
            if model is not None and room_id:
                count = await self.bridge.load_older(room_id)
                if count == 0:
                    model.reached_start = True  # nothing more: stop asking
        except ActionFailed as err:
            log.warning("load_older failed: %s", err.kind.name)
        finally:
            if shiboken6.isValid(self.pane.timeline):  # the window may have closed meanwhile
                self.pane.timeline.set_loading(False)

    @asyncSlot()
    async def _on_newer_requested(self) -> None:
        try:
            if self.current_room:
                await self.bridge.load_newer(self.current_room)
        finally:
            if shiboken6.isValid(self.pane.timeline):
                self.pane.timeline.newer_loaded()

    @asyncSlot()
    async def _on_newest_requested(self) -> None:
        """The jump button of a window that slid back through history: the newest rows."""
        room_id = self.current_room
        if room_id:
            model = await self.bridge.open_room(room_id)
            if self.current_room == room_id and shiboken6.isValid(self.pane.timeline):
                self.pane.timeline.set_timeline(model)

    @asyncSlot()
    async def _on_older_requested(self) -> None:
        await self.load_older()

    @asyncSlot(str, str)
    async def _on_send_action(self, what: str, key: str) -> None:
        """Retry, discard or cancel a message being sent (retry_send, discard_send,
        cancel_send); the core publishes the row's change (MessageRemoved...)."""
        try:
            await getattr(self._session.room(self.current_room), what)(key)
        except ActionFailed as err:
            self.error_occurred.emit(texts.action_error_text(err))

    # invitations and leaving
    async def answer_invite(self, room_id: str, accept: bool) -> None:
        """Accept or decline; the core's RoomsChanged/RoomsRemoved update the screen."""
        self.pane.invite.set_busy(True)
        try:
            if accept:
                await self._session.room(room_id).accept_invite()
            else:
                await self._session.room(room_id).decline_invite()
        except ActionFailed as err:
            self.pane.invite.show_error(texts.action_error_text(err))
        finally:
            self.pane.invite.set_busy(False)

    @asyncSlot(str)
    async def _on_accept(self, room_id: str) -> None:
        await self.answer_invite(room_id, True)

    @asyncSlot(str)
    async def _on_decline(self, room_id: str) -> None:
        await self.answer_invite(room_id, False)

    def open_invite(self, room_id: str) -> InviteDialog:
        """"Invite people" (room menu): the invitation dialog, window-modal."""
        from ui.rooms.invite_dialog import open_invite_dialog  # built when first asked for

        return open_invite_dialog(self._session, room_id, self)

    def confirm_leave(self, room_id: str) -> ConfirmLeaveDialog | None:
        """Ask before leaving; leaving happens if the user confirms."""
        summary = self.bridge.room_list.summary(room_id)
        if summary is None:
            return None
        dialog = ConfirmLeaveDialog(display_name(summary), summary.is_direct, self)
        dialog.accepted.connect(lambda: self._on_leave(room_id))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    async def leave(self, room_id: str) -> None:
        """Leave a room; RoomsRemoved takes it off the list."""
        await self._stop_typing(room_id)
        try:
            await self._session.room(room_id).leave()
        except ActionFailed as err:
            self.error_occurred.emit(texts.action_error_text(err))

    @asyncSlot(str)
    async def _on_leave(self, room_id: str) -> None:
        await self.leave(room_id)

    # new conversations
    def new_direct_chat(self) -> NewDirectChatDialog:
        """Open the "new direct chat" dialog."""
        return self._open_creation(NewDirectChatDialog(self._session, self))

    def new_room(self) -> NewSalonDialog:
        """Open the "new salon" dialog (ui/rooms/new_salon.py)."""
        from ui.rooms.new_salon import NewSalonDialog

        return self._open_creation(NewSalonDialog(self._session, self))

    def _open_creation(self, dialog):
        """A dialog that creates a conversation: the new one opens once it is made."""
        dialog.accepted.connect(lambda: self._open_soon(dialog.room_id or ""))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def open_settings(self, room_id: str) -> RoomSettingsDialog | None:
        """Open a room's settings (from its header or the room list's menu)."""
        summary = self.bridge.room_list.summary(room_id)
        if summary is None:
            return None
        from ui.rooms.settings_dialog import RoomSettingsDialog

        dialog = RoomSettingsDialog(
            self._session, room_id, display_name(summary), self, direct=summary.is_direct
        )
        dialog.leave_requested.connect(self.confirm_leave)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog
