"""Applying what the server sent to the cache, one transaction per batch.

These functions run on the cache's thread (they take the connection first) and return
the diff the session publishes. A sync response is written with its sync token in the
same transaction, so the cache never claims a token whose events it does not hold.
"""

from __future__ import annotations

import json
import logging
from dataclasses import asdict, dataclass, field, replace
from typing import Any

from app.cache import get_meta, item_from_json, item_to_json, set_meta, summary_to_json
from app.formatting import html_of
from app.rooms import RoomFacts, State, compute_summary, member_name
from app.timeline import edit_of, is_preview_kind, item_from_event
from app.types import ItemKind, Membership, RoomSummary, TimelineItem

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


class _Tx:
    """A write transaction on the cache connection."""

    def __init__(self, conn: Any) -> None:
        self.conn = conn

    def __enter__(self) -> Any:
        self.conn.execute("BEGIN IMMEDIATE")
        return self.conn

    def __exit__(self, exc_type: object, *_: object) -> None:
        self.conn.execute("ROLLBACK" if exc_type else "COMMIT")


# -- reading helpers ------------------------------------------------------------------------


def _facts(conn: Any, room_id: str) -> RoomFacts | None:
    row = conn.execute("SELECT facts FROM rooms WHERE room_id = ?", (room_id,)).fetchone()
    if row is None:
        return None
    data = json.loads(row[0])
    data["membership"] = Membership(data["membership"])
    return RoomFacts(**data)


def _room_state(conn: Any, room_id: str) -> State:
    rows = conn.execute(
        "SELECT type, state_key, content FROM state WHERE room_id = ?", (room_id,)
    ).fetchall()
    return {(t, k): json.loads(c) for t, k, c in rows}


class _Names:
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


def _put_state(conn: Any, room_id: str, ev: dict, *, keep_existing: bool = False) -> bool:
    etype, key, content = ev.get("type"), ev.get("state_key"), ev.get("content")
    if not isinstance(etype, str) or not isinstance(key, str) or not isinstance(content, dict):
        return False
    verb = "INSERT OR IGNORE" if keep_existing else "INSERT OR REPLACE"
    conn.execute(
        f"{verb} INTO state (room_id, type, state_key, content) VALUES (?, ?, ?, ?)",
        (room_id, etype, key, json.dumps(content, ensure_ascii=False)),
    )
    return True


def _seq_bounds(conn: Any, room_id: str) -> tuple[int, int]:
    row = conn.execute(
        "SELECT MIN(seq), MAX(seq) FROM events WHERE room_id = ?", (room_id,)
    ).fetchone()
    return (row[0] or 0, row[1] or 0)


def _last_preview(conn: Any, room_id: str) -> TimelineItem | None:
    rows = conn.execute(
        "SELECT item FROM events WHERE room_id = ? ORDER BY seq DESC LIMIT 30", (room_id,)
    )
    for (text,) in rows:
        item = item_from_json(text)
        if is_preview_kind(item.kind):
            return item
    return None


