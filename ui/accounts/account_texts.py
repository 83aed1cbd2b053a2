"""Sentences about the account itself: an expired account, external users, organisations."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.accounts.externals import Refusal
from app.core.errors import ActionError, ActionFailed
from ui import texts

translate = QCoreApplication.translate  # lupdate reads translate("AccountTexts", "...")


def expired_title() -> str:
    return translate("AccountTexts", "Your account has expired")


def expired_explanation() -> str:
    return translate(
        "AccountTexts",
        "To keep using Tchap, renew your account with the link we send to your professional "
        "email address. Open the link, then come back here: your conversations are kept.",
    )


def renewal_mail_sent() -> str:
    return translate(
        "AccountTexts",
        "The renewal email is on its way. Open the link it contains, then choose "
        "“I have renewed my account”.",
    )


def renewal_mail_failed(error: ActionFailed) -> str:
    if error.kind is ActionError.NOT_FOUND:
        return translate(
            "AccountTexts",
            "This server cannot send renewal emails. Contact your administrator or support.",
        )
    return texts.action_error_text(error)


def still_expired() -> str:
    return translate(
        "AccountTexts",
        "Your account is still expired. Open the link in the renewal email, then try again.",
    )


def external_badge() -> str:
    """The badge beside an external (guest) user's name."""
    return translate("AccountTexts", "External")


def refusal_text(refusal: Refusal) -> str:
    """Why an action is shown disabled."""
    if refusal is Refusal.EXTERNAL_CANNOT_CREATE_ROOM:
        return translate("AccountTexts", "External users cannot create salons.")
    return translate(
        "AccountTexts", "External users cannot start a direct chat with another external user."
    )
