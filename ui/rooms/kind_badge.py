"""How a room's kind shows: an icon per kind (on the avatar's corner in the room list, beside
the name in the room header) and a tooltip with the kind's name and meaning."""

from __future__ import annotations

from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QPainter

from app.core.types import RoomSummary
from app.rooms.kinds import RoomKind, summary_kind
from ui import theme
from ui.resources import icon
from ui.rooms.rule_texts import kind_description, kind_name

KIND_ICONS = {
    RoomKind.PRIVATE: "lock",  # a padlock
    RoomKind.EXTERNALS: "lock-externals",  # a padlock with someone from outside
    RoomKind.FORUM: "globe",
    RoomKind.DIRECT: "person",
    RoomKind.UNENCRYPTED: "eye",  # readable: no padlock
}


def kind_icon_name(kind: RoomKind) -> str:
    """The icon of a kind (resources/icons)."""
    return KIND_ICONS[kind]


def kind_tooltip(summary: RoomSummary) -> str:
    """The room list's tooltip: the kind's name and meaning, then the topic if any."""
    kind = summary_kind(summary)
    lines = [kind_name(kind), kind_description(kind)]
    if summary.topic:
        lines.append(" ".join(summary.topic.split()))
    return "\n".join(lines)


def paint_kind_badge(painter: QPainter, avatar: QRectF, kind: RoomKind) -> None:
    """The kind's icon on a small disc over the avatar's bottom-right corner."""
    badge = QRectF(avatar.right() - 11, avatar.bottom() - 11, 15, 15)
    painter.save()
    painter.setPen(QColor(theme.current().background))
    painter.setBrush(QColor(theme.current().background))
    painter.drawEllipse(badge)
    icon(kind_icon_name(kind)).paint(painter, badge.adjusted(2, 2, -2, -2).toRect())
    painter.restore()
