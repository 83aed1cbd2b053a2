"""`ServerPanel`: which server the sign-in goes to, found from the address as it is typed.

Under the identifier: "Looking for your server…" with Cancel, then "Your server: …" before
the user signs in. "Other server…" opens a field to type one (a Matrix server that is not
Tchap); when IT locked the homeserver there is neither lookup nor field, only that server.
The lookup runs in the core (`session.find_server`), one at a time: typing again or Cancel
stops the one in flight.
"""

from __future__ import annotations

import asyncio
import logging
from contextlib import suppress
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from app.accounts.discovery import ServerChoice
from app.api import SessionApi
from app.core.errors import LoginFailed
from app.core.identifiers import EMAIL, is_user_id
from ui import theme
from ui.accounts import signin_texts

log = logging.getLogger("tchap.ui")

DEBOUNCE_MS = 600


class ServerPanel(QWidget):
    """The chosen server line, its Cancel, and the "Other server…" field."""

    changed = Signal()  # the line's text or state changed (the card may resize)
    found = Signal(str)  # a lookup found this server (the account forms load its rules)

    def __init__(
        self, session: SessionApi, config: Any = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._session = session
        self._task: asyncio.Task | None = None
        self._choice: tuple[str, ServerChoice] | None = None  # (identifier, its server)
        self._pending = ""
        self.locked_server = ""
        configured = ""
        if config is not None:
            configured = str(config.get("homeserver") or "")
            if _locked(config, "homeserver") and configured:
                self.locked_server = configured
        self.status = QLabel(self)
        self.status.setObjectName("serverStatus")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status.hide()
        self.cancel = QPushButton(self.tr("Cancel"), self)
        self.cancel.setAccessibleName(self.tr("Stop looking for the server"))
        self.cancel.setFlat(True)
        self.cancel.hide()
        self.cancel.clicked.connect(self.stop)
        self.other = QPushButton(self.tr("Other server…"), self)
        self.other.setObjectName("link")
        self.other.setFlat(True)
        self.other.setCheckable(True)
        self.other.setAccessibleName(self.tr("Sign in to another server"))
        self.other.toggled.connect(self._toggle_other)
        self.field = QLineEdit(self)
        self.field.setPlaceholderText("https://matrix.example.fr")
        self.field.setAccessibleName(self.tr("Server"))
        self.field.hide()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self._start_pending)

        self.setStyleSheet(panel_style())
        self.cancel.setObjectName("link")

        line = QHBoxLayout()
        line.setContentsMargins(0, 0, 0, 0)
        line.addWidget(self.status, 1)
        line.addWidget(self.cancel)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addLayout(line)
        box.addWidget(self.other, 0, Qt.AlignmentFlag.AlignLeft)
        box.addWidget(self.field)
        if self.locked_server:
            self.field.setText(self.locked_server)
            self.field.setReadOnly(True)
            self.other.hide()
            self._say(signin_texts.locked_text(_host(self.locked_server)))
            self.status.setToolTip(self.tr("Set by your administrator"))
        elif configured:  # a default server from the configuration: shown, still editable
            self.field.setText(configured)
            self.other.setChecked(True)

    # -- what the form asks -------------------------------------------------------------------

    @property
    def finding(self) -> bool:
        """Whether the server comes from the address (not locked, no other server typed)."""
        return not self.locked_server and not self.other.isChecked()

    def identifier_edited(self, text: str) -> None:
        """The address changed: stop the lookup for the old one, look again once typing pauses."""
        self._pending = text.strip()
        if not self.finding:
            return
        self._cancel_task()
        self._choice = None
        self._say("")
        if _findable(self._pending):
            self._timer.start()
        else:
            self._timer.stop()

    async def server_for(self, identifier: str) -> str | None:
        """The server to sign in to: locked, typed, or found (waiting for the lookup).
        None when the user cancelled; raises LoginFailed when nothing was found."""
        if self.locked_server:
            return self.locked_server
        if not self.finding:
            return self.field.text().strip()
        identifier = identifier.strip()
        if self._choice is not None and self._choice[0] == identifier:
            return self._choice[1].homeserver
        if self._task is None or self._pending != identifier or _failed(self._task):
            self._pending = identifier
            self._start_pending()
        task = self._task
        try:
            choice = await task
        except asyncio.CancelledError:
            if task.cancelled() and not _being_cancelled():
                return None  # the user's Cancel (or a new address): not an error
            raise
        return choice.homeserver

    @property
    def typed_server(self) -> str:
        """The server typed under "Other server…" ("" while it is found from the address)."""
        return "" if self.locked_server or not self.other.isChecked() else self.field.text().strip()

    def use_server(self, server: str) -> None:
        """Open "Other server…" with `server`, or close it for "" (find it from the address),
        as another form had it; a locked server stays."""
        if self.locked_server:
            return
        if server:
            self.field.setText(server)
        self.other.setChecked(bool(server))

    def find_now(self, identifier: str) -> None:
        """Look the server of a prefilled address up at once (no typing pause to wait for)."""
        self.identifier_edited(identifier)
        if self.finding and self._timer.isActive():
            self._start_pending()

    def stop(self) -> None:
        """Cancel: stop the lookup in flight and say so."""
        if self._task is not None and not self._task.done():
            self._cancel_task()
            self._say(signin_texts.cancelled_text())

    def show_for(self, resuming: bool) -> None:
        """Hide everything while the password is asked again (the server is known)."""
        self.setVisible(not resuming)

    # -- the lookup -----------------------------------------------------------------------------

    def _start_pending(self) -> None:
        self._timer.stop()
        self._cancel_task()
        identifier = self._pending
        self._say(signin_texts.looking_text(), busy=True)
        self._task = asyncio.ensure_future(self._find(identifier))
        # Its failure is shown on the line; a lookup nobody awaits is not an error to log.
        self._task.add_done_callback(_consume)

    async def _find(self, identifier: str) -> ServerChoice:
        try:
            choice = await self._session.access.find_server(identifier)
        except LoginFailed as err:
            self._say(signin_texts.lookup_error_text(err, identifier), error=True)
            raise
        self._choice = (identifier, choice)
        self._say(signin_texts.found_text(choice))
        self.found.emit(choice.homeserver)
        return choice

    def _cancel_task(self) -> None:
        task, self._task = self._task, None
        if task is not None and not task.done():
            task.cancel()
        self.cancel.hide()

    def _say(self, text: str, *, busy: bool = False, error: bool = False) -> None:
        self.status.setObjectName("serverError" if error else "serverStatus")
        self.status.style().unpolish(self.status)
        self.status.style().polish(self.status)
        self.status.setText(text)
        self.status.setAccessibleName(text)
        self.status.setVisible(bool(text))
        self.cancel.setVisible(busy)
        self.changed.emit()

    def _toggle_other(self, other: bool) -> None:
        self.field.setVisible(other)
        self.other.setText(self.tr("Find my server from my address") if other
                           else self.tr("Other server…"))  # fmt: skip
        if other:
            self._timer.stop()
            self._cancel_task()
            self._say("")
            self.field.setFocus()
        else:
            self.identifier_edited(self._pending)
        self.changed.emit()


def panel_style() -> str:
    """Links that look like links (DSFR), a quiet status line, a red one for a failure."""
    t = theme.current()
    return (
        f"QPushButton#link {{ border: none; background: transparent; padding: 2px 0;"
        f" color: {t.primary}; text-decoration: underline; font-weight: 500; }}"
        f"QPushButton#link:hover {{ color: {t.primary_hover}; }}"
        f"QLabel#serverStatus {{ color: {t.text_secondary}; }}"
        f"QLabel#serverError {{ color: {t.error}; }}"
    )


def _consume(task: asyncio.Task) -> None:
    with suppress(asyncio.CancelledError, Exception):
        task.result()


def _failed(task: asyncio.Task) -> bool:
    return task.done() and (task.cancelled() or task.exception() is not None)


def _being_cancelled() -> bool:
    task = asyncio.current_task()
    return bool(task is not None and task.cancelling())


def _findable(text: str) -> bool:
    return bool(EMAIL.match(text) or is_user_id(text))


def _host(url: str) -> str:
    return url.split("://", 1)[-1].rstrip("/")


def _locked(config: Any, key: str) -> bool:
    try:
        return bool(config.is_locked(key))
    except AttributeError:
        return False
