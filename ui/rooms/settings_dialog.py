"""A salon's settings: a window of tabbed pages, "General" first (ui/rooms/general_page.py),
then "Rights" (ui/rooms/rights_page.py; a direct chat has none to share out).

Other pages are added with one call, `add_page(widget, title)`. The
window is not modal to the event loop: it opens with `open()`, and a page loads what it
shows by itself when it is built.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTabWidget, QVBoxLayout, QWidget

from app.api import SessionApi
from ui import theme
from ui.rooms.general_page import GeneralPage
from ui.rooms.rights_page import RightsPage


class RoomSettingsDialog(QDialog):
    """The settings of one room: its pages in tabs, "General" first."""

    leave_requested = Signal(str)  # room id: the chat view confirms, then leaves

    def __init__(self, session: SessionApi, room_id: str, title: str,
                 parent: QWidget | None = None, *, direct: bool = False) -> None:  # fmt: skip
        super().__init__(parent)
        self.room_id = room_id
        self.setWindowTitle(self.tr("Settings of {name}").format(name=title))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setMinimumSize(680, 560)  # the rights page's role choices fit
        self.tabs = QTabWidget(self)
        self.tabs.setAccessibleName(self.tr("Salon settings pages"))
        self.general = GeneralPage(session, room_id, self)
        self.general.leave_requested.connect(self._leave)
        self.add_page(self.general, self.tr("General"))
        self.rights: RightsPage | None = None
        if not direct:
            self.rights = RightsPage(session, room_id, self)
            self.add_page(self.rights, self.tr("Rights"))
            self.rights.load()
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

    def show_rights(self) -> None:
        """Open on the rights page (the members panel's "Rights…")."""
        if self.rights is not None:
            self.tabs.setCurrentWidget(self.rights)

    def _leave(self) -> None:
        self.leave_requested.emit(self.room_id)
        self.accept()

    def showEvent(self, event) -> None:
        """Open with the focus in the first page's first field."""
        super().showEvent(event)
        self.general.name.setFocus(Qt.FocusReason.ActiveWindowFocusReason)
