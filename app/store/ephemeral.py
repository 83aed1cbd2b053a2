"""A sync's ephemeral events (m.receipt, m.typing) and reading receipts back (database thread).

Receipts are kept, one per member and room (their newest), so a restart shows who read what
before the network answers; typing is never stored, only reported. A receipt sits under the
timeline row it names, or, when it names an event that is no row (a reaction, an edit), under
the newest row before it. Threaded receipts (a `thread_id` other than "main") are left out:
threads are not shown.
"""

from __future__ import annotations

import logging
import time
from typing import Any

from app.core.members import ReadReceipt
from app.core.types import RoomSummary
from app.store.members_store import member
from app.store.rows import Transaction, load_facts, save_room

log = logging.getLogger("tchap.db")

RECEIPT_TYPES = ("m.read", "m.read.private")  # the server sends m.read.private only for us


def apply_ephemeral(conn: Any, room_id: str, info: dict, own: str, diff: Any) -> None:
    """Apply a joined room's ephemeral events; `diff` (a SyncDiff) gets typing and receipts.

    Whoever sent a message has read up to it (the spec's implicit receipt), even before
    the server sends their receipt."""
    moved = _implicit_receipts(conn, room_id, info, own)
    ephemeral = info.get("ephemeral")
    events = ephemeral.get("events") if isinstance(ephemeral, dict) else None
    for ev in events if isinstance(events, list) else []:
        if not isinstance(ev, dict) or not isinstance(ev.get("content"), dict):
            continue
        if ev.get("type") == "m.typing":
            users = ev["content"].get("user_ids")
            if not isinstance(users, list):
                log.warning("m.typing without a user list in %s: ignored", room_id)
                continue
            typing = [u for u in dict.fromkeys(users) if isinstance(u, str) and u != own]
            diff.typing[room_id] = tuple(member(conn, room_id, u) for u in typing)
        elif ev.get("type") == "m.receipt":
            moved |= _apply_receipts(conn, room_id, ev["content"])
    moved.discard(own)
    if moved and diff.announce_items:  # a first sync: no timeline is open yet
        diff.receipts.setdefault(room_id, []).extend(read_receipts(conn, room_id, own, moved))


def _implicit_receipts(conn: Any, room_id: str, info: dict, own: str) -> set[str]:
    """Each sender's newest event of this sync that has a row is where they have read to."""
    timeline = info.get("timeline")
    events = timeline.get("events") if isinstance(timeline, dict) else None
    newest: dict[str, tuple[str, int]] = {}
    for ev in events if isinstance(events, list) else []:
        if not isinstance(ev, dict) or "state_key" in ev:
            continue
        sender, event_id, ts = ev.get("sender"), ev.get("event_id"), ev.get("origin_server_ts")
        if isinstance(sender, str) and sender != own and isinstance(event_id, str):
            newest[sender] = (event_id, ts if isinstance(ts, int) else 0)
    moved = set()
    for sender, (event_id, ts) in newest.items():
        if _seq(conn, event_id) is not None and store_receipt(conn, room_id, sender, event_id, ts):
            moved.add(sender)
    return moved


def _apply_receipts(conn: Any, room_id: str, content: dict) -> set[str]:
    """Store each member's newest receipt; returns who moved."""
    moved: set[str] = set()
    for event_id, by_type in content.items():
        if not isinstance(event_id, str) or not isinstance(by_type, dict):
            continue
        for rtype in RECEIPT_TYPES:
            readers = by_type.get(rtype)
            for user_id, data in (readers if isinstance(readers, dict) else {}).items():
                data = data if isinstance(data, dict) else {}
                if data.get("thread_id", "main") != "main" or not isinstance(user_id, str):
                    continue
                ts = data.get("ts") if isinstance(data.get("ts"), int) else 0
                if store_receipt(conn, room_id, user_id, event_id, ts):
                    moved.add(user_id)
    return moved


def _seq(conn: Any, event_id: str) -> int | None:
    row = conn.execute("SELECT seq FROM events WHERE event_id = ?", (event_id,)).fetchone()
    return row[0] if row else None


