"""The account forms beside the sign-in screen: "Create an account" and "Forgot password?"
open them from the sign-in form; each goes back to it, or signs in.
"""

from __future__ import annotations

import asyncio
from typing import Any

from PySide6.QtCore import QCoreApplication

from app.api import SessionApi
from ui.accounts.register import RegisterView
from ui.accounts.reset import ResetView


class AccountScreens:
    """Adds the registration and reset views to the window's stack and wires them."""

    def __init__(self, window: Any, session: SessionApi, config: Any = None) -> None:
        self._window = window
        self.register = RegisterView(session, config, window)
        self.reset = ResetView(session, config, window)
        window.stack.addWidget(self.register)
        window.stack.addWidget(self.reset)
        login = window.login
        login.create_account_requested.connect(self.show_register)
        login.forgot_password_requested.connect(self.show_reset)
        self.register.signed_in.connect(login.signed_in)
        self.register.back_requested.connect(self._back)
        self.reset.back_requested.connect(self._back)
        self.reset.done.connect(self._password_changed)
        window.closing.connect(self._close)

    def _close(self) -> None:
        """The window closes: stop waiting for a link, close the connections."""
        asyncio.ensure_future(self.register.close_flow())
        asyncio.ensure_future(self.reset.close_flow())

    def _typed_email(self) -> str:
        text = self._window.login.identifier.text().strip()
        return text if "@" in text and not text.startswith("@") else ""

    def show_register(self) -> None:
        """The registration form, with the address of the sign-in form and its server found
        the same way (or the one typed under its "Other server…")."""
        self._window.stack.setCurrentWidget(self.register)
        self.register.open(self._window.login.server.typed_server, self._typed_email())

    def show_reset(self) -> None:
        """The password reset, with the address and the server as on the sign-in form."""
        self._window.stack.setCurrentWidget(self.reset)
        self.reset.open(self._window.login.server.typed_server, self._typed_email())

    def _back(self, email: str, message: str = "") -> None:
        login = self._window.login
        if email:
            login.identifier.setText(email)
        form = self.reset if self._window.stack.currentWidget() is self.reset else self.register
        login.server.use_server(form.server_panel.typed_server)  # "Other server…" as left
        login.server.find_now(login.identifier.text().strip())  # its server shown again
        self._window.show_login(message)

    def _password_changed(self, email: str) -> None:
        self._back(email, QCoreApplication.translate(
            "AccountForms", "Your password has been changed. Sign in with your new password."))  # fmt: skip
