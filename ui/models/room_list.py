"""The room list: a source model in stable insertion order, and a proxy that sorts and filters.

The source model's first rows are the section headers (invitations, favourites, people,
salons, low priority), one each, always there; rooms follow, in the order they arrived.
The bridge feeds `RoomsChanged` / `RoomsRemoved` diffs into `upsert` / `remove`: rows are
inserted, changed in place or removed, never reset on a sync. `RoomListProxy` sorts every
row by a key built once per row (section, header first, most recent activity), hides the
header of an empty section and the rooms of a collapsed one, and filters by the search
text (then headers hide: the matches form one list).
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
from ui.rooms.kind_badge import kind_tooltip

_Index = QModelIndex | QPersistentModelIndex
translate = QCoreApplication.translate


class Section(IntEnum):
    """The room list's sections, in the order shown."""

    INVITES = 0
    FAVOURITES = 1
    PEOPLE = 2
    ROOMS = 3
    LOW_PRIORITY = 4


def section_of(summary: RoomSummary) -> Section:
    """Where a room is listed: invitations, then tags (as in Element), then its kind."""
    if summary.membership is Membership.INVITE:
        return Section.INVITES
    if summary.is_favourite:
        return Section.FAVOURITES
    if summary.is_low_priority:
        return Section.LOW_PRIORITY
    return Section.PEOPLE if summary.is_direct else Section.ROOMS


def section_title(section: Section) -> str:
    """A section's header, translated."""
    return {
        Section.INVITES: translate("RoomListModel", "Invitations"),
        Section.FAVOURITES: translate("RoomListModel", "Favourites"),
        Section.PEOPLE: translate("RoomListModel", "Direct chats"),
        Section.ROOMS: translate("RoomListModel", "Salons"),
        Section.LOW_PRIORITY: translate("RoomListModel", "Low priority"),
    }[section]


def is_unread(summary: RoomSummary) -> bool:
    """Whether a room has something the user has not read (or marked as such)."""
    return summary.unread_count > 0 or summary.marked_unread


def fold(text: str) -> str:
    """Lower-case and accent-free, so "teletravail" finds "Télétravail"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _heroes_text(heroes: tuple[str, ...], others: int) -> str:
    """ "Alice", "Alice and Bob", "Alice, Bob and Carl", "Alice, Bob and 3 others"."""
    if others > 0:
        return translate("RoomListModel", "{names} and %n other(s)", "", others).format(
            names=", ".join(heroes)
        )
    if len(heroes) == 1:
        return heroes[0]
    return translate("RoomListModel", "{names} and {last}").format(
        names=", ".join(heroes[:-1]), last=heroes[-1]
    )


def display_name(summary: RoomSummary) -> str:
    """The name to show for a room: its name, or the spec's sentence from its members."""
    if not summary.name_is_fallback and summary.name:
        return summary.name
    heroes = summary.hero_names
    if summary.is_empty:
        if heroes:
            return translate("RoomListModel", "Empty room (was {names})").format(
                names=_heroes_text(heroes, 0)
            )
        return translate("RoomListModel", "Empty room")
    if heroes:
        return _heroes_text(heroes, summary.other_members)
    if summary.name:
        return summary.name  # e.g. an invitation named after who sent it
    return translate("RoomListModel", "Empty room")


SECTION_ROWS = len(Section)  # the first rows of the source model are the headers


