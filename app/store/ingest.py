"""Applying a /sync response to the cache, in one transaction with its token.

Runs on the cache's thread (functions take the connection first) and returns the diff the
session publishes. The cache never claims a token whose events it does not hold.
"""

from __future__ import annotations

import json
import logging
import time
from typing import Any

from app.core.rooms import RoomFacts
from app.core.types import Membership, RoomSummary, TimelineItem
from app.store import account_data, ephemeral, read_marker, relations, room_store
from app.store.cache import get_meta, set_meta
from app.store.rows import (
    Decryption,
    MemberNames,
    SyncDiff,
    Transaction,
    delete_room,
    load_facts,
    put_state,
    resolve,
    save_room,
    seq_bounds,
    store_event,
)

log = logging.getLogger("tchap.db")

# How long after leaving a room from here a joined update of it is taken for a /sync that
# was already on its way (Synapse leaves a forgotten room out of the sync's leave section).
LEFT_GUARD_MS = 10 * 60 * 1000


# -- sync ----------------------------------------------------------------------------------


def _direct_map(content: dict) -> dict[str, str]:
    """m.direct content → {room id: the other user}."""
    return {
        room: user
        for user, rooms in content.items()
        if isinstance(rooms, list)
        for room in rooms
        if isinstance(room, str)
    }


def _direct_rooms(conn: Any, account_data: list) -> dict[str, str] | None:
    """Update m.direct from the batch; return {direct room: other user} (None if unchanged)."""
    for ev in account_data:
        if isinstance(ev, dict) and ev.get("type") == "m.direct":
            content = ev.get("content") if isinstance(ev.get("content"), dict) else {}
            set_meta(conn, "m.direct", json.dumps(content))
            return _direct_map(content)
    return None


def _known_direct(conn: Any) -> dict[str, str]:
    return _direct_map(json.loads(get_meta(conn, "m.direct") or "{}"))


def apply_sync(
    conn: Any, data: dict, dec: Decryption, own: str, *, announce_items: bool = True
) -> SyncDiff:
    """Write one /sync response (already decrypted where possible) and its token.

    Without `announce_items` (a first sync: no timeline can be on screen yet), the new
    timeline rows are written but not returned in the diff: at 5 000 rooms that is 100 000
    rows no one would read, alive until the whole sync is written.
    """
    diff = SyncDiff(announce_items=announce_items)
    rooms = data.get("rooms") if isinstance(data.get("rooms"), dict) else {}
    with Transaction(conn):
        account = (data.get("account_data") or {}).get("events") or []
        new_direct = _direct_rooms(conn, account)
        direct = new_direct if new_direct is not None else _known_direct(conn)
        new_muted = account_data.muted_from_sync(conn, data)
        muted = new_muted if new_muted is not None else account_data.known_muted(conn)
        pending = account_data.pending_types(conn)  # once per sync, not per room
        for room_id, info in (rooms.get("join") or {}).items():
            if isinstance(info, dict) and not _left_before(conn, room_id, info, own):
                _apply_joined(conn, room_id, info, dec, own, direct.get(room_id, ""), diff,
                              muted=room_id in muted,
                              pending=pending.get(room_id, frozenset()))  # fmt: skip
        for room_id, info in (rooms.get("invite") or {}).items():
            if isinstance(info, dict):
                room_store.forget_left(conn, room_id)
                _apply_invited(conn, room_id, info, own, direct.get(room_id, ""), diff)
        for room_id in rooms.get("leave") or {}:
            room_store.forget_left(conn, room_id)  # the server has it too
            if load_facts(conn, room_id) is not None:
                delete_room(conn, room_id)
                diff.removed.append(room_id)
                diff.rooms.pop(room_id, None)
        if new_direct is not None:
            _refresh_direct_flags(conn, direct, own, diff)
        if new_muted is not None:
            account_data.refresh_muted(conn, new_muted, own, diff)
        if isinstance(data.get("next_batch"), str):
            set_meta(conn, "sync_token", data["next_batch"])
    return diff


