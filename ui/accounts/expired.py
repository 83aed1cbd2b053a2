"""ExpiredView: the blocking screen of an expired account.

The session stopped syncing when the server answered `ORG_MATRIX_EXPIRED_ACCOUNT`; this
screen replaces the chat (a banner would leave actions bound to fail on screen). It offers
the renewal email and "I have renewed my account"; it also re-checks by itself when the
user comes back to the window (from their mailbox) and every minute, silently. Once the
account is renewed the session syncs again and the window goes back to the chat.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFrame, QLabel, QPushButton, QVBoxLayout, QWidget
from qasync import asyncSlot

from app.api import SessionApi
from app.core.errors import ActionFailed
from ui import texts
from ui.accounts import account_texts

log = logging.getLogger("tchap.ui")
AUTO_CHECK_MS = 60_000
CARD_WIDTH, CARD_MARGIN = 520, 32
TEXT_WIDTH = CARD_WIDTH - 2 * CARD_MARGIN


class ExpiredView(QWidget):
    """Title, explanation, "send me the renewal email", "I have renewed", "sign out"."""

    renewed = Signal()
    sign_out_requested = Signal()

    def __init__(self, session: SessionApi, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._sending = False
        self._checking = False
        self.setObjectName("loginPage")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)  # the page's grey
        card = QFrame(self)
        card.setObjectName("card")
        card.setFixedWidth(CARD_WIDTH)
        self.title = QLabel(account_texts.expired_title(), card)
        self.title.setObjectName("title")
        self.title.setWordWrap(True)
        self.explanation = QLabel(account_texts.expired_explanation(), card)
        self.explanation.setWordWrap(True)
        self.status = QLabel(card)
        self.status.setWordWrap(True)
        self.status.setAccessibleName(self.tr("Renewal status"))
        self.status.setContentsMargins(10, 6, 10, 6)  # inside the notice's coloured box
        self.status.hide()
        self.send_mail = QPushButton(self.tr("&Send me the renewal email"), card)
        self.send_mail.setObjectName("primary")
        self.send_mail.setAccessibleName(self.tr("Send me the renewal email"))
        self.check = QPushButton(self.tr("&I have renewed my account"), card)
        self.check.setAccessibleName(self.tr("I have renewed my account"))
        self.sign_out = QPushButton(self.tr("Sign &out"), card)
        self.sign_out.setFlat(True)
        self.sign_out.setAccessibleName(self.tr("Sign out"))
        self.send_mail.clicked.connect(self._on_send_mail)
        self.check.clicked.connect(self._on_check)
        self.sign_out.clicked.connect(self.sign_out_requested)
        inner = QVBoxLayout(card)
        inner.setContentsMargins(CARD_MARGIN, CARD_MARGIN, CARD_MARGIN, CARD_MARGIN)
        inner.setSpacing(16)
        for widget in (self.title, self.explanation, self.status, self.send_mail, self.check):
            inner.addWidget(widget)
        inner.addWidget(self.sign_out, 0, Qt.AlignmentFlag.AlignLeft)
        for label in (self.title, self.explanation, self.status):
            label.setFixedWidth(TEXT_WIDTH)  # wrapped to the card, never clipped
            _fit(label)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        outer.addWidget(card, 0, Qt.AlignmentFlag.AlignHCenter)
        outer.addStretch(2)
        self.setTabOrder(self.send_mail, self.check)
        self.setTabOrder(self.check, self.sign_out)
        self._timer = QTimer(self)
        self._timer.setInterval(AUTO_CHECK_MS)
        self._timer.timeout.connect(self._auto_check)
        QGuiApplication.instance().applicationStateChanged.connect(self._on_app_state)

    def activate(self) -> None:
        """Shown: the status cleared, the focus on the renewal email, checks by itself."""
        self._show_status("", error=False)
        self.send_mail.setEnabled(True)
        self.check.setEnabled(True)
        self.send_mail.setFocus()
        self._timer.start()

    def deactivate(self) -> None:
        """Left (renewed, or signed out): no more checks."""
        self._timer.stop()

    @asyncSlot()
    async def _on_send_mail(self) -> None:
        if self._sending:
            return  # runs once while in flight
        self._sending = True
        self.send_mail.setEnabled(False)
        try:
            await self._session.access.send_renewal_mail()
        except ActionFailed as error:
            log.warning("renewal email not sent: %s", error.kind.name)
            self._show_status(account_texts.renewal_mail_failed(error), error=True)
        else:
            self._show_status(account_texts.renewal_mail_sent(), error=False)
            self.check.setFocus()
        finally:
            self._sending = False
            self.send_mail.setEnabled(True)

    @asyncSlot()
    async def _on_check(self) -> None:
        await self._check(quiet=False)

    @asyncSlot()
    async def _auto_check(self) -> None:
        await self._check(quiet=True)

    def _on_app_state(self, state: Qt.ApplicationState) -> None:
        if state is Qt.ApplicationState.ApplicationActive and self._timer.isActive():
            self._auto_check()

    async def _check(self, *, quiet: bool) -> None:
        """Ask the session; "still expired" is said only when the user asked."""
        if self._checking:
            return
        self._checking = True
        self.check.setEnabled(False)
        try:
            renewed = await self._session.access.check_renewed()
        except ActionFailed as error:
            log.info("renewal check failed: %s", error.kind.name)
            if not quiet:
                self._show_status(texts.action_error_text(error), error=True)
            return
        finally:
            self._checking = False
            self.check.setEnabled(True)
        if renewed:
            self.deactivate()
            self.renewed.emit()
        elif not quiet:
            self._show_status(account_texts.still_expired(), error=True)

    def _show_status(self, text: str, *, error: bool) -> None:
        self.status.setObjectName("error" if error else "notice")
        self.status.style().unpolish(self.status)
        self.status.style().polish(self.status)
        self.status.setText(text)
        self.status.setVisible(bool(text))
        _fit(self.status)


def _fit(label: QLabel) -> None:
    """A wrapped label gets no height for its width from the layout: give it."""
    label.setMinimumHeight(max(0, label.heightForWidth(label.width())))
