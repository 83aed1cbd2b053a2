"""What a room-state event changed, as data the UI words (`ui/state_texts.py`): pure functions.

A state row's `state_detail` is a dict (it is kept as JSON in the cache): `what` is a
`StateChange` value, the other keys depend on it (`target`, `value`, `reason`, `changes`).
Every string in it comes from the event's sender, so each is checked, cut and cleaned.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum

from app.core.formatting import strip_bidi

NameOf = Callable[[str], str]
MAX_VALUE = 500  # a topic or a reason is shown on one line: no more is ever read


class StateChange(str, Enum):
    JOINED = "joined"
    LEFT = "left"
    INVITED = "invited"
    KICKED = "kicked"
    BANNED = "banned"
    UNBANNED = "unbanned"
    DECLINED = "declined"
    INVITE_WITHDRAWN = "invite_withdrawn"
    KNOCKED = "knocked"
    DISPLAY_NAME_CHANGED = "display_name_changed"
    DISPLAY_NAME_SET = "display_name_set"
    DISPLAY_NAME_REMOVED = "display_name_removed"
    AVATAR_CHANGED = "avatar_changed"
    CREATED = "created"
    NAME_CHANGED = "name_changed"
    TOPIC_CHANGED = "topic_changed"
    ROOM_AVATAR_CHANGED = "room_avatar_changed"
    ENCRYPTION_ENABLED = "encryption_enabled"
    POWER_CHANGED = "power_changed"  # changes: [{target, old, new}]; none: other permissions
    JOIN_RULE = "join_rule"  # value: public | invite | knock | restricted | other
    ACCESS_RULE = "access_rule"  # value: restricted | unrestricted | direct | other (Tchap)
    HISTORY_VISIBILITY = "history_visibility"  # value: shared | invited | joined | world_readable
    TOMBSTONE = "tombstone"  # the room was replaced by a newer one


MEMBERSHIP_CHANGES = {
    StateChange.JOINED, StateChange.LEFT, StateChange.INVITED, StateChange.KICKED,
    StateChange.BANNED, StateChange.UNBANNED, StateChange.DECLINED,
    StateChange.INVITE_WITHDRAWN, StateChange.KNOCKED, StateChange.DISPLAY_NAME_CHANGED,
    StateChange.DISPLAY_NAME_SET, StateChange.DISPLAY_NAME_REMOVED, StateChange.AVATAR_CHANGED,
}  # fmt: skip
# Room state a person has no use for in a timeline: kept in the state table, no row.
SILENT_STATE = {
    "m.room.guest_access", "m.room.canonical_alias", "m.room.aliases", "m.room.server_acl",
    "m.room.pinned_events", "m.room.third_party_invite", "m.room.retention",
    "im.vector.modular.widgets", "m.space.child", "m.space.parent", "m.room.related_groups",
    "im.vector.room.read_only", "org.matrix.msc3401.call", "org.matrix.msc3401.call.member",
    "m.call.member",
}  # fmt: skip
JOIN_RULES = {"public", "invite", "knock", "restricted", "knock_restricted", "private"}
ACCESS_RULES = {"restricted", "unrestricted", "direct"}
VISIBILITIES = {"shared", "invited", "joined", "world_readable"}


def text_value(value: object, limit: int = MAX_VALUE) -> str:
    """A string from an event, safe to show on one line; "" when it is not a string."""
    if not isinstance(value, str):
        return ""
    return strip_bidi(" ".join(value[: limit * 2].split()))[:limit]


def _dict(value: object) -> dict:
    return value if isinstance(value, dict) else {}


def membership_detail(ev: dict, name_of: NameOf) -> dict | None:
    """The change an m.room.member event made, or None when there is nothing to show."""
    content = _dict(ev.get("content"))
    prev = _dict(_dict(ev.get("unsigned")).get("prev_content"))
    new, old = content.get("membership"), prev.get("membership")
    target_id = ev.get("state_key") if isinstance(ev.get("state_key"), str) else ""
    sender = ev.get("sender", "")
    now_name = text_value(content.get("displayname"))
    old_name = text_value(prev.get("displayname"))
    target = now_name or old_name or name_of(target_id) or target_id
    before = old_name or name_of(target_id) or target_id
    reason = text_value(content.get("reason"))

    def detail(what: StateChange, who: str, **more: str) -> dict:
        found = {"what": what.value, "target": who, "target_id": target_id, **more}
        if reason:
            found["reason"] = reason
        return found

    if new == "join" and old == "join":
        if now_name != old_name:
            if not old_name:
                return detail(StateChange.DISPLAY_NAME_SET, target_id, value=now_name)
            if not now_name:
                return detail(StateChange.DISPLAY_NAME_REMOVED, old_name)
            return detail(StateChange.DISPLAY_NAME_CHANGED, old_name, value=now_name)
        if content.get("avatar_url") != prev.get("avatar_url"):
            return detail(StateChange.AVATAR_CHANGED, target)
        return None
    if new == "join":
        return detail(StateChange.JOINED, target)
    if new == "invite":
        return detail(StateChange.INVITED, target)
    if new == "knock":
        return detail(StateChange.KNOCKED, target)
    if new == "leave":
        if old == "ban":
            return detail(StateChange.UNBANNED, before)
        if old == "invite":
            what = StateChange.DECLINED if sender == target_id else StateChange.INVITE_WITHDRAWN
            return detail(what, before)
        if sender != target_id:
            return detail(StateChange.KICKED, before)
        return detail(StateChange.LEFT, before)
    if new == "ban":
        return detail(StateChange.BANNED, before)
    return None


def _levels(content: dict) -> dict[str, int]:
    users = _dict(content.get("users"))
    return {
        user: level
        for user, level in users.items()
        if isinstance(user, str) and isinstance(level, int) and not isinstance(level, bool)
    }


def _default_level(content: dict) -> int:
    level = content.get("users_default", 0)
    return level if isinstance(level, int) and not isinstance(level, bool) else 0


def power_detail(ev: dict, name_of: NameOf) -> dict | None:
    """Who got or lost which power level; the room's other permissions as one change."""
    content = _dict(ev.get("content"))
    unsigned = _dict(ev.get("unsigned"))
    if "prev_content" not in unsigned:
        return None  # the room's first levels, set at its creation: nothing changed
    prev = _dict(unsigned.get("prev_content"))
    new_users, old_users = _levels(content), _levels(prev)
    new_default, old_default = _default_level(content), _default_level(prev)
    changes = []
    for user in sorted(set(new_users) | set(old_users))[:20]:
        old = old_users.get(user, old_default)
        new = new_users.get(user, new_default)
        if old != new:
            changes.append({"target": name_of(user) or user, "old": old, "new": new})
    if changes:
        return {"what": StateChange.POWER_CHANGED.value, "changes": changes}
    rest = {k: v for k, v in content.items() if k != "users"}
    prev_rest = {k: v for k, v in prev.items() if k != "users"}
    if rest != prev_rest:
        return {"what": StateChange.POWER_CHANGED.value, "changes": []}
    return None


