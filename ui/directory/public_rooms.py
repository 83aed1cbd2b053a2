"""`PublicRoomsDialog`: browse the server's public salons (forums) and join one.

The search is the server's (`generic_search_term`), sent 300 ms after the last key; a
newer search cancels the one in flight and a stale page is dropped. The next page loads
when the list is scrolled near its end (`next_batch`). "Join" runs once while in flight;
once joined (the core returns when the room list has the salon), the dialog closes and
the salon opens. A salon already joined offers "Open" instead.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.api import SessionApi
from app.core.errors import ActionFailed
from app.directory import PublicRoomsPage
from ui import theme
from ui.accounts.card import show_message
from ui.avatar_images import avatar_images
from ui.directory import texts as dtexts
from ui.directory.delegates import PublicRoomDelegate
from ui.directory.models import PublicRoomsModel
from ui.resources import icon

log = logging.getLogger("tchap.ui")
DEBOUNCE_MS = 300
PAGE = 30
NEAR_END_PX = 200  # the next page is asked for this close to the end of the list


class PublicRoomsDialog(QDialog):
    """The public salons; `room_chosen(room_id)` once one is joined (or opened)."""

    room_chosen = Signal(str)
    page_shown = Signal(int)  # rows now listed (tests)

    def __init__(
        self,
        session: SessionApi,
        parent: QWidget | None = None,
        is_joined: Callable[[str], bool] = lambda _id: False,
    ) -> None:
        super().__init__(parent)
        self._session = session
        self._is_joined = is_joined  # is the account in this room (the room list's answer)?
        self._search_task: asyncio.Task | None = None
        self._page_task: asyncio.Task | None = None
        self._term = ""
        self._next_batch: str | None = None
        self._joining = False
        self.setWindowTitle(self.tr("Public salons"))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.resize(560, 600)
        heading = QLabel(self.tr("Public salons"), self)
        heading.setObjectName("sectionTitle")
        intro = QLabel(self.tr("Forums open to every agent of the public service."), self)
        intro.setObjectName("secondary")
        intro.setWordWrap(True)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Search a salon by name or topic"))
        self.search.setAccessibleName(self.tr("Search the public salons"))
        self.search.setClearButtonEnabled(True)
        self.search.addAction(icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        self.search.installEventFilter(self)
        self.state = QLabel(dtexts.rooms_loading(), self)
        self.state.setObjectName("secondary")
        self.state.setWordWrap(True)
        self.state.setAccessibleName(self.tr("List state"))
        self.model = PublicRoomsModel(self, is_joined)
        self.list = QListView(self)
        self.list.setModel(self.model)
        self.list.setItemDelegate(PublicRoomDelegate(self.list))
        self.list.setAccessibleName(self.tr("Public salons"))
        self.list.setMouseTracking(True)
        self.list.setUniformItemSizes(True)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # rows elide
        self.list.setVerticalScrollMode(QListView.ScrollMode.ScrollPerPixel)
        self.list.doubleClicked.connect(lambda _index: self._join_selected())
        self.list.selectionModel().currentChanged.connect(lambda *_: self._update_buttons())
        self.list.verticalScrollBar().valueChanged.connect(self._maybe_more)
        self.list.verticalScrollBar().rangeChanged.connect(lambda *_: self._maybe_more())
        self.error = QLabel(self)
        self.error.setObjectName("error")
        self.error.setWordWrap(True)
        self.error.hide()
        self.close_button = QPushButton(self.tr("Close"), self)
        self.close_button.clicked.connect(self.reject)
        self.join_button = QPushButton(self.tr("Join"), self)
        self.join_button.setObjectName("primary")
        self.join_button.setDefault(True)
        self.join_button.clicked.connect(self._join_selected)
        buttons = QHBoxLayout()
        buttons.addWidget(self.close_button)
        buttons.addStretch(1)
        buttons.addWidget(self.join_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(theme.L, theme.L, theme.L, theme.M)
        layout.setSpacing(theme.S + theme.XS)
        layout.addWidget(heading)
        layout.addWidget(intro)
        layout.addWidget(self.search)
        layout.addWidget(self.state)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(DEBOUNCE_MS)
        self._debounce.timeout.connect(self._start_search)
        self.search.textChanged.connect(lambda _t: self._debounce.start())
        avatar_images().loaded.connect(self._on_avatar_loaded)
        self.finished.connect(self._stop)
        self._update_buttons()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.search.setFocus(Qt.FocusReason.ActiveWindowFocusReason)
        if self._search_task is None and not self.model.rowCount():
            self._start_search()  # every public salon, first page

    # -- listing -------------------------------------------------------------------------------

    def _start_search(self) -> None:
        for task in (self._search_task, self._page_task):
            if task is not None:
                task.cancel()
        self._page_task = None
        self._term = " ".join(self.search.text().split())
        self._next_batch = None
        self._say(dtexts.rooms_loading())
        self._search_task = asyncio.ensure_future(self._load(self._term, None))

    def _maybe_more(self, *_args: object) -> None:
        bar = self.list.verticalScrollBar()
        near_end = bar.maximum() - bar.value() <= NEAR_END_PX
        if near_end and self._next_batch and self._page_task is None and self._searched():
            self._page_task = asyncio.ensure_future(self._load(self._term, self._next_batch))

    def _searched(self) -> bool:
        return self._search_task is not None and self._search_task.done()

    async def _load(self, term: str, since: str | None) -> None:
        try:
            page = await self._session.directory.public_rooms(term, since, PAGE)
        except ActionFailed as err:
            log.warning("public salons not listed: %s", err.kind.name)
            if self._is_current(term):
                self._say(dtexts.rooms_error(err), error=True)
            return
        finally:
            if since is not None and shiboken6.isValid(self) and term == self._term:
                self._page_task = None
        if self._is_current(term):
            self._show(page, first=since is None)

    def _is_current(self, term: str) -> bool:
        return shiboken6.isValid(self) and term == self._term

    def _show(self, page: PublicRoomsPage, first: bool) -> None:
        if first:
            self.model.set_rooms(page.rooms)
            if page.rooms:
                self.list.setCurrentIndex(self.model.index(0))
        else:
            self.model.add_page(page.rooms)
        self._next_batch = page.next_batch
        self._say("" if self.model.rowCount() else dtexts.no_rooms(self._term))
        self._update_buttons()
        self.page_shown.emit(self.model.rowCount())
        QTimer.singleShot(0, self._maybe_more)  # a short page does not fill the list

    def _say(self, text: str, error: bool = False) -> None:
        show_message(self.state, text, error=error, neutral="secondary")

    def _stop(self, *_args: object) -> None:
        self._debounce.stop()
        for task in (self._search_task, self._page_task):
            if task is not None:
                task.cancel()

    # -- joining -------------------------------------------------------------------------------

    def selected(self) -> str:
        index = self.list.currentIndex()
        return index.data(PublicRoomsModel.Role.ROOM_ID) if index.isValid() else ""

    def _update_buttons(self) -> None:
        room_id = self.selected()
        joined = bool(room_id) and self._is_joined(room_id)
        self.join_button.setText(self.tr("Open") if joined else self.tr("Join"))
        self.join_button.setAccessibleName(self.join_button.text())
        self.join_button.setEnabled(bool(room_id) and not self._joining)

    def _join_selected(self) -> None:
        room_id = self.selected()
        if room_id and not self._joining:
            asyncio.ensure_future(self.join(room_id))

    async def join(self, room_id: str) -> bool:
        """Join the salon (once, however often asked meanwhile), then open it."""
        if self._is_joined(room_id):
            self.room_chosen.emit(room_id)
            self.accept()
            return True
        if self._joining:
            return False
        self._joining = True
        self.error.hide()
        self.model.set_joining(room_id, True)
        self._update_buttons()
        try:
            joined = await self._session.directory.join(room_id)
        except ActionFailed as err:
            if shiboken6.isValid(self):
                self.error.setText(dtexts.join_error(err))
                self.error.show()
            return False
        finally:
            if shiboken6.isValid(self):
                self._joining = False
                self.model.set_joining(room_id, False)
                self._update_buttons()
        if shiboken6.isValid(self):
            self.model.set_joined(joined)
            self.room_chosen.emit(joined)
            self.accept()
        return True

    # -- keyboard, avatars -----------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.search and event.type() == QEvent.Type.KeyPress:
            if event.key() == Qt.Key.Key_Down and self.model.rowCount():
                self.list.setFocus(Qt.FocusReason.OtherFocusReason)
                return True
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self._debounce.isActive():
                self._debounce.stop()
                self._start_search()
                return True
        return super().eventFilter(watched, event)

    def _on_avatar_loaded(self, _uri: str) -> None:
        if shiboken6.isValid(self.list):
            self.list.viewport().update()
