"""The cache and what ingesting server data does to it: no network, a temporary SQLCipher file."""

from __future__ import annotations

import copy
import json
import secrets
from pathlib import Path

from app.core.types import ItemKind, Membership, SendState
from app.store import history, ingest, outbox_store, rows
from app.store.cache import Cache

DATA = Path(__file__).parents[2] / "data"
OWN = "@alice:localhost"


def initial() -> dict:
    return json.loads((DATA / "sync_initial.json").read_text())


async def test_initial_sync_builds_room_list(cache):
    dec = rows.Decryption(decrypted={"$x1": {
        "type": "m.room.message", "event_id": "$x1", "sender": "@camille:localhost",
        "origin_server_ts": 4000, "content": {"msgtype": "m.text", "body": "Salut Alice"}}},
        session_of={"$x2": "S2"})  # fmt: skip
    diff = await cache.call(ingest.apply_sync, initial(), dec, OWN)
    assert set(diff.rooms) == {"!salon:localhost", "!dm:localhost", "!inv:localhost"}
    rooms = {r.room_id: r for r in await cache.room_summaries()}

    salon = rooms["!salon:localhost"]
    assert (salon.name, salon.is_direct, salon.is_encrypted) == ("Télétravail", False, False)
    assert salon.last_sender == "Camille Martin [Intérieur]"
    assert salon.last_body == "**Réunion** à 14h"
    assert salon.unread_count == 2

    dm = rooms["!dm:localhost"]
    assert dm.is_direct and dm.is_encrypted
    assert dm.name == "Camille Martin [Intérieur]" and dm.name_is_fallback
    assert dm.last_undecryptable  # $x2, the newest, is still waiting for its key

    invite = rooms["!inv:localhost"]
    assert invite.membership is Membership.INVITE
    assert invite.inviter == "Louis Bernard [Éducation]"
    assert invite.name == "Réseau des référents"
    assert await cache.get_meta("sync_token") == "s1"


async def test_a_first_sync_writes_its_rows_without_carrying_them_in_the_diff(cache):
    diff = await cache.call(
        ingest.apply_sync, initial(), rows.Decryption(), OWN, announce_items=False
    )
    assert diff.appended == {}  # no timeline is on screen before the first sync
    assert set(diff.rooms) == {"!salon:localhost", "!dm:localhost", "!inv:localhost"}
    bodies = [i.body for i in await cache.timeline("!salon:localhost", 50)]
    assert "**Réunion** à 14h" in bodies  # written all the same


async def test_timeline_rows_are_sanitised_and_malformed_events_dropped(cache):
    await cache.call(ingest.apply_sync, initial(), rows.Decryption(), OWN)
    items = await cache.timeline("!salon:localhost", 50)
    assert [i.event_id for i in items] == ["$e1", "$e2", "$bad"]
    assert items[1].html == "<strong>Réunion</strong> à 14h"  # no script
    assert items[2].kind is ItemKind.UNKNOWN  # content not a dict: a row saying so, no crash
    dm = await cache.timeline("!dm:localhost", 50)
    assert [i.kind for i in dm] == [ItemKind.UNDECRYPTABLE] * 2


async def test_late_key_replaces_undecryptable_row(cache):
    await cache.call(ingest.apply_sync, initial(), rows.Decryption(), OWN)
    waiting = await cache.call(history.undecrypted, ["S1"])
    assert [(r, e) for r, e, _ in waiting] == [("!dm:localhost", "$x1")]
    raw = json.loads(waiting[0][2])
    source = {
        "type": "m.room.message",
        "event_id": "$x1",
        "sender": "@camille:localhost",
        "origin_server_ts": 4000,
        "content": {"msgtype": "m.text", "body": "Enfin lisible"},
    }
    changed, removed, rooms = await cache.call(
        history.apply_decrypted, [("!dm:localhost", raw, source)], OWN
    )
    assert removed == []
    assert changed[0][1] == "$x1" and changed[0][2].body == "Enfin lisible"
    assert changed[0][2].encrypted
    assert await cache.call(history.undecrypted, ["S1"]) == []
    assert rooms["!dm:localhost"].last_undecryptable  # $x2 is newer and still locked


