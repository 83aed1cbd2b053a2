"""Edits on the wire through a real Synapse: their m.mentions as the spec asks; our own file
is not edited (this client sends files without a caption, and shows their name only)."""

from __future__ import annotations

import pytest

from app.core.errors import ActionError, ActionFailed
from tests.app.services.test_relations import relates, room_with_peer
from tests.support import eventually


async def test_an_edit_carries_its_mentions_on_the_wire(
    synapse, make_user, tchap_home, keyring_backend, nio_peer
):
    """m.new_content mentions everyone its text names; the outer content only the newly
    mentioned (Bob, named before, is not notified again; the reply's author stays in)."""
    from app.core.formatting import mention_link

    session, recorder, peer, room_id = await room_with_peer(synapse, make_user, nio_peer, True)
    carol = make_user("carol").user_id
    room = session.room(room_id)
    question = await peer.send_text(room_id, "Qui relit ?")
    await eventually(lambda: recorder.item_by_key(room_id, question) is not None)
    await room.reply(f"Moi, avec {mention_link(peer.user_id, 'Bob')}", question)
    mine = (await peer.wait_for_event(
        room_id, lambda ev: relates(ev).get("m.in_reply_to", {}).get("event_id") == question
    ))["event_id"]  # fmt: skip
    await eventually(lambda: recorder.item_by_key(room_id, mine) is not None)

    await room.edit(mine, f"Moi, avec {mention_link(carol, 'Carol')}")
    edit = await peer.wait_for_event(room_id, lambda ev: relates(ev).get("rel_type") == "m.replace")
    assert edit["content"]["m.new_content"]["m.mentions"] == {"user_ids": [peer.user_id, carol]}
    assert edit["content"]["m.mentions"] == {"user_ids": [carol]}
    await session.close()


async def test_our_own_file_is_not_edited(
    synapse, make_user, tchap_home, keyring_backend, nio_peer, tmp_path
):
    session, recorder, peer, room_id = await room_with_peer(synapse, make_user, nio_peer, False)
    room = session.room(room_id)
    report = tmp_path / "rapport.txt"
    report.write_text("contenu")
    await room.send_file(report)
    sent = await peer.wait_for_file(room_id, "rapport.txt")
    await eventually(lambda: recorder.item_by_key(room_id, sent.event_id) is not None)
    with pytest.raises(ActionFailed) as refused:
        await room.edit(sent.event_id, "Le rapport corrigé")
    assert refused.value.kind is ActionError.FORBIDDEN
    await peer.send_text(room_id, "reçu")
    await eventually(lambda: recorder.item(room_id, body="reçu") is not None)
    assert not [ev for ev in peer.events if relates(ev).get("rel_type") == "m.replace"]
    await session.close()
