"""New direct chat: one Matrix ID, checked before the server is asked."""

from __future__ import annotations

import re

from PySide6.QtWidgets import QLineEdit, QWidget
from qasync import asyncSlot

from app.api import SessionApi
from ui.accounts import account_texts
from ui.dialogs.base import TchapDialog

MATRIX_ID = re.compile(r"^@[a-z0-9._=\-/+]+:[A-Za-z0-9.\-]+(:[0-9]{1,5})?$", re.IGNORECASE)


def is_matrix_id(text: str) -> bool:
    """Whether `text` looks like @local:server (server with an optional port)."""
    return bool(MATRIX_ID.match(text.strip()))


class NewDirectChatDialog(TchapDialog):
    """Asks for a Matrix ID and creates the chat; `room_id` is set once accepted."""

    def __init__(self, session: SessionApi, parent: QWidget | None = None) -> None:
        super().__init__(
            self.tr("New direct chat"),
            self.tr("Start an end-to-end encrypted conversation with one person."),
            self.tr("Start the conversation"),
            parent,
        )
        self._session = session
        self.room_id: str | None = None
        self.user_id = QLineEdit(self)
        self.user_id.setPlaceholderText(
            "@prenom.nom-ministere.gouv.fr:agent.ministere.tchap.gouv.fr"
        )
        self.user_id.setAccessibleName(self.tr("Matrix ID"))
        self.body.addWidget(self.user_id)
        self.user_id.returnPressed.connect(self._on_confirm)
        self.confirm_button.clicked.connect(self._on_confirm)
        self.user_id.textChanged.connect(self._check_allowed)

    def _refusal(self) -> str:
        """Why this account may not chat with the typed user ("" if it may)."""
        refusal = self._session.externals.direct_chat_refusal(self.user_id.text().strip())
        return account_texts.refusal_text(refusal) if refusal is not None else ""

    def _check_allowed(self) -> None:
        """Two externals cannot chat directly: said at once, the button disabled."""
        reason = self._refusal()
        self.confirm_button.setEnabled(not reason)
        self.show_error(reason)

    async def submit(self) -> bool:
        """Validate, then create the chat; True (and the dialog accepted) on success."""
        user_id = self.user_id.text().strip()
        if not is_matrix_id(user_id):
            self.show_error(
                self.tr("Enter a Matrix ID like @first.last-ministry.gouv.fr:agent.tchap.gouv.fr")
            )
            self.user_id.setFocus()
            return False
        if self._refusal():  # Enter in the field while the button is disabled
            return False
        return await self.create_room(self._session.create_direct_chat(user_id))

    @asyncSlot()
    async def _on_confirm(self) -> None:
        await self.submit()
