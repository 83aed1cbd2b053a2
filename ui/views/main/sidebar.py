"""The left column: who is signed in, the search field, the "+" menu and the room list."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
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
from ui.avatar import AvatarShape, avatar_pixmap
from ui.models.room_list import RoomListProxy
from ui.resources import icon
from ui.views.main.room_list import RoomListView

WIDTH = 300


class Sidebar(QWidget):
    """Header, search and room list; its menus emit requests the chat view carries out."""

    sign_out_requested = Signal()
    about_requested = Signal()
    new_direct_chat_requested = Signal()
    new_room_requested = Signal()

    def __init__(self, proxy: RoomListProxy, parent: QWidget | None = None) -> None:
        super().__init__(parent)
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
        self.search.textChanged.connect(proxy.set_filter_text)
        self.new_button = QToolButton(self)
        self.new_button.setIcon(icon("plus"))
        self.new_button.setIconSize(QSize(22, 22))
        self.new_button.setToolTip(self.tr("New conversation"))
        self.new_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        new_menu = QMenu(self)
        new_menu.addAction(self.tr("New direct chat…"), self.new_direct_chat_requested.emit)
        new_menu.addAction(self.tr("New private room…"), self.new_room_requested.emit)
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
        self.user_id.setText(
            self.user_id.fontMetrics().elidedText(second, Qt.TextElideMode.ElideRight, width)
        )
        self.name.setToolTip(display_name)
        self.user_id.setToolTip(user_id)

    def _update_empty(self, *args: object) -> None:
        self.empty.setVisible(self._proxy.rowCount() == 0 and bool(self._proxy.filter_text()))
