"""Older history and late keys: back-pagination pages and rows decrypted after the fact.

Database-thread functions (connection first), called by the session.
"""

from __future__ import annotations

from typing import Any

from app.core.timeline import item_from_event
from app.core.types import RoomSummary, TimelineItem
from app.store import relations
from app.store.cache import item_to_json
from app.store.rows import (
    Decryption,
    MemberNames,
    Transaction,
    load_facts,
    put_state,
    resolve,
    save_room,
    seq_bounds,
    store_event,
    with_relations,
)


def apply_messages(
    conn: Any,
    room_id: str,
    chunk: list[dict],
    state: list[dict],
    end: str | None,
    dec: Decryption,
    own: str,
) -> tuple[list[TimelineItem], bool, list[tuple[str, str, TimelineItem]]]:
    """Prepend a /messages?dir=b page: (its rows in chronological order, whether the room's
    start is reached, (room, key, row) of cached rows an edit or deletion of the page changed)."""
    with Transaction(conn):
        for ev in state:
            if isinstance(ev, dict) and ev.get("type") == "m.room.member":
                put_state(conn, room_id, ev, keep_existing=True)  # never overwrite the present
        names = MemberNames(conn, room_id)
        seq, _ = seq_bounds(conn, room_id)
        items: list[TimelineItem] = []
        changed: list[tuple[str, str, TimelineItem]] = []
        reached = end is None or not chunk
        for ev in chunk:
            if not isinstance(ev, dict) or not isinstance(ev.get("event_id"), str):
                continue
            reached = reached or ev.get("type") == "m.room.create"
            if conn.execute(
                "SELECT 1 FROM events WHERE event_id = ?", (ev["event_id"],)
            ).fetchone():
                continue
            resolved = resolve(ev, dec)
            shown = resolved[0]
            relation = relations.relation_of(shown)
            if relation is not None:  # its target may be cached, or come with a later page
                relations.record(conn, room_id, shown, *relation)
                if (change := relations.apply_to_stored(conn, room_id, relation[0])) is not None:
                    changed.append((room_id, *change))
                continue
            item = store_event(conn, room_id, seq - 1, ev, resolved, own, names)
            if item is None:
                continue
            seq -= 1
            items.append(item)
        conn.execute(
            "UPDATE rooms SET back_token = ?, reached_start = ? WHERE room_id = ?",
            (None if reached else end, int(reached), room_id),
        )
    return list(reversed(items)), reached, changed


def back_token(conn: Any, room_id: str) -> tuple[str | None, bool]:
    """(token to paginate back from, whether the room's start is already cached)."""
    row = conn.execute(
        "SELECT back_token, reached_start FROM rooms WHERE room_id = ?", (room_id,)
    ).fetchone()
    return (row[0], bool(row[1])) if row else (None, True)


def undecrypted(conn: Any, session_ids: list[str] | None = None) -> list[tuple[str, str, str]]:
    """(room_id, event_id, raw) of events still waiting for a key (of those sessions)."""
    if session_ids is None:
        query, args = "SELECT room_id, event_id, raw FROM events WHERE session_id IS NOT NULL", ()
    else:
        marks = ",".join("?" * len(session_ids))
        query = f"SELECT room_id, event_id, raw FROM events WHERE session_id IN ({marks})"
        args = tuple(session_ids)
    return [(r, e, raw) for r, e, raw in conn.execute(query, args).fetchall() if raw]


def apply_decrypted(
    conn: Any, results: list[tuple[str, dict, dict]], own: str
) -> tuple[list[tuple[str, str, TimelineItem]], list[tuple[str, str]], dict[str, RoomSummary]]:
    """Replace undecryptable rows by their decrypted form. Returns the rows changed (room,
    key, item), the rows that go (room, key: a late edit, reaction or deletion is no row of
    its own) and the rooms' new summaries."""
    changed: list[tuple[str, str, TimelineItem]] = []
    removed: list[tuple[str, str]] = []
    rooms: dict[str, RoomSummary] = {}
    with Transaction(conn):
        for room_id, raw, decrypted in results:
            relation = relations.relation_of(decrypted)
            if relation is not None:  # a late edit, deletion or reaction: apply it
                relations.record(conn, room_id, {**decrypted, "event_id": raw["event_id"]},
                                 *relation)  # fmt: skip
                if (change := relations.apply_to_stored(conn, room_id, relation[0])) is not None:
                    changed.append((room_id, *change))
            item = item_from_event(
                decrypted, room_id, own, MemberNames(conn, room_id), encrypted=True
            )
            if item is not None:
                item = with_relations(conn, room_id, decrypted, item)
            if item is None or relation is not None:  # a relation, or nothing to show
                conn.execute("DELETE FROM events WHERE event_id = ?", (raw["event_id"],))
                removed.append((room_id, raw["event_id"]))
            else:
                conn.execute(
                    "UPDATE events SET item = ?, raw = NULL, session_id = NULL WHERE event_id = ?",
                    (item_to_json(item), raw["event_id"]),
                )
                changed.append((room_id, raw["event_id"], item))
            facts = load_facts(conn, room_id)
            if facts is not None:
                rooms[room_id] = save_room(conn, facts, own)
    return changed, removed, rooms
