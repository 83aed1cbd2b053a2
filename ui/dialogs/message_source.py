"""A message's source: its JSON as decrypted, and as the server holds it (encrypted)."""

from __future__ import annotations

import json

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QPlainTextEdit,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.core.message_actions import EventSource
from ui import theme

translate = QCoreApplication.translate


def pretty(event: dict) -> str:
    """The JSON of an event, indented, keys sorted."""
    return json.dumps(event, indent=2, sort_keys=True, ensure_ascii=False)


class MessageSourceDialog(QDialog):
    """Read-only JSON, one tab per form (decrypted first when there is one)."""

    def __init__(self, source: EventSource, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("MessageSourceDialog", "Message source"))
        self.resize(640, 520)
        self.tabs = QTabWidget(self)
        self.tabs.setAccessibleName(translate("MessageSourceDialog", "Message source"))
        if source.decrypted is not None:
            self._add(pretty(source.decrypted), translate("MessageSourceDialog", "Decrypted"))
            self._add(pretty(source.event), translate("MessageSourceDialog", "Encrypted (as sent)"))
        else:
            self._add(pretty(source.event), translate("MessageSourceDialog", "Event"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(theme.L, theme.L, theme.L, theme.M)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(buttons)

    def _add(self, text: str, title: str) -> None:
        view = QPlainTextEdit(self)
        view.setReadOnly(True)
        view.setPlainText(text)
        view.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        view.setAccessibleName(title)
        self.tabs.addTab(view, title)

    def texts(self) -> list[str]:
        """Each tab's JSON (for tests)."""
        return [self.tabs.widget(i).toPlainText() for i in range(self.tabs.count())]

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.tabs.currentWidget().setFocus()