def _left_before(conn: Any, room_id: str, info: dict, own: str) -> bool:
    """True for a room we just left whose update was sent before we left (a /sync already
    on its way): writing it would bring the room back. A new join of ours lifts that."""
    left_ms = room_store.was_left(conn, room_id)
    if left_ms is None:
        return False
    if time.time() * 1000 - left_ms > LEFT_GUARD_MS:  # a stale sync comes within seconds
        room_store.forget_left(conn, room_id)
        return False
    events = [*((info.get("state") or {}).get("events") or []),
              *((info.get("timeline") or {}).get("events") or [])]  # fmt: skip
    for ev in events:
        if (isinstance(ev, dict) and ev.get("type") == "m.room.member"
                and ev.get("state_key") == own
                and (ev.get("content") or {}).get("membership") == "join"
                and _int(ev.get("origin_server_ts")) > left_ms):  # fmt: skip
            room_store.forget_left(conn, room_id)
            return False
    return True


def _int(value: Any) -> int:
    return value if isinstance(value, int) else 0


def _refresh_direct_flags(conn: Any, direct: dict[str, str], own: str, diff: SyncDiff) -> None:
    for (room_id,) in conn.execute("SELECT room_id FROM rooms").fetchall():
        facts = load_facts(conn, room_id)
        other = direct.get(room_id, "")
        if facts is not None and (facts.is_direct, facts.direct_user) != (bool(other), other):
            facts.is_direct, facts.direct_user = bool(other), other
            diff.rooms[room_id] = save_room(conn, facts, own)


def _apply_joined(
    conn: Any, room_id: str, info: dict, dec: Decryption, own: str, direct_user: str,
    diff: SyncDiff, *, muted: bool = False, pending: frozenset[str] = frozenset(),
) -> None:  # fmt: skip
    facts = load_facts(conn, room_id)
    is_new = facts is None or facts.membership is not Membership.JOIN
    if facts is None:
        facts = RoomFacts(room_id=room_id, membership=Membership.JOIN)
    if facts.membership is not Membership.JOIN:
        # An invitation we accepted: its stripped state is superseded by the real state.
        conn.execute("DELETE FROM state WHERE room_id = ?", (room_id,))
    facts.membership = Membership.JOIN
    facts.is_direct, facts.direct_user = bool(direct_user), direct_user
    summary = info.get("summary") or {}
    if isinstance(summary.get("m.heroes"), list):
        facts.heroes = [h for h in summary["m.heroes"] if isinstance(h, str)]
    if isinstance(summary.get("m.joined_member_count"), int):
        facts.joined_count = summary["m.joined_member_count"]
    if isinstance(summary.get("m.invited_member_count"), int):
        facts.invited_count = summary["m.invited_member_count"]
    unread = info.get("unread_notifications") or {}
    facts.unread_count = int(unread.get("notification_count") or 0)
    facts.highlight_count = int(unread.get("highlight_count") or 0)
    facts.muted = muted
    account_data.apply_room(facts, info, pending)

    for ev in (info.get("state") or {}).get("events") or []:
        if isinstance(ev, dict):
            put_state(conn, room_id, ev)
    timeline = info.get("timeline") or {}
    events = [ev for ev in timeline.get("events") or [] if isinstance(ev, dict)]
    back_token = None
    if is_new or (timeline.get("limited") and events):
        if not is_new:
            # A gap: what we hold no longer joins up with the present. Start again.
            conn.execute("DELETE FROM events WHERE room_id = ?", (room_id,))
            conn.execute("UPDATE rooms SET reached_start = 0 WHERE room_id = ?", (room_id,))
            diff.reset.append(room_id)
        back_token = timeline.get("prev_batch")
    for ev in events:
        if "state_key" in ev:
            put_state(conn, room_id, ev)
    appended = _append_events(conn, room_id, events, dec, own, diff)
    if appended and room_id not in diff.reset and diff.announce_items:
        diff.appended.setdefault(room_id, []).extend(appended)
    diff.rooms[room_id] = save_room(conn, facts, own, back_token=back_token)
    read_marker.store_from_sync(conn, room_id, info)
    if back_token is None and is_new:
        conn.execute("UPDATE rooms SET reached_start = 1 WHERE room_id = ?", (room_id,))
    ephemeral.apply_ephemeral(conn, room_id, info, own, diff)  # after the events it names


