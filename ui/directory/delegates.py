"""How the directory's rows paint: a person (round avatar, name, organisation apart, an
"External" badge, their id) and a public salon (hexagon, name, members, topic, "Joined").

Avatars come from the application's avatar store: a miss paints initials and starts the
fetch; the view repaints when the image arrives.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from ui import theme
from ui.accounts import account_texts, people
from ui.avatar import AvatarShape, paint_avatar
from ui.avatar_images import avatar_images
from ui.directory import texts as dtexts
from ui.directory.models import PeopleModel, PublicRoomsModel

ROW_H = 56
AVATAR = 36
LEFT = theme.S + theme.XS
_LEFT_V = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter


def _background(painter: QPainter, option: QStyleOptionViewItem) -> None:
    t = theme.current()
    rect = QRectF(option.rect.adjusted(theme.XS, 2, -theme.XS, -2))
    selected = bool(option.state & QStyle.StateFlag.State_Selected)
    hovered = bool(option.state & QStyle.StateFlag.State_MouseOver)
    if selected or hovered:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(t.row_selected if selected else t.row_hover))
        painter.drawRoundedRect(rect, 6, 6)
    if option.state & QStyle.StateFlag.State_HasFocus:
        painter.setPen(QColor(t.primary))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRoundedRect(rect.adjusted(0, 0, 0, -1), 6, 6)


def _small(font: QFont) -> QFont:
    small = QFont(font)
    small.setPointSizeF(max(6.0, font.pointSizeF() - 1.5))
    return small


def _badge(painter: QPainter, x: int, centre_y: int, text: str, font: QFont) -> int:
    """The orange "External" pill at `x`; returns its width."""
    fm = QFontMetrics(font)
    w, h = fm.horizontalAdvance(text) + 2 * theme.XS + 2, fm.height() + 2
    pill = QRectF(x, centre_y - h / 2, w, h)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(people.BADGE_BACKGROUND))
    painter.drawRoundedRect(pill, h / 2, h / 2)
    painter.setFont(font)
    painter.setPen(QColor(people.BADGE_TEXT))
    painter.drawText(pill, Qt.AlignmentFlag.AlignCenter, text)
    return w


def _elided(fm: QFontMetrics, text: str, width: int) -> str:
    if fm.horizontalAdvance(text) <= width:
        return text
    return fm.elidedText(text, Qt.TextElideMode.ElideRight, max(0, width))


class PersonDelegate(QStyledItemDelegate):
    """A person found in the directory."""

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        return QSize(option.rect.width(), ROW_H)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        role = PeopleModel.Role
        user_id, name = index.data(role.USER_ID), index.data(role.NAME)
        if not user_id:
            return
        t = theme.current()
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        _background(painter, option)
        rect = option.rect
        avatar = QRectF(rect.left() + LEFT, rect.center().y() - AVATAR / 2 + 1, AVATAR, AVATAR)
        image = avatar_images().image(index.data(role.AVATAR_URL))
        paint_avatar(painter, avatar, name, user_id, AvatarShape.CIRCLE, image)
        x = int(avatar.right()) + theme.S + theme.XS
        width = rect.right() - theme.M - x
        bold, small = QFont(option.font), _small(option.font)
        bold.setBold(True)
        fm, fm_small = QFontMetrics(bold), QFontMetrics(small)
        top = QRect(x, rect.top() + theme.S, width, fm.height())
        badge = account_texts.external_badge() if index.data(role.EXTERNAL) else ""
        badge_w = fm_small.horizontalAdvance(badge) + 3 * theme.XS if badge else 0
        organisation = index.data(role.ORGANISATION) or ""
        shown = _elided(fm, name, width - badge_w)
        painter.setFont(bold)
        painter.setPen(QColor(t.text))
        painter.drawText(top, _LEFT_V, shown)
        after = x + fm.horizontalAdvance(shown) + theme.XS
        if organisation:
            room = width - badge_w - (after - x)
            org = _elided(fm_small, organisation, room) if room > 24 else ""
            painter.setFont(small)
            painter.setPen(QColor(t.text_secondary))
            painter.drawText(QRect(after, top.top(), max(0, room), top.height()), _LEFT_V, org)
            after += fm_small.horizontalAdvance(org) + theme.XS if org else 0
        if badge:
            _badge(painter, after + theme.XS, top.center().y() + 1, badge, small)
        painter.setFont(small)
        painter.setPen(QColor(t.text_secondary))
        second = QRect(x, top.bottom() + theme.XS, width, fm_small.height())
        painter.drawText(second, _LEFT_V, _elided(fm_small, user_id, width))
        painter.restore()


class PublicRoomDelegate(QStyledItemDelegate):
    """A public salon: hexagon, name, its members, its topic, and "Joined" if it is ours."""

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        return QSize(option.rect.width(), ROW_H + theme.XS)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        role = PublicRoomsModel.Role
        room_id, name = index.data(role.ROOM_ID), index.data(role.NAME)
        if not room_id:
            return
        t = theme.current()
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        _background(painter, option)
        rect = option.rect
        avatar = QRectF(rect.left() + LEFT, rect.center().y() - 20, 40, 40)
        image = avatar_images().image(index.data(role.AVATAR_URL))
        paint_avatar(painter, avatar, name, room_id, AvatarShape.HEXAGON, image)
        x = int(avatar.right()) + theme.S + theme.XS
        right = rect.right() - theme.M
        bold, small = QFont(option.font), _small(option.font)
        bold.setBold(True)
        fm, fm_small = QFontMetrics(bold), QFontMetrics(small)
        if index.data(role.JOINING):
            status = dtexts.joining()
        elif index.data(role.JOINED):
            status = dtexts.already_joined()
        else:
            status = ""
        count = dtexts.members(index.data(role.MEMBERS) or 0)
        aside = f"{status}  ·  {count}" if status else count
        aside_w = fm_small.horizontalAdvance(aside)
        top = QRect(x, rect.top() + theme.S, right - x, fm.height())
        painter.setFont(small)
        painter.setPen(QColor(t.success if index.data(role.JOINED) else t.text_secondary))
        painter.drawText(top, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, aside)
        painter.setFont(bold)
        painter.setPen(QColor(t.text))
        painter.drawText(top, _LEFT_V, _elided(fm, name, top.width() - aside_w - theme.S))
        topic = index.data(role.TOPIC) or index.data(role.ALIAS) or ""
        if topic:
            painter.setFont(small)
            painter.setPen(QColor(t.text_secondary))
            second = QRect(x, top.bottom() + theme.XS, right - x, fm_small.height())
            painter.drawText(second, _LEFT_V, _elided(fm_small, topic, second.width()))
        painter.restore()
