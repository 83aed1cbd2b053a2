"""What replies, edits and reactions add to a message row: the quoted original at the top of
the bubble, and under it "(edited)" and the reaction chips.

The delegate calls these from small hooks: heights for its layout, painting, and hit tests
(a chip clicked, the quote clicked, the tooltip of a chip). Heights never depend on what is
fetched later (the quote has a fixed two-line block), so a quote arriving repaints a row but
never moves the rows below it.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPoint, QPointF, QRect, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPen
from PySide6.QtWidgets import QStyle, QStyleOptionViewItem

from app.core.types import ItemKind, TimelineItem
from ui import relation_texts, theme
from ui.avatar import avatar_colour

QUOTE_PAD, QUOTE_GAP, QUOTE_BAR = 6, 6, 3
QUOTE_MIN_W = 220
CHIP_H, CHIP_PAD, CHIP_GAP = 24, 8, 4
BELOW_GAP = 4
LINE_H = CHIP_H + BELOW_GAP  # one line of chips under the bubble; as many lines as needed


@dataclass
class ExtrasLayout:
    """Where a row's extras go (view coordinates), beside the delegate's RowLayout."""

    bubble_bottom: int
    quote: QRect | None = None  # inside the bubble, above the text
    below: QRect | None = None  # under the bubble

    def bottom(self) -> int:
        """The lowest pixel of the bubble and what is under it."""
        return self.below.bottom() if self.below is not None else self.bubble_bottom


class RowExtras:
    """The delegate's helper for replies, reactions and "(edited)": layout and painting."""

    def __init__(self) -> None:
        self.quotes = None  # ui.views.room.reply_quotes.ReplyQuotes, set by MessageActions
        self.own_of = lambda: ""  # whose reactions are drawn as ours (the session's user)

    def adjust(self, lay, item: TimelineItem, font: QFont, rect: QRect, max_text: int):
        """Make room in the delegate's layout `lay` for the quote and the line under the
        bubble (the text, and what is under the bubble, move down); returns `lay`."""
        quote_h, has_below = quote_height(item, font), bool(item.reactions or item.edited)
        if not quote_h and not has_below:
            return lay
        bubble = QRect(lay.bubble)
        pad_h = int(lay.text_origin.x()) - bubble.left()
        pad_v = int(lay.text_origin.y()) - bubble.top()
        quote = None
        if quote_h:
            grow = min(max_text, QUOTE_MIN_W) - (bubble.width() - 2 * pad_h)
            if grow > 0 and item.is_own:
                bubble.setLeft(bubble.left() - grow)
            elif grow > 0:
                bubble.setRight(bubble.right() + grow)
            bubble.setHeight(bubble.height() + quote_h)
            quote = QRect(bubble.left() + pad_h, bubble.top() + pad_v,
                          bubble.width() - 2 * pad_h, quote_h)  # fmt: skip
            lay.text_origin = QPointF(bubble.left() + pad_h, lay.text_origin.y() + quote_h)
        below, below_h = None, 0
        if has_below:  # the chips wrap onto as many lines as the row's width asks
            left, right = rect.left() + theme.M + 44, rect.right() - theme.M
            if item.is_own:
                left, right = min(left, bubble.right()), bubble.right()
            else:
                left, right = bubble.left(), max(right, bubble.left())
            below_h = below_height(item, font, right - left + 1)
            below = QRect(left, bubble.bottom() + 1, right - left + 1, below_h)
        shift = quote_h + below_h
        for name in ("footer", "retry", "discard", "cancel"):
            part = getattr(lay, name)
            if part is not None:
                part.translate(0, shift)
        for name in ("progress", "text_clip", "fold_link"):  # inside the bubble, under the quote
            part = getattr(lay, name, None)
            if part is not None:
                part.translate(0, quote_h)
        lay.bubble = bubble
        lay.extras = ExtrasLayout(bubble.bottom(), quote, below)
        return lay

    def paint(self, painter: QPainter, lay, item: TimelineItem, option: QStyleOptionViewItem,
              model) -> None:  # fmt: skip
        """The keyboard selection's ring, the quote, "(edited)" and the chips."""
        if option.state & QStyle.StateFlag.State_Selected:
            painter.setPen(QPen(QColor(theme.current().primary), 2))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(QRectF(lay.bubble).adjusted(-2, -2, 2, 2), 13, 13)
        if lay.extras is None:
            return
        if lay.extras.quote is not None:
            original, loading = (None, False)
            if self.quotes is not None and item.reply_to:
                original, loading = self.quotes.lookup(model, item.room_id, item.reply_to)
            paint_quote(painter, lay.extras.quote, original, loading, option.font)
        if lay.extras.below is not None:
            paint_below(painter, item, lay.extras.below, option.font, self.own_of(), item.is_own)


def _small(font: QFont, bold: bool = False) -> QFont:
    small = QFont(font)
    small.setPointSizeF(max(6.0, font.pointSizeF() - 1))
    small.setBold(bold)
    return small


def quote_height(item: TimelineItem, font: QFont) -> int:
    """The quote block's height inside the bubble (with its gap), 0 for a non-reply."""
    if not item.reply_to or item.kind is ItemKind.REDACTED:
        return 0
    line = QFontMetrics(_small(font)).lineSpacing()
    return 2 * line + 2 * QUOTE_PAD + QUOTE_GAP


