"""How one member is painted in the members panel: avatar, name, role or invitation.

All rows are the same height, so a list of 1 000 members scrolls smoothly; the avatar is
asked of `avatar_images` only when its row is painted (the others are never fetched).
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from app.rooms.member_rows import MemberState, RoomMember
from app.rooms.power_levels import Role
from ui import theme
from ui.accounts import people
from ui.avatar import AvatarShape, avatar_pixmap
from ui.avatar_images import avatar_images
from ui.rooms import member_texts
from ui.rooms.members_model import MembersModel

ROW_HEIGHT = 44
AVATAR = 28


class MembersDelegate(QStyledItemDelegate):
    """One member per row, all rows the same height (a list of 1 000 scrolls smoothly)."""

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        return QSize(option.rect.width(), ROW_HEIGHT)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        member: RoomMember = index.data(MembersModel.Role.MEMBER)
        if member is None:
            return
        colours = theme.current()
        painter.save()
        if option.state & QStyle.StateFlag.State_Selected:
            painter.fillRect(option.rect, QColor(colours.row_selected))
        elif option.state & QStyle.StateFlag.State_MouseOver:
            painter.fillRect(option.rect, QColor(colours.row_hover))
        rect = option.rect.adjusted(theme.M, 0, -theme.M, 0)
        top = rect.top() + (rect.height() - AVATAR) // 2
        image = avatar_images().image(member.avatar_url)  # asked for painted rows only
        ratio = painter.device().devicePixelRatioF() if painter.device() else 1.0
        pixmap = avatar_pixmap(
            AVATAR, member.name, member.user_id, AvatarShape.CIRCLE, ratio, image
        )
        painter.drawPixmap(rect.left(), top, pixmap)
        badge = member_texts.state_badge(member.state)
        if not badge and member.role is not Role.MEMBER:
            badge = member_texts.role_name(member.role, member.level)
        x = rect.left() + AVATAR + theme.S
        width = rect.right() - x
        half = rect.height() // 2
        font = QFont(option.font)
        font.setWeight(QFont.Weight.DemiBold)
        text = QColor(colours.text_secondary if member.state is not MemberState.JOINED
                      else colours.text)  # fmt: skip
        # The name (organisation, External) on the first line; the role or state under it.
        name_rect = QRect(x, rect.top() + (0 if badge else half // 2), width, half + 2)
        if badge:
            name_rect.moveTop(rect.top() + 3)
        people.paint_name(painter, name_rect, member.display_name, member.user_id, font, text)
        if badge:
            small = QFont(option.font)
            small.setPointSizeF(max(6.0, option.font.pointSizeF() - 1.5))
            painter.setFont(small)
            painter.setPen(QColor(colours.primary if member.role is Role.ADMIN
                                  and member.state is MemberState.JOINED
                                  else colours.text_secondary))  # fmt: skip
            line = QRect(x, rect.top() + half - 1, width, half - 2)
            shown = painter.fontMetrics().elidedText(badge, Qt.TextElideMode.ElideRight, width)
            painter.drawText(
                line, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, shown
            )
        painter.restore()
