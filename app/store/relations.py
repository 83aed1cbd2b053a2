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
import uuid
from dataclasses import replace
from typing import Any

from app.core.formatting import clean_body, html_of
from app.core.rooms import member_name
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
    """Keep a relation (once: a page of history may bring it again). The server's copy of
    one of our own edits, reactions or deletions replaces its local echo."""
    event_id = ev.get("event_id")
    if not isinstance(event_id, str):
        return
    ts = ev.get("origin_server_ts") if isinstance(ev.get("origin_server_ts"), int) else 0
    content = ev.get("content") if isinstance(ev.get("content"), dict) else {}
    sender = str(ev.get("sender", ""))
    conn.execute(
        "INSERT OR IGNORE INTO relations (event_id, room_id, target, rel_type, sender, ts, "
        "content) VALUES (?, ?, ?, ?, ?, ?, ?)",
        (event_id, room_id, target, rel_type, sender, ts,
         json.dumps(content, ensure_ascii=False)),
    )  # fmt: skip
    _drop_local_echo(conn, target, rel_type, sender, content, event_id)


def record_local(
    conn: Any, room_id: str, target: str, rel_type: str, sender: str, content: dict, ts: int,
    local_id: str | None = None,
) -> str:
    """Keep our own relation before the server has it (its local echo): an id "~..." (the
    outbox's transaction id) that the server's copy replaces when it comes back (see
    `record`). Returns that id."""
    local_id = local_id or f"~{uuid.uuid4().hex}"
    conn.execute(
        "INSERT INTO relations (event_id, room_id, target, rel_type, sender, ts, content) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        (local_id, room_id, target, rel_type, sender, ts, json.dumps(content, ensure_ascii=False)),
    )
    return local_id


def _drop_local_echo(
    conn: Any, target: str, rel_type: str, sender: str, content: dict, event_id: str
) -> None:
    rows = conn.execute(
        "SELECT event_id, content FROM relations WHERE target = ? AND rel_type = ? AND "
        "sender = ? AND event_id LIKE '~%' ORDER BY ts, rowid",
        (target, rel_type, sender),
    ).fetchall()
    for local_id, local_content in rows:
        if rel_type == REDACTION or _same(json.loads(local_content), content, rel_type):
            conn.execute("DELETE FROM relations WHERE event_id = ?", (local_id,))
            # A deletion queued while this was still ours alone (a reaction taken back
            # before it was sent) now names the server's copy: it stays hidden.
            conn.execute(
                "UPDATE relations SET target = ? WHERE target = ? AND rel_type = ?",
                (event_id, local_id, REDACTION),
            )
            return


def _same(local: dict, remote: dict, rel_type: str) -> bool:
    if rel_type == ANNOTATION:
        return _annotation_key(local) == _annotation_key(remote)
    if rel_type == REPLACE:
        return local.get("m.new_content") == remote.get("m.new_content")
    return local == remote


def _annotation_key(content: dict) -> str | None:
    relates = content.get("m.relates_to")
    key = relates.get("key") if isinstance(relates, dict) else None
    return key if isinstance(key, str) else None


def _name(conn: Any, room_id: str, user_id: str) -> str:
    row = conn.execute(
        "SELECT content FROM state WHERE room_id = ? AND type = 'm.room.member' "
        "AND state_key = ?",
        (room_id, user_id),
    ).fetchone()
    state = {("m.room.member", user_id): json.loads(row[0])} if row else {}
    return member_name(state, user_id)


def strip_reply_fallback(body: str) -> str:
    """A reply's body without the quoted lines ("> <@who> said") its sender put first: the
    real original is shown instead, never what the fallback claims."""
    lines = body.split("\n")
    if not lines or not lines[0].startswith("> "):
        return body
    while lines and lines[0].startswith(">"):
        lines.pop(0)
    if lines and not lines[0].strip():
        lines.pop(0)
    return "\n".join(lines)


def reactions_of(conn: Any, room_id: str, event_id: str) -> dict:
    """The reactions under an event, by key: [[sender, name, reaction id], ...], oldest
    first, one per sender and key; deleted reactions left out."""
    rows = conn.execute(
        "SELECT event_id, sender, content FROM relations WHERE target = ? AND rel_type = ? "
        "AND event_id NOT IN (SELECT target FROM relations WHERE rel_type = ?) "
        "ORDER BY ts, rowid",
        (event_id, ANNOTATION, REDACTION),
    ).fetchall()
    grouped: dict[str, list] = {}
    for reaction_id, sender, content in rows:
        key = _annotation_key(json.loads(content))
        if key is None or len(key) > 64:
            continue  # not a usable reaction: no key, or an essay instead of an emoji
        senders = grouped.setdefault(key, [])
        if all(s[0] != sender for s in senders):
            senders.append([sender, _name(conn, room_id, sender), reaction_id])
    return grouped


