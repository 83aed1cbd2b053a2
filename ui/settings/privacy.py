"""Settings → Privacy: the "liste rouge" (hide my profile from the directory).

The switch reads the account's choice (`hidden_from_directory`: the user's pending choice,
else the server's) and writes it through the outbox (`set_hidden_from_directory`): it holds
while offline and goes out once, surviving a restart. A failure says so and puts the
switch back where it was.
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QCheckBox, QLabel, QWidget
from qasync import asyncSlot

from app.accounts.interactive_auth import AccountActionFailed
from app.api import SessionApi
from ui.settings import texts
from ui.settings.page import SettingsPage

log = logging.getLogger("tchap.ui")


class PrivacyPage(SettingsPage):
    """Whether the profile shows in Tchap's directory."""

    @classmethod
    def title(cls) -> str:
        return QCoreApplication.translate("PrivacyPage", "Privacy")

    def __init__(self, session: SessionApi, config: Any, parent: QWidget | None = None) -> None:
        super().__init__(session, config, parent)
        self.section(self.tr("Directory"))
        self.hide_profile = QCheckBox(self.tr("Hide my profile from the directory (liste rouge)"),
                                      self)  # fmt: skip
        self.hide_profile.setAccessibleName(self.hide_profile.text())
        self.hide_profile.setEnabled(False)  # until the current choice is known
        self.body.addWidget(self.hide_profile)
        self.paragraph(self.tr("Other agents will no longer find you by searching your name or "
                               "address. Those who already talk with you still see you, and "
                               "anyone can still write to you if they know your address."))  # fmt: skip
        self.status = QLabel(self)
        self.status.setObjectName("secondary")
        self.status.setWordWrap(True)
        self.body.addWidget(self.status)
        self.hide_profile.toggled.connect(self._user_toggled)
        self._settling = False  # the box is being set from the account, not by the user

    def first_control(self) -> QWidget | None:
        return self.hide_profile

    async def load(self) -> None:
        self.status.setText(self.tr("Loading…"))
        try:
            hidden = await self.session.account().hidden_from_directory()
        except AccountActionFailed as err:
            self.status.setText(texts.account_error_text(err))
            return
        self._show(hidden)
        self.status.setText("")
        self.hide_profile.setEnabled(True)

    def _show(self, hidden: bool) -> None:
        self._settling = True
        self.hide_profile.setChecked(hidden)
        self._settling = False

    def _user_toggled(self, hidden: bool) -> None:
        if not self._settling:  # decided now: the task below runs after _show() returned
            self._change(hidden)

    @asyncSlot(bool)
    async def _change(self, hidden: bool) -> None:
        self.hide_profile.setEnabled(False)  # one change in flight
        try:
            await self.session.account().set_hidden_from_directory(hidden)
        except AccountActionFailed as err:
            log.warning("hide profile not changed: %s", err)
            self._show(not hidden)
            self.status.setText(texts.account_error_text(err))
        else:
            self.status.setText(
                self.tr("Your profile is hidden from the directory.") if hidden
                else self.tr("Your profile shows in the directory again.")
            )  # fmt: skip
        finally:
            self.hide_profile.setEnabled(True)
