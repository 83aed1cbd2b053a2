"""A small emoji picker: common emoji in a grid, a search field, usable from the keyboard
(type to filter, Down to the grid, arrows to move, Enter to pick, Esc to close)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QPoint, QSize, Qt, Signal
from PySide6.QtGui import QFont, QKeyEvent
from PySide6.QtWidgets import (
    QFrame,
    QLineEdit,
    QListView,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ui import theme

translate = QCoreApplication.translate


def common_emoji() -> list[tuple[str, str]]:
    """(emoji, its name in the user's language); the names are searched too."""
    return [
        ("👍", translate("Emoji", "thumbs up, agree, yes")),
        ("👎", translate("Emoji", "thumbs down, disagree, no")),
        ("❤️", translate("Emoji", "red heart, love")),
        ("😂", translate("Emoji", "tears of joy, laugh")),
        ("😄", translate("Emoji", "smile, happy")),
        ("🙂", translate("Emoji", "slight smile")),
        ("😉", translate("Emoji", "wink")),
        ("😮", translate("Emoji", "surprised, wow")),
        ("😢", translate("Emoji", "crying, sad")),
        ("😡", translate("Emoji", "angry")),
        ("🤔", translate("Emoji", "thinking")),
        ("🙏", translate("Emoji", "thank you, please")),
        ("👏", translate("Emoji", "applause, clap")),
        ("🎉", translate("Emoji", "party, congratulations")),
        ("🔥", translate("Emoji", "fire")),
        ("✅", translate("Emoji", "check mark, done")),
        ("❌", translate("Emoji", "cross, wrong")),
        ("👀", translate("Emoji", "eyes, looking")),
        ("💯", translate("Emoji", "hundred points, perfect")),
        ("🚀", translate("Emoji", "rocket, launch")),
        ("👋", translate("Emoji", "waving hand, hello")),
        ("👌", translate("Emoji", "OK hand")),
        ("💪", translate("Emoji", "strong, courage")),
        ("🤝", translate("Emoji", "handshake, deal")),
        ("☕", translate("Emoji", "coffee")),
        ("⏰", translate("Emoji", "alarm clock, time")),
        ("📅", translate("Emoji", "calendar, meeting")),
        ("📎", translate("Emoji", "paperclip, attachment")),
        ("⚠️", translate("Emoji", "warning")),
        ("❓", translate("Emoji", "question")),
        ("⭐", translate("Emoji", "star")),
        ("🇫🇷", translate("Emoji", "flag of France")),
    ]


class EmojiPicker(QFrame):
    """A popup; `picked(emoji)` when the user chooses one, then it closes."""

    picked = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Popup)
        self.setObjectName("emojiPicker")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAccessibleName(self.tr("Choose a reaction"))
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Search an emoji"))
        self.search.setAccessibleName(self.tr("Search an emoji"))
        self.search.setClearButtonEnabled(True)
        self.grid = QListWidget(self)
        self.grid.setAccessibleName(self.tr("Emoji"))
        self.grid.setViewMode(QListView.ViewMode.IconMode)
        self.grid.setResizeMode(QListView.ResizeMode.Adjust)
        self.grid.setMovement(QListView.Movement.Static)
        self.grid.setGridSize(QSize(40, 40))
        self.grid.setUniformItemSizes(True)
        self.grid.setWrapping(True)
        self.grid.setFixedSize(8 * 40 + 24, 4 * 40 + 12)  # 8 columns beside a scroll bar
        big = QFont(self.font())
        big.setPointSizeF(self.font().pointSizeF() + 6)
        for emoji, name in common_emoji():
            item = QListWidgetItem(emoji)
            item.setFont(big)
            item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            item.setToolTip(name)
            item.setData(Qt.ItemDataRole.AccessibleTextRole, name)
            item.setData(Qt.ItemDataRole.UserRole, f"{emoji} {name}".casefold())
            self.grid.addItem(item)
        self.grid.setCurrentRow(0)
        self.grid.itemActivated.connect(self._choose)
        self.grid.itemClicked.connect(self._choose)
        self.search.textChanged.connect(self._filter)
        self.search.returnPressed.connect(self._choose_current)
        self.search.installEventFilter(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(theme.S, theme.S, theme.S, theme.S)
        layout.addWidget(self.search)
        layout.addWidget(self.grid)

    def open_at(self, point: QPoint) -> None:
        """Show below-left of `point` (global), focus in the search field."""
        self.adjustSize()
        self.move(point)
        self.show()
        self.search.setFocus()

    def visible_emoji(self) -> list[str]:
        """The emoji the search leaves shown (for tests)."""
        return [
            self.grid.item(i).text()
            for i in range(self.grid.count())
            if not self.grid.item(i).isHidden()
        ]

    def _filter(self, text: str) -> None:
        words = text.casefold().split()
        first = None
        for i in range(self.grid.count()):
            item = self.grid.item(i)
            haystack = item.data(Qt.ItemDataRole.UserRole)
            shown = all(word in haystack for word in words)
            item.setHidden(not shown)
            if shown and first is None:
                first = item
        if first is not None:
            self.grid.setCurrentItem(first)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.search and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() == Qt.Key.Key_Down:
                self.grid.setFocus()
                return True
        return super().eventFilter(watched, event)

    def _choose_current(self) -> None:
        item = self.grid.currentItem()
        if item is not None and not item.isHidden():
            self._choose(item)

    def _choose(self, item: QListWidgetItem) -> None:
        self.picked.emit(item.text())
        self.close()