async def test_incremental_append_and_gap_reset(cache):
    await cache.call(ingest.apply_sync, initial(), rows.Decryption(), OWN)
    nxt = {"next_batch": "s2", "rooms": {"join": {"!salon:localhost": {"timeline": {
        "limited": False, "events": [{"type": "m.room.message", "sender": OWN, "event_id": "$e3",
        "origin_server_ts": 6000, "content": {"msgtype": "m.text", "body": "Merci"}}]}}}}}  # fmt: skip
    diff = await cache.call(ingest.apply_sync, nxt, rows.Decryption(), OWN)
    assert [i.event_id for i in diff.appended["!salon:localhost"]] == ["$e3"]
    assert diff.appended["!salon:localhost"][0].is_own
    assert not diff.reset
    # The same response again (a retried sync) adds nothing.
    diff = await cache.call(ingest.apply_sync, nxt, rows.Decryption(), OWN)
    assert diff.appended == {}

    gap = copy.deepcopy(nxt)
    gap["next_batch"] = "s3"
    tl = gap["rooms"]["join"]["!salon:localhost"]["timeline"]
    tl.update(limited=True, prev_batch="p-gap")
    tl["events"][0]["event_id"] = "$e9"
    diff = await cache.call(ingest.apply_sync, gap, rows.Decryption(), OWN)
    assert diff.reset == ["!salon:localhost"] and diff.appended == {}
    assert [i.event_id for i in await cache.timeline("!salon:localhost", 50)] == ["$e9"]
    assert await cache.call(history.back_token, "!salon:localhost") == ("p-gap", False)


async def test_back_pagination_prepends_in_order(cache):
    await cache.call(ingest.apply_sync, initial(), rows.Decryption(), OWN)
    chunk = [  # dir=b: newest first
        {
            "type": "m.room.message",
            "sender": "@louis:localhost",
            "event_id": "$o2",
            "origin_server_ts": 900,
            "content": {"msgtype": "m.text", "body": "avant"},
        },
        {
            "type": "m.room.member",
            "state_key": "@louis:localhost",
            "sender": "@louis:localhost",
            "event_id": "$o1",
            "origin_server_ts": 800,
            "content": {"membership": "join"},
        },
    ]
    state = [{"type": "m.room.member", "state_key": "@louis:localhost", "sender": "@louis:localhost",
              "content": {"membership": "join", "displayname": "Louis"}},
             {"type": "m.room.member", "state_key": "@camille:localhost", "sender": "@camille:localhost",
              "content": {"membership": "join", "displayname": "Old name"}}]  # fmt: skip
    items, reached, _changed = await cache.call(
        history.apply_messages, "!salon:localhost", chunk, state, "p-older", rows.Decryption(), OWN
    )
    assert [i.event_id for i in items] == ["$o1", "$o2"] and not reached
    assert items[1].sender_name == "Louis"
    assert items[0].state_detail == {
        "what": "joined",
        "target": "Louis",
        "target_id": "@louis:localhost",
    }
    timeline = await cache.timeline("!salon:localhost", 50)
    assert [i.event_id for i in timeline][:3] == ["$o1", "$o2", "$e1"]
    # Old member state never overwrites the present one.
    assert timeline[3].sender_name == "Camille Martin [Intérieur]"
    items, reached, _changed = await cache.call(
        history.apply_messages, "!salon:localhost", [], [], None, rows.Decryption(), OWN
    )
    assert items == [] and reached


