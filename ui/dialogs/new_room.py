"""New private room: a name, an optional topic; always encrypted and invite-only."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QLineEdit, QWidget
from qasync import asyncSlot

from app.api import SessionApi
from ui.dialogs.base import TchapDialog


class NewRoomDialog(TchapDialog):
    """Creates a private room; `room_id` is set once accepted."""

    def __init__(self, session: SessionApi, parent: QWidget | None = None) -> None:
        super().__init__(
            self.tr("New private room"),
            self.tr(
                "A private room is end-to-end encrypted and only people you invite can join it."
            ),
            self.tr("Create the room"),
            parent,
        )
        self._session = session
        self.room_id: str | None = None
        self.name = QLineEdit(self)
        self.name.setPlaceholderText(self.tr("Room name"))
        self.name.setAccessibleName(self.tr("Room name"))
        self.name.setMaxLength(255)
        self.topic = QLineEdit(self)
        self.topic.setPlaceholderText(self.tr("Topic (optional)"))
        self.topic.setAccessibleName(self.tr("Topic"))
        self.body.addWidget(QLabel(self.tr("Name"), self))
        self.body.addWidget(self.name)
        self.body.addWidget(QLabel(self.tr("Topic"), self))
        self.body.addWidget(self.topic)
        self.name.returnPressed.connect(self._on_confirm)
        self.confirm_button.clicked.connect(self._on_confirm)

    async def submit(self) -> bool:
        """Create the room; True (and the dialog accepted) on success."""
        name = self.name.text().strip()
        if not name:
            self.show_error(self.tr("Give the room a name."))
            self.name.setFocus()
            return False
        return await self.create_room(
            self._session.create_private_room(name, self.topic.text().strip())
        )

    @asyncSlot()
    async def _on_confirm(self) -> None:
        await self.submit()
