"""A small dialog frame shared by Tchap's dialogs: title, text, body, error line, buttons."""

from __future__ import annotations

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

from ui import theme


class TchapDialog(QDialog):
    """Window-modal dialog with a primary and a cancel button; opened with `open()`."""

    def __init__(self, title: str, text: str, confirm: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
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

    def show_error(self, text: str) -> None:
        """Show (or hide, with "") the inline error; the dialog stays open."""
        self.error.setText(text)
        self.error.setVisible(bool(text))

    def set_busy(self, busy: bool) -> None:
        """Block the buttons while the server is asked."""
        self.busy.setVisible(busy)
        self.confirm_button.setEnabled(not busy)
        self.cancel_button.setEnabled(not busy)
