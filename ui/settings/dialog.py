"""`SettingsDialog`: one window, the list of pages on the left, the open page on the right.

The pages come from `pages.PAGES`, in order; each is built when the window opens and
loaded the first time it is shown. Up/Down in the list moves between pages, Tab goes into
the page; Escape closes. Changes apply at once (there is no OK button to forget).
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QListWidget,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)
from qasync import asyncSlot

from app.api import SessionApi
from ui import theme
from ui.settings.page import SettingsPage
from ui.settings.pages import PAGES

log = logging.getLogger("tchap.ui")


class SettingsDialog(QDialog):
    """The Settings window of one account."""

    def __init__(self, session: SessionApi, config: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Settings"))
        self.setMinimumSize(760, 520)
        self.resize(900, 620)
        self.pages: list[SettingsPage] = []
        self._loaded: set[int] = set()
        self.list = QListWidget(self)
        self.list.setObjectName("settingsNav")
        self.list.setAccessibleName(self.tr("Settings pages"))
        self.list.setFixedWidth(210)
        self.list.setFrameShape(QListWidget.Shape.NoFrame)
        nav, selected = theme.current().background_alt, theme.current().row_selected
        self.list.setStyleSheet(
            f"QListWidget#settingsNav {{ background: {nav}; padding: {theme.S}px; }}"
            f"QListWidget#settingsNav::item {{ padding: {theme.S}px {theme.S + theme.XS}px;"
            f" border-radius: 4px; color: {theme.current().text}; }}"
            f"QListWidget#settingsNav::item:selected {{ background: {selected};"
            f" color: {theme.current().primary}; font-weight: 700; }}"
        )
        self.stack = QStackedWidget(self)
        for page_class in PAGES:
            page = page_class(session, config, self)
            self.pages.append(page)
            scroll = QScrollArea(self)
            scroll.setWidgetResizable(True)
            scroll.setFrameShape(QScrollArea.Shape.NoFrame)
            scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            scroll.setWidget(page)
            self.stack.addWidget(scroll)
            self.list.addItem(page_class.title())
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        close.button(QDialogButtonBox.StandardButton.Close).setAccessibleName(self.tr("Close"))
        row = QHBoxLayout()
        row.setSpacing(0)
        row.addWidget(self.list)
        row.addWidget(self.stack, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, theme.M, theme.M)
        layout.addLayout(row, 1)
        layout.addWidget(close)
        self.list.currentRowChanged.connect(self._show_page)
        self.list.setCurrentRow(0)

    def page(self, page_class: type[SettingsPage]) -> SettingsPage:
        """The page of that class (tests, and opening the window on a page)."""
        return next(p for p in self.pages if isinstance(p, page_class))

    def open_page(self, page_class: type[SettingsPage]) -> None:
        """Show the page of that class."""
        self.list.setCurrentRow(self.pages.index(self.page(page_class)))

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.list.setFocus(Qt.FocusReason.OtherFocusReason)

    def _show_page(self, row: int) -> None:
        if row < 0:
            return
        self.stack.setCurrentIndex(row)
        if row not in self._loaded:
            self._loaded.add(row)
            self._load(row)

    @asyncSlot(int)
    async def _load(self, row: int) -> None:
        page = self.pages[row]
        try:
            await page.load()
        except Exception:  # a page's bug must not close the window: it says what it could
            log.exception("settings page %s failed to load", type(page).__name__)
