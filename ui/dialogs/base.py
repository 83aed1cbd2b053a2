"""A small dialog frame shared by Tchap's dialogs: title, text, body, error line, buttons."""

from __future__ import annotations

from collections.abc import Awaitable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.core.errors import ActionFailed
from ui import texts, theme


class TchapDialog(QDialog):
    """Window-modal dialog with a primary and a cancel button; opened with `open()`."""

    def __init__(self, title: str, text: str, confirm: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.room_id: str | None = None  # set by create_room() once accepted
        self.setWindowTitle(title)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setMinimumWidth(440)
        heading = QLabel(title, self)
        heading.setObjectName("sectionTitle")
        self.text = QLabel(text, self)
        self.text.setWordWrap(True)
        self.text.setObjectName("secondary")
        self.text.setVisible(bool(text))
        self.body = QVBoxLayout()
        self.body.setSpacing(theme.S)
        self.error = QLabel(self)
        self.error.setObjectName("error")
        self.error.setWordWrap(True)
        self.error.hide()
        self.busy = QProgressBar(self)
        self.busy.setRange(0, 0)
        self.busy.setFixedHeight(3)
        self.busy.setTextVisible(False)
        self.busy.hide()
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.cancel_button.clicked.connect(self.reject)
        self.confirm_button = QPushButton(confirm, self)
        self.confirm_button.setObjectName("primary")
        self.confirm_button.setDefault(True)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.confirm_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(theme.L, theme.L, theme.L, theme.M + theme.XS)
        layout.setSpacing(theme.S + theme.XS)
        layout.addWidget(heading)
        layout.addWidget(self.text)
        layout.addLayout(self.body)
        layout.addWidget(self.error)
        layout.addWidget(self.busy)
        layout.addSpacing(theme.XS)
        layout.addLayout(buttons)

    async def create_room(self, action: Awaitable[str]) -> bool:
        """Await a room-creating action: busy meanwhile; on success keep its room id and close,
        on failure word the error and stay open with what was typed."""
        self.show_error("")
        self.set_busy(True)
        try:
            self.room_id = await action
        except ActionFailed as err:
            self.show_error(texts.action_error_text(err))
            return False
        finally:
            self.set_busy(False)
        self.accept()
        return True

    def show_error(self, text: str) -> None:
        """Show (or hide, with "") the inline error; the dialog stays open."""
        self.error.setText(text)
        self.error.setVisible(bool(text))

    def set_busy(self, busy: bool) -> None:
        """Block the buttons while the server is asked."""
        self.busy.setVisible(busy)
        self.confirm_button.setEnabled(not busy)
        self.cancel_button.setEnabled(not busy)
