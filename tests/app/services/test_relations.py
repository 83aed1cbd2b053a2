"""Replies, edits, reactions and deletions exchanged with a second client (matrix-nio) through
a real Synapse, both ways, in a plain and an encrypted room; and through a dead server."""

from __future__ import annotations

import pytest

from app.core.types import ItemKind, Membership, SendState
from app.platform.profile import Profile
from app.session import Session
from devtools.peers import wait_for
from tests.app.test_session import signed_in
from tests.support import alice_and_bob_in_a_room, api, eventually


async def peer_send(peer, room_id: str, event_type: str, content: dict) -> str:
    """Any event from the nio peer (encrypted if the room is, as nio does it)."""
    from nio import RoomSendResponse

    await peer.maintain_keys()
    resp = await peer.client.room_send(room_id, event_type, content,
                                       ignore_unverified_devices=True)  # fmt: skip
    assert isinstance(resp, RoomSendResponse), resp
    return resp.event_id


def relates(ev: dict) -> dict:
    return (ev.get("content") or {}).get("m.relates_to") or {}


async def room_with_peer(synapse, make_user, nio_peer, encrypted: bool):
    alice, bob = make_user("alice"), make_user("bob", displayname="Bob Martin")
    session, recorder = await signed_in(synapse, alice)
    peer = await nio_peer(bob)
    room_id = await peer.create_room(encrypted=encrypted, invite=[alice.user_id], name="Projet")
    await eventually(lambda: recorder.room(room_id) is not None)
    await session.room(room_id).accept_invite()
    await eventually(lambda: recorder.room(room_id).membership is Membership.JOIN)
    await peer.wait_member(room_id, alice.user_id)
    return session, recorder, peer, room_id


@pytest.mark.parametrize("encrypted", [False, True], ids=["plain", "encrypted"])
async def test_we_reply_react_edit_and_delete(
    synapse, make_user, tchap_home, keyring_backend, nio_peer, encrypted
):
    session, recorder, peer, room_id = await room_with_peer(synapse, make_user, nio_peer,
                                                            encrypted)  # fmt: skip
    room = session.room(room_id)
    question = await peer.send_text(room_id, "On se voit lundi ?")
    await eventually(lambda: recorder.item_by_key(room_id, question) is not None)

    await room.reply("Oui, à 10 h", question)
    reply = await peer.wait_for_event(
        room_id, lambda ev: relates(ev).get("m.in_reply_to", {}).get("event_id") == question
    )
    assert reply["content"]["m.mentions"] == {"user_ids": [peer.user_id]}
    assert reply["content"]["body"].endswith("\n\nOui, à 10 h")
    mine = reply["event_id"]
    await eventually(lambda: recorder.item_by_key(room_id, mine) is not None)
    assert recorder.item_by_key(room_id, mine).body == "Oui, à 10 h"  # no fallback shown
    assert recorder.item_by_key(room_id, mine).reply_to == question

    await room.react(question, "👍")
    assert recorder.item_by_key(room_id, question).reactions["👍"][0][0] == session.user_id
    liked = await peer.wait_for_event(room_id, lambda ev: relates(ev).get("key") == "👍")
    assert relates(liked) == {"rel_type": "m.annotation", "event_id": question, "key": "👍"}
    await eventually(
        lambda: recorder.item_by_key(room_id, question).reactions["👍"][0][2] == liked["event_id"]
    )

    await room.edit(mine, "Oui, à 11 h")
    assert recorder.item_by_key(room_id, mine).body == "Oui, à 11 h"  # at once
    edit = await peer.wait_for_event(room_id, lambda ev: relates(ev).get("rel_type") == "m.replace")
    assert edit["content"]["m.new_content"]["body"] == "Oui, à 11 h"
    assert edit["content"]["body"] == "* Oui, à 11 h"

    assert await room.unreact(question, "👍")
    await peer.wait_for_event(room_id, lambda ev: ev.get("type") == "m.room.redaction"
                              and ev.get("redacts", ev["content"].get("redacts")) == liked["event_id"])  # fmt: skip
    await room.delete_message(mine, "erreur")
    assert recorder.item_by_key(room_id, mine).kind is ItemKind.REDACTED
    await peer.wait_for_event(room_id, lambda ev: ev.get("type") == "m.room.redaction"
                              and ev.get("redacts", ev["content"].get("redacts")) == mine)  # fmt: skip
    await eventually(lambda: not recorder.item_by_key(room_id, question).reactions)
    await session.close()


