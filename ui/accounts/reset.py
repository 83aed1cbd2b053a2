"""A forgotten password: the address, then the link the server mails, then the new password
(and whether to sign out every other session). The server is found from the address as the
sign-in finds it (`ui/accounts/form_server.py`). Ends back on the sign-in form, the address
filled in, saying the password was changed.
"""

from __future__ import annotations

import asyncio
import logging
from contextlib import suppress
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)
from qasync import asyncSlot

from app.accounts.email_check import EmailCheckError, EmailCheckFailed
from app.api import SessionApi
from app.api_accounts import PasswordResetApi
from ui.accounts.card import (
    busy_bar,
    card_page,
    field_label,
    link_button,
    message_label,
    show_message,
)
from ui.accounts.form_server import server_of, server_panel
from ui.accounts.password_field import NewPasswordField
from ui.accounts.register import looks_like_email
from ui.accounts.register_texts import email_check_error_text, reset_mail_sent_text

log = logging.getLogger("tchap.ui")


class ResetView(QWidget):
    """The address page and the new-password page of a password reset."""

    done = Signal(str)  # the address: the password was changed
    back_requested = Signal(str)  # the address typed, for the sign-in form

    def __init__(
        self, session: SessionApi, config: Any = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._session = session
        self._flow: PasswordResetApi | None = None
        self._busy = False
        self.pages = QStackedWidget(self)
        self.email_page = QWidget(self.pages)
        self.password_page = QWidget(self.pages)
        self.pages.addWidget(self.email_page)
        self.pages.addWidget(self.password_page)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.pages)
        self._build_email_page(config)
        self._build_password_page()

    def _build_email_page(self, config: Any) -> None:
        card, box = card_page(self.email_page, self.tr("Forgot your password?"))
        intro = QLabel(self.tr("Enter the email address of your account: we will send you a "
                               "link to choose a new password."), card)  # fmt: skip
        intro.setWordWrap(True)
        self.email = QLineEdit(card)
        self.email.setPlaceholderText(self.tr("first.last@ministry.gouv.fr"))
        self.email.setAccessibleName(self.tr("Email address of your account"))
        self.server_panel = server_panel(self._session, config, self.email, card)
        self.server = self.server_panel.field  # shown under "Other server…" only
        self.error = message_label(card)
        self.send = QPushButton(self.tr("Send the link"), card)
        self.send.setObjectName("primary")
        self.send.setMinimumHeight(40)
        self.send.setAccessibleName(self.tr("Send the link"))
        self.busy = busy_bar(card)
        self.back = link_button(self.tr("Back to sign-in"), card)
        self.back.setAccessibleName(self.tr("Back to sign-in"))
        box.addWidget(intro)
        box.addWidget(field_label(self.tr("Email address"), card))
        box.addWidget(self.email)
        box.addWidget(self.server_panel)
        box.addWidget(self.error)
        box.addWidget(self.send)
        box.addWidget(self.busy)
        box.addWidget(self.back, 0, Qt.AlignmentFlag.AlignHCenter)
        self.send.clicked.connect(self._on_send)
        self.email.returnPressed.connect(self._on_send)
        self.server.returnPressed.connect(self._on_send)
        self.back.clicked.connect(self._on_back)

    def _build_password_page(self) -> None:
        card, box = card_page(self.password_page, self.tr("Check your mailbox"))
        self.mail_text = QLabel(card)
        self.mail_text.setWordWrap(True)
        self.mail_text.setTextFormat(Qt.TextFormat.PlainText)
        self.new_password = NewPasswordField(self.tr("New password"), card)
        self.logout_devices = QCheckBox(self.tr("Sign out of all my other sessions"), card)
        self.logout_devices.setChecked(True)
        self.logout_devices.setAccessibleName(self.tr("Sign out of all my other sessions"))
        self.password_error = message_label(card)
        self.change = QPushButton(self.tr("Change my password"), card)
        self.change.setObjectName("primary")
        self.change.setMinimumHeight(40)
        self.change.setAccessibleName(self.tr("Change my password"))
        self.change_busy = busy_bar(card)
        self.resend = link_button(self.tr("Send the email again"), card)
        self.resend.setAccessibleName(self.tr("Send the email again"))
        self.cancel = link_button(self.tr("Back to sign-in"), card)
        self.cancel.setAccessibleName(self.tr("Back to sign-in"))
        box.addWidget(self.mail_text)
        box.addWidget(self.new_password)
        box.addWidget(self.logout_devices)
        box.addWidget(self.password_error)
        box.addWidget(self.change)
        box.addWidget(self.change_busy)
        box.addWidget(self.resend, 0, Qt.AlignmentFlag.AlignHCenter)
        box.addWidget(self.cancel, 0, Qt.AlignmentFlag.AlignHCenter)
        self.change.clicked.connect(self._on_change)
        for field in (self.new_password.password, self.new_password.confirm):
            field.returnPressed.connect(self._on_change)
        self.resend.clicked.connect(self._on_resend)
        self.cancel.clicked.connect(self._on_back)

    def open(self, homeserver: str, email: str = "") -> None:
        """Show the address page, the address prefilled and its server looked up as the
        sign-in does; `homeserver` is the server typed under "Other server…" on the sign-in
        form ("" when it finds the server from the address)."""
        self.pages.setCurrentWidget(self.email_page)
        self.server_panel.use_server(homeserver)
        if email:
            self.email.setText(email)
        show_message(self.error, "")
        show_message(self.password_error, "")
        self.new_password.clear()
        self._set_busy(False)
        self.email.setFocus()
        self.server_panel.find_now(self.email.text().strip())

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        for bar in (self.busy, self.change_busy):
            bar.setVisible(busy)
        self.send.setEnabled(not busy)
        self.change.setEnabled(not busy)

    async def send_link(self) -> bool:
        """Ask the server to mail the link; True when it did (the password page shows)."""
        if self._busy:
            return False  # runs once while in flight
        email = self.email.text().strip()
        if not looks_like_email(email):
            show_message(self.error, self.tr("Enter the email address of your account."))
            self.email.setFocus()
            return False
        show_message(self.error, "")
        self._set_busy(True)
        server = await server_of(self.server_panel, email, self.error)
        if server is None:  # stopped, not found, or no server typed: the form says which
            self._set_busy(False)
            if not self.server.hasFocus():
                self.email.setFocus()
            return False
        if self._flow is not None:
            asyncio.ensure_future(self._flow.close())
        self._flow = flow = self._session.access.password_reset(server)
        try:
            await flow.send_link(email)
            policy = await flow.password_policy()
        except EmailCheckFailed as failed:
            self._set_busy(False)
            show_message(self.error, email_check_error_text(failed, server))
            self.email.setFocus()
            return False
        self._set_busy(False)
        self.new_password.set_policy(policy)
        self.mail_text.setText(reset_mail_sent_text(email))
        self.pages.setCurrentWidget(self.password_page)
        self.new_password.password.setFocus()
        return True

    async def set_password(self) -> bool:
        """Send the new password; True when the server took it (emits `done`)."""
        flow = self._flow
        if self._busy or flow is None:
            return False
        problem = self.new_password.problem()
        if problem:
            show_message(self.password_error, problem)
            self.new_password.password.setFocus()
            return False
        show_message(self.password_error, "")
        self._set_busy(True)
        try:
            await flow.set_password(self.new_password.text(), self.logout_devices.isChecked())
        except EmailCheckFailed as failed:
            self._set_busy(False)
            show_message(self.password_error, email_check_error_text(failed, flow.homeserver))
            if failed.kind is EmailCheckError.WEAK_PASSWORD:
                self.new_password.password.setFocus()
            return False
        self._set_busy(False)
        self.new_password.clear()
        self._flow = None
        asyncio.ensure_future(flow.close())
        self.done.emit(flow.email)
        return True

    @asyncSlot()
    async def _on_send(self) -> None:
        await self.send_link()

    @asyncSlot()
    async def _on_change(self) -> None:
        await self.set_password()

    @asyncSlot()
    async def _on_resend(self) -> None:
        if self._flow is None or self._busy:
            return
        try:
            await self._flow.resend()
        except EmailCheckFailed as failed:
            show_message(self.password_error, email_check_error_text(failed, self._flow.homeserver))
        else:
            show_message(self.password_error, self.tr("The email was sent again."), error=False)

    def _on_back(self) -> None:
        self.back_requested.emit(self.email.text().strip())

    async def close_flow(self) -> None:
        """Close the connections (the window is closing)."""
        flow, self._flow = self._flow, None
        if flow is not None:
            with suppress(Exception):
                await flow.close()
