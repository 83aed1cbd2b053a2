"""The right side: the open room's header, then its timeline and composer, an invitation
panel, or an empty state when no room is open."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.core.types import RoomSummary
from app.rooms.kinds import summary_kind
from ui import theme
from ui.accounts import people
from ui.avatar import avatar_pixmap
from ui.avatar_images import avatar_images
from ui.models.room_list import display_name
from ui.models.timeline import TimelineModel
from ui.resources import icon
from ui.rooms.kind_badge import kind_icon_name
from ui.rooms.rule_texts import kind_description, kind_name
from ui.views.main.room_list import room_shape
from ui.views.room.composer import Composer, local_files
from ui.views.room.read_tracker import ReadTracker
from ui.views.room.timeline import TimelineView
from ui.views.room.typing_line import TypingLine

WIDE_HEADER = 860  # px: room for the name, the kind and "End-to-end encrypted" in words
MEDIUM_HEADER = 640  # px: the kind in words still fits


class RoomHeader(QWidget):
    """Avatar, name, topic and the "end-to-end encrypted" mark."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("roomHeader")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setFixedHeight(64)
        self.avatar = QLabel(self)
        self.name = QLabel(self)
        self.name.setStyleSheet("font-size: 12pt; font-weight: 700;")
        self.topic = QLabel(self)
        self.topic.setObjectName("secondary")
        self.lock = QLabel(self)
        self.lock.setPixmap(icon("lock").pixmap(QSize(14, 14)))
        self.lock_text = QLabel(self.tr("End-to-end encrypted"), self)
        self.lock_text.setStyleSheet(f"color: {theme.current().success}; font-weight: 600;")
        self.lock.setToolTip(self.tr("Messages in this conversation are end-to-end encrypted."))
        self.lock_text.setToolTip(self.lock.toolTip())
        self.kind_icon = QLabel(self)  # the kind: its icon and name, its meaning on hover
        self.kind_text = QLabel(self)
        self.kind_text.setObjectName("secondary")
        self.settings_button = QPushButton(self)
        self.settings_button.setIcon(icon("settings"))
        self.settings_button.setFlat(True)
        self.settings_button.setToolTip(self.tr("Salon settings"))
        self.settings_button.setAccessibleName(self.tr("Salon settings"))
        names = QVBoxLayout()
        names.setSpacing(0)
        names.addWidget(self.name)
        names.addWidget(self.topic)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(theme.L, theme.S, theme.L, theme.S)
        layout.setSpacing(theme.S + theme.XS)
        layout.addWidget(self.avatar)
        layout.addLayout(names, 1)
        layout.addWidget(self.kind_icon)
        layout.addWidget(self.kind_text)
        layout.addSpacing(theme.S)
        layout.addWidget(self.lock)
        layout.addWidget(self.lock_text)
        layout.addWidget(self.settings_button)

    def set_summary(self, summary: RoomSummary) -> None:
        """Show a room's current summary."""
        name = display_name(summary)
        self.avatar.setPixmap(
            avatar_pixmap(
                40,
                name,
                summary.room_id,
                room_shape(summary),
                self.devicePixelRatioF(),
                avatar_images().image(summary.avatar_url),
            )
        )
        topic = " ".join(summary.topic.split())
        if summary.is_direct:  # a person: the organisation (and "External") under the name
            self.name.setText(people.person(name).name)
            topic = topic or people.details(name, summary.direct_user_id)
        else:
            self.name.setText(name)
        if not topic and summary.is_direct:
            topic = self.tr("Direct conversation")
        elif not topic:
            topic = (
                self.tr("%n member(s)", "", summary.member_count) if summary.member_count else ""
            )
        self.topic.setText(
            self.topic.fontMetrics().elidedText(topic, Qt.TextElideMode.ElideRight, 480)
        )
        self.topic.setToolTip(summary.topic)
        self.topic.setVisible(bool(topic))
        self.lock.setVisible(summary.is_encrypted)
        kind = summary_kind(summary)
        self.kind_icon.setPixmap(icon(kind_icon_name(kind)).pixmap(QSize(14, 14)))
        self.kind_text.setText(kind_name(kind))
        for label in (self.kind_icon, self.kind_text):
            label.setToolTip(kind_description(kind))
        self._fit()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        """A narrow header (the members panel open) keeps the room's name readable: the
        kind's and the encryption's words give way to their icons (which keep the tooltips)."""
        encrypted = not self.lock.isHidden()
        self.lock_text.setVisible(encrypted and self.width() >= WIDE_HEADER)
        self.kind_text.setVisible(self.width() >= MEDIUM_HEADER)


