"""The dialogs of Settings that ask for the password: confirm with it, change it, deactivate.

Each runs its action once while in flight (Enter pressed twice sends one request), stays
open with what was typed and the reason on a refusal, and closes on success.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable

import shiboken6
from PySide6.QtWidgets import QCheckBox, QLabel, QLineEdit, QWidget
from qasync import asyncSlot

from app.accounts.email_check import EmailCheckFailed
from app.accounts.interactive_auth import AccountActionFailed
from ui.accounts.card import field_label
from ui.accounts.password_field import NewPasswordField
from ui.accounts.register_texts import email_check_error_text
from ui.dialogs.base import TchapDialog
from ui.settings import texts

log = logging.getLogger("tchap.ui")


class AccountDialog(TchapDialog):
    """A TchapDialog whose confirm button runs one account action at a time."""

    def __init__(self, title: str, text: str, confirm: str, parent: QWidget | None = None) -> None:
        super().__init__(title, text, confirm, parent)
        self.server = ""  # for the sentences that name it
        self._running = False
        self.confirm_button.clicked.connect(self._confirm)

    def action(self) -> Awaitable[None] | None:
        """The request to make (None: a problem was shown instead)."""
        raise NotImplementedError

    @asyncSlot()
    async def _confirm(self) -> None:
        await self.run()

    async def run(self) -> bool:
        """Run the action once; True when it succeeded (the dialog then closes)."""
        if self._running:
            return False
        action = self.action()
        if action is None:
            return False
        self._running = True
        self.show_error("")
        self.set_busy(True)
        try:
            await action
        except AccountActionFailed as err:
            if shiboken6.isValid(self):
                self.show_error(texts.account_error_text(err))
            return False
        except EmailCheckFailed as err:
            if shiboken6.isValid(self):
                self.show_error(email_check_error_text(err, self.server))
            return False
        finally:
            self._running = False
            if shiboken6.isValid(self):
                self.set_busy(False)
        if shiboken6.isValid(self):
            self.accept()
        return True


def password_line(dialog: QWidget, label: str) -> QLineEdit:
    """A password field with its label, for the dialog's body."""
    field = QLineEdit(dialog)
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setAccessibleName(label)
    return field


class PasswordPromptDialog(AccountDialog):
    """ "Confirm with your password": `request(password)` is the action."""

    def __init__(
        self, title: str, text: str, confirm: str,
        request: Callable[[str], Awaitable[None]], parent: QWidget | None = None,
    ) -> None:  # fmt: skip
        super().__init__(title, text, confirm, parent)
        self._request = request
        label = self.tr("Your password")
        self.password = password_line(self, label)
        self.body.addWidget(field_label(label, self))
        self.body.addWidget(self.password)

    def action(self) -> Awaitable[None] | None:
        if not self.password.text():
            self.show_error(self.tr("Type your password to confirm."))
            return None
        return self._request(self.password.text())


class DeactivateDialog(PasswordPromptDialog):
    """Deactivation: what it means, a box to tick, then the password."""

    def __init__(self, request: Callable[[str], Awaitable[None]], parent: QWidget | None = None):
        super().__init__(
            self.tr("Deactivate your account"),
            self.tr("Your account will be closed for good. You will no longer be able to sign "
                    "in, nobody will be able to write to you, and this cannot be undone. Your "
                    "messages stay visible to the people you sent them to."),
            self.tr("Deactivate the account"), request, parent,
        )  # fmt: skip
        self.confirm_button.setObjectName("danger")
        self.understood = QCheckBox(self.tr("I understand that this cannot be undone"), self)
        self.understood.setAccessibleName(self.understood.text())
        self.body.insertWidget(0, self.understood)
        self.confirm_button.setDefault(False)  # Enter in the field must not close an account

    def action(self) -> Awaitable[None] | None:
        if not self.understood.isChecked():
            self.show_error(self.tr("Tick the box to confirm that you understand."))
            return None
        return super().action()


class ChangePasswordDialog(AccountDialog):
    """The current password, the new one twice (with its meter), other sessions kept or not."""

    def __init__(
        self, request: Callable[[str, str, bool], Awaitable[None]], parent: QWidget | None = None
    ) -> None:
        super().__init__(self.tr("Change your password"), "", self.tr("Change the password"),
                         parent)  # fmt: skip
        self._request = request
        label = self.tr("Current password")
        self.current = password_line(self, label)
        self.new = NewPasswordField(self.tr("New password"), self)
        self.sign_out_others = QCheckBox(self.tr("Sign out my other sessions"), self)
        self.sign_out_others.setAccessibleName(self.sign_out_others.text())
        self.body.addWidget(field_label(label, self))
        self.body.addWidget(self.current)
        self.body.addWidget(self.new)
        self.body.addWidget(self.sign_out_others)
        note = QLabel(self.tr("This session stays signed in."), self)
        note.setObjectName("secondary")
        self.body.addWidget(note)

    def action(self) -> Awaitable[None] | None:
        if not self.current.text():
            self.show_error(self.tr("Type your current password."))
            return None
        problem = self.new.problem()
        if problem:
            self.show_error(problem)
            return None
        return self._request(self.current.text(), self.new.text(),
                             self.sign_out_others.isChecked())  # fmt: skip