def _save_room(
    conn: Any, facts: RoomFacts, own: str, *, back_token: str | None = None
) -> RoomSummary:
    summary = compute_summary(
        facts, _room_state(conn, facts.room_id), own, _last_preview(conn, facts.room_id)
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


def _delete_room(conn: Any, room_id: str) -> None:
    for table in ("rooms", "state", "events", "outbox"):
        conn.execute(f"DELETE FROM {table} WHERE room_id = ?", (room_id,))


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


def apply_sync(conn: Any, data: dict, dec: Decryption, own: str) -> SyncDiff:
    """Write one /sync response (already decrypted where possible) and its token."""
    diff = SyncDiff()
    rooms = data.get("rooms") if isinstance(data.get("rooms"), dict) else {}
    with _Tx(conn):
        account = (data.get("account_data") or {}).get("events") or []
        new_direct = _direct_rooms(conn, account)
        direct = new_direct if new_direct is not None else _known_direct(conn)
        for room_id, info in (rooms.get("join") or {}).items():
            if isinstance(info, dict):
                _apply_joined(conn, room_id, info, dec, own, direct.get(room_id, ""), diff)
        for room_id, info in (rooms.get("invite") or {}).items():
            if isinstance(info, dict):
                _apply_invited(conn, room_id, info, own, direct.get(room_id, ""), diff)
        for room_id in rooms.get("leave") or {}:
            if _facts(conn, room_id) is not None:
                _delete_room(conn, room_id)
                diff.removed.append(room_id)
                diff.rooms.pop(room_id, None)
        if new_direct is not None:
            _refresh_direct_flags(conn, direct, own, diff)
        if isinstance(data.get("next_batch"), str):
            set_meta(conn, "sync_token", data["next_batch"])
    return diff


def _refresh_direct_flags(conn: Any, direct: dict[str, str], own: str, diff: SyncDiff) -> None:
    for (room_id,) in conn.execute("SELECT room_id FROM rooms").fetchall():
        facts = _facts(conn, room_id)
        other = direct.get(room_id, "")
        if facts is not None and (facts.is_direct, facts.direct_user) != (bool(other), other):
            facts.is_direct, facts.direct_user = bool(other), other
            diff.rooms[room_id] = _save_room(conn, facts, own)


def _apply_joined(
    conn: Any, room_id: str, info: dict, dec: Decryption, own: str, direct_user: str, diff: SyncDiff
) -> None:
    facts = _facts(conn, room_id)
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

    for ev in (info.get("state") or {}).get("events") or []:
        if isinstance(ev, dict):
            _put_state(conn, room_id, ev)
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
            _put_state(conn, room_id, ev)
    appended = _append_events(conn, room_id, events, dec, own, diff)
    if appended and room_id not in diff.reset:
        diff.appended.setdefault(room_id, []).extend(appended)
    diff.rooms[room_id] = _save_room(conn, facts, own, back_token=back_token)
    if back_token is None and is_new:
        conn.execute("UPDATE rooms SET reached_start = 1 WHERE room_id = ?", (room_id,))


def _append_events(
    conn: Any, room_id: str, events: list[dict], dec: Decryption, own: str, diff: SyncDiff
) -> list[TimelineItem]:
    names = _Names(conn, room_id)
    _, seq = _seq_bounds(conn, room_id)
    appended: list[TimelineItem] = []
    for ev in events:
        event_id = ev.get("event_id")
        if not isinstance(event_id, str):
            log.warning("event without an id in %s: skipped", room_id)
            continue
        if conn.execute("SELECT 1 FROM events WHERE event_id = ?", (event_id,)).fetchone():
            continue
        shown, raw, session = _resolve(ev, dec)
        if _apply_relation(conn, room_id, shown, diff):
            continue
        item = item_from_event(
            shown, room_id, own, names,
            encrypted=ev.get("type") == "m.room.encrypted", undecryptable=session is not None,
        )  # fmt: skip
        if item is None:
            continue
        seq += 1
        old_key = _take_from_outbox(conn, room_id, ev, shown)
        conn.execute(
            "INSERT INTO events (room_id, seq, event_id, item, raw, session_id) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            (room_id, seq, event_id, item_to_json(item), raw, session),
        )
        if old_key is not None:
            diff.changed.append((room_id, old_key, item))
        else:
            appended.append(item)
    return appended


def _resolve(ev: dict, dec: Decryption) -> tuple[dict, str | None, str | None]:
    """(what to show, raw JSON to keep, Megolm session) for one timeline event."""
    if ev.get("type") != "m.room.encrypted":
        return ev, None, None
    event_id = ev.get("event_id", "")
    if event_id in dec.decrypted:
        return dec.decrypted[event_id], None, None
    content = ev.get("content") if isinstance(ev.get("content"), dict) else {}
    session = dec.session_of.get(event_id) or content.get("session_id") or "unknown"
    return ev, json.dumps(ev), str(session)


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
    """Apply a redaction or an edit to the row it targets. True if `ev` was one."""
    target, change = None, None
    if ev.get("type") == "m.room.redaction":
        content = ev.get("content") if isinstance(ev.get("content"), dict) else {}
        target = ev.get("redacts") or content.get("redacts")
        change = {"kind": ItemKind.REDACTED, "body": "", "html": None}
    elif (edit := edit_of(ev)) is not None:
        target, new = edit
        if not isinstance(new.get("body"), str):
            return True
        change = {"body": new["body"], "html": html_of(new)}
    else:
        return False
    row = conn.execute(
        "SELECT item FROM events WHERE event_id = ? AND room_id = ?", (target, room_id)
    ).fetchone()
    if row is not None:
        old = item_from_json(row[0])
        if change.get("kind") is None and old.sender != ev.get("sender"):
            return True  # only the author may edit a message
        item = replace(old, **change)
        conn.execute(
            "UPDATE events SET item = ?, raw = NULL, session_id = NULL WHERE event_id = ?",
            (item_to_json(item), target),
        )
        diff.changed.append((room_id, old.key, item))
    return True


def _apply_invited(
    conn: Any, room_id: str, info: dict, own: str, direct_user: str, diff: SyncDiff
) -> None:
    facts = _facts(conn, room_id) or RoomFacts(room_id=room_id, membership=Membership.INVITE)
    facts.is_direct, facts.direct_user = bool(direct_user), direct_user
    for ev in (info.get("invite_state") or {}).get("events") or []:
        if not isinstance(ev, dict):
            continue
        if ev.get("type") == "m.room.member" and ev.get("state_key") == own:
            # Remember who invited us: stripped state has no event ids to look it up later.
            ev = {**ev, "content": {**(ev.get("content") or {}), "__sender": ev.get("sender")}}
        _put_state(conn, room_id, ev)
    diff.rooms[room_id] = _save_room(conn, facts, own)


# -- back-pagination, late keys, outbox ------------------------------------------------------


def apply_messages(
    conn: Any,
    room_id: str,
    chunk: list[dict],
    state: list[dict],
    end: str | None,
    dec: Decryption,
    own: str,
) -> tuple[list[TimelineItem], bool]:
    """Prepend a /messages?dir=b page. Returns (rows in chronological order, reached start)."""
    with _Tx(conn):
        for ev in state:
            if isinstance(ev, dict) and ev.get("type") == "m.room.member":
                _put_state(conn, room_id, ev, keep_existing=True)  # never overwrite the present
        names = _Names(conn, room_id)
        seq, _ = _seq_bounds(conn, room_id)
        items: list[TimelineItem] = []
        reached = end is None or not chunk
        for ev in chunk:
            if not isinstance(ev, dict) or not isinstance(ev.get("event_id"), str):
                continue
            reached = reached or ev.get("type") == "m.room.create"
            if conn.execute(
                "SELECT 1 FROM events WHERE event_id = ?", (ev["event_id"],)
            ).fetchone():
                continue
            shown, raw, session = _resolve(ev, dec)
            if edit_of(shown) or shown.get("type") == "m.room.redaction":
                continue  # older edits/redactions: their targets are older still or shown as is
            item = item_from_event(
                shown, room_id, own, names,
                encrypted=ev.get("type") == "m.room.encrypted", undecryptable=session is not None,
            )  # fmt: skip
            if item is None:
                continue
            seq -= 1
            conn.execute(
                "INSERT INTO events (room_id, seq, event_id, item, raw, session_id) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                (room_id, seq, ev["event_id"], item_to_json(item), raw, session),
            )
            items.append(item)
        conn.execute(
            "UPDATE rooms SET back_token = ?, reached_start = ? WHERE room_id = ?",
            (None if reached else end, int(reached), room_id),
        )
    return list(reversed(items)), reached


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
) -> tuple[list[tuple[str, str, TimelineItem]], dict[str, RoomSummary]]:
    """Replace undecryptable rows by their decrypted form: (room, key, item) and summaries."""
    changed: list[tuple[str, str, TimelineItem]] = []
    rooms: dict[str, RoomSummary] = {}
    with _Tx(conn):
        for room_id, raw, decrypted in results:
            item = item_from_event(decrypted, room_id, own, _Names(conn, room_id), encrypted=True)
            if item is None:  # e.g. a decrypted reaction: nothing to show
                conn.execute("DELETE FROM events WHERE event_id = ?", (raw["event_id"],))
                item = TimelineItem(
                    key=raw["event_id"], room_id=room_id, sender=raw.get("sender", ""),
                    sender_name="", ts=0, kind=ItemKind.UNKNOWN, event_id=raw["event_id"],
                )  # fmt: skip
            else:
                conn.execute(
                    "UPDATE events SET item = ?, raw = NULL, session_id = NULL WHERE event_id = ?",
                    (item_to_json(item), raw["event_id"]),
                )
            changed.append((room_id, raw["event_id"], item))
            facts = _facts(conn, room_id)
            if facts is not None:
                rooms[room_id] = _save_room(conn, facts, own)
    return changed, rooms


