"""The bar that appears over the message under the mouse: react, reply, edit (own), more."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QToolButton, QWidget

from ui import theme


class HoverBar(QFrame):
    """Buttons for the row `key`; the same actions are in the context menu (keyboard)."""

    react_requested = Signal(str)
    reply_requested = Signal(str)
    edit_requested = Signal(str)
    more_requested = Signal(str, QPoint)  # key, where to open the menu (global)

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("hoverBar")
        t = theme.current()
        self.setStyleSheet(
            f"#hoverBar {{ background: {t.background}; border: 1px solid {t.border}; "
            "border-radius: 8px; }"
        )
        self.key = ""
        self.react = self._button("☺", self.tr("React"))
        self.reply = self._button("↩", self.tr("Reply"))
        self.edit = self._button("✎", self.tr("Edit"))
        self.more = self._button("⋯", self.tr("More actions"))
        self.react.clicked.connect(lambda: self.react_requested.emit(self.key))
        self.reply.clicked.connect(lambda: self.reply_requested.emit(self.key))
        self.edit.clicked.connect(lambda: self.edit_requested.emit(self.key))
        self.more.clicked.connect(
            lambda: self.more_requested.emit(
                self.key, self.more.mapToGlobal(self.more.rect().bottomLeft())
            )
        )
        layout = QHBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.setSpacing(0)
        for button in (self.react, self.reply, self.edit, self.more):
            layout.addWidget(button)
        self.hide()

    def _button(self, glyph: str, name: str) -> QToolButton:
        button = QToolButton(self)
        button.setText(glyph)
        button.setAutoRaise(True)
        button.setToolTip(name)
        button.setAccessibleName(name)
        button.setFixedSize(28, 26)
        return button

    def show_for(self, key: str, bubble: QRect, own: bool, can_reply: bool) -> None:
        """Show over the top corner of a message's bubble (view coordinates)."""
        self.key = key
        self.edit.setVisible(own)
        self.reply.setVisible(can_reply)
        self.react.setVisible(can_reply)
        self.adjustSize()
        x = bubble.left() if own else bubble.right() - self.width()
        x = max(0, min(x, self.parentWidget().width() - self.width()))
        self.move(x, max(0, bubble.top() - self.height() // 2))
        self.show()
        self.raise_()
