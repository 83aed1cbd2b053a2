"""Every sentence the UI builds from core data (errors, state changes, times), translated.

The core hands over enums and data; this module words them. Functions, not QObjects, so
the strings use QCoreApplication.translate with the "Texts" context.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QLocale

from app.core.display_names import split_display_name
from app.core.errors import ActionError, ActionFailed, LoginError, LoginFailed
from app.core.events import SessionState, StartProblem
from app.core.types import FileError, ItemKind, TimelineItem
from app.rooms.kinds import RoomRuleRefused
from ui.rooms.rule_texts import refusal_text

translate = QCoreApplication.translate  # lupdate reads translate("Texts", "...") calls


def login_error_text(err: LoginFailed, server: str) -> str:
    """The sign-in form's message for a failed login."""
    kind = err.kind
    if kind is LoginError.BAD_CREDENTIALS:
        return translate("Texts", "Wrong identifier or password.")
    if kind is LoginError.UNREACHABLE:
        return translate(
            "Texts", "Cannot reach {server}. Check the address and your connection."
        ).format(server=server)
    if kind is LoginError.NOT_MATRIX:
        return translate("Texts", "{server} is not a Matrix server.").format(server=server)
    if kind is LoginError.RATE_LIMITED:
        return rate_limited_text(int(err.retry_after_s or 0))
    if kind is LoginError.SERVER_ERROR:
        status = str(err.status) if err.status else "?"
        return translate("Texts", "The server had a problem ({status}). Try again later.").format(
            status=status
        )
    if kind is LoginError.USER_DEACTIVATED:
        return translate("Texts", "This account has been deactivated.")
    if kind is LoginError.ACCOUNT_EXPIRED:
        return translate(
            "Texts", "This account has expired. Renew it with the link sent to your email address."
        )
    if kind is LoginError.INVALID_IDENTIFIER:
        return translate(
            "Texts", "Enter a Matrix ID (@name:server) or a professional email address."
        )
    if kind is LoginError.INVALID_HOMESERVER:
        return translate(
            "Texts", "The server address is not valid. It looks like https://matrix.example.fr"
        )
    if kind is LoginError.KEYRING_UNAVAILABLE:
        return translate(
            "Texts",
            "No secure password store (keyring) is available on this system, so your session "
            "cannot be kept safely. Install or unlock one (GNOME Keyring, KWallet) and try again.",
        )
    return translate("Texts", "Sign-in failed. Try again later.")


def rate_limited_text(seconds: int) -> str:
    """The countdown message while the server refuses new attempts."""
    return translate("Texts", "Too many attempts. Try again in {seconds} s.").format(
        seconds=max(0, seconds)
    )


def refused_text(op: str, event_type: str) -> str:
    """The server refused a change already shown (it is taken back): say which."""
    if op == "redaction":
        return translate("Texts", "The server refused the deletion. The message stays.")
    if event_type == "m.reaction":
        return translate("Texts", "The server refused your reaction. It was removed.")
    if event_type == "m.room.message":
        return translate("Texts", "The server refused your edit. The message keeps its text.")
    return translate("Texts", "The server refused a change. It was undone.")


def action_error_text(err: ActionFailed) -> str:
    """A message for a room action the server refused or the network lost."""
    if isinstance(err, RoomRuleRefused):  # a Tchap rule: the same sentence from client or server
        return refusal_text(err.refusal)
    messages = {
        ActionError.NETWORK: translate(
            "Texts", "The server cannot be reached. Check your connection."
        ),
        ActionError.FORBIDDEN: translate("Texts", "You are not allowed to do this."),
        ActionError.NOT_FOUND: translate("Texts", "This user or room does not exist."),
        ActionError.RATE_LIMITED: translate(
            "Texts", "Too many requests. Wait a moment and try again."
        ),
        ActionError.SERVER_ERROR: translate("Texts", "The server had a problem. Try again later."),
        ActionError.INVALID_USER: translate(
            "Texts", "This Matrix ID does not exist or cannot be invited."
        ),
        ActionError.CRYPTO_NOT_READY: translate(
            "Texts", "Encryption is not ready yet. Wait a moment and try again."
        ),
        ActionError.INVALID_FILE: translate(
            "Texts", "This key file cannot be read: check the file and its passphrase."
        ),
        ActionError.UNREADABLE_FILE: translate(
            "Texts",
            "This file cannot be read: check that it still exists and that you may open it.",
        ),
    }
    return messages.get(err.kind, translate("Texts", "Something went wrong. Try again later."))


def session_state_text(state: SessionState, retry_in_s: float | None = None) -> str:
    """The banner line for the connection state; empty when there is nothing to say."""
    if state is SessionState.STARTING:
        return translate("Texts", "Connecting…")
    if state is SessionState.RECONNECTING:
        if retry_in_s is None:
            return translate("Texts", "Connection lost. Retrying…")
        return translate("Texts", "Connection lost. Retrying in {n} s…").format(
            n=max(0, round(retry_in_s))
        )
    if state is SessionState.ACCOUNT_EXPIRED:
        return translate("Texts", "Your account has expired. Renew it with the link sent by email.")
    if state is SessionState.SIGNING_OUT:
        return translate("Texts", "Signing out…")
    return ""


