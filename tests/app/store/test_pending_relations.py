"""A deletion queued against a reaction of ours the server may not have yet: which event it
deletes, and what becomes of the local echoes (no network, a temporary cache)."""

from __future__ import annotations

from app.store import ingest, pending_relations, relations, rows
from tests.app.store.test_ingest import OWN, initial

SALON = "!salon:localhost"


async def reacted(cache) -> None:
    """Our 👍 under $e1, still local ("~r"), and its deletion queued ("~d")."""
    await cache.call(ingest.apply_sync, initial(), rows.Decryption(), OWN)
    like = {"m.relates_to": {"rel_type": "m.annotation", "event_id": "$e1", "key": "👍"}}
    await cache.call(relations.add_local, SALON, "$e1", relations.ANNOTATION, OWN, like, 1, "~r")
    await cache.call(relations.add_local, SALON, "~r", relations.REDACTION, OWN, {}, 2, "~d")


async def chips(cache) -> dict:
    return await cache.call(relations.reactions_of, SALON, "$e1")


async def test_resolved_from_the_outbox_or_the_server_then_settled(cache):
    await reacted(cache)
    assert await chips(cache) == {}  # taken back at once
    target = pending_relations.redaction_target
    assert await cache.call(target, "~d", "~r", "$sent") == "$sent"  # sent in this run
    assert await cache.call(target, "~d", "~r", None) == ("$e1", "👍")  # ask the server
    await cache.call(pending_relations.settle, "~r", "$sent")
    assert await chips(cache) == {}
    # The server's copy arrives after all (not yet deleted there): still no chip.
    copy = {"type": "m.reaction", "event_id": "$sent", "sender": OWN, "origin_server_ts": 3,
            "content": {"m.relates_to": {"rel_type": "m.annotation", "event_id": "$e1",
                                         "key": "👍"}}}  # fmt: skip
    await cache.call(lambda conn: relations.record(conn, SALON, copy, "$e1",
                                                   relations.ANNOTATION))  # fmt: skip
    assert await chips(cache) == {}


async def test_the_sync_bringing_the_reaction_names_it_for_the_deletion(cache):
    await reacted(cache)
    copy = {"type": "m.reaction", "event_id": "$back", "sender": OWN, "origin_server_ts": 3,
            "content": {"m.relates_to": {"rel_type": "m.annotation", "event_id": "$e1",
                                         "key": "👍"}}}  # fmt: skip
    await cache.call(lambda conn: relations.record(conn, SALON, copy, "$e1",
                                                   relations.ANNOTATION))  # fmt: skip
    assert await chips(cache) == {}  # the copy replaced the echo and stays deleted
    assert await cache.call(pending_relations.redaction_target, "~d", "~r", None) == "$back"


async def test_nothing_to_delete_when_the_reaction_never_left(cache):
    await reacted(cache)
    await cache.call(relations.drop_local, SALON, "~r")  # refused by the server
    assert await cache.call(pending_relations.redaction_target, "~d", "~r", None) == ""
    await cache.call(pending_relations.forget, "~d")
    left = await cache.call(lambda conn: conn.execute(
        "SELECT event_id FROM relations WHERE event_id LIKE '~%'").fetchall())  # fmt: skip
    assert left == []