@pytest.mark.parametrize("encrypted", [False, True], ids=["plain", "encrypted"])
async def test_they_reply_react_edit_and_delete(
    synapse, make_user, tchap_home, keyring_backend, nio_peer, encrypted
):
    session, recorder, peer, room_id = await room_with_peer(synapse, make_user, nio_peer,
                                                            encrypted)  # fmt: skip
    room = session.room(room_id)
    await room.send_text("Le compte rendu est prêt")
    ours = (await peer.wait_for_text(room_id, "Le compte rendu est prêt")).event_id
    await eventually(lambda: recorder.item_by_key(room_id, ours) is not None)

    answer = await peer_send(peer, room_id, "m.room.message", {
        "msgtype": "m.text", "body": "> <@alice:localhost> Le compte rendu est prêt\n\nMerci",
        "m.relates_to": {"m.in_reply_to": {"event_id": ours}}})  # fmt: skip
    await eventually(lambda: recorder.item_by_key(room_id, answer) is not None)
    assert recorder.item_by_key(room_id, answer).body == "Merci"
    assert recorder.item_by_key(room_id, answer).reply_to == ours
    assert (await room.original(ours)).body == "Le compte rendu est prêt"

    await peer_send(peer, room_id, "m.reaction", {"m.relates_to": {
        "rel_type": "m.annotation", "event_id": ours, "key": "🎉"}})  # fmt: skip
    await eventually(lambda: "🎉" in recorder.item_by_key(room_id, ours).reactions)
    assert recorder.item_by_key(room_id, ours).reactions["🎉"][0][1] == "Bob Martin"

    await peer_send(peer, room_id, "m.room.message", {
        "msgtype": "m.text", "body": "* Merci beaucoup",
        "m.new_content": {"msgtype": "m.text", "body": "Merci beaucoup"},
        "m.relates_to": {"rel_type": "m.replace", "event_id": answer}})  # fmt: skip
    await eventually(lambda: recorder.item_by_key(room_id, answer).body == "Merci beaucoup")
    assert recorder.item_by_key(room_id, answer).edited
    versions = await room.versions(answer)
    assert [v.body for v in versions] == [
        "> <@alice:localhost> Le compte rendu est prêt\n\nMerci", "Merci beaucoup"]  # fmt: skip
    source = await room.source(answer)
    assert (source.decrypted is not None) is encrypted
    assert source.event["type"] == ("m.room.encrypted" if encrypted else "m.room.message")

    await peer.client.room_redact(room_id, answer, reason="doublon")
    await eventually(lambda: recorder.item_by_key(room_id, answer).kind is ItemKind.REDACTED)
    assert recorder.item_by_key(room_id, answer).redaction["reason"] == "doublon"
    await session.close()


async def test_another_users_edit_of_our_message_is_ignored(
    synapse, make_user, tchap_home, keyring_backend, nio_peer
):
    session, recorder, peer, room_id = await room_with_peer(synapse, make_user, nio_peer, True)
    await session.room(room_id).send_text("Je valide le budget")
    ours = (await peer.wait_for_text(room_id, "Je valide le budget")).event_id
    forged = await peer_send(peer, room_id, "m.room.message", {
        "msgtype": "m.text", "body": "* Je refuse le budget",
        "m.new_content": {"msgtype": "m.text", "body": "Je refuse le budget"},
        "m.relates_to": {"rel_type": "m.replace", "event_id": ours}})  # fmt: skip
    await peer.send_text(room_id, "après")  # once this is in, the forged edit was seen too
    await eventually(lambda: recorder.item(room_id, body="après") is not None)
    item = next(i for i in await session.room(room_id).timeline(50) if i.key == ours)
    assert item.body == "Je valide le budget" and not item.edited
    assert forged not in {i.key for i in await session.room(room_id).timeline(50)}
    await session.close()


async def test_a_lying_fallback_shows_the_real_original_fetched_from_the_server(
    synapse, make_user, tchap_home, keyring_backend, nio_peer
):
    session, recorder, peer, room_id = await room_with_peer(synapse, make_user, nio_peer, True)
    real = await peer.send_text(room_id, "La réunion est annulée")
    lie = await peer_send(peer, room_id, "m.room.message", {
        "msgtype": "m.text", "body": "> <@directeur:localhost> Tout le monde est augmenté\n\nSuper",
        "format": "org.matrix.custom.html",
        "formatted_body": "<mx-reply><blockquote>Tout le monde est augmenté</blockquote></mx-reply>Super",
        "m.relates_to": {"m.in_reply_to": {"event_id": real}}})  # fmt: skip
    await eventually(lambda: recorder.item_by_key(room_id, lie) is not None)
    shown = recorder.item_by_key(room_id, lie)
    assert shown.body == "Super" and "augmenté" not in (shown.html or "")
    # The original not in the cache (history not read that far): fetched and decrypted.
    await session.cache.call(lambda c: c.execute("DELETE FROM events WHERE event_id = ?", (real,)))
    original = await session.room(room_id).original(real)
    assert original.body == "La réunion est annulée" and original.sender == peer.user_id
    assert original.encrypted
    await session.close()