def start_problem_text(state: SessionState, reason: StartProblem | None) -> str:
    """Why the session could not start, for the start-failed panel."""
    if state is SessionState.CACHE_UNAVAILABLE or reason is StartProblem.CACHE:
        return translate("Texts", "Your messages stored on this computer cannot be read or "
                         "written (the disk may be full, or the file damaged). Free some space "
                         "and retry, or sign out to start again from the server.")  # fmt: skip
    if reason is StartProblem.KEYRING:
        return translate("Texts", "The system keyring, where Tchap keeps your session, did not "
                         "answer. Unlock it and retry.")  # fmt: skip
    if reason is StartProblem.CRYPTO_STORE:
        return translate("Texts", "The encryption keys stored on this computer cannot be "
                         "opened. Retry, or sign out to start again (encrypted history may "
                         "become unreadable).")  # fmt: skip
    return translate("Texts", "Tchap's installation seems damaged. Retry, or reinstall it.")


def body_text(item: TimelineItem) -> str:
    """The plain text a message row shows when it has no HTML."""
    if item.kind is ItemKind.UNDECRYPTABLE:
        return translate("Texts", "Waiting for the key to decrypt this message")
    if item.kind is ItemKind.REDACTED:
        from ui.relation_texts import deletion_text

        return deletion_text(item)
    if item.kind is ItemKind.MEDIA:
        return translate("Texts", "File: {name}").format(name=item.body)
    if item.kind is ItemKind.UNKNOWN:
        return translate("Texts", "Unsupported message")
    if item.msgtype == "m.emote":
        return f"* {item.sender_name} {item.body}"
    return item.body


def size_text(size: int) -> str:
    """A file size for people: 830 bytes, 12.5 KB, 3.2 MB (units of 1024, the locale's digits)."""
    locale = QLocale()
    if size < 1024:
        return translate("Texts", "%n byte(s)", None, size)
    units = (
        translate("Texts", "{n} KB"),
        translate("Texts", "{n} MB"),
        translate("Texts", "{n} GB"),
    )
    value = size / 1024
    for unit in units:
        if value < 1024 or unit is units[-1]:
            return unit.format(n=locale.toString(value, "f", 1 if value < 100 else 0))
        value /= 1024
    return ""  # not reached


def file_error_text(reason: str) -> str:
    """Why a file was not sent, after "Not sent"; empty when there is nothing more to say."""
    if reason == FileError.TOO_LARGE.value:
        return translate("Texts", "Not sent: the file is larger than the server accepts")
    if reason == FileError.MISSING.value:
        return translate("Texts", "Not sent: the file no longer exists")
    if reason == FileError.UNREADABLE.value:
        return translate("Texts", "Not sent: the file cannot be read")
    return ""


_TS_LIMIT = 2**53  # a hostile origin_server_ts may be past what QDateTime takes (int64)


def _local(ts_ms: int) -> QDateTime:
    return QDateTime.fromMSecsSinceEpoch(max(-_TS_LIMIT, min(_TS_LIMIT, ts_ms)))


def clock_text(ts_ms: int) -> str:
    """HH:MM in the user's locale."""
    return QLocale().toString(_local(ts_ms).time(), QLocale.FormatType.ShortFormat)


def room_time_text(ts_ms: int, now: datetime | None = None) -> str:
    """Room list time: today → clock, this week → weekday, else a short date."""
    if ts_ms <= 0:
        return ""
    now = now or datetime.now()
    when = datetime.fromtimestamp(ts_ms / 1000)
    locale = QLocale()
    if when.date() == now.date():
        return clock_text(ts_ms)
    if now.date() - when.date() < timedelta(days=7) and when < now:
        return locale.dayName(when.isoweekday(), QLocale.FormatType.ShortFormat)
    return locale.toString(_local(ts_ms).date(), QLocale.FormatType.ShortFormat)


def day_label(ts_ms: int) -> str:
    """A day separator: "Today", "Yesterday" or the long date."""
    date = _local(ts_ms).date()
    today = QDate.currentDate()
    if date == today:
        return translate("Texts", "Today")
    if date == today.addDays(-1):
        return translate("Texts", "Yesterday")
    return QLocale().toString(date, "dddd d MMMM yyyy")


def split_organisation(display_name: str) -> tuple[str, str]:
    """Tchap names carry the organisation in brackets: "Jean Martin [Intérieur]"."""
    parts = split_display_name(display_name)
    return parts.name, parts.organisation


def unread_tooltip(count: int) -> str:
    """Tooltip of the unread badge."""
    return translate("Texts", "%n unread message(s)", None, count)
