"""A salon's general settings against the access-rules Synapse: the changes a second client
sees, each rule refused by the client before asking, and the server's 403 (the client's
cache stale) read back as the same rule."""

from __future__ import annotations

from urllib.parse import quote

import pytest

from app.core.errors import ActionError, ActionFailed
from app.rooms.kinds import ACCESS_RULES_TYPE, Refusal, RoomKind, RoomRuleRefused
from app.rooms.outcome import Outcome
from app.rooms.settings import settings_of
from app.store.room_store import record_state
from tests.app.rooms.test_creation import rules_session, tiny_png
from tests.app.services.test_rooms import ServerView


def test_settings_read_from_state_and_power_levels():
    state = {
        ("m.room.name", ""): {"name": " Cellule "},
        ("m.room.avatar", ""): {"url": "https://not-mxc"},
        ("m.room.encryption", ""): {"algorithm": "m.megolm.v1.aes-sha2"},
        (ACCESS_RULES_TYPE, ""): {"rule": "unrestricted"},
        ("m.room.power_levels", ""): {"users": {"@a:s": 100, "@b:s": "high"},
                                      "events": {"m.room.name": 50}, "state_default": 75},
    }  # fmt: skip
    admin = settings_of("!r:s", state, "@a:s", False)
    assert (admin.name, admin.avatar_url, admin.kind) == ("Cellule", "", RoomKind.EXTERNALS)
    assert admin.encrypted and admin.may("m.room.name") and admin.may(ACCESS_RULES_TYPE)
    member = settings_of("!r:s", state, "@b:s", False)  # a hostile level counts as none
    assert member.own_level == 0 and not member.may("m.room.name")
    assert member.level_for("m.room.topic") == 75
    creator = settings_of("!r:s", {("m.room.create", ""): {"creator": "@a:s"}}, "@a:s", True)
    assert creator.kind is RoomKind.DIRECT and creator.may("m.room.power_levels")


async def test_changes_seen_by_a_second_client(rules_synapse, rules_user, tchap_home,
                                               keyring_backend, tmp_path):  # fmt: skip
    owner, guest = rules_user("proprio"), rules_user("membre")
    session = await rules_session(rules_synapse, owner)
    try:
        room_id = await session.create_salon("Avant", "", RoomKind.PRIVATE)
        room = session.room(room_id)
        owner_view, guest_view = ServerView(rules_synapse, owner), ServerView(rules_synapse, guest)
        owner_view.call("POST", f"/_matrix/client/v3/rooms/{quote(room_id)}/invite",
                        {"user_id": guest.user_id})  # fmt: skip
        guest_view.call("POST", f"/_matrix/client/v3/join/{quote(room_id)}", {})
        assert await room.set_name("Après") is Outcome.DONE
        assert await room.set_topic("Le nouveau sujet") is Outcome.DONE
        assert await room.set_avatar(tiny_png(tmp_path / "p.png")) is Outcome.DONE
        assert await room.set_history("joined") is Outcome.DONE
        state = guest_view.state(room_id)
        assert state[("m.room.name", "")]["name"] == "Après"
        assert state[("m.room.topic", "")]["topic"] == "Le nouveau sujet"
        assert state[("m.room.avatar", "")]["url"].startswith("mxc://")
        assert state[("m.room.history_visibility", "")]["history_visibility"] == "joined"
        settings = await room.settings()  # the cache has them at once
        assert (settings.name, settings.topic, settings.history) == (
            "Après", "Le nouveau sujet", "joined")
        # One-way: open to externals, then never back; never a forum.
        with pytest.raises(RoomRuleRefused) as refused:
            await room.set_kind(RoomKind.FORUM)
        assert refused.value.refusal is Refusal.PRIVATE_NEVER_FORUM
        assert await room.set_kind(RoomKind.EXTERNALS) is Outcome.DONE
        assert guest_view.state(room_id)[(ACCESS_RULES_TYPE, "")]["rule"] == "unrestricted"
        with pytest.raises(RoomRuleRefused) as refused:
            await room.set_kind(RoomKind.PRIVATE)
        assert refused.value.refusal is Refusal.EXTERNALS_ONE_WAY and not refused.value.by_server
        with pytest.raises(RoomRuleRefused) as refused:
            await room.set_published(True)
        assert refused.value.refusal is Refusal.PUBLISH_FORUMS_ONLY
        # A member (level 0) may not rename: refused before asking.
        guest_session = await rules_session(rules_synapse, guest)
        try:
            with pytest.raises(ActionFailed) as forbidden:
                await guest_session.room(room_id).set_name("Pirate")
            assert forbidden.value.kind is ActionError.FORBIDDEN
            assert not isinstance(forbidden.value, RoomRuleRefused)
        finally:
            await guest_session.close()
        assert guest_view.state(room_id)[("m.room.name", "")]["name"] == "Après"
    finally:
        await session.close()


