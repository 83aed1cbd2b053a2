"""Row-level helpers of the cache, shared by everything that writes it (database thread only).

A transaction, the room facts and state, members' names, sequence numbers, and saving a
room's summary after a change. Every function takes the connection first.
"""

from __future__ import annotations

import json
import logging
from dataclasses import asdict, dataclass, field, replace
from typing import Any

from app.core.rooms import RoomFacts, State, compute_summary, member_name
from app.core.timeline import is_preview_kind, item_from_event
from app.core.types import Membership, RoomSummary, TimelineItem
from app.store import relations
from app.store.cache import item_from_json, item_to_json, summary_to_json

log = logging.getLogger("tchap.db")


@dataclass
class Decryption:
    """What the crypto layer made of the batch's encrypted events."""

    decrypted: dict[str, dict] = field(default_factory=dict)  # event_id -> decrypted source
    session_of: dict[str, str] = field(default_factory=dict)  # undecryptable event_id -> session


@dataclass
class SyncDiff:
    """What changed, for the session to publish as CoreEvents."""

    rooms: dict[str, RoomSummary] = field(default_factory=dict)
    removed: list[str] = field(default_factory=list)
    appended: dict[str, list[TimelineItem]] = field(default_factory=dict)
    changed: list[tuple[str, str, TimelineItem]] = field(default_factory=list)  # room, old key
    reset: list[str] = field(default_factory=list)
    typing: dict[str, tuple] = field(default_factory=dict)  # room -> Members typing (m.typing)
    receipts: dict[str, list] = field(default_factory=dict)  # room -> ReadReceipts that moved
    announce_items: bool = True  # False: new rows are only written (see ingest.apply_sync)


class Transaction:
    """A write transaction on the cache connection."""

    def __init__(self, conn: Any) -> None:
        self.conn = conn

    def __enter__(self) -> Any:
        self.conn.execute("BEGIN IMMEDIATE")
        return self.conn

    def __exit__(self, exc_type: object, *_: object) -> None:
        self.conn.execute("ROLLBACK" if exc_type else "COMMIT")


# -- reading helpers ------------------------------------------------------------------------


def load_facts(conn: Any, room_id: str) -> RoomFacts | None:
    row = conn.execute("SELECT facts FROM rooms WHERE room_id = ?", (room_id,)).fetchone()
    if row is None:
        return None
    data = json.loads(row[0])
    data["membership"] = Membership(data["membership"])
    return RoomFacts(**data)


def room_state(conn: Any, room_id: str) -> State:
    rows = conn.execute(
        "SELECT type, state_key, content FROM state WHERE room_id = ?", (room_id,)
    ).fetchall()
    return {(t, k): json.loads(c) for t, k, c in rows}


class MemberNames:
    """Display names of a room's members, read from the state table once each."""

    def __init__(self, conn: Any, room_id: str) -> None:
        self.conn, self.room_id, self.seen = conn, room_id, {}

    def __call__(self, user_id: str) -> str:
        if user_id not in self.seen:
            row = self.conn.execute(
                "SELECT content FROM state WHERE room_id = ? AND type = 'm.room.member' "
                "AND state_key = ?",
                (self.room_id, user_id),
            ).fetchone()
            state = {("m.room.member", user_id): json.loads(row[0])} if row else {}
            self.seen[user_id] = member_name(state, user_id)
        return self.seen[user_id]


def put_state(conn: Any, room_id: str, ev: dict, *, keep_existing: bool = False) -> bool:
    etype, key, content = ev.get("type"), ev.get("state_key"), ev.get("content")
    if not isinstance(etype, str) or not isinstance(key, str) or not isinstance(content, dict):
        return False
    verb = "INSERT OR IGNORE" if keep_existing else "INSERT OR REPLACE"
    conn.execute(
        f"{verb} INTO state (room_id, type, state_key, content) VALUES (?, ?, ?, ?)",
        (room_id, etype, key, json.dumps(content, ensure_ascii=False)),
    )
    return True


def seq_bounds(conn: Any, room_id: str) -> tuple[int, int]:
    row = conn.execute(
        "SELECT MIN(seq), MAX(seq) FROM events WHERE room_id = ?", (room_id,)
    ).fetchone()
    return (row[0] or 0, row[1] or 0)


def last_preview(conn: Any, room_id: str) -> TimelineItem | None:
    rows = conn.execute(
        "SELECT item FROM events WHERE room_id = ? ORDER BY seq DESC LIMIT 30", (room_id,)
    )
    for (text,) in rows:
        item = item_from_json(text)
        if is_preview_kind(item.kind):
            return item
    return None


def save_room(
    conn: Any, facts: RoomFacts, own: str, *, back_token: str | None = None
) -> RoomSummary:
    summary = compute_summary(
        facts, room_state(conn, facts.room_id), own, last_preview(conn, facts.room_id)
    )
    facts_json = json.dumps({**asdict(facts), "membership": facts.membership.value})
    conn.execute(
        "INSERT INTO rooms (room_id, membership, facts, summary, sort_ts, back_token) "
        "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (room_id) DO UPDATE SET "
        "membership = excluded.membership, facts = excluded.facts, "
        "summary = excluded.summary, sort_ts = excluded.sort_ts, "
        "back_token = COALESCE(excluded.back_token, rooms.back_token)",
        (facts.room_id, facts.membership.value, facts_json, summary_to_json(summary),
         summary.last_ts, back_token),
    )  # fmt: skip
    return summary


def delete_room(conn: Any, room_id: str) -> None:
    for table in ("rooms", "state", "events", "outbox", "receipts", "drafts"):
        conn.execute(f"DELETE FROM {table} WHERE room_id = ?", (room_id,))


def with_relations(conn: Any, room_id: str, shown: dict, item: TimelineItem) -> TimelineItem:
    """The row with what already targets it (an edit or deletion seen first), and the
    message it answers, if it is a reply (kept as a relation too)."""
    answered = relations.reply_target(shown)
    if answered is not None:
        relations.record(conn, room_id, shown, answered, relations.REPLY)
        item = replace(item, reply_to=answered)
    return relations.applied(conn, item)


def resolve(ev: dict, dec: Decryption) -> tuple[dict, str | None, str | None]:
    """(what to show, raw JSON to keep, Megolm session) for one timeline event."""
    if ev.get("type") != "m.room.encrypted":
        return ev, None, None
    event_id = ev.get("event_id", "")
    if event_id in dec.decrypted:
        return dec.decrypted[event_id], None, None
    content = ev.get("content") if isinstance(ev.get("content"), dict) else {}
    session = dec.session_of.get(event_id) or content.get("session_id") or "unknown"
    return ev, json.dumps(ev), str(session)


def store_event(
    conn: Any,
    room_id: str,
    seq: int,
    ev: dict,
    resolved: tuple[dict, str | None, str | None],
    own: str,
    names: MemberNames,
) -> TimelineItem | None:
    """Build the row of a timeline event and insert it at `seq`.

    `resolved` is what `resolve` made of the event (shown form, raw JSON, Megolm session).
    Returns None, storing nothing, for events that are not shown.
    """
    shown, raw, session = resolved
    item = item_from_event(
        shown, room_id, own, names,
        encrypted=ev.get("type") == "m.room.encrypted", undecryptable=session is not None,
    )  # fmt: skip
    if item is not None:
        item = with_relations(conn, room_id, shown, item)
        conn.execute(
            "INSERT INTO events (room_id, seq, event_id, item, raw, session_id) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            (room_id, seq, ev["event_id"], item_to_json(item), raw, session),
        )
    return item
