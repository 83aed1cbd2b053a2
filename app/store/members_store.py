"""Room members in the cache: who they are (name, avatar), for completion, typing and receipts.

Database thread only; every function takes the connection first. Members come from the
room's m.room.member state: the sync brings those who spoke (lazy loading), and
`add_joined` fills in the rest from /joined_members when the composer needs them all.
"""

from __future__ import annotations

import json
from typing import Any

from app.core.members import Member
from app.core.rooms import localpart
from app.store.rows import Transaction, put_state


def _member(user_id: str, content: dict) -> Member:
    name = content.get("displayname")
    avatar = content.get("avatar_url")
    return Member(
        user_id,
        name.strip() if isinstance(name, str) and name.strip() else localpart(user_id),
        avatar if isinstance(avatar, str) and avatar.startswith("mxc://") else None,
    )


def member(conn: Any, room_id: str, user_id: str) -> Member:
    """One member as the room knows them (their localpart when the cache has no name)."""
    row = conn.execute(
        "SELECT content FROM state WHERE room_id = ? AND type = 'm.room.member' AND state_key = ?",
        (room_id, user_id),
    ).fetchone()
    content = json.loads(row[0]) if row else {}
    return _member(user_id, content if isinstance(content, dict) else {})


def joined_members(conn: Any, room_id: str, own: str) -> list[Member]:
    """The room's joined members but us, by name."""
    rows = conn.execute(
        "SELECT state_key, content FROM state WHERE room_id = ? AND type = 'm.room.member'",
        (room_id,),
    ).fetchall()
    found = []
    for user_id, text in rows:
        content = json.loads(text)
        if user_id != own and isinstance(content, dict) and content.get("membership") == "join":
            found.append(_member(user_id, content))
    return sorted(found, key=lambda m: (m.name.casefold(), m.user_id))


def add_joined(conn: Any, room_id: str, joined: dict) -> int:
    """Record /joined_members' answer where the cache knows nothing of a member; the count added."""
    added = 0
    with Transaction(conn):
        for user_id, profile in joined.items():
            if not isinstance(user_id, str) or not isinstance(profile, dict):
                continue
            content: dict = {"membership": "join"}
            if isinstance(profile.get("display_name"), str):
                content["displayname"] = profile["display_name"]
            if isinstance(profile.get("avatar_url"), str):
                content["avatar_url"] = profile["avatar_url"]
            ev = {"type": "m.room.member", "state_key": user_id, "content": content}
            before = conn.total_changes
            put_state(conn, room_id, ev, keep_existing=True)
            added += conn.total_changes - before
    return added