async def test_moderator_deletion_needs_power(synapse, make_user, tchap_home, keyring_backend,
                                              nio_peer):  # fmt: skip
    session, recorder, peer, room_id = await room_with_peer(synapse, make_user, nio_peer, False)
    theirs = await peer.send_text(room_id, "message de Bob")
    await eventually(lambda: recorder.item_by_key(room_id, theirs) is not None)
    assert not await session.room(room_id).can_delete(peer.user_id)
    levels = await api(session, "GET", f"/_matrix/client/v3/rooms/{room_id}/state/m.room.power_levels")
    levels["users"][session.user_id] = 50
    await peer.client.room_put_state(room_id, "m.room.power_levels", levels)
    await wait_for(lambda: session.room(room_id).can_delete(peer.user_id))
    await session.room(room_id).delete_message(theirs, "hors sujet")
    await peer.wait_for_event(room_id, lambda ev: ev.get("type") == "m.room.redaction")
    item = next(i for i in await session.room(room_id).timeline(50) if i.key == theirs)
    assert item.kind is ItemKind.REDACTED and item.redaction["by"] == session.user_id
    await session.close()


async def test_reply_react_edit_survive_a_dead_server_and_a_restart(
    tmp_path, make_user, tchap_home, keyring_backend
):
    """Typed while the server is down: each arrives once, in order, after a restart."""
    from devtools.homeserver import Homeserver

    hs = Homeserver(tmp_path / "hs")
    hs.start()
    try:
        session, recorder, room_id, bob = await alice_and_bob_in_a_room(hs, tmp_path)
        room = session.room(room_id)
        await room.send_text("brouillon")
        ours = (await bob.wait_for_text(room_id, "brouillon")).event_id
        question = await bob.send_text(room_id, "Tu viens ?")
        await eventually(lambda: recorder.item_by_key(room_id, question) is not None)
        await eventually(lambda: recorder.item_by_key(room_id, ours) is not None)

        hs.stop()
        await room.reply("J'arrive", question)
        await room.react(question, "👍")
        await room.edit(ours, "version finale")
        assert recorder.item_by_key(room_id, ours).body == "version finale"  # shown at once
        assert "👍" in recorder.item_by_key(room_id, question).reactions
        await session.close()

        hs.start()
        session = Session(Profile.load())
        assert await session.restore()
        session.start()
        await bob.wait_for_event(room_id, lambda ev: relates(ev).get("rel_type") == "m.replace",
                                 timeout=60)  # fmt: skip
        mine = [ev for ev in bob.events if ev.get("sender") == "@alice:localhost"
                and ev.get("type") in ("m.room.message", "m.reaction", "m.room.encrypted")]  # fmt: skip
        kinds = []
        for ev in mine[1:]:  # after "brouillon"
            rel = relates(ev)
            kinds.append("reply" if "m.in_reply_to" in rel else rel.get("rel_type"))
        assert kinds == ["reply", "m.annotation", "m.replace"]  # once each, in order
        items = {i.key: i for i in await session.room(room_id).timeline(50)}
        assert items[ours].body == "version finale"
        assert not [i for i in items.values() if i.send_state is not SendState.SENT]
        await bob.close()
        await session.close()
    finally:
        hs.stop()


async def test_a_refused_reaction_is_taken_back_and_reported(
    synapse, make_user, tchap_home, keyring_backend, nio_peer
):
    """Bob forbids posting: our reaction, shown at once, goes again when the server says no."""
    from app.core.events import EventChanged, OperationRefused

    session, recorder, peer, room_id = await room_with_peer(synapse, make_user, nio_peer, False)
    question = await peer.send_text(room_id, "Qui vient ?")
    await eventually(lambda: recorder.item_by_key(room_id, question) is not None)
    levels = (await peer.client.room_get_state_event(room_id, "m.room.power_levels")).content
    answer = await peer.client.room_put_state(room_id, "m.room.power_levels",
                                              {**levels, "events_default": 50})  # fmt: skip
    assert getattr(answer, "event_id", None), answer  # the server has it before we react

    await session.room(room_id).react(question, "🙋")
    await eventually(lambda: any(isinstance(e, EventChanged) and "🙋" in e.item.reactions
                                 for e in recorder.events))  # shown at once  # fmt: skip
    await eventually(lambda: any(isinstance(e, OperationRefused) and e.event_type == "m.reaction"
                                 for e in recorder.events))  # fmt: skip
    await eventually(lambda: "🙋" not in recorder.item_by_key(room_id, question).reactions)
    assert not (await session.room(room_id).timeline(50))[-1].reactions  # the cache agrees
    await session.close()
