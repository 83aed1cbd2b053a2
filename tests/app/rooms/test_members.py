"""Members and rights against a real Synapse with Tchap's access-rules module: what this
client changes (levels, removals, bans) is what another client reads from the server, and
an external is never raised (refused by the client, and by the server when forced)."""

from __future__ import annotations

import asyncio
import secrets
from urllib.parse import quote

import pytest

from app.platform.profile import Profile
from app.rooms.kinds import Refusal, RoomRuleRefused
from app.rooms.member_rows import MemberState
from app.rooms.outcome import Outcome
from app.rooms.power_levels import Action, PowerChangeRefused, PowerRefusal, Role
from app.session import Session
from tests.fixtures_rooms import EXTERNALS_SERVER

ENCRYPTION = {"type": "m.room.encryption", "state_key": "",
              "content": {"algorithm": "m.megolm.v1.aes-sha2"}}  # fmt: skip


def _token(hs, user) -> str:
    return hs.login(user.user_id, user.password)["access_token"]


def _state(hs, token: str, room_id: str, event_type: str, key: str = "") -> dict:
    return hs.request(
        "GET", f"/_matrix/client/v3/rooms/{quote(room_id)}/state/{event_type}/{quote(key)}",
        token=token,
    )  # fmt: skip


def _create(hs, token: str, invite: list[str], rule: str = "restricted") -> str:
    rules = {"type": "im.vector.room.access_rules", "state_key": "", "content": {"rule": rule}}
    return hs.request("POST", "/_matrix/client/v3/createRoom", {
        "preset": "private_chat", "name": "Cellule de crise", "invite": invite,
        "initial_state": [ENCRYPTION, rules],
    }, token=token)["room_id"]  # fmt: skip


def _join(hs, token: str, room_id: str) -> None:
    hs.request("POST", f"/_matrix/client/v3/join/{quote(room_id)}", {}, token=token)


async def _session(hs, user) -> Session:
    profile = Profile.load(f"p{secrets.token_hex(3)}")
    profile.config.set("external_servers", [EXTERNALS_SERVER])
    session = Session(profile)
    await session.login(hs.url, user.user_id, user.password)
    session.start()
    await session.wait_synced()
    return session


async def _until(check, timeout: float = 20.0):
    """Await an async check until it returns something truthy."""
    deadline = asyncio.get_running_loop().time() + timeout
    while True:
        found = await check()
        if found:
            return found
        assert asyncio.get_running_loop().time() < deadline, "condition not met in time"
        await asyncio.sleep(0.1)


async def test_members_levels_kicks_and_bans_seen_by_another_client(
    rules_synapse, rules_user, tchap_home, keyring_backend, tmp_path
):
    hs = rules_synapse
    owner = rules_user("owner", displayname="Alice Durand [DINUM]")
    bob = rules_user("bob", displayname="Bruno Petit [Intérieur]")
    carol = rules_user("carol", displayname="Chloé Roux [Finances]")
    dave = rules_user("dave", displayname="Didier Blanc [Culture]")
    guest = rules_user("eve", displayname="Ève Noir [Justice]")  # stays invited
    tokens = {u.user_id: _token(hs, u) for u in (owner, bob, carol, dave)}
    room_id = _create(hs, tokens[owner.user_id],
                      [bob.user_id, carol.user_id, dave.user_id, guest.user_id])  # fmt: skip
    for user in (bob, carol, dave):
        _join(hs, tokens[user.user_id], room_id)

    session = await _session(hs, owner)
    try:
        room = session.room(room_id)

        async def everyone():
            members = {m.user_id: m for m in await room.member_list()}
            return members if len(members) == 5 else None

        members = await _until(everyone)
        assert members[owner.user_id].role is Role.ADMIN and members[owner.user_id].level == 100
        assert members[bob.user_id].name == "Bruno Petit"
        assert members[bob.user_id].organisation == "Intérieur"
        assert members[bob.user_id].role is Role.MEMBER
        assert members[bob.user_id].state is MemberState.JOINED
        assert members[guest.user_id].state is MemberState.INVITED
        assert not any(m.external for m in members.values())

        # Promote, then change an action's level: another member reads both from the server.
        assert await room.set_member_level(bob.user_id, 50) is Outcome.DONE
        assert await room.set_action_level(Action.INVITE, 50) is Outcome.DONE
        seen = _state(hs, tokens[dave.user_id], room_id, "m.room.power_levels")
        assert seen["users"][bob.user_id] == 50 and seen["invite"] == 50
        assert await room.set_member_level(bob.user_id, 0) is Outcome.DONE  # demoted
        seen = _state(hs, tokens[dave.user_id], room_id, "m.room.power_levels")
        assert bob.user_id not in seen["users"] and seen["users"][owner.user_id] == 100

        # Removed and banned with a reason, then unbanned: the other side reads it all.
        assert await room.kick(bob.user_id, "Mutation au 1er mars") is Outcome.DONE
        kicked = _state(hs, tokens[dave.user_id], room_id, "m.room.member", bob.user_id)
        assert kicked["membership"] == "leave" and kicked["reason"] == "Mutation au 1er mars"
        assert await room.ban(carol.user_id, "Messages hors sujet") is Outcome.DONE
        banned = _state(hs, tokens[dave.user_id], room_id, "m.room.member", carol.user_id)
        assert banned["membership"] == "ban" and banned["reason"] == "Messages hors sujet"

        async def carol_banned_in_cache():
            return any(m.user_id == carol.user_id and m.state is MemberState.BANNED
                       for m in await room.member_list())  # fmt: skip

        await _until(carol_banned_in_cache)
        assert await room.unban(carol.user_id) is Outcome.DONE
        unbanned = _state(hs, tokens[dave.user_id], room_id, "m.room.member", carol.user_id)
        assert unbanned["membership"] == "leave"

        # The list exported: the joined members, one per line, name and address.
        target = tmp_path / "membres.txt"
        assert await room.export_members(target) == 2
        assert target.read_text(encoding="utf-8").splitlines() == [
            f"Alice Durand [DINUM] <{owner.user_id}>",
            f"Didier Blanc [Culture] <{dave.user_id}>",
        ]
    finally:
        await session.close()


