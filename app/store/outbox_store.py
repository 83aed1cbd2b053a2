"""The outbox table: what the user sent, on disk before the network (database thread only)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from app.core.types import TimelineItem
from app.store.cache import outbox_items
from app.store.rows import Transaction

# What an outbox entry is: a message shown as a local echo row, another room event (a
# reaction, an edit), a redaction ({"event_id", "reason"}), or a client-server request
# ({"method", "path", "body"}: tags, room account data).
MESSAGE, EVENT, REDACTION, REQUEST = "message", "event", "redaction", "request"


@dataclass(frozen=True)
class Queued:
    """An outbox entry waiting to be sent."""

    txn_id: str
    room_id: str
    content: dict
    op: str
    event_type: str


def outbox_add(
    conn: Any,
    txn_id: str,
    room_id: str,
    content: dict,
    ts: int,
    op: str = MESSAGE,
    event_type: str = "m.room.message",
) -> TimelineItem | None:
    """Queue an operation; it is on disk before anything goes to the network.

    A message (`op` MESSAGE) returns its local echo row; other operations have none.
    """
    with Transaction(conn):
        conn.execute(
            "INSERT INTO outbox (txn_id, room_id, content, created_ts, state, op, event_type) "
            "VALUES (?, ?, ?, ?, 'sending', ?, ?)",
            (txn_id, room_id, json.dumps(content, ensure_ascii=False), ts, op, event_type),
        )
    return _echo(conn, room_id, txn_id) if op == MESSAGE else None


def outbox_next(conn: Any) -> Queued | None:
    """The oldest operation still to send."""
    row = conn.execute(
        "SELECT txn_id, room_id, content, op, event_type FROM outbox WHERE state = 'sending' "
        "ORDER BY ord LIMIT 1"
    ).fetchone()
    if row is None:
        return None
    return Queued(row[0], row[1], json.loads(row[2]), row[3], row[4])


def outbox_set(
    conn: Any, txn_id: str, state: str, *, event_id: str | None = None, error: str | None = None
) -> tuple[str, TimelineItem] | None:
    """Move an outbox entry to `state`. Returns (old key, new echo row), or None if gone.

    When its remote echo is already in the timeline, the entry is simply removed.
    """
    with Transaction(conn):
        row = conn.execute(
            "SELECT room_id, event_id, op FROM outbox WHERE txn_id = ?", (txn_id,)
        ).fetchone()
        if row is None:
            return None
        room_id, old_event_id, op = row
        if op != MESSAGE:  # no echo row to keep: done (sent) or given up (failed)
            if state in ("sent", "failed"):
                conn.execute("DELETE FROM outbox WHERE txn_id = ?", (txn_id,))
            return None
        if (
            event_id
            and conn.execute("SELECT 1 FROM events WHERE event_id = ?", (event_id,)).fetchone()
        ):
            conn.execute("DELETE FROM outbox WHERE txn_id = ?", (txn_id,))
            return None
        conn.execute(
            "UPDATE outbox SET state = ?, event_id = COALESCE(?, event_id), error = ? "
            "WHERE txn_id = ?",
            (state, event_id, error, txn_id),
        )
    return old_event_id or f"~{txn_id}", _echo(conn, room_id, txn_id)


def outbox_update(conn: Any, txn_id: str, content: dict) -> bool:
    """Save a queued message's new content (a file's upload steps); False if it is gone."""
    with Transaction(conn):
        cursor = conn.execute(
            "UPDATE outbox SET content = ? WHERE txn_id = ? AND state != 'sent'",
            (json.dumps(content, ensure_ascii=False), txn_id),
        )
    return cursor.rowcount > 0


def outbox_remove(conn: Any, txn_id: str) -> str | None:
    """Cancel or discard an unsent message; its room id, or None if it is gone or already sent."""
    with Transaction(conn):
        row = conn.execute(
            "SELECT room_id FROM outbox WHERE txn_id = ? AND state != 'sent'", (txn_id,)
        ).fetchone()
        if row is not None:
            conn.execute("DELETE FROM outbox WHERE txn_id = ?", (txn_id,))
    return row[0] if row else None


def outbox_txn_ids(conn: Any) -> set[str]:
    """Every transaction id still in the outbox."""
    return {row[0] for row in conn.execute("SELECT txn_id FROM outbox")}


def _echo(conn: Any, room_id: str, txn_id: str) -> TimelineItem:
    return next(i for i in outbox_items(conn, room_id) if i.txn_id == txn_id)
