"""The panel shown when the session cannot start: why, and what the user can do about it."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from app.core.events import SessionState, StartProblem
from ui import texts


class StartFailedView(QWidget):
    """A sentence for the reason, then "Retry" and "Sign out and start again"."""

    retry_requested = Signal()
    reset_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel(self.tr("Tchap cannot start"), self)
        self.title.setObjectName("title")
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.reason = QLabel(self)
        self.reason.setWordWrap(True)
        self.reason.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.reason.setAccessibleName(self.tr("Why Tchap cannot start"))
        self.retry = QPushButton(self.tr("&Retry"), self)
        self.retry.setDefault(True)
        self.retry.setAccessibleName(self.tr("Retry starting"))
        self.reset = QPushButton(self.tr("&Sign out and start again"), self)
        self.reset.setAccessibleName(self.tr("Sign out and start again"))
        self.retry.clicked.connect(self.retry_requested)
        self.reset.clicked.connect(self.reset_requested)
        box = QVBoxLayout(self)
        box.setSpacing(12)
        box.addStretch(1)
        for widget in (self.title, self.reason, self.retry, self.reset):
            box.addWidget(widget, 0, Qt.AlignmentFlag.AlignHCenter)
        self.reason.setFixedWidth(520)  # wrapped to a readable line, never clipped
        box.addStretch(2)

    def show_problem(self, state: SessionState, reason: StartProblem | None) -> None:
        """Say why, and give the focus to "Retry"."""
        self.reason.setText(texts.start_problem_text(state, reason))
        # A centred, wrapped label gets no height for its width from the layout: give it.
        self.reason.setMinimumHeight(self.reason.heightForWidth(self.reason.width()))
        self.set_busy(False)
        self.retry.setFocus()

    def set_busy(self, busy: bool) -> None:
        """While a retry runs, neither button can be pressed again."""
        self.retry.setEnabled(not busy)
        self.reset.setEnabled(not busy)
