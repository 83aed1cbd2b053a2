"""Account data into the cache (database thread): room tags, "marked unread", muted rooms.

Room account data (m.tag, m.marked_unread) lives in each room's facts; the account's push
rules are read down to the set of rooms they mute, kept in the meta table so that a room
joined later knows it too. Our own changes are written here first (shown at once), then
sent to the server through the outbox; the sync echoes them back later.
"""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import unquote

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


def apply_room(facts: RoomFacts, info: dict, pending: frozenset[str] = frozenset()) -> None:
    """Take a joined room's account data of this sync (tags, marked unread) into its facts,
    but for the types the user changed and the outbox has not sent yet (`pending`): a sync
    echoing the state before that change must not undo it on screen."""
    events = [ev for ev in _events(info.get("account_data")) if ev.get("type") not in pending]
    for ev in events:
        if ev.get("type") == ad.TAG:
            facts.tags = ad.room_tags(ev.get("content"))
    flag = ad.marked_unread(events)
    if flag is not None:
        facts.marked_unread = flag


def pending_types(conn: Any) -> dict[str, frozenset[str]]:
    """Per room, the account-data types with a change of ours still in the outbox.

    Read once per sync (one query over the outbox's requests), not once per joined room.
    """
    found: dict[str, set[str]] = {}
    for (content,) in conn.execute(
        "SELECT content FROM outbox WHERE op = 'request' AND state = 'sending'"
    ):
        api_path = str(json.loads(content).get("path", ""))
        _, sep, after = api_path.partition("/rooms/")
        room, sep2, rest = after.partition("/")
        if not sep or not sep2:
            continue
        types = found.setdefault(unquote(room), set())
        if rest.startswith("tags/"):
            types.add(ad.TAG)
        elif rest.startswith("account_data/"):
            event_type = unquote(rest.split("/", 1)[1])
            marks = {ad.MARKED_UNREAD, ad.MARKED_UNREAD_UNSTABLE}
            types |= marks if event_type in marks else {event_type}
    return {room: frozenset(types) for room, types in found.items() if types}


def refresh_muted(conn: Any, muted: set[str], own: str, diff: SyncDiff) -> None:
    """After the push rules changed: every room whose muted flag differs is saved again."""
    for (room_id,) in conn.execute("SELECT room_id FROM rooms").fetchall():
        facts = load_facts(conn, room_id)
        if facts is not None and facts.muted != (room_id in muted):
            facts.muted = room_id in muted
            diff.rooms[room_id] = save_room(conn, facts, own)


# -- our own changes, shown before the server has them ---------------------------------------


def has_room(conn: Any, room_id: str) -> bool:
    """Whether the cache knows the room (a change for another one is refused)."""
    return load_facts(conn, room_id) is not None


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


# -- a cache from before the room list read account data ---------------------------------------

BACKFILL_KEY = "account_data_backfill"  # set by the schema step that brought tags in


def needs_backfill(conn: Any) -> bool:
    """True for a cache upgraded from a version that did not keep room account data."""
    return get_meta(conn, BACKFILL_KEY) == "1"


def backfill(conn: Any, data: dict, own: str) -> list[RoomSummary]:
    """Apply the account data of a sync made only for it (no timeline, no state): the tags,
    marks, read markers and push rules an upgraded cache never saw. Returns the summaries
    that changed; the flag is cleared in the same transaction."""
    from app.store import read_marker

    changed: dict[str, RoomSummary] = {}
    with Transaction(conn):
        muted = muted_from_sync(conn, data)
        rooms = data.get("rooms") if isinstance(data.get("rooms"), dict) else {}
        joined = rooms.get("join") if isinstance(rooms.get("join"), dict) else {}
        pending = pending_types(conn)
        for room_id, info in joined.items():
            facts = load_facts(conn, room_id)
            if facts is None or not isinstance(info, dict):
                continue
            before = (dict(facts.tags), facts.marked_unread, facts.muted)
            apply_room(facts, info, pending.get(room_id, frozenset()))
            if muted is not None:
                facts.muted = room_id in muted
            read_marker.store_from_sync(conn, room_id, info)
            if (facts.tags, facts.marked_unread, facts.muted) != before:
                changed[room_id] = save_room(conn, facts, own)
        conn.execute("DELETE FROM meta WHERE key = ?", (BACKFILL_KEY,))
    return list(changed.values())
