"""A file in the timeline: a card with its icon, name and size, and while it uploads a
progress bar (painted by MessageDelegate inside the bubble its layout computed)."""

from __future__ import annotations

from PySide6.QtCore import QRect, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter

from app.core.types import TimelineItem
from ui import texts, theme
from ui.resources import icon
from ui.views.room.row_parts import small_font

CARD_W, CARD_H, CARD_ICON = 280, 36, 32  # a file card's text area, and its icon
PAD_H = 12
PROGRESS_GAP, PROGRESS_H = 8, 6


def paint_card(painter: QPainter, lay, item: TimelineItem, font: QFont, progress, t) -> None:
    """A file: its icon, its name, its size; while it uploads, a progress bar."""
    x, y = int(lay.text_origin.x()), int(lay.text_origin.y())
    width = lay.bubble.width() - 2 * PAD_H
    kind = "image" if item.msgtype == "m.image" else "file"
    icon(kind).paint(painter, QRect(x, y + (CARD_H - CARD_ICON) // 2, CARD_ICON, CARD_ICON))
    text_x = x + CARD_ICON + theme.S
    text_w = width - CARD_ICON - theme.S
    name_font = small_font(font, bold=True, delta=0)
    painter.setFont(name_font)
    painter.setPen(QColor(t.text))
    name = item.media.get("name") or item.body
    name = QFontMetrics(name_font).elidedText(name, Qt.TextElideMode.ElideMiddle, text_w)
    half = CARD_H // 2
    bottom_left = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom
    painter.drawText(QRect(text_x, y, text_w, half), bottom_left, name)
    size = item.media.get("size")
    if isinstance(size, int):
        painter.setFont(small_font(font))
        painter.setPen(QColor(t.text_secondary))
        top_left = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop
        painter.drawText(QRect(text_x, y + half + 2, text_w, half), top_left,
                         texts.size_text(size))  # fmt: skip
    if lay.progress is not None:
        sent, total = progress or (0, 0)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(t.background))
        painter.drawRoundedRect(QRectF(lay.progress), 3, 3)
        if total > 0 and sent > 0:
            done = QRectF(lay.progress)
            done.setWidth(max(PROGRESS_H, done.width() * min(1.0, sent / total)))
            painter.setBrush(QColor(t.primary))
            painter.drawRoundedRect(done, 3, 3)