async def test_the_editor_refuses_what_the_server_would(
    rules_synapse, rules_user, tchap_home, keyring_backend
):
    hs = rules_synapse
    owner, mod = rules_user("owner"), rules_user("mod")
    owner_token, mod_token = _token(hs, owner), _token(hs, mod)
    room_id = _create(hs, owner_token, [mod.user_id])
    _join(hs, mod_token, room_id)
    levels = _state(hs, owner_token, room_id, "m.room.power_levels")
    levels["users"] = {owner.user_id: 100, mod.user_id: 50}
    levels["events"]["m.room.power_levels"] = 50  # moderators may change the rights
    hs.request("PUT", f"/_matrix/client/v3/rooms/{quote(room_id)}/state/m.room.power_levels/",
               levels, token=owner_token)  # fmt: skip
    session = await _session(hs, mod)  # a moderator
    try:
        room = session.room(room_id)

        async def levels_known():
            levels = await room.power_levels()
            return levels if levels.user_level(mod.user_id) == 50 else None

        await _until(levels_known)
        with pytest.raises(PowerChangeRefused) as peer:  # the admin keeps their level
            await room.set_member_level(owner.user_id, 0)
        assert peer.value.refusal is PowerRefusal.PEER_OR_HIGHER
        with pytest.raises(PowerChangeRefused) as above:  # nobody goes above ourselves
            await room.set_member_level("@new:rights.localhost", 100)
        assert above.value.refusal is PowerRefusal.ABOVE_OWN
        with pytest.raises(PowerChangeRefused):  # nor does an action
            await room.set_action_level(Action.SEND, 100)
        with pytest.raises(PowerChangeRefused):  # the admin cannot be removed by a moderator
            await room.kick(owner.user_id, "")
        seen = _state(hs, owner_token, room_id, "m.room.power_levels")
        assert seen == levels  # nothing was sent
        # What the moderator may do, the server takes: a new member raised to moderator.
        assert await room.set_member_level("@new:rights.localhost", 50) is Outcome.DONE
        assert _state(hs, owner_token, room_id, "m.room.power_levels")["users"] == {
            owner.user_id: 100,
            mod.user_id: 50,
            "@new:rights.localhost": 50,
        }
    finally:
        await session.close()


async def test_an_external_is_never_raised(
    rules_synapse, rules_user, tchap_home, keyring_backend
):
    hs = rules_synapse
    owner = rules_user("owner")
    token = _token(hs, owner)
    room_id = _create(hs, token, [], rule="unrestricted")  # open to externals
    external = f"@ana.lopez-{secrets.token_hex(2)}:{EXTERNALS_SERVER}"
    session = await _session(hs, owner)
    try:
        room = session.room(room_id)

        async def admin():
            return (await room.power_levels()).user_level(owner.user_id) == 100

        await _until(admin)
        # The client knows the configured externals' server: it refuses before asking.
        with pytest.raises(RoomRuleRefused) as client:
            await room.set_member_level(external, 50)
        assert client.value.refusal is Refusal.EXTERNAL_NO_POWER and not client.value.by_server
        # Forced past the client, the access-rules module refuses it: the same refusal.
        members = (await session._connect()).members
        with pytest.raises(RoomRuleRefused) as server:
            await members.set_level(room_id, external, 50, check=False)
        assert server.value.refusal is Refusal.EXTERNAL_NO_POWER and server.value.by_server
        assert external not in _state(hs, token, room_id, "m.room.power_levels")["users"]
    finally:
        await session.close()


async def test_a_version_12_creator_is_an_administrator(
    synapse, make_user, tchap_home, keyring_backend
):
    # A version 12 room: its creator is in no levels' list, yet outranks everyone.
    owner, bob = make_user("owner"), make_user("bob")
    token = _token(synapse, owner)
    room_id = synapse.request("POST", "/_matrix/client/v3/createRoom",
                              {"preset": "private_chat", "invite": [bob.user_id],
                               "room_version": "12"}, token=token)["room_id"]  # fmt: skip
    create = _state(synapse, token, room_id, "m.room.create")
    assert create.get("room_version") == "12"
    session = await _session(synapse, owner)
    try:
        room = session.room(room_id)

        async def owner_listed():
            return {m.user_id: m for m in await room.member_list() if m.user_id == owner.user_id}

        found = await _until(owner_listed)
        assert found[owner.user_id].role is Role.ADMIN
        assert await room.set_member_level(bob.user_id, 100) is Outcome.DONE  # invited: allowed
        assert _state(synapse, token, room_id, "m.room.power_levels")["users"][bob.user_id] == 100
    finally:
        await session.close()
