"""The members panel: the room's side panel listing who is in it, with what role.

A filter box, then the list (`MembersModel` through `MembersProxy`): avatar (fetched only
for the rows painted), name with the organisation apart and the "External" badge, the role
or the invitation's badge. Per member, a menu (right click, the Menu key, Shift+F10, or
the "…" button) offers only what our level allows: promote, make administrator, demote,
remove, ban (a reason asked first), lift a ban. "Export the list" writes a .txt file.
Dialogs open from plain slots; the actions run as coroutines afterwards, once each.
"""

from __future__ import annotations

import logging

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QMenu,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)
from qasync import asyncSlot

from app.api import SessionApi
from app.core.errors import ActionFailed
from app.rooms.member_rows import MemberState, RoomMember
from app.rooms.outcome import Outcome
from app.rooms.power_levels import ADMIN, MEMBER, MODERATOR, Action, PowerLevels, Role
from app.store.cache import CacheUnavailable
from ui import theme
from ui.accounts.card import show_message
from ui.avatar_images import avatar_images
from ui.dialogs.base import TchapDialog
from ui.rooms import member_texts
from ui.rooms.member_delegate import MembersDelegate
from ui.rooms.members_model import MembersModel, MembersProxy

log = logging.getLogger("tchap.ui")


class ReasonDialog(TchapDialog):
    """Removing or banning someone: the reason, told to them and to the room (optional)."""

    def __init__(self, title: str, text: str, confirm: str, parent: QWidget | None = None) -> None:
        super().__init__(title, text, confirm, parent)
        self.reason = QLineEdit(self)
        self.reason.setPlaceholderText(self.tr("Reason (optional)"))
        self.reason.setAccessibleName(self.tr("Reason"))
        self.reason.setMaxLength(300)
        self.body.addWidget(self.reason)
        self.confirm_button.clicked.connect(self.accept)


