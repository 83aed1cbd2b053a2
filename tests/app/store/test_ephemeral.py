"""Ephemeral events of a sync (receipts, typing), drafts and members in the cache."""

from __future__ import annotations

import json
from pathlib import Path

from app.store import drafts, ephemeral, ingest, members_store, rows

DATA = Path(__file__).parents[2] / "data"
OWN = "@alice:localhost"
SALON = "!salon:localhost"
CAMILLE = "@camille:localhost"


def _sync(ephemeral_events: list, timeline: list | None = None) -> dict:
    room = {"timeline": {"events": timeline or []}, "ephemeral": {"events": ephemeral_events}}
    return {"next_batch": "s2", "rooms": {"join": {SALON: room}}}


def _receipt(event_id: str, user: str, ts: int = 1000, rtype: str = "m.read", **extra) -> dict:
    return {"type": "m.receipt",
            "content": {event_id: {rtype: {user: {"ts": ts, **extra}}}}}  # fmt: skip


async def _initial(cache) -> None:
    """The initial sync, without the receipts its messages imply (each test sets its own)."""
    data = json.loads((DATA / "sync_initial.json").read_text())
    await cache.call(ingest.apply_sync, data, rows.Decryption(), OWN)
    await cache.call(lambda conn: conn.execute("DELETE FROM receipts"))


async def test_receipts_are_kept_and_reported(cache):
    await _initial(cache)
    diff = await cache.call(ingest.apply_sync, _sync([_receipt("$e1", CAMILLE)]),
                            rows.Decryption(), OWN)  # fmt: skip
    [moved] = diff.receipts[SALON]
    assert (moved.user_id, moved.event_id, moved.ts) == (CAMILLE, "$e1", 1000)
    assert moved.name == "Camille Martin [Intérieur]"
    # Further, then an older receipt arriving late: the newest stays.
    await cache.call(ingest.apply_sync, _sync([_receipt("$e2", CAMILLE, 2000)]),
                     rows.Decryption(), OWN)  # fmt: skip
    late = await cache.call(ingest.apply_sync, _sync([_receipt("$e1", CAMILLE, 3000)]),
                            rows.Decryption(), OWN)  # fmt: skip
    assert SALON not in late.receipts
    shown = await cache.call(ephemeral.read_receipts, SALON, OWN)
    assert [(r.user_id, r.event_id) for r in shown] == [(CAMILLE, "$e2")]


async def test_own_threaded_and_malformed_receipts(cache):
    await _initial(cache)
    events = [
        _receipt("$e1", OWN, rtype="m.read.private"),  # ours: kept, never shown
        _receipt("$e2", "@dominique:localhost", thread_id="$thread"),  # a thread: not shown
        {"type": "m.receipt", "content": {"$e1": "nonsense"}},
        {"type": "m.receipt", "content": {"$e1": {"m.read": {"@x:localhost": 7}}}},
        {"type": "m.receipt", "content": []},
        {"type": "m.typing", "content": {"user_ids": "@x:localhost"}},
        "not an event",
    ]
    diff = await cache.call(ingest.apply_sync, _sync(events), rows.Decryption(), OWN)
    assert [r.user_id for r in diff.receipts.get(SALON, [])] == ["@x:localhost"]
    assert SALON not in diff.typing
    assert not await cache.call(ephemeral.is_after_own_receipt, SALON, OWN, "$e1")
    assert await cache.call(ephemeral.is_after_own_receipt, SALON, OWN, "$e2")


async def test_typing_names_who_types_but_us(cache):
    await _initial(cache)
    typing = {"type": "m.typing", "content": {"user_ids": [CAMILLE, OWN, CAMILLE]}}
    diff = await cache.call(ingest.apply_sync, _sync([typing]), rows.Decryption(), OWN)
    assert [(m.user_id, m.name) for m in diff.typing[SALON]] == [
        (CAMILLE, "Camille Martin [Intérieur]")
    ]
    stopped = await cache.call(ingest.apply_sync,
                               _sync([{"type": "m.typing", "content": {"user_ids": []}}]),
                               rows.Decryption(), OWN)  # fmt: skip
    assert stopped.typing[SALON] == ()


