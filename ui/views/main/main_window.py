"""MainWindow: switches between the sign-in screen and the chat, shows the connection banner."""

from __future__ import annotations

import asyncio
import logging
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox, QStackedWidget, QVBoxLayout, QWidget
from qasync import asyncSlot

from app.api import SessionApi
from app.core.events import SessionState
from ui import texts
from ui.accounts import people
from ui.accounts.expired import ExpiredView
from ui.accounts.screens import AccountScreens
from ui.resources import icon
from ui.rooms.members_opener import MembersOpener
from ui.settings.opener import SettingsOpener
from ui.views.main.chat import ChatView
from ui.views.signin.login import LoginView
from ui.views.signin.start_failed import StartFailedView

log = logging.getLogger("tchap.ui")


class MainWindow(QMainWindow):
    """The application window; `closing` tells the app to shut the session down."""

    closing = Signal()

    def __init__(self, session: SessionApi, profile: Any = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self.setWindowTitle("Tchap")
        self.setWindowIcon(icon("tchap"))
        self.setMinimumSize(860, 560)
        self.resize(1180, 760)
        config = getattr(profile, "config", None)
        self.login = LoginView(session, config, self)
        self.chat = ChatView(session, self, config=config)
        self.settings = SettingsOpener(self.chat, session, config)  # Ctrl+, menu, gear button
        self.members = MembersOpener(self.chat, session)  # the members panel, Ctrl+Shift+M
        self.banner = QLabel(self)
        self.banner.setObjectName("banner")
        self.banner.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.banner.hide()
        # Kept visible for as long as secrets are in a plaintext file (the user's opt-in).
        self.plaintext_warning = QLabel(
            self.tr("No secure keyring on this computer: your session is stored in a file "
                    "readable by your account only."), self)  # fmt: skip
        self.plaintext_warning.setObjectName("warning")
        self.plaintext_warning.setWordWrap(True)
        self.plaintext_warning.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.plaintext_warning.hide()
        self._banner_timer = QTimer(self)
        self._banner_timer.setSingleShot(True)
        self._banner_timer.timeout.connect(self._hide_transient)
        self._state_text = ""
        self._signing_out = False
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.login)
        self.stack.addWidget(self.chat)
        self.start_failed = StartFailedView(self)
        self.stack.addWidget(self.start_failed)
        self.start_failed.retry_requested.connect(self._on_retry_start)
        self.accounts = AccountScreens(self, session, config)  # registration, password reset
        self.start_failed.reset_requested.connect(self._on_sign_out)
        self.chat.bridge.start_failed.connect(self.show_start_failed)
        self.expired = ExpiredView(session, self)
        self.stack.addWidget(self.expired)
        self.expired.renewed.connect(self._leave_expired)
        self.expired.sign_out_requested.connect(self._on_sign_out)
        central = QWidget(self)
        box = QVBoxLayout(central)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(0)
        box.addWidget(self.banner)
        box.addWidget(self.plaintext_warning)
        box.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        self.login.signed_in.connect(self._on_signed_in)
        self.login.sign_out_requested.connect(self._on_sign_out)
        self.chat.sign_out_requested.connect(self._on_sign_out)
        self.chat.about_requested.connect(self.show_about)
        self.chat.error_occurred.connect(self.show_transient_error)
        self.chat.bridge.session_state_changed.connect(self.on_session_state)
        self.chat.bridge.session_state_changed.connect(self.settings.session_state)

    # screens
    def show_login(self, message: str = "") -> None:
        """The sign-in screen, with an optional message (e.g. the session ended)."""
        self.expired.deactivate()
        self.chat.reset()
        self.plaintext_warning.hide()
        self._set_banner("")
        self.stack.setCurrentWidget(self.login)
        self.login.new_sign_in()
        self.login.show_message(message, error=False)
        self.login.focus_first_empty()
        self._session.prepare_network()  # while the user types

    async def show_chat(self) -> None:
        """The chat screen, painted from the cache at once."""
        self.plaintext_warning.setVisible(self._session.secrets_in_plaintext)
        people.set_externals(self._session.externals)  # who gets an "External" badge
        people.refuse_if(self.chat.sidebar.new_room_action,
                         self._session.externals.create_room_refusal())  # fmt: skip
        self.stack.setCurrentWidget(self.chat)
        await self.chat.start()

    @asyncSlot()
    async def _on_signed_in(self) -> None:
        await self.show_chat()
        self._session.start()

    def show_start_failed(self, state: SessionState, reason: object) -> None:
        """The session could not start: say why, offer to retry or to start again."""
        self._set_banner("")
        self.start_failed.show_problem(state, reason)
        self.stack.setCurrentWidget(self.start_failed)

    @asyncSlot()
    async def _on_retry_start(self) -> None:
        self.start_failed.set_busy(True)
        self.stack.setCurrentWidget(self.chat)
        await self._session.retry_start()
        if self.stack.currentWidget() is self.chat:
            await self.chat.start()

    def confirm_sign_out(self) -> QMessageBox:
        """Ask first: signing out deletes this device's keys to the encrypted history."""
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Sign out"))
        box.setText(self.tr("Sign out of Tchap on this computer?"))
        box.setInformativeText(self.tr(
            "The messages and encryption keys stored on this computer will be deleted. "
            "Encrypted conversations may become unreadable here unless your keys are saved "
            "on another device or exported."))  # fmt: skip
        sign_out = box.addButton(self.tr("Sign out"), QMessageBox.ButtonRole.DestructiveRole)
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(cancel)
        box.setEscapeButton(cancel)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.buttonClicked.connect(
            lambda button: button is sign_out and self._start_sign_out()
        )
        box.open()
        cancel.setFocus()
        return box

    def _start_sign_out(self) -> None:
        asyncio.ensure_future(self.sign_out())

    async def sign_out(self) -> None:
        """Sign out on the server and wipe local data, then back to the sign-in screen."""
        if self._signing_out:
            return  # runs once while in flight
        self._signing_out = True
        self._set_banner(texts.session_state_text(SessionState.SIGNING_OUT))
        try:
            await self._session.logout()
        except Exception:  # the local wipe matters more than the server's answer
            log.exception("logout failed")
        finally:
            self._signing_out = False
        self.show_login(self.tr("You are signed out."))

    def _on_sign_out(self) -> None:
        self.confirm_sign_out()

    # connection state
    def on_session_state(self, state: SessionState, retry_in_s: float | None) -> None:
        """Banner for the connection state; TOKEN_INVALID goes back to sign-in."""
        if state is SessionState.TOKEN_INVALID:
            self.show_login(self.tr("Your session has ended. Sign in again."))
            return
        if state is SessionState.SOFT_LOGGED_OUT:  # the same device, only the password again
            self.show_login()
            self.login.ask_password_again(self._session.user_id)
            return
        if state in (SessionState.START_FAILED, SessionState.CACHE_UNAVAILABLE):
            return  # the start-failed panel says it
        if state is SessionState.SIGNED_OUT:
            self.show_login()
            return
        if state is SessionState.ACCOUNT_EXPIRED:
            self.show_expired()
            return
        if self.stack.currentWidget() is self.expired and state is not SessionState.SIGNING_OUT:
            self._leave_expired()  # renewed (syncing again)
        self._state_text = texts.session_state_text(state, retry_in_s)
        self._set_banner(self._state_text)

    def show_expired(self) -> None:
        """The blocking screen of an expired account (the session stopped syncing)."""
        self._state_text = ""
        self._set_banner("")
        self.stack.setCurrentWidget(self.expired)
        self.expired.activate()

    def _leave_expired(self) -> None:
        if self.stack.currentWidget() is self.expired:
            self.expired.deactivate()
            self.stack.setCurrentWidget(self.chat)

    def show_transient_error(self, text: str) -> None:
        """A red banner for a failed action, hidden after a few seconds."""
        self._set_banner(text, error=True)
        self._banner_timer.start(6000)

    def _hide_transient(self) -> None:
        self._set_banner(self._state_text)

    def _set_banner(self, text: str, error: bool = False) -> None:
        self.banner.setObjectName("bannerError" if error else "banner")
        self.banner.style().unpolish(self.banner)
        self.banner.style().polish(self.banner)
        self.banner.setText(text)
        self.banner.setVisible(bool(text) and self.stack.currentWidget() is self.chat)

    def show_about(self) -> QMessageBox:
        """A short "about" box (non-blocking)."""
        box = QMessageBox(self)
        box.setWindowTitle(self.tr("About Tchap"))
        box.setIconPixmap(icon("tchap").pixmap(64, 64))
        box.setText(
            self.tr(
                "<b>Tchap Desktop</b><br>The French state's secure messenger.<br><br>"
                "Free software (AGPL-3.0-or-later), built on the Matrix protocol."
            )
        )
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        return box

    def closeEvent(self, event: QCloseEvent) -> None:
        self.closing.emit()
        event.accept()