def _choice(value: object, allowed: set[str]) -> str:
    return value if isinstance(value, str) and value in allowed else "other"


def room_state_detail(ev: dict, name_of: NameOf) -> dict | None:
    """The change a room-state event made, or None when it is not shown; raises nothing."""
    content = _dict(ev.get("content"))
    match ev.get("type"):
        case "m.room.create":
            return {"what": StateChange.CREATED.value}
        case "m.room.name":
            return {
                "what": StateChange.NAME_CHANGED.value,
                "value": text_value(content.get("name")),
            }
        case "m.room.topic":
            topic = text_value(content.get("topic"))
            return {"what": StateChange.TOPIC_CHANGED.value, "value": topic}
        case "m.room.avatar":
            removed = not isinstance(content.get("url"), str) or not content.get("url")
            return {"what": StateChange.ROOM_AVATAR_CHANGED.value, "value": "" if removed else "1"}
        case "m.room.encryption":
            return {"what": StateChange.ENCRYPTION_ENABLED.value}
        case "m.room.power_levels":
            return power_detail(ev, name_of)
        case "m.room.join_rules":
            rule = _choice(content.get("join_rule"), JOIN_RULES)
            return {"what": StateChange.JOIN_RULE.value, "value": rule}
        case "im.vector.room.access_rules":
            rule = _choice(content.get("rule"), ACCESS_RULES)
            return {"what": StateChange.ACCESS_RULE.value, "value": rule}
        case "m.room.history_visibility":
            seen = _choice(content.get("history_visibility"), VISIBILITIES)
            return {"what": StateChange.HISTORY_VISIBILITY.value, "value": seen}
        case "m.room.tombstone":
            return {"what": StateChange.TOMBSTONE.value, "value": text_value(content.get("body"))}
    return None


def is_membership_change(detail: dict) -> bool:
    """Whether a state row is a membership change (those fold into runs)."""
    return detail.get("what") in {c.value for c in MEMBERSHIP_CHANGES}
