"""The sentences of registration and password reset: refusals, password rules, strength.

`app.accounts` reports `EmailCheckFailed(kind)`; every kind gets a sentence here (a refused
domain included: never an errcode on screen). Context "RegisterTexts" for the translators.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QCoreApplication

from app.accounts.email_check import EmailCheckError, EmailCheckFailed
from app.accounts.password_policy import RULE_OF_ERRCODE, PasswordPolicy, PasswordRule

translate = QCoreApplication.translate


def email_check_error_text(err: EmailCheckFailed, server: str) -> str:
    """What went wrong, in one sentence the user can act on."""
    kind = err.kind
    if kind is EmailCheckError.UNREACHABLE:
        return translate("RegisterTexts", "Cannot reach {server}. Check the address and your "
                         "connection.").format(server=server)  # fmt: skip
    if kind is EmailCheckError.NOT_MATRIX:
        return translate("RegisterTexts", "{server} did not answer as a Matrix server. Check "
                         "the address or try again later.").format(server=server)  # fmt: skip
    if kind is EmailCheckError.SERVER_ERROR:
        return translate("RegisterTexts", "The server had a problem. Try again later.")
    if kind is EmailCheckError.RATE_LIMITED:
        seconds = max(1, math.ceil(err.retry_after_s or 1))
        return translate("RegisterTexts", "Too many attempts. Try again in %n second(s).", None,
                         seconds)  # fmt: skip
    if kind is EmailCheckError.INVALID_HOMESERVER:
        return translate("RegisterTexts", "The server address is not valid.")
    if kind is EmailCheckError.REGISTRATION_DISABLED:
        return translate("RegisterTexts", "This server does not let you create an account. "
                         "Ask your administrator.")  # fmt: skip
    if kind is EmailCheckError.EMAIL_NOT_SUPPORTED:
        return translate("RegisterTexts", "This server cannot check an email address, so it "
                         "cannot create an account or reset a password this way.")  # fmt: skip
    if kind is EmailCheckError.DOMAIN_REFUSED:
        return translate("RegisterTexts", "Addresses of this domain cannot create an account on "
                         "this server. Use your professional address, or ask your "
                         "administrator.")  # fmt: skip
    if kind in (EmailCheckError.EMAIL_IN_USE, EmailCheckError.USER_IN_USE):
        return translate("RegisterTexts", "An account already exists for this address. Sign "
                         "in, or reset your password if you forgot it.")  # fmt: skip
    if kind is EmailCheckError.EMAIL_UNKNOWN:
        return translate("RegisterTexts", "No account uses this address on this server. Check "
                         "the address, or create an account.")  # fmt: skip
    if kind is EmailCheckError.INVALID_EMAIL:
        return translate("RegisterTexts", "This email address is not valid.")
    if kind is EmailCheckError.WEAK_PASSWORD:
        rule = RULE_OF_ERRCODE.get(err.detail)
        if rule is not None:
            return translate("RegisterTexts", "The server refused this password: {rule}").format(
                rule=rule_text(rule, PasswordPolicy())
            )
        return translate("RegisterTexts", "The server refused this password: it is too easy "
                         "to guess. Choose a longer one.")  # fmt: skip
    if kind is EmailCheckError.LINK_NOT_OPENED:
        return translate("RegisterTexts", "The link in the email has not been opened yet. Open "
                         "it, then try again.")  # fmt: skip
    if kind is EmailCheckError.WRONG_PASSWORD:
        return translate("RegisterTexts", "Your current password is wrong.")
    if kind is EmailCheckError.SESSION_EXPIRED:
        return translate("RegisterTexts", "This request has expired. Start again.")
    return translate("RegisterTexts", "Something went wrong. Try again later.")


def rule_text(rule: PasswordRule, policy: PasswordPolicy) -> str:
    """One rule of the server's policy, as the checklist under the password lists it."""
    if rule is PasswordRule.MIN_LENGTH:
        length = policy.min_length
        if length:
            return translate("RegisterTexts", "at least %n character(s)", None, length)
        return translate("RegisterTexts", "longer")
    if rule is PasswordRule.DIGIT:
        return translate("RegisterTexts", "a digit")
    if rule is PasswordRule.SYMBOL:
        return translate("RegisterTexts", "a symbol (such as ! or -)")
    if rule is PasswordRule.LOWERCASE:
        return translate("RegisterTexts", "a lowercase letter")
    return translate("RegisterTexts", "an uppercase letter")


def strength_text(score: int) -> str:
    """The strength meter's word for a score from 0 to 4."""
    words = [
        translate("RegisterTexts", "Very weak"),
        translate("RegisterTexts", "Weak"),
        translate("RegisterTexts", "Fair"),
        translate("RegisterTexts", "Good"),
        translate("RegisterTexts", "Strong"),
    ]
    return words[max(0, min(4, score))]


def mail_sent_text(email: str) -> str:
    """The "check your mailbox" sentence of registration."""
    return translate("RegisterTexts", "We sent an email to {email}. Open the link it contains: "
                     "this window goes on by itself once you have.").format(email=email)  # fmt: skip


def reset_mail_sent_text(email: str) -> str:
    """The "check your mailbox" sentence of a password reset."""
    return translate("RegisterTexts", "We sent an email to {email}. Open the link it contains "
                     "and confirm, then choose your new password here.").format(email=email)  # fmt: skip
