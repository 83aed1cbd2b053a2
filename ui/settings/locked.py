"""A setting IT locked: the control disabled, a lock and the reason beside it."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from ui.resources import icon
from ui.settings import texts


def is_locked(config: Any, key: str) -> bool:
    """True when the machine policy locks `key` (no config: nothing can be changed)."""
    return config is None or bool(config.is_locked(key))


class LockNote(QWidget):
    """ "🔒 Set by your IT department…", shown under a locked control."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("lockNote")
        lock = QLabel(self)
        lock.setPixmap(icon("lock-grey").pixmap(QSize(14, 14)))
        self.text = QLabel(texts.locked_text(), self)
        self.text.setObjectName("secondary")
        self.text.setWordWrap(True)
        box = QHBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(lock)
        box.addWidget(self.text, 1)


def lock_if_needed(control: QWidget, config: Any, key: str) -> LockNote | None:
    """Disable `control` when IT locked `key`; the note to place under it (None if free)."""
    if not is_locked(config, key):
        return None
    control.setEnabled(False)
    note = LockNote(control.parentWidget())
    control.setToolTip(note.text.text())
    control.setAccessibleDescription(note.text.text())
    return note
