"""The persistent cache: rooms, state, recent events, the outbox and the sync token.

It is the client's source of truth (nio keeps no room state). SQLite in WAL mode,
encrypted at rest with SQLCipher (the key lives in the OS keyring), on one dedicated
thread: every query runs there, never on the UI thread. A cache that cannot be read
(wrong key, corruption, old schema) is deleted and rebuilt from the server.
"""

from __future__ import annotations

import asyncio
import json
import logging
import sqlite3
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict
from pathlib import Path
from typing import Any, TypeVar

import sqlcipher3

from app.core.types import ItemKind, Membership, RoomSummary, SendState, TimelineItem
from app.store.schema import SCHEMA, SCHEMA_VERSION, migrate

log = logging.getLogger("tchap.db")

T = TypeVar("T")


class CacheUnavailable(RuntimeError):
    """The cache could not be opened even after rebuilding it (disk full, permissions)."""


def item_to_json(item: TimelineItem) -> str:
    """Serialise a row for the events table."""
    return json.dumps(asdict(item), ensure_ascii=False, separators=(",", ":"))


def item_from_json(text: str) -> TimelineItem:
    """Inverse of item_to_json."""
    data = json.loads(text)
    data["kind"] = ItemKind(data["kind"])
    data["send_state"] = SendState(data["send_state"])
    return TimelineItem(**data)


def summary_to_json(summary: RoomSummary) -> str:
    """Serialise a room list row for the rooms table."""
    return json.dumps(asdict(summary), ensure_ascii=False, separators=(",", ":"))


def summary_from_json(text: str) -> RoomSummary:
    """Inverse of summary_to_json."""
    data = json.loads(text)
    data["membership"] = Membership(data["membership"])
    for key, value in data.items():
        if isinstance(value, list):  # tuples in the dataclass, lists in JSON
            data[key] = tuple(value)
    return RoomSummary(**data)


def delete_cache_files(path: Path) -> None:
    """Remove the database and its WAL/SHM side files."""
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


