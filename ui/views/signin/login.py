"""The sign-in screen: a centred card with the professional email address and password.

The server is found from the address (`ServerPanel`, shown before signing in), typed under
"Other server…", or the one IT locked. Every `LoginFailed.kind` gets its own sentence; what
was typed stays (the password is only cleared when it was wrong). A rate limit disables the
button with a countdown. After a soft logout the same card asks only the password again.
"""

from __future__ import annotations

import logging
import math
from typing import Any

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from qasync import asyncSlot

from app.api import SessionApi
from app.core.errors import LoginError, LoginFailed
from app.core.identifiers import EMAIL, is_user_id
from ui import texts, theme
from ui.accounts import signin_texts
from ui.accounts.links import account_links
from ui.accounts.server_panel import ServerPanel, panel_style
from ui.resources import icon

log = logging.getLogger("tchap.ui")


class LoginView(QWidget):
    """Sign-in form; emits `signed_in` once `session.login` succeeded."""

    signed_in = Signal()
    create_account_requested = Signal()  # "Create an account" (ui/accounts/screens.py)
    forgot_password_requested = Signal()  # "Forgot password?"
    sign_out_requested = Signal()  # from the soft-logout form: leave the account instead

    def __init__(
        self, session: SessionApi, config: Any = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._session = session
        self._resuming = ""  # the user ID whose password is asked again (soft logout)
        self._countdown = 0
        self._timer = QTimer(self)
        self._timer.setInterval(1000)
        self._timer.timeout.connect(self._tick)
        self.setObjectName("loginPage")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self._build(config)

    def _build(self, config: Any) -> None:
        card = QFrame(self)
        card.setObjectName("card")
        card.setFixedWidth(440)
        logo = QLabel(card)
        logo.setPixmap(icon("tchap").pixmap(QSize(64, 64)))
        logo.setAlignment(Qt.AlignmentFlag.AlignCenter)
        title = QLabel("Tchap", card)
        title.setObjectName("title")
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        subtitle = QLabel(self.tr("The French state's secure messenger"), card)
        subtitle.setObjectName("subtitle")
        subtitle.setAlignment(Qt.AlignmentFlag.AlignCenter)

        # Where to sign in: found from the address, typed under "Other server…", or locked by IT.
        self.server = ServerPanel(self._session, config, card)
        self.homeserver = self.server.field
        self.identifier = QLineEdit(card)
        self.identifier.setPlaceholderText(self.tr("firstname.lastname@ministry.gouv.fr"))
        self.identifier.setAccessibleName(self.tr("Professional email address or Matrix ID"))
        self.identifier.textEdited.connect(self.server.identifier_edited)
        self.password = QLineEdit(card)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName(self.tr("Password"))
        self._reveal = self.password.addAction(
            icon("eye"), QLineEdit.ActionPosition.TrailingPosition
        )
        self._reveal.setCheckable(True)
        self._reveal.setToolTip(self.tr("Show password"))
        self._reveal.toggled.connect(self._toggle_reveal)

        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setVerticalSpacing(theme.S)
        form.setContentsMargins(0, 0, 0, 0)
        self._identifier_label = self._label(self.tr("Professional email address"))
        form.addRow(self._identifier_label, self.identifier)
        form.addRow(self.server)
        form.addRow(self._label(self.tr("Password")), self.password)

        self.error = QLabel(card)
        self.error.setObjectName("error")
        self.error.setWordWrap(True)
        self.error.hide()
        # Offered only after "no keyring": the user's explicit choice, never a default.
        self.plaintext_opt_in = QCheckBox(
            self.tr("Store my session in a file on this computer instead (less secure)"), card
        )
        self.plaintext_opt_in.hide()
        self._plaintext_locked = config is not None and _locked(config, "allow_plaintext_secrets")
        self.button = QPushButton(self.tr("Sign in"), card)
        self.button.setObjectName("primary")
        self.button.setDefault(True)
        self.button.setMinimumHeight(40)
        self.button.clicked.connect(self._on_submit)
        self.busy = QProgressBar(card)
        self.busy.setRange(0, 0)
        self.busy.setTextVisible(False)
        self.busy.setFixedHeight(3)
        self.busy.setStyleSheet(
            f"QProgressBar {{ border: none; background: {theme.current().primary_light}; }}"
            f"QProgressBar::chunk {{ background: {theme.current().primary}; }}"
        )
        self.busy.hide()
        for field in (self.homeserver, self.identifier, self.password):
            field.returnPressed.connect(self._on_submit)

        box = QVBoxLayout(card)
        box.setContentsMargins(theme.L + theme.S, theme.L + theme.S, theme.L + theme.S, theme.L)
        box.setSpacing(theme.S)
        box.addWidget(logo)
        box.addWidget(title)
        box.addWidget(subtitle)
        box.addSpacing(theme.L)
        box.addLayout(form)
        box.addSpacing(theme.XS)
        box.addWidget(self.error)
        box.addWidget(self.plaintext_opt_in)
        box.addSpacing(theme.S)
        box.addWidget(self.button)
        box.addWidget(self.busy)
        self.links_row = QWidget(card)  # not while the password is asked again
        self.links_row.setLayout(account_links(self.links_row,
                                     self.create_account_requested,
                                     self.forgot_password_requested))  # fmt: skip
        self.links_row.layout().setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.links_row)
        # Only while the password is asked again: leave this account instead.
        self.sign_out = QPushButton(self.tr("Sign out instead"), card)
        self.sign_out.setObjectName("link")
        self.sign_out.setStyleSheet(panel_style())
        self.sign_out.setFlat(True)
        self.sign_out.setAccessibleName(self.tr("Sign out of this account"))
        self.sign_out.clicked.connect(self.sign_out_requested)
        self.sign_out.hide()
        box.addWidget(self.sign_out, 0, Qt.AlignmentFlag.AlignCenter)

        outer = QVBoxLayout(self)
        outer.addStretch(1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(card)
        row.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(2)

    def _label(self, text: str) -> QLabel:
        label = QLabel(text, self)
        label.setStyleSheet("font-weight: 600;")
        return label

    def focus_first_empty(self) -> None:
        """Put the cursor where the user has to type next."""
        for field in (self.identifier, self.homeserver, self.password):
            if not field.text() and not field.isReadOnly() and field.isVisibleTo(self):
                field.setFocus()
                return
        self.password.setFocus()

    def show_message(self, text: str, *, error: bool = True) -> None:
        """Show a message above the form: an error (red), or a notice such as "you are
        signed out" (neutral: signing out is not a failure)."""
        self.error.setObjectName("error" if error else "notice")
        self.error.style().unpolish(self.error)
        self.error.style().polish(self.error)
        self.error.setText(text)
        self.error.setVisible(bool(text))

    def show_failure(self, err: LoginFailed) -> None:
        """Word a failed login; keep what was typed except a wrong password."""
        server = err.detail if err.detail.startswith("http") else ""
        server = server or self.homeserver.text().strip() or self.tr("the server")
        self.show_message(signin_texts.error_text(err, server))
        if err.kind is LoginError.BAD_CREDENTIALS:
            self.password.clear()
            self.password.setFocus()
        elif err.kind is LoginError.RATE_LIMITED:
            self._countdown = max(1, math.ceil(err.retry_after_s or 1))
            self.button.setEnabled(False)
            self._timer.start()
        elif err.kind in (LoginError.NOT_MATRIX, LoginError.INVALID_HOMESERVER):
            if self.homeserver.isVisibleTo(self):
                self.homeserver.setFocus()
        elif err.kind is LoginError.INVALID_IDENTIFIER:
            self.identifier.setFocus()
        elif err.kind is LoginError.KEYRING_UNAVAILABLE and not self._plaintext_locked:
            self.plaintext_opt_in.show()

    def set_busy(self, busy: bool) -> None:
        """Lock the form while a sign-in is in flight."""
        self.busy.setVisible(busy)
        self.button.setEnabled(not busy and self._countdown <= 0)
        self.button.setText(self.tr("Signing in…") if busy else self._button_text())
        for field in (self.identifier, self.password, self.homeserver):
            field.setEnabled(not busy)

    def _button_text(self) -> str:
        return self.tr("Sign in again") if self._resuming else self.tr("Sign in")

    def ask_password_again(self, user_id: str) -> None:
        """After a soft logout: only the password, for the same account and device."""
        self._resuming = user_id
        self.identifier.setText(user_id)
        self.identifier.setCursorPosition(0)  # a long ID shows its start
        self.identifier.setReadOnly(True)
        self._identifier_label.setText(self.tr("Account"))
        self.server.show_for(resuming=True)
        self.sign_out.show()
        self.links_row.hide()
        self.button.setText(self._button_text())
        self.show_message(signin_texts.soft_logout_text(), error=False)
        self.password.setFocus()

    def new_sign_in(self) -> None:
        """Back to an ordinary sign-in (after signing out)."""
        if not self._resuming:
            return
        self._resuming = ""
        self.identifier.setReadOnly(False)
        self.identifier.clear()
        self._identifier_label.setText(self.tr("Professional email address"))
        self.server.show_for(resuming=False)
        self.sign_out.hide()
        self.links_row.show()
        self.button.setText(self._button_text())

    async def sign_in(self) -> bool:
        """Validate the form, find the server, call `session.login`; True when signed in."""
        if self._countdown > 0 or not self.button.isEnabled():
            return False
        identifier = self.identifier.text().strip()
        password = self.password.text()
        if not identifier or not password:
            self.show_message(self.tr("Enter your identifier and your password."))
            self.focus_first_empty()
            return False
        if self.server.finding and not self._resuming and not _findable(identifier):
            self.show_message(signin_texts.needs_server_text())
            self.identifier.setFocus()
            return False
        self.show_message("")
        opted_in = self.plaintext_opt_in.isVisible() and self.plaintext_opt_in.isChecked()
        if opted_in and not self._session.allow_plaintext_secrets():
            self.plaintext_opt_in.hide()
        self.set_busy(True)
        try:
            if self._resuming:
                await self._session.sign_in_again(password)
            else:
                homeserver = await self._find_server(identifier)
                if homeserver is None:
                    return False
                await self._session.login(homeserver, identifier, password)
        except LoginFailed as err:
            self.set_busy(False)
            self.show_failure(err)
            return False
        except Exception:  # a bug: say so plainly, keep the form usable
            log.exception("sign-in crashed")
            self.set_busy(False)
            self.show_message(self.tr("Sign-in failed. Try again later."))
            return False
        self.set_busy(False)
        self.password.clear()
        self.new_sign_in()
        self.signed_in.emit()
        return True

    async def _find_server(self, identifier: str) -> str | None:
        """The server to sign in to; None (form unlocked) when the user stopped the lookup or
        none was found: the line under the address says which."""
        try:
            homeserver = await self.server.server_for(identifier)
        except LoginFailed as err:
            self.set_busy(False)
            if err.kind is LoginError.RATE_LIMITED:
                self.show_failure(err)
            self.identifier.setFocus()
            return None
        if homeserver is None:
            self.set_busy(False)
        return homeserver

    @asyncSlot()
    async def _on_submit(self) -> None:
        await self.sign_in()

    def _tick(self) -> None:
        self._countdown -= 1
        if self._countdown <= 0:
            self._timer.stop()
            self.button.setEnabled(True)
            self.show_message("")
        else:
            self.show_message(texts.rate_limited_text(self._countdown))

    def _toggle_reveal(self, shown: bool) -> None:
        mode = QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password
        self.password.setEchoMode(mode)
        self._reveal.setIcon(icon("eye-off" if shown else "eye"))
        self._reveal.setToolTip(self.tr("Hide password") if shown else self.tr("Show password"))


def _findable(text: str) -> bool:
    return bool(EMAIL.match(text) or is_user_id(text))


def _locked(config: Any, key: str) -> bool:
    try:
        return bool(config.is_locked(key))
    except AttributeError:
        return False


def logo_pixmap(size: int) -> QPixmap:
    """The Tchap mark at `size` px."""
    return icon("tchap").pixmap(QSize(size, size))
