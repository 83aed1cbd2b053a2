"""Read receipts under messages: who has read up to a row, as small overlapping avatars.

`ReadReceipts` holds the open room's receipts (each member's newest, from the core's
`ReceiptsChanged` diffs and the cache at opening) and paints them for the delegate, beside
the bubble's bottom edge in the row's free margin, so a receipt that moves never changes a
row's height: at most MAX_AVATARS faces, then "+N". Hovering names who read it, and when.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication, QObject, QPoint, QRect, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter
from PySide6.QtWidgets import QToolTip

from app.core.members import ReadReceipt
from app.core.types import TimelineItem
from ui import texts, theme
from ui.avatar import AvatarShape, paint_avatar
from ui.avatar_images import avatar_images

MAX_AVATARS = 4
FACE = 16  # avatar diameter
STEP = 11  # horizontal step between overlapping faces
GAP = 6  # between the bubble and the strip


translate = QCoreApplication.translate


class ReadReceipts(QObject):
    """The open room's receipts, by the row they sit under."""

    changed = Signal(list)  # event ids whose strip changed (repaint those rows)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._by_user: dict[str, ReadReceipt] = {}
        self._by_event: dict[str, list[ReadReceipt]] = {}

    def reset(self, receipts: Iterable[ReadReceipt]) -> None:
        """Another room was opened: its receipts from the cache."""
        old = list(self._by_event)
        self._by_user = {r.user_id: r for r in receipts}
        self._reindex()
        self.changed.emit(old + list(self._by_event))

    def update(self, receipts: Iterable[ReadReceipt]) -> None:
        """Members read further: move their faces."""
        touched: set[str] = set()
        for receipt in receipts:
            old = self._by_user.get(receipt.user_id)
            if old is not None:
                touched.add(old.event_id)
            self._by_user[receipt.user_id] = receipt
            touched.add(receipt.event_id)
        self._reindex()
        if touched:
            self.changed.emit(sorted(touched))

    def readers(self, event_id: str) -> list[ReadReceipt]:
        """Who read up to this row, most recent reader first."""
        return self._by_event.get(event_id, [])

    def _reindex(self) -> None:
        by_event: dict[str, list[ReadReceipt]] = {}
        for receipt in self._by_user.values():
            by_event.setdefault(receipt.event_id, []).append(receipt)
        for readers in by_event.values():
            readers.sort(key=lambda r: (-r.ts, r.name.casefold()))
        self._by_event = by_event

    # geometry and painting (called by the delegate)
    def strip(self, item: TimelineItem, row: QRect, bubble: QRect, font: QFont) -> QRect | None:
        """Where the faces of this row go (view coordinates), or None if nobody read up to it."""
        readers = self.readers(item.key) if item.event_id else []
        if not readers:
            return None
        faces = min(len(readers), MAX_AVATARS)
        width = FACE + STEP * (faces - 1)
        if len(readers) > MAX_AVATARS:
            width += 3 + QFontMetrics(self._small(font)).horizontalAdvance(self._more(readers))
        top = bubble.bottom() - FACE + 1
        if item.is_own:
            left = max(row.left() + 2, bubble.left() - GAP - width)
        else:
            left = min(bubble.right() + GAP, row.right() - 2 - width)
        return QRect(left, top, width, FACE)

    def paint(
        self, painter: QPainter, item: TimelineItem, row: QRect, bubble: QRect, font: QFont
    ) -> None:
        """Paint the faces (and "+N") of who read up to this row."""
        rect = self.strip(item, row, bubble, font)
        if rect is None:
            return
        readers = self.readers(item.key)
        t = theme.current()
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        x = rect.left()
        # The most recent reader on top: paint the others first, right to left.
        faces = readers[:MAX_AVATARS]
        for i in reversed(range(len(faces))):
            face = QRectF(x + i * STEP, rect.top(), FACE, FACE)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(t.background))
            painter.drawEllipse(face.adjusted(-1.5, -1.5, 1.5, 1.5))  # a ring between faces
            reader = faces[i]
            image = avatar_images().image(reader.avatar_url)
            paint_avatar(painter, face, reader.name, reader.user_id, AvatarShape.CIRCLE, image)
        if len(readers) > MAX_AVATARS:
            painter.setFont(self._small(font))
            painter.setPen(QColor(t.text_secondary))
            more = QRect(x + FACE + STEP * (len(faces) - 1) + 3, rect.top(), rect.width(), FACE)
            painter.drawText(more, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                             self._more(readers))  # fmt: skip
        painter.restore()

    def tooltip(
        self, item: TimelineItem, row: QRect, bubble: QRect, font: QFont, pos: QPoint
    ) -> str:
        """Who read up to this row and when, if `pos` is over its faces; else ""."""
        rect = self.strip(item, row, bubble, font)
        if rect is None or not rect.adjusted(-2, -2, 2, 2).contains(pos):
            return ""
        return receipts_tooltip(self.readers(item.key))

    def show_tooltip(self, delegate, event, view, option, index) -> bool:
        """The delegate's hover: name who read up to the row when over its faces."""
        row = delegate.model.row_at(index.row()) if delegate.model is not None else None
        if row is None or row.is_state:
            return False
        r = option.rect
        rect = QRect(r.left(), r.top(), delegate.row_width or r.width(), r.height())
        bubble = delegate.layout(rect, row, option.font).bubble
        text = self.tooltip(row.item, rect, bubble, option.font, event.pos())
        if text:
            QToolTip.showText(event.globalPos(), text, view)
        return bool(text)

    @staticmethod
    def _small(font: QFont) -> QFont:
        small = QFont(font)
        small.setPointSizeF(max(6.0, font.pointSizeF() - 2))
        return small

    @staticmethod
    def _more(readers: list[ReadReceipt]) -> str:
        more = len(readers) - MAX_AVATARS  # a plain name: lupdate only finds %n calls given one
        return translate("ReadReceipts", "+%n", None, more)


def receipts_tooltip(readers: list[ReadReceipt]) -> str:
    """ "Read by 3 people", then each name with the time they read it."""
    count = len(readers)  # a plain name: lupdate only finds %n calls given one
    lines = [translate("ReadReceipts", "Read by %n person(s)", None, count)]
    for reader in readers:
        if reader.ts:
            lines.append(translate("ReadReceipts", "{name}, at {time}").format(
                name=reader.name, time=texts.clock_text(reader.ts)))  # fmt: skip
        else:
            lines.append(reader.name)
    return "\n".join(lines)
