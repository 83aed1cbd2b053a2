"""The sentences of the Settings window built from core data: refusals, locks, last seen.

`app.accounts` reports `AccountActionFailed(kind)`; every kind gets a sentence here, never
an errcode. Context "SettingsTexts" for the translators.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QCoreApplication, QDateTime, QLocale

from app.accounts.devices import Device
from app.accounts.interactive_auth import AccountActionFailed, AccountError

translate = QCoreApplication.translate


def account_error_text(err: AccountActionFailed) -> str:
    """What went wrong with a change to the account, in one sentence the user can act on."""
    kind = err.kind
    if kind is AccountError.WRONG_PASSWORD:
        return translate("SettingsTexts", "The password is not correct.")
    if kind is AccountError.NO_PASSWORD_FLOW:
        return translate("SettingsTexts", "Your server does not accept a password to confirm "
                         "this. Use another Tchap application to do it.")  # fmt: skip
    if kind is AccountError.NETWORK:
        return translate("SettingsTexts", "The server cannot be reached. Check your connection "
                         "and try again.")  # fmt: skip
    if kind is AccountError.BAD_RESPONSE:
        return translate("SettingsTexts", "The server gave an answer that cannot be read. "
                         "Try again later.")  # fmt: skip
    if kind is AccountError.SERVER_ERROR:
        return translate("SettingsTexts", "The server had a problem. Try again later.")
    if kind is AccountError.RATE_LIMITED:
        seconds = max(1, math.ceil(err.retry_after_s or 0))
        return translate("SettingsTexts", "Too many attempts. Try again in %n second(s).", "",
                         seconds)  # fmt: skip
    if kind is AccountError.FORBIDDEN:
        return translate("SettingsTexts", "Your server does not allow this change.")
    if kind is AccountError.NOT_FOUND:
        return translate("SettingsTexts", "This session no longer exists. The list was refreshed.")
    if kind is AccountError.INVALID:
        return translate("SettingsTexts", "This value cannot be used.")
    return translate("SettingsTexts", "This could not be done. Try again later.")


def locked_text() -> str:
    """Why a setting cannot be changed: the administrator's policy on this computer."""
    return translate("SettingsTexts", "Set by your IT department for this computer: it cannot "
                     "be changed here.")  # fmt: skip


def last_seen_text(device: Device) -> str:
    """When (and from where) a session was last active."""
    if device.current:
        return translate("SettingsTexts", "This session")
    if device.last_seen_ms is None:
        return translate("SettingsTexts", "Never seen")
    when = QDateTime.fromMSecsSinceEpoch(device.last_seen_ms).toLocalTime()
    date = QLocale().toString(when, QLocale.FormatType.ShortFormat)
    if device.last_seen_ip:
        return translate("SettingsTexts", "{date} from {ip}").format(date=date,
                                                                   ip=device.last_seen_ip)  # fmt: skip
    return date


def device_name(device: Device) -> str:
    """A session's name, or a sentence when it has none."""
    return device.name or translate("SettingsTexts", "Unnamed session")


def sign_out_question(count: int) -> str:
    """The title of the confirmation before signing sessions out."""
    return translate("SettingsTexts", "Sign out %n session(s)?", "", count)


def signed_out_text(count: int) -> str:
    """The notice once sessions were signed out."""
    return translate("SettingsTexts", "%n session(s) signed out.", "", count)
