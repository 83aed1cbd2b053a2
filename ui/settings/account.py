"""Settings → Account: display name, photo, email addresses, password, deactivation.

On a Tchap server the name comes from the agent's directory entry and shows read-only
with the reason; elsewhere it is edited here. A new name or photo goes through the
outbox. Changing the password and deactivating open their own dialogs (`account_dialogs`).
"""

from __future__ import annotations

import logging
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)
from qasync import asyncSlot

from app.accounts.interactive_auth import AccountActionFailed
from app.api import SessionApi
from ui.settings import texts
from ui.settings.account_dialogs import ChangePasswordDialog, DeactivateDialog
from ui.settings.page import SettingsPage

log = logging.getLogger("tchap.ui")


class AccountPage(SettingsPage):
    """Who the account is, and the actions on it."""

    @classmethod
    def title(cls) -> str:
        return QCoreApplication.translate("AccountPage", "Account")

    def __init__(self, session: SessionApi, config: Any, parent: QWidget | None = None) -> None:
        super().__init__(session, config, parent)
        self.dialog: QWidget | None = None  # the password or deactivation dialog, when open
        form = QFormLayout()
        self.body.addLayout(form)
        self.user_id = QLabel(session.user_id, self)
        self.user_id.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.user_id.setWordWrap(True)  # a long Matrix ID wraps rather than widen the page
        form.addRow(self.tr("Matrix ID"), self.user_id)

        self.name = QLineEdit(session.display_name, self)
        self.name.setAccessibleName(self.tr("Display name"))
        self.name.setMaxLength(256)
        self.save_name = QPushButton(self.tr("Save"), self)
        self.save_name.setAccessibleName(self.tr("Save the display name"))
        self.save_name.setEnabled(False)
        name_row = QHBoxLayout()
        name_row.addWidget(self.name, 1)
        name_row.addWidget(self.save_name)
        form.addRow(self.tr("Display name"), name_row)
        self.name_note = QLabel(self)
        self.name_note.setObjectName("secondary")
        self.name_note.setWordWrap(True)
        form.addRow("", self.name_note)
        self.name.textEdited.connect(
            lambda: self.save_name.setEnabled(bool(self.name.text().strip()))
        )
        self.name.returnPressed.connect(self.save_name.click)
        self.save_name.clicked.connect(self._save_name)

        self.choose_photo = QPushButton(self.tr("Change photo…"), self)
        self.choose_photo.setAccessibleName(self.tr("Change your photo"))
        self.remove_photo = QPushButton(self.tr("Remove photo"), self)
        self.remove_photo.setAccessibleName(self.tr("Remove your photo"))
        photo_row = QHBoxLayout()
        photo_row.addWidget(self.choose_photo)
        photo_row.addWidget(self.remove_photo)
        photo_row.addStretch(1)
        form.addRow(self.tr("Photo"), photo_row)
        self.choose_photo.clicked.connect(self._choose_photo)
        self.remove_photo.clicked.connect(lambda: self._set_photo(None))

        self.emails = QLabel(self)
        self.emails.setWordWrap(True)
        self.emails.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addRow(self.tr("Email addresses"), self.emails)
        self.status = QLabel(self)
        self.status.setObjectName("secondary")
        self.status.setWordWrap(True)
        self.body.addWidget(self.status)

        self.section(self.tr("Password"))
        self.change_password = QPushButton(self.tr("Change password…"), self)
        self.change_password.setAccessibleName(self.tr("Change your password"))
        self.change_password.clicked.connect(self.open_change_password)
        self.body.addWidget(self.change_password, 0, Qt.AlignmentFlag.AlignLeft)

        self.section(self.tr("Deactivate the account"))
        self.paragraph(self.tr("Close your account for good, for instance when you leave the "
                               "administration. This cannot be undone."))  # fmt: skip
        self.deactivate = QPushButton(self.tr("Deactivate the account…"), self)
        self.deactivate.setObjectName("danger")
        self.deactivate.setAccessibleName(self.tr("Deactivate your account"))
        self.deactivate.clicked.connect(self.open_deactivate)
        self.body.addWidget(self.deactivate, 0, Qt.AlignmentFlag.AlignLeft)
        self._editable(False)

    def first_control(self) -> QWidget | None:
        return self.name

    def _editable(self, editable: bool, reason: str = "") -> None:
        self.name.setReadOnly(not editable)
        self.save_name.setVisible(editable)
        self.name_note.setText(reason)
        self.name_note.setVisible(bool(reason))
        self.name.setAccessibleDescription(reason)

    async def load(self) -> None:
        self.status.setText(self.tr("Loading…"))
        try:
            profile = await self.session.account().profile()
        except AccountActionFailed as err:
            self.status.setText(texts.account_error_text(err))
            return
        if not shiboken6.isValid(self):
            return
        self.status.setText("")
        self.name.setText(profile.display_name)
        self._editable(profile.name_editable, "" if profile.name_editable else self.tr(
            "On Tchap your name comes from your administration's directory: it cannot be "
            "changed here."))  # fmt: skip
        self.remove_photo.setEnabled(bool(profile.avatar_url))
        self.emails.setText("\n".join(profile.emails) or self.tr("None"))

    @asyncSlot()
    async def _save_name(self) -> None:
        name = self.name.text().strip()
        if not name or not self.save_name.isEnabled():
            return
        self.save_name.setEnabled(False)  # once while in flight
        try:
            await self.session.account().set_display_name(name)
        except AccountActionFailed as err:
            self.status.setText(texts.account_error_text(err))
            self.save_name.setEnabled(True)
            return
        self.status.setText(self.tr("Your name was changed."))

    def _choose_photo(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Choose a photo"), "", self.tr("Images (*.png *.jpg *.jpeg *.gif *.webp)")
        )
        if path:
            self._set_photo(path)

    @asyncSlot()
    async def _set_photo(self, path: str | None) -> None:
        self.choose_photo.setEnabled(False)
        self.remove_photo.setEnabled(False)
        self.status.setText(self.tr("Sending the photo…") if path else "")
        try:
            uri = await self.session.account().set_avatar(path)
        except AccountActionFailed as err:
            self.status.setText(texts.account_error_text(err))
            uri = None
        else:
            self.status.setText(self.tr("Your photo was changed.") if uri
                                else self.tr("Your photo was removed."))  # fmt: skip
        finally:
            self.choose_photo.setEnabled(True)
        self.remove_photo.setEnabled(bool(uri))

    def open_change_password(self) -> ChangePasswordDialog:
        """The change-password dialog (window-modal)."""
        dialog = ChangePasswordDialog(self.session.account().change_password, self)
        dialog.server = self.session.homeserver
        dialog.accepted.connect(lambda: self.status.setText(self.tr("Your password was changed.")))
        self._open(dialog)
        return dialog

    def open_deactivate(self) -> DeactivateDialog:
        """The deactivation dialog (window-modal); on success the session signs out."""
        dialog = DeactivateDialog(self.session.account().deactivate, self)
        self._open(dialog)
        return dialog

    def _open(self, dialog: QWidget) -> None:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.open()
