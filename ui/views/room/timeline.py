"""TimelineView: the open room's messages, kept at the bottom, loading history at the top.

Scrolling rules: the view starts at the bottom and follows new messages only if the user
was already there; older messages inserted above keep the visible rows in place (the
scroll bar moves by the height they add) so reading is never interrupted.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QPointF, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QMouseEvent, QResizeEvent
from PySide6.QtWidgets import QAbstractItemView, QLabel, QListView, QStyleOptionViewItem, QWidget

from app.core.bounded import html_text
from ui.dialogs.message_safety import ConfirmLinkDialog, MessageReaderDialog
from ui.models.timeline import TimelineModel
from ui.views.room.jump_button import JumpToBottomButton
from ui.views.room.message_delegate import LINK_SCHEMES, MessageDelegate

LOAD_OLDER_PX = 300  # ask for history when the top is this close
BOTTOM_SLACK_PX = 8  # "at the bottom" tolerance
SAME_HEIGHT_ROWS = 16  # a larger change is laid out again without comparing heights


class TimelineView(QListView):
    """Shows a TimelineModel; emits `older_requested` when history is needed."""

    older_requested = Signal()
    newer_requested = Signal()  # near the bottom of a window that slid back through history
    retry_requested = Signal(str)
    discard_requested = Signal(str)
    cancel_requested = Signal(str)  # stop sending a file (its item key)
    newest_requested = Signal()  # the jump button, when the window slid back: reopen at the end

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("timeline")
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setUniformItemSizes(False)
        self.setMouseTracking(True)
        self.verticalScrollBar().setSingleStep(24)
        self.delegate = MessageDelegate(self)
        self.setItemDelegate(self.delegate)
        self.delegate.retry_requested.connect(self.retry_requested)
        self.delegate.discard_requested.connect(self.discard_requested)
        self.delegate.cancel_requested.connect(self.cancel_requested)
        self.delegate.link_activated.connect(self._open_link)
        self.delegate.link_needs_confirmation.connect(self._confirm_link)
        self.delegate.reader_requested.connect(self._open_reader)
        self.jump = JumpToBottomButton(self)
        self.jump.jump_requested.connect(self._jump_to_newest)
        self._loading = False
        self._stick_to_bottom = True
        self._anchor: tuple[int, int] | None = None  # (scroll value, scroll max) before a prepend
        self._top_anchor: tuple[int, int] | None = None  # the same, before rows above are dropped
        self._loading_newer = False
        self._busy = QLabel(self.tr("Loading…"), self)
        self._busy.setObjectName("loadingChip")
        self._busy.setStyleSheet(
            "background: #FFFFFF; border: 1px solid #DDDDDD; border-radius: 12px; "
            "padding: 4px 12px; color: #666666;"
        )
        self._busy.hide()
        self.verticalScrollBar().valueChanged.connect(self._on_scrolled)
        self.verticalScrollBar().rangeChanged.connect(self._on_range_changed)

    def set_timeline(self, model: TimelineModel | None) -> None:
        """Show another room's model and jump to its newest message."""
        old = self.model()
        if isinstance(old, TimelineModel):
            old.rowsAboutToBeInserted.disconnect(self._before_insert)
            old.rowsInserted.disconnect(self._after_insert)
            old.rowsAboutToBeRemoved.disconnect(self._before_remove)
            old.rowsRemoved.disconnect(self._after_remove)
            old.modelReset.disconnect(self.scroll_to_newest)
        if isinstance(old, TimelineModel):
            old.measurer = None
        self.setModel(model)
        self.delegate.model = model
        if model is not None:
            model.measurer = self.measure_rows
        self.jump.set_model(model)
        self.delegate.row_width = self.viewport().width()
        self.set_loading(False)
        if model is not None:
            model.rowsAboutToBeInserted.connect(self._before_insert)
            model.rowsInserted.connect(self._after_insert)
            model.rowsAboutToBeRemoved.connect(self._before_remove)
            model.rowsRemoved.connect(self._after_remove)
            model.modelReset.connect(self.scroll_to_newest)
        self.scroll_to_newest()

    def measure_rows(self, rows: list) -> None:
        """Lay out rows about to be inserted, so the insertion only places them."""
        option = QStyleOptionViewItem()
        self.initViewItemOption(option)
        option.rect = self.viewport().rect()
        for row in rows:
            self.delegate.measure(row, option)

    def scroll_to_newest(self) -> None:
        """Lay out now and show the last row."""
        self._stick_to_bottom = True
        self.doItemsLayout()
        self.scrollToBottom()
        QTimer.singleShot(0, self, self._maybe_want_older)  # a short room may not fill the view

    def set_loading(self, loading: bool) -> None:
        """Show or hide the "Loading…" chip; no new request while it is shown."""
        self._loading = loading
        self._busy.setVisible(loading)
        if loading:
            self._busy.adjustSize()
            self._busy.move((self.width() - self._busy.width()) // 2, 8)
            self._busy.raise_()
        else:  # rows that added no height (a run of joins folded away) leave the top in view
            QTimer.singleShot(0, self, self._maybe_want_older)

    def is_at_bottom(self) -> bool:
        """Whether the newest message is in view."""
        bar = self.verticalScrollBar()
        return bar.value() >= bar.maximum() - BOTTOM_SLACK_PX

    # model signals
    def _before_insert(self, parent: QModelIndex, first: int, last: int) -> None:
        bar = self.verticalScrollBar()
        if first == 0 and self.model().rowCount() > 0:
            self._anchor = (bar.value(), bar.maximum())
        # A window that slid back does not follow new messages: the newest rows are not in it.
        self._stick_to_bottom = self.is_at_bottom() and not getattr(
            self.model(), "has_newer", False
        )

    def _before_remove(self, parent: QModelIndex, first: int, last: int) -> None:
        if first == 0:
            bar = self.verticalScrollBar()
            self._top_anchor = (bar.value(), bar.maximum())

    def _after_remove(self, parent: QModelIndex, first: int, last: int) -> None:
        if self._top_anchor is None:
            return
        self.executeDelayedItemsLayout()
        bar = self.verticalScrollBar()
        value, maximum = self._top_anchor
        self._top_anchor = None
        bar.setValue(value - (maximum - bar.maximum()))  # what was on screen stays there

    def newer_loaded(self) -> None:
        """The newer rows asked for are in (or there were none)."""
        self._loading_newer = False

    def _after_insert(self, parent: QModelIndex, first: int, last: int) -> None:
        self.executeDelayedItemsLayout()  # Qt's pending layout, now: the new range is needed
        bar = self.verticalScrollBar()
        if self._anchor is not None:
            value, maximum = self._anchor
            self._anchor = None
            bar.setValue(value + (bar.maximum() - maximum))
        elif self._stick_to_bottom:
            self.scrollToBottom()

    def dataChanged(self, top_left: QModelIndex, bottom_right: QModelIndex, roles=()) -> None:
        """A row changed: repaint it, and lay the window out again only if its height did.

        QListView lays every row out again on any change when rows differ in height (each
        pass measures all of them); most changes (a receipt, a reaction on a row whose
        height stays, a relinked row the insertion already measured) only need a repaint.
        """
        if self._same_heights(top_left.row(), bottom_right.row()):
            QAbstractItemView.dataChanged(self, top_left, bottom_right, roles)
        else:
            super().dataChanged(top_left, bottom_right, roles)

    def _same_heights(self, first: int, last: int) -> bool:
        model = self.model()
        if not isinstance(model, TimelineModel) or last - first >= SAME_HEIGHT_ROWS or first < 0:
            return False
        self.executeDelayedItemsLayout()  # a pending pass would measure every row anyway
        option = QStyleOptionViewItem()
        self.initViewItemOption(option)
        for row in range(first, last + 1):
            index = model.index(row, 0)
            if self.delegate.sizeHint(option, index).height() != self._laid_out_height(row):
                return False
        return True

    def _laid_out_height(self, row: int) -> int:
        """The height the last layout pass gave the row (rectForIndex measures it anew)."""
        model = self.model()
        top = self.rectForIndex(model.index(row, 0)).top()
        if row + 1 < model.rowCount():
            return self.rectForIndex(model.index(row + 1, 0)).top() - top
        return self.contentsSize().height() - top

    # scrolling
    def _on_scrolled(self, value: int) -> None:
        model = self.model()
        self._stick_to_bottom = self.is_at_bottom() and not getattr(model, "has_newer", False)
        self.jump.update_for(self.is_at_bottom())
        self._maybe_want_older()
        bar = self.verticalScrollBar()
        if (
            isinstance(model, TimelineModel)
            and model.has_newer
            and not self._loading_newer
            and value >= bar.maximum() - LOAD_OLDER_PX
        ):
            self._loading_newer = True
            self.newer_requested.emit()

    def _on_range_changed(self, minimum: int, maximum: int) -> None:
        if self._stick_to_bottom and self._anchor is None:
            self.verticalScrollBar().setValue(maximum)

    def _maybe_want_older(self) -> None:
        model = self.model()
        if not isinstance(model, TimelineModel) or self._loading or model.reached_start:
            return
        if self.verticalScrollBar().value() <= LOAD_OLDER_PX:
            self.set_loading(True)
            self.older_requested.emit()

    # mouse: a pointing hand over links
    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        super().mouseMoveEvent(event)
        index = self.indexAt(event.position().toPoint())
        href = ""
        if index.isValid():
            option = QStyleOptionViewItem()
            self.initViewItemOption(option)
            option.rect = self.visualRect(index)
            href = self.delegate.anchor_at(option, index, QPointF(event.position()))
        shape = Qt.CursorShape.PointingHandCursor if href else Qt.CursorShape.ArrowCursor
        self.viewport().setCursor(shape)

    def resizeEvent(self, event: QResizeEvent) -> None:
        at_bottom = self.is_at_bottom()
        self.delegate.row_width = self.viewport().width()
        super().resizeEvent(event)
        if at_bottom:
            self.scrollToBottom()
        self.jump.place()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.FontChange and isinstance(self.model(), TimelineModel):
            self.model().forget_heights()  # heights are cached per width, not per font
        super().changeEvent(event)

    def _open_link(self, href: str) -> None:
        url = QUrl(href)
        if url.scheme().lower() in LINK_SCHEMES:  # never file:, javascript: or custom schemes
            QDesktopServices.openUrl(url)

    def _jump_to_newest(self) -> None:
        model = self.model()
        if isinstance(model, TimelineModel) and model.has_newer:
            self.newest_requested.emit()  # the newest rows are not in this window
        else:
            self.scroll_to_newest()
        self.jump.update_for(True)

    def _confirm_link(self, href: str, text: str) -> None:
        """A link whose text names another address or a user: say where it leads first."""
        dialog = ConfirmLinkDialog(href, text, self.window())
        dialog.accepted.connect(lambda: self._open_link(href))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def _open_reader(self, key: str) -> None:
        """The whole of a message too long to lay out in the timeline."""
        model = self.model()
        row = model.row_of(key) if isinstance(model, TimelineModel) else None
        if row is None:
            return
        item = model.item(row)
        dialog = MessageReaderDialog(
            html_text(item.html) if item.html else item.body, self.window()
        )
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
