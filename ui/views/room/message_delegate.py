"""MessageDelegate: paints one timeline row (day separator, header, bubble, send state).

Rich text is laid out with a QTextDocument built once per (row content, width) and cached;
the same layout function serves painting, size hints and hit tests, so clicks land where
things are drawn. A file is a card instead of text: icon, name, size, and while it is
being sent a progress bar and a Cancel link.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QEvent, QModelIndex, QPointF, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QFont,
    QFontMetrics,
    QPainter,
    QPalette,
    QTextDocument,
)
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem, QWidget

from app.core.types import ItemKind, SendState, TimelineItem
from ui import texts, theme
from ui.avatar import AvatarShape, avatar_colour, paint_avatar
from ui.models.timeline import TimelineModel, TimelineRow
from ui.resources import icon
from ui.views.room import message_extras
from ui.views.room.message_text import MessageDocuments

MARGIN = theme.M
AVATAR = 32
CONTENT_X = MARGIN + AVATAR + 12
PAD_H, PAD_V = 12, 8
MAX_BUBBLE = 680
DAY_H = 40
HEADER_H = 20
FOOTER_H = 20
STATE_H = 28
CARD_W, CARD_H, CARD_ICON = 280, 36, 32  # a file card's text area, and its icon
PROGRESS_GAP, PROGRESS_H = 8, 6
LINK_SCHEMES = ("http", "https", "mailto")


@dataclass
class RowLayout:
    """Where each part of a row goes, relative to the view (same rects for paint and clicks)."""

    day: QRect | None
    header: QRect | None
    avatar: QRect | None
    bubble: QRect
    text_origin: QPointF
    footer: QRect | None
    retry: QRect | None = None
    discard: QRect | None = None
    doc: QTextDocument | None = None  # None for a file card
    cancel: QRect | None = None
    progress: QRect | None = None  # the upload's bar, inside a sending file's card
    extras: message_extras.ExtrasLayout | None = None  # a reply's quote, reactions, "(edited)"


class MessageDelegate(QStyledItemDelegate):
    """Paints messages as bubbles: others on the left with an avatar, own on the right."""

    link_activated = Signal(str)
    retry_requested = Signal(str)  # item key
    discard_requested = Signal(str)  # item key
    cancel_requested = Signal(str)  # item key of a file being sent

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._docs = MessageDocuments()
        # Set by the view (its model, its viewport width) so that sizeHint, asked for every row
        # at each layout, is a few lookups; 0 / None until the view says.
        self.row_width = 0
        self.model: TimelineModel | None = None
        self.receipts = None  # ui.views.room.receipts.ReadReceipts: who read up to a row
        self.extras = message_extras.RowExtras()

    # geometry
    def _font(self, base: QFont, *, bold: bool = False, size_delta: float = 0) -> QFont:
        font = QFont(base)
        font.setBold(bold)
        if size_delta:
            font.setPointSizeF(max(6.0, font.pointSizeF() + size_delta))
        return font

    def layout(self, rect: QRect, row: TimelineRow, font: QFont) -> RowLayout:
        """Compute the row's parts inside `rect` (the full row rectangle)."""
        y = rect.top()
        day = None
        if row.new_day:
            day = QRect(rect.left(), y, rect.width(), DAY_H)
            y += DAY_H
        if row.is_state:
            bubble = QRect(rect.left() + MARGIN, y, rect.width() - 2 * MARGIN, STATE_H)
            return RowLayout(day, None, None, bubble, QPointF(bubble.topLeft()), None)
        item = row.item
        header = avatar = None
        if not row.continues:
            y += theme.S
            header = QRect(rect.left() + CONTENT_X, y, rect.width() - CONTENT_X - MARGIN, HEADER_H)
            if not item.is_own:
                avatar = QRect(rect.left() + MARGIN, y + 2, AVATAR, AVATAR)
            y += HEADER_H
        else:
            y += 2
        max_text = self._text_width(rect.width())
        sending_file = item.kind is ItemKind.MEDIA and item.send_state is SendState.SENDING
        if item.kind is ItemKind.MEDIA:
            doc = None
            text_w = min(max_text, CARD_W)
            text_h = CARD_H + (PROGRESS_GAP + PROGRESS_H if sending_file else 0)
        else:
            doc = self._docs.get(row, max_text, font)
            text_w = min(max_text, int(doc.idealWidth()) + 1)
            text_h = int(doc.size().height()) + 1
        bubble_w, bubble_h = text_w + 2 * PAD_H, text_h + 2 * PAD_V
        if item.is_own:
            bubble_x = rect.right() - MARGIN - bubble_w + 1
        else:
            bubble_x = rect.left() + CONTENT_X
        bubble = QRect(bubble_x, y, bubble_w, bubble_h)
        y += bubble_h
        footer = retry = discard = cancel = progress = None
        if item.send_state is not SendState.SENT:
            footer = QRect(rect.left() + CONTENT_X, y, rect.width() - CONTENT_X - MARGIN, FOOTER_H)
            if item.send_state is SendState.FAILED:
                retry, discard = self._failed_links(footer, font)
            elif sending_file:
                cancel = self._link_rect(footer, footer.right(), self._cancel_text(), font)
        origin = QPointF(bubble.left() + PAD_H, bubble.top() + PAD_V)
        if sending_file:
            top = int(origin.y()) + CARD_H + PROGRESS_GAP
            progress = QRect(int(origin.x()), top, text_w, PROGRESS_H)
        lay = RowLayout(
            day, header, avatar, bubble, origin, footer, retry, discard, doc, cancel, progress
        )
        return self.extras.adjust(lay, item, font, rect, max_text)

    def _text_width(self, row_width: int) -> int:
        return max(80, min(MAX_BUBBLE, row_width - CONTENT_X - MARGIN - 48) - 2 * PAD_H)

    def _failed_links(self, footer: QRect, font: QFont) -> tuple[QRect, QRect]:
        discard = self._link_rect(footer, footer.right(), self._discard_text(), font)
        retry = self._link_rect(footer, discard.left() - theme.M - 1, self._retry_text(), font)
        return retry, discard

    def _link_rect(self, footer: QRect, right: int, text: str, font: QFont) -> QRect:
        """A link of the footer ending at `right`."""
        width = QFontMetrics(self._font(font, size_delta=-1, bold=True)).horizontalAdvance(text)
        return QRect(right - width - 3, footer.top(), width + 4, footer.height())

    def _cancel_text(self) -> str:
        return self.tr("Cancel")

    def _retry_text(self) -> str:
        return self.tr("Retry")

    def _discard_text(self) -> str:
        return self.tr("Delete")

    def _row(self, index: QModelIndex) -> TimelineRow | None:
        if self.model is not None:
            return self.model.row_at(index.row())  # no Python -> C++ -> Python round trip
        return index.data(TimelineModel.Role.ROW)

    def _row_rect(self, option: QStyleOptionViewItem) -> QRect:
        width = self.row_width or option.rect.width()
        return QRect(option.rect.left(), option.rect.top(), width, option.rect.height())

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        row = self._row(index)
        if row is None:
            return QSize(0, 0)
        width = self.row_width or option.rect.width()
        key = (width, row.continues, row.new_day)  # the view clears heights on a font change
        height = row.heights.get(key)
        if height is None:
            rect = self._row_rect(option)
            rect.setTop(0)
            lay = self.layout(rect, row, option.font)
            bottom = (lay.footer or lay.extras or lay.bubble).bottom() + 1
            if lay.avatar is not None:
                bottom = max(bottom, lay.avatar.bottom() + 1)
            height = row.heights[key] = bottom + 2
        return QSize(width, height)

    # painting
    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        row = self._row(index)
        if row is None:
            return
        t = theme.current()
        lay = self.layout(self._row_rect(option), row, option.font)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        if lay.day is not None:
            self._paint_day(painter, lay.day, row, option.font, t)
        if row.is_state:
            painter.setFont(self._font(option.font, size_delta=-1))
            painter.setPen(QColor(t.text_secondary))
            text = QFontMetrics(painter.font()).elidedText(
                row.text, Qt.TextElideMode.ElideRight, lay.bubble.width()
            )
            painter.drawText(lay.bubble, Qt.AlignmentFlag.AlignCenter, text)
            painter.restore()
            return
        item = row.item
        if lay.avatar is not None:
            paint_avatar(
                painter, QRectF(lay.avatar), item.sender_name, item.sender, AvatarShape.CIRCLE
            )
        if lay.header is not None:
            self._paint_header(painter, lay.header, row, option.font, t)
        bubble_colour = t.primary_light if item.is_own else t.bubble_other
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(bubble_colour))
        painter.drawRoundedRect(QRectF(lay.bubble), 12, 12)
        if lay.doc is None:
            self._paint_card(painter, lay, item, option.font, t)
        else:
            painter.translate(lay.text_origin)
            ctx = QAbstractTextDocumentLayout.PaintContext()
            grey = item.kind in (ItemKind.UNDECRYPTABLE, ItemKind.REDACTED, ItemKind.UNKNOWN)
            colour = QColor(t.text_secondary if grey else t.text)
            ctx.palette.setColor(QPalette.ColorRole.Text, colour)
            ctx.palette.setColor(QPalette.ColorRole.Link, QColor(t.primary))
            lay.doc.documentLayout().draw(painter, ctx)
            painter.translate(-lay.text_origin)
        self.extras.paint(painter, lay, item, option, self.model)
        if lay.footer is not None:
            self._paint_footer(painter, lay, row, option.font, t)
        if self.receipts is not None:
            self.receipts.paint(painter, item, self._row_rect(option), lay.bubble, option.font)
        painter.restore()

    def _paint_card(self, painter: QPainter, lay: RowLayout, item: TimelineItem, font: QFont, t):
        """A file: its icon, its name, its size; while it uploads, a progress bar."""
        x, y = int(lay.text_origin.x()), int(lay.text_origin.y())
        width = lay.bubble.width() - 2 * PAD_H
        kind = "image" if item.msgtype == "m.image" else "file"
        icon(kind).paint(painter, QRect(x, y + (CARD_H - CARD_ICON) // 2, CARD_ICON, CARD_ICON))
        text_x = x + CARD_ICON + theme.S
        text_w = width - CARD_ICON - theme.S
        name_font = self._font(font, bold=True)
        painter.setFont(name_font)
        painter.setPen(QColor(t.text))
        name = item.media.get("name") or item.body
        name = QFontMetrics(name_font).elidedText(name, Qt.TextElideMode.ElideMiddle, text_w)
        half = CARD_H // 2
        bottom_left = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom
        painter.drawText(QRect(text_x, y, text_w, half), bottom_left, name)
        size = item.media.get("size")
        if isinstance(size, int):
            painter.setFont(self._font(font, size_delta=-1))
            painter.setPen(QColor(t.text_secondary))
            top_left = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop
            painter.drawText(QRect(text_x, y + half + 2, text_w, half), top_left,
                             texts.size_text(size))  # fmt: skip
        if lay.progress is not None:
            sent, total = self._progress_of(item) or (0, 0)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(t.background))
            painter.drawRoundedRect(QRectF(lay.progress), 3, 3)
            if total > 0 and sent > 0:
                done = QRectF(lay.progress)
                done.setWidth(max(PROGRESS_H, done.width() * min(1.0, sent / total)))
                painter.setBrush(QColor(t.primary))
                painter.drawRoundedRect(done, 3, 3)

    def _progress_of(self, item: TimelineItem) -> tuple[int, int] | None:
        return self.model.progress(item.key) if self.model is not None else None

    def _paint_day(self, painter: QPainter, rect: QRect, row: TimelineRow, font: QFont, t) -> None:
        label = texts.day_label(row.item.ts)
        painter.setFont(self._font(font, bold=True, size_delta=-1))
        fm = QFontMetrics(painter.font())
        text_w = fm.horizontalAdvance(label) + 2 * theme.M
        mid = rect.center().y()
        painter.setPen(QColor(t.border))
        left_end = rect.center().x() - text_w // 2
        painter.drawLine(rect.left() + MARGIN, mid, left_end, mid)
        painter.drawLine(left_end + text_w, mid, rect.right() - MARGIN, mid)
        painter.setPen(QColor(t.text_secondary))
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, label)

    def _paint_header(
        self, painter: QPainter, rect: QRect, row: TimelineRow, font: QFont, t
    ) -> None:
        item = row.item
        clock = texts.clock_text(item.ts)
        small = self._font(font, size_delta=-1)
        if item.is_own:
            painter.setFont(small)
            painter.setPen(QColor(t.text_secondary))
            painter.drawText(
                rect, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, clock
            )
            return
        bold = self._font(font, bold=True)
        painter.setFont(bold)
        painter.setPen(avatar_colour(item.sender))
        fm = QFontMetrics(bold)
        name = fm.elidedText(
            item.sender_name or item.sender, Qt.TextElideMode.ElideRight, rect.width() - 60
        )
        painter.drawText(rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, name)
        painter.setFont(small)
        painter.setPen(QColor(t.text_secondary))
        clock_rect = rect.adjusted(fm.horizontalAdvance(name) + theme.S, 0, 0, 0)
        painter.drawText(
            clock_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, clock
        )

    def _paint_footer(
        self, painter: QPainter, lay: RowLayout, row: TimelineRow, font: QFont, t
    ) -> None:
        small = self._font(font, size_delta=-1)
        right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        link_font = self._font(font, bold=True, size_delta=-1)
        link_font.setUnderline(True)
        item = row.item
        if item.send_state is SendState.SENDING:
            painter.setFont(small)
            painter.setPen(QColor(t.text_secondary))
            label = self.tr("Sending…")
            progress = self._progress_of(item) if lay.cancel is not None else None
            if progress and progress[1]:
                percent = min(100, progress[0] * 100 // progress[1])
                label = self.tr("Sending… {percent}%").format(percent=percent)
            if lay.cancel is None:
                painter.drawText(lay.footer, right, label)
                return
            painter.drawText(self._label_rect(lay.footer, lay.cancel), right, label)
            painter.setFont(link_font)
            painter.setPen(QColor(t.primary))
            painter.drawText(lay.cancel, Qt.AlignmentFlag.AlignCenter, self._cancel_text())
            return
        painter.setFont(small)
        painter.setPen(QColor(t.error))
        label_rect = self._label_rect(lay.footer, lay.retry)
        label = texts.file_error_text(item.media.get("error", "")) or self.tr("Not sent")
        label = QFontMetrics(small).elidedText(
            label, Qt.TextElideMode.ElideRight, label_rect.width()
        )
        painter.drawText(label_rect, right, label)
        painter.setFont(link_font)
        painter.setPen(QColor(t.primary))
        painter.drawText(lay.retry, Qt.AlignmentFlag.AlignCenter, self._retry_text())
        painter.setPen(QColor(t.error))
        painter.drawText(lay.discard, Qt.AlignmentFlag.AlignCenter, self._discard_text())

    def _label_rect(self, footer: QRect, first_link: QRect) -> QRect:
        """The footer's room left of its links, for the state label."""
        width = first_link.left() - footer.left() - theme.S
        return QRect(footer.left(), footer.top(), width, footer.height())

    # interaction
    def helpEvent(self, event, view, option: QStyleOptionViewItem, index: QModelIndex) -> bool:
        shown = self.receipts is not None and self.receipts.show_tooltip(
            self, event, view, option, index
        )
        return shown or super().helpEvent(event, view, option, index)

    def anchor_at(self, option: QStyleOptionViewItem, index: QModelIndex, pos: QPointF) -> str:
        """The link under `pos` (view coordinates), or an empty string."""
        row = self._row(index)
        if row is None or row.is_state:
            return ""
        lay = self.layout(self._row_rect(option), row, option.font)
        if lay.doc is None or not lay.bubble.contains(pos.toPoint()):
            return ""
        return lay.doc.documentLayout().anchorAt(pos - lay.text_origin)

    def editorEvent(
        self, event: QEvent, model, option: QStyleOptionViewItem, index: QModelIndex
    ) -> bool:
        if (
            event.type() != QEvent.Type.MouseButtonRelease
            or event.button() != Qt.MouseButton.LeftButton
        ):
            return False
        row = self._row(index)
        if row is None:
            return False
        pos = event.position()
        lay = self.layout(self._row_rect(option), row, option.font)
        if lay.retry is not None and lay.retry.contains(pos.toPoint()):
            self.retry_requested.emit(row.item.key)
            return True
        if lay.discard is not None and lay.discard.contains(pos.toPoint()):
            self.discard_requested.emit(row.item.key)
            return True
        if lay.cancel is not None and lay.cancel.contains(pos.toPoint()):
            self.cancel_requested.emit(row.item.key)
            return True
        href = self.anchor_at(option, index, pos)
        if href and href.split(":", 1)[0].lower() in LINK_SCHEMES:
            self.link_activated.emit(href)
            return True
        return False
