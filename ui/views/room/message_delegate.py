"""MessageDelegate: paints one timeline row (day separator, header, bubble, send state).

Rich text is laid out with a QTextDocument built once per (row content, width) and cached;
the same layout function serves painting, size hints and hit tests, so clicks land where
things are drawn. A file is a card instead of text (file_card.py). What surrounds the
bubble (day, "new messages" line, header, discreet lines, folded runs) is row_parts.py.
A message taller than about a screen is folded with "Show more"; text never draws past
its bubble; a link shows its target on hover and a lying one asks before opening.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

from PySide6.QtCore import QEvent, QModelIndex, QPointF, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QFont,
    QFontMetrics,
    QHelpEvent,
    QPainter,
    QPalette,
    QTextDocument,
)
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem, QToolTip, QWidget

from app.core.links import links_of
from app.core.types import ItemKind, SendState, TimelineItem
from ui import theme
from ui.avatar import AvatarShape, avatar_pixmap
from ui.models.timeline import TimelineModel, TimelineRow
from ui.models.timeline_folds import Fold
from ui.views.room import message_extras, row_parts
from ui.views.room.file_card import CARD_H, CARD_W, PROGRESS_GAP, PROGRESS_H, paint_card
from ui.views.room.message_text import MessageDocuments, is_cut
from ui.views.room.row_parts import DAY_H, FOLD_LINK_H, FOLDED_PX, MARKER_H, TALL_PX
from ui.views.room.send_footer import cancel_text, discard_text, paint_footer, retry_text

MARGIN = theme.M
AVATAR = 32
CONTENT_X = MARGIN + AVATAR + 12
PAD_H, PAD_V = 12, 8
MAX_BUBBLE = 680
HEADER_H = 20
FOOTER_H = 20
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
    marker: QRect | None = None  # the "new messages" line above the row
    fold: Fold = Fold.NONE  # a discreet line's place in a run of membership changes
    text_clip: QRect | None = None  # the part of the text shown (a tall one is folded)
    fold_link: QRect | None = None  # "Show more" / "Show less" / "Read the whole message"
    fold_label: str = ""


class RowShape(NamedTuple):
    """What the model decides about a row's height besides its content (a tuple: it is part
    of the height cache's key, hashed for every row at every layout of the list)."""

    fold: Fold = Fold.NONE
    marker: bool = False  # the read marker's line is drawn above it
    text_open: bool = False  # a tall message the user unfolded


PLAIN = RowShape()  # most rows: no fold, no marker, not unfolded


