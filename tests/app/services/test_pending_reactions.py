"""A reaction of ours taken back before the server has it, through a real Synapse: still in
the outbox it is cancelled; on its way or sent but not back from the sync, it is deleted
once its id is known. Never a crash, never a chip that comes back."""

from __future__ import annotations

import pytest

from app.core.events import EventChanged
from app.platform.profile import Profile
from app.session import Session
from tests.app.services.test_relations import relates, room_with_peer
from tests.support import Recorder, eventually


def redacts(ev: dict) -> str | None:
    if ev.get("type") != "m.room.redaction":
        return None
    return ev.get("redacts") or (ev.get("content") or {}).get("redacts")


async def test_a_reaction_still_in_the_outbox_is_cancelled(
    synapse, make_user, tchap_home, keyring_backend, nio_peer
):
    session, recorder, peer, room_id = await room_with_peer(synapse, make_user, nio_peer, False)
    room = session.room(room_id)
    question = await peer.send_text(room_id, "Pause café ?")
    await eventually(lambda: recorder.item_by_key(room_id, question) is not None)
    outbox = (await session.connect()).outbox
    await outbox.stop()  # offline: what is queued waits on disk

    await room.react(question, "☕")
    pending = recorder.item_by_key(room_id, question).reactions["☕"][0][2]
    assert pending.startswith("~")
    assert await room.unreact(question, "☕")
    assert "☕" not in recorder.item_by_key(room_id, question).reactions  # gone at once
    assert not (await room.timeline(50))[-1].reactions  # and from the cache

    outbox.start()
    await room.send_text("Non merci")
    await peer.wait_for_text(room_id, "Non merci")
    assert not [ev for ev in peer.events if ev.get("type") == "m.reaction"]  # never sent
    await session.close()


@pytest.mark.parametrize("run", ["this_run", "earlier_run"])
async def test_a_reaction_sent_but_not_back_is_deleted_once_known(
    synapse, make_user, tchap_home, keyring_backend, nio_peer, run
):
    """The sync is held, so the reaction's id is known only to the outbox (this run) or
    only to the server (sent before a restart: the outbox has forgotten it)."""
    session, recorder, peer, room_id = await room_with_peer(synapse, make_user, nio_peer, True)
    room = session.room(room_id)
    question = await peer.send_text(room_id, "Réunion à 15 h ?")
    await eventually(lambda: recorder.item_by_key(room_id, question) is not None)
    services = await session.connect()
    services._sync_task.cancel()  # nothing comes back from the server from now on

    await room.react(question, "👍")
    sent = await peer.wait_for_event(room_id, lambda ev: relates(ev).get("key") == "👍")
    assert recorder.item_by_key(room_id, question).reactions["👍"][0][2].startswith("~")
    if run == "earlier_run":
        services.outbox._sent_events.clear()
    assert await room.unreact(question, "👍")
    assert "👍" not in recorder.item_by_key(room_id, question).reactions  # gone at once
    await peer.wait_for_event(room_id, lambda ev: redacts(ev) == sent["event_id"])
    await session.close()

    again = Session(Profile.load())  # the sync brings the reaction and its deletion
    recorder = Recorder(again)
    assert await again.restore()
    again.start()
    await peer.send_text(room_id, "Après")
    await eventually(lambda: recorder.item(room_id, body="Après") is not None)
    items = {i.key: i for i in await again.room(room_id).timeline(50)}
    assert not items[question].reactions  # no ghost chip
    assert not any(isinstance(e, EventChanged) and e.item.reactions for e in recorder.events)
    await again.close()
