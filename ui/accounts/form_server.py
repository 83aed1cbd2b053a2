"""The server of an account form ("Create an account", "Forgot password?"), found as the
sign-in finds it: the same `ServerPanel` under the address ("Looking for your server…" with
Cancel, then "Your server: …" before anything is sent), "Other server…" to type one, or the
server IT locked. A form asks `server_of` when it is about to send.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QLineEdit, QWidget

from app.api import SessionApi
from app.core.errors import LoginError, LoginFailed
from ui.accounts import signin_texts
from ui.accounts.card import show_message
from ui.accounts.server_panel import ServerPanel


def server_panel(
    session: SessionApi, config: Any, address: QLineEdit, parent: QWidget
) -> ServerPanel:
    """A panel under `address` that looks the server up as the address is typed."""
    panel = ServerPanel(session, config, parent)
    panel.field.setPlaceholderText("https://matrix.example.fr")
    address.textEdited.connect(panel.identifier_edited)
    return panel


async def server_of(panel: ServerPanel, address: str, error: QLabel) -> str | None:
    """The server to send to; None when there is none yet: the user stopped the lookup, no
    server was found (the line under the address says why; a rate limit is said in `error`),
    or "Other server…" is open and empty (said in `error`)."""
    try:
        server = await panel.server_for(address)
    except LoginFailed as err:
        if err.kind is LoginError.RATE_LIMITED:
            show_message(error, signin_texts.error_text(err, ""))
        return None
    if server == "":
        show_message(error, QCoreApplication.translate(
            "AccountForms", "Enter the address of your server."))  # fmt: skip
        panel.field.setFocus()
        return None
    return server
