"""Reading account data: a room's tags and "marked unread" flag, the rooms push rules mute.

Pure functions on the JSON the server sends (anything malformed reads as "nothing set").
"""

from __future__ import annotations

import logging

log = logging.getLogger("tchap.sync")

TAG = "m.tag"
MARKED_UNREAD = "m.marked_unread"
MARKED_UNREAD_UNSTABLE = "com.famedly.marked_unread"  # MSC2867, still written by some clients
PUSH_RULES = "m.push_rules"


def room_tags(content: object) -> dict[str, dict]:
    """m.tag content → {tag: its content (e.g. {"order": 0.5})}."""
    tags = content.get("tags") if isinstance(content, dict) else None
    if not isinstance(tags, dict):
        if content:
            log.warning("m.tag without a tags object: read as no tags")
        return {}
    return {
        tag: value if isinstance(value, dict) else {}
        for tag, value in tags.items()
        if isinstance(tag, str) and tag
    }


def marked_unread(events: list[dict]) -> bool | None:
    """The flag from a batch of room account data (None: the batch does not set it).

    The stable type wins over the unstable one when both are in the batch.
    """
    found: dict[str, bool] = {}
    for ev in events:
        etype = ev.get("type")
        if etype in (MARKED_UNREAD, MARKED_UNREAD_UNSTABLE):
            content = ev.get("content")
            found[etype] = isinstance(content, dict) and content.get("unread") is True
    if MARKED_UNREAD in found:
        return found[MARKED_UNREAD]
    return found.get(MARKED_UNREAD_UNSTABLE)


def _silences(actions: object) -> bool:
    """A rule's actions say "do not notify": none at all, or the legacy dont_notify."""
    if not isinstance(actions, list):
        return False
    return not actions or all(a == "dont_notify" for a in actions)


def _room_of(rule: dict) -> str | None:
    """The room an override rule is about, when it is only "room_id is X"."""
    conditions = rule.get("conditions")
    if not isinstance(conditions, list) or len(conditions) != 1:
        return None
    cond = conditions[0]
    if (
        isinstance(cond, dict)
        and cond.get("kind") == "event_match"
        and cond.get("key") == "room_id"
        and isinstance(cond.get("pattern"), str)
    ):
        return cond["pattern"]
    return None


def muted_rooms(content: object) -> set[str]:
    """Rooms an account's push rules silence: an enabled room rule, or an override rule on
    the room id alone, whose actions are empty or dont_notify (how Element mutes a room)."""
    rules = content.get("global") if isinstance(content, dict) else None
    if not isinstance(rules, dict):
        return set()
    muted: set[str] = set()
    for kind in ("override", "room"):
        for rule in rules.get(kind) or []:
            if not isinstance(rule, dict) or rule.get("enabled", True) is False:
                continue
            room = rule.get("rule_id") if kind == "room" else _room_of(rule)
            if isinstance(room, str) and room.startswith("!") and _silences(rule.get("actions")):
                muted.add(room)
    return muted
