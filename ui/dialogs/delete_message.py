"""Confirmation before deleting a message, with an optional reason (focus in the reason)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLineEdit, QWidget

from ui.dialogs.base import TchapDialog

translate = QCoreApplication.translate


class DeleteMessageDialog(TchapDialog):
    """`accepted` means "delete"; `reason()` is what the user typed (may be empty)."""

    def __init__(self, by_other: bool, parent: QWidget | None = None) -> None:
        title = translate("DeleteMessageDialog", "Delete this message?")
        if by_other:
            text = translate(
                "DeleteMessageDialog",
                "It will be deleted for everyone in the conversation. Its author and the "
                "members will see that you deleted it.",
            )
        else:
            text = translate(
                "DeleteMessageDialog", "It will be deleted for everyone in the conversation."
            )
        super().__init__(title, text, translate("DeleteMessageDialog", "Delete"), parent)
        self.reason_field = QLineEdit(self)
        self.reason_field.setPlaceholderText(translate("DeleteMessageDialog", "Reason (optional)"))
        self.reason_field.setAccessibleName(translate("DeleteMessageDialog", "Reason"))
        self.reason_field.setMaxLength(300)
        self.body.addWidget(self.reason_field)
        self.confirm_button.setObjectName("danger")
        self.confirm_button.clicked.connect(self.accept)
        self.reason_field.returnPressed.connect(self.accept)

    def reason(self) -> str:
        """The reason typed, trimmed."""
        return self.reason_field.text().strip()