class RoomListModel(QAbstractListModel):
    """Section headers first, then one row per room, in the order rooms first arrived."""

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
        SECTION = auto()  # a Section, for headers and rooms
        IS_HEADER = auto()
        SORT_KEY = auto()  # (section, 0 header / 1 room, favourite order, -activity, room id)
        SECTION_COUNT = auto()  # headers: rooms in the section
        SECTION_UNREAD = auto()  # headers: unread rooms in the section

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rooms: list[RoomSummary] = []
        self._names: list[str] = []
        self._keys: list[str] = []
        self._sort: list[tuple] = []
        self._row_of: dict[str, int] = {}  # room id -> index in _rooms (row - SECTION_ROWS)
        self._count = [0] * SECTION_ROWS
        self._unread = [0] * SECTION_ROWS

    # Qt API
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else SECTION_ROWS + len(self._rooms)

    def roleNames(self) -> dict[int, bytes]:
        return {int(r): r.name.lower().encode() for r in self.Role}

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < self.rowCount():
            return None
        if index.row() < SECTION_ROWS:
            return self._header_data(Section(index.row()), role)
        row = index.row() - SECTION_ROWS
        room = self._rooms[row]
        if role in (Qt.ItemDataRole.DisplayRole, self.Role.NAME):
            return self._names[row]
        if role == Qt.ItemDataRole.ToolTipRole:  # the kind, its meaning, the topic
            return kind_tooltip(room)
        match role:
            case self.Role.SORT_KEY:
                return self._sort[row]
            case self.Role.ROOM_ID:
                return room.room_id
            case self.Role.SUMMARY:
                return room
            case self.Role.IS_HEADER:
                return False
            case self.Role.SECTION:
                return self._sort[row][0]
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

    def _header_data(self, section: Section, role: int) -> Any:
        match role:
            case Qt.ItemDataRole.DisplayRole | self.Role.NAME:
                return section_title(section)
            case self.Role.SORT_KEY:
                return (int(section), 0, 0, "")
            case self.Role.IS_HEADER:
                return True
            case self.Role.SECTION:
                return section
            case self.Role.SECTION_COUNT:
                return self._count[section]
            case self.Role.SECTION_UNREAD:
                return self._unread[section]
        return None

    # Diffs from the bridge
    def set_rooms(self, rooms: Iterable[RoomSummary]) -> None:
        """Replace everything: only for the first paint after sign-in or restore."""
        self.beginResetModel()
        self._rooms, self._names, self._keys, self._sort, self._row_of = [], [], [], [], {}
        self._count, self._unread = [0] * SECTION_ROWS, [0] * SECTION_ROWS
        for room in rooms:
            if room.room_id in self._row_of:
                continue
            self._row_of[room.room_id] = len(self._rooms)
            self._store(len(self._rooms), room, append=True)
        self.endResetModel()

    def upsert(self, rooms: Iterable[RoomSummary]) -> None:
        """Insert new rooms at the end, change known ones in place."""
        new: list[RoomSummary] = []
        before = (list(self._count), list(self._unread))
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
                index = self.index(SECTION_ROWS + row, 0)
                self.dataChanged.emit(index, index, [])
        if new:
            first = len(self._rooms)
            self.beginInsertRows(
                QModelIndex(), SECTION_ROWS + first, SECTION_ROWS + first + len(new) - 1
            )
            for i, room in enumerate(new):
                self._row_of[room.room_id] = first + i
                self._store(first + i, room, append=True)
            self.endInsertRows()
        self._headers_changed(*before)

    def remove(self, room_ids: Iterable[str]) -> None:
        """Remove rooms (left, declined, forgotten), one row at a time."""
        before = (list(self._count), list(self._unread))
        rows = sorted({self._row_of[r] for r in room_ids if r in self._row_of}, reverse=True)
        for row in rows:
            self.beginRemoveRows(QModelIndex(), SECTION_ROWS + row, SECTION_ROWS + row)
            self._tally(row, -1)
            del self._rooms[row], self._names[row], self._keys[row], self._sort[row]
            self.endRemoveRows()
        if rows:
            self._row_of = {room.room_id: i for i, room in enumerate(self._rooms)}
        self._headers_changed(*before)

    # Lookups
    def summary(self, room_id: str) -> RoomSummary | None:
        """The current summary of a room, if listed."""
        row = self._row_of.get(room_id)
        return None if row is None else self._rooms[row]

    def row_of(self, room_id: str) -> int | None:
        """The source row of a room, if listed."""
        row = self._row_of.get(room_id)
        return None if row is None else SECTION_ROWS + row

    def room_count(self) -> int:
        """How many rooms are listed (headers aside)."""
        return len(self._rooms)

    def _tally(self, row: int, sign: int) -> None:
        section = self._sort[row][0]
        self._count[section] += sign
        self._unread[section] += sign if is_unread(self._rooms[row]) else 0

    def _headers_changed(self, count: list[int], unread: list[int]) -> None:
        for section in Section:
            if (count[section], unread[section]) != (self._count[section], self._unread[section]):
                index = self.index(int(section), 0)
                self.dataChanged.emit(index, index, [])

    def _store(self, row: int, room: RoomSummary, append: bool = False) -> None:
        name = display_name(room)
        members = " ".join(room.member_names)
        key = fold(f"{name} {room.topic} {room.inviter} {members}")
        section = section_of(room)
        # Favourites with an order (m.favourite {order}) come first, lowest order first, as
        # in Element; then every room by its latest activity.
        order = room.favourite_order if section is Section.FAVOURITES else None
        ranked = (0, order) if order is not None else (1, 0.0)
        sort = (int(section), 1, *ranked, -room.last_ts, room.room_id)
        if append:
            self._rooms.append(room)
            self._names.append(name)
            self._keys.append(key)
            self._sort.append(sort)
        else:
            self._tally(row, -1)
            self._rooms[row], self._names[row], self._keys[row], self._sort[row] = (
                room, name, key, sort)  # fmt: skip
        self._tally(row, +1)


