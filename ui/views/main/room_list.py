"""The room list view and its delegate: 64 px rows with avatar, name, preview, time, badge."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QModelIndex, QPoint, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QListView,
    QMenu,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from app.core.types import Membership, RoomSummary
from ui import texts, theme
from ui.avatar import AvatarShape, paint_avatar
from ui.avatar_images import avatar_images
from ui.models.room_list import RoomListModel
from ui.resources import icon

translate = QCoreApplication.translate

ROW_H = 64
AVATAR = 40


def room_shape(summary: RoomSummary) -> AvatarShape:
    """Tchap's convention: a circle for a direct chat, a hexagon for a salon."""
    return AvatarShape.CIRCLE if summary.is_direct else AvatarShape.HEXAGON


def preview_text(summary: RoomSummary) -> str:
    """The second line of a row: invitation, or "Sender: body" (no prefix in a DM)."""
    if summary.membership is Membership.INVITE:
        inviter = summary.inviter or translate("RoomDelegate", "someone")
        return translate("RoomDelegate", "Invitation from {inviter}").format(inviter=inviter)
    body = summary.last_body
    if summary.last_undecryptable:
        body = translate("RoomDelegate", "Encrypted message")
    if not body:
        return ""
    body = " ".join(body.split())  # one line: newlines and runs of spaces collapse
    if summary.last_sender and not summary.is_direct:
        return translate("RoomDelegate", "{sender}: {body}").format(
            sender=summary.last_sender, body=body
        )
    return body


class RoomDelegate(QStyledItemDelegate):
    """Paints one room row."""

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        return QSize(option.rect.width(), ROW_H)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        summary: RoomSummary | None = index.data(RoomListModel.Role.SUMMARY)
        if summary is None:
            return
        t = theme.current()
        rect = option.rect
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        hovered = bool(option.state & QStyle.StateFlag.State_MouseOver)
        if selected or hovered:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(t.row_selected if selected else t.row_hover))
            painter.drawRoundedRect(QRectF(rect.adjusted(theme.S, 2, -theme.S, -2)), 6, 6)
            if selected:
                painter.setBrush(QColor(t.primary))
                painter.drawRoundedRect(
                    QRectF(rect.left() + theme.S, rect.top() + 14, 3, ROW_H - 28), 1.5, 1.5
                )

        av = QRect(
            rect.left() + theme.M + theme.XS, rect.top() + (ROW_H - AVATAR) // 2, AVATAR, AVATAR
        )
        name = index.data(RoomListModel.Role.NAME)
        picture = avatar_images().image(summary.avatar_url)
        paint_avatar(painter, QRectF(av), name, summary.room_id, room_shape(summary), picture)

        x = av.right() + 1 + theme.S + theme.XS
        right = rect.right() - theme.M - theme.XS
        unread = summary.unread_count > 0 or summary.membership is Membership.INVITE
        base = QFont(option.font)
        small = QFont(base)
        small.setPointSizeF(base.pointSizeF() - 1)

        # First line: [lock] name ........ time
        time_text = texts.room_time_text(summary.last_ts)
        painter.setFont(small)
        fm_small = QFontMetrics(small)
        time_w = fm_small.horizontalAdvance(time_text)
        top_line = QRect(x, rect.top() + 12, right - x, 20)
        painter.setPen(QColor(t.primary if summary.unread_count else t.text_secondary))
        painter.drawText(
            top_line, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, time_text
        )
        name_font = QFont(base)
        name_font.setBold(unread)
        name_font.setWeight(QFont.Weight.Bold if unread else QFont.Weight.DemiBold)
        painter.setFont(name_font)
        name_x = x
        if summary.is_encrypted:  # a small lock badge on the avatar's corner
            badge = QRectF(av.right() - 11, av.bottom() - 11, 15, 15)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(t.background))
            painter.drawEllipse(badge)
            icon("lock").paint(painter, badge.adjusted(2.5, 2, -2.5, -3).toRect())
        fm = QFontMetrics(name_font)
        name_w = top_line.right() - name_x - time_w - theme.S
        painter.setPen(QColor(t.text))
        painter.drawText(
            QRect(name_x, top_line.top(), name_w, top_line.height()),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            fm.elidedText(name, Qt.TextElideMode.ElideRight, name_w),
        )

        # Second line: preview ........ badge
        bottom_line = QRect(x, rect.top() + 34, right - x, 18)
        badge_w = self._paint_badge(painter, bottom_line, summary, small, t)
        painter.setFont(small)
        is_invite = summary.membership is Membership.INVITE
        painter.setPen(
            QColor(
                t.primary
                if is_invite
                else t.text_secondary
                if not summary.unread_count
                else t.text_strong
            )
        )
        preview_w = bottom_line.width() - (badge_w + theme.S if badge_w else 0)
        painter.drawText(
            QRect(x, bottom_line.top(), preview_w, bottom_line.height()),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            fm_small.elidedText(preview_text(summary), Qt.TextElideMode.ElideRight, preview_w),
        )
        painter.restore()

    def _paint_badge(
        self, painter: QPainter, line: QRect, summary: RoomSummary, font: QFont, t
    ) -> int:
        if summary.membership is Membership.INVITE:
            label = "!"
        elif summary.unread_count > 0:
            label = str(summary.unread_count) if summary.unread_count < 100 else "99+"
        else:
            return 0
        bold = QFont(font)
        bold.setBold(True)
        fm = QFontMetrics(bold)
        w = max(20, fm.horizontalAdvance(label) + 12)
        badge = QRectF(line.right() - w + 1, line.center().y() - 9, w, 18)
        red = summary.highlight_count > 0 or summary.membership is Membership.INVITE
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(t.error if red else t.primary))
        painter.drawRoundedRect(badge, 9, 9)
        painter.setFont(bold)
        painter.setPen(QColor("#FFFFFF"))
        painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, label)
        return w


