"""The sentences of creating a salon and of its settings' general page (h11)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.rooms.kinds import RoomKind
from app.rooms.outcome import Outcome

translate = QCoreApplication.translate  # lupdate reads translate("SalonTexts", "...") calls


def kind_warning(kind: RoomKind) -> str:
    """What the user must know before creating a salon of this kind ("" if nothing)."""
    if kind is RoomKind.FORUM:
        return translate(
            "SalonTexts", "Every public servant in France will be able to find this forum, join "
            "it and read all its messages. Share nothing confidential in it.")  # fmt: skip
    if kind is RoomKind.EXTERNALS:
        return translate(
            "SalonTexts", "External partners can be invited. This choice cannot be undone: "
            "the salon will stay open to externals.")  # fmt: skip
    return ""


def history_choice(visibility: str) -> str:
    """A choice of who may read the history."""
    choices = {
        "shared": translate("SalonTexts", "Members, all of the history"),
        "invited": translate("SalonTexts", "Members, since they were invited"),
        "joined": translate("SalonTexts", "Members, since they joined"),
    }
    return choices.get(visibility, visibility)


def outcome_text(outcome: Outcome) -> str:
    """What became of a change."""
    if outcome is Outcome.QUEUED:
        return translate(
            "SalonTexts", "The server has not answered yet: the change will be sent as soon as "
            "it can be.")  # fmt: skip
    return translate("SalonTexts", "The change was saved.")


def not_allowed_text() -> str:
    """Why a control is disabled: our power level is too low."""
    return translate("SalonTexts", "Your role in this salon does not allow this change.")


def open_to_externals_confirm() -> str:
    return translate(
        "SalonTexts", "Open this salon to externals? You will be able to invite partners from "
        "outside the administration. This cannot be undone.")  # fmt: skip


def make_private_confirm() -> str:
    return translate(
        "SalonTexts", "Make this forum a private salon? It leaves the directory of public "
        "salons, only invited people can join it, and its new messages are encrypted. This "
        "cannot be undone.")  # fmt: skip


def encryption_confirm() -> str:
    return translate(
        "SalonTexts", "Turn on end-to-end encryption? Once on, it can never be turned off, and "
        "new members will not read the messages sent before they joined.")  # fmt: skip


def encryption_state(encrypted: bool, forum: bool) -> str:
    if encrypted:
        return translate("SalonTexts", "Messages are end-to-end encrypted. Encryption cannot be "
                                       "turned off.")  # fmt: skip
    if forum:
        return translate("SalonTexts", "A forum is never encrypted: every public servant can "
                                       "read it.")  # fmt: skip
    return translate("SalonTexts", "Messages are not encrypted.")
