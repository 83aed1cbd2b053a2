"""Room account data and push rules written by a sync, and our own changes shown at once."""

from __future__ import annotations

from app.store import account_data, ingest, rows
from tests.app.store.test_ingest import OWN, initial

SALON = "!salon:localhost"


def joined(room_id: str, events: list, **extra) -> dict:
    return {"rooms": {"join": {room_id: {"account_data": {"events": events}, **extra}}}}


async def summary(cache, room_id: str):
    return {r.room_id: r for r in await cache.room_summaries()}[room_id]


async def test_tags_and_marked_unread_from_sync(cache):
    await cache.call(ingest.apply_sync, initial(), rows.Decryption(), OWN)
    sync = joined(SALON, [
        {"type": "m.tag", "content": {"tags": {"m.favourite": {"order": 0.2}}}},
        {"type": "com.famedly.marked_unread", "content": {"unread": True}},
    ])  # fmt: skip
    diff = await cache.call(ingest.apply_sync, sync, rows.Decryption(), OWN)
    room = diff.rooms[SALON]
    assert room.is_favourite and room.marked_unread and not room.is_low_priority
    assert (await summary(cache, SALON)).is_favourite  # kept for a restart
    garbage = joined(SALON, [{"type": "m.tag", "content": {"tags": ["m.favourite"]}}, "junk"])
    diff = await cache.call(ingest.apply_sync, garbage, rows.Decryption(), OWN)
    assert not diff.rooms[SALON].is_favourite and diff.rooms[SALON].marked_unread


async def test_push_rules_mute_rooms_already_cached_and_rooms_joined_later(cache):
    await cache.call(ingest.apply_sync, initial(), rows.Decryption(), OWN)
    rules = {"global": {"room": [{"rule_id": SALON, "actions": ["dont_notify"],
                                  "enabled": True}],
                        "override": [{"rule_id": "!new:localhost", "actions": [], "conditions": [
                            {"kind": "event_match", "key": "room_id",
                             "pattern": "!new:localhost"}]}]}}  # fmt: skip
    sync = {"account_data": {"events": [{"type": "m.push_rules", "content": rules}]}}
    diff = await cache.call(ingest.apply_sync, sync, rows.Decryption(), OWN)
    assert diff.rooms[SALON].is_muted  # re-saved without a sync of its own
    assert not (await summary(cache, "!dm:localhost")).is_muted
    later = joined("!new:localhost", [], summary={"m.joined_member_count": 1})
    diff = await cache.call(ingest.apply_sync, later, rows.Decryption(), OWN)
    assert diff.rooms["!new:localhost"].is_muted
    assert diff.rooms["!new:localhost"].is_empty


async def test_our_changes_are_written_at_once_and_exclusive(cache):
    await cache.call(ingest.apply_sync, initial(), rows.Decryption(), OWN)
    room = await cache.call(account_data.set_tag, SALON, "m.lowpriority", True, OWN)
    assert room.is_low_priority
    room = await cache.call(account_data.set_tag, SALON, "m.favourite", True, OWN)
    assert room.is_favourite and not room.is_low_priority
    assert await cache.call(account_data.clear_marked_unread, SALON, OWN) is None  # not marked
    await cache.call(account_data.set_marked_unread, SALON, True, OWN)
    room = await cache.call(account_data.clear_marked_unread, SALON, OWN)
    assert room is not None and not room.marked_unread
    assert await cache.call(account_data.set_tag, "!unknown:x", "m.favourite", True, OWN) is None


async def test_a_sync_echoing_the_old_tags_does_not_undo_a_change_not_sent_yet(cache):
    """Favourite then low priority: a sync that still says "favourite" arrives while the
    outbox holds the low-priority change. The list keeps showing low priority."""
    from app.net.api import path
    from app.store import outbox_store

    await cache.call(ingest.apply_sync, initial(), rows.Decryption(), OWN)
    await cache.call(account_data.set_tag, SALON, "m.lowpriority", True, OWN)
    tag_path = path("/_matrix/client/v3/user/{}/rooms/{}/tags/{}", OWN, SALON, "m.lowpriority")
    await cache.call(outbox_store.outbox_add, "t1", "", {"method": "PUT", "path": tag_path,
                     "body": {}}, 1, outbox_store.REQUEST, outbox_store.REQUEST)  # fmt: skip
    stale = joined(SALON, [{"type": "m.tag", "content": {"tags": {"m.favourite": {}}}}])
    diff = await cache.call(ingest.apply_sync, stale, rows.Decryption(), OWN)
    assert diff.rooms[SALON].is_low_priority and not diff.rooms[SALON].is_favourite

    await cache.call(outbox_store.outbox_set, "t1", "sent")  # gone: the server has it now
    echo = joined(SALON, [{"type": "m.tag", "content": {"tags": {"m.lowpriority": {}}}}])
    diff = await cache.call(ingest.apply_sync, echo, rows.Decryption(), OWN)
    assert diff.rooms[SALON].is_low_priority
    later = joined(SALON, [{"type": "m.tag", "content": {"tags": {"m.favourite": {}}}}])
    diff = await cache.call(ingest.apply_sync, later, rows.Decryption(), OWN)  # another device
    assert diff.rooms[SALON].is_favourite


async def test_pending_changes_are_read_once_per_sync_for_every_room(cache):
    """A sync of many joined rooms reads the outbox's pending requests once, not per room,
    and each room still keeps its own change not sent yet."""
    from app.net.api import path
    from app.store import outbox_store

    await cache.call(ingest.apply_sync, initial(), rows.Decryption(), OWN)
    others = [f"!r{i}:localhost" for i in range(20)]
    tag_path = path("/_matrix/client/v3/user/{}/rooms/{}/tags/{}", OWN, SALON, "m.lowpriority")
    mark_path = path("/_matrix/client/v3/user/{}/rooms/{}/account_data/{}", OWN, others[3],
                     "m.marked_unread")  # fmt: skip
    for txn, api_path in (("t1", tag_path), ("t2", mark_path)):
        await cache.call(outbox_store.outbox_add, txn, "", {"method": "PUT", "path": api_path,
                         "body": {}}, 1, outbox_store.REQUEST, outbox_store.REQUEST)  # fmt: skip
    pending = await cache.call(account_data.pending_types)
    assert pending == {SALON: frozenset({"m.tag"}),
                       others[3]: frozenset({"m.marked_unread", "com.famedly.marked_unread"})}

    await cache.call(account_data.set_tag, SALON, "m.lowpriority", True, OWN)
    stale = {"type": "m.tag", "content": {"tags": {"m.favourite": {}}}}
    sync = {"rooms": {"join": {room: {"account_data": {"events": [stale]}}
                               for room in [SALON, *others]}}}  # fmt: skip
    queries: list[str] = []

    def traced(conn):
        conn.set_trace_callback(queries.append)
        try:
            return ingest.apply_sync(conn, sync, rows.Decryption(), OWN)
        finally:
            conn.set_trace_callback(None)

    diff = await cache.call(traced)
    assert sum("FROM outbox WHERE op = 'request'" in q for q in queries) == 1
    assert diff.rooms[SALON].is_low_priority and not diff.rooms[SALON].is_favourite
    assert diff.rooms[others[0]].is_favourite  # nothing pending there: the sync applies
