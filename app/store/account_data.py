"""Account data into the cache (database thread): room tags, "marked unread", muted rooms.

Room account data (m.tag, m.marked_unread) lives in each room's facts; the account's push
rules are read down to the set of rooms they mute, kept in the meta table so that a room
joined later knows it too. Our own changes are written here first (shown at once), then
sent to the server through the outbox; the sync echoes them back later.
"""

from __future__ import annotations

import json
from typing import Any

from app.core import account_data as ad
from app.core.rooms import FAVOURITE, LOW_PRIORITY, RoomFacts
from app.core.types import RoomSummary
from app.store.cache import get_meta, set_meta
from app.store.rows import SyncDiff, Transaction, load_facts, save_room

MUTED_KEY = "muted_rooms"


def _events(container: object) -> list[dict]:
    events = container.get("events") if isinstance(container, dict) else None
    return [ev for ev in events or [] if isinstance(ev, dict)]


def muted_from_sync(conn: Any, data: dict) -> set[str] | None:
    """The muted rooms if this sync brings the push rules (then remembered), else None."""
    for ev in _events(data.get("account_data")):
        if ev.get("type") == ad.PUSH_RULES:
            muted = ad.muted_rooms(ev.get("content"))
            set_meta(conn, MUTED_KEY, json.dumps(sorted(muted)))
            return muted
    return None


def known_muted(conn: Any) -> set[str]:
    """The muted rooms as last read from the push rules."""
    return set(json.loads(get_meta(conn, MUTED_KEY) or "[]"))


def apply_room(facts: RoomFacts, info: dict) -> None:
    """Take a joined room's account data of this sync (tags, marked unread) into its facts."""
    events = _events(info.get("account_data"))
    for ev in events:
        if ev.get("type") == ad.TAG:
            facts.tags = ad.room_tags(ev.get("content"))
    flag = ad.marked_unread(events)
    if flag is not None:
        facts.marked_unread = flag


def refresh_muted(conn: Any, muted: set[str], own: str, diff: SyncDiff) -> None:
    """After the push rules changed: every room whose muted flag differs is saved again."""
    for (room_id,) in conn.execute("SELECT room_id FROM rooms").fetchall():
        facts = load_facts(conn, room_id)
        if facts is not None and facts.muted != (room_id in muted):
            facts.muted = room_id in muted
            diff.rooms[room_id] = save_room(conn, facts, own)


# -- our own changes, shown before the server has them ---------------------------------------


def set_tag(conn: Any, room_id: str, tag: str, on: bool, own: str) -> RoomSummary | None:
    """Add or remove a tag; favourite and low priority exclude each other (as in Element).

    Returns the room's new summary, or None if the room is not in the cache.
    """
    with Transaction(conn):
        facts = load_facts(conn, room_id)
        if facts is None:
            return None
        if on:
            facts.tags[tag] = facts.tags.get(tag, {})
            other = {FAVOURITE: LOW_PRIORITY, LOW_PRIORITY: FAVOURITE}.get(tag)
            if other:
                facts.tags.pop(other, None)
        else:
            facts.tags.pop(tag, None)
        return save_room(conn, facts, own)


def clear_marked_unread(conn: Any, room_id: str, own: str) -> RoomSummary | None:
    """Clear the flag if it is set; the new summary, or None when there was nothing to do."""
    facts = load_facts(conn, room_id)
    marked = facts is not None and facts.marked_unread
    return set_marked_unread(conn, room_id, False, own) if marked else None


def set_marked_unread(conn: Any, room_id: str, unread: bool, own: str) -> RoomSummary | None:
    """Set or clear a room's "marked unread" flag; None if the room is not cached."""
    with Transaction(conn):
        facts = load_facts(conn, room_id)
        if facts is None:
            return None
        facts.marked_unread = unread
        return save_room(conn, facts, own)
