"""`PeopleSearchDialog`: find an agent in the directory, then write to them or invite them.

Search as you type: the query leaves 250 ms after the last key; a newer query cancels the
request in flight, and an answer that is not the newest query's is dropped, so a slow
stale answer never overwrites a newer one. The states are said in words (type something,
searching, nobody, an error). "Send a message" opens (or reopens) the direct chat; opened
while a salon is open, "Invite into …" invites the person there. Keyboard: type, Down to
the results, Enter sends a message to the selected person, Escape closes.
"""

from __future__ import annotations

import asyncio
import logging

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
from app.directory import UserSearch
from ui import texts, theme
from ui.accounts import account_texts
from ui.accounts.card import show_message
from ui.avatar_images import avatar_images
from ui.directory import texts as dtexts
from ui.directory.delegates import PersonDelegate
from ui.directory.models import PeopleModel
from ui.resources import icon

log = logging.getLogger("tchap.ui")
DEBOUNCE_MS = 250


class PeopleSearchDialog(QDialog):
    """The directory's people search; `room_chosen(room_id)` once a direct chat is open."""

    room_chosen = Signal(str)
    results_shown = Signal(str)  # the term whose answer is now on screen (tests, bench)

    def __init__(
        self,
        session: SessionApi,
        parent: QWidget | None = None,
        room_id: str = "",
        room_name: str = "",
    ) -> None:
        super().__init__(parent)
        self._session = session
        self._room_id, self._room_name = room_id, room_name
        self._task: asyncio.Task | None = None
        self._term = ""  # the query whose answer may be shown
        self._busy = False  # a message or an invitation is being made
        self.setWindowTitle(self.tr("Find a person"))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.resize(520, 560)
        heading = QLabel(self.tr("Find a person"), self)
        heading.setObjectName("sectionTitle")
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Name or professional email address"))
        self.search.setAccessibleName(self.tr("Search the directory"))
        self.search.setClearButtonEnabled(True)
        self.search.addAction(icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        self.search.installEventFilter(self)
        self.state = QLabel(dtexts.people_prompt(), self)
        self.state.setObjectName("secondary")
        self.state.setWordWrap(True)
        self.state.setAccessibleName(self.tr("Search state"))
        self.model = PeopleModel(self)
        self.list = QListView(self)
        self.list.setModel(self.model)
        self.list.setItemDelegate(PersonDelegate(self.list))
        self.list.setAccessibleName(self.tr("People found"))
        self.list.setMouseTracking(True)
        self.list.setUniformItemSizes(True)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # rows elide
        self.list.setVerticalScrollMode(QListView.ScrollMode.ScrollPerPixel)
        self.list.doubleClicked.connect(lambda _index: self._message())
        self.list.selectionModel().currentChanged.connect(lambda *_: self._update_buttons())
        self.message = QLabel(self)  # what an action did, or why it failed
        self.message.setWordWrap(True)
        self.message.hide()
        self.close_button = QPushButton(self.tr("Close"), self)
        self.close_button.clicked.connect(self.reject)
        self.invite_button = QPushButton(dtexts.invite_button(room_name), self)
        self.invite_button.setAccessibleName(dtexts.invite_button(room_name))
        self.invite_button.setVisible(bool(room_id))
        self.invite_button.clicked.connect(self._invite)
        self.message_button = QPushButton(self.tr("Send a message"), self)
        self.message_button.setObjectName("primary")
        self.message_button.clicked.connect(self._message)
        buttons = QHBoxLayout()
        buttons.addWidget(self.close_button)
        buttons.addStretch(1)
        buttons.addWidget(self.invite_button)
        buttons.addWidget(self.message_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(theme.L, theme.L, theme.L, theme.M)
        layout.setSpacing(theme.S + theme.XS)
        layout.addWidget(heading)
        layout.addWidget(self.search)
        layout.addWidget(self.state)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(DEBOUNCE_MS)
        self._debounce.timeout.connect(self._start_search)
        self.search.textChanged.connect(self._on_text_changed)
        avatar_images().loaded.connect(self._on_avatar_loaded)
        self.finished.connect(self._stop)
        self._update_buttons()

    # -- searching ---------------------------------------------------------------------------

    def _on_text_changed(self, _text: str) -> None:
        """The query changed: the answer in flight is no longer wanted (the rows on screen
        stay until the new one comes), and the new query leaves once typing pauses."""
        if self._task is not None:
            self._task.cancel()
            self._task = None
        self._term = ""
        self._debounce.start()

    def _start_search(self) -> None:
        term = " ".join(self.search.text().split())
        if self._task is not None:
            self._task.cancel()  # its answer is no longer wanted
            self._task = None
        self._term = term
        if not term:
            self.model.set_people([])
            self._say(dtexts.people_prompt())
            self._update_buttons()
            return
        self._say(dtexts.searching())
        self._task = asyncio.ensure_future(self._search(term))

    async def _search(self, term: str) -> None:
        try:
            result = await self._session.directory.search_users(term)
        except ActionFailed as err:
            log.warning("directory search failed: %s", err.kind.name)
            if self._is_current(term):
                self.model.set_people([])
                self._say(dtexts.search_error(err), error=True)
                self._update_buttons()
            return
        if self._is_current(term):
            self._show(result)
        else:
            log.debug("a stale directory answer dropped")

    def _is_current(self, term: str) -> bool:
        return shiboken6.isValid(self) and term == self._term and self.isVisible()

    def _show(self, result: UserSearch) -> None:
        self.model.set_people(result.users)
        if not result.users:
            self._say(dtexts.nobody_found(result.term))
        elif result.limited:
            self._say(dtexts.more_people())
        else:
            self._say("")
        if result.users:
            self.list.setCurrentIndex(self.model.index(0))
        self._update_buttons()
        self.results_shown.emit(result.term)

    def _say(self, text: str, error: bool = False) -> None:
        show_message(self.state, text, error=error, neutral="secondary")

    def _stop(self, *_args: object) -> None:
        self._debounce.stop()
        if self._task is not None:
            self._task.cancel()
            self._task = None

    # -- actions -----------------------------------------------------------------------------

    def selected(self) -> tuple[str, str]:
        """(user id, name) of the selected person, or ("", "")."""
        index = self.list.currentIndex()
        if not index.isValid():
            return "", ""
        return index.data(PeopleModel.Role.USER_ID), index.data(PeopleModel.Role.NAME)

    def _update_buttons(self) -> None:
        user_id, _name = self.selected()
        refusal = self._session.externals.direct_chat_refusal(user_id) if user_id else None
        self.message_button.setEnabled(bool(user_id) and refusal is None and not self._busy)
        self.message_button.setToolTip(account_texts.refusal_text(refusal) if refusal else "")
        self.invite_button.setEnabled(bool(user_id) and not self._busy)

    def _tell(self, text: str, error: bool = False) -> None:
        show_message(self.message, text, error=error, neutral="secondary")

    def _message(self) -> None:
        user_id, _name = self.selected()
        if user_id and self.message_button.isEnabled():
            asyncio.ensure_future(self.send_message(user_id))

    def _invite(self) -> None:
        user_id, name = self.selected()
        if user_id and self._room_id and self.invite_button.isEnabled():
            asyncio.ensure_future(self.invite(user_id, name))

    async def send_message(self, user_id: str) -> bool:
        """Open the direct chat with `user_id` (the existing one if any), then close."""
        if self._busy:
            return False
        self._set_busy(True)
        try:
            room_id = await self._session.create_direct_chat(user_id)
        except ActionFailed as err:
            if shiboken6.isValid(self):
                self._tell(texts.action_error_text(err), error=True)
            return False
        finally:
            if shiboken6.isValid(self):
                self._set_busy(False)
        if shiboken6.isValid(self):
            self.room_chosen.emit(room_id)
            self.accept()
        return True

    async def invite(self, user_id: str, name: str) -> bool:
        """Invite the person into the salon the dialog was opened from; the dialog stays."""
        if self._busy or not self._room_id:
            return False
        self._set_busy(True)
        try:
            await self._session.room(self._room_id).invite(user_id)
        except ActionFailed as err:
            if shiboken6.isValid(self):
                self._tell(dtexts.invite_error(err), error=True)
            return False
        finally:
            if shiboken6.isValid(self):
                self._set_busy(False)
        if shiboken6.isValid(self):
            self._tell(dtexts.invited(name, self._room_name))
        return True

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        if busy:
            self._tell("")
        self._update_buttons()

    # -- keyboard, avatars ---------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.search and event.type() == QEvent.Type.KeyPress:
            if event.key() == Qt.Key.Key_Down and self.model.rowCount():
                self.list.setFocus(Qt.FocusReason.OtherFocusReason)
                if not self.list.currentIndex().isValid():
                    self.list.setCurrentIndex(self.model.index(0))
                return True
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                if self._debounce.isActive():  # Enter before the pause: search now
                    self._debounce.stop()
                    self._start_search()
                else:
                    self._message()
                return True
        return super().eventFilter(watched, event)

    def keyPressEvent(self, event) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.list.hasFocus():
            self._message()
            return
        super().keyPressEvent(event)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.search.setFocus(Qt.FocusReason.ActiveWindowFocusReason)

    def _on_avatar_loaded(self, _uri: str) -> None:
        if shiboken6.isValid(self.list):
            self.list.viewport().update()