def outbox_add(conn: Any, txn_id: str, room_id: str, content: dict, ts: int) -> TimelineItem:
    """Queue a message; it is on disk before anything goes to the network."""
    from app.cache import outbox_items

    with _Tx(conn):
        conn.execute(
            "INSERT INTO outbox (txn_id, room_id, content, created_ts, state) "
            "VALUES (?, ?, ?, ?, 'sending')",
            (txn_id, room_id, json.dumps(content, ensure_ascii=False), ts),
        )
    return next(i for i in outbox_items(conn, room_id) if i.txn_id == txn_id)


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
    from app.cache import outbox_items

    with _Tx(conn):
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
    item = next(i for i in outbox_items(conn, room_id) if i.txn_id == txn_id)
    return old_event_id or f"~{txn_id}", item


def outbox_discard(conn: Any, txn_id: str) -> str | None:
    """Forget an unsent message; returns its room id."""
    with _Tx(conn):
        row = conn.execute("SELECT room_id FROM outbox WHERE txn_id = ?", (txn_id,)).fetchone()
        conn.execute("DELETE FROM outbox WHERE txn_id = ? AND state != 'sent'", (txn_id,))
    return row[0] if row else None


def remove_room(conn: Any, room_id: str) -> None:
    """Drop a room we left or declined."""
    with _Tx(conn):
        _delete_room(conn, room_id)


