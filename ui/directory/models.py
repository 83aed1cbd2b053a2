"""The directory's models: people found (`PeopleModel`) and public salons (`PublicRoomsModel`).

Rows are the core's frozen dataclasses, kept as they came. A new search replaces the rows
(removed, then the new ones inserted: never a reset); a further page of salons is appended,
a salon already listed skipped. `data()` is a lookup.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import IntEnum, auto

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from app.directory import DirectoryUser, PublicRoom
from ui.accounts import account_texts
from ui.directory import texts as dtexts

Index = QModelIndex | QPersistentModelIndex


class _Rows(QAbstractListModel):
    """A list of rows replaced or extended without resets."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list = []

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def row(self, row: int):
        """The dataclass of a row (None out of range)."""
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def _replace(self, rows: list) -> None:
        if self._rows:
            self.beginRemoveRows(QModelIndex(), 0, len(self._rows) - 1)
            self._rows = []
            self.endRemoveRows()
        self._append(rows)

    def _append(self, rows: list) -> None:
        if not rows:
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
        self._rows.extend(rows)
        self.endInsertRows()


class PeopleModel(_Rows):
    """The people a directory search found, in the server's order."""

    class Role(IntEnum):
        USER_ID = Qt.ItemDataRole.UserRole + 1
        NAME = auto()
        ORGANISATION = auto()
        AVATAR_URL = auto()
        EXTERNAL = auto()
        DISPLAY_NAME = auto()

    def set_people(self, users: list[DirectoryUser] | tuple[DirectoryUser, ...]) -> None:
        """Show a new search's people instead of the previous ones."""
        self._replace(list(users))

    def roleNames(self) -> dict[int, bytes]:
        return {role.value: role.name.lower().encode() for role in self.Role}

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        user: DirectoryUser | None = self.row(index.row()) if index.isValid() else None
        if user is None:
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            words = [user.name, user.organisation]
            if user.external:
                words.append(account_texts.external_badge())
            return ", ".join(w for w in words if w)
        if role == Qt.ItemDataRole.ToolTipRole:
            return user.user_id
        return {
            self.Role.USER_ID: user.user_id,
            self.Role.NAME: user.name,
            self.Role.ORGANISATION: user.organisation,
            self.Role.AVATAR_URL: user.avatar_url,
            self.Role.EXTERNAL: user.external,
            self.Role.DISPLAY_NAME: user.display_name,
        }.get(role)


class PublicRoomsModel(_Rows):
    """The public salons listed so far (pages appended), each marked joined or joining."""

    class Role(IntEnum):
        ROOM_ID = Qt.ItemDataRole.UserRole + 1
        NAME = auto()
        TOPIC = auto()
        MEMBERS = auto()
        AVATAR_URL = auto()
        ALIAS = auto()
        JOINED = auto()
        JOINING = auto()

    def __init__(self, parent=None, is_joined: Callable[[str], bool] = lambda _id: False) -> None:
        super().__init__(parent)
        self._is_joined = is_joined  # is the account in this room (the room list's answer)?
        self._joined: set[str] = set()
        self._joining: set[str] = set()

    def set_rooms(self, rooms: tuple[PublicRoom, ...] | list[PublicRoom]) -> None:
        """The first page of a new search."""
        self._replace(self._unique(rooms, set()))

    def add_page(self, rooms: tuple[PublicRoom, ...] | list[PublicRoom]) -> None:
        """The next page: salons not listed yet go at the end."""
        self._append(self._unique(rooms, {r.room_id for r in self._rows}))

    def _unique(self, rooms, seen: set[str]) -> list[PublicRoom]:
        out = []
        for room in rooms:
            if room.room_id not in seen:
                seen.add(room.room_id)
                out.append(room)
                if self._is_joined(room.room_id):
                    self._joined.add(room.room_id)
        return out

    def set_joined(self, room_id: str) -> None:
        """The account joined this salon: its row says so."""
        self._joined.add(room_id)
        self._changed({room_id}, self.Role.JOINED)

    def set_joining(self, room_id: str, joining: bool) -> None:
        (self._joining.add if joining else self._joining.discard)(room_id)
        self._changed({room_id}, self.Role.JOINING)

    def _changed(self, room_ids: set[str], role: int) -> None:
        for row, room in enumerate(self._rows):
            if room.room_id in room_ids:
                index = self.index(row)
                self.dataChanged.emit(index, index, [role, Qt.ItemDataRole.DisplayRole])

    def roleNames(self) -> dict[int, bytes]:
        return {role.value: role.name.lower().encode() for role in self.Role}

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        room: PublicRoom | None = self.row(index.row()) if index.isValid() else None
        if room is None:
            return None
        name = room.name or room.alias or dtexts.unnamed_room()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            words = [name, dtexts.members(room.members), room.topic]
            if room.room_id in self._joined:
                words.append(dtexts.already_joined())
            return ", ".join(w for w in words if w)
        if role == Qt.ItemDataRole.ToolTipRole:
            return room.topic or name
        return {
            self.Role.ROOM_ID: room.room_id,
            self.Role.NAME: name,
            self.Role.TOPIC: room.topic,
            self.Role.MEMBERS: room.members,
            self.Role.AVATAR_URL: room.avatar_url,
            self.Role.ALIAS: room.alias,
            self.Role.JOINED: room.room_id in self._joined,
            self.Role.JOINING: room.room_id in self._joining,
        }.get(role)
