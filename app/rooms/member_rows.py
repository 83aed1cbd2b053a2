"""A room's members read from the cache's state table (database thread only).

Who is joined, invited or banned (m.room.member), the pending email invitations
(m.room.third_party_invite: a token, and the address as the inviter's server masked it),
and each one's level from m.room.power_levels. Hostile state (a membership that is not a
string, a name that is not text, an avatar that is no mxc:// URI) is read as absent.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from enum import Enum
from typing import Any

from app.core.display_names import split_display_name
from app.core.rooms import localpart
from app.rooms.power_levels import POWER_LEVELS_TYPE, PowerLevels, Role, role_of
from app.store.rows import Transaction, put_state


class MemberState(Enum):
    """Where a member stands, in the panel's order of sections."""

    JOINED = "join"
    INVITED = "invite"
    EMAIL_INVITED = "email"  # a pending invitation by email (no account yet)
    BANNED = "ban"


_SHOWN = {"join": MemberState.JOINED, "invite": MemberState.INVITED, "ban": MemberState.BANNED}


@dataclass(frozen=True)
class RoomMember:
    """One line of the members panel (plain data: the UI words it)."""

    user_id: str  # an email invitation: "3pid:" + its token
    name: str  # the person, without the organisation
    organisation: str  # "" when the name has none
    avatar_url: str | None
    state: MemberState
    level: int
    role: Role
    external: bool = False

    @property
    def display_name(self) -> str:
        """The name as the server set it ("First Last [Org]")."""
        return f"{self.name} [{self.organisation}]" if self.organisation else self.name


def _text(value: object) -> str:
    return " ".join(value.split()) if isinstance(value, str) else ""


def read_levels(conn: Any, room_id: str, creators: tuple[str, ...] = ()) -> PowerLevels:
    """The room's m.room.power_levels (the spec's defaults when the cache has none);
    `creators`: a version 12 room's creators (above every level)."""
    rows = conn.execute(
        "SELECT type, content FROM state WHERE room_id = ? AND state_key = '' AND type IN "
        "('m.room.power_levels', 'm.room.create')",
        (room_id,),
    ).fetchall()
    found = {event_type: _json(text) for event_type, text in rows}
    create = found.get("m.room.create")
    creator = _text(create.get("creator")) if isinstance(create, dict) else ""
    return PowerLevels.parse(found.get(POWER_LEVELS_TYPE), creator, creators)


def _json(text: str) -> object:
    try:
        return json.loads(text)
    except ValueError:
        return None


def read_members(conn: Any, room_id: str, creators: tuple[str, ...] = ()) -> list[RoomMember]:
    """Every joined, invited and banned member and the email invitations, in the cache's
    order, each with their level."""
    rows = conn.execute(
        "SELECT type, state_key, content FROM state WHERE room_id = ? AND type IN "
        "('m.room.member', 'm.room.third_party_invite', 'm.room.power_levels', 'm.room.create')",
        (room_id,),
    ).fetchall()
    power: object = None
    creator = ""
    found: list[tuple[str, str, dict]] = []
    for event_type, key, text in rows:
        try:
            content = json.loads(text)
        except ValueError:
            continue
        if not isinstance(content, dict):
            continue
        if event_type == POWER_LEVELS_TYPE and key == "":
            power = content
        elif event_type == "m.room.create" and key == "":
            creator = _text(content.get("creator"))
        else:
            found.append((event_type, key, content))
    levels = PowerLevels.parse(power, creator, creators)
    members = []
    for event_type, key, content in found:
        if event_type == "m.room.third_party_invite":
            name = _text(content.get("display_name")) or "…"
            if key:
                members.append(RoomMember(f"3pid:{key}", name, "", None,
                                          MemberState.EMAIL_INVITED, 0, Role.MEMBER))  # fmt: skip
            continue
        state = _SHOWN.get(content.get("membership"))  # type: ignore[arg-type]
        if state is None or not key.startswith("@"):
            continue
        person = split_display_name(_text(content.get("displayname")) or localpart(key))
        avatar = content.get("avatar_url")
        level = levels.user_level(key)
        members.append(RoomMember(
            key, person.name, person.organisation,
            avatar if isinstance(avatar, str) and avatar.startswith("mxc://") else None,
            state, level, role_of(level),
        ))  # fmt: skip
    joined_ids = {m.user_id for m in members if m.state is not MemberState.EMAIL_INVITED}
    # An email invitation someone accepted is a member now: its token is on their event.
    tokens = _accepted_tokens(found, joined_ids)
    members = [m for m in members if m.user_id.removeprefix("3pid:") not in tokens]
    return members


def _accepted_tokens(found: list[tuple[str, str, dict]], members: set[str]) -> set[str]:
    tokens = set()
    for event_type, key, content in found:
        if event_type != "m.room.member" or key not in members:
            continue
        invite = content.get("third_party_invite")
        signed = invite.get("signed") if isinstance(invite, dict) else None
        token = signed.get("token") if isinstance(signed, dict) else None
        if isinstance(token, str):
            tokens.add(token)
    return tokens


def add_members(conn: Any, room_id: str, chunk: object) -> int:
    """Record /members' events where the cache knows nothing newer; the count added."""
    if not isinstance(chunk, list):
        return 0
    added = 0
    with Transaction(conn):
        for event in chunk:
            if isinstance(event, dict) and event.get("type") == "m.room.member":
                before = conn.total_changes
                put_state(conn, room_id, event, keep_existing=True)
                added += conn.total_changes - before
    return added


PRIVILEGED_CREATORS = ("12", "org.matrix.hydra.11")  # room versions whose creators outrank all


def creators_of(create_event: object) -> tuple[str, ...]:
    """A room's creators from its full m.room.create event, when its version privileges
    them (its sender and `additional_creators`); () otherwise."""
    if not isinstance(create_event, dict):
        return ()
    content = create_event.get("content")
    content = content if isinstance(content, dict) else {}
    if content.get("room_version") not in PRIVILEGED_CREATORS:
        return ()
    found = [create_event.get("sender")]
    extra = content.get("additional_creators")
    found += extra if isinstance(extra, list) else []
    return tuple(u for u in found if isinstance(u, str) and u.startswith("@"))
