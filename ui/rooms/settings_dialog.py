"""A salon's settings: a window of tabbed pages, "General" first (ui/rooms/general_page.py).

Other pages (rights, members) are added with one call, `add_page(widget, title)`. The
window is not modal to the event loop: it opens with `open()`, and a page loads what it
shows by itself when it is built.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTabWidget, QVBoxLayout, QWidget

from app.api import SessionApi
from ui import theme
from ui.rooms.general_page import GeneralPage


class RoomSettingsDialog(QDialog):
    """The settings of one room: its pages in tabs, "General" first."""

    leave_requested = Signal(str)  # room id: the chat view confirms, then leaves

    def __init__(self, session: SessionApi, room_id: str, title: str,
                 parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.room_id = room_id
        self.setWindowTitle(self.tr("Settings of {name}").format(name=title))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setMinimumSize(560, 520)
        self.tabs = QTabWidget(self)
        self.tabs.setAccessibleName(self.tr("Salon settings pages"))
        self.general = GeneralPage(session, room_id, self)
        self.general.leave_requested.connect(self._leave)
        self.add_page(self.general, self.tr("General"))
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(theme.M, theme.M, theme.M, theme.M)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(close)

    def add_page(self, widget: QWidget, title: str) -> int:
        """Add a page (a tab) after the others; its index."""
        widget.setAccessibleName(title)
        return self.tabs.addTab(widget, title)

    def _leave(self) -> None:
        self.leave_requested.emit(self.room_id)
        self.accept()

    def showEvent(self, event) -> None:
        """Open with the focus in the first page's first field."""
        super().showEvent(event)
        self.general.name.setFocus(Qt.FocusReason.ActiveWindowFocusReason)
