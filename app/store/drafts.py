"""Each room's draft in the encrypted cache (database thread): never in a plain file."""

from __future__ import annotations

from typing import Any

from app.store.rows import Transaction


def get_draft(conn: Any, room_id: str) -> str:
    """The room's draft, or "" if there is none."""
    row = conn.execute("SELECT text FROM drafts WHERE room_id = ?", (room_id,)).fetchone()
    return row[0] if row else ""


def put_drafts(conn: Any, drafts: dict[str, str], now_ms: int) -> None:
    """Save several rooms' drafts in one transaction; an empty (or blank) text removes one."""
    with Transaction(conn):
        for room_id, text in drafts.items():
            if text.strip():
                conn.execute(
                    "INSERT OR REPLACE INTO drafts (room_id, text, ts) VALUES (?, ?, ?)",
                    (room_id, text, now_ms),
                )
            else:
                conn.execute("DELETE FROM drafts WHERE room_id = ?", (room_id,))
