"""The line under the timeline saying who is typing ("Alice is typing…")."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel, QWidget

from app.core.members import Member
from ui import theme

translate = QCoreApplication.translate


def typing_text(names: list[str]) -> str:
    """The sentence for who is typing; "" when no one is."""
    if not names:
        return ""
    if len(names) == 1:
        return translate("TypingLine", "{name} is typing…").format(name=names[0])
    if len(names) == 2:
        return translate("TypingLine", "{first} and {second} are typing…").format(
            first=names[0], second=names[1]
        )
    return translate("TypingLine", "Several people are typing…")


class TypingLine(QLabel):
    """Shows who is typing in the open room; keeps its height so the timeline never jumps."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("typingLine")
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setStyleSheet(
            f"color: {theme.current().text_secondary}; font-style: italic; padding: 0 {theme.M}px;"
        )
        self.setFixedHeight(self.fontMetrics().height() + 4)
        self.setAccessibleName(self.tr("Who is typing"))
        self._users: tuple[Member, ...] = ()

    @property
    def users(self) -> tuple[Member, ...]:
        """Who is typing now."""
        return self._users

    def set_users(self, users: tuple[Member, ...] | list[Member]) -> None:
        """Show who is typing (nobody: the line stays, empty)."""
        self._users = tuple(users)
        self.setText(typing_text([m.name for m in self._users]))
        self.setToolTip(", ".join(m.name for m in self._users))
