"""Creating an account: address, name, password (meter and the server's rules), then
"check your mailbox", which goes on by itself once the link was opened and signs in.

The server is found from the address as the sign-in finds it (`ui/accounts/form_server.py`),
shown before anything is sent; "Other server…" or IT's lock as on the sign-in form. The view
asks the session for a `RegistrationApi` per server; the wait for the link is a task the view
owns, cancelled by "Cancel" or by leaving. "Create" runs once while in flight. Once the link
was opened it signs in by the email, on the same server, as the sign-in form does.
"""

from __future__ import annotations

import asyncio
import logging
from contextlib import suppress
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton, QStackedWidget, QVBoxLayout, QWidget
from qasync import asyncSlot

from app.accounts.email_check import EmailCheckError, EmailCheckFailed
from app.api import SessionApi
from app.api_accounts import RegistrationApi
from app.core.errors import LoginFailed
from ui.accounts import signin_texts
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
from ui.accounts.register_texts import email_check_error_text, mail_sent_text

log = logging.getLogger("tchap.ui")

EMAIL_KINDS = {EmailCheckError.DOMAIN_REFUSED, EmailCheckError.EMAIL_IN_USE,
               EmailCheckError.USER_IN_USE, EmailCheckError.INVALID_EMAIL,
               EmailCheckError.EMAIL_UNKNOWN}  # fmt: skip
SERVER_KINDS = {EmailCheckError.UNREACHABLE, EmailCheckError.NOT_MATRIX,
                EmailCheckError.INVALID_HOMESERVER}  # fmt: skip


def looks_like_email(text: str) -> bool:
    """Enough of an address to ask the server about it."""
    local, _, domain = text.partition("@")
    return bool(local) and "." in domain and " " not in text and not domain.startswith(".")


