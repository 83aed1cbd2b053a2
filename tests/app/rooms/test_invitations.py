"""Invitations against real servers: two federated Synapses (agents with Tchap's access-rules
module, externals), a real Sydent and Tchap's /info (tests/fixtures_invites.py)."""

from __future__ import annotations

import asyncio
import secrets
import urllib.parse

import pytest

from app.platform.profile import Profile
from app.rooms import invitations
from app.rooms.invitations import InviteOutcome, InviteRefusal
from app.rooms.invite_list import parse_entries, read_list_file
from app.rooms.kinds import Refusal, RoomRuleRefused
from app.session import Session
from devtools.peers import TestUser
from tests.support import eventually

PRIVATE_STATE = [
    {"type": "m.room.encryption", "state_key": "", "content": {"algorithm": "m.megolm.v1.aes-sha2"}},
    {"type": "m.room.history_visibility", "state_key": "", "content": {"history_visibility": "invited"}},
]  # fmt: skip


def _user(hs, prefix: str) -> TestUser:
    localpart = f"{prefix}-{secrets.token_hex(3)}"
    password = "pw-" + secrets.token_urlsafe(10)
    return TestUser(hs.register_user(localpart, password), localpart, password, None)


def _room(hs, user: TestUser, rule: str) -> str:
    """A salon as Tchap creates it: private (restricted) or open to externals (unrestricted)."""
    token = hs.login(user.user_id, user.password)["access_token"]
    state = [*PRIVATE_STATE, {"type": "im.vector.room.access_rules", "state_key": "",
                              "content": {"rule": rule}}]  # fmt: skip
    body = {"preset": "private_chat", "name": "Salon " + rule, "initial_state": state}
    return hs.request("POST", "/_matrix/client/v3/createRoom", body, token=token)["room_id"]


def _state(hs, user: TestUser, room_id: str) -> list[dict]:
    token = hs.login(user.user_id, user.password)["access_token"]
    route = f"/_matrix/client/v3/rooms/{urllib.parse.quote(room_id)}/state"
    return hs.request("GET", route, token=token)  # type: ignore[return-value]


async def _session(bed, user: TestUser, tchap_home, identity: str = "") -> Session:
    profile = Profile.load("default")
    profile.config.set("identity_server", identity or bed.front.url)
    profile.config.set("external_servers", [bed.externals.server_name])
    session = Session(profile)
    await session.login(bed.agents.url, user.user_id, user.password)
    session.start()
    await session.wait_synced()
    return session


async def test_invite_by_matrix_id_is_seen_by_the_invitee(invite_bed, tchap_home, keyring_backend):
    bed = invite_bed
    owner, guest = _user(bed.agents, "owner"), _user(bed.agents, "guest")
    room_id = await asyncio.to_thread(_room, bed.agents, owner, "restricted")
    session = await _session(bed, owner, tchap_home)
    try:
        await session.room(room_id).invite(guest.user_id)
    finally:
        await session.close()
    token = (await asyncio.to_thread(bed.agents.login, guest.user_id, guest.password))[
        "access_token"
    ]
    sync = await asyncio.to_thread(bed.agents.request, "GET", "/_matrix/client/v3/sync", None, token)
    assert room_id in sync["rooms"]["invite"]


async def test_external_refused_from_a_private_room_by_client_and_by_server(
    invite_bed, tchap_home, keyring_backend, monkeypatch
):
    bed = invite_bed
    owner, outsider = _user(bed.agents, "owner"), _user(bed.externals, "outsider")
    room_id = await asyncio.to_thread(_room, bed.agents, owner, "restricted")
    session = await _session(bed, owner, tchap_home)
    try:
        with pytest.raises(RoomRuleRefused) as by_client:
            await session.room(room_id).invite(outsider.user_id)
        assert by_client.value.refusal is Refusal.EXTERNAL_NOT_INVITABLE
        assert not by_client.value.by_server
        # Forced past the client's check: the access-rules module refuses it (403).
        monkeypatch.setattr(invitations, "check_invite", lambda *args: None)
        with pytest.raises(RoomRuleRefused) as by_server:
            await session.room(room_id).invite(outsider.user_id)
        assert by_server.value.refusal is Refusal.EXTERNAL_NOT_INVITABLE
        assert by_server.value.by_server
        # ...and an external address by email too: the module asks /info over HTTPS.
        entries = parse_entries(f"someone@{bed.partner_domain}")
        [result] = await session.room(room_id).invite_many(entries)
        assert (result.outcome, result.rule, result.by_server) == (
            InviteOutcome.REFUSED, Refusal.EXTERNAL_NOT_INVITABLE, True)
    finally:
        await session.close()
    members = await asyncio.to_thread(_state, bed.agents, owner, room_id)
    assert outsider.user_id not in {e["state_key"] for e in members if e["type"] == "m.room.member"}


