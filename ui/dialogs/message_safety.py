"""Dialogs that keep hostile messages harmless: a confirmation before opening a link whose
text names another address or a user, and a reader for a message too long to lay out in
the timeline (plain text, laid out lazily by QPlainTextEdit)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QPlainTextEdit, QVBoxLayout, QWidget

from app.core.bounded import breakable
from ui.dialogs.base import TchapDialog
from ui.state_texts import isolate

translate = QCoreApplication.translate
MAX_SHOWN_TARGET = 300


class ConfirmLinkDialog(TchapDialog):
    """Names a link's real target before opening it; `accepted` means "open"."""

    def __init__(self, href: str, text: str, parent: QWidget | None = None) -> None:
        target = href if len(href) <= MAX_SHOWN_TARGET else href[:MAX_SHOWN_TARGET] + "…"
        super().__init__(
            translate("ConfirmLinkDialog", "Open this link?"),
            translate(
                "ConfirmLinkDialog",
                "The link shows “{text}” but leads to another address:\n{target}\n\n"
                "Open it only if you trust this address.",
            ).format(text=isolate(text[:120]), target=isolate(breakable(target))),
            translate("ConfirmLinkDialog", "Open the link"),
            parent,
        )
        self.href = href
        self.setAccessibleName(translate("ConfirmLinkDialog", "Open this link?"))
        self.confirm_button.clicked.connect(self.accept)
        self.confirm_button.setDefault(False)  # Enter keeps the user safe: it cancels
        self.cancel_button.setDefault(True)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.cancel_button.setFocus()


class MessageReaderDialog(QDialog):
    """The whole text of a very long message, read-only, with its own scroll bar."""

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("MessageReaderDialog", "Whole message"))
        self.resize(720, 560)
        self.view = QPlainTextEdit(self)
        self.view.setReadOnly(True)
        self.view.setAccessibleName(translate("MessageReaderDialog", "Text of the message"))
        self.view.setPlainText(breakable(text))  # long words wrap: no 300 ms line layout
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view)
        layout.addWidget(buttons)
        self.view.setFocus()
