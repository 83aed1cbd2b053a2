"""The members panel's models: `MembersModel` (a room's members, changed incrementally)
and `MembersProxy` (joined first by role, then the invited and the banned; a filter).

The source keeps a stable order (the order members first arrived); a new list is applied
as a diff: rows gone removed, rows changed told with dataChanged, newcomers appended. Only
a room switch resets it. `data()` is a lookup on the row's frozen `RoomMember`.
"""

from __future__ import annotations

from enum import IntEnum, auto

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from app.rooms.member_rows import MemberState, RoomMember

Index = QModelIndex | QPersistentModelIndex
_STATE_ORDER = {MemberState.JOINED: 0, MemberState.INVITED: 1, MemberState.EMAIL_INVITED: 2,
                MemberState.BANNED: 3}  # fmt: skip


class MembersModel(QAbstractListModel):
    """The members of one room, one row each."""

    class Role(IntEnum):
        USER_ID = Qt.ItemDataRole.UserRole + 1
        NAME = auto()
        ORGANISATION = auto()
        AVATAR_URL = auto()
        LEVEL = auto()
        ROLE = auto()
        STATE = auto()
        EXTERNAL = auto()
        MEMBER = auto()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.room_id = ""
        self._rows: list[RoomMember] = []
        self._row_of: dict[str, int] = {}

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def roleNames(self) -> dict[int, bytes]:
        return {int(r): r.name.lower().encode() for r in self.Role} | {
            int(Qt.ItemDataRole.DisplayRole): b"display"
        }

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        member = self._rows[index.row()]
        match role:
            case Qt.ItemDataRole.DisplayRole | Qt.ItemDataRole.AccessibleTextRole:
                return member.display_name
            case Qt.ItemDataRole.ToolTipRole:
                return member.user_id if not member.user_id.startswith("3pid:") else None
            case self.Role.USER_ID:
                return member.user_id
            case self.Role.NAME:
                return member.name
            case self.Role.ORGANISATION:
                return member.organisation
            case self.Role.AVATAR_URL:
                return member.avatar_url
            case self.Role.LEVEL:
                return member.level
            case self.Role.ROLE:
                return member.role.value
            case self.Role.STATE:
                return member.state.value
            case self.Role.EXTERNAL:
                return member.external
            case self.Role.MEMBER:
                return member
        return None

    def member(self, row: int) -> RoomMember:
        return self._rows[row]

    def row_of(self, user_id: str) -> int | None:
        return self._row_of.get(user_id)

    def counts(self) -> tuple[int, int]:
        """(joined, invited by id or email)."""
        joined = sum(1 for m in self._rows if m.state is MemberState.JOINED)
        invited = sum(
            1 for m in self._rows if m.state in (MemberState.INVITED, MemberState.EMAIL_INVITED)
        )
        return joined, invited

    def set_room(self, room_id: str, members: list[RoomMember]) -> None:
        """Another room: the one reset."""
        self.beginResetModel()
        self.room_id = room_id
        self._rows = list(members)
        self._row_of = {m.user_id: i for i, m in enumerate(self._rows)}
        self.endResetModel()

    def update(self, members: list[RoomMember]) -> None:
        """The room's members now: applied as removals, changes and insertions."""
        wanted = {m.user_id: m for m in members}
        gone = sorted(
            (i for i, m in enumerate(self._rows) if m.user_id not in wanted), reverse=True
        )
        for first, last in _runs(gone):
            self.beginRemoveRows(QModelIndex(), first, last)
            del self._rows[first : last + 1]
            self.endRemoveRows()
        if gone:
            self._row_of = {m.user_id: i for i, m in enumerate(self._rows)}
        for row, old in enumerate(self._rows):
            new = wanted[old.user_id]
            if new != old:
                self._rows[row] = new
                index = self.index(row)
                self.dataChanged.emit(index, index, [])
        added = [m for m in members if m.user_id not in self._row_of]
        if added:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(added) - 1)
            self._rows.extend(added)
            self._row_of.update({m.user_id: first + i for i, m in enumerate(added)})
            self.endInsertRows()


def _runs(rows_descending: list[int]) -> list[tuple[int, int]]:
    """Consecutive runs (first, last) of row numbers given from the last one down."""
    runs: list[tuple[int, int]] = []
    for row in rows_descending:
        if runs and runs[-1][0] == row + 1:
            runs[-1] = (row, runs[-1][1])
        else:
            runs.append((row, row))
    return runs


class MembersProxy(QSortFilterProxyModel):
    """Joined members first (administrators, moderators, then by name), then the invited
    and the banned; a filter on name, organisation and address."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._needle = ""
        self.setDynamicSortFilter(True)
        self.sort(0)

    def set_filter_text(self, text: str) -> None:
        self.beginFilterChange()
        self._needle = " ".join(text.split()).casefold()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        if not self._needle:
            return True
        member: RoomMember = self.sourceModel().member(source_row)
        haystack = f"{member.name} {member.organisation} {member.user_id}".casefold()
        return self._needle in haystack

    def lessThan(self, left: Index, right: Index) -> bool:
        model: MembersModel = self.sourceModel()
        return _key(model.member(left.row())) < _key(model.member(right.row()))


def _key(member: RoomMember) -> tuple:
    return (_STATE_ORDER[member.state], -member.level, member.name.casefold(), member.user_id)