async def test_bulk_invite_of_a_twenty_entry_file(
    invite_bed, tchap_home, keyring_backend, mailbox, tmp_path
):
    bed = invite_bed
    owner, member = _user(bed.agents, "owner"), _user(bed.agents, "member")
    with_account = [_user(bed.agents, f"agent{i}") for i in range(3)]
    outsider = _user(bed.externals, "outsider")
    tag = secrets.token_hex(3)
    bound = [f"agent{i}.{tag}@{bed.agents_domain}" for i in range(3)]
    # One address published as a person does (a mailed code), the others by Sydent's admin API.
    await asyncio.to_thread(bed.bind_by_mail, bed.agents, with_account[0].user_id,
                            with_account[0].password, bound[0])  # fmt: skip
    for address, user in zip(bound[1:], with_account[1:], strict=True):
        await asyncio.to_thread(bed.sydent.bind, address, user.user_id)
    outsider_mail = f"outsider.{tag}@{bed.partner_domain}"
    await asyncio.to_thread(bed.sydent.bind, outsider_mail, outsider.user_id)
    new_agents = [f"new{i}.{tag}@{bed.agents_domain}" for i in range(2)]
    room_id = await asyncio.to_thread(_room, bed.agents, owner, "restricted")
    token = (await asyncio.to_thread(bed.agents.login, member.user_id, member.password))[
        "access_token"
    ]
    session = await _session(bed, owner, tchap_home)
    try:
        await session.room(room_id).invite(member.user_id)
        await asyncio.to_thread(bed.agents.request, "POST",
                                f"/_matrix/client/v3/join/{urllib.parse.quote(room_id)}", {}, token)
        text = (f"{bound[0]}, {bound[1]};{bound[2]}\n{bound[0].upper()}\n"
                f"{new_agents[0]}\t{new_agents[1]}\n"
                f"stranger.{tag}@{bed.partner_domain}; {outsider_mail}\n"
                f"nobody.{tag}@{bed.nowhere_domain}\n"
                f"{with_account[0].user_id} {member.user_id} {outsider.user_id}\n"
                f"pas-une-adresse, jean@, @@x ; {member.user_id},{new_agents[1]}, \"{bound[2]}\"\n"
                f"<dupont@>\n{outsider.user_id}\n")  # fmt: skip
        list_file = tmp_path / "liste.csv"
        list_file.write_bytes(text.encode("utf-8-sig"))
        entries = parse_entries(read_list_file(list_file.read_bytes()))
        assert len(entries) == 15  # 20 entries, 5 duplicates
        seen: list[int] = []
        results = await session.room(room_id).invite_many(entries, lambda i, r: seen.append(i))
    finally:
        await session.close()
    assert sorted(seen) == list(range(15))
    got = {r.entry.text.strip('"'): (r.outcome, r.reason, r.rule) for r in results}
    invited = (InviteOutcome.INVITED, None, None)
    rule = (InviteOutcome.REFUSED, InviteRefusal.RULE, Refusal.EXTERNAL_NOT_INVITABLE)
    assert got == {
        bound[0]: invited, bound[1]: invited, bound[2]: invited,
        new_agents[0]: (InviteOutcome.INVITED_BY_EMAIL, None, None),
        new_agents[1]: (InviteOutcome.INVITED_BY_EMAIL, None, None),
        f"stranger.{tag}@{bed.partner_domain}": rule,
        outsider_mail: rule,
        f"nobody.{tag}@{bed.nowhere_domain}": (
            InviteOutcome.REFUSED, InviteRefusal.UNKNOWN_ADDRESS, None),
        # agent0 was just invited by address: the same account by Matrix ID is already invited
        with_account[0].user_id: (InviteOutcome.ALREADY_INVITED, None, None),
        member.user_id: (InviteOutcome.ALREADY_MEMBER, None, None),
        outsider.user_id: rule,
        "pas-une-adresse": (InviteOutcome.NOT_AN_ADDRESS, None, None),
        "jean@": (InviteOutcome.NOT_AN_ADDRESS, None, None),
        "@@x": (InviteOutcome.NOT_AN_ADDRESS, None, None),
        "<dupont@>": (InviteOutcome.NOT_AN_ADDRESS, None, None),
    }  # fmt: skip
    # On the server: three accounts invited, two pending invitations by email, mailed by Sydent.
    state = await asyncio.to_thread(_state, bed.agents, owner, room_id)
    invited_ids = {e["state_key"] for e in state if e["type"] == "m.room.member"
                   and e["content"].get("membership") == "invite"}  # fmt: skip
    assert {u.user_id for u in with_account} <= invited_ids
    assert outsider.user_id not in invited_ids
    pending = [e for e in state if e["type"] == "m.room.third_party_invite"]
    assert len(pending) == 2
    for address in new_agents:
        await eventually(lambda a=address: mailbox.to(a))


async def test_identity_server_down_refuses_addresses_but_invites_matrix_ids(
    invite_bed, tchap_home, keyring_backend
):
    from devtools.homeserver import free_port

    bed = invite_bed
    owner, guest = _user(bed.agents, "owner"), _user(bed.agents, "guest")
    room_id = await asyncio.to_thread(_room, bed.agents, owner, "restricted")
    session = await _session(bed, owner, tchap_home, f"http://127.0.0.1:{free_port()}")
    try:
        entries = parse_entries(f"someone@{bed.agents_domain} {guest.user_id}")
        results = await session.room(room_id).invite_many(entries)
    finally:
        await session.close()
    assert [(r.outcome, r.reason) for r in results] == [
        (InviteOutcome.REFUSED, InviteRefusal.IDENTITY_UNAVAILABLE), (InviteOutcome.INVITED, None)]