def mark_read_locally(conn: Any, room_id: str, own: str) -> tuple[str | None, RoomSummary] | None:
    """Zero a room's unread counts; returns (newest event id, new summary)."""
    with _Tx(conn):
        facts = _facts(conn, room_id)
        if facts is None:
            return None
        row = conn.execute(
            "SELECT event_id FROM events WHERE room_id = ? ORDER BY seq DESC LIMIT 1", (room_id,)
        ).fetchone()
        facts.unread_count = facts.highlight_count = 0
        return (row[0] if row else None), _save_room(conn, facts, own)


def set_direct(conn: Any, content: dict, own: str) -> dict[str, RoomSummary]:
    """Apply our own m.direct change at once (the sync would echo it a moment later)."""
    diff = SyncDiff()
    with _Tx(conn):
        direct = _direct_rooms(conn, [{"type": "m.direct", "content": content}]) or {}
        _refresh_direct_flags(conn, direct, own, diff)
    return diff.rooms


def inviter_without_profile(conn: Any, room_id: str, own: str) -> str | None:
    """The inviter of an invitation whose member state we lack (Synapse does not send it)."""
    row = conn.execute(
        "SELECT content FROM state WHERE room_id = ? AND type = 'm.room.member' AND state_key = ?",
        (room_id, own),
    ).fetchone()
    sender = json.loads(row[0]).get("__sender") if row else None
    if not isinstance(sender, str):
        return None
    known = conn.execute(
        "SELECT 1 FROM state WHERE room_id = ? AND type = 'm.room.member' AND state_key = ?",
        (room_id, sender),
    ).fetchone()
    return None if known else sender


def add_profile(
    conn: Any, room_id: str, user_id: str, profile: dict, own: str
) -> RoomSummary | None:
    """Record a user's public profile as their member state when the room has none."""
    content = {"membership": "join"}
    if isinstance(profile.get("displayname"), str):
        content["displayname"] = profile["displayname"]
    with _Tx(conn):
        _put_state(conn, room_id, {"type": "m.room.member", "state_key": user_id,
                                   "content": content}, keep_existing=True)  # fmt: skip
        facts = _facts(conn, room_id)
        return _save_room(conn, facts, own) if facts is not None else None


def record_state(conn: Any, room_id: str, ev: dict) -> None:
    """Store one state event learnt outside a sync (e.g. the encryption of a room we created)."""
    with _Tx(conn):
        _put_state(conn, room_id, ev)


def is_encrypted(conn: Any, room_id: str) -> bool:
    """Whether the cache knows the room to be encrypted (once encrypted, always)."""
    row = conn.execute(
        "SELECT 1 FROM state WHERE room_id = ? AND type = 'm.room.encryption'", (room_id,)
    ).fetchone()
    return row is not None


def invite_info(conn: Any, room_id: str, own: str) -> tuple[bool, str | None]:
    """(is it a direct-chat invitation, who invited us) from the invite's stripped state."""
    row = conn.execute(
        "SELECT content FROM state WHERE room_id = ? AND type = 'm.room.member' AND state_key = ?",
        (room_id, own),
    ).fetchone()
    content = json.loads(row[0]) if row else {}
    sender = content.get("__sender")
    return bool(content.get("is_direct")), sender if isinstance(sender, str) else None
