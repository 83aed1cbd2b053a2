"""The account forms beside the sign-in screen: "Create an account" and "Forgot password?"
open them from the sign-in form; each goes back to it, or signs in.
"""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication

from app.api import SessionApi

if TYPE_CHECKING:
    from ui.accounts.register import RegisterView
    from ui.accounts.reset import ResetView


class AccountScreens:
    """Adds the registration and reset views to the window's stack and wires them."""

    def __init__(self, window: Any, session: SessionApi, config: Any = None) -> None:
        self._window, self._session, self._config = window, session, config
        self._register: RegisterView | None = None  # made when first shown: not at start
        self._reset: ResetView | None = None
        login = window.login
        login.create_account_requested.connect(self.show_register)
        login.forgot_password_requested.connect(self.show_reset)
        window.closing.connect(self._close)

    @property
    def register(self) -> RegisterView:
        """The registration form (made on first use)."""
        if self._register is None:
            from ui.accounts.register import RegisterView

            self._register = RegisterView(self._session, self._config, self._window)
            self._window.stack.addWidget(self._register)
            self._register.signed_in.connect(self._window.login.signed_in)
            self._register.back_requested.connect(self._back)
        return self._register

    @property
    def reset(self) -> ResetView:
        """The password reset form (made on first use)."""
        if self._reset is None:
            from ui.accounts.reset import ResetView

            self._reset = ResetView(self._session, self._config, self._window)
            self._window.stack.addWidget(self._reset)
            self._reset.back_requested.connect(self._back)
            self._reset.done.connect(self._password_changed)
        return self._reset

    def _close(self) -> None:
        """The window closes: stop waiting for a link, close the connections."""
        for form in (self._register, self._reset):
            if form is not None:
                asyncio.ensure_future(form.close_flow())

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
        current = self._window.stack.currentWidget()
        form = self._reset if self._reset is not None and current is self._reset else self.register
        login.server.use_server(form.server_panel.typed_server)  # "Other server…" as left
        login.server.find_now(login.identifier.text().strip())  # its server shown again
        self._window.show_login(message)

    def _password_changed(self, email: str) -> None:
        self._back(email, QCoreApplication.translate(
            "AccountForms", "Your password has been changed. Sign in with your new password."))  # fmt: skip