class InvitePanel(QWidget):
    """Who invited the user, with Accept and Decline."""

    accept_requested = Signal(str)
    decline_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._room_id = ""
        self.avatar = QLabel(self)
        self.avatar.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.title = QLabel(self)
        self.title.setObjectName("sectionTitle")
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.title.setWordWrap(True)
        self.text = QLabel(self)
        self.text.setObjectName("secondary")
        self.text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.text.setWordWrap(True)
        self.error = QLabel(self)
        self.error.setObjectName("error")
        self.error.setWordWrap(True)
        self.error.hide()
        self.accept_button = QPushButton(self.tr("Accept"), self)
        self.accept_button.setObjectName("primary")
        self.decline_button = QPushButton(self.tr("Decline"), self)
        self.accept_button.clicked.connect(lambda: self.accept_requested.emit(self._room_id))
        self.decline_button.clicked.connect(lambda: self.decline_requested.emit(self._room_id))
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.decline_button)
        buttons.addWidget(self.accept_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setSpacing(theme.M)
        layout.addStretch(1)
        layout.addWidget(self.avatar)
        layout.addWidget(self.title)
        layout.addWidget(self.text)
        layout.addWidget(self.error, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addLayout(buttons)
        layout.addStretch(2)

    def set_summary(self, summary: RoomSummary) -> None:
        """Show an invitation."""
        self._room_id = summary.room_id
        name = display_name(summary)
        inviter = summary.inviter or self.tr("Someone")
        self.avatar.setPixmap(
            avatar_pixmap(
                72,
                name,
                summary.room_id,
                room_shape(summary),
                self.devicePixelRatioF(),
                avatar_images().image(summary.avatar_url),
            )
        )
        if summary.is_direct:
            self.title.setText(self.tr("{inviter} wants to chat with you").format(inviter=inviter))
            self.text.setText(self.tr("Accept to start the conversation."))
        else:
            self.title.setText(
                self.tr("{inviter} invited you to “{room}”").format(inviter=inviter, room=name)
            )
            self.text.setText(self.tr("Accept to join the room and read its messages."))
        self.set_busy(False)
        self.show_error("")

    def set_busy(self, busy: bool) -> None:
        """Disable the buttons while the server answers."""
        self.accept_button.setEnabled(not busy)
        self.decline_button.setEnabled(not busy)

    def show_error(self, text: str) -> None:
        """Show why accepting or declining failed."""
        self.error.setText(text)
        self.error.setVisible(bool(text))


class ConversationArea(QWidget):
    """The timeline and the composer; files dropped anywhere on it are sent to the room."""

    files_dropped = Signal(list)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAcceptDrops(True)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if local_files(event.mimeData()):
            event.acceptProposedAction()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if local_files(event.mimeData()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = local_files(event.mimeData())
        if paths:
            event.acceptProposedAction()
            self.files_dropped.emit(paths)


class RoomPane(QWidget):
    """Header + (empty state | invitation | timeline and composer)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.header = RoomHeader(self)
        self.timeline = TimelineView(self)
        self.typing = TypingLine(self)
        self.read_tracker = ReadTracker(self.timeline)
        self.composer = Composer(self)
        self.invite = InvitePanel(self)
        conversation = ConversationArea(self)
        conversation.files_dropped.connect(self.composer.send_files)
        box = QVBoxLayout(conversation)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(0)
        box.addWidget(self.timeline, 1)
        box.addWidget(self.typing)
        box.addWidget(self.composer)
        self.empty = QWidget(self)
        logo = QLabel(self.empty)
        logo.setPixmap(icon("tchap").pixmap(QSize(96, 96)))
        logo.setAlignment(Qt.AlignmentFlag.AlignCenter)
        logo.setStyleSheet("opacity: 0.5;")
        hint = QLabel(self.tr("Select a conversation"), self.empty)
        hint.setObjectName("emptyState")
        hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        sub = QLabel(self.tr("or start a new one with the + button."), self.empty)
        sub.setObjectName("secondary")
        sub.setAlignment(Qt.AlignmentFlag.AlignCenter)
        empty_box = QVBoxLayout(self.empty)
        empty_box.addStretch(1)
        empty_box.addWidget(logo)
        empty_box.addSpacing(theme.M)
        empty_box.addWidget(hint)
        empty_box.addWidget(sub)
        empty_box.addStretch(1)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.empty)
        self.stack.addWidget(conversation)
        self.stack.addWidget(self.invite)
        self._conversation = conversation
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.header)
        layout.addWidget(self.stack, 1)
        self.show_empty()

    def show_empty(self) -> None:
        """No room open."""
        self.header.hide()
        self.timeline.set_timeline(None)
        self.read_tracker.watch(None)
        self.typing.set_users(())
        self.composer.set_room("", encrypted=False)
        self.stack.setCurrentWidget(self.empty)

    def show_room(self, summary: RoomSummary, model: TimelineModel) -> None:
        """Open a joined room."""
        self.header.set_summary(summary)
        self.header.show()
        self.stack.setCurrentWidget(self._conversation)
        self.timeline.set_timeline(model)
        self.read_tracker.watch(model)
        self.typing.set_users(())
        self.composer.set_room(summary.room_id, summary.is_encrypted)
        self.composer.edit.setFocus()

    def show_invite(self, summary: RoomSummary) -> None:
        """Open an invitation."""
        self.header.set_summary(summary)
        self.header.show()
        self.timeline.set_timeline(None)
        self.read_tracker.watch(None)
        self.invite.set_summary(summary)
        self.stack.setCurrentWidget(self.invite)
