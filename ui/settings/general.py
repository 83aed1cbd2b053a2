"""Settings → General: language, read receipts, the log's level of detail.

Every value is read from and written to the layered configuration (`Config.update`: in
force at once, saved off the UI thread); a key IT locked shows disabled with the reason.
The language applies at the next start (the window says so); the others at once.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QCheckBox, QComboBox, QFormLayout, QLabel, QWidget

from app.api import SessionApi
from ui.settings.locked import lock_if_needed
from ui.settings.page import SettingsPage

LANGUAGE = "language"
SEND_RECEIPTS = "send_read_receipts"
PRIVATE_RECEIPTS = "private_read_receipts"
LOG_LEVEL = "log_level"


class GeneralPage(SettingsPage):
    """Language and the preferences of the configuration."""

    @classmethod
    def title(cls) -> str:
        return QCoreApplication.translate("GeneralPage", "General")

    def __init__(self, session: SessionApi, config: Any, parent: QWidget | None = None) -> None:
        super().__init__(session, config, parent)
        form = QFormLayout()
        self.body.addLayout(form)

        self.language = QComboBox(self)
        self.language.setAccessibleName(self.tr("Language"))
        for label, code in ((self.tr("As the system"), ""), ("Français", "fr"), ("English", "en")):
            self.language.addItem(label, code)
        self.language.setCurrentIndex(max(0, self.language.findData(self._get(LANGUAGE, ""))))
        self.language.currentIndexChanged.connect(self._language_chosen)
        form.addRow(self.tr("Language"), self.language)
        self.language_note = QLabel(self.tr("The new language applies the next time Tchap "
                                            "starts."), self)  # fmt: skip
        self.language_note.setObjectName("notice")
        self.language_note.setWordWrap(True)
        self.language_note.hide()
        form.addRow("", self.language_note)
        self._note(form, self.language, LANGUAGE)

        self.section(self.tr("Read receipts"))
        self.send_receipts = self._checkbox(
            SEND_RECEIPTS, self.tr("Let others know when I have read their messages")
        )
        self.private_receipts = self._checkbox(
            PRIVATE_RECEIPTS, self.tr("Keep my read receipts private")
        )
        self.paragraph(self.tr("With private receipts, your other devices still know what you "
                               "have read, but other members do not."))  # fmt: skip

        self.section(self.tr("Troubleshooting"))
        levels = QFormLayout()
        self.body.addLayout(levels)
        self.log_level = QComboBox(self)
        self.log_level.setAccessibleName(self.tr("Detail of the log file"))
        for label, code in ((self.tr("Errors only"), "error"), (self.tr("Warnings"), "warning"),
                            (self.tr("Normal"), "info"), (self.tr("Everything (to help "
                            "support)"), "debug")):  # fmt: skip
            self.log_level.addItem(label, code)
        self.log_level.setCurrentIndex(max(0, self.log_level.findData(self._get(LOG_LEVEL,
                                                                                  "info"))))  # fmt: skip
        self.log_level.currentIndexChanged.connect(
            lambda: self._set(LOG_LEVEL, self.log_level.currentData())
        )
        levels.addRow(self.tr("Detail of the log file"), self.log_level)
        self._note(levels, self.log_level, LOG_LEVEL)

    def first_control(self) -> QWidget | None:
        return self.language

    def _get(self, key: str, default: Any) -> Any:
        return self.config.get(key) if self.config is not None else default

    def _set(self, key: str, value: Any) -> None:
        self.config.update(key, value)

    def _note(self, form: QFormLayout, control: QWidget, key: str) -> None:
        note = lock_if_needed(control, self.config, key)
        if note is not None:
            form.addRow("", note)

    def _checkbox(self, key: str, text: str) -> QCheckBox:
        box = QCheckBox(text, self)
        box.setAccessibleName(text)
        box.setChecked(bool(self._get(key, False)))
        box.toggled.connect(lambda on: self._set(key, bool(on)))
        self.body.addWidget(box)
        note = lock_if_needed(box, self.config, key)
        if note is not None:
            self.body.addWidget(note)
        return box

    def _language_chosen(self) -> None:
        self._set(LANGUAGE, self.language.currentData())
        self.language_note.show()
