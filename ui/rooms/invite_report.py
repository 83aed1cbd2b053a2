"""`InviteReportModel`: the entries of an invitation list and, as they come, their results.

Two columns (who, what became of it). Before sending, it is the preview; each result
changes its own row (`dataChanged`), so a list of 200 costs one row update per answer.
A new list replaces the rows (the only reset: another list is another table).
"""

from __future__ import annotations

from enum import IntEnum, auto

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from app.rooms.invitations import InviteOutcome, InviteResult
from app.rooms.invite_list import Entry
from ui.rooms import invite_texts

Index = QModelIndex | QPersistentModelIndex
ENTRY_COLUMN, RESULT_COLUMN = 0, 1


class InviteReportModel(QAbstractTableModel):
    class Role(IntEnum):
        ENTRY = Qt.ItemDataRole.UserRole + 1  # the Entry
        RESULT = auto()  # the InviteResult, or None while pending
        DONE = auto()  # True once the entry has a result (or was stopped)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._entries: list[Entry] = []
        self._results: list[InviteResult | None] = []
        self._texts: list[str] = []  # built once per change, never in data()
        self._stopped: set[int] = set()

    @property
    def results(self) -> list[InviteResult | None]:
        return list(self._results)

    def set_entries(self, entries: list[Entry]) -> None:
        """A new list (the preview): every row pending."""
        self.beginResetModel()
        self._entries = list(entries)
        self._results = [None] * len(entries)
        self._texts = [invite_texts.pending_text(e) for e in entries]
        self._stopped = set()
        self.endResetModel()

    def set_result(self, row: int, result: InviteResult) -> None:
        """One entry's result arrived."""
        if not 0 <= row < len(self._entries):
            return
        self._results[row] = result
        self._texts[row] = invite_texts.result_text(result)
        self._changed(row)

    def mark_stopped(self) -> None:
        """The list was stopped: the rows without a result say they were not sent."""
        for row, result in enumerate(self._results):
            if result is None and row not in self._stopped:
                self._stopped.add(row)
                self._texts[row] = invite_texts.stopped_text()
                self._changed(row)

    def _changed(self, row: int) -> None:
        left, right = self.index(row, ENTRY_COLUMN), self.index(row, RESULT_COLUMN)
        self.dataChanged.emit(left, right, [Qt.ItemDataRole.DisplayRole,
                                            Qt.ItemDataRole.ToolTipRole,
                                            self.Role.RESULT, self.Role.DONE])  # fmt: skip

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._entries)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 2

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._entries):
            return None
        row = index.row()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._entries[row].text if index.column() == ENTRY_COLUMN else self._texts[row]
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{self._entries[row].text}: {self._texts[row]}"
        if role == self.Role.ENTRY:
            return self._entries[row]
        if role == self.Role.RESULT:
            return self._results[row]
        if role == self.Role.DONE:
            return self._results[row] is not None or row in self._stopped
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole):  # fmt: skip
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if section == ENTRY_COLUMN:
            return self.tr("Person")
        if section == RESULT_COLUMN:
            return self.tr("Result")
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def count(self, *outcomes: InviteOutcome) -> int:
        """How many rows ended with one of `outcomes`."""
        return sum(r is not None and r.outcome in outcomes for r in self._results)