async def test_forum_listing_and_encryption(rules_synapse, rules_user, tchap_home,
                                            keyring_backend):  # fmt: skip
    owner = rules_user("forum")
    session = await rules_session(rules_synapse, owner)
    view = ServerView(rules_synapse, owner)
    listing = "/_matrix/client/v3/directory/list/room/{}"
    try:
        forum = session.room(await session.create_salon("Entraide", "", RoomKind.FORUM))
        assert await forum.published() is True
        with pytest.raises(RoomRuleRefused) as refused:
            await forum.enable_encryption()
        assert refused.value.refusal is Refusal.FORUM_NEVER_ENCRYPTED
        assert await forum.set_published(False) is Outcome.DONE
        assert view.call("GET", listing.format(quote(forum.room_id)))["visibility"] == "private"
        assert await forum.set_published(True) is Outcome.DONE
        assert view.call("GET", listing.format(quote(forum.room_id)))["visibility"] == "public"
        private = session.room(await session.create_salon("Privé", "", RoomKind.PRIVATE))
        assert await private.enable_encryption() is Outcome.DONE  # on already: nothing asked
        assert await private.published() is False
    finally:
        await session.close()


async def test_a_forum_becomes_private_never_the_reverse(rules_synapse, rules_user, tchap_home,
                                                        keyring_backend):  # fmt: skip
    """The users' guide: "un salon public peut être paramétré par la suite pour devenir
    privé, mais l'inverse n'est pas possible"."""
    owner = rules_user("forum")
    session = await rules_session(rules_synapse, owner)
    view = ServerView(rules_synapse, owner)
    try:
        forum = session.room(await session.create_salon("Entraide", "", RoomKind.FORUM))
        assert await forum.set_kind(RoomKind.PRIVATE) is Outcome.DONE
        state = view.state(forum.room_id)
        assert state[("m.room.join_rules", "")]["join_rule"] == "invite"
        assert state[("m.room.encryption", "")]["algorithm"] == "m.megolm.v1.aes-sha2"
        assert state[(ACCESS_RULES_TYPE, "")]["rule"] == "restricted"
        listing = f"/_matrix/client/v3/directory/list/room/{quote(forum.room_id)}"
        assert view.call("GET", listing)["visibility"] == "private"
        assert (await forum.settings()).kind is RoomKind.PRIVATE  # the cache has it at once
        with pytest.raises(RoomRuleRefused) as refused:
            await forum.set_kind(RoomKind.FORUM)
        assert refused.value.refusal is Refusal.PRIVATE_NEVER_FORUM
    finally:
        await session.close()


async def test_the_servers_refusal_reads_as_the_rule(rules_synapse, rules_user, tchap_home,
                                                     keyring_backend):  # fmt: skip
    alice, bob = rules_user("alice"), rules_user("bob")
    session = await rules_session(rules_synapse, alice)
    try:
        dm = session.room(await session.create_direct_chat(bob.user_id))
        with pytest.raises(RoomRuleRefused) as refused:  # the client refuses first
            await dm.set_name("Un nom")
        assert refused.value.refusal is Refusal.DIRECT_NO_PROFILE and not refused.value.by_server
        # Forced past the client: its cache is made to believe this is a salon.
        def as_salon(conn):
            conn.execute("UPDATE rooms SET facts = json_set(facts, '$.is_direct', json('false')) "
                         "WHERE room_id = ?", (dm.room_id,))  # fmt: skip
            return record_state(conn, dm.room_id, [{"type": ACCESS_RULES_TYPE, "state_key": "",
                                                    "content": {"rule": "restricted"}}])  # fmt: skip

        await session.cache.call(as_salon)
        assert (await dm.settings()).kind is RoomKind.PRIVATE
        with pytest.raises(RoomRuleRefused) as refused:
            await dm.set_topic("Un sujet")
        assert refused.value.refusal is Refusal.DIRECT_NO_PROFILE and refused.value.by_server
        state = ServerView(rules_synapse, alice).state(dm.room_id)
        assert ("m.room.topic", "") not in state
    finally:
        await session.close()