class RoomListProxy(QSortFilterProxyModel):
    """Sections in order, most recent first in each; collapsed sections and the search text
    hide rows (while searching, headers hide and every section is searched)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._needle = ""
        self._collapsed: set[Section] = set()
        self.setDynamicSortFilter(True)
        self.sort(0, Qt.SortOrder.AscendingOrder)

    def _refilter(self, change) -> None:
        if hasattr(self, "beginFilterChange"):  # Qt >= 6.9
            self.beginFilterChange()
            change()
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            change()
            self.invalidateRowsFilter()

    def set_filter_text(self, text: str) -> None:
        """Show only rooms whose name, topic, inviter or members contain `text` (accents
        ignored)."""
        needle = fold(text.strip())
        if needle != self._needle:
            self._refilter(lambda: setattr(self, "_needle", needle))

    def filter_text(self) -> str:
        """The folded search text in use."""
        return self._needle

    def set_collapsed(self, sections: Iterable[Section]) -> None:
        """Collapse exactly these sections (their headers stay)."""
        wanted = set(sections)
        if wanted != self._collapsed:
            self._refilter(lambda: setattr(self, "_collapsed", wanted))

    def collapsed(self) -> set[Section]:
        """The collapsed sections."""
        return set(self._collapsed)

    def toggle(self, section: Section) -> bool:
        """Collapse or expand a section; returns whether it is now collapsed."""
        self.set_collapsed(self._collapsed ^ {section})
        return section in self._collapsed

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.AccessibleTextRole:  # what a screen reader says of a row
            return self._spoken(index)
        return super().data(index, role)

    def _spoken(self, index: _Index) -> str | None:
        r = RoomListModel.Role
        if not index.data(r.IS_HEADER):
            return index.data(r.NAME)
        count = index.data(r.SECTION_COUNT) or 0
        if index.data(r.SECTION) in self._collapsed:
            text = translate("RoomListModel", "{section}: %n conversation(s), folded", "", count)
        else:
            text = translate("RoomListModel", "{section}: %n conversation(s), unfolded", "", count)
        return text.format(section=index.data(r.NAME))

    def filterAcceptsRow(self, source_row: int, source_parent: _Index) -> bool:
        index = self.sourceModel().index(source_row, 0, source_parent)
        role = RoomListModel.Role
        if index.data(role.IS_HEADER):
            return not self._needle and index.data(role.SECTION_COUNT) > 0
        if self._needle:
            return self._needle in index.data(role.SEARCH_KEY)
        return index.data(role.SECTION) not in self._collapsed

    def lessThan(self, left: _Index, right: _Index) -> bool:
        # "Less" means "shown higher up" (ascending order).
        key = RoomListModel.Role.SORT_KEY
        return left.data(key) < right.data(key)
