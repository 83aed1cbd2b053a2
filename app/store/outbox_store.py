"""The outbox table: what the user sent, on disk before the network (database thread only)."""

from __future__ import annotations

import json
from typing import Any

from app.core.types import TimelineItem
from app.store.cache import outbox_items
from app.store.rows import Transaction


def outbox_add(conn: Any, txn_id: str, room_id: str, content: dict, ts: int) -> TimelineItem:
    """Queue a message; it is on disk before anything goes to the network."""
    with Transaction(conn):
        conn.execute(
            "INSERT INTO outbox (txn_id, room_id, content, created_ts, state) "
            "VALUES (?, ?, ?, ?, 'sending')",
            (txn_id, room_id, json.dumps(content, ensure_ascii=False), ts),
        )
    return _echo(conn, room_id, txn_id)


def outbox_next(conn: Any) -> tuple[str, str, dict] | None:
    """The oldest message still to send: (txn_id, room_id, content)."""
    row = conn.execute(
        "SELECT txn_id, room_id, content FROM outbox WHERE state = 'sending' ORDER BY ord LIMIT 1"
    ).fetchone()
    return (row[0], row[1], json.loads(row[2])) if row else None


def outbox_set(
    conn: Any, txn_id: str, state: str, *, event_id: str | None = None, error: str | None = None
) -> tuple[str, TimelineItem] | None:
    """Move an outbox entry to `state`. Returns (old key, new echo row), or None if gone.

    When its remote echo is already in the timeline, the entry is simply removed.
    """
    with Transaction(conn):
        row = conn.execute(
            "SELECT room_id, event_id FROM outbox WHERE txn_id = ?", (txn_id,)
        ).fetchone()
        if row is None:
            return None
        room_id, old_event_id = row
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
