"""How the room list paints: a 64 px row per room, a 32 px header per section.

A room row: avatar (its kind's icon on its corner: ui/rooms/kind_badge.py), name with a forum icon (public salon) and a
muted icon, time; then "Sender: message" and the badges: a red "@" when someone mentioned
the user (highlight_count), the unread count (grey in a muted room), or a dot for a room
marked unread. A header: chevron, section name, its number of rooms; collapsed, a dot
when one of its rooms is unread.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QModelIndex, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from app.core.types import Membership, RoomSummary
from app.rooms.kinds import RoomKind, summary_kind
from ui import texts, theme
from ui.accounts import people
from ui.avatar import AvatarShape, paint_avatar
from ui.avatar_images import avatar_images
from ui.models.room_list import RoomListModel, Section
from ui.resources import icon
from ui.rooms.kind_badge import paint_kind_badge

translate = QCoreApplication.translate

ROW_H = 64
HEADER_H = 32
AVATAR = 40
ICON = 14


def room_shape(summary: RoomSummary) -> AvatarShape:
    """Tchap's convention: a circle for a direct chat, a hexagon for a salon."""
    direct = summary.is_direct or summary_kind(summary) is RoomKind.DIRECT
    return AvatarShape.CIRCLE if direct else AvatarShape.HEXAGON


def preview_text(summary: RoomSummary) -> str:
    """The second line of a row: invitation, or "Sender: body" (no prefix in a DM)."""
    if summary.membership is Membership.INVITE:
        # A preview names people without their organisation (the row is short).
        inviter = people.person(summary.inviter).name or translate("RoomDelegate", "someone")
        return translate("RoomDelegate", "Invitation from {inviter}").format(inviter=inviter)
    body = summary.last_body
    if summary.last_undecryptable:
        body = translate("RoomDelegate", "Encrypted message")
    if not body:
        return ""
    body = " ".join(body.split())  # one line: newlines and runs of spaces collapse
    if summary.last_sender and not summary.is_direct:
        return translate("RoomDelegate", "{sender}: {body}").format(
            sender=people.person(summary.last_sender).name, body=body
        )
    return body


def _pill(painter: QPainter, right: int, y: float, label: str, colour: str, font: QFont) -> int:
    """A rounded badge ending at `right`, vertically centred on `y`; returns its width."""
    fm = QFontMetrics(font)
    w = max(20, fm.horizontalAdvance(label) + 12)
    badge = QRectF(right - w + 1, y - 9, w, 18)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(colour))
    painter.drawRoundedRect(badge, 9, 9)
    painter.setFont(font)
    painter.setPen(QColor("#FFFFFF"))
    painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, label)
    return w


def _dot(painter: QPainter, right: int, y: float, colour: str) -> int:
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(colour))
    painter.drawEllipse(QRectF(right - 9, y - 4.5, 9, 9))
    return 9


