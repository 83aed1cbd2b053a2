"""`DirectoryLauncher`: opens the people search and the public salons from the chat view.

The chat view makes one and hands it the sidebar's requests; the launcher knows which
salon is open (to offer "Invite into …") and whether a room is joined (to offer "Open"),
and reports the room to open through `room_chosen`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from app.api import SessionApi
from app.core.types import Membership
from ui.models.room_list import RoomListModel

if TYPE_CHECKING:  # the dialogs are imported when first opened (a faster start)
    from ui.directory.people_search import PeopleSearchDialog
    from ui.directory.public_rooms import PublicRoomsDialog


class DirectoryLauncher(QObject):
    """Opens the directory's dialogs over `window`."""

    room_chosen = Signal(str)

    def __init__(
        self,
        session: SessionApi,
        window: QWidget,
        room_list: RoomListModel,
        current_room: Callable[[], str],
    ) -> None:
        super().__init__(window)
        self._session = session
        self._window = window
        self._rooms = room_list
        self._current_room = current_room

    def _is_joined(self, room_id: str) -> bool:
        summary = self._rooms.summary(room_id)
        return summary is not None and summary.membership is Membership.JOIN

    def find_people(self) -> PeopleSearchDialog:
        """Open the people search (with "Invite into …" when a salon is open)."""
        from ui.directory.people_search import PeopleSearchDialog

        current = self._current_room()
        room = self._rooms.summary(current) if current else None
        salon = room is not None and room.membership is Membership.JOIN and not room.is_direct
        dialog = PeopleSearchDialog(
            self._session, self._window,
            room_id=room.room_id if salon else "", room_name=room.name if salon else "",
        )  # fmt: skip
        dialog.room_chosen.connect(self.room_chosen)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def browse_public_rooms(self) -> PublicRoomsDialog:
        """Open the public salons."""
        from ui.directory.public_rooms import PublicRoomsDialog

        dialog = PublicRoomsDialog(self._session, self._window, is_joined=self._is_joined)
        dialog.room_chosen.connect(self.room_chosen)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog
