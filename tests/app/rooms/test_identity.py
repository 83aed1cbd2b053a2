"""The identity server's pure parts: the lookup hash (the spec's own example), server names,
and a room's facts read from hostile state."""

from __future__ import annotations

from app.rooms.identity import hash_address, id_server_name
from app.rooms.invitations import facts_of
from app.rooms.kinds import RoomKind


def test_lookup_hash_is_the_specs():
    # Identity Service API, "Client behaviour" of hashed lookups.
    assert hash_address("alice@example.com", "matrixrocks") == (
        "4kenr7N9drpCJ4AfalmlGQVsOn3o2RHjkADUpXJWZUc")


def test_id_server_name_is_host_and_port():
    assert id_server_name("https://matrix.agent.dinum.tchap.gouv.fr") == (
        "matrix.agent.dinum.tchap.gouv.fr")
    assert id_server_name("http://127.0.0.1:8090/") == "127.0.0.1:8090"


def test_room_facts_from_state_ignore_what_is_malformed():
    events = [
        {"type": "m.room.encryption", "state_key": "", "content": {"algorithm": "x"}},
        {"type": "im.vector.room.access_rules", "state_key": "", "content": {"rule": "unrestricted"}},
        {"type": "m.room.member", "state_key": "@a:s", "content": {"membership": "join"}},
        {"type": "m.room.member", "state_key": "@b:s", "content": {"membership": "invite"}},
        {"type": "m.room.member", "state_key": "@c:s", "content": {"membership": "leave"}},
        {"type": "m.room.member", "state_key": 3, "content": {"membership": "join"}},
        {"type": "m.room.member", "state_key": "@d:s", "content": "join"},
        "not an event", None,
    ]
    facts = facts_of(events)
    assert facts.kind is RoomKind.EXTERNALS
    assert (facts.joined, facts.invited, facts.count) == ({"@a:s"}, {"@b:s"}, 2)
    assert facts_of({"not": "a list"}).kind is RoomKind.UNENCRYPTED
