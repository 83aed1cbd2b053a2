"""Deleting one of our relations the server may not have yet (database thread).

A reaction clicked away while it is still in the outbox is simply cancelled. Once it is on
its way, or sent but not yet back from the sync, its event id is not known when the user
takes it back: the deletion is queued against its local id ("~txn") and resolved here when
its turn comes to be sent (after the reaction: the outbox keeps the order).
"""

from __future__ import annotations

import json
from typing import Any

from app.store.relations import ANNOTATION, REDACTION
from app.store.rows import Transaction


def redaction_target(
    conn: Any, redaction_id: str, local_target: str, sent_id: str | None
) -> str | tuple[str, str]:
    """What a deletion queued against `local_target` ("~txn") deletes: the event id when it
    is known here; (the message, the reaction's key) when only the server knows it (sent in
    an earlier run, not back from the sync yet); "" when it never reached the room
    (cancelled or refused): nothing to delete.

    `redaction_id` is the deletion's own local id; `sent_id` the event id the outbox got
    for the target in this run, if it sent it."""
    row = conn.execute(
        "SELECT target FROM relations WHERE event_id = ? AND rel_type = ?",
        (redaction_id, REDACTION),
    ).fetchone()
    if row is not None and not str(row[0]).startswith("~"):
        return str(row[0])  # the server's copy came back and took its place (relations.record)
    if sent_id:
        return sent_id
    local = conn.execute(
        "SELECT target, content FROM relations WHERE event_id = ? AND rel_type = ?",
        (local_target, ANNOTATION),
    ).fetchone()
    if local is None:
        return ""
    relates = json.loads(local[1]).get("m.relates_to") or {}
    return str(local[0]), str(relates.get("key", ""))


def settle(conn: Any, local_target: str, event_id: str) -> None:
    """The local echo `local_target` is the event `event_id`: the deletions queued against
    it name the event, and the echo goes (the server's copy may come back already deleted,
    with nothing left to replace it by)."""
    with Transaction(conn):
        conn.execute(
            "UPDATE relations SET target = ? WHERE target = ? AND rel_type = ?",
            (event_id, local_target, REDACTION),
        )
        conn.execute("DELETE FROM relations WHERE event_id = ?", (local_target,))


def forget(conn: Any, redaction_id: str) -> None:
    """A deletion with nothing to delete (its target never reached the room): its local
    echo goes too."""
    with Transaction(conn):
        conn.execute("DELETE FROM relations WHERE event_id = ?", (redaction_id,))