def _append_events(
    conn: Any, room_id: str, events: list[dict], dec: Decryption, own: str, diff: SyncDiff
) -> list[TimelineItem]:
    names = MemberNames(conn, room_id)
    _, seq = seq_bounds(conn, room_id)
    appended: list[TimelineItem] = []
    for ev in events:
        event_id = ev.get("event_id")
        if not isinstance(event_id, str):
            log.warning("event without an id in %s: skipped", room_id)
            continue
        if conn.execute("SELECT 1 FROM events WHERE event_id = ?", (event_id,)).fetchone():
            continue
        resolved = resolve(ev, dec)
        shown = resolved[0]
        if _apply_relation(conn, room_id, shown, diff):
            continue
        item = store_event(conn, room_id, seq + 1, ev, resolved, own, names)
        if item is None:
            continue
        seq += 1
        old_key = _take_from_outbox(conn, room_id, ev, shown)
        if old_key is not None:
            diff.changed.append((room_id, old_key, item))
        else:
            appended.append(item)
    return appended


def _take_from_outbox(conn: Any, room_id: str, ev: dict, shown: dict) -> str | None:
    """If the event is the remote echo of our own message, drop the outbox entry.

    Returns the key the UI knows the local echo by, or None if it is not ours.
    """
    txn = (ev.get("unsigned") or {}).get("transaction_id") or (
        (shown.get("unsigned") or {}).get("transaction_id")
    )
    row = conn.execute(
        "SELECT txn_id, event_id FROM outbox WHERE room_id = ? AND (txn_id = ? OR event_id = ?)",
        (room_id, txn or "", ev.get("event_id")),
    ).fetchone()
    if row is None:
        return None
    conn.execute("DELETE FROM outbox WHERE txn_id = ?", (row[0],))
    return row[1] or f"~{row[0]}"


def _apply_relation(conn: Any, room_id: str, ev: dict, diff: SyncDiff) -> bool:
    """Keep an edit, deletion or reaction, and rewrite its target if cached. True if `ev`
    was one (it is then no row of its own)."""
    relation = relations.relation_of(ev)
    if relation is None:
        return False
    target, rel_type = relation
    relations.record(conn, room_id, ev, target, rel_type)
    changed = relations.apply_to_stored(conn, room_id, target)
    if changed is not None:
        diff.changed.append((room_id, *changed))
    return True


def _apply_invited(
    conn: Any, room_id: str, info: dict, own: str, direct_user: str, diff: SyncDiff
) -> None:
    facts = load_facts(conn, room_id) or RoomFacts(room_id=room_id, membership=Membership.INVITE)
    facts.is_direct, facts.direct_user = bool(direct_user), direct_user
    for ev in (info.get("invite_state") or {}).get("events") or []:
        if not isinstance(ev, dict):
            continue
        if ev.get("type") == "m.room.member" and ev.get("state_key") == own:
            # Remember who invited us: stripped state has no event ids to look it up later.
            ev = {**ev, "content": {**(ev.get("content") or {}), "__sender": ev.get("sender")}}
        put_state(conn, room_id, ev)
    diff.rooms[room_id] = save_room(conn, facts, own)


def set_direct(conn: Any, content: dict, own: str) -> dict[str, RoomSummary]:
    """Apply our own m.direct change at once (the sync would echo it a moment later)."""
    diff = SyncDiff()
    with Transaction(conn):
        direct = _direct_rooms(conn, [{"type": "m.direct", "content": content}]) or {}
        _refresh_direct_flags(conn, direct, own, diff)
    return diff.rooms