def applied(conn: Any, item: TimelineItem) -> TimelineItem:
    """`item` as its relations make it: deleted (by whom, why), or with its author's newest
    edit; its reactions; a reply without its fallback."""
    if item.event_id is None:
        return item
    if item.reply_to and item.body.startswith("> "):
        item = replace(item, body=strip_reply_fallback(item.body))
    rows = conn.execute(
        "SELECT rel_type, sender, content FROM relations WHERE target = ? "
        "AND rel_type IN (?, ?) AND event_id NOT IN "
        "(SELECT target FROM relations WHERE rel_type = ?) ORDER BY ts DESC, rowid DESC",
        (item.event_id, REDACTION, REPLACE, REDACTION),
    ).fetchall()
    for rel_type, sender, content in rows:
        if rel_type == REDACTION:
            reason = json.loads(content).get("reason")
            redaction = {"by": sender, "by_name": _name(conn, item.room_id, sender),
                         "reason": reason if isinstance(reason, str) else ""}  # fmt: skip
            return replace(item, kind=ItemKind.REDACTED, body="", html=None, media={},
                           reactions={}, edited=False, redaction=redaction)  # fmt: skip
    item = replace(item, reactions=reactions_of(conn, item.room_id, item.event_id))
    if item.kind not in (ItemKind.TEXT, ItemKind.MEDIA):
        return item  # a state row or an undecryptable one: nothing an edit can change yet
    for _rel_type, sender, content in rows:
        if sender != item.sender:
            continue  # only the author may edit a message
        new = json.loads(content).get("m.new_content") or {}
        if isinstance(new.get("body"), str):
            return replace(item, body=clean_body(new["body"]), html=html_of(new), edited=True)
    return item


def edits_of(conn: Any, event_id: str, author: str) -> list[tuple[str, int, dict]]:
    """The author's edits of an event, oldest first: (edit id, ts, new content)."""
    rows = conn.execute(
        "SELECT event_id, ts, content FROM relations WHERE target = ? AND rel_type = ? "
        "AND sender = ? AND event_id NOT IN (SELECT target FROM relations WHERE rel_type = ?) "
        "ORDER BY ts, rowid",
        (event_id, REPLACE, author, REDACTION),
    ).fetchall()
    edits = []
    for edit_id, ts, content in rows:
        new = json.loads(content).get("m.new_content")
        if isinstance(new, dict):
            edits.append((edit_id, ts, new))
    return edits


def apply_to_stored(
    conn: Any, room_id: str, target: str, depth: int = 0
) -> tuple[str, TimelineItem] | None:
    """Rewrite the stored row `target` with its relations: (its key, the new row), or None
    when the row is not cached (yet) or did not change. A target that is itself a relation
    (a reaction or an edit being deleted) rewrites the row that one points at."""
    from app.store.cache import item_from_json, item_to_json

    row = conn.execute(
        "SELECT item FROM events WHERE event_id = ? AND room_id = ?", (target, room_id)
    ).fetchone()
    if row is None:
        parent = conn.execute(
            "SELECT target FROM relations WHERE event_id = ? AND rel_type != ?", (target, REPLY)
        ).fetchone()
        if parent is None or depth >= 3:  # a hostile chain of relations ends here
            return None
        return apply_to_stored(conn, room_id, parent[0], depth + 1)
    old = item_from_json(row[0])
    new = applied(conn, old)
    if new == old:
        return None
    conn.execute("UPDATE events SET item = ? WHERE event_id = ?", (item_to_json(new), target))
    return old.key, new


# -- reads and local echoes for the relations service (database thread) ---------------------


def stored_item(conn: Any, room_id: str, event_id: str) -> TimelineItem | None:
    """The cached row of an event, if the cache holds it."""
    from app.store.cache import item_from_json

    row = conn.execute(
        "SELECT item FROM events WHERE event_id = ? AND room_id = ?", (event_id, room_id)
    ).fetchone()
    return item_from_json(row[0]) if row else None


def item_of_fetched(
    conn: Any, room_id: str, shown: dict, own: str, encrypted: bool, undecryptable: bool
) -> TimelineItem | None:
    """The row of an event fetched from the server (not stored: it is outside the cached
    history), with what the cache knows of its relations."""
    from app.core.timeline import item_from_event

    item = item_from_event(
        shown, room_id, own, lambda user: _name(conn, room_id, user),
        encrypted=encrypted, undecryptable=undecryptable,
    )  # fmt: skip
    if item is None:
        return None
    target = reply_target(shown)
    return applied(conn, replace(item, reply_to=target) if target else item)


def add_local(
    conn: Any, room_id: str, target: str, rel_type: str, own: str, content: dict, ts: int,
    local_id: str | None = None,
) -> tuple[str, TimelineItem] | None:
    """Our own edit, reaction or deletion before the server has it: kept and applied at once.
    Returns (the row's key, its new form) when the row is cached."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        record_local(conn, room_id, target, rel_type, own, content, ts, local_id)
        changed = apply_to_stored(conn, room_id, target)
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")
    return changed


def drop_local(conn: Any, room_id: str, local_id: str) -> tuple[str, TimelineItem] | None:
    """The server refused our edit, reaction or deletion `local_id`: forget it, and give its
    target row back its form without it (its key and new form, when cached)."""
    row = conn.execute(
        "SELECT target FROM relations WHERE event_id = ? AND room_id = ?", (local_id, room_id)
    ).fetchone()
    if row is None:
        return None
    conn.execute("BEGIN IMMEDIATE")
    try:
        conn.execute("DELETE FROM relations WHERE event_id = ?", (local_id,))
        changed = apply_to_stored(conn, room_id, row[0])
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")
    return changed


def redact_level(conn: Any, room_id: str, user_id: str) -> tuple[int, int]:
    """(the user's power level, the level needed to delete others' messages)."""
    row = conn.execute(
        "SELECT content FROM state WHERE room_id = ? AND type = 'm.room.power_levels' "
        "AND state_key = ''",
        (room_id,),
    ).fetchone()
    content = json.loads(row[0]) if row else {}
    users = content.get("users") if isinstance(content.get("users"), dict) else {}
    default = content.get("users_default", 0)
    level = users.get(user_id, default)
    needed = content.get("redact", 50)
    as_int = [v if isinstance(v, int) and not isinstance(v, bool) else d
              for v, d in ((level, 0), (needed, 50))]  # fmt: skip
    return as_int[0], as_int[1]
