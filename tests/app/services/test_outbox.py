"""The outbox's operations other than messages: any room event, redactions and requests,
sent once and in order with the messages, against the real Synapse, in plain and encrypted
rooms; a refusal is published, never dropped silently; a restart resumes them."""

from __future__ import annotations

import pytest

from app.core.events import OperationRefused, SessionState
from app.net.api import path
from app.platform.profile import Profile
from app.session import Session
from tests.app.services.test_rooms import ServerView, _joined_room_with
from tests.support import alice_and_bob_in_a_room, eventually


def _relates(ev: dict) -> dict:
    content = ev.get("content") if isinstance(ev.get("content"), dict) else {}
    relation = content.get("m.relates_to")
    return relation if isinstance(relation, dict) else {}


async def _outbox(session):
    services = session.services
    assert services is not None
    return services.outbox


@pytest.mark.parametrize("encrypted", [False, True], ids=["plain", "encrypted"])
async def test_reaction_edit_and_redaction_reach_the_peer_in_order(
    synapse, make_user, tchap_home, keyring_backend, nio_peer, encrypted
):
    _alice, bob, peer, room_id, session, recorder = await _joined_room_with(
        synapse, make_user, nio_peer, "ops-enc" if encrypted else "ops", encrypted=encrypted
    )
    target = await peer.send_text(room_id, "une proposition")
    outbox = await _outbox(session)
    await eventually(lambda: any(i.event_id == target for i in recorder.items(room_id)))

    reaction = {"m.relates_to": {"rel_type": "m.annotation", "event_id": target, "key": "👍"}}
    assert await outbox.queue_event(room_id, "m.reaction", reaction) is None  # no row of its own
    mine_key = (await session.room(room_id).send_text("mon message")).removeprefix("~")
    await eventually(lambda: any(i.body == "mon message" and i.event_id
                                 for i in recorder.items(room_id)))  # fmt: skip
    mine = next(i.event_id for i in recorder.items(room_id) if i.body == "mon message")
    assert mine_key
    edit = {"msgtype": "m.text", "body": "* mon message corrigé",
            "m.new_content": {"msgtype": "m.text", "body": "mon message corrigé"},
            "m.relates_to": {"rel_type": "m.replace", "event_id": mine}}  # fmt: skip
    assert await outbox.queue_event(room_id, "m.room.message", edit) is None  # an edit: no row
    await outbox.queue_redaction(room_id, mine, "doublon")

    got_reaction = await peer.wait_for_event(
        room_id, lambda e: _relates(e).get("rel_type") == "m.annotation", timeout=30
    )
    assert got_reaction["type"] == "m.reaction"  # decrypted by the peer where encrypted
    assert _relates(got_reaction) == reaction["m.relates_to"]
    got_edit = await peer.wait_for_event(
        room_id, lambda e: _relates(e).get("rel_type") == "m.replace", timeout=30
    )
    assert got_edit["content"]["m.new_content"]["body"] == "mon message corrigé"
    redaction = await peer.wait_for_event(
        room_id, lambda e: e.get("type") == "m.room.redaction", timeout=30
    )
    assert redaction.get("redacts", redaction["content"].get("redacts")) == mine
    assert redaction["content"].get("reason") == "doublon"

    server = ServerView(synapse, bob)
    wire = {e["event_id"]: e for e in server.messages(room_id)}
    if encrypted:  # encrypted, with the relation in clear beside the ciphertext (as Element)
        for ev in (got_reaction, got_edit):
            on_wire = wire[ev["event_id"]]
            assert on_wire["type"] == "m.room.encrypted"
            assert _relates(on_wire) == _relates(ev)
    # in order: the reaction, the message, its edit, its deletion
    order = [e["event_id"] for e in reversed(server.messages(room_id))]
    positions = [order.index(e) for e in (got_reaction["event_id"], mine, got_edit["event_id"],
                                          redaction["event_id"])]  # fmt: skip
    assert positions == sorted(positions)
    await session.close()


async def test_a_request_goes_out_and_a_refusal_is_published(
    synapse, make_user, tchap_home, keyring_backend, nio_peer
):
    alice, _bob, _peer, room_id, session, recorder = await _joined_room_with(
        synapse, make_user, nio_peer, "req"
    )
    outbox = await _outbox(session)
    tag_path = path("/_matrix/client/v3/user/{}/rooms/{}/tags/{}", alice.user_id, room_id,
                    "m.favourite")  # fmt: skip
    await outbox.queue_request("PUT", tag_path, {"order": 0.5})
    server = ServerView(synapse, alice)
    tags_path = path("/_matrix/client/v3/user/{}/rooms/{}/tags", alice.user_id, room_id)
    await eventually(lambda: "m.favourite" in server.call("GET", tags_path)["tags"])

    # Deleting an event of a room we are not in: the server refuses; the outbox says so
    # and goes on with what follows.
    txn = await outbox.queue_redaction("!nowhere:localhost", "$nothing", None)
    await outbox.queue_request("DELETE", tag_path)
    await eventually(lambda: any(isinstance(e, OperationRefused) and e.txn_id == txn
                                 for e in recorder.events))  # fmt: skip
    await eventually(lambda: "m.favourite" not in server.call("GET", tags_path)["tags"])
    await session.close()


async def test_operations_queued_while_the_server_is_down_go_out_after_a_restart(
    tmp_path, tchap_home, keyring_backend
):
    from devtools.homeserver import Homeserver

    hs = Homeserver(tmp_path / "hs")
    hs.start()
    try:
        session, recorder, room_id, bob = await alice_and_bob_in_a_room(hs, tmp_path)
        target = await bob.send_text(room_id, "à approuver")
        await eventually(lambda: any(i.event_id == target for i in recorder.items(room_id)))

        hs.stop()
        outbox = await _outbox(session)
        relation = {"rel_type": "m.annotation", "event_id": target, "key": "✅"}
        await outbox.queue_event(room_id, "m.reaction", {"m.relates_to": relation})
        await session.room(room_id).send_text("approuvé")
        await eventually(lambda: SessionState.RECONNECTING in recorder.states(), timeout=60)
        await session.close()  # quits with the server still down

        hs.start()
        session = Session(Profile.load())
        assert await session.restore()
        session.start()
        await bob.wait_for_text(room_id, "approuvé", timeout=60)
        reactions = [e for e in bob.events
                     if e.get("room_id") == room_id and _relates(e) == relation]  # fmt: skip
        assert len(reactions) == 1  # once
        texts = [e for e in bob.events if e.get("content", {}).get("body") == "approuvé"]
        assert len(texts) == 1
        order = [e["event_id"] for e in bob.events]
        assert order.index(reactions[0]["event_id"]) < order.index(texts[0]["event_id"])
        await bob.close()
        await session.close()
    finally:
        hs.stop()
