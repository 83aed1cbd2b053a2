"""A temporary SQLCipher cache for the store's tests, its user already known."""

from __future__ import annotations

import secrets

import pytest

from app.store.cache import Cache

OWN = "@alice:localhost"


@pytest.fixture
async def cache(tmp_path):
    c = Cache(tmp_path / "cache.db", secrets.token_hex(32))
    await c.open()
    await c.call(lambda conn: conn.execute("INSERT INTO meta VALUES ('user_id', ?)", (OWN,)))
    yield c
    await c.close()
