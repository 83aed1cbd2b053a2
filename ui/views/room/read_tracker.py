"""What the user has really read: the newest message on screen while the window is active.

Our read receipt and read marker must say what the person saw, not what was loaded: a
room opened in a window behind others, or scrolled up through history, reads nothing new.
`ReadTracker` watches the timeline (scrolling, rows arriving) and the window (activation),
and a moment after things settle reports the newest sent message whose bottom is inside
the viewport, if the window is active. The core never moves a receipt backwards.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, QTimer, Signal
from PySide6.QtWidgets import QApplication, QListView

from app.core.types import SendState
from ui.models.timeline import TimelineModel

SETTLE_MS = 250  # reading is what stays on screen, not what flies past while scrolling


class ReadTracker(QObject):
    """Emits `read(room_id, event_id)` when a newer message was seen in the active window."""

    read = Signal(str, str)

    def __init__(self, view: QListView) -> None:
        super().__init__(view)
        self._view = view
        self._reported: dict[str, str] = {}  # room -> the event last reported
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SETTLE_MS)
        self._timer.timeout.connect(self.check)
        view.verticalScrollBar().valueChanged.connect(self.schedule)
        view.window().installEventFilter(self)
        app = QApplication.instance()
        if app is not None:
            app.focusWindowChanged.connect(self.schedule)
        self._model: TimelineModel | None = None

    def watch(self, model: TimelineModel | None) -> None:
        """Follow the rows of the room now shown."""
        if self._model is not None:
            self._model.rowsInserted.disconnect(self.schedule)
            self._model.dataChanged.disconnect(self.schedule)
        self._model = model
        if model is not None:
            model.rowsInserted.connect(self.schedule)
            model.dataChanged.connect(self.schedule)
            self.schedule()

    def schedule(self, *_args: object) -> None:
        """Look again once things settle."""
        self._timer.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.WindowActivate, QEvent.Type.Show):
            self.schedule()
        return False

    def is_reading(self) -> bool:
        """The timeline is shown in the active window (not minimised, not behind another)."""
        window = self._view.window()
        return self._view.isVisible() and window.isActiveWindow() and not window.isMinimized()

    def newest_seen(self) -> str | None:
        """The newest sent message whose bottom is inside the viewport."""
        model = self._model
        if model is None or model.rowCount() == 0:
            return None
        height = self._view.viewport().height()
        index = self._view.indexAt(QPoint(1, height - 1))
        row = index.row() if index.isValid() else model.rowCount() - 1
        while row >= 0:
            rect = self._view.visualRect(model.index(row, 0))
            if rect.bottom() < 0:
                return None
            item = model.item(row)
            if (
                rect.bottom() <= height
                and item.event_id
                and not item.key.startswith("~")
                and item.send_state is SendState.SENT
            ):
                return item.key
            row -= 1
        return None

    def check(self) -> None:
        """Report the newest message seen, if the user is looking and it is new."""
        model = self._model
        if model is None or not self.is_reading():
            return
        event_id = self.newest_seen()
        if event_id and self._reported.get(model.room_id) != event_id:
            self._reported[model.room_id] = event_id
            self.read.emit(model.room_id, event_id)
