"""The read marker (`m.fully_read` room account data): where the user stopped reading.

Kept per room in `rooms.fully_read` when a sync brings it or when we mark a room read
here, so the timeline can draw its "new messages" line when the room is opened, before
the network answers. Database-thread functions: the connection comes first.
"""

from __future__ import annotations

from typing import Any


def store_from_sync(conn: Any, room_id: str, info: dict) -> None:
    """Keep the room's m.fully_read if this joined room's sync part carries one."""
    account = info.get("account_data")
    events = account.get("events") if isinstance(account, dict) else None
    for ev in events if isinstance(events, list) else []:
        if isinstance(ev, dict) and ev.get("type") == "m.fully_read":
            content = ev.get("content")
            event_id = content.get("event_id") if isinstance(content, dict) else None
            if isinstance(event_id, str):
                store(conn, room_id, event_id)


def store(conn: Any, room_id: str, event_id: str) -> None:
    """Move the room's read marker to `event_id`."""
    conn.execute("UPDATE rooms SET fully_read = ? WHERE room_id = ?", (event_id, room_id))


def read_marker(conn: Any, room_id: str) -> str | None:
    """The event id the user has read up to, if known."""
    row = conn.execute("SELECT fully_read FROM rooms WHERE room_id = ?", (room_id,)).fetchone()
    return row[0] if row else None