def below_height(item: TimelineItem, font: QFont, width: int) -> int:
    """The height of the "(edited)" and reaction lines under the bubble at `width`, 0 if
    there is neither."""
    if not (item.reactions or item.edited):
        return 0
    return LINE_H * max(1, len(_lines(_parts(item, font), width)))


def chip_text(key: str, count: int) -> str:
    return f"{key} {count}"


def _parts(item: TimelineItem, font: QFont) -> list[tuple[str, int]]:
    """Each chip's key and width in order, "(edited)" first as the key ""."""
    small, fm = QFontMetrics(_small(font)), QFontMetrics(font)
    parts: list[tuple[str, int]] = []
    if item.edited:
        parts.append(("", small.horizontalAdvance(relation_texts.edited_mark()) + 4))
    for key, senders in item.reactions.items():
        parts.append((key, fm.horizontalAdvance(chip_text(key, len(senders))) + 2 * CHIP_PAD))
    return parts


def _lines(parts: list[tuple[str, int]], width: int) -> list[list[tuple[str, int]]]:
    """The chips in lines no wider than `width` (a chip wider than that has a line of its
    own, cut to the width)."""
    lines: list[list[tuple[str, int]]] = []
    used = 0
    for key, w in parts:
        w = max(1, min(w, width))
        if lines and used + CHIP_GAP + w <= width:
            lines[-1].append((key, w))
            used += CHIP_GAP + w
        else:
            lines.append([(key, w)])
            used = w
    return lines


def chips(item: TimelineItem, below: QRect, font: QFont, own: bool) -> list[tuple[str, QRect]]:
    """Where each reaction chip goes, line by line (from the bubble's edge: right-aligned
    under our own messages), and the "(edited)" mark's place as the key ""."""
    placed = []
    for number, line in enumerate(_lines(_parts(item, font), below.width())):
        total = sum(w for _, w in line) + CHIP_GAP * (len(line) - 1)
        x = max(below.left(), below.right() - total + 1) if own else below.left()
        top = below.top() + BELOW_GAP + number * LINE_H
        for key, width in line:
            placed.append((key, QRect(x, top, width, CHIP_H)))
            x += width + CHIP_GAP
    return placed


def paint_quote(painter: QPainter, rect: QRect, original: TimelineItem | None, loading: bool,
                font: QFont) -> None:  # fmt: skip
    """The quoted original: a coloured bar, its sender, one line of its text."""
    t = theme.current()
    block = QRect(rect.left(), rect.top(), rect.width(), rect.height() - QUOTE_GAP)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(0, 0, 0, 18))
    painter.drawRoundedRect(QRectF(block), 6, 6)
    colour = avatar_colour(original.sender) if original is not None else QColor(t.border)
    painter.setBrush(colour)
    painter.drawRect(QRect(block.left(), block.top(), QUOTE_BAR, block.height()))
    inner = block.adjusted(QUOTE_BAR + QUOTE_PAD, QUOTE_PAD, -QUOTE_PAD, -QUOTE_PAD)
    line_h = inner.height() // 2
    bold, small = _small(font, bold=True), _small(font)
    if original is not None:
        painter.setFont(bold)
        painter.setPen(colour)
        name = original.sender_name or original.sender
        painter.drawText(QRect(inner.left(), inner.top(), inner.width(), line_h),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         QFontMetrics(bold).elidedText(name, Qt.TextElideMode.ElideRight,
                                                       inner.width()))  # fmt: skip
    text = relation_texts.loading_quote() if loading else relation_texts.quote_line(original)
    painter.setFont(small)
    painter.setPen(QColor(t.text_secondary))
    painter.drawText(QRect(inner.left(), inner.top() + line_h, inner.width(), line_h),
                     Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                     QFontMetrics(small).elidedText(text, Qt.TextElideMode.ElideRight,
                                                    inner.width()))  # fmt: skip


def paint_below(painter: QPainter, item: TimelineItem, below: QRect, font: QFont, own_id: str,
                own: bool) -> None:  # fmt: skip
    """ "(edited)" and the reaction chips; ours in the primary colour."""
    t = theme.current()
    small = _small(font)
    for key, rect in chips(item, below, font, own):
        painter.setFont(small)
        if key == "":
            painter.setPen(QColor(t.text_secondary))
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, relation_texts.edited_mark())
            continue
        painter.setFont(font)  # an emoji at the text's size: the small one is hard to read
        senders = item.reactions.get(key, [])
        mine = any(s[0] == own_id for s in senders)
        painter.setPen(QColor(t.primary) if mine else QColor(t.border))
        painter.setBrush(QColor(t.primary_light) if mine else QColor(t.background))
        painter.drawRoundedRect(QRectF(rect).adjusted(0.5, 0.5, -0.5, -0.5), 11, 11)
        painter.setPen(QColor(t.text))
        text = QFontMetrics(font).elidedText(chip_text(key, len(senders)),
                                             Qt.TextElideMode.ElideRight, rect.width() - 4)  # fmt: skip
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)


def chip_at(item: TimelineItem, below: QRect | None, font: QFont, own: bool,
            pos: QPoint) -> str | None:  # fmt: skip
    """The reaction key of the chip under `pos`, or None."""
    if below is None:
        return None
    for key, rect in chips(item, below, font, own):
        if key and rect.contains(pos):
            return key
    return None


def chip_tooltip(item: TimelineItem, key: str) -> str:
    """Who reacted with `key`."""
    names = [s[1] or s[0] for s in item.reactions.get(key, [])]
    return relation_texts.reacted_by(names, key)
