"""The room list: a source model in stable insertion order, and a proxy that sorts and filters.

The bridge feeds `RoomsChanged` / `RoomsRemoved` diffs into `upsert` / `remove`: rows are
inserted, changed in place or removed, never reset on a sync. Order (invitations first,
then most recent activity) and the search filter live in `RoomListProxy`.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from enum import IntEnum, auto
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from app.core.types import Membership, RoomSummary

_Index = QModelIndex | QPersistentModelIndex


def fold(text: str) -> str:
    """Lower-case and accent-free, so "teletravail" finds "Télétravail"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def display_name(summary: RoomSummary) -> str:
    """The name to show for a room, with the translated fallback for an unnamed one."""
    if summary.name:
        return summary.name
    return QCoreApplication.translate("RoomListModel", "Empty room")


class RoomListModel(QAbstractListModel):
    """One row per room the user is in or invited to, in the order rooms first arrived."""

    class Role(IntEnum):
        ROOM_ID = Qt.ItemDataRole.UserRole + 1
        SUMMARY = auto()
        NAME = auto()
        IS_DIRECT = auto()
        IS_INVITE = auto()
        LAST_TS = auto()
        UNREAD = auto()
        HIGHLIGHT = auto()
        SEARCH_KEY = auto()

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rooms: list[RoomSummary] = []
        self._names: list[str] = []
        self._keys: list[str] = []
        self._row_of: dict[str, int] = {}

    # Qt API
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rooms)

    def roleNames(self) -> dict[int, bytes]:
        return {int(r): r.name.lower().encode() for r in self.Role}

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rooms):
            return None
        row = index.row()
        room = self._rooms[row]
        if role in (Qt.ItemDataRole.DisplayRole, self.Role.NAME):
            return self._names[row]
        if role == Qt.ItemDataRole.ToolTipRole:
            return room.topic or None
        match role:
            case self.Role.ROOM_ID:
                return room.room_id
            case self.Role.SUMMARY:
                return room
            case self.Role.IS_DIRECT:
                return room.is_direct
            case self.Role.IS_INVITE:
                return room.membership is Membership.INVITE
            case self.Role.LAST_TS:
                return room.last_ts
            case self.Role.UNREAD:
                return room.unread_count
            case self.Role.HIGHLIGHT:
                return room.highlight_count
            case self.Role.SEARCH_KEY:
                return self._keys[row]
        return None

    # Diffs from the bridge
    def set_rooms(self, rooms: Iterable[RoomSummary]) -> None:
        """Replace everything: only for the first paint after sign-in or restore."""
        self.beginResetModel()
        self._rooms, self._names, self._keys, self._row_of = [], [], [], {}
        for room in rooms:
            if room.room_id in self._row_of:
                continue
            self._row_of[room.room_id] = len(self._rooms)
            self._store(len(self._rooms), room, append=True)
        self.endResetModel()

    def upsert(self, rooms: Iterable[RoomSummary]) -> None:
        """Insert new rooms at the end, change known ones in place."""
        new: list[RoomSummary] = []
        for room in rooms:
            row = self._row_of.get(room.room_id)
            if row is None:
                if all(r.room_id != room.room_id for r in new):
                    new.append(room)
                else:  # the same room twice in one batch: the later summary wins
                    new = [room if r.room_id == room.room_id else r for r in new]
                continue
            if self._rooms[row] != room:
                self._store(row, room)
                index = self.index(row, 0)
                self.dataChanged.emit(index, index, [])
        if new:
            first = len(self._rooms)
            self.beginInsertRows(QModelIndex(), first, first + len(new) - 1)
            for i, room in enumerate(new):
                self._row_of[room.room_id] = first + i
                self._store(first + i, room, append=True)
            self.endInsertRows()

    def remove(self, room_ids: Iterable[str]) -> None:
        """Remove rooms (left, declined, forgotten), one contiguous block at a time."""
        rows = sorted({self._row_of[r] for r in room_ids if r in self._row_of}, reverse=True)
        for row in rows:
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._rooms[row], self._names[row], self._keys[row]
            self.endRemoveRows()
        if rows:
            self._row_of = {room.room_id: i for i, room in enumerate(self._rooms)}

    # Lookups
    def summary(self, room_id: str) -> RoomSummary | None:
        """The current summary of a room, if listed."""
        row = self._row_of.get(room_id)
        return None if row is None else self._rooms[row]

    def row_of(self, room_id: str) -> int | None:
        """The source row of a room, if listed."""
        return self._row_of.get(room_id)

    def _store(self, row: int, room: RoomSummary, append: bool = False) -> None:
        name = display_name(room)
        key = fold(f"{name} {room.topic} {room.inviter}")
        if append:
            self._rooms.append(room)
            self._names.append(name)
            self._keys.append(key)
        else:
            self._rooms[row], self._names[row], self._keys[row] = room, name, key


class RoomListProxy(QSortFilterProxyModel):
    """Invitations first, then the most recently active rooms; filtered by the search text."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._needle = ""
        self.setDynamicSortFilter(True)
        self.sort(0, Qt.SortOrder.AscendingOrder)

    def set_filter_text(self, text: str) -> None:
        """Show only rooms whose name, topic or inviter contains `text` (accents ignored)."""
        needle = fold(text.strip())
        if needle == self._needle:
            return
        if hasattr(self, "beginFilterChange"):  # Qt >= 6.9
            self.beginFilterChange()
            self._needle = needle
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self._needle = needle
            self.invalidateRowsFilter()

    def filter_text(self) -> str:
        """The folded search text in use."""
        return self._needle

    def filterAcceptsRow(self, source_row: int, source_parent: _Index) -> bool:
        if not self._needle:
            return True
        index = self.sourceModel().index(source_row, 0, source_parent)
        return self._needle in index.data(RoomListModel.Role.SEARCH_KEY)

    def lessThan(self, left: _Index, right: _Index) -> bool:
        # "Less" means "shown higher up" (ascending order).
        role = RoomListModel.Role
        l_inv, r_inv = left.data(role.IS_INVITE), right.data(role.IS_INVITE)
        if l_inv != r_inv:
            return bool(l_inv)
        l_ts, r_ts = left.data(role.LAST_TS), right.data(role.LAST_TS)
        if l_ts != r_ts:
            return l_ts > r_ts
        return left.data(role.ROOM_ID) < right.data(role.ROOM_ID)  # stable tie-break
