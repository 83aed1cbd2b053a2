"""Painting the parts of a timeline row around its bubble: the day separator, the "new
messages" line, the sender's header, discreet lines (state changes, folded runs,
unsupported events) and the "show more" link of a tall message.

Plain functions called by MessageDelegate with the rectangles its layout computed.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QRect, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter

from ui import state_texts, texts, theme
from ui.accounts import people
from ui.avatar import avatar_colour
from ui.models.timeline import TimelineRow
from ui.models.timeline_folds import Fold

translate = QCoreApplication.translate  # lupdate reads translate("RowParts", "...")
DAY_H = 40
MARKER_H = 24  # the "new messages" line
STATE_H = 28
TALL_PX = 640  # a message taller than this (about a screen) is folded...
FOLDED_PX = 320  # ...to this height, with "Show more"
FOLD_LINK_H = 22


def small_font(base: QFont, *, bold: bool = False, delta: float = -1) -> QFont:
    """The base font, smaller (and bold)."""
    font = QFont(base)
    font.setBold(bold)
    font.setPointSizeF(max(6.0, font.pointSizeF() + delta))
    return font


def discreet_height(fold: Fold) -> int:
    """The height of a discreet line (without its day separator or marker)."""
    if fold is Fold.HIDDEN:
        return 0
    return 2 * STATE_H if fold is Fold.HEAD_OPEN else STATE_H


def paint_day(painter: QPainter, rect: QRect, row: TimelineRow, font: QFont, t) -> None:
    """A centred date between two lines."""
    label = texts.day_label(row.item.ts)
    painter.setFont(small_font(font, bold=True))
    fm = QFontMetrics(painter.font())
    text_w = fm.horizontalAdvance(label) + 2 * theme.M
    mid = rect.center().y()
    painter.setPen(QColor(t.border))
    left_end = rect.center().x() - text_w // 2
    painter.drawLine(rect.left() + theme.M, mid, left_end, mid)
    painter.drawLine(left_end + text_w, mid, rect.right() - theme.M, mid)
    painter.setPen(QColor(t.text_secondary))
    painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, label)


def marker_text() -> str:
    """The label of the read marker's line."""
    return translate("RowParts", "New messages")


def paint_marker(painter: QPainter, rect: QRect, font: QFont, t) -> None:
    """The "new messages" line: where the user stopped reading."""
    label = marker_text()
    painter.setFont(small_font(font, bold=True))
    fm = QFontMetrics(painter.font())
    text_w = fm.horizontalAdvance(label) + theme.M
    mid = rect.center().y()
    painter.setPen(QColor(t.error))
    painter.drawLine(rect.left() + theme.M, mid, rect.right() - theme.M - text_w, mid)
    right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
    painter.drawText(rect.adjusted(0, 0, -theme.M, 0), right, label)


def discreet_text(row: TimelineRow, fold: Fold, run_items) -> str:
    """What a discreet line says: its own sentence, or its run's summary."""
    if fold in (Fold.HEAD, Fold.HEAD_OPEN):
        arrow = "▾" if fold is Fold.HEAD_OPEN else "▸"
        return f"{arrow} {state_texts.run_text(run_items())}"
    return row.text


def paint_discreet(
    painter: QPainter, rect: QRect, row: TimelineRow, fold: Fold, run_items, font: QFont, t
) -> None:
    """A centred grey sentence; an expanded run's head adds its own sentence below."""
    if fold is Fold.HIDDEN or rect.height() <= 0:
        return
    painter.setFont(small_font(font))
    painter.setPen(QColor(t.text_secondary))
    fm = QFontMetrics(painter.font())
    first = QRect(rect.left(), rect.top(), rect.width(), STATE_H)
    text = discreet_text(row, fold, run_items)
    if fold in (Fold.HEAD, Fold.HEAD_OPEN):
        painter.setPen(QColor(t.primary))  # a run's summary is a control: it unfolds
    elided = fm.elidedText(text, Qt.TextElideMode.ElideRight, max(0, first.width()))
    painter.drawText(first, Qt.AlignmentFlag.AlignCenter, elided)
    if fold is Fold.HEAD_OPEN:
        painter.setPen(QColor(t.text_secondary))
        second = first.translated(0, STATE_H)
        own = fm.elidedText(row.text, Qt.TextElideMode.ElideRight, max(0, second.width()))
        painter.drawText(second, Qt.AlignmentFlag.AlignCenter, own)


def paint_header(painter: QPainter, rect: QRect, row: TimelineRow, font: QFont, t) -> None:
    """The sender's name and the time above the first message of a group."""
    item = row.item
    clock = texts.clock_text(item.ts)
    small = small_font(font)
    if item.is_own:
        painter.setFont(small)
        painter.setPen(QColor(t.text_secondary))
        painter.drawText(rect, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, clock)
        return
    bold = QFont(font)
    bold.setBold(True)
    # The name, its organisation apart and an "External" badge (ui/accounts/people.py).
    name_rect = rect.adjusted(0, 0, -60, 0)
    end = people.paint_name(painter, name_rect, item.sender_name or item.sender, item.sender,
                            bold, avatar_colour(item.sender))  # fmt: skip
    painter.setFont(small)
    painter.setPen(QColor(t.text_secondary))
    clock_rect = rect.adjusted(end - rect.left() + theme.S, 0, 0, 0)
    painter.drawText(clock_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, clock)


def fold_link_text(*, cut: bool, open_: bool) -> str:
    """The link under a tall or cut message."""
    if cut:
        return translate("RowParts", "Read the whole message")
    if open_:
        return translate("RowParts", "Show less")
    return translate("RowParts", "Show more")


def paint_fold_link(painter: QPainter, rect: QRect, label: str, font: QFont, t) -> None:
    """ "Show more" / "Show less" at the bottom of a folded bubble."""
    link = small_font(font, bold=True)
    link.setUnderline(True)
    painter.setFont(link)
    painter.setPen(QColor(t.primary))
    painter.drawText(rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, label)
