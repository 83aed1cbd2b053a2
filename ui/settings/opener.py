"""How the Settings window opens from the main window: Ctrl+, the menu, a button.

`SettingsOpener` adds a "Settings…" action (Ctrl+, while the chat is shown) to the
account menu and a gear button beside it in the sidebar's header; it keeps one window
open at most, and closes it when the session ends (signed out, deactivated, expired).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import QObject, QSize, Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QLayout, QToolButton, QWidget

from app.api import SessionApi
from app.core.events import SessionState
from ui.resources import icon

if TYPE_CHECKING:
    from ui.settings.dialog import SettingsDialog

SHORTCUT = "Ctrl+,"
_ENDED = {SessionState.SIGNING_OUT, SessionState.SIGNED_OUT, SessionState.TOKEN_INVALID,
          SessionState.SOFT_LOGGED_OUT, SessionState.ACCOUNT_EXPIRED}  # fmt: skip


def _layout_holding(layout: QLayout, widget: QWidget) -> QLayout | None:
    if layout.indexOf(widget) >= 0:
        return layout
    for i in range(layout.count()):
        child = layout.itemAt(i).layout()
        if child is not None and (found := _layout_holding(child, widget)) is not None:
            return found
    return None


class SettingsOpener(QObject):
    """Opens the one Settings window of the chat's account."""

    def __init__(self, chat: QWidget, session: SessionApi, config: Any) -> None:
        super().__init__(chat)
        self._chat, self._session, self._config = chat, session, config
        self.dialog: SettingsDialog | None = None
        self.action = QAction(self.tr("Settings…"), chat)
        self.action.setShortcut(QKeySequence(SHORTCUT))  # shown in the menu, active in it only
        self.action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.action.triggered.connect(self.open)
        # Ctrl+, anywhere in the window while the chat shows (not on the sign-in screen).
        self.shortcut = QShortcut(QKeySequence(SHORTCUT), chat, self.open,
                                  context=Qt.ShortcutContext.WindowShortcut)  # fmt: skip
        sidebar = chat.sidebar
        menu = sidebar.menu_button.menu()
        first = menu.actions()[0] if menu.actions() else None
        menu.insertAction(first, self.action)
        self.button = QToolButton(sidebar)
        self.button.setIcon(icon("settings"))
        self.button.setIconSize(QSize(20, 20))
        self.button.setToolTip(self.tr("Settings (Ctrl+,)"))
        self.button.setAccessibleName(self.tr("Settings"))
        self.button.clicked.connect(self.open)
        header = _layout_holding(sidebar.layout(), sidebar.menu_button)
        if header is not None:
            header.insertWidget(header.indexOf(sidebar.menu_button), self.button)

    def open(self) -> SettingsDialog:
        """Show the Settings window (the one already open, if any)."""
        if self.dialog is not None and shiboken6.isValid(self.dialog):
            self.dialog.raise_()
            self.dialog.activateWindow()
            return self.dialog
        from ui.settings.dialog import SettingsDialog  # imported when first opened: not at start

        self.dialog = SettingsDialog(self._session, self._config, self._chat.window())
        self.dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog.show()
        return self.dialog

    def session_state(self, state: SessionState, *_: object) -> None:
        """Close the window when the account is no longer signed in here."""
        if state in _ENDED and self.dialog is not None and shiboken6.isValid(self.dialog):
            self.dialog.close()
            self.dialog = None
