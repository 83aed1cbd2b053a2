"""The sentences of Tchap's room rules (`app.rooms.kinds.Refusal`) and of the kinds of room.

One sentence per rule, whether the client refused before asking or the server refused
(403 from the access-rules module): the user never reads an errcode.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.rooms.kinds import Refusal, RoomKind

translate = QCoreApplication.translate  # lupdate reads translate("RuleTexts", "...") calls


def refusal_text(refusal: Refusal) -> str:
    """Why this cannot be done, in one sentence."""
    texts = {
        Refusal.PRIVATE_NEVER_FORUM: translate(
            "RuleTexts", "A private salon cannot become a public forum."),
        Refusal.EXTERNALS_ONE_WAY: translate(
            "RuleTexts", "A salon open to externals cannot be closed to them again."),
        Refusal.KIND_FIXED: translate(
            "RuleTexts", "The kind of this salon cannot be changed."),
        Refusal.DIRECT_TWO_MEMBERS: translate(
            "RuleTexts", "A direct chat is between two people: create a salon to talk with more."),
        Refusal.DIRECT_NO_PROFILE: translate(
            "RuleTexts", "A direct chat has no name, topic or picture of its own."),
        Refusal.EXTERNAL_NOT_INVITABLE: translate(
            "RuleTexts", "External users can only be invited into a salon open to externals."),
        Refusal.EXTERNAL_NO_POWER: translate(
            "RuleTexts", "An external user cannot be given more rights than a member."),
        Refusal.PUBLISH_FORUMS_ONLY: translate(
            "RuleTexts", "Only a forum can be listed in the directory of public salons."),
        Refusal.ENCRYPTION_PERMANENT: translate(
            "RuleTexts", "Once turned on, encryption cannot be turned off."),
        Refusal.FORUM_NEVER_ENCRYPTED: translate(
            "RuleTexts", "A forum is not encrypted: every public servant can read it."),
        Refusal.EXTERNAL_CANNOT_CREATE: translate(
            "RuleTexts", "External users cannot create salons."),
        Refusal.EXTERNALS_NO_DIRECT_CHAT: translate(
            "RuleTexts", "Two external users cannot start a direct chat."),
    }  # fmt: skip
    return texts[refusal]


def kind_name(kind: RoomKind) -> str:
    """The kind's name, as the room header and the tooltips say it."""
    names = {
        RoomKind.PRIVATE: translate("RuleTexts", "Private salon"),
        RoomKind.EXTERNALS: translate("RuleTexts", "Private salon open to externals"),
        RoomKind.FORUM: translate("RuleTexts", "Forum"),
        RoomKind.DIRECT: translate("RuleTexts", "Direct chat"),
        RoomKind.UNENCRYPTED: translate("RuleTexts", "Unencrypted salon"),
    }
    return names[kind]


def kind_description(kind: RoomKind) -> str:
    """What the kind means for who can read and join (the tooltip and the creation dialog)."""
    texts = {
        RoomKind.PRIVATE: translate(
            "RuleTexts", "Encrypted. Only the public servants you invite can join."),
        RoomKind.EXTERNALS: translate(
            "RuleTexts", "Encrypted. You can also invite external partners."),
        RoomKind.FORUM: translate(
            "RuleTexts", "Not encrypted. Every public servant in France can find it, join it "
            "and read it."),
        RoomKind.DIRECT: translate("RuleTexts", "Encrypted. Between two people."),
        RoomKind.UNENCRYPTED: translate(
            "RuleTexts", "Not encrypted. Only invited people can join."),
    }  # fmt: skip
    return texts[kind]
