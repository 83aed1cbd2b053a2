"""A small dialog frame shared by Tchap's dialogs: title, text, body, error line, buttons."""

from __future__ import annotations

from collections.abc import Awaitable

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
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
        self._in_flight = False
        layout = QVBoxLayout(self)
        # The dialog grows when the error line shows, instead of squeezing the fields.
        layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)
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
        if self._in_flight:  # Enter in a field also presses the default button: once only
            if hasattr(action, "close"):
                action.close()  # never awaited: no second request
            return False
        self._in_flight = True
        self.show_error("")
        self.set_busy(True)
        try:
            self.room_id = await action
        except ActionFailed as err:
            if shiboken6.isValid(self):
                self.show_error(texts.action_error_text(err))
            return False
        finally:
            self._in_flight = False
            if shiboken6.isValid(self):  # the dialog may have been closed meanwhile
                self.set_busy(False)
        if shiboken6.isValid(self):
            self.accept()
        return True

    def showEvent(self, event: QShowEvent) -> None:
        """Open with the focus in the first field, never on a button (a typed space would
        press it, and the first word would be lost)."""
        super().showEvent(event)
        fields = [f for f in self.findChildren(QLineEdit) if f.isVisibleTo(self)]
        if fields:
            fields[0].setFocus(Qt.FocusReason.ActiveWindowFocusReason)

    def show_error(self, text: str) -> None:
        """Show (or hide, with "") the inline error; the dialog stays open."""
        self.error.setText(text)
        self.error.setVisible(bool(text))
        layout = self.layout()
        layout.activate()
        wanted = (layout.totalHeightForWidth(self.width()) if layout.hasHeightForWidth()
                  else layout.totalSizeHint().height())  # fmt: skip
        if wanted > self.height():  # grow to fit the wrapped error, never squeeze the fields
            self.resize(self.width(), wanted)

    def set_busy(self, busy: bool) -> None:
        """Block the buttons while the server is asked."""
        self.busy.setVisible(busy)
        self.confirm_button.setEnabled(not busy)
        self.cancel_button.setEnabled(not busy)