async def test_outbox_echo_then_remote_echo(cache):
    await cache.call(ingest.apply_sync, initial(), rows.Decryption(), OWN)
    echo = await cache.call(
        outbox_store.outbox_add, "t1", "!salon:localhost", {"msgtype": "m.text", "body": "hé"}, 7000
    )
    assert echo.key == "~t1" and echo.send_state is SendState.SENDING
    assert (await cache.call(outbox_store.outbox_next)).txn_id == "t1"
    old_key, sent = await cache.call(outbox_store.outbox_set, "t1", "sent", event_id="$s1")
    assert old_key == "~t1" and sent.key == "$s1" and sent.send_state is SendState.SENT
    assert await cache.call(outbox_store.outbox_next) is None
    remote = {"next_batch": "s2", "rooms": {"join": {"!salon:localhost": {"timeline": {"events": [
        {"type": "m.room.message", "sender": OWN, "event_id": "$s1", "origin_server_ts": 7001,
         "unsigned": {"transaction_id": "t1"}, "content": {"msgtype": "m.text", "body": "hé"}}]}}}}}  # fmt: skip
    diff = await cache.call(ingest.apply_sync, remote, rows.Decryption(), OWN)
    assert diff.appended == {} and [(k, i.key) for _, k, i in diff.changed] == [("$s1", "$s1")]
    timeline = await cache.timeline("!salon:localhost", 50)
    assert [i.key for i in timeline].count("$s1") == 1


async def test_remote_echo_before_send_returns(cache):
    """The sync can bring our event before room_send answers: no duplicate, echo replaced."""
    await cache.call(ingest.apply_sync, initial(), rows.Decryption(), OWN)
    await cache.call(
        outbox_store.outbox_add, "t2", "!salon:localhost", {"msgtype": "m.text", "body": "x"}, 1
    )
    remote = {"next_batch": "s2", "rooms": {"join": {"!salon:localhost": {"timeline": {"events": [
        {"type": "m.room.message", "sender": OWN, "event_id": "$s2", "origin_server_ts": 2,
         "unsigned": {"transaction_id": "t2"}, "content": {"msgtype": "m.text", "body": "x"}}]}}}}}  # fmt: skip
    diff = await cache.call(ingest.apply_sync, remote, rows.Decryption(), OWN)
    assert [(k, i.key) for _, k, i in diff.changed] == [("~t2", "$s2")]
    assert await cache.call(outbox_store.outbox_set, "t2", "sent", event_id="$s2") is None


async def test_outbox_survives_reopen(tmp_path):
    key = secrets.token_hex(32)
    c = Cache(tmp_path / "c.db", key)
    await c.open()
    await c.call(
        outbox_store.outbox_add, "t3", "!r:localhost", {"msgtype": "m.text", "body": "keep me"}, 1
    )
    await c.close()
    c = Cache(tmp_path / "c.db", key)
    await c.open()
    assert not c.rebuilt
    assert (await c.call(outbox_store.outbox_next)).content["body"] == "keep me"
    await c.close()


async def test_wrong_key_rebuilds_instead_of_crashing(tmp_path):
    c = Cache(tmp_path / "c.db", secrets.token_hex(32))
    await c.open()
    marker = "confidentiel-marker-7f3a"
    await c.call(
        outbox_store.outbox_add, "t4", "!r:localhost", {"msgtype": "m.text", "body": marker}, 1
    )
    await c.close()
    for suffix in ("", "-wal"):
        path = tmp_path / f"c.db{suffix}"
        if path.exists():
            assert marker.encode() not in path.read_bytes()  # encrypted at rest
    c = Cache(tmp_path / "c.db", secrets.token_hex(32))
    await c.open()
    assert c.rebuilt and await c.call(outbox_store.outbox_next) is None
    await c.close()


async def test_edit_and_redaction_change_the_target_row(cache):
    await cache.call(ingest.apply_sync, initial(), rows.Decryption(), OWN)
    batch = {"next_batch": "s2", "rooms": {"join": {"!salon:localhost": {"timeline": {"events": [
        {"type": "m.room.message", "sender": "@camille:localhost", "event_id": "$ed",
         "origin_server_ts": 8000, "content": {"msgtype": "m.text", "body": "* corrigé",
         "m.new_content": {"msgtype": "m.text", "body": "corrigé"},
         "m.relates_to": {"rel_type": "m.replace", "event_id": "$e1"}}},
        {"type": "m.room.redaction", "sender": "@camille:localhost", "event_id": "$rd",
         "origin_server_ts": 8001, "redacts": "$e2", "content": {}}]}}}}}  # fmt: skip
    diff = await cache.call(ingest.apply_sync, batch, rows.Decryption(), OWN)
    changed = {key: item for _, key, item in diff.changed}
    assert changed["$e1"].body == "corrigé"
    assert changed["$e2"].kind is ItemKind.REDACTED
    assert "!salon:localhost" not in diff.appended


