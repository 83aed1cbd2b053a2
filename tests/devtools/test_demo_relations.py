"""The demo's reply, reactions, edit and deletion reach the client as a person should see them."""

from __future__ import annotations

from app.core.types import ItemKind, Membership
from devtools.demo import _seed_relations
from tests.app.test_session import signed_in
from tests.support import eventually


async def test_demo_relations_show_in_the_client(
    synapse, make_user, tchap_home, keyring_backend, nio_peer
):
    alice = make_user("alice")
    louis, sophie, camille = [await nio_peer(make_user(n)) for n in ("louis", "sophie", "camille")]
    room_id = await louis.create_room(encrypted=False, invite=[p.user_id for p in (sophie, camille)]
                                      + [alice.user_id])  # fmt: skip
    for peer in (sophie, camille):
        await peer.join(room_id)
        await louis.wait_member(room_id, peer.user_id)
    session, recorder = await signed_in(synapse, alice)
    await eventually(lambda: recorder.room(room_id) is not None)
    await session.room(room_id).accept_invite()
    await eventually(lambda: recorder.room(room_id).membership is Membership.JOIN)
    await _seed_relations(room_id, louis, sophie, camille)

    def rows():
        return [i for i in recorder.items(room_id) if i.kind is not ItemKind.MEMBERSHIP]

    await eventually(lambda: any(i.kind is ItemKind.REDACTED for i in rows()))
    by_body = {i.body: i for i in rows()}
    question = by_body["Quelqu'un a testé le nouveau VPN depuis chez soi ?"]
    counts = {k: len(v) for k, v in question.reactions.items()}
    assert counts["👍"] == 2 and counts["🎉"] == 1
    assert len(counts) == 14  # and twelve more, to see chips wrap in a narrow window
    assert by_body["Oui, il tient très bien la charge."].reply_to == question.key
    assert by_body["La mise à jour du VPN est prévue mardi."].edited
    deleted = next(i for i in rows() if i.kind is ItemKind.REDACTED)
    assert deleted.redaction["reason"] == "mauvais salon"
    await session.close()


async def test_demo_room_changes_show_as_state_rows(
    synapse, make_user, tchap_home, keyring_backend, nio_peer
):
    from app.core.state_events import StateChange
    from devtools.demo import _seed_changes

    alice = make_user("alice")
    louis, sophie = [await nio_peer(make_user(n)) for n in ("louis", "sophie")]
    room_id = await louis.create_room(encrypted=False, invite=[sophie.user_id, alice.user_id])
    await sophie.join(room_id)
    await louis.wait_member(room_id, sophie.user_id)
    session, recorder = await signed_in(synapse, alice)
    await eventually(lambda: recorder.room(room_id) is not None)
    await session.room(room_id).accept_invite()
    await eventually(lambda: recorder.room(room_id).membership is Membership.JOIN)
    await _seed_changes(room_id, louis, sophie)

    def changes():
        return {i.state_detail.get("what") for i in recorder.items(room_id) if i.state_detail}

    await eventually(lambda: {StateChange.TOPIC_CHANGED.value,
                              StateChange.POWER_CHANGED.value} <= changes())  # fmt: skip
    await session.close()