class MessageDelegate(QStyledItemDelegate):
    """Paints messages as bubbles: others on the left with an avatar, own on the right."""

    link_activated = Signal(str)
    retry_requested = Signal(str)  # item key
    discard_requested = Signal(str)  # item key
    cancel_requested = Signal(str)  # item key of a file being sent
    link_needs_confirmation = Signal(str, str)  # target, visible text: it lies about it
    reader_requested = Signal(str)  # item key of a message too long to lay out whole

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

    def shape(self, index: QModelIndex) -> RowShape:
        """The row's fold, marker and unfolding, from the model (default without one)."""
        model = self.model
        if model is None:
            return PLAIN
        row = index.row()
        fold, marker = model.fold(row), model.marker_row() == row
        text_open = model.has_open_texts() and model.text_open(model.item(row).key)
        if fold is Fold.NONE and not marker and not text_open:
            return PLAIN  # no object made: asked for every row at every layout
        return RowShape(fold, marker, text_open)

    def layout(
        self, rect: QRect, row: TimelineRow, font: QFont, shape: RowShape = PLAIN
    ) -> RowLayout:
        """Compute the row's parts inside `rect` (the full row rectangle)."""
        y = rect.top()
        day = marker = None
        hidden = shape.fold is Fold.HIDDEN
        if row.new_day and not hidden:
            day = QRect(rect.left(), y, rect.width(), DAY_H)
            y += DAY_H
        if shape.marker and not hidden:
            marker = QRect(rect.left(), y, rect.width(), MARKER_H)
            y += MARKER_H
        if row.is_state:
            height = row_parts.discreet_height(shape.fold)
            bubble = QRect(rect.left() + MARGIN, y, rect.width() - 2 * MARGIN, height)
            lay = RowLayout(day, None, None, bubble, QPointF(bubble.topLeft()), None)
            lay.marker, lay.fold = marker, shape.fold
            return lay
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
        fold_label = ""
        sending_file = item.kind is ItemKind.MEDIA and item.send_state is SendState.SENDING
        if item.kind is ItemKind.MEDIA:
            doc = None
            text_w = min(max_text, CARD_W)
            text_h = CARD_H + (PROGRESS_GAP + PROGRESS_H if sending_file else 0)
        else:
            doc = self._docs.get(row, max_text, font)
            text_w = min(max_text, int(doc.idealWidth()) + 1)
            text_h = int(doc.size().height()) + 1
            cut, tall = is_cut(doc), text_h > TALL_PX
            if tall and not (shape.text_open and not cut):
                text_h = FOLDED_PX
            if tall or cut:
                fold_label = row_parts.fold_link_text(cut=cut, open_=shape.text_open)
                text_w = max(text_w, QFontMetrics(font).horizontalAdvance(fold_label) + 8)
                text_h += FOLD_LINK_H
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
        lay.marker = marker
        if doc is not None:
            visible_h = text_h - (FOLD_LINK_H if fold_label else 0)
            lay.text_clip = QRect(int(origin.x()), int(origin.y()), text_w, visible_h)
            if fold_label:
                lay.fold_link = QRect(int(origin.x()), int(origin.y()) + visible_h, text_w,
                                      FOLD_LINK_H)  # fmt: skip
                lay.fold_label = fold_label
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
        return cancel_text()

    def _retry_text(self) -> str:
        return retry_text()

    def _discard_text(self) -> str:
        return discard_text()

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
        shape = self.shape(index)
        if shape.fold is Fold.HIDDEN:
            return QSize(width, 0)  # inside a folded run of membership changes
        height = row.heights.get((width, row.continues, row.new_day, shape))
        return QSize(width, self.measure(row, option, shape) if height is None else height)

    def measure(self, row: TimelineRow, option: QStyleOptionViewItem, shape=PLAIN) -> int:
        """Lay the row out at the view's width and keep its height (cleared on a font change)."""
        width = self.row_width or option.rect.width()
        rect = QRect(option.rect.left(), 0, width, option.rect.height())
        lay = self.layout(rect, row, option.font, shape)
        if row.is_state:
            height = lay.bubble.bottom() + 1
        else:
            height = (lay.footer or lay.extras or lay.bubble).bottom() + 1
            if lay.avatar is not None:
                height = max(height, lay.avatar.bottom() + 1)
            height += 2
        row.heights[(width, row.continues, row.new_day, shape)] = height
        return height

    # painting
    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        row = self._row(index)
        if row is None:
            return
        t = theme.current()
        lay = self.layout(self._row_rect(option), row, option.font, self.shape(index))
        if lay.fold is Fold.HIDDEN:
            return
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setClipRect(option.rect)  # nothing a row holds draws over its neighbours
        if lay.day is not None:
            row_parts.paint_day(painter, lay.day, row, option.font, t)
        if lay.marker is not None:
            row_parts.paint_marker(painter, lay.marker, option.font, t)
        if row.is_state:
            run = lambda: self.model.run_items(index.row()) if self.model else []
            row_parts.paint_discreet(painter, lay.bubble, row, lay.fold, run, option.font, t)
            painter.restore()
            return
        item = row.item
        if lay.avatar is not None:  # a cached pixmap: drawing the shape and initials per paint
            dpr = painter.device().devicePixelRatioF()  # cost ~80 µs a row while scrolling
            face = avatar_pixmap(lay.avatar.width(), item.sender_name, item.sender,
                                 AvatarShape.CIRCLE, dpr)  # fmt: skip
            painter.drawPixmap(lay.avatar.topLeft(), face)
        if lay.header is not None:
            row_parts.paint_header(painter, lay.header, row, option.font, t)
        bubble_colour = t.primary_light if item.is_own else t.bubble_other
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(bubble_colour))
        painter.drawRoundedRect(QRectF(lay.bubble), 12, 12)
        if lay.doc is None:
            paint_card(painter, lay, item, option.font, self._progress_of(item), t)
        else:
            painter.setClipRect(lay.text_clip or lay.bubble, Qt.ClipOperation.IntersectClip)
            painter.translate(lay.text_origin)
            ctx = QAbstractTextDocumentLayout.PaintContext()
            grey = item.kind in (ItemKind.UNDECRYPTABLE, ItemKind.REDACTED, ItemKind.UNKNOWN)
            colour = QColor(t.text_secondary if grey else t.text)
            ctx.palette.setColor(QPalette.ColorRole.Text, colour)
            ctx.palette.setColor(QPalette.ColorRole.Link, QColor(t.primary))
            lay.doc.documentLayout().draw(painter, ctx)
            painter.translate(-lay.text_origin)
            painter.setClipRect(option.rect)
            if lay.fold_link is not None:
                row_parts.paint_fold_link(painter, lay.fold_link, lay.fold_label, option.font, t)
        if lay.footer is not None:
            progress = self._progress_of(item) if lay.cancel is not None else None
            paint_footer(painter, lay, item, option.font, progress, t)
        self.extras.paint(painter, lay, item, option, self.model)
        if self.receipts is not None:
            self.receipts.paint(painter, item, self._row_rect(option), lay.bubble, option.font)
        painter.restore()

    def _progress_of(self, item: TimelineItem) -> tuple[int, int] | None:
        return self.model.progress(item.key) if self.model is not None else None

    # interaction
    def anchor_at(self, option: QStyleOptionViewItem, index: QModelIndex, pos: QPointF) -> str:
        """The link under `pos` (view coordinates), or an empty string."""
        row = self._row(index)
        if row is None or row.is_state:
            return ""
        lay = self.layout(self._row_rect(option), row, option.font, self.shape(index))
        if lay.doc is None or not (lay.text_clip or lay.bubble).contains(pos.toPoint()):
            return ""
        return lay.doc.documentLayout().anchorAt(pos - lay.text_origin)

    def helpEvent(self, event: QHelpEvent, view, option: QStyleOptionViewItem, index) -> bool:
        """A link's tooltip is its real target, whatever its text says; over the receipts,
        who read up to the row."""
        if self.receipts is not None and self.receipts.show_tooltip(
            self, event, view, option, index
        ):
            return True
        if event.type() == QEvent.Type.ToolTip and index.isValid():
            href = self.anchor_at(option, index, QPointF(event.pos()))
            if href:
                QToolTip.showText(event.globalPos(), href[:500], view)
                return True
            QToolTip.hideText()
        return super().helpEvent(event, view, option, index)

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
        lay = self.layout(self._row_rect(option), row, option.font, self.shape(index))
        if row.is_state:
            if lay.fold in (Fold.HEAD, Fold.HEAD_OPEN) and self.model is not None:
                self.model.toggle_run(row.item.key)  # "5 people joined" unfolds
                return True
            return False
        if lay.fold_link is not None and lay.fold_link.contains(pos.toPoint()):
            if is_cut(lay.doc):
                self.reader_requested.emit(row.item.key)
            elif self.model is not None:
                self.model.toggle_text(row.item.key)
            return True
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
            if href in row.deceptive:
                self.link_needs_confirmation.emit(href, self._link_text(row, href))
            else:
                self.link_activated.emit(href)
            return True
        return False

    def _link_text(self, row: TimelineRow, href: str) -> str:
        return next((text for target, text in links_of(row.item.html or "") if target == href), "")