async def test_leave_removes_room(cache):
    await cache.call(ingest.apply_sync, initial(), rows.Decryption(), OWN)
    diff = await cache.call(ingest.apply_sync, {"next_batch": "s2", "rooms": {"leave": {"!inv:localhost": {}}}},
                            rows.Decryption(), OWN)  # fmt: skip
    assert diff.removed == ["!inv:localhost"]
    assert "!inv:localhost" not in {r.room_id for r in await cache.room_summaries()}


async def test_first_screen_of_rooms_puts_invitations_first(cache):
    await cache.call(ingest.apply_sync, initial(), rows.Decryption(), OWN)
    first = await cache.room_summaries(limit=2)
    assert [r.room_id for r in first] == ["!inv:localhost", "!dm:localhost"]
    assert len(await cache.room_summaries()) == 3


async def test_timeline_around_a_row_moves_a_window_over_the_cache(cache):
    await cache.call(ingest.apply_sync, initial(), rows.Decryption(), OWN)
    await cache.call(
        outbox_store.outbox_add,
        "t9",
        "!salon:localhost",
        {"msgtype": "m.text", "body": "pending"},
        9,
    )
    older = await cache.timeline_around("!salon:localhost", "$bad", 1, newer=False)
    assert [i.key for i in older] == ["$e2"]
    newer = await cache.timeline_around("!salon:localhost", "$e1", 1, newer=True)
    assert [i.key for i in newer] == ["$e2"]  # a full page: the unsent message is not yet due
    newest = await cache.timeline_around("!salon:localhost", "$e1", 10, newer=True)
    assert [i.key for i in newest] == ["$e2", "$bad", "~t9"]  # the end: unsent messages follow
    assert await cache.timeline_around("!salon:localhost", "$nope", 10, newer=True) == []


async def test_a_sync_sent_before_we_left_does_not_bring_the_room_back(cache):
    """Leaving removes the room at once; a /sync already on its way still lists it as joined."""
    import time

    from app.store import room_store

    await cache.call(ingest.apply_sync, initial(), rows.Decryption(), OWN)
    now_ms = int(time.time() * 1000)
    await cache.call(room_store.remove_room, "!salon:localhost", now_ms)
    stale = {"rooms": {"join": {"!salon:localhost": initial()["rooms"]["join"]["!salon:localhost"]}}}
    diff = await cache.call(ingest.apply_sync, stale, rows.Decryption(), OWN)
    assert "!salon:localhost" not in diff.rooms
    assert "!salon:localhost" not in {r.room_id for r in await cache.room_summaries()}

    # Joining again (our join after the leave) brings it back.
    rejoin = copy.deepcopy(stale)
    rejoin["rooms"]["join"]["!salon:localhost"]["timeline"]["events"].append({
        "type": "m.room.member", "state_key": OWN, "sender": OWN, "event_id": "$rejoin",
        "origin_server_ts": now_ms + 1000, "content": {"membership": "join"}})  # fmt: skip
    diff = await cache.call(ingest.apply_sync, rejoin, rows.Decryption(), OWN)
    assert "!salon:localhost" in diff.rooms
    assert await cache.call(room_store.was_left, "!salon:localhost") is None


async def test_the_servers_leave_ends_the_guard(cache):
    import time

    from app.store import room_store

    await cache.call(ingest.apply_sync, initial(), rows.Decryption(), OWN)
    await cache.call(room_store.remove_room, "!dm:localhost", int(time.time() * 1000))
    await cache.call(ingest.apply_sync, {"rooms": {"leave": {"!dm:localhost": {}}}},
                     rows.Decryption(), OWN)  # fmt: skip
    assert await cache.call(room_store.was_left, "!dm:localhost") is None