class MembersPanel(QWidget):
    """The side panel of the open room's members."""

    closed = Signal()
    rights_requested = Signal(str)  # room id: open the rights page
    invite_requested = Signal(str)  # room id: the invitation dialog

    def __init__(self, session: SessionApi, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("membersPanel")
        self.setAccessibleName(self.tr("Members"))
        self.setMinimumWidth(320)
        self.setMaximumWidth(360)
        self._session = session
        self._levels = PowerLevels.parse({})
        self._running: set[tuple[str, str]] = set()  # (action, user id) in flight
        self._loading = False
        self._again = False  # members changed while loading: load once more after
        self.menu: QMenu | None = None
        self.model = MembersModel(self)
        self.proxy = MembersProxy(self)
        self.proxy.setSourceModel(self.model)
        title = QLabel(self.tr("Members"), self)
        title.setObjectName("sectionTitle")
        self.close_button = QToolButton(self)
        self.close_button.setText("✕")
        self.close_button.setAccessibleName(self.tr("Close the members panel"))
        self.close_button.setToolTip(self.tr("Close (Ctrl+Shift+M)"))
        self.close_button.clicked.connect(self.close_panel)
        self.count = QLabel(self)
        self.count.setObjectName("secondary")
        self.filter = QLineEdit(self)
        self.filter.setPlaceholderText(self.tr("Filter members"))
        self.filter.setAccessibleName(self.tr("Filter members"))
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self.proxy.set_filter_text)
        self.filter.installEventFilter(self)
        self.view = QListView(self)
        self.view.setAccessibleName(self.tr("Members of the salon"))
        self.view.setModel(self.proxy)
        self.view.setItemDelegate(MembersDelegate(self.view))
        self.view.setUniformItemSizes(True)
        self.view.setMouseTracking(True)
        self.view.setVerticalScrollMode(QListView.ScrollMode.ScrollPerPixel)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.installEventFilter(self)
        self.view.customContextMenuRequested.connect(self._on_context_menu)
        self.view.activated.connect(lambda _i: self.open_menu())
        self.actions_button = QToolButton(self)
        self.actions_button.setText("…")
        self.actions_button.setAccessibleName(self.tr("Actions on the selected member"))
        self.actions_button.setToolTip(self.actions_button.accessibleName())
        self.actions_button.clicked.connect(self.open_menu)
        self.export_button = QPushButton(self.tr("Export the list"), self)
        self.export_button.setAccessibleName(self.tr("Export the list of members to a file"))
        self.export_button.clicked.connect(self.choose_export_file)
        self.invite_button = QPushButton(self.tr("Invite…"), self)
        self.invite_button.setAccessibleName(self.tr("Invite people to this salon"))
        self.invite_button.clicked.connect(lambda: self.invite_requested.emit(self.model.room_id))
        self.rights_button = QPushButton(self.tr("Rights…"), self)
        self.rights_button.setAccessibleName(self.tr("Who can do what in this salon"))
        self.rights_button.clicked.connect(lambda: self.rights_requested.emit(self.model.room_id))
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.hide()
        top = QHBoxLayout()
        top.addWidget(title, 1)
        top.addWidget(self.close_button)
        tools = QHBoxLayout()
        tools.addWidget(self.filter, 1)
        tools.addWidget(self.actions_button)
        bottom = QHBoxLayout()  # "Invite…" on a row of its own: three buttons do not fit
        bottom.addWidget(self.export_button)
        bottom.addWidget(self.rights_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(theme.M, theme.M, theme.M, theme.M)
        layout.setSpacing(theme.S)
        layout.addLayout(top)
        layout.addWidget(self.count)
        layout.addLayout(tools)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.status)
        layout.addWidget(self.invite_button)
        layout.addLayout(bottom)
        # A bound slot, not a lambda: Qt drops it with the panel (a lambda outlives it).
        avatar_images().loaded.connect(self._avatar_loaded)

    def _avatar_loaded(self, _uri: str) -> None:
        self.view.viewport().update()

    # -- showing a room ------------------------------------------------------------------------

    @property
    def room_id(self) -> str:
        return self.model.room_id

    @asyncSlot(str)
    async def show_room(self, room_id: str) -> None:
        """List another room's members (the model is reset once)."""
        self.filter.clear()
        self.show_status("")
        self.model.set_room(room_id, [])
        self._update_count()
        await self.refresh()

    @asyncSlot()
    async def refresh(self) -> None:
        """Read the members again; the changes reach the model as a diff."""
        if self._loading:
            self._again = True
            return
        room_id = self.model.room_id
        if not room_id:
            return
        self._loading = True
        try:
            while True:
                self._again = False
                room = self._session.room(room_id)
                try:
                    members = await room.member_list()
                    levels = await room.power_levels()
                except ActionFailed as err:
                    log.warning("members not read: %s", err.kind.name)
                    return
                except CacheUnavailable:  # the session closed meanwhile (sign-out, quit)
                    log.info("members not read: the session is closed")
                    return
                if not shiboken6.isValid(self) or self.model.room_id != room_id:
                    return
                self._levels = levels
                self.model.update(members)
                self._update_count()
                if not self._again:
                    return
        finally:
            self._loading = False

    def _update_count(self) -> None:
        joined, invited = self.model.counts()
        self.count.setText(member_texts.members_count(joined, invited))

    def close_panel(self) -> None:
        self.hide()
        self.closed.emit()

    def show_status(self, text: str, error: bool = False) -> None:
        show_message(self.status, text, error=error, neutral="secondary")

    # -- per member ----------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        key = event.key() if event.type() == QEvent.Type.KeyPress else None  # type: ignore[attr-defined]
        if watched is self.filter and key == Qt.Key.Key_Down:  # from the filter into the list
            self.view.setFocus(Qt.FocusReason.TabFocusReason)
            if not self.view.currentIndex().isValid() and self.proxy.rowCount():
                self.view.setCurrentIndex(self.proxy.index(0, 0))
            return True
        shift_f10 = key == Qt.Key.Key_F10 and event.modifiers() & Qt.KeyboardModifier.ShiftModifier  # type: ignore[attr-defined]
        if watched is self.view and (key == Qt.Key.Key_Menu or shift_f10):
            self.open_menu()  # at the current row, not where the mouse happens to be
            return True
        return super().eventFilter(watched, event)

    def current_member(self) -> RoomMember | None:
        index = self.view.currentIndex()
        return index.data(MembersModel.Role.MEMBER) if index.isValid() else None

    def _on_context_menu(self, pos) -> None:
        index = self.view.indexAt(pos)
        if index.isValid():
            self.view.setCurrentIndex(index)
            self.open_menu(self.view.viewport().mapToGlobal(pos))

    def member_menu(self, member: RoomMember) -> QMenu:
        """The actions our level allows on `member` (empty when none)."""
        menu = QMenu(self)
        menu.setAccessibleName(self.tr("Actions on {name}").format(name=member.name))
        own, levels = self._session.user_id, self._levels
        present = member.state in (MemberState.JOINED, MemberState.INVITED)
        offered = set(
            levels.offered_levels(own, member.user_id, member.external) if present else ()
        )

        def add(name: str, text: str, run) -> None:
            entry = menu.addAction(text)
            entry.setObjectName(name)
            entry.triggered.connect(run)

        uid = member.user_id
        if Role.MODERATOR in offered and member.level < MODERATOR:
            add("promote", self.tr("Promote to moderator"), lambda: self.set_level(uid, MODERATOR))
        if Role.ADMIN in offered:
            add("admin", self.tr("Make administrator"), lambda: self.set_level(uid, ADMIN))
        if Role.MEMBER in offered and member.level > MEMBER:
            add("demote", self.tr("Demote to member"), lambda: self.set_level(uid, MEMBER))
        above = uid != own and levels.user_level(uid) < levels.user_level(own)
        if present and above and levels.can(own, Action.KICK):
            add("kick", self.tr("Remove from the salon…"), lambda: self.ask_reason(member, "kick"))
        if member.state is not MemberState.EMAIL_INVITED and above and levels.can(own, Action.BAN):
            if member.state is MemberState.BANNED:
                add("unban", self.tr("Lift the ban"), lambda: self.run_membership(uid, "unban", ""))
            else:
                add("ban", self.tr("Ban…"), lambda: self.ask_reason(member, "ban"))
        return menu

    def open_menu(self, at=None) -> QMenu | None:
        """Show the current member's menu (at the row when asked from the keyboard)."""
        member = self.current_member()
        if member is None:
            return None
        menu = self.member_menu(member)
        if menu.isEmpty():
            self.show_status(self.tr("You cannot change anything for this member."))
            return None
        if at is None:
            rect = self.view.visualRect(self.view.currentIndex())
            at = self.view.viewport().mapToGlobal(rect.bottomLeft())
        menu.popup(at)
        self.menu = menu  # kept: the open menu
        return menu

    def ask_reason(self, member: RoomMember, verb: str) -> ReasonDialog:
        """Removing or banning: the reason first (a plain slot: the dialog opens with open())."""
        name = member.name
        if verb == "ban":
            dialog = ReasonDialog(self.tr("Ban {name}").format(name=name),
                                  self.tr("{name} will be removed and cannot come back until the "
                                          "ban is lifted.").format(name=name),
                                  self.tr("Ban"), self)  # fmt: skip
        else:
            dialog = ReasonDialog(self.tr("Remove {name}").format(name=name),
                                  self.tr("{name} will leave the salon and can be invited again.")
                                  .format(name=name), self.tr("Remove"), self)  # fmt: skip
        dialog.setObjectName(f"{verb}Dialog")
        dialog.accepted.connect(
            lambda: self.run_membership(member.user_id, verb, dialog.reason.text())
        )
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    @asyncSlot(str, int)
    async def set_level(self, user_id: str, level: int) -> None:
        await self._run("level", user_id, lambda room: room.set_member_level(user_id, level))

    @asyncSlot(str, str, str)
    async def run_membership(self, user_id: str, verb: str, reason: str) -> None:
        def call(room):
            if verb == "unban":
                return room.unban(user_id)
            return getattr(room, verb)(user_id, reason)

        await self._run(verb, user_id, call)

    async def _run(self, name: str, user_id: str, call) -> None:
        if (name, user_id) in self._running:  # once while in flight
            return
        self._running.add((name, user_id))
        self.show_status("")
        try:
            outcome = await call(self._session.room(self.model.room_id))
        except ActionFailed as err:
            log.warning("member action %s refused: %s", name, err)
            if shiboken6.isValid(self):
                self.show_status(member_texts.failure_text(err), error=True)
            return
        except CacheUnavailable:
            log.info("member action %s not done: the session is closed", name)
            return
        finally:
            self._running.discard((name, user_id))
        if not shiboken6.isValid(self):
            return
        if outcome is Outcome.QUEUED:
            self.show_status(member_texts.queued_text())
        await self.refresh()

    # -- export --------------------------------------------------------------------------------

    def choose_export_file(self) -> None:
        """A plain slot: the file dialog never runs inside a coroutine."""
        default = self.tr("members") + ".txt"
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export the list of members"), default, self.tr("Text files (*.txt)")
        )
        if path:
            self.export_to(path)

    @asyncSlot(str)
    async def export_to(self, path: str) -> None:
        if not path.lower().endswith(".txt"):
            path += ".txt"
        try:
            count = await self._session.room(self.model.room_id).export_members(path)
        except OSError as exc:
            log.warning("members export failed: %s", type(exc).__name__)
            self.show_status(member_texts.export_failed_text(), error=True)
            return
        except ActionFailed as err:
            self.show_status(member_texts.failure_text(err), error=True)
            return
        if shiboken6.isValid(self):
            self.show_status(member_texts.exported_text(count))
