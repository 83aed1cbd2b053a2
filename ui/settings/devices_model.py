"""`DevicesModel`: the account's sessions as a table (name, id, last seen), this one first.

`set_devices` applies a new list as changes: sessions gone are removed, renamed ones
changed in place, new ones inserted; it never resets. Rows are built once, when they come.
"""

from __future__ import annotations

from enum import IntEnum

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from app.accounts.devices import Device
from ui.settings import texts

Index = QModelIndex | QPersistentModelIndex


class DevicesModel(QAbstractTableModel):
    """One row per session; `Role.DEVICE` holds the `Device`."""

    class Role(IntEnum):
        DEVICE = Qt.ItemDataRole.UserRole + 1
        CURRENT = Qt.ItemDataRole.UserRole + 2

    NAME, DEVICE_ID, LAST_SEEN = range(3)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[tuple[Device, tuple[str, str, str]]] = []

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's API
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's API
        return 0 if parent.isValid() else 3

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ):
        if orientation is Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("Name"), self.tr("Session ID"), self.tr("Last seen"))[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        device, cells = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return cells[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole:
            return cells[index.column()]
        if role == Qt.ItemDataRole.FontRole and device.current:
            font = QFont()
            font.setBold(True)
            return font
        if role == self.Role.DEVICE:
            return device
        if role == self.Role.CURRENT:
            return device.current
        return None

    def device(self, row: int) -> Device:
        """The session of a row."""
        return self._rows[row][0]

    def devices(self) -> list[Device]:
        """Every session shown, in order."""
        return [device for device, _ in self._rows]

    @staticmethod
    def _cells(device: Device) -> tuple[str, str, str]:
        return texts.device_name(device), device.device_id, texts.last_seen_text(device)

    def set_devices(self, devices: list[Device]) -> None:
        """Show `devices` (this one first), as removals, changes and insertions."""
        wanted = {d.device_id: d for d in devices}
        for row in reversed(range(len(self._rows))):
            if self._rows[row][0].device_id not in wanted:
                self.beginRemoveRows(QModelIndex(), row, row)
                del self._rows[row]
                self.endRemoveRows()
        shown = {d.device_id: row for row, (d, _) in enumerate(self._rows)}
        for device_id, row in shown.items():
            new = wanted[device_id]
            if new != self._rows[row][0]:
                self._rows[row] = (new, self._cells(new))
                self.dataChanged.emit(self.index(row, 0), self.index(row, 2))
        fresh = [d for d in devices if d.device_id not in shown]
        if fresh:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(fresh) - 1)
            self._rows.extend((d, self._cells(d)) for d in fresh)
            self.endInsertRows()
