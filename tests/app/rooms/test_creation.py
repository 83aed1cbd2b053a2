"""Creating salons of each kind on a Synapse running Tchap's access-rules module, and the
direct chat reopened: what the server holds is read through a second device."""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

import pytest

from app.core.types import Membership
from app.platform.profile import Profile
from app.rooms.creation import create_body
from app.rooms.kinds import Refusal, RoomKind, RoomRuleRefused, summary_kind
from app.session import Session
from tests.app.services.test_rooms import ServerView
from tests.support import eventually

MEGOLM = "m.megolm.v1.aes-sha2"


def tiny_png(path: Path) -> Path:
    """A 2x2 red PNG (written by hand: no imaging library needed)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    rows = b"".join(b"\x00" + b"\xff\x00\x00" * 2 for _ in range(2))
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 2, 2, 8, 2, 0, 0, 0))
                     + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))  # fmt: skip
    return path


async def rules_session(hs, user, external_servers: list[str] | None = None) -> Session:
    profile = Profile.load(user.localpart)
    if external_servers is not None:
        profile.config.set("external_servers", external_servers)
    session = Session(profile)
    await session.login(hs.url, user.user_id, user.password)
    session.start()
    await session.wait_synced()
    return session


def test_each_kind_asks_what_tchaps_table_says():
    forum = create_body("Entraide", "", RoomKind.FORUM)
    state = {e["type"]: e["content"] for e in forum["initial_state"]}
    assert (forum["preset"], forum["visibility"]) == ("public_chat", "public")
    assert state["im.vector.room.access_rules"] == {"rule": "restricted"}
    assert "m.room.encryption" not in state
    assert state["m.room.history_visibility"] == {"history_visibility": "shared"}
    private = create_body("Cellule", "Sujet", RoomKind.PRIVATE, "mxc://s/a")
    state = {e["type"]: e["content"] for e in private["initial_state"]}
    assert (private["preset"], private["visibility"], private["topic"]) == (
        "private_chat", "private", "Sujet")
    assert state["m.room.encryption"] == {"algorithm": MEGOLM}
    assert state["m.room.avatar"] == {"url": "mxc://s/a"}
    assert state["m.room.history_visibility"] == {"history_visibility": "invited"}
    externals = create_body("Partenaires", "", RoomKind.EXTERNALS)
    state = {e["type"]: e["content"] for e in externals["initial_state"]}
    assert state["im.vector.room.access_rules"] == {"rule": "unrestricted"}
    with pytest.raises(ValueError):
        create_body("DM", "", RoomKind.DIRECT)


async def test_each_kind_created_on_the_server(rules_synapse, rules_user, tchap_home,
                                                keyring_backend, tmp_path):  # fmt: skip
    owner = rules_user("createur")
    session = await rules_session(rules_synapse, owner)
    server = ServerView(rules_synapse, owner)
    try:
        picture = tiny_png(tmp_path / "logo.png")
        expected = {
            RoomKind.FORUM: ("public", "restricted", False, "shared", "public"),
            RoomKind.PRIVATE: ("invite", "restricted", True, "invited", "private"),
            RoomKind.EXTERNALS: ("invite", "unrestricted", True, "invited", "private"),
        }
        for kind, (join, rule, encrypted, history, listed) in expected.items():
            room_id = await session.create_salon(f"Salon {kind.value}", "Un sujet", kind, picture)
            state = server.state(room_id)
            assert state[("m.room.join_rules", "")]["join_rule"] == join
            assert state[("im.vector.room.access_rules", "")]["rule"] == rule
            assert (("m.room.encryption", "") in state) is encrypted
            if encrypted:
                assert state[("m.room.encryption", "")]["algorithm"] == MEGOLM
            assert state[("m.room.history_visibility", "")]["history_visibility"] == history
            assert state[("m.room.avatar", "")]["url"].startswith("mxc://")
            assert state[("m.room.topic", "")]["topic"] == "Un sujet"
            directory = server.call("GET", f"/_matrix/client/v3/directory/list/room/{room_id}")
            assert directory["visibility"] == listed
            summary = next(r for r in await session.room_summaries() if r.room_id == room_id)
            assert summary_kind(summary) is kind and summary.kind == kind.value
    finally:
        await session.close()


async def test_an_external_account_is_refused_before_asking(rules_synapse, rules_user,
                                                            tchap_home, keyring_backend):  # fmt: skip
    guest = rules_user("invite")
    session = await rules_session(rules_synapse, guest, ["rules.localhost"])
    try:
        before = len(ServerView(rules_synapse, guest).joined_rooms())
        with pytest.raises(RoomRuleRefused) as refused:
            await session.create_salon("Interdit", "", RoomKind.PRIVATE)
        assert refused.value.refusal is Refusal.EXTERNAL_CANNOT_CREATE
        assert not refused.value.by_server
        assert len(ServerView(rules_synapse, guest).joined_rooms()) == before
    finally:
        await session.close()


async def test_a_direct_chat_is_reopened(rules_synapse, rules_user, tchap_home, keyring_backend):
    alice, bob, carol = rules_user("alice"), rules_user("bob"), rules_user("carol")
    session = await rules_session(rules_synapse, alice)
    try:
        # Bob has not joined yet: asking again reopens the same chat, never a second one.
        first = await session.create_direct_chat(bob.user_id)
        again = await session.create_direct_chat(bob.user_id)
        assert again == first
        state = ServerView(rules_synapse, alice).state(first)
        assert state[("im.vector.room.access_rules", "")]["rule"] == "direct"
        assert state[("m.room.member", bob.user_id)]["membership"] == "invite"
        # Bob joins from his own device: still the same chat.
        bob_view = ServerView(rules_synapse, bob)
        bob_view.call("POST", f"/_matrix/client/v3/join/{first}", {})
        assert await session.create_direct_chat(bob.user_id) == first
        # Another person gets another chat; the kinds say "direct".
        other = await session.create_direct_chat(carol.user_id)
        assert other != first
        rooms = {r.room_id: r for r in await session.room_summaries()}
        assert summary_kind(rooms[first]) is RoomKind.DIRECT
        assert rooms[first].membership is Membership.JOIN
        # A second, concurrent request while the first is in flight gives the same room.
        dave = rules_user("dave")
        import asyncio

        pair = await asyncio.gather(session.create_direct_chat(dave.user_id),
                                    session.create_direct_chat(dave.user_id))  # fmt: skip
        assert pair[0] == pair[1]
        await eventually(lambda: len(ServerView(rules_synapse, alice).joined_rooms()) == 3)
    finally:
        await session.close()
