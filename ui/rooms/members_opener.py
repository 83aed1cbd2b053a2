"""How the members panel opens beside the open room: the header's button, Ctrl+Shift+M.

`MembersOpener` puts a "Members" button in the room header and the panel on the chat's
right; the panel follows the open room, and reads the members again when the core says
the room changed (a sync with a join, a kick, a new level...). The panel's "Rights…"
opens the room's settings on their rights page, and its "Invite…" the invitation dialog.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSize, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QToolButton, QWidget

from app.api import SessionApi
from ui.resources import icon

if TYPE_CHECKING:
    from ui.rooms.members_panel import MembersPanel
    from ui.rooms.settings_dialog import RoomSettingsDialog

SHORTCUT = "Ctrl+Shift+M"


class MembersOpener(QObject):
    """Opens and closes the members panel of the chat's open room."""

    def __init__(self, chat: QWidget, session: SessionApi) -> None:
        super().__init__(chat)
        self._chat, self._session = chat, session
        self._panel: MembersPanel | None = None  # built when first opened (a faster start)
        header = chat.pane.header
        self.button = QToolButton(header)
        self.button.setIcon(icon("people"))
        self.button.setIconSize(QSize(20, 20))
        self.button.setCheckable(True)
        self.button.setToolTip(self.tr("Members (Ctrl+Shift+M)"))
        self.button.setAccessibleName(self.tr("Members"))
        self.button.clicked.connect(self.toggle)
        header.layout().addWidget(self.button)
        self.shortcut = QShortcut(QKeySequence(SHORTCUT), chat, self.toggle,
                                  context=Qt.ShortcutContext.WindowShortcut)  # fmt: skip
        chat.bridge.rooms_changed.connect(self._on_rooms_changed)
        chat.sidebar.rooms.room_activated.connect(self._on_room_activated)

    @property
    def panel(self) -> MembersPanel:
        """The panel, built the first time it is needed."""
        if self._panel is None:
            from ui.rooms.members_panel import MembersPanel

            self._panel = panel = MembersPanel(self._session, self._chat)
            panel.hide()
            self._chat.layout().addWidget(panel)
            panel.closed.connect(self._on_closed)
            panel.rights_requested.connect(self.open_rights)
            panel.invite_requested.connect(self._chat.open_invite)
        return self._panel

    def _shown(self) -> bool:
        return self._panel is not None and self._panel.isVisible()

    def toggle(self) -> None:
        """Show the panel for the open room, or hide it."""
        if self.panel.isVisible():
            self.panel.close_panel()
            return
        room_id = self._chat.current_room
        if not room_id:
            self.button.setChecked(False)
            return
        self.panel.show()
        self.button.setChecked(True)
        if self.panel.room_id != room_id:
            self.panel.show_room(room_id)
        else:
            self.panel.refresh()
        self.panel.filter.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _on_closed(self) -> None:
        self.button.setChecked(False)
        self._chat.pane.composer.edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def _on_room_activated(self, room_id: str) -> None:
        if self._shown() and room_id != self.panel.room_id:
            self.panel.show_room(room_id)

    def _on_rooms_changed(self, room_ids: list) -> None:
        if not self._shown():
            return
        current = self._chat.current_room
        if current and current != self.panel.room_id:
            self.panel.show_room(current)
        elif self.panel.room_id in room_ids:
            self.panel.refresh()

    def open_rights(self, room_id: str) -> RoomSettingsDialog | None:
        """The room's settings, open on their rights page."""
        dialog = self._chat.open_settings(room_id) if room_id else None
        if dialog is not None:
            dialog.show_rights()
        return dialog
