"""The strip above the composer in reply or edit mode: what is being answered or edited, and a
button (or Esc) to stop."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QToolButton, QVBoxLayout, QWidget

from ui import relation_texts, theme


class ComposerBanner(QWidget):
    """ "Replying to X: ..." or "Editing your message", with a close button."""

    cancel_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("composerBanner")
        self.title = QLabel(self)
        self.title.setStyleSheet("font-weight: 600;")
        self.quote = QLabel(self)
        self.quote.setObjectName("secondary")
        self.quote.setTextFormat(Qt.TextFormat.PlainText)
        self.close_button = QToolButton(self)
        self.close_button.setText("✕")
        self.close_button.setAutoRaise(True)
        self.close_button.setToolTip(self.tr("Cancel (Esc)"))
        self.close_button.setAccessibleName(self.tr("Cancel the reply or the edit"))
        self.close_button.clicked.connect(self.cancel_requested)
        texts = QVBoxLayout()
        texts.setSpacing(0)
        texts.addWidget(self.title)
        texts.addWidget(self.quote)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(theme.S, theme.XS, 0, theme.XS)
        layout.addLayout(texts, 1)
        layout.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignTop)
        self.setStyleSheet(
            f"#composerBanner {{ border-left: 3px solid {theme.current().primary}; }}"
        )
        self.hide()

    def show_reply(self, name: str, line: str) -> None:
        """Reply mode: who is answered, and one line of what they said."""
        self._show(relation_texts.replying_to(name), line)

    def show_edit(self, line: str) -> None:
        """Edit mode, with the message as it was."""
        self._show(relation_texts.editing(), line)

    def _show(self, title: str, line: str) -> None:
        self.title.setText(title)
        one_line = " ".join(line.split())
        self.quote.setText(
            self.quote.fontMetrics().elidedText(one_line, Qt.TextElideMode.ElideRight, 560)
        )
        self.quote.setVisible(bool(one_line))
        self.setAccessibleName(title)
        self.show()
