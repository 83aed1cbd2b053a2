"""The left column: who is signed in, the search field, the "+" menu and the room list.

Keyboard: Ctrl+Shift+D finds a person in the directory, Ctrl+Shift+F browses the public
salons; Ctrl+K goes to the search field (Down then goes to the first room, Enter opens
it, Escape clears the search); Alt+Up/Down opens the previous/next room, Ctrl+Alt+Up/Down
the previous/next unread one. Folded sections are kept in the user's settings.
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QEvent, QObject, QSize, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ui import texts, theme
from ui.accounts import account_texts, people
from ui.avatar import AvatarShape, avatar_pixmap
from ui.models.room_list import RoomListProxy, Section
from ui.resources import icon
from ui.views.main.room_list import RoomListView

log = logging.getLogger("tchap.ui")
WIDTH = 300
COLLAPSED_KEY = "room_list_collapsed"
SECTION_KEYS = {
    Section.INVITES: "invites",
    Section.FAVOURITES: "favourites",
    Section.PEOPLE: "people",
    Section.ROOMS: "rooms",
    Section.LOW_PRIORITY: "low_priority",
}


class Sidebar(QWidget):
    """Header, search and room list; its menus emit requests the chat view carries out."""

    sign_out_requested = Signal()
    about_requested = Signal()
    new_direct_chat_requested = Signal()
    new_room_requested = Signal()
    find_people_requested = Signal()  # the directory (h14)
    public_rooms_requested = Signal()

    def __init__(
        self, proxy: RoomListProxy, parent: QWidget | None = None, config: Any = None
    ) -> None:
        super().__init__(parent)
        self._config = config
        self.setObjectName("sidebar")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setFixedWidth(WIDTH)
        self._proxy = proxy

        self.avatar = QLabel(self)
        self.name = QLabel(self)
        self.name.setStyleSheet("font-weight: 700;")
        self.user_id = QLabel(self)
        self.user_id.setObjectName("secondary")
        names = QVBoxLayout()
        names.setSpacing(0)
        names.addWidget(self.name)
        names.addWidget(self.user_id)
        self.menu_button = QToolButton(self)
        self.menu_button.setIcon(icon("more"))
        self.menu_button.setIconSize(QSize(20, 20))
        self.menu_button.setToolTip(self.tr("Menu"))
        self.menu_button.setAccessibleName(self.tr("Menu"))
        self.menu_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self)
        menu.addAction(self.tr("About Tchap"), self.about_requested.emit)
        menu.addSeparator()
        menu.addAction(self.tr("Sign out"), self.sign_out_requested.emit)
        self.menu_button.setMenu(menu)
        header = QHBoxLayout()
        header.setContentsMargins(theme.M, theme.M, theme.S, theme.S)
        header.setSpacing(theme.S + theme.XS)
        header.addWidget(self.avatar)
        header.addLayout(names, 1)
        header.addWidget(self.menu_button)

        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Search a conversation"))
        self.search.setClearButtonEnabled(True)
        self.search.addAction(icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        self.search.setAccessibleName(self.tr("Search a conversation (Ctrl+K)"))
        self.search.textChanged.connect(proxy.set_filter_text)
        self.search.installEventFilter(self)
        self.new_button = QToolButton(self)
        self.new_button.setIcon(icon("plus"))
        self.new_button.setIconSize(QSize(22, 22))
        self.new_button.setToolTip(self.tr("New conversation"))
        self.new_button.setAccessibleName(self.tr("New conversation"))
        self.new_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        new_menu = QMenu(self)
        new_menu.addAction(self.tr("New direct chat…"), self.new_direct_chat_requested.emit)
        self.new_room_action = new_menu.addAction(
            self.tr("New salon…"), self.new_room_requested.emit
        )
        new_menu.addSeparator()
        new_menu.addAction(self.tr("Find a person…"), self.find_people_requested.emit)
        new_menu.addAction(self.tr("Browse public salons…"), self.public_rooms_requested.emit)
        new_menu.setToolTipsVisible(True)  # a disabled action says why (an external account)
        self.new_button.setMenu(new_menu)
        tools = QHBoxLayout()
        tools.setContentsMargins(theme.M, 0, theme.S, theme.S)
        tools.setSpacing(theme.XS)
        tools.addWidget(self.search, 1)
        tools.addWidget(self.new_button)

        title = QLabel(self.tr("Conversations"), self)
        title.setObjectName("secondary")
        title.setStyleSheet("font-weight: 700; padding-left: 24px; padding-top: 4px;")
        self.rooms = RoomListView(self)
        self.rooms.setModel(proxy)
        proxy.set_collapsed(self._saved_collapsed())
        self.rooms.section_toggled.connect(self._save_collapsed)
        self.empty = QLabel(self.tr("No conversation matches your search."), self)
        self.empty.setObjectName("secondary")
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.hide()
        for signal in (
            proxy.rowsInserted,
            proxy.rowsRemoved,
            proxy.modelReset,
            proxy.layoutChanged,
        ):
            signal.connect(self._update_empty)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(theme.XS)
        layout.addLayout(header)
        layout.addLayout(tools)
        layout.addWidget(title)
        layout.addWidget(self.empty)
        layout.addWidget(self.rooms, 1)
        self._add_shortcuts()

    def _add_shortcuts(self) -> None:
        def shortcut(keys: str, slot) -> None:
            QShortcut(QKeySequence(keys), self, slot, context=Qt.ShortcutContext.WindowShortcut)

        shortcut("Ctrl+K", self.focus_search)
        shortcut("Ctrl+Shift+D", self.find_people_requested.emit)  # the directory
        shortcut("Ctrl+Shift+F", self.public_rooms_requested.emit)  # forums
        shortcut("Alt+Up", lambda: self.rooms.step(-1))
        shortcut("Alt+Down", lambda: self.rooms.step(+1))
        shortcut("Ctrl+Alt+Up", lambda: self.rooms.step(-1, unread_only=True))
        shortcut("Ctrl+Alt+Down", lambda: self.rooms.step(+1, unread_only=True))

    def focus_search(self) -> None:
        """Ctrl+K: type to find a room."""
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.search and event.type() == QEvent.Type.KeyPress:
            key = event.key()
            if key == Qt.Key.Key_Down:
                self.rooms.focus_first_room()
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.search.text().strip():
                self.rooms.open_current()
                return True
            if key == Qt.Key.Key_Escape and self.search.text():
                self.search.clear()
                return True
        return super().eventFilter(watched, event)

    def _saved_collapsed(self) -> set[Section]:
        saved = self._config.get(COLLAPSED_KEY) if self._config is not None else []
        by_key = {key: section for section, key in SECTION_KEYS.items()}
        return {by_key[k] for k in saved or [] if k in by_key}

    def _save_collapsed(self, *_args: object) -> None:
        if self._config is None:
            return
        value = sorted(SECTION_KEYS[s] for s in self._proxy.collapsed())
        try:
            self._config.update(COLLAPSED_KEY, value)
        except Exception as exc:  # noqa: BLE001 - a locked key or a read-only profile
            log.warning("folded sections not saved: %s", type(exc).__name__)

    def set_user(self, user_id: str, display_name: str) -> None:
        """Show who is signed in."""
        person, organisation = texts.split_organisation(display_name or user_id)
        self.avatar.setPixmap(
            avatar_pixmap(36, person, user_id, AvatarShape.CIRCLE, self.devicePixelRatioF())
        )
        width = WIDTH - 110
        self.name.setText(
            self.name.fontMetrics().elidedText(person, Qt.TextElideMode.ElideRight, width)
        )
        second = organisation or user_id
        if people.is_external(user_id):  # the account itself is a guest's
            second = f"{second}  ·  {account_texts.external_badge()}"
        self.user_id.setText(
            self.user_id.fontMetrics().elidedText(second, Qt.TextElideMode.ElideRight, width)
        )
        self.name.setToolTip(display_name)
        self.user_id.setToolTip(user_id)

    def _update_empty(self, *args: object) -> None:
        self.empty.setVisible(self._proxy.rowCount() == 0 and bool(self._proxy.filter_text()))
