"""The round button over the timeline's bottom right: back to the newest messages, with
the count of those that arrived while the user was reading older ones."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QToolButton

from ui.models.timeline import TimelineModel

SIZE = 40
MARGIN = 16


class JumpToBottomButton(QToolButton):
    """Shown while the view is not at its bottom; says how many messages came meanwhile."""

    jump_requested = Signal()

    def __init__(self, view: QAbstractItemView) -> None:
        super().__init__(view)
        self.setObjectName("jumpToBottom")
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.setStyleSheet(
            "QToolButton#jumpToBottom { background: #000091; color: white; border: none; "
            f"border-radius: {SIZE // 2}px; font-weight: bold; padding: 0 10px; }}"
        )
        self.setMinimumSize(SIZE, SIZE)
        self._view = view
        self.count = 0
        self._model: TimelineModel | None = None
        self.clicked.connect(self.jump_requested)
        self._refresh()
        self.hide()

    def set_model(self, model: TimelineModel | None) -> None:
        """Count the rows appended to this model (a room switch starts again at zero)."""
        if self._model is not None:
            self._model.rowsInserted.disconnect(self._on_inserted)
        self._model = model
        self.count = 0
        if model is not None:
            model.rowsInserted.connect(self._on_inserted)
        self._refresh()

    def update_for(self, at_bottom: bool) -> None:
        """The view scrolled: show the button unless the newest message is in view."""
        if at_bottom and not (self._model is not None and self._model.has_newer):
            self.count = 0
            self.hide()
        else:
            self.show()
            self.raise_()
        self._refresh()

    def _on_inserted(self, parent: QModelIndex, first: int, last: int) -> None:
        model = self._model
        if model is None or first == 0 or self.isHidden():
            return  # history above, or the user is at the bottom and sees them arrive
        fresh = [model.item(row) for row in range(first, last + 1)]
        self.count += sum(1 for item in fresh if not item.is_own)
        self._refresh()

    def _refresh(self) -> None:
        if self.count:
            self.setText(f"↓ {self.count if self.count < 100 else '99+'}")
            name = self.tr("Go to the newest messages (%n new)", None, self.count)
        else:
            self.setText("↓")
            name = self.tr("Go to the newest messages")
        self.setAccessibleName(name)
        self.setToolTip(name)
        self.adjustSize()
        self.place()

    def place(self) -> None:
        """Keep to the bottom right corner of the view's viewport."""
        viewport = self._view.viewport().geometry()
        self.move(
            viewport.right() - self.width() - MARGIN, viewport.bottom() - self.height() - MARGIN
        )