class RegisterView(QWidget):
    """The registration form and its "check your mailbox" page."""

    signed_in = Signal()
    back_requested = Signal(str)  # the address typed, for the sign-in form

    def __init__(
        self, session: SessionApi, config: Any = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._session = session
        self._flow: RegistrationApi | None = None
        self._flow_server = ""
        self._email = ""  # the address the account is created for (signs in by it)
        self._wait_task: asyncio.Task | None = None
        self._busy = False
        self.pages = QStackedWidget(self)
        self.form_page = QWidget(self.pages)
        self.mail_page = QWidget(self.pages)
        self.pages.addWidget(self.form_page)
        self.pages.addWidget(self.mail_page)
        QVBoxLayout(self).addWidget(self.pages)
        self.layout().setContentsMargins(0, 0, 0, 0)
        self._build_form(config)
        self._build_mail_page()

    def _build_form(self, config: Any) -> None:
        card, box = card_page(self.form_page, self.tr("Create an account"))
        self.email = QLineEdit(card)
        self.email.setPlaceholderText(self.tr("first.last@ministry.gouv.fr"))
        self.email.setAccessibleName(self.tr("Professional email address"))
        self.server_panel = server_panel(self._session, config, self.email, card)
        self.server = self.server_panel.field  # shown under "Other server…" only
        self.display_name = QLineEdit(card)
        self.display_name.setPlaceholderText(self.tr("Jeanne Martin"))
        self.display_name.setAccessibleName(self.tr("Your name"))
        self.new_password = NewPasswordField(self.tr("Password"), card)
        self.error = message_label(card)
        self.create = QPushButton(self.tr("Create the account"), card)
        self.create.setObjectName("primary")
        self.create.setMinimumHeight(40)
        self.create.setAccessibleName(self.tr("Create the account"))
        self.busy = busy_bar(card)
        self.back = link_button(self.tr("I already have an account"), card)
        self.back.setAccessibleName(self.tr("Back to sign-in"))
        box.addWidget(field_label(self.tr("Professional email address"), card))
        box.addWidget(self.email)
        box.addWidget(self.server_panel)
        box.addWidget(field_label(self.tr("Your name"), card))
        box.addWidget(self.display_name)
        box.addWidget(self.new_password)
        box.addWidget(self.error)
        box.addWidget(self.create)
        box.addWidget(self.busy)
        box.addWidget(self.back, 0, Qt.AlignmentFlag.AlignHCenter)
        self.create.clicked.connect(self._on_create)
        for field in (self.email, self.display_name, self.new_password.password,
                      self.new_password.confirm):  # fmt: skip
            field.returnPressed.connect(self._on_create)
        self.server.editingFinished.connect(self._on_server_changed)
        self.server_panel.found.connect(self._load_policy)
        self.back.clicked.connect(self._on_back)

    def _build_mail_page(self) -> None:
        card, box = card_page(self.mail_page, self.tr("Check your mailbox"))
        self.mail_text = QLabel(card)
        self.mail_text.setWordWrap(True)
        self.mail_text.setTextFormat(Qt.TextFormat.PlainText)
        self.mail_text.setAccessibleName(self.tr("Check your mailbox"))
        self.waiting = busy_bar(card)
        self.waiting.setAccessibleName(self.tr("Waiting for the link to be opened"))
        self.mail_status = message_label(card)
        self.resend = QPushButton(self.tr("Send the email again"), card)
        self.resend.setAccessibleName(self.tr("Send the email again"))
        self.cancel = link_button(self.tr("Cancel"), card)
        self.cancel.setAccessibleName(self.tr("Cancel the registration"))
        box.addWidget(self.mail_text)
        box.addWidget(self.waiting)
        box.addWidget(self.mail_status)
        box.addSpacing(8)
        box.addWidget(self.resend)
        box.addWidget(self.cancel, 0, Qt.AlignmentFlag.AlignHCenter)
        self.resend.clicked.connect(self._on_resend)
        self.cancel.clicked.connect(self._on_cancel)

    # -- opening --------------------------------------------------------------------------

    def open(self, homeserver: str, email: str = "") -> None:
        """Show the form, the address prefilled and its server looked up as the sign-in does;
        `homeserver` is the server typed under "Other server…" on the sign-in form ("" when
        it finds the server from the address). The server's rules load once it is known."""
        self._stop_waiting()
        self.pages.setCurrentWidget(self.form_page)
        self.server_panel.use_server(homeserver)
        if email and not self.email.text():
            self.email.setText(email)
        show_message(self.error, "")
        self.set_busy(False)
        (self.display_name if self.email.text() else self.email).setFocus()
        self.server_panel.find_now(self.email.text().strip())
        self._on_server_changed()

    def _flow_for(self, server: str) -> RegistrationApi:
        """The registration on `server` (a new one if the server changed)."""
        if self._flow is None or self._flow_server != server:
            if self._flow is not None:
                asyncio.ensure_future(self._flow.close())
            self._flow = self._session.access.registration(server)
            self._flow_server = server
        return self._flow

    def _on_server_changed(self) -> None:
        """A typed or locked server: its rules (a found one comes through `found`)."""
        if not self.server_panel.finding:
            self._load_policy(self.server.text().strip())

    @asyncSlot(str)
    async def _load_policy(self, server: str) -> None:
        if not server:
            return
        flow = self._flow_for(server)
        try:
            policy = await flow.password_policy()
        except EmailCheckFailed as failed:  # said again, with a sentence, on "Create"
            log.info("no password policy for the registration form: %s", failed.kind.name)
            return
        if flow is self._flow:
            self.new_password.set_policy(policy)

    # -- creating -------------------------------------------------------------------------

    def set_busy(self, busy: bool) -> None:
        """Lock the form while the server is asked."""
        self._busy = busy
        self.busy.setVisible(busy)
        self.create.setEnabled(not busy)
        self.create.setText(
            self.tr("Creating the account…") if busy else self.tr("Create the account")
        )

    async def submit(self) -> bool:
        """Check the form, ask the server to mail the link; True when it did."""
        if self._busy:
            return False  # runs once while in flight
        email = self.email.text().strip()
        problem = ""
        if not looks_like_email(email):
            problem, focus = self.tr("Enter your professional email address."), self.email
        elif not (problem := self.new_password.problem()):
            focus = None
        else:
            focus = self.new_password.password
        if problem:
            show_message(self.error, problem)
            if focus is not None:
                focus.setFocus()
            return False
        show_message(self.error, "")
        self.set_busy(True)
        server = await server_of(self.server_panel, email, self.error)
        if server is None:  # stopped, not found, or no server typed: the form says which
            self.set_busy(False)
            if not self.server.hasFocus():
                self.email.setFocus()
            return False
        self._email = email
        flow = self._flow_for(server)
        try:
            await flow.start(email, self.new_password.text(), self.display_name.text())
        except EmailCheckFailed as failed:
            self.set_busy(False)
            self._show_failure(failed, server)
            return False
        except Exception:  # a bug: say so, keep the form
            log.exception("registration crashed")
            self.set_busy(False)
            show_message(self.error, self.tr("Something went wrong. Try again later."))
            return False
        self.set_busy(False)
        self._show_mail_page(email)
        self._wait_task = asyncio.ensure_future(self._wait_then_sign_in(flow))
        return True

    def _show_failure(self, failed: EmailCheckFailed, server: str) -> None:
        show_message(self.error, email_check_error_text(failed, server))
        if failed.kind in EMAIL_KINDS:
            self.email.setFocus()
        elif failed.kind is EmailCheckError.WEAK_PASSWORD:
            self.new_password.password.setFocus()
        elif (
            failed.kind in SERVER_KINDS and self.server.isVisible() and not self.server.isReadOnly()
        ):
            self.server.setFocus()

    def _show_mail_page(self, email: str) -> None:
        self.mail_text.setText(mail_sent_text(email))
        show_message(self.mail_status, "")
        self.waiting.show()
        self.resend.setEnabled(True)
        self.pages.setCurrentWidget(self.mail_page)
        self.resend.setFocus()

    async def _wait_then_sign_in(self, flow: RegistrationApi) -> None:
        try:
            user_id = await flow.wait_for_link()
        except EmailCheckFailed as failed:
            self.pages.setCurrentWidget(self.form_page)
            self._show_failure(failed, flow.homeserver)
            return
        self.resend.setEnabled(False)
        show_message(
            self.mail_status, self.tr("Your address is confirmed. Signing in…"), error=False
        )
        log.info("account created; signing in by its email")
        try:  # by the email, on the server found for it: the sign-in form's path
            await self._session.login(flow.homeserver, self._email or user_id,
                                      self.new_password.text())  # fmt: skip
        except LoginFailed as failed:
            self.waiting.hide()
            show_message(self.mail_status, self.tr("Your account is created, but signing in "
                         "failed: {reason}").format(reason=signin_texts.error_text(
                             failed, flow.homeserver)))  # fmt: skip
            return
        self.waiting.hide()
        self.new_password.clear()
        self._flow = None
        asyncio.ensure_future(flow.close())
        self.signed_in.emit()

    @asyncSlot()
    async def _on_create(self) -> None:
        await self.submit()

    @asyncSlot()
    async def _on_resend(self) -> None:
        if self._flow is None or not self.resend.isEnabled():
            return
        self.resend.setEnabled(False)
        try:
            await self._flow.resend()
        except EmailCheckFailed as failed:
            show_message(self.mail_status, email_check_error_text(failed, self._flow.homeserver))
        else:
            show_message(self.mail_status, self.tr("The email was sent again."), error=False)
        finally:
            self.resend.setEnabled(True)

    # -- leaving --------------------------------------------------------------------------

    def _stop_waiting(self) -> None:
        task, self._wait_task = self._wait_task, None
        if task is not None and not task.done():
            task.cancel()

    def _on_cancel(self) -> None:
        self._stop_waiting()
        self.pages.setCurrentWidget(self.form_page)
        self.email.setFocus()

    def _on_back(self) -> None:
        self._stop_waiting()
        self.back_requested.emit(self.email.text().strip())

    async def close_flow(self) -> None:
        """Stop waiting and close the connections (the window is closing)."""
        self._stop_waiting()
        flow, self._flow = self._flow, None
        if flow is not None:
            with suppress(Exception):
                await flow.close()