def store_receipt(conn: Any, room_id: str, user_id: str, event_id: str, ts: int) -> bool:
    """Record that `user_id` read up to `event_id`, unless they had read further; True if moved."""
    row = conn.execute(
        "SELECT event_id FROM receipts WHERE room_id = ? AND user_id = ?", (room_id, user_id)
    ).fetchone()
    if row is not None:
        if row[0] == event_id:
            return False
        old, new = _seq(conn, row[0]), _seq(conn, event_id)
        if old is not None and new is not None and new < old:
            return False  # an older receipt (a private one after the public one, or late)
    conn.execute(
        "INSERT OR REPLACE INTO receipts (room_id, user_id, event_id, ts) VALUES (?, ?, ?, ?)",
        (room_id, user_id, event_id, ts),
    )
    return True


def is_after_own_receipt(conn: Any, room_id: str, own: str, event_id: str) -> bool:
    """Whether reading `event_id` moves our receipt forward (never send one backwards)."""
    row = conn.execute(
        "SELECT event_id FROM receipts WHERE room_id = ? AND user_id = ?", (room_id, own)
    ).fetchone()
    if row is None or row[0] == event_id:
        return row is None
    old, new = _seq(conn, row[0]), _seq(conn, event_id)
    return old is None or (new is not None and new > old)


def _row_for(conn: Any, room_id: str, event_id: str) -> str | None:
    """The timeline row a receipt on `event_id` shows under, if the cache can place it."""
    if _seq(conn, event_id) is not None:
        return event_id
    rel = conn.execute("SELECT ts FROM relations WHERE event_id = ?", (event_id,)).fetchone()
    if rel is None:
        return None
    row = conn.execute(
        "SELECT event_id FROM events WHERE room_id = ? AND json_extract(item, '$.ts') <= ? "
        "ORDER BY seq DESC LIMIT 1",
        (room_id, rel[0]),
    ).fetchone()
    return row[0] if row else None


def read_receipts(
    conn: Any, room_id: str, own: str, users: set[str] | None = None
) -> list[ReadReceipt]:
    """Where each member (or each of `users`) has read to, but us; unplaceable ones left out."""
    rows = conn.execute(
        "SELECT user_id, event_id, ts FROM receipts WHERE room_id = ?", (room_id,)
    ).fetchall()
    found = []
    for user_id, event_id, ts in rows:
        if user_id == own or (users is not None and user_id not in users):
            continue
        row = _row_for(conn, room_id, event_id)
        if row is None:
            continue
        who = member(conn, room_id, user_id)
        found.append(ReadReceipt(user_id, who.name, who.avatar_url, row, ts))
    return found


def read_up_to(
    conn: Any, room_id: str, own: str, event_id: str | None
) -> tuple[str | None, RoomSummary | None]:
    """We read the room up to `event_id` (None: its newest event).

    Returns (the event our receipt should now name, or None if it would not move forward;
    the room's new summary when its unread counts were cleared, else None). The counts are
    cleared only when the newest event was read: older rows seen leave the badge alone.
    """
    with Transaction(conn):
        facts = load_facts(conn, room_id)
        newest = conn.execute(
            "SELECT event_id FROM events WHERE room_id = ? ORDER BY seq DESC LIMIT 1", (room_id,)
        ).fetchone()
        if facts is None or newest is None:
            return None, None
        event_id = event_id or newest[0]
        if _seq(conn, event_id) is None:
            log.warning("read marker for an event the cache lacks: ignored")
            return None, None
        moves = is_after_own_receipt(conn, room_id, own, event_id)
        if moves:
            store_receipt(conn, room_id, own, event_id, int(time.time() * 1000))
            # our read marker too: the next opening draws its "new messages" line after it
            conn.execute("UPDATE rooms SET fully_read = ? WHERE room_id = ?", (event_id, room_id))
        summary = None
        if event_id == newest[0] and (facts.unread_count or facts.highlight_count):
            facts.unread_count = facts.highlight_count = 0
            summary = save_room(conn, facts, own)
        return (event_id if moves else None), summary
