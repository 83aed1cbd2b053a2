"""Room changes as sentences (joins, kicks with reasons, power, Tchap access rules...).

The core says what changed (`app.core.state_events`); this module words it in the user's
language. Names and values come from other people: each is isolated (U+2068…U+2069) so
that right-to-left text in a name cannot reorder the sentence around it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication

from app.core.display_names import split_display_name
from app.core.state_events import StateChange
from app.core.types import ItemKind, TimelineItem

translate = QCoreApplication.translate  # lupdate reads translate("StateTexts", "...")
ADMIN, MODERATOR = 100, 50


def isolate(text: str) -> str:
    """A name or value set apart from the sentence's direction (first strong isolate)."""
    return f"\u2068{text}\u2069"


def person(display_name: str) -> str:
    """The name of a person without the "[Organisation]" Tchap appends to it."""
    return split_display_name(display_name).name or display_name


def state_text(item: TimelineItem) -> str:
    """The centred grey line of a membership or room-state row."""
    detail = item.state_detail or {}
    try:
        what = StateChange(detail.get("what", ""))
    except ValueError:
        what = None
    # A person, not their organisation: "Camille Martin [Intérieur]" joins as Camille Martin
    # (the organisation is shown beside their messages).
    sender = isolate(person(item.sender_name or item.sender))
    target = isolate(person(str(detail.get("target") or item.sender_name or item.sender)))
    value = isolate(str(detail.get("value") or ""))
    reason = str(detail.get("reason") or "")
    text = _member_text(what, sender, target, value) or _room_text(what, sender, detail, value)
    if text is None:
        text = translate("StateTexts", "{sender} changed the room settings").format(sender=sender)
    if reason and what in (StateChange.KICKED, StateChange.BANNED, StateChange.LEFT,
                           StateChange.INVITED, StateChange.UNBANNED):  # fmt: skip
        text = translate("StateTexts", "{sentence} (reason: {reason})").format(
            sentence=text, reason=isolate(reason)
        )
    return text


def _member_text(what: StateChange | None, sender: str, target: str, value: str) -> str | None:
    match what:
        case StateChange.JOINED:
            return translate("StateTexts", "{target} joined the room").format(target=target)
        case StateChange.LEFT:
            return translate("StateTexts", "{target} left the room").format(target=target)
        case StateChange.INVITED:
            return translate("StateTexts", "{sender} invited {target}").format(
                sender=sender, target=target
            )
        case StateChange.KICKED:
            return translate("StateTexts", "{sender} removed {target} from the room").format(
                sender=sender, target=target
            )
        case StateChange.BANNED:
            return translate("StateTexts", "{sender} banned {target}").format(
                sender=sender, target=target
            )
        case StateChange.UNBANNED:
            return translate("StateTexts", "{sender} lifted the ban on {target}").format(
                sender=sender, target=target
            )
        case StateChange.DECLINED:
            return translate("StateTexts", "{target} declined the invitation").format(target=target)
        case StateChange.INVITE_WITHDRAWN:
            return translate("StateTexts", "{sender} withdrew the invitation of {target}").format(
                sender=sender, target=target
            )
        case StateChange.KNOCKED:
            return translate("StateTexts", "{target} asked to join the room").format(target=target)
        case StateChange.DISPLAY_NAME_CHANGED:
            return translate("StateTexts", "{target} is now called {value}").format(
                target=target, value=value
            )
        case StateChange.DISPLAY_NAME_SET:
            return translate("StateTexts", "{target} chose the name {value}").format(
                target=target, value=value
            )
        case StateChange.DISPLAY_NAME_REMOVED:
            return translate("StateTexts", "{target} removed their name").format(target=target)
        case StateChange.AVATAR_CHANGED:
            return translate("StateTexts", "{target} changed their picture").format(target=target)
    return None


def _room_text(what: StateChange | None, sender: str, detail: dict, value: str) -> str | None:
    raw_value = str(detail.get("value") or "")
    match what:
        case StateChange.CREATED:
            return translate("StateTexts", "{sender} created the room").format(sender=sender)
        case StateChange.NAME_CHANGED:
            if not raw_value:
                return translate("StateTexts", "{sender} removed the room name").format(
                    sender=sender
                )
            return translate("StateTexts", "{sender} renamed the room “{value}”").format(
                sender=sender, value=value
            )
        case StateChange.TOPIC_CHANGED:
            if not raw_value:
                return translate("StateTexts", "{sender} removed the topic").format(sender=sender)
            return translate("StateTexts", "{sender} changed the topic to “{value}”").format(
                sender=sender, value=value
            )
        case StateChange.ROOM_AVATAR_CHANGED:
            if not raw_value:
                return translate("StateTexts", "{sender} removed the room picture").format(
                    sender=sender
                )
            return translate("StateTexts", "{sender} changed the room picture").format(
                sender=sender
            )
        case StateChange.ENCRYPTION_ENABLED:
            return translate("StateTexts", "{sender} turned on end-to-end encryption").format(
                sender=sender
            )
        case StateChange.POWER_CHANGED:
            return _power_text(sender, detail.get("changes"))
        case StateChange.JOIN_RULE:
            return _rule_text(sender, raw_value, _join_rules())
        case StateChange.ACCESS_RULE:
            return _rule_text(sender, raw_value, _access_rules())
        case StateChange.HISTORY_VISIBILITY:
            return _rule_text(sender, raw_value, _visibilities())
        case StateChange.TOMBSTONE:
            return translate("StateTexts", "{sender} replaced this room with a new one").format(
                sender=sender
            )
    return None