class RoomListView(QListView):
    """The list of rooms; emits `room_activated(room_id)` and `leave_requested(room_id)`."""

    room_activated = Signal(str)
    leave_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("roomList")
        self.setItemDelegate(RoomDelegate(self))
        self.setUniformItemSizes(True)
        self.setMouseTracking(True)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._context_menu)
        self.setAccessibleName(self.tr("Conversations"))
        self._loading = False
        self.clicked.connect(self._activate)
        self.activated.connect(self._activate)
        avatar_images().loaded.connect(lambda _uri: self.viewport().update())

    def set_loading(self, loading: bool) -> None:
        """While the first sync runs an empty list says it is loading, not that it is empty."""
        self._loading = loading
        self.viewport().update()

    def empty_text(self) -> str:
        """What an empty list says in its viewport ("" when it has rows, or when a search
        found nothing: the sidebar's label says that, once, where a screen reader finds it)."""
        model = self.model()
        if model is None or model.rowCount() > 0:
            return ""
        if self._loading:
            return self.tr("Loading your conversations…")
        if model.sourceModel().rowCount() if hasattr(model, "sourceModel") else 0:
            return ""
        return self.tr("No conversations yet. Start one with the + button.")

    def paintEvent(self, event) -> None:
        super().paintEvent(event)
        text = self.empty_text()
        if text:
            painter = QPainter(self.viewport())
            painter.setPen(QColor(theme.current().text_secondary))
            area = self.viewport().rect().adjusted(theme.L, theme.L, -theme.L, 0)
            flags = (
                Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap
            )
            painter.drawText(area, int(flags), text)
            painter.end()

    def select_room(self, room_id: str) -> None:
        """Highlight a room's row without emitting `room_activated`."""
        model = self.model()
        if model is None:
            return
        for row in range(model.rowCount()):
            index = model.index(row, 0)
            if index.data(RoomListModel.Role.ROOM_ID) == room_id:
                self.setCurrentIndex(index)
                return
        self.clearSelection()

    def _activate(self, index: QModelIndex) -> None:
        room_id = index.data(RoomListModel.Role.ROOM_ID)
        if room_id:
            self.room_activated.emit(room_id)

    def _context_menu(self, pos: QPoint) -> None:

        index = self.indexAt(pos)
        room_id = index.data(RoomListModel.Role.ROOM_ID) if index.isValid() else None
        if not room_id:
            return
        menu = QMenu(self)
        leave = menu.addAction(self.tr("Leave…"))
        leave.triggered.connect(lambda: self.leave_requested.emit(room_id))
        menu.popup(self.viewport().mapToGlobal(pos))
