"""Confirmation before leaving a room (the only way back is a new invitation)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from ui.dialogs.base import TchapDialog

translate = QCoreApplication.translate


class ConfirmLeaveDialog(TchapDialog):
    """Asks before leaving; `accepted` means "leave"."""

    def __init__(self, room_name: str, is_direct: bool, parent: QWidget | None = None) -> None:
        if is_direct:
            title = translate("ConfirmLeaveDialog", "Leave the conversation?")
            text = translate(
                "ConfirmLeaveDialog",
                "You will leave your conversation with {name}. You will no longer receive its "
                "messages.",
            ).format(name=room_name)
        else:
            title = translate("ConfirmLeaveDialog", "Leave the room?")
            text = translate(
                "ConfirmLeaveDialog",
                "You will leave “{name}”. If it is private, you will need a new invitation to "
                "come back.",
            ).format(name=room_name)
        super().__init__(title, text, translate("ConfirmLeaveDialog", "Leave"), parent)
        self.confirm_button.setObjectName("danger")
        self.confirm_button.clicked.connect(self.accept)