def _rule_text(sender: str, value: str, sentences: dict[str, str]) -> str:
    return sentences.get(value, sentences["other"]).format(sender=sender)


def _join_rules() -> dict[str, str]:
    return {
        "public": translate("StateTexts", "{sender} allowed anyone to join the room"),
        "invite": translate("StateTexts", "{sender} made the room invitation-only"),
        "knock": translate("StateTexts", "{sender} allowed people to ask to join the room"),
        "restricted": translate("StateTexts", "{sender} allowed members of other rooms to join"),
        "other": translate("StateTexts", "{sender} changed who can join the room"),
    }


def _access_rules() -> dict[str, str]:
    return {
        "unrestricted": translate("StateTexts", "{sender} opened the room to external users"),
        "restricted": translate("StateTexts", "{sender} reserved the room for state agents"),
        "direct": translate("StateTexts", "{sender} set up the room as a direct chat"),
        "other": translate("StateTexts", "{sender} changed the room's access rule"),
    }


def _visibilities() -> dict[str, str]:
    return {
        "shared": translate("StateTexts", "{sender} made the history visible to all members"),
        "invited": translate(
            "StateTexts", "{sender} made the history visible to members from their invitation"
        ),
        "joined": translate(
            "StateTexts", "{sender} made the history visible to members from their arrival"
        ),
        "world_readable": translate("StateTexts", "{sender} made the history visible to anyone"),
        "other": translate("StateTexts", "{sender} changed who can read the history"),
    }


def _power_text(sender: str, changes: object) -> str:
    if not isinstance(changes, list) or not changes:
        return translate("StateTexts", "{sender} changed the room's permissions").format(
            sender=sender
        )
    parts = []
    for change in changes[:5]:
        if not isinstance(change, dict):
            continue
        target = isolate(person(str(change.get("target", ""))))
        old, new = change.get("old"), change.get("new")
        if not isinstance(old, int) or not isinstance(new, int):
            continue
        if new >= ADMIN:
            text = translate("StateTexts", "{sender} made {target} an administrator")
        elif new >= MODERATOR:
            text = translate("StateTexts", "{sender} made {target} a moderator")
        elif old >= ADMIN:
            text = translate("StateTexts", "{sender} removed {target}'s administrator rights")
        elif old >= MODERATOR:
            text = translate("StateTexts", "{sender} removed {target}'s moderator rights")
        else:
            text = translate("StateTexts", "{sender} set {target}'s power level to {level}")
        parts.append(text.format(sender=sender, target=target, level=new))
    if not parts:
        return translate("StateTexts", "{sender} changed the room's permissions").format(
            sender=sender
        )
    return "; ".join(parts)


def unsupported_text(item: TimelineItem) -> str:
    """The discreet line of an event this client cannot show."""
    if item.msgtype:
        return translate("StateTexts", "Unsupported event ({type})").format(
            type=isolate(item.msgtype[:80])
        )
    return translate("StateTexts", "Unsupported event")


# What a folded run of membership changes says: one clause per kind of change.
_RUN_GROUPS = {
    StateChange.JOINED: "joined",
    StateChange.LEFT: "left",
    StateChange.INVITED: "invited",
    StateChange.KICKED: "removed",
    StateChange.BANNED: "removed",
    StateChange.DISPLAY_NAME_CHANGED: "profile",
    StateChange.DISPLAY_NAME_SET: "profile",
    StateChange.DISPLAY_NAME_REMOVED: "profile",
    StateChange.AVATAR_CHANGED: "profile",
}


def run_text(items: Iterable[TimelineItem]) -> str:
    """ "5 people joined, 2 left": a run of membership changes, counted per person."""
    people: dict[str, set[str]] = {}
    for item in items:
        detail = item.state_detail or {}
        try:
            group = _RUN_GROUPS.get(StateChange(detail.get("what", "")), "other")
        except ValueError:
            group = "other"
        who = str(detail.get("target_id") or detail.get("target") or item.key)
        people.setdefault(group, set()).add(who if group != "other" else item.key)
    counts = Counter({group: len(who) for group, who in people.items()})
    clauses = {
        "joined": lambda n: translate("StateTexts", "%n person(s) joined", None, n),
        "left": lambda n: translate("StateTexts", "%n person(s) left", None, n),
        "invited": lambda n: translate("StateTexts", "%n person(s) invited", None, n),
        "removed": lambda n: translate("StateTexts", "%n person(s) removed", None, n),
        "profile": lambda n: translate(
            "StateTexts", "%n person(s) changed their name or picture", None, n
        ),
        "other": lambda n: translate("StateTexts", "%n other change(s)", None, n),
    }
    return ", ".join(clauses[g](counts[g]) for g in clauses if counts[g])


def row_text(item: TimelineItem) -> str:
    """The sentence of a discreet row: a state change or an unsupported event."""
    if item.kind is ItemKind.UNKNOWN:
        return unsupported_text(item)
    return state_text(item)
