"""The versions of an edited message, oldest first, each with its date and time."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QDateTime, QLocale
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QListWidget, QVBoxLayout, QWidget

from app.core.message_actions import EditVersion
from ui import theme

translate = QCoreApplication.translate


def version_label(n: int, version: EditVersion) -> str:
    """ "Original, 3 March 14:02: text" or "Edit 2, ...: text"."""
    when = QLocale().toString(
        QDateTime.fromMSecsSinceEpoch(version.ts), QLocale.FormatType.ShortFormat
    )
    if n == 0:
        return translate("EditHistoryDialog", "Original, {when}\n{text}").format(
            when=when, text=version.body
        )
    return translate("EditHistoryDialog", "Edit {n}, {when}\n{text}").format(
        n=n, when=when, text=version.body
    )


class EditHistoryDialog(QDialog):
    """A list of the versions; focus in the list."""

    def __init__(self, versions: list[EditVersion], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("EditHistoryDialog", "Edit history"))
        self.resize(520, 420)
        heading = QLabel(translate("EditHistoryDialog", "Edit history"), self)
        heading.setObjectName("sectionTitle")
        self.versions = QListWidget(self)
        self.versions.setAccessibleName(translate("EditHistoryDialog", "Versions of the message"))
        self.versions.setWordWrap(True)
        self.versions.setAlternatingRowColors(True)
        for n, version in enumerate(versions):
            self.versions.addItem(version_label(n, version))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(theme.L, theme.L, theme.L, theme.M)
        layout.addWidget(heading)
        layout.addWidget(self.versions, 1)
        layout.addWidget(buttons)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.versions.setFocus()
        if self.versions.count():
            self.versions.setCurrentRow(self.versions.count() - 1)
