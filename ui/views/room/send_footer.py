"""The line under an unsent message: "Sending… 40%" with Cancel, or "Not sent" with
Retry and Delete (painted by MessageDelegate in the footer its layout computed)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QRect, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter

from app.core.types import SendState, TimelineItem
from ui import texts, theme
from ui.views.room.row_parts import small_font

translate = QCoreApplication.translate  # the strings keep the delegate's context


def cancel_text() -> str:
    return translate("MessageDelegate", "Cancel")


def retry_text() -> str:
    return translate("MessageDelegate", "Retry")


def discard_text() -> str:
    return translate("MessageDelegate", "Delete")


def paint_footer(painter: QPainter, lay, item: TimelineItem, font: QFont, progress, t) -> None:
    """ "Sending… 40%" and Cancel, or "Not sent" with Retry and Delete, under the bubble."""
    small = small_font(font)
    right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
    link_font = small_font(font, bold=True)
    link_font.setUnderline(True)
    if item.send_state is SendState.SENDING:
        painter.setFont(small)
        painter.setPen(QColor(t.text_secondary))
        label = translate("MessageDelegate", "Sending…")
        if progress and progress[1]:
            percent = min(100, progress[0] * 100 // progress[1])
            label = translate("MessageDelegate", "Sending… {percent}%").format(percent=percent)
        if lay.cancel is None:
            painter.drawText(lay.footer, right, label)
            return
        painter.drawText(label_rect(lay.footer, lay.cancel), right, label)
        painter.setFont(link_font)
        painter.setPen(QColor(t.primary))
        painter.drawText(lay.cancel, Qt.AlignmentFlag.AlignCenter, cancel_text())
        return
    painter.setFont(small)
    painter.setPen(QColor(t.error))
    room = label_rect(lay.footer, lay.retry)
    label = texts.file_error_text(item.media.get("error", "")) or translate(
        "MessageDelegate", "Not sent"
    )
    label = QFontMetrics(small).elidedText(label, Qt.TextElideMode.ElideRight, room.width())
    painter.drawText(room, right, label)
    painter.setFont(link_font)
    painter.setPen(QColor(t.primary))
    painter.drawText(lay.retry, Qt.AlignmentFlag.AlignCenter, retry_text())
    painter.setPen(QColor(t.error))
    painter.drawText(lay.discard, Qt.AlignmentFlag.AlignCenter, discard_text())


def label_rect(footer: QRect, first_link: QRect) -> QRect:
    """The footer's room left of its links, for the state label."""
    width = first_link.left() - footer.left() - theme.S
    return QRect(footer.left(), footer.top(), width, footer.height())
