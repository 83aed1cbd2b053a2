"""Schema versions: a cache written by the previous version is upgraded with nothing lost."""

from __future__ import annotations

import json
import secrets
from pathlib import Path

import pytest

from app.store import account_data, ingest, outbox_store, rows
from app.store.cache import Cache
from app.store.schema import SCHEMA_VERSION

DATA = Path(__file__).parents[2] / "data"
OWN = "@alice:localhost"


async def _version(cache) -> int:
    return await cache.call(lambda conn: conn.execute("PRAGMA user_version").fetchone()[0])


OLDER = {  # what today's schema loses to become an older version's
    6: "",  # the same tables: only the flag that the upgrade sets
    5: "ALTER TABLE rooms DROP COLUMN fully_read;",
    4: "DROP TABLE receipts; DROP TABLE drafts;",
    3: "ALTER TABLE outbox DROP COLUMN op; ALTER TABLE outbox DROP COLUMN event_type;",
    2: "DROP TABLE relations;",
}


@pytest.mark.parametrize("version", [2, 3, 4, 5, 6])
async def test_an_older_cache_is_upgraded_in_place(tmp_path, version):
    """Version 6 has today's tables (an upgrade from it asks the server for account data
    once), version 5 also lacks the read marker, version 4 also receipts and drafts, version
    3 also the outbox's kinds of operation, version 2 also the relations table: write one,
    reopen it, nothing is lost."""
    key = secrets.token_hex(32)
    old = Cache(tmp_path / "cache.db", key)
    await old.open()
    await old.call(lambda conn: conn.execute("INSERT INTO meta VALUES ('user_id', ?)", (OWN,)))
    await old.call(ingest.apply_sync, json.loads((DATA / "sync_initial.json").read_text()),
                   rows.Decryption(), OWN)  # fmt: skip
    await old.call(outbox_store.outbox_add, "txn1", "!salon:localhost",
                   {"msgtype": "m.text", "body": "pas encore parti"}, 123)  # fmt: skip
    rooms_before = await old.room_summaries()
    timeline_before = await old.timeline("!salon:localhost", 50)
    downgrade = "".join(OLDER[v] for v in sorted(OLDER, reverse=True) if v >= version)
    await old.call(lambda conn: conn.executescript(
        f"{downgrade} PRAGMA user_version = {version};"))  # fmt: skip
    await old.close()

    upgraded = Cache(tmp_path / "cache.db", key)
    await upgraded.open()
    assert not upgraded.rebuilt
    assert await _version(upgraded) == SCHEMA_VERSION == 7
    assert await upgraded.room_summaries() == rooms_before
    assert await upgraded.timeline("!salon:localhost", 50) == timeline_before
    assert timeline_before[-1].body == "pas encore parti"  # the outbox too
    assert await upgraded.get_meta("sync_token") == "s1"
    assert await upgraded.call(lambda conn: conn.execute(
        "SELECT count(*) FROM relations").fetchone()[0]) == 0  # fmt: skip
    assert await upgraded.call(account_data.needs_backfill)  # tags and marks, asked once
    queued = await upgraded.call(outbox_store.outbox_next)  # still a message, still to send
    assert (queued.txn_id, queued.op, queued.event_type) == ("txn1", "message", "m.room.message")
    receipts = await upgraded.call(lambda conn: conn.execute(
        "SELECT count(*) FROM receipts").fetchone()[0])  # fmt: skip
    assert receipts == (0 if version <= 4 else 2)  # a new table, or the senders' implicit receipts kept
    await upgraded.close()


@pytest.mark.parametrize("version", [99, 1])
async def test_an_unknown_version_is_rebuilt(tmp_path, version):
    key = secrets.token_hex(32)
    cache = Cache(tmp_path / "cache.db", key)
    await cache.open()
    await cache.call(lambda conn: conn.execute(f"PRAGMA user_version = {version}"))
    await cache.close()
    again = Cache(tmp_path / "cache.db", key)
    await again.open()
    assert again.rebuilt and await _version(again) == SCHEMA_VERSION
    await again.close()
