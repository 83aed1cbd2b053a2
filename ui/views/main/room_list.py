"""The room list view: sections that fold, keyboard navigation and the context menu.

Rows are painted by `room_row.RoomDelegate`. A click on a section header (or Enter, Space,
Left, Right on it) folds or unfolds it; a room opens on click or Enter. `step` moves to the
previous or next room (Alt+Up/Down), or unread room (Ctrl+Alt+Up/Down), from the sidebar's
shortcuts, unfolding a collapsed section when the room it goes to is inside. The context menu opens on right click, the Menu key and Shift+F10.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPoint, Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent, QPainter
from PySide6.QtWidgets import QAbstractItemView, QListView, QMenu, QWidget

from ui import theme
from ui.avatar_images import avatar_images
from ui.models.room_list import RoomListModel, Section, is_unread
from ui.views.main.room_menu import RoomAction, room_menu
from ui.views.main.room_row import AVATAR, HEADER_H, ROW_H, RoomDelegate, preview_text, room_shape

__all__ = ["AVATAR", "HEADER_H", "ROW_H", "RoomListView", "preview_text", "room_shape"]

_TOGGLE_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space)


class RoomListView(QListView):
    """The list of rooms; emits `room_activated(room_id)`, `leave_requested(room_id)`,
    `action_requested(room_id, RoomAction)` and `section_toggled(section, collapsed)`."""

    room_activated = Signal(str)
    leave_requested = Signal(str)
    action_requested = Signal(str, object)
    section_toggled = Signal(object, bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("roomList")
        self.setItemDelegate(RoomDelegate(self))
        # Headers are shorter than rooms: sizes are not uniform; Batched lays out a long
        # list a slice at a time instead of asking every row's size at once.
        self.setUniformItemSizes(False)
        self.setLayoutMode(QListView.LayoutMode.Batched)
        self.setBatchSize(200)
        self.setMouseTracking(True)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._context_menu)
        self.setAccessibleName(self.tr("Conversations"))
        self._loading = False
        self.menu: QMenu | None = None  # the context menu last opened (tests look at it)
        self.clicked.connect(self._clicked)
        self.activated.connect(self._activate)
        # A bound slot, not a lambda: Qt drops it with the view (the images outlive windows).
        avatar_images().loaded.connect(self._avatar_loaded)

    def _avatar_loaded(self, _uri: str) -> None:
        self.viewport().update()

    def set_loading(self, loading: bool) -> None:
        """While the first sync runs an empty list says it is loading, not that it is empty."""
        self._loading = loading
        self.viewport().update()

    def empty_text(self) -> str:
        """What an empty list says in its viewport ("" when it has rows, or when a search
        found nothing: the sidebar's label says that, once, where a screen reader finds it)."""
        model = self.model()
        if model is None or model.rowCount() > 0:
            return ""
        if self._loading:
            return self.tr("Loading your conversations…")
        source = model.sourceModel() if hasattr(model, "sourceModel") else None
        if source is not None and source.room_count():
            return ""
        return self.tr("No conversations yet. Start one with the + button.")

    def paintEvent(self, event) -> None:
        super().paintEvent(event)
        text = self.empty_text()
        if text:
            painter = QPainter(self.viewport())
            painter.setPen(QColor(theme.current().text_secondary))
            area = self.viewport().rect().adjusted(theme.L, theme.L, -theme.L, 0)
            flags = (
                Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap
            )
            painter.drawText(area, int(flags), text)
            painter.end()

    def select_room(self, room_id: str) -> None:
        """Highlight a room's row without emitting `room_activated`."""
        index = self._index_of(room_id)
        if index is None:
            self.clearSelection()
        else:
            self.setCurrentIndex(index)

    def _index_of(self, room_id: str) -> QModelIndex | None:
        model = self.model()
        for row in range(model.rowCount() if model is not None else 0):
            index = model.index(row, 0)
            if index.data(RoomListModel.Role.ROOM_ID) == room_id:
                return index
        return None

    # sections
    def toggle_section(self, index: QModelIndex) -> None:
        """Fold or unfold the section whose header is `index`."""
        section: Section = index.data(RoomListModel.Role.SECTION)
        model = self.model()
        collapsed = model.toggle(section)
        self.section_toggled.emit(section, collapsed)
        # The header may have moved (rows above it hidden or shown): keep the focus on it.
        for row in range(model.rowCount()):
            header = model.index(row, 0)
            if (
                header.data(RoomListModel.Role.IS_HEADER)
                and header.data(RoomListModel.Role.SECTION) == section
            ):
                self.setCurrentIndex(header)
                break

    def keyPressEvent(self, event: QKeyEvent) -> None:
        index = self.currentIndex()
        key, mods = event.key(), event.modifiers()
        if key == Qt.Key.Key_Menu or (
            key == Qt.Key.Key_F10 and mods == Qt.KeyboardModifier.ShiftModifier
        ):
            if index.isValid():
                self._context_menu(self.visualRect(index).center())
            return
        if index.isValid() and index.data(RoomListModel.Role.IS_HEADER) and not mods:
            collapsed = index.data(RoomListModel.Role.SECTION) in self.model().collapsed()
            if (
                key in _TOGGLE_KEYS
                or (key == Qt.Key.Key_Left and not collapsed)
                or (key == Qt.Key.Key_Right and collapsed)
            ):
                self.toggle_section(index)
                return
        super().keyPressEvent(event)

    # rooms
    def step(self, direction: int, unread_only: bool = False) -> str | None:
        """Open the previous (-1) or next (+1) room, or unread room; returns its id.

        A collapsed section on the way is looked into: when the room to go to is inside,
        the section unfolds (and stays so, as if its header were clicked) to show it."""
        model = self.model()
        if model is None:
            return None
        row = self.currentIndex().row() if self.currentIndex().isValid() else -1
        if row < 0 and direction < 0:
            row = model.rowCount()
        row += direction
        role = RoomListModel.Role
        while 0 <= row < model.rowCount():
            index = model.index(row, 0)
            summary = index.data(role.SUMMARY)
            if summary is not None and (not unread_only or is_unread(summary)):
                return self._go_to(index, summary.room_id)
            section = index.data(role.SECTION)
            if index.data(role.IS_HEADER) and section in model.collapsed():
                hidden = self._folded_room(section, direction, unread_only)
                if hidden is not None:
                    self.toggle_section(index)
                    found = self._index_of(hidden)
                    return self._go_to(found, hidden) if found is not None else None
            row += direction
        return None

    def _go_to(self, index: QModelIndex, room_id: str) -> str:
        self.setCurrentIndex(index)
        self.scrollTo(index)
        self.room_activated.emit(room_id)
        return room_id

    def _folded_room(self, section: Section, direction: int, unread_only: bool) -> str | None:
        """The first (+1) or last (-1) room of a collapsed section, in the order it would
        show in, that the step may go to; None if there is none."""
        source = self.model().sourceModel()
        role = RoomListModel.Role
        rooms = []
        for row in range(source.rowCount()):
            index = source.index(row, 0)
            summary = index.data(role.SUMMARY)
            if (summary is not None and index.data(role.SECTION) == section
                    and (not unread_only or is_unread(summary))):  # fmt: skip
                rooms.append((index.data(role.SORT_KEY), summary.room_id))
        if not rooms:
            return None
        return (min(rooms) if direction > 0 else max(rooms))[1]

    def open_current(self) -> None:
        """Open the current room, or the first room listed (Enter in the search field)."""
        index = self.currentIndex()
        if not index.isValid() or index.data(RoomListModel.Role.IS_HEADER):
            index = self._first_room()
        if index is not None and index.isValid():
            self.setCurrentIndex(index)
            self._activate(index)

    def _first_room(self) -> QModelIndex | None:
        model = self.model()
        for row in range(model.rowCount() if model is not None else 0):
            index = model.index(row, 0)
            if not index.data(RoomListModel.Role.IS_HEADER):
                return index
        return None

    def focus_first_room(self) -> None:
        """Put the keyboard on the first room (Down from the search field)."""
        self.setFocus(Qt.FocusReason.OtherFocusReason)
        index = self._first_room()
        if index is not None:
            self.setCurrentIndex(index)

    def _clicked(self, index: QModelIndex) -> None:
        if index.data(RoomListModel.Role.IS_HEADER):
            self.toggle_section(index)
        else:
            self._activate(index)

    def _activate(self, index: QModelIndex) -> None:
        room_id = index.data(RoomListModel.Role.ROOM_ID)
        if room_id:  # a header is folded by a click or a key, not by `activated`
            self.room_activated.emit(room_id)

    def _context_menu(self, pos: QPoint) -> None:
        index = self.indexAt(pos)
        summary = index.data(RoomListModel.Role.SUMMARY) if index.isValid() else None
        if summary is None:
            return
        room_id = summary.room_id

        def chosen(action: RoomAction) -> None:
            if action is RoomAction.LEAVE:
                self.leave_requested.emit(room_id)
            else:
                self.action_requested.emit(room_id, action)

        if self.menu is not None:
            self.menu.deleteLater()
        self.menu = room_menu(summary, chosen, self)
        self.menu.popup(self.viewport().mapToGlobal(pos))
