"""The frame every account form shares with the sign-in screen: a centred card on the page."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui import theme

CARD_WIDTH = 440


def card_page(page: QWidget, title: str) -> tuple[QFrame, QVBoxLayout]:
    """Lay `page` out as the sign-in page does; returns the card and its column to fill."""
    page.setObjectName("loginPage")
    page.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
    card = QFrame(page)
    card.setObjectName("card")
    card.setFixedWidth(CARD_WIDTH)
    heading = QLabel(title, card)
    heading.setObjectName("title")
    heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
    heading.setWordWrap(True)
    box = QVBoxLayout(card)
    margin = theme.L + theme.S
    box.setContentsMargins(margin, margin, margin, theme.L)
    box.setSpacing(theme.S)
    box.addWidget(heading)
    box.addSpacing(theme.S)
    outer = QVBoxLayout(page)
    outer.addStretch(1)
    row = QHBoxLayout()
    row.addStretch(1)
    row.addWidget(card)
    row.addStretch(1)
    outer.addLayout(row)
    outer.addStretch(2)
    return card, box


def field_label(text: str, parent: QWidget) -> QLabel:
    """A bold label above a field."""
    label = QLabel(text, parent)
    label.setStyleSheet("font-weight: 600;")
    return label


def link_button(text: str, parent: QWidget) -> QPushButton:
    """A button that reads as a link ("Create an account"), reachable by Tab."""
    button = QPushButton(text, parent)
    button.setFlat(True)
    button.setCursor(Qt.CursorShape.PointingHandCursor)
    button.setStyleSheet(
        f"QPushButton {{ border: none; padding: 2px; color: {theme.current().primary};"
        " text-decoration: underline; font-weight: 400; background: transparent; }"
        f"QPushButton:focus {{ outline: 2px solid {theme.current().primary}; }}"
    )
    return button


def busy_bar(parent: QWidget) -> QProgressBar:
    """The thin indeterminate bar shown while the server is asked."""
    bar = QProgressBar(parent)
    bar.setRange(0, 0)
    bar.setTextVisible(False)
    bar.setFixedHeight(3)
    bar.setStyleSheet(
        f"QProgressBar {{ border: none; background: {theme.current().primary_light}; }}"
        f"QProgressBar::chunk {{ background: {theme.current().primary}; }}"
    )
    bar.hide()
    return bar


def message_label(parent: QWidget) -> QLabel:
    """The error or notice line of a form (hidden while empty)."""
    label = QLabel(parent)
    label.setObjectName("error")
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.hide()
    return label


def show_message(label: QLabel, text: str, *, error: bool = True, neutral: str = "notice") -> None:
    """Show `text` in a message label (hidden when empty): red for an error, else the
    `neutral` style ("notice", or "secondary" for a quieter status line)."""
    label.setObjectName("error" if error else neutral)
    label.style().unpolish(label)
    label.style().polish(label)
    label.setText(text)
    label.setVisible(bool(text))
