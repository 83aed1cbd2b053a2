"""The directory's sentences: search states, errors worded for each action, counts.

Functions, not QObjects: the strings use QCoreApplication.translate with the
"DirectoryTexts" context (plural forms through Qt's %n).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.core.errors import ActionError, ActionFailed
from app.rooms.kinds import RoomRuleRefused
from ui import texts
from ui.rooms import rule_texts

translate = QCoreApplication.translate


def people_prompt() -> str:
    """Before anything is typed."""
    return translate("DirectoryTexts", "Type a name or a professional email address.")


def searching() -> str:
    return translate("DirectoryTexts", "Searching…")


def nobody_found(term: str) -> str:
    return translate("DirectoryTexts", "No one found for “{term}”.").format(term=term)


def more_people() -> str:
    """Under a list the server cut short."""
    return translate(
        "DirectoryTexts", "Only the first results are shown: type more to narrow them."
    )


def search_error(err: ActionFailed) -> str:
    """A directory search that failed."""
    if err.kind is ActionError.FORBIDDEN:
        return translate("DirectoryTexts", "Your account may not search the directory.")
    if err.kind is ActionError.RATE_LIMITED:
        return translate(
            "DirectoryTexts", "Too many searches at once: wait a moment, then type again."
        )
    if err.kind is ActionError.NETWORK:
        return translate(
            "DirectoryTexts", "The server cannot be reached: the search will resume once it can."
        )
    return translate("DirectoryTexts", "The directory could not be searched. Try again later.")


def invite_button(room_name: str) -> str:
    return translate("DirectoryTexts", "Invite into “{room}”").format(room=room_name)


def invited(name: str, room_name: str) -> str:
    return translate("DirectoryTexts", "{name} was invited into “{room}”.").format(
        name=name, room=room_name
    )


def invite_error(err: ActionFailed) -> str:
    if isinstance(err, RoomRuleRefused):  # a Tchap rule, said as the salons' pages say it
        return rule_texts.refusal_text(err.refusal)
    if err.kind is ActionError.FORBIDDEN:
        return translate(
            "DirectoryTexts",
            "This person cannot be invited into this salon (your rights, or the salon's rules).",
        )
    return texts.action_error_text(err)


def rooms_loading() -> str:
    return translate("DirectoryTexts", "Loading the public salons…")


def no_rooms(term: str) -> str:
    if term:
        return translate("DirectoryTexts", "No public salon matches “{term}”.").format(term=term)
    return translate("DirectoryTexts", "There is no public salon on this server yet.")


def rooms_error(err: ActionFailed) -> str:
    if err.kind is ActionError.NETWORK:
        return translate(
            "DirectoryTexts", "The server cannot be reached: the public salons cannot be listed."
        )
    return translate("DirectoryTexts", "The public salons could not be listed. Try again later.")


def members(count: int) -> str:
    return translate("DirectoryTexts", "%Ln member(s)", None, count)


def already_joined() -> str:
    return translate("DirectoryTexts", "Joined")


def joining() -> str:
    return translate("DirectoryTexts", "Joining…")


def join_error(err: ActionFailed) -> str:
    if err.kind is ActionError.FORBIDDEN:
        return translate("DirectoryTexts", "You may not join this salon.")
    if err.kind is ActionError.NOT_FOUND:
        return translate("DirectoryTexts", "This salon no longer exists.")
    return texts.action_error_text(err)


def unnamed_room() -> str:
    return translate("DirectoryTexts", "Salon without a name")
