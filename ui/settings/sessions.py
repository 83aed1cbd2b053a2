"""Settings → Sessions: every device of the account, renamed or signed out from here.

The table lists name, id and when each session was last seen, this one first and in bold.
"Rename…" names the selected session; "Sign out…" signs the selected sessions out (never
this one: that is "Sign out" in the main menu), confirmed with the password as the server
asks (interactive auth). The list is read again after each change.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QWidget,
)
from qasync import asyncSlot

from app.accounts.devices import MAX_NAME, Device
from app.accounts.interactive_auth import AccountActionFailed
from app.api import SessionApi
from ui.accounts.card import field_label
from ui.settings import texts
from ui.settings.account_dialogs import AccountDialog, PasswordPromptDialog
from ui.settings.devices_model import DevicesModel
from ui.settings.page import SettingsPage

log = logging.getLogger("tchap.ui")


class RenameDialog(AccountDialog):
    """A new name for one session."""

    def __init__(self, device: Device, account: Any, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Rename the session"), self.tr("Only you see the names of "
                         "your sessions."), self.tr("Rename"), parent)  # fmt: skip
        self._device, self._account = device, account
        label = self.tr("Session name")
        self.name = QLineEdit(device.name, self)
        self.name.setMaxLength(MAX_NAME)
        self.name.setAccessibleName(label)
        self.body.addWidget(field_label(label, self))
        self.body.addWidget(self.name)

    def action(self) -> Awaitable[None] | None:
        if not self.name.text().strip():
            self.show_error(self.tr("Type a name."))
            return None
        return self._account.rename_device(self._device.device_id, self.name.text())


class SessionsPage(SettingsPage):
    """The account's sessions (devices)."""

    @classmethod
    def title(cls) -> str:
        return QCoreApplication.translate("SessionsPage", "Sessions")

    def __init__(self, session: SessionApi, config: Any, parent: QWidget | None = None) -> None:
        super().__init__(session, config, parent)
        self.dialog: AccountDialog | None = None
        self.paragraph(self.tr("Every device where your account is signed in. Sign out the "
                               "ones you do not recognise or no longer use."))  # fmt: skip
        self.model = DevicesModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Your sessions"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        self.table.setMinimumHeight(220)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)  # "last seen" holds a date and an address
        self.body.addWidget(self.table)
        self.rename = QPushButton(self.tr("Rename…"), self)
        self.rename.setAccessibleName(self.tr("Rename the selected session"))
        self.sign_out = QPushButton(self.tr("Sign out…"), self)
        self.sign_out.setObjectName("danger")
        self.sign_out.setAccessibleName(self.tr("Sign out the selected sessions"))
        self.refresh = QPushButton(self.tr("Refresh"), self)
        self.refresh.setAccessibleName(self.tr("Refresh the list of sessions"))
        row = QHBoxLayout()
        row.addWidget(self.rename)
        row.addWidget(self.sign_out)
        row.addStretch(1)
        row.addWidget(self.refresh)
        self.body.addLayout(row)
        self.status = QLabel(self)
        self.status.setObjectName("secondary")
        self.status.setWordWrap(True)
        self.body.addWidget(self.status)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.rename.clicked.connect(self.open_rename)
        self.sign_out.clicked.connect(self.open_sign_out)
        self.refresh.clicked.connect(self._refresh)
        self._update_buttons()

    def first_control(self) -> QWidget | None:
        return self.table

    def selected(self) -> list[Device]:
        """The sessions selected in the table, in order."""
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [self.model.device(r) for r in rows]

    def _update_buttons(self) -> None:
        chosen = self.selected()
        self.rename.setEnabled(len(chosen) == 1)
        self.sign_out.setEnabled(any(not d.current for d in chosen))

    async def load(self, announce: bool = True) -> None:
        """Read the list again (`announce`: say so on the status line, else keep its text)."""
        if announce:
            self.status.setText(self.tr("Loading…"))
        try:
            devices = await self.session.account().devices()
        except AccountActionFailed as err:
            if shiboken6.isValid(self):
                self.status.setText(texts.account_error_text(err))
            return
        if shiboken6.isValid(self):
            if announce:
                self.status.setText("")
            self.model.set_devices(devices)
            self.table.resizeColumnsToContents()
            self._update_buttons()

    @asyncSlot()
    async def _refresh(self) -> None:
        await self.load()

    @asyncSlot()
    async def _refresh_quietly(self) -> None:
        await self.load(announce=False)

    def open_rename(self) -> RenameDialog | None:
        """The rename dialog for the one selected session."""
        chosen = self.selected()
        if len(chosen) != 1:
            return None
        return self._open(RenameDialog(chosen[0], self.session.account(), self))

    def open_sign_out(self) -> PasswordPromptDialog | None:
        """The password prompt that signs the selected sessions out (this one left aside)."""
        others = [d for d in self.selected() if not d.current]
        if not others:
            return None
        names = "\n".join(f"• {texts.device_name(d)} ({d.device_id})" for d in others)
        account = self.session.account()
        dialog = PasswordPromptDialog(
            texts.sign_out_question(len(others)),
            self.tr("These sessions will be signed out and will have to sign in again:\n"
                    "{names}").format(names=names),
            self.tr("Sign out"),
            lambda password: account.sign_out_devices([d.device_id for d in others], password),
            self,
        )  # fmt: skip
        dialog.confirm_button.setObjectName("danger")
        dialog.accepted.connect(lambda: self.status.setText(texts.signed_out_text(len(others))))
        return self._open(dialog)

    def _open(self, dialog: AccountDialog) -> AccountDialog:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(self._refresh_quietly)  # its notice stays
        self.dialog = dialog
        dialog.open()
        return dialog
