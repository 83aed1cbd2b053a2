"""Tchap's kinds of room and their rules: computed from state as the official clients do,
and the same rules the server's access-rules module enforces (checked against it)."""

from __future__ import annotations

import urllib.parse

import pytest

from app.rooms.kinds import (
    CREATABLE,
    TRAITS,
    Refusal,
    RoomKind,
    check_change_kind,
    check_create,
    check_direct_chat,
    check_encryption,
    check_invite,
    check_power,
    check_profile_change,
    check_publish,
    kind_of,
)
from devtools.homeserver import HomeserverError

ENCRYPTED = {("m.room.encryption", ""): {"algorithm": "m.megolm.v1.aes-sha2"}}


def rule(value: str) -> dict:
    return {("im.vector.room.access_rules", ""): {"rule": value}}


def join_rule(value: str) -> dict:
    return {("m.room.join_rules", ""): {"join_rule": value}}


def test_kind_from_state():
    assert kind_of({**ENCRYPTED, **rule("restricted"), **join_rule("invite")}) is RoomKind.PRIVATE
    assert kind_of({**ENCRYPTED, **rule("unrestricted")}) is RoomKind.EXTERNALS
    assert kind_of({**rule("restricted"), **join_rule("public")}) is RoomKind.FORUM
    assert kind_of({**ENCRYPTED, **rule("direct")}) is RoomKind.DIRECT
    assert kind_of({**ENCRYPTED, **rule("restricted")}, is_direct=True) is RoomKind.DIRECT
    assert kind_of(join_rule("invite")) is RoomKind.UNENCRYPTED
    assert kind_of(ENCRYPTED) is RoomKind.PRIVATE  # another client's room: no rule is restricted


def test_hostile_state_never_raises():
    hostile = {("im.vector.room.access_rules", ""): {"rule": ["unrestricted"]},
               ("m.room.join_rules", ""): {"join_rule": {"x": 1}}}  # fmt: skip
    assert kind_of(hostile) is RoomKind.UNENCRYPTED
    assert kind_of({("im.vector.room.access_rules", ""): "not a dict", **ENCRYPTED}) is RoomKind.PRIVATE


def test_kind_changes_are_one_way():
    assert check_change_kind(RoomKind.PRIVATE, RoomKind.EXTERNALS) is None
    assert check_change_kind(RoomKind.EXTERNALS, RoomKind.PRIVATE) is Refusal.EXTERNALS_ONE_WAY
    assert check_change_kind(RoomKind.PRIVATE, RoomKind.FORUM) is Refusal.PRIVATE_NEVER_FORUM
    assert check_change_kind(RoomKind.EXTERNALS, RoomKind.FORUM) is Refusal.PRIVATE_NEVER_FORUM
    assert check_change_kind(RoomKind.FORUM, RoomKind.PRIVATE) is None  # the guide: public → private
    assert check_change_kind(RoomKind.FORUM, RoomKind.EXTERNALS) is Refusal.KIND_FIXED
    assert check_change_kind(RoomKind.DIRECT, RoomKind.PRIVATE) is Refusal.KIND_FIXED
    assert check_change_kind(RoomKind.FORUM, RoomKind.FORUM) is None


def test_the_other_rules():
    assert check_profile_change(RoomKind.DIRECT) is Refusal.DIRECT_NO_PROFILE
    assert check_profile_change(RoomKind.FORUM) is None
    assert check_encryption(RoomKind.PRIVATE, enable=False) is Refusal.ENCRYPTION_PERMANENT
    assert check_encryption(RoomKind.FORUM, enable=True) is Refusal.FORUM_NEVER_ENCRYPTED
    assert check_encryption(RoomKind.UNENCRYPTED, enable=True) is None
    assert check_publish(RoomKind.PRIVATE, publish=True) is Refusal.PUBLISH_FORUMS_ONLY
    assert check_publish(RoomKind.FORUM, publish=True) is None
    assert check_publish(RoomKind.PRIVATE, publish=False) is None
    assert check_invite(RoomKind.DIRECT, False, 2) is Refusal.DIRECT_TWO_MEMBERS
    assert check_invite(RoomKind.DIRECT, True, 1) is None
    assert check_invite(RoomKind.PRIVATE, True, 3) is Refusal.EXTERNAL_NOT_INVITABLE
    assert check_invite(RoomKind.FORUM, True, 3) is Refusal.EXTERNAL_NOT_INVITABLE
    assert check_invite(RoomKind.EXTERNALS, True, 3) is None
    assert check_power(True, 50) is Refusal.EXTERNAL_NO_POWER
    assert check_power(True, 0) is None and check_power(False, 100) is None
    assert check_create(True) is Refusal.EXTERNAL_CANNOT_CREATE and check_create(False) is None
    assert check_direct_chat(True, True) is Refusal.EXTERNALS_NO_DIRECT_CHAT
    assert check_direct_chat(True, False) is None
    assert [TRAITS[k].encrypted for k in CREATABLE] == [True, True, False]


# -- the server's module enforces the same rules ------------------------------------------------


def _state(hs, token: str, room_id: str, event_type: str) -> dict:
    room = urllib.parse.quote(room_id)
    return hs.request("GET", f"/_matrix/client/v3/rooms/{room}/state/{event_type}/", token=token)


def _put_state(hs, token: str, room_id: str, event_type: str, content: dict) -> dict:
    room = urllib.parse.quote(room_id)
    return hs.request(
        "PUT", f"/_matrix/client/v3/rooms/{room}/state/{event_type}/", content, token=token
    )


def test_the_module_enforces_the_one_way_rules(rules_synapse, rules_user):
    hs = rules_synapse
    owner = rules_user("owner")
    token = hs.login(owner.user_id, owner.password)["access_token"]
    created = hs.request("POST", "/_matrix/client/v3/createRoom", {
        "preset": "private_chat", "name": "Cellule de crise",
        "initial_state": [{"type": "m.room.encryption", "state_key": "",
                           "content": {"algorithm": "m.megolm.v1.aes-sha2"}}],
    }, token=token)  # fmt: skip
    room_id = created["room_id"]
    assert _state(hs, token, room_id, "im.vector.room.access_rules") == {"rule": "restricted"}
    _put_state(hs, token, room_id, "im.vector.room.access_rules", {"rule": "unrestricted"})
    with pytest.raises(HomeserverError, match="403"):  # and never back
        _put_state(hs, token, room_id, "im.vector.room.access_rules", {"rule": "restricted"})
    directory = f"/_matrix/client/v3/directory/list/room/{urllib.parse.quote(room_id)}"
    with pytest.raises(HomeserverError, match="403"):  # a salon open to externals is never listed
        hs.request("PUT", directory, {"visibility": "public"}, token=token)
    # (The module lets a restricted private salon be listed: the client refuses it itself.)
    assert check_publish(RoomKind.PRIVATE, publish=True) is Refusal.PUBLISH_FORUMS_ONLY
    assert check_change_kind(RoomKind.EXTERNALS, RoomKind.PRIVATE) is Refusal.EXTERNALS_ONE_WAY
