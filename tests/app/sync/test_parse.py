"""How a /sync is held in memory and what of it nio sees (no network)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.crypto import engine as crypto
from app.sync.parse import PackedRooms, parse_sync


def _room(*types: str, body: str = "salut") -> dict:
    events = [
        {"type": t, "event_id": f"$e{i}", "sender": "@a:x", "content": {"body": body}}
        for i, t in enumerate(types)
    ]
    return {"timeline": {"events": events}, "state": {"events": []}, "account_data": {"events": []}}


def test_packed_rooms_give_back_every_room_intact():
    rooms = {
        "!a:x": _room("m.room.message", body="Réunion à 14 h\nsalle 2 🙂"),
        "!b:x": _room("m.room.encrypted"),
        "!c:x": {},
    }
    packed = PackedRooms.of(rooms)
    assert len(packed) == 3
    assert dict(packed.items()) == rooms
    assert list(PackedRooms.of({}).items()) == [] and not PackedRooms.of({})


def test_parse_packs_the_joined_rooms_and_keeps_the_rest():
    raw = json.dumps({
        "next_batch": "s9",
        "rooms": {"join": {"!a:x": _room("m.room.message")}, "invite": {"!i:x": {}}},
        "account_data": {"events": [{"type": "m.direct", "content": {"@b:x": ["!a:x"]}}]},
    }).encode()  # fmt: skip
    data = parse_sync(raw)
    assert isinstance(data["rooms"]["join"], PackedRooms)
    assert dict(data["rooms"]["join"].items()) == {"!a:x": _room("m.room.message")}
    assert data["rooms"]["invite"] == {"!i:x": {}}
    assert data["account_data"]["events"][0]["content"] == {"@b:x": ["!a:x"]}


def _unpacked(data: dict) -> dict:
    rooms = data.get("rooms")
    if isinstance(rooms, dict) and isinstance(rooms.get("join"), PackedRooms):
        data = dict(data, rooms=dict(rooms, join=dict(rooms["join"].items())))
    return data


SYNC_INITIAL = (Path(__file__).parents[2] / "data" / "sync_initial.json").read_bytes()
TRICKY = [
    SYNC_INITIAL,
    b'{"next_batch":"s1"}',
    b"{}",
    b' \r\n{ "rooms" : { "join" : { } , "leave" : {"!l:x": {}} } }\n ',
    b'{"rooms":{"join":{"!a:x":{"timeline":{"events":[{"content":{"body":"a\\"}\\n{\\u00e9 \\ud83d\\ude42"}}]}}}}}',
    json.dumps(
        {"rooms": {"join": {"!é:x": _room("m.room.message", body="été 🙂 } ] {")}}},
        ensure_ascii=False,
        indent=2,
    ).encode(),
    b'{"rooms":{"join":{"!a:x":{"n":[1,2.5e3,-0,true,false,null]}},"invite":{"!i:x":{}}},"x":[]}',
    b'{"rooms":[],"to_device":{"events":[]}}',  # not the expected shape: kept as it came
    b'{"rooms":{"join":[]}}',
]


@pytest.mark.parametrize("raw", TRICKY, ids=range(len(TRICKY)))
def test_the_room_by_room_parse_reads_what_json_loads_reads(raw):
    assert _unpacked(parse_sync(raw)) == json.loads(raw)


@pytest.mark.parametrize("raw", [
    b"", b"[]", b'"sync"', b"{", b'{"rooms":{"join":{"!a:x":{}}}', b'{"a":1}x', b'{"a" 1}',
    b'{"a":1,}', b"{'a':1}", b'{"rooms":{"join":{"!a:x":{"t":[1,}}}}', b'{"a":"\xff"}',
    b'{"rooms":{"join":{"!a:x":nul}}}', b'{"a":1 "b":2}',
])  # fmt: skip
def test_a_malformed_body_is_refused_like_json_loads_refuses_it(raw):
    with pytest.raises(ValueError):
        parse_sync(raw)


def test_nio_sees_only_encrypted_rooms_and_nothing_it_would_mutate():
    data = {
        "next_batch": "s9",
        "to_device": {"events": [{"type": "m.room.encrypted", "content": {}}]},
        "device_lists": {"changed": ["@b:x"]},
        "account_data": {"events": [{"type": "m.direct", "content": {"@b:x": ["!p:x"]}}]},
        "rooms": {
            "join": PackedRooms.of({
                "!plain:x": _room("m.room.message"),
                "!new:x": _room("m.room.encryption"),  # turned encrypted in this batch
                "!msgs:x": _room("m.room.encrypted"),
                "!known:x": _room("m.room.member"),  # encrypted before: the caller knows
            }),
            "invite": {"!i:x": {"invite_state": {"events": []}}},
        },
    }  # fmt: skip
    views = list(crypto.nio_views(data, {"!known:x"}))
    assert len(views) == 1
    (view,) = views
    assert view["next_batch"] == "s9"
    assert view["to_device"] == data["to_device"] and view["device_lists"] == data["device_lists"]
    assert "account_data" not in view and set(view["rooms"]) == {"join"}
    assert set(view["rooms"]["join"]) == {"!new:x", "!msgs:x", "!known:x"}
    assert "account_data" not in view["rooms"]["join"]["!msgs:x"]


def test_nio_gets_a_large_sync_in_parts_with_the_keys_first():
    count = crypto.NIO_ROOMS_PER_PART * 2 + 3
    rooms = {f"!r{i}:x": _room("m.room.encrypted") for i in range(count)}
    data = {
        "next_batch": "s9",
        "to_device": {"events": []},
        "rooms": {"join": PackedRooms.of(rooms)},
    }
    views = list(crypto.nio_views(data, set()))
    assert [len(v["rooms"]["join"]) for v in views] == [
        crypto.NIO_ROOMS_PER_PART, crypto.NIO_ROOMS_PER_PART, 3,
    ]  # fmt: skip
    assert "to_device" in views[0] and all("to_device" not in v for v in views[1:])
    tokens = [v["next_batch"] for v in views]
    assert tokens[0] == "s9" and len(set(tokens)) == 3  # nio ignores a part it thinks repeated
    assert set().union(*(v["rooms"]["join"] for v in views)) == set(rooms)


def test_an_empty_sync_still_reaches_nio_once():
    views = list(crypto.nio_views({"next_batch": "s2", "device_lists": {"left": ["@c:x"]}}, set()))
    assert views == [
        {"next_batch": "s2", "device_lists": {"left": ["@c:x"]}, "rooms": {"join": {}}}
    ]
