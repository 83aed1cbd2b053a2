"""What every Settings page is: a titled widget made from the session and the config.

A page subclasses `SettingsPage`, names itself (`title()`, translated) and fills itself in
`load()` (awaited the first time the page is shown: a page that asks the server does it
then, not when the window opens). Adding a page is one module and one line in `pages.py`.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from app.api import SessionApi
from ui import theme


class SettingsPage(QWidget):
    """A page of the Settings window; subclasses build their controls into `body`."""

    def __init__(self, session: SessionApi, config: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.config = config
        self.heading = QLabel(self.title(), self)
        self.heading.setObjectName("sectionTitle")
        self.heading.setAccessibleName(self.title())
        self.body = QVBoxLayout()
        self.body.setSpacing(theme.S + theme.XS)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(theme.L, theme.L, theme.L, theme.L)
        layout.setSpacing(theme.M)
        layout.addWidget(self.heading)
        layout.addLayout(self.body)
        layout.addStretch(1)

    @classmethod
    def title(cls) -> str:
        """The page's name in the list (translated)."""
        raise NotImplementedError

    async def load(self) -> None:
        """Fill the page (from the server if it needs to); the first time it is shown."""

    def first_control(self) -> QWidget | None:
        """Where the focus goes when the page opens."""
        return None

    def paragraph(self, text: str) -> QLabel:
        """A wrapped, secondary explanation added to the page."""
        label = QLabel(text, self)
        label.setObjectName("secondary")
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.body.addWidget(label)
        return label

    def section(self, text: str) -> QLabel:
        """A bold sub-heading added to the page."""
        label = QLabel(text, self)
        label.setStyleSheet("font-weight: 700;")
        self.body.addWidget(label)
        return label
