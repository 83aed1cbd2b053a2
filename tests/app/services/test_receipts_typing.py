"""Read receipts, typing, drafts and mentions against the real Synapse, with a second client
(a matrix-nio peer) on the other side."""

from __future__ import annotations

from app.core.events import ReceiptsChanged, TypingChanged
from app.core.formatting import mention_link
from app.platform.profile import Profile
from app.session import Session
from tests.app.services.test_rooms import ServerView, _joined_room_with
from tests.support import eventually, stays_false


def _receipt_at(peer, room_id: str, user_id: str) -> str | None:
    receipt = peer.client.rooms[room_id].read_receipts.get(user_id)
    return receipt.event_id if receipt else None


async def test_our_receipt_reaches_the_peer_and_never_goes_back(
    synapse, make_user, tchap_home, keyring_backend, nio_peer
):
    alice, _bob, peer, room_id, session, recorder = await _joined_room_with(
        synapse, make_user, nio_peer, "recu"
    )
    first = await peer.send_text(room_id, "premier")
    second = await peer.send_text(room_id, "second")
    await eventually(lambda: recorder.item(room_id, body="second") is not None)

    await session.room(room_id).mark_read(first)  # the older row was on screen
    await eventually(lambda: _receipt_at(peer, room_id, alice.user_id) == first)
    assert recorder.room(room_id).unread_count >= 1  # the newest is not read yet (1 once the
    # server counted our receipt)

    await session.room(room_id).mark_read(second)
    await eventually(lambda: _receipt_at(peer, room_id, alice.user_id) == second)
    await eventually(lambda: recorder.room(room_id).unread_count == 0)
    server = ServerView(synapse, alice)
    assert server.account_data("m.fully_read", room_id).get("event_id") == second

    await session.room(room_id).mark_read(first)  # scrolling back up moves nothing
    await stays_false(lambda: _receipt_at(peer, room_id, alice.user_id) != second, 1.5)
    await session.close()


async def test_private_receipts_stay_private(
    synapse, make_user, tchap_home, keyring_backend, nio_peer
):
    Profile.load("default").config.set("private_read_receipts", True)
    alice, _bob, peer, room_id, session, recorder = await _joined_room_with(
        synapse, make_user, nio_peer, "prive"
    )
    last = await peer.send_text(room_id, "lu en privé")
    await eventually(lambda: recorder.item(room_id, body="lu en privé") is not None)
    await session.room(room_id).mark_read(last)
    server = ServerView(synapse, alice)
    await eventually(lambda: server.account_data("m.fully_read", room_id).get("event_id") == last)
    # The server counts it as read (m.read.private), the peer never sees it.
    await eventually(lambda: recorder.room(room_id).unread_count == 0)
    await stays_false(lambda: _receipt_at(peer, room_id, alice.user_id) is not None, 1.5)
    await session.close()


async def test_the_peers_receipt_is_shown_and_kept_across_a_restart(
    synapse, make_user, tchap_home, keyring_backend, nio_peer
):
    _alice, bob, peer, room_id, session, recorder = await _joined_room_with(
        synapse, make_user, nio_peer, "vu"
    )
    key = await session.room(room_id).send_text("Tu as vu ?")
    await peer.wait_for_text(room_id, "Tu as vu ?")
    event_id = await _sent_event_id(recorder, room_id, "Tu as vu ?")
    await peer.client.update_receipt_marker(room_id, event_id)

    def bob_read() -> bool:
        return any(
            isinstance(e, ReceiptsChanged)
            and e.room_id == room_id
            and any(r.user_id == bob.user_id and r.event_id == event_id for r in e.receipts)
            for e in recorder.events
        )

    await eventually(bob_read)
    assert key  # the echo became the event the receipt names
    await session.close()

    again = Session(Profile.load("default"))
    assert await again.restore()
    receipts = await again.room(room_id).read_receipts()  # from the cache, before any sync
    assert [(r.user_id, r.event_id) for r in receipts] == [(bob.user_id, event_id)]
    assert receipts[0].ts > 0
    await again.close()


async def _sent_event_id(recorder, room_id: str, body: str) -> str:
    def sent() -> str | None:
        item = recorder.item(room_id, body=body)
        return item.event_id if item is not None and item.event_id else None

    await eventually(sent)
    return sent()


async def test_typing_both_ways(synapse, make_user, tchap_home, keyring_backend, nio_peer):
    alice, bob, peer, room_id, session, recorder = await _joined_room_with(
        synapse, make_user, nio_peer, "frappe"
    )
    room = peer.client.rooms[room_id]
    await session.room(room_id).set_typing(True)
    await eventually(lambda: alice.user_id in room.typing_users)
    await session.room(room_id).set_typing(False)
    await eventually(lambda: alice.user_id not in room.typing_users)

    await peer.client.room_typing(room_id, True, timeout=30_000)

    def typing_now() -> tuple:
        changes = [e for e in recorder.events if isinstance(e, TypingChanged)]
        return changes[-1].users if changes else ()

    await eventually(lambda: [m.user_id for m in typing_now()] == [bob.user_id])
    assert typing_now()[0].name  # a name to show, never empty
    await peer.client.room_typing(room_id, False)
    await eventually(lambda: typing_now() == ())
    await session.close()


async def test_a_draft_survives_a_restart(synapse, make_user, tchap_home, keyring_backend):
    from tests.app.test_session import signed_in

    alice = make_user("brouillon")
    session, _recorder = await signed_in(synapse, alice)
    room_id = await session.create_private_room("Brouillons")
    await session.room(room_id).save_draft("À finir demain **sans faute**")
    await session.close()  # right after typing: the pending write is flushed

    again = Session(Profile.load("default"))
    assert await again.restore()
    assert await again.room(room_id).draft() == "À finir demain **sans faute**"
    await again.room(room_id).save_draft("")
    await again.close()
    third = Session(Profile.load("default"))
    assert await third.restore()
    assert await third.room(room_id).draft() == ""
    await third.close()
    for path in tchap_home.rglob("*"):  # never in a plain file
        assert not path.is_file() or b"sans faute" not in path.read_bytes(), path


async def test_a_mention_arrives_with_m_mentions_and_a_link(
    synapse, make_user, tchap_home, keyring_backend, nio_peer
):
    _alice, bob, peer, room_id, session, _recorder = await _joined_room_with(
        synapse, make_user, nio_peer, "mention"
    )
    members = await session.room(room_id).members()
    assert bob.user_id in [m.user_id for m in members]
    bob_name = next(m.name for m in members if m.user_id == bob.user_id)
    await session.room(room_id).send_text(
        f"Bonjour {mention_link(bob.user_id, bob_name)}, tu peux relire ?"
    )

    ev = await peer.wait_for_text(room_id, lambda e: "relire" in e.body)
    content = ev.source["content"]
    assert content["m.mentions"] == {"user_ids": [bob.user_id]}
    assert f'href="https://matrix.to/#/{bob.user_id}"' in content["formatted_body"]
    assert content["body"] == f"Bonjour {bob_name}, tu peux relire ?"
    await session.close()
