"""Relations between events (edits, deletions, reactions, replies), so nothing depends on
the order events arrive in.

Every relation is kept in the `relations` table, whichever comes first, its target or
itself (paging back, a gap, a key that arrives late). A row is written with the relations
that target it already applied, and a relation that arrives after its row rewrites it:
only the original sender's newest edit applies; a deletion applies whoever sent it (the
server accepted it). Database-thread functions: the connection comes first.
"""

from __future__ import annotations

import json
from dataclasses import replace
from typing import Any

from app.core.formatting import clean_body, html_of
from app.core.types import ItemKind, TimelineItem

REPLACE = "m.replace"
REDACTION = "m.redaction"
ANNOTATION = "m.annotation"
REPLY = "m.in_reply_to"


def relation_of(ev: dict) -> tuple[str, str] | None:
    """(target event id, relation type) of an event that changes another one, else None.

    Replies are rows of their own: `reply_target` names what they answer.
    """
    content = ev.get("content") if isinstance(ev.get("content"), dict) else {}
    if ev.get("type") == "m.room.redaction":
        target = ev.get("redacts") or content.get("redacts")
        return (target, REDACTION) if isinstance(target, str) else None
    relates = content.get("m.relates_to")
    if not isinstance(relates, dict) or not isinstance(relates.get("event_id"), str):
        return None
    if relates.get("rel_type") == REPLACE and isinstance(content.get("m.new_content"), dict):
        return relates["event_id"], REPLACE
    if ev.get("type") == "m.reaction" and relates.get("rel_type") == ANNOTATION:
        return relates["event_id"], ANNOTATION
    return None


def reply_target(ev: dict) -> str | None:
    """The event a message answers (m.in_reply_to), if any."""
    content = ev.get("content") if isinstance(ev.get("content"), dict) else {}
    relates = content.get("m.relates_to")
    reply = relates.get(REPLY) if isinstance(relates, dict) else None
    target = reply.get("event_id") if isinstance(reply, dict) else None
    return target if isinstance(target, str) else None


def record(conn: Any, room_id: str, ev: dict, target: str, rel_type: str) -> None:
    """Keep a relation (once: a page of history may bring it again)."""
    event_id = ev.get("event_id")
    if not isinstance(event_id, str):
        return
    ts = ev.get("origin_server_ts") if isinstance(ev.get("origin_server_ts"), int) else 0
    content = ev.get("content") if isinstance(ev.get("content"), dict) else {}
    conn.execute(
        "INSERT OR IGNORE INTO relations (event_id, room_id, target, rel_type, sender, ts, "
        "content) VALUES (?, ?, ?, ?, ?, ?, ?)",
        (event_id, room_id, target, rel_type, str(ev.get("sender", "")), ts,
         json.dumps(content, ensure_ascii=False)),
    )  # fmt: skip


def applied(conn: Any, item: TimelineItem) -> TimelineItem:
    """`item` as its relations make it: deleted, or with its author's newest edit."""
    if item.event_id is None:
        return item
    rows = conn.execute(
        "SELECT rel_type, sender, content FROM relations WHERE target = ? "
        "AND rel_type IN (?, ?) AND event_id NOT IN "
        "(SELECT target FROM relations WHERE rel_type = ?) ORDER BY ts DESC, rowid DESC",
        (item.event_id, REDACTION, REPLACE, REDACTION),
    ).fetchall()
    if any(rel_type == REDACTION for rel_type, _, _ in rows):
        return replace(item, kind=ItemKind.REDACTED, body="", html=None, media={})
    if item.kind not in (ItemKind.TEXT, ItemKind.MEDIA):
        return item  # a state row or an undecryptable one: nothing an edit can change yet
    for _rel_type, sender, content in rows:
        if sender != item.sender:
            continue  # only the author may edit a message
        new = json.loads(content).get("m.new_content") or {}
        if isinstance(new.get("body"), str):
            return replace(item, body=clean_body(new["body"]), html=html_of(new), edited=True)
    return item


def apply_to_stored(
    conn: Any, room_id: str, target: str
) -> tuple[str, TimelineItem] | None:
    """Rewrite the stored row `target` with its relations: (its key, the new row), or None
    when the row is not cached (yet) or did not change."""
    from app.store.cache import item_from_json, item_to_json

    row = conn.execute(
        "SELECT item FROM events WHERE event_id = ? AND room_id = ?", (target, room_id)
    ).fetchone()
    if row is None:
        return None
    old = item_from_json(row[0])
    new = applied(conn, old)
    if new == old:
        return None
    conn.execute("UPDATE events SET item = ? WHERE event_id = ?", (item_to_json(new), target))
    return old.key, new