class RoomDelegate(QStyledItemDelegate):
    """Paints room rows and section headers."""

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        header = index.data(RoomListModel.Role.IS_HEADER)
        return QSize(option.rect.width(), HEADER_H if header else ROW_H)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        if index.data(RoomListModel.Role.IS_HEADER):
            self._paint_header(painter, option, index)
            return
        summary: RoomSummary | None = index.data(RoomListModel.Role.SUMMARY)
        if summary is None:
            return
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        self._paint_room(painter, option, summary, index.data(RoomListModel.Role.NAME))
        painter.restore()

    def _paint_background(self, painter: QPainter, option: QStyleOptionViewItem) -> None:
        t = theme.current()
        rect = option.rect
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        hovered = bool(option.state & QStyle.StateFlag.State_MouseOver)
        focused = bool(option.state & QStyle.StateFlag.State_HasFocus)
        if selected or hovered:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(t.row_selected if selected else t.row_hover))
            painter.drawRoundedRect(QRectF(rect.adjusted(theme.S, 2, -theme.S, -2)), 6, 6)
            if selected and rect.height() == ROW_H:
                painter.setBrush(QColor(t.primary))
                painter.drawRoundedRect(
                    QRectF(rect.left() + theme.S, rect.top() + 14, 3, ROW_H - 28), 1.5, 1.5
                )
        if focused:  # where the keyboard is, even on a header
            painter.setPen(QColor(t.primary))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(QRectF(rect.adjusted(theme.S, 2, -theme.S, -3)), 6, 6)

    def _paint_header(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex
    ) -> None:
        t = theme.current()
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        self._paint_background(painter, option)
        section: Section = index.data(RoomListModel.Role.SECTION)
        collapsed_of = getattr(index.model(), "collapsed", None)
        collapsed = collapsed_of is not None and section in collapsed_of()
        rect = option.rect.adjusted(theme.M + theme.XS, 0, -(theme.M + theme.XS), 0)
        font = QFont(option.font)
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() - 1)
        painter.setFont(font)
        painter.setPen(QColor(t.text_secondary))
        chevron = "▸" if collapsed else "▾"
        painter.drawText(QRect(rect.left(), rect.top(), 14, rect.height()),
                         Qt.AlignmentFlag.AlignCenter, chevron)  # fmt: skip
        count = index.data(RoomListModel.Role.SECTION_COUNT) or 0
        title = f"{index.data(RoomListModel.Role.NAME)}  {count}"
        painter.drawText(rect.adjusted(20, 0, 0, 0),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, title)  # fmt: skip
        if collapsed and index.data(RoomListModel.Role.SECTION_UNREAD):
            _dot(painter, rect.right(), rect.center().y() + 0.5, t.primary)
        painter.restore()

    def _paint_room(
        self, painter: QPainter, option: QStyleOptionViewItem, summary: RoomSummary, name: str
    ) -> None:
        t = theme.current()
        rect = option.rect
        self._paint_background(painter, option)
        av = QRect(
            rect.left() + theme.M + theme.XS, rect.top() + (ROW_H - AVATAR) // 2, AVATAR, AVATAR
        )
        picture = avatar_images().image(summary.avatar_url)
        paint_avatar(painter, QRectF(av), name, summary.room_id, room_shape(summary), picture)
        paint_kind_badge(painter, QRectF(av), summary_kind(summary))  # the kind on its corner

        x = av.right() + 1 + theme.S + theme.XS
        right = rect.right() - theme.M - theme.XS
        is_invite = summary.membership is Membership.INVITE
        unread = summary.unread_count > 0 or summary.marked_unread or is_invite
        base = QFont(option.font)
        small = QFont(base)
        small.setPointSizeF(base.pointSizeF() - 1)
        fm_small = QFontMetrics(small)

        # First line: name [forum] [muted] ........ time
        time_text = texts.room_time_text(summary.last_ts)
        painter.setFont(small)
        time_w = fm_small.horizontalAdvance(time_text)
        top_line = QRect(x, rect.top() + 12, right - x, 20)
        loud = summary.unread_count and not summary.is_muted
        painter.setPen(QColor(t.primary if loud else t.text_secondary))
        painter.drawText(
            top_line, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, time_text
        )
        icons = [
            n for n, on in (("globe", summary.is_public), ("bell-off", summary.is_muted)) if on
        ]
        name_font = QFont(base)
        name_font.setWeight(QFont.Weight.Bold if unread else QFont.Weight.DemiBold)
        painter.setFont(name_font)
        fm = QFontMetrics(name_font)
        room_w = top_line.width() - time_w - theme.S - len(icons) * (ICON + theme.XS)
        name_rect = QRect(x, top_line.top(), room_w, top_line.height())
        if summary.is_direct:  # a person: the organisation apart, the "External" badge
            icon_x = people.paint_name(painter, name_rect, name, summary.direct_user_id,
                                       name_font, QColor(t.text)) + theme.XS  # fmt: skip
        else:
            shown = fm.elidedText(name, Qt.TextElideMode.ElideRight, max(0, room_w))
            painter.setPen(QColor(t.text))
            painter.drawText(name_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                             shown)  # fmt: skip
            icon_x = x + fm.horizontalAdvance(shown) + theme.XS
        for name_of_icon in icons:
            icon(name_of_icon).paint(
                painter, QRect(icon_x, top_line.center().y() - ICON // 2 + 1, ICON, ICON)
            )
            icon_x += ICON + theme.XS

        # Second line: preview ........ badges
        bottom_line = QRect(x, rect.top() + 34, right - x, 18)
        badges_w = self._paint_badges(painter, bottom_line, summary, small)
        painter.setFont(small)
        colour = t.primary if is_invite else t.text_strong if loud else t.text_secondary
        painter.setPen(QColor(colour))
        preview_w = bottom_line.width() - (badges_w + theme.S if badges_w else 0)
        painter.drawText(
            QRect(x, bottom_line.top(), preview_w, bottom_line.height()),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            fm_small.elidedText(preview_text(summary), Qt.TextElideMode.ElideRight, preview_w),
        )

    def _paint_badges(
        self, painter: QPainter, line: QRect, summary: RoomSummary, font: QFont
    ) -> int:
        """The unread count, the mention badge before it, or the marked-unread dot."""
        t = theme.current()
        bold = QFont(font)
        bold.setBold(True)
        y = line.center().y() + 0.5
        right = line.right()
        if summary.membership is Membership.INVITE:
            return _pill(painter, right, y, "!", t.error, bold)
        width = 0
        if summary.unread_count > 0:
            label = str(summary.unread_count) if summary.unread_count < 100 else "99+"
            colour = t.text_secondary if summary.is_muted else t.primary
            width = _pill(painter, right, y, label, colour, bold)
        elif summary.marked_unread:
            width = _dot(painter, right - 4, y, t.primary) + 4
        if summary.highlight_count > 0:
            gap = theme.XS if width else 0
            width += gap + _pill(painter, right - width - gap, y, "@", t.error, bold)
        return width
