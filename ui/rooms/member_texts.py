"""The sentences of the members panel and the rights page: roles, actions, refusals.

Built from the core's enums (`app.rooms.power_levels`, `app.rooms.member_rows`); every
one translated, plural forms through Qt's `%n`.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.core.errors import ActionFailed
from app.rooms.member_rows import MemberState
from app.rooms.power_levels import Action, PowerChangeRefused, PowerRefusal, Role

translate = QCoreApplication.translate  # lupdate reads translate("MemberTexts", "...") calls


def role_name(role: Role, level: int) -> str:
    """A member's role as its badge says it."""
    names = {
        Role.ADMIN: translate("MemberTexts", "Administrator"),
        Role.MODERATOR: translate("MemberTexts", "Moderator"),
        Role.MEMBER: translate("MemberTexts", "Member"),
    }
    return names.get(role) or translate("MemberTexts", "Level {level}").format(level=level)


def role_group(role: Role, level: int) -> str:
    """Who may do an action, as the rights page's choices say it."""
    names = {
        Role.ADMIN: translate("MemberTexts", "Administrators"),
        Role.MODERATOR: translate("MemberTexts", "Moderators and above"),
        Role.MEMBER: translate("MemberTexts", "Every member"),
    }
    return names.get(role) or translate("MemberTexts", "Custom (level {level})").format(level=level)


def state_badge(state: MemberState) -> str:
    """What is said beside a member who is not (or no longer) in the room ("" if joined)."""
    badges = {
        MemberState.JOINED: "",
        MemberState.INVITED: translate("MemberTexts", "Invited"),
        MemberState.EMAIL_INVITED: translate("MemberTexts", "Invited by email"),
        MemberState.BANNED: translate("MemberTexts", "Banned"),
    }
    return badges[state]


def action_name(action: Action) -> str:
    """An action of the rights page, as a line of "who can do what"."""
    names = {
        Action.SEND: translate("MemberTexts", "Send messages"),
        Action.INVITE: translate("MemberTexts", "Invite people"),
        Action.KICK: translate("MemberTexts", "Remove members"),
        Action.BAN: translate("MemberTexts", "Ban members"),
        Action.REDACT: translate("MemberTexts", "Delete other people's messages"),
        Action.NAME: translate("MemberTexts", "Change the salon's name"),
        Action.TOPIC: translate("MemberTexts", "Change the topic"),
        Action.AVATAR: translate("MemberTexts", "Change the salon's picture"),
        Action.HISTORY: translate("MemberTexts", "Change who can read the history"),
        Action.ENCRYPTION: translate("MemberTexts", "Turn on encryption"),
        Action.ACCESS_RULES: translate("MemberTexts", "Open the salon to externals"),
        Action.POWER: translate("MemberTexts", "Change the rights"),
        Action.SETTINGS: translate("MemberTexts", "Change the other settings"),
        Action.NOTIFY: translate("MemberTexts", "Notify the whole salon (@room)"),
    }  # fmt: skip
    return names[action]


def power_refusal_text(refusal: PowerRefusal) -> str:
    """Why a change of rights is not offered or was refused."""
    texts = {
        PowerRefusal.CANNOT_EDIT: translate(
            "MemberTexts", "Your role in this salon does not let you change this."),
        PowerRefusal.ABOVE_OWN: translate(
            "MemberTexts", "You cannot give more rights than your own."),
        PowerRefusal.PEER_OR_HIGHER: translate(
            "MemberTexts", "You cannot change the rights of a member whose role is equal to "
            "or above yours."),
        PowerRefusal.ACTION_ABOVE_OWN: translate(
            "MemberTexts", "Only a member with a higher role can change this."),
        PowerRefusal.INVALID_LEVEL: translate("MemberTexts", "This level is not valid."),
    }  # fmt: skip
    return texts[refusal]


def failure_text(err: ActionFailed) -> str:
    """A refused change of rights, removal or ban, in one sentence."""
    if isinstance(err, PowerChangeRefused):
        return power_refusal_text(err.refusal)
    from ui import texts

    return texts.action_error_text(err)


def members_count(joined: int, invited: int) -> str:
    """The panel's heading line: how many members, how many invited."""
    members = translate("MemberTexts", "%n member(s)", None, joined)
    if not invited:
        return members
    pending = translate("MemberTexts", "%n invited", None, invited)
    return translate("MemberTexts", "{members} · {invited}").format(
        members=members, invited=pending
    )


def exported_text(count: int) -> str:
    """Told once the list is written."""
    return translate("MemberTexts", "%n member(s) exported.", None, count)


def queued_text() -> str:
    """An action kept in the outbox while the server does not answer."""
    return translate("MemberTexts", "The server has not answered yet: this will be done as "
                     "soon as it does.")  # fmt: skip


def export_failed_text() -> str:
    return translate("MemberTexts", "The file could not be written. Choose another folder.")
