"""Small reads and writes of one room in the cache, for the session's actions (database thread)."""

from __future__ import annotations

import json
from typing import Any

from app.core.types import RoomSummary
from app.store.rows import Transaction, delete_room, load_facts, put_state, save_room


def remove_room(conn: Any, room_id: str, left_ms: int) -> None:
    """Drop a room we left or declined; a /sync sent before that must not bring it back."""
    with Transaction(conn):
        delete_room(conn, room_id)
        conn.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (_LEFT + room_id, str(left_ms)))


_LEFT = "left:"


def was_left(conn: Any, room_id: str) -> int | None:
    """When (ms) we left `room_id` from this device; None if we did not, or the server has
    confirmed it since."""
    row = conn.execute("SELECT value FROM meta WHERE key = ?", (_LEFT + room_id,)).fetchone()
    return int(row[0]) if row else None


def forget_left(conn: Any, room_id: str) -> None:
    """The server has seen the leave (or a new invitation came): nothing more to guard."""
    conn.execute("DELETE FROM meta WHERE key = ?", (_LEFT + room_id,))


def inviter_without_profile(conn: Any, room_id: str, own: str) -> str | None:
    """The inviter of an invitation whose member state we lack (Synapse does not send it)."""
    row = conn.execute(
        "SELECT content FROM state WHERE room_id = ? AND type = 'm.room.member' AND state_key = ?",
        (room_id, own),
    ).fetchone()
    sender = json.loads(row[0]).get("__sender") if row else None
    if not isinstance(sender, str):
        return None
    known = conn.execute(
        "SELECT 1 FROM state WHERE room_id = ? AND type = 'm.room.member' AND state_key = ?",
        (room_id, sender),
    ).fetchone()
    return None if known else sender


def add_profile(
    conn: Any, room_id: str, user_id: str, profile: dict, own: str
) -> RoomSummary | None:
    """Record a user's public profile as their member state when the room has none."""
    content = {"membership": "join"}
    if isinstance(profile.get("displayname"), str):
        content["displayname"] = profile["displayname"]
    with Transaction(conn):
        put_state(conn, room_id, {"type": "m.room.member", "state_key": user_id,
                                   "content": content}, keep_existing=True)  # fmt: skip
        facts = load_facts(conn, room_id)
        return save_room(conn, facts, own) if facts is not None else None


def record_state(conn: Any, room_id: str, events: list[dict], own: str = "") -> RoomSummary | None:
    """Store state events learnt outside a sync (e.g. what we asked for in createRoom).

    Returns the room's new summary when the room is already in the cache, else None.
    """
    with Transaction(conn):
        for ev in events:
            put_state(conn, room_id, ev)
        facts = load_facts(conn, room_id)
        return save_room(conn, facts, own) if facts is not None and own else None


def is_encrypted(conn: Any, room_id: str) -> bool:
    """Whether the cache knows the room to be encrypted (once encrypted, always)."""
    row = conn.execute(
        "SELECT 1 FROM state WHERE room_id = ? AND type = 'm.room.encryption'", (room_id,)
    ).fetchone()
    return row is not None


def encrypted_room_ids(conn: Any) -> set[str]:
    """Every room the cache knows to be encrypted."""
    rows = conn.execute("SELECT room_id FROM state WHERE type = 'm.room.encryption'").fetchall()
    return {row[0] for row in rows}


def invite_info(conn: Any, room_id: str, own: str) -> tuple[bool, str | None]:
    """(is it a direct-chat invitation, who invited us) from the invite's stripped state."""
    row = conn.execute(
        "SELECT content FROM state WHERE room_id = ? AND type = 'm.room.member' AND state_key = ?",
        (room_id, own),
    ).fetchone()
    content = json.loads(row[0]) if row else {}
    sender = content.get("__sender")
    return bool(content.get("is_direct")), sender if isinstance(sender, str) else None
