"""Room summaries: the room list's rows, computed from cached state. Pure functions."""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from app.core.formatting import plain_preview
from app.core.types import ItemKind, Membership, RoomSummary, TimelineItem
from app.rooms.kinds import kind_of

State = dict[tuple[str, str], dict]  # (type, state_key) -> content
FAVOURITE = "m.favourite"
LOW_PRIORITY = "m.lowpriority"


def member_name(state: State, user_id: str) -> str:
    """A member's display name from the room state, or the user id's localpart."""
    content = state.get(("m.room.member", user_id)) or {}
    name = content.get("displayname")
    if isinstance(name, str) and name.strip():
        return name.strip()
    return localpart(user_id)


def localpart(user_id: str) -> str:
    """`@jean.martin:server` → `jean.martin` (what a person recognises)."""
    if user_id.startswith("@") and ":" in user_id:
        return user_id[1:].split(":", 1)[0]
    return user_id


@dataclass
class RoomFacts:
    """Everything a summary is computed from, as kept in the cache's rooms table."""

    room_id: str
    membership: Membership
    is_direct: bool = False
    direct_user: str = ""  # the other person of a direct chat, from m.direct
    heroes: list[str] = field(default_factory=list)
    joined_count: int = 0
    invited_count: int = 0
    unread_count: int = 0
    highlight_count: int = 0
    # From the room's account data (m.tag, m.marked_unread) and the account's push rules:
    tags: dict[str, dict] = field(default_factory=dict)  # tag -> its content (order)
    marked_unread: bool = False
    muted: bool = False


MAX_MEMBER_NAMES = 20  # members' names kept in a summary for the filter (bounded: big rooms)


def _text(value: object) -> str:
    return value.strip() if isinstance(value, str) else ""


@dataclass(frozen=True)
class RoomName:
    """What the room list calls a room. Without a name or alias, the parts of the spec's
    sentence ("Alice, Bob and 3 others", "Empty room (was Alice)"), which the UI words."""

    name: str  # the name, the alias, or the heroes' names joined with ", " (or "")
    is_fallback: bool = False
    heroes: tuple[str, ...] = ()  # display names, sorted
    others: int = 0  # members beyond the heroes
    is_empty: bool = False  # nobody but us (heroes, if any, are who left)


def _other_members(state: State, own_user_id: str) -> list[str]:
    return [
        key
        for (etype, key), content in state.items()
        if etype == "m.room.member"
        and key != own_user_id
        and content.get("membership") in ("join", "invite")
    ]


def display_name(facts: RoomFacts, state: State, own_user_id: str) -> RoomName:
    """The spec's room name algorithm: name, canonical alias, then heroes (or members)."""
    name = _text((state.get(("m.room.name", "")) or {}).get("name"))
    if name:
        return RoomName(name)
    alias = _text((state.get(("m.room.canonical_alias", "")) or {}).get("alias"))
    if alias:
        return RoomName(alias)
    heroes = [h for h in facts.heroes if h != own_user_id]
    members = _other_members(state, own_user_id)
    if not heroes:
        # No summary (e.g. an invitation): the members we know of, minus ourselves.
        heroes = sorted(members)[:5]
    if not heroes and facts.direct_user:
        heroes = [facts.direct_user]  # a new direct chat, before the invite is synced
    names = tuple(sorted(member_name(state, h) for h in heroes))
    counted = facts.joined_count + facts.invited_count
    if counted:  # the server's summary counts everyone, us included
        others = max(0, counted - 1 - len(heroes))
        is_empty = counted <= 1
    else:  # no counts (an invitation): what the state shows
        others = max(0, len(members) - len(heroes))
        is_empty = False
    return RoomName(", ".join(names), True, names, others, is_empty)


def member_names(state: State, own_user_id: str, limit: int = MAX_MEMBER_NAMES) -> tuple[str, ...]:
    """Names of (up to `limit`) members we know of, for finding a room by who is in it."""
    return tuple(sorted(member_name(state, m) for m in _other_members(state, own_user_id))[:limit])


def compute_summary(
    facts: RoomFacts, state: State, own_user_id: str, last: TimelineItem | None
) -> RoomSummary:
    """Build the room list row of one room."""
    room_name = display_name(facts, state, own_user_id)
    name, fallback = room_name.name, room_name.is_fallback
    own = state.get(("m.room.member", own_user_id)) or {}
    inviter = ""
    is_direct = facts.is_direct
    direct_user_id = facts.direct_user if is_direct else ""
    if facts.membership is Membership.INVITE:
        sender = own.get("__sender")
        inviter = member_name(state, sender) if isinstance(sender, str) else ""
        is_direct = is_direct or bool(own.get("is_direct"))
        if is_direct and not direct_user_id and isinstance(sender, str):
            direct_user_id = sender
        if fallback and not name and inviter:
            name = inviter
    avatar = (state.get(("m.room.avatar", "")) or {}).get("url")
    last_body, last_sender, last_ts = "", "", 0
    if last is not None:
        last_ts = last.ts
        last_sender = last.sender_name
        if last.kind is ItemKind.UNDECRYPTABLE:
            last_body = ""  # the UI says "encrypted message" in the user's language
        else:
            last_body = plain_preview(last.body)
    return RoomSummary(
        room_id=facts.room_id,
        name=name,
        is_direct=is_direct,
        is_encrypted=("m.room.encryption", "") in state,
        membership=facts.membership,
        avatar_url=avatar if isinstance(avatar, str) and avatar.startswith("mxc://") else None,
        topic=_text((state.get(("m.room.topic", "")) or {}).get("topic")),
        last_sender=last_sender,
        last_body=last_body,
        last_ts=last_ts,
        unread_count=facts.unread_count,
        highlight_count=facts.highlight_count,
        inviter=inviter,
        member_count=facts.joined_count,
        name_is_fallback=fallback,
        last_undecryptable=last is not None and last.kind is ItemKind.UNDECRYPTABLE,
        hero_names=room_name.heroes,
        other_members=room_name.others,
        is_empty=room_name.is_empty and not inviter,
        member_names=member_names(state, own_user_id),
        is_favourite=FAVOURITE in facts.tags,
        favourite_order=tag_order(facts.tags.get(FAVOURITE)),
        is_low_priority=LOW_PRIORITY in facts.tags and FAVOURITE not in facts.tags,
        is_muted=facts.muted,
        is_public=_text((state.get(("m.room.join_rules", "")) or {}).get("join_rule")) == "public",
        marked_unread=facts.marked_unread,
        direct_user_id=direct_user_id,
        kind=kind_of(state, is_direct).value,
    )


def tag_order(tag: dict | None) -> float | None:
    """A tag's `order` when it is a usable number (the spec: 0 to 1; anything else from
    another client is read as no order rather than trusted)."""
    order = tag.get("order") if isinstance(tag, dict) else None
    if isinstance(order, bool) or not isinstance(order, int | float):
        return None
    return float(order) if math.isfinite(order) else None