async def test_a_receipt_on_a_reaction_sits_under_the_row_before_it(cache):
    await _initial(cache)
    reaction = {"type": "m.reaction", "event_id": "$r1", "sender": CAMILLE,
                "origin_server_ts": 10**13,
                "content": {"m.relates_to": {"rel_type": "m.annotation", "event_id": "$e1",
                                             "key": "👍"}}}  # fmt: skip
    diff = await cache.call(ingest.apply_sync, _sync([_receipt("$r1", CAMILLE)], [reaction]),
                            rows.Decryption(), OWN)  # fmt: skip
    newest = await cache.call(lambda c: c.execute(
        "SELECT event_id FROM events WHERE room_id = ? ORDER BY seq DESC LIMIT 1", (SALON,)
    ).fetchone()[0])  # fmt: skip
    assert [r.event_id for r in diff.receipts[SALON]] == [newest]


async def test_read_up_to_clears_the_badge_only_at_the_newest(cache):
    await _initial(cache)
    event_id, summary = await cache.call(ephemeral.read_up_to, SALON, OWN, "$e1")
    assert event_id == "$e1" and summary is None  # an older row: the badge stays
    assert await cache.call(ephemeral.read_up_to, SALON, OWN, "$e1") == (None, None)
    event_id, summary = await cache.call(ephemeral.read_up_to, SALON, OWN, None)
    assert event_id is not None and summary.unread_count == 0
    assert await cache.call(ephemeral.read_up_to, SALON, OWN, "$unknown") == (None, None)


async def test_drafts_and_members(cache):
    await _initial(cache)
    await cache.call(drafts.put_drafts, {SALON: "à suivre", "!dm:localhost": "x"}, 1)
    await cache.call(drafts.put_drafts, {"!dm:localhost": "  "}, 2)
    assert await cache.call(drafts.get_draft, SALON) == "à suivre"
    assert await cache.call(drafts.get_draft, "!dm:localhost") == ""
    added = await cache.call(members_store.add_joined, SALON, {
        CAMILLE: {"display_name": "Autre nom"}, "@zoe:localhost": {"display_name": "Zoé"},
        OWN: {}, "bad": "x"})  # fmt: skip
    assert added >= 1
    members = await cache.call(members_store.joined_members, SALON, OWN)
    names = {m.user_id: m.name for m in members}
    assert names[CAMILLE] == "Camille Martin [Intérieur]"  # the room's own state wins
    assert names["@zoe:localhost"] == "Zoé" and OWN not in names


async def test_whoever_sends_a_message_has_read_up_to_it(cache):
    """The implicit receipt: Camille's new message is where she has read to, with no m.receipt;
    her explicit receipt further on is never moved back by an older message of hers."""
    await _initial(cache)
    new = {"type": "m.room.message", "sender": CAMILLE, "event_id": "$e9",
           "origin_server_ts": 9000, "content": {"msgtype": "m.text", "body": "Me voilà"}}  # fmt: skip
    diff = await cache.call(ingest.apply_sync, _sync([], [new]), rows.Decryption(), OWN)
    assert [(r.user_id, r.event_id) for r in diff.receipts[SALON]] == [(CAMILLE, "$e9")]
    own = {**new, "sender": OWN, "event_id": "$e10", "origin_server_ts": 9500}
    diff = await cache.call(ingest.apply_sync, _sync([], [own]), rows.Decryption(), OWN)
    assert SALON not in diff.receipts  # ours is never shown
    shown = await cache.call(ephemeral.read_receipts, SALON, OWN)
    assert [(r.user_id, r.event_id) for r in shown] == [(CAMILLE, "$e9")]