class Cache:
    """The encrypted SQLite cache, with all access serialised on its own thread."""

    def __init__(self, path: Path, key: str | None) -> None:
        """`key` is 64 hex digits (a raw 256-bit SQLCipher key); None means a plain SQLite file."""
        self.path = path
        self._key = key
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="tchap-db")
        self._conn: Any = None
        self.rebuilt = False  # True when open() had to start from an empty cache

    # -- thread plumbing -------------------------------------------------------------------

    async def call(self, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """Run fn(connection, *args, **kwargs) on the database thread."""
        loop = asyncio.get_running_loop()
        try:
            pending = loop.run_in_executor(self._pool, self._run, fn, args, kwargs)
        except RuntimeError as exc:  # the pool is shut down: the cache was closed (sign-out, quit)
            raise CacheUnavailable("cache is closed") from exc
        return await pending

    def _run(self, fn: Callable[..., T], args: tuple, kwargs: dict) -> T:
        if self._conn is None:
            raise CacheUnavailable("cache is closed")
        return fn(self._conn, *args, **kwargs)

    async def open(self) -> None:
        """Open (or create, or rebuild) the cache; raises CacheUnavailable if impossible."""
        loop = asyncio.get_running_loop()
        await loop.run_in_executor(self._pool, self._open_sync)

    async def close(self) -> None:
        """Checkpoint and close; the thread ends."""
        loop = asyncio.get_running_loop()
        try:
            await loop.run_in_executor(self._pool, self._close_sync)
        finally:
            self._pool.shutdown(wait=True)

    def _connect(self) -> Any:
        if self._key is None:
            conn = sqlite3.connect(self.path, isolation_level=None)
        else:
            conn = sqlcipher3.connect(str(self.path), isolation_level=None)
            conn.execute(f"PRAGMA key = \"x'{self._key}'\"")
        # Reading sqlite_master fails here if the key is wrong or the file is corrupt.
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = NORMAL")
        conn.execute("PRAGMA temp_store = MEMORY")
        if version == 0:
            conn.executescript(SCHEMA)
            conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
            self.rebuilt = True
        elif version != SCHEMA_VERSION:
            migrate(conn, version)  # raises DatabaseError for a version it does not know
        return conn

    def _open_sync(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        errors = (sqlite3.DatabaseError, sqlcipher3.DatabaseError)
        try:
            self._conn = self._connect()
            return
        except errors as exc:
            log.warning("cache unreadable (%s): deleting and rebuilding it", type(exc).__name__)
        try:
            delete_cache_files(self.path)
            self._conn = self._connect()
        except (*errors, OSError) as exc:
            raise CacheUnavailable(type(exc).__name__) from exc

    def _close_sync(self) -> None:
        if self._conn is not None:
            try:
                self._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            finally:
                self._conn.close()
                self._conn = None

    # -- reads used by the session and the UI ---------------------------------------------

    async def get_meta(self, key: str) -> str | None:
        """A value of the meta table (sync token, m.direct...)."""
        return await self.call(get_meta, key)

    async def room_summaries(self, limit: int | None = None) -> list[RoomSummary]:
        """The room list's rows: invitations, then most recent first; all, or the first `limit`."""
        return await self.call(_room_summaries, limit)

    async def timeline_around(
        self, room_id: str, key: str, limit: int, *, newer: bool
    ) -> list[TimelineItem]:
        """Up to `limit` rows just before (or after) the row `key`, chronological.

        After the newest event come the room's unsent messages. A key the cache does not
        hold gives nothing.
        """
        return await self.call(_timeline_around, room_id, key, limit, newer)

    async def timeline(self, room_id: str, limit: int) -> list[TimelineItem]:
        """The newest `limit` rows of a room, chronological, then its unsent messages."""
        return await self.call(_timeline, room_id, limit)


# -- functions that run on the database thread (they take the connection first) ----------


def get_meta(conn: Any, key: str) -> str | None:
    """Read one meta value."""
    row = conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
    return row[0] if row else None


def set_meta(conn: Any, key: str, value: str) -> None:
    """Write one meta value (inside the caller's transaction)."""
    conn.execute(
        "INSERT INTO meta (key, value) VALUES (?, ?) "
        "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        (key, value),
    )


def _room_summaries(conn: Any, limit: int | None) -> list[RoomSummary]:
    rows = conn.execute(
        "SELECT summary FROM rooms ORDER BY membership = 'invite' DESC, sort_ts DESC LIMIT ?",
        (-1 if limit is None else limit,),
    ).fetchall()
    return [summary_from_json(r[0]) for r in rows]


def _timeline(conn: Any, room_id: str, limit: int) -> list[TimelineItem]:
    rows = conn.execute(
        "SELECT item FROM events WHERE room_id = ? ORDER BY seq DESC LIMIT ?", (room_id, limit)
    ).fetchall()
    items = [item_from_json(r[0]) for r in reversed(rows)]
    return items + outbox_items(conn, room_id)


def _timeline_around(
    conn: Any, room_id: str, key: str, limit: int, newer: bool
) -> list[TimelineItem]:
    row = conn.execute(
        "SELECT seq FROM events WHERE room_id = ? AND event_id = ?", (room_id, key)
    ).fetchone()
    if row is None:
        return []
    if newer:
        rows = conn.execute(
            "SELECT item FROM events WHERE room_id = ? AND seq > ? ORDER BY seq LIMIT ?",
            (room_id, row[0], limit),
        ).fetchall()
        items = [item_from_json(r[0]) for r in rows]
        return items + outbox_items(conn, room_id) if len(items) < limit else items
    rows = conn.execute(
        "SELECT item FROM events WHERE room_id = ? AND seq < ? ORDER BY seq DESC LIMIT ?",
        (room_id, row[0], limit),
    ).fetchall()
    return [item_from_json(r[0]) for r in reversed(rows)]


def outbox_items(conn: Any, room_id: str) -> list[TimelineItem]:
    """The local echoes of a room's unsent (or sent, not yet echoed) messages."""
    rows = conn.execute(
        "SELECT txn_id, content, created_ts, state, event_id, error FROM outbox "
        "WHERE room_id = ? AND op = 'message' ORDER BY ord",
        (room_id,),
    ).fetchall()
    own = get_meta(conn, "user_id") or ""
    name = get_meta(conn, "own_name") or own
    return [echo_item(room_id, own, name, *row) for row in rows]


def echo_item(
    room_id: str,
    own: str,
    own_name: str,
    txn_id: str,
    content: str,
    created_ts: int,
    state: str,
    event_id: str | None,
    error: str | None = None,
) -> TimelineItem:
    """The local echo row of an outbox entry: a message, or a file card (with why it failed)."""
    from app.core.formatting import html_of
    from app.core.timeline import MEDIA_MSGTYPES, media_info

    data = json.loads(content)
    send_state = {"sending": SendState.SENDING, "failed": SendState.FAILED}.get(
        state, SendState.SENT
    )
    msgtype = data.get("msgtype", "m.text")
    common = {
        "key": event_id or f"~{txn_id}",
        "room_id": room_id,
        "sender": own,
        "sender_name": own_name,
        "ts": created_ts,
        "body": data.get("body", ""),
        "msgtype": msgtype,
        "event_id": event_id,
        "txn_id": txn_id,
        "send_state": send_state,
        "is_own": True,
    }
    if msgtype in MEDIA_MSGTYPES:
        media = media_info(data)
        if error and send_state is SendState.FAILED:
            media["error"] = error
        return TimelineItem(kind=ItemKind.MEDIA, media=media, **common)
    from app.store.relations import reply_target, strip_reply_fallback

    answered = reply_target({"content": data})  # a reply's echo quotes the real original
    if answered is not None:
        common["body"] = strip_reply_fallback(common["body"])
    return TimelineItem(kind=ItemKind.TEXT, html=html_of(data), reply_to=answered, **common)
