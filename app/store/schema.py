"""The cache's schema, its version, and the steps that upgrade an older cache in place.

A cache carries its schema version (`PRAGMA user_version`). An older one is upgraded in one
transaction, step by step, with nothing lost; one from a newer version of the client, or
one this client cannot read, is deleted and rebuilt from the server by the cache.
"""

from __future__ import annotations

import logging
import sqlite3
from typing import Any

log = logging.getLogger("tchap.db")

SCHEMA_VERSION = 7

SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE rooms (
    room_id TEXT PRIMARY KEY,
    membership TEXT NOT NULL,
    facts TEXT NOT NULL,            -- JSON of app.core.rooms.RoomFacts
    summary TEXT NOT NULL,          -- JSON of app.core.types.RoomSummary (what the list shows)
    sort_ts INTEGER NOT NULL DEFAULT 0,
    back_token TEXT,                -- /messages token just before the oldest cached event
    reached_start INTEGER NOT NULL DEFAULT 0,
    fully_read TEXT                 -- the read marker (m.fully_read): the event read up to
);
CREATE INDEX rooms_by_sort ON rooms (membership = 'invite' DESC, sort_ts DESC);
CREATE TABLE state (
    room_id TEXT NOT NULL,
    type TEXT NOT NULL,
    state_key TEXT NOT NULL,
    content TEXT NOT NULL,
    PRIMARY KEY (room_id, type, state_key)
) WITHOUT ROWID;
CREATE TABLE events (
    room_id TEXT NOT NULL,
    seq INTEGER NOT NULL,           -- order in the room: appended +1, back-paginated -1
    event_id TEXT NOT NULL,
    item TEXT NOT NULL,             -- JSON of app.core.types.TimelineItem
    raw TEXT,                       -- the encrypted event, kept while it is undecryptable
    session_id TEXT,                -- its Megolm session, to retry when the key arrives
    PRIMARY KEY (room_id, seq)
) WITHOUT ROWID;
CREATE UNIQUE INDEX events_by_id ON events (event_id);
CREATE INDEX events_by_session ON events (session_id) WHERE session_id IS NOT NULL;
CREATE TABLE outbox (
    ord INTEGER PRIMARY KEY AUTOINCREMENT,
    txn_id TEXT NOT NULL UNIQUE,
    room_id TEXT NOT NULL,
    content TEXT NOT NULL,
    created_ts INTEGER NOT NULL,
    state TEXT NOT NULL,            -- sending | failed | sent (until its remote echo arrives)
    event_id TEXT,
    error TEXT,
    op TEXT NOT NULL DEFAULT 'message', -- message (has an echo row) | event | redaction | request
    event_type TEXT NOT NULL DEFAULT 'm.room.message'
);
CREATE TABLE relations (
    event_id TEXT PRIMARY KEY,      -- the edit, redaction or reaction
    room_id TEXT NOT NULL,
    target TEXT NOT NULL,           -- the event it changes (cached or not, yet)
    rel_type TEXT NOT NULL,         -- m.replace | m.redaction | m.annotation | m.in_reply_to
    sender TEXT NOT NULL,
    ts INTEGER NOT NULL,
    content TEXT NOT NULL
);
CREATE INDEX relations_by_target ON relations (target, rel_type);
CREATE TABLE receipts (
    room_id TEXT NOT NULL,
    user_id TEXT NOT NULL,
    event_id TEXT NOT NULL,         -- the newest event they read (m.read, or our m.read.private)
    ts INTEGER NOT NULL,
    PRIMARY KEY (room_id, user_id)
) WITHOUT ROWID;
CREATE TABLE drafts (
    room_id TEXT PRIMARY KEY,       -- what was being typed there (Markdown, mentions as links)
    text TEXT NOT NULL,
    ts INTEGER NOT NULL
);
"""

# version N -> the SQL that takes a cache from N to N + 1
MIGRATIONS: dict[int, str] = {
    # 3: edits, deletions, reactions and replies kept whatever their arrival order.
    2: """
CREATE TABLE relations (
    event_id TEXT PRIMARY KEY, room_id TEXT NOT NULL, target TEXT NOT NULL,
    rel_type TEXT NOT NULL, sender TEXT NOT NULL, ts INTEGER NOT NULL, content TEXT NOT NULL
);
CREATE INDEX relations_by_target ON relations (target, rel_type);
""",
    # 4: the outbox carries any room event, redactions and client-server requests.
    3: """
ALTER TABLE outbox ADD COLUMN op TEXT NOT NULL DEFAULT 'message';
ALTER TABLE outbox ADD COLUMN event_type TEXT NOT NULL DEFAULT 'm.room.message'
""",
    # 5: read receipts (shown under messages after a restart) and each room's draft.
    4: """
CREATE TABLE receipts (
    room_id TEXT NOT NULL,
    user_id TEXT NOT NULL,
    event_id TEXT NOT NULL,         -- the newest event they read (m.read, or our m.read.private)
    ts INTEGER NOT NULL,
    PRIMARY KEY (room_id, user_id)
) WITHOUT ROWID;
CREATE TABLE drafts (
    room_id TEXT PRIMARY KEY,       -- what was being typed there (Markdown, mentions as links)
    text TEXT NOT NULL,
    ts INTEGER NOT NULL
);
""",
    # 6: the read marker, for the timeline's "new messages" line.
    5: """
ALTER TABLE rooms ADD COLUMN fully_read TEXT;
""",
    # 7: nothing new in the tables, but room tags, "marked unread" and the muting push rules
    # are now kept (in the room facts): an older cache asks the server for them once.
    6: """
INSERT OR REPLACE INTO meta (key, value) VALUES ('account_data_backfill', '1')
""",
}


def migrate(conn: Any, version: int) -> None:
    """Upgrade a cache of schema `version` to SCHEMA_VERSION in one transaction."""
    if not 0 < version < SCHEMA_VERSION or any(
        v not in MIGRATIONS for v in range(version, SCHEMA_VERSION)
    ):
        raise sqlite3.DatabaseError(f"schema {version}, expected {SCHEMA_VERSION}")
    conn.execute("BEGIN IMMEDIATE")
    try:
        for step in range(version, SCHEMA_VERSION):
            for statement in MIGRATIONS[step].split(";"):
                if statement.strip():
                    conn.execute(statement)
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")
    log.info("cache upgraded from schema %d to %d", version, SCHEMA_VERSION)
