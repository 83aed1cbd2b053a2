"""Room actions against the real Synapse: leave, invitations, read markers, failed sends,
and the state of the rooms the client creates. What the server says is read through a
second device of the same user, never through the session's own client."""

from __future__ import annotations

import asyncio
from urllib.parse import quote

from app.core.events import MessageRemoved, RoomsChanged, RoomsRemoved
from app.core.types import Membership, SendState
from tests.app.test_session import signed_in
from tests.support import eventually

MEGOLM = "m.megolm.v1.aes-sha2"


class ServerView:
    """The server's view for one user, through a device of its own (not the session's)."""

    def __init__(self, synapse, user) -> None:
        self._synapse = synapse
        self.user_id = user.user_id
        self.token = synapse.login(user.user_id, user.password)["access_token"]

    def call(self, method: str, api_path: str, body: dict | None = None) -> dict:
        return self._synapse.request(method, api_path, body, token=self.token)

    def joined_rooms(self) -> list[str]:
        return self.call("GET", "/_matrix/client/v3/joined_rooms")["joined_rooms"]

    def state(self, room_id: str) -> dict[tuple[str, str], dict]:
        """The room's current state: {(type, state_key): content}."""
        events = self.call("GET", f"/_matrix/client/v3/rooms/{quote(room_id)}/state")
        return {(e["type"], e["state_key"]): e["content"] for e in events}

    def membership_of(self, room_id: str, user_id: str) -> str:
        room, user = quote(room_id), quote(user_id)
        path = f"/_matrix/client/v3/rooms/{room}/state/m.room.member/{user}"
        return self.call("GET", path)["membership"]

    def account_data(self, event_type: str, room_id: str | None = None) -> dict:
        user = quote(self.user_id)
        if room_id is None:
            return self.call("GET", f"/_matrix/client/v3/user/{user}/account_data/{event_type}")
        room = quote(room_id)
        return self.call(
            "GET", f"/_matrix/client/v3/user/{user}/rooms/{room}/account_data/{event_type}"
        )

    def messages(self, room_id: str) -> list[dict]:
        path = f"/_matrix/client/v3/rooms/{quote(room_id)}/messages?dir=b&limit=100"
        return self.call("GET", path)["chunk"]

    def set_events_default(self, room_id: str, level: int) -> None:
        """Change who may send messages (the caller must be the room's admin)."""
        path = f"/_matrix/client/v3/rooms/{quote(room_id)}/state/m.room.power_levels"
        levels = self.call("GET", path)
        levels["events_default"] = level
        self.call("PUT", path, levels)


def _removed(recorder, room_id: str) -> bool:
    return any(isinstance(e, RoomsRemoved) and room_id in e.room_ids for e in recorder.events)


async def _joined_room_with(synapse, make_user, nio_peer, prefix: str, *, encrypted=False):
    """Alice's session in a room (plain unless asked) Bob created and administers."""
    alice, bob = make_user(f"{prefix}-a"), make_user(f"{prefix}-b")
    peer = await nio_peer(bob)
    room_id = await peer.create_room(encrypted=encrypted, invite=[alice.user_id], name=prefix)
    session, recorder = await signed_in(synapse, alice)
    await eventually(lambda: recorder.room(room_id) is not None)
    await session.room(room_id).accept_invite()
    await eventually(lambda: recorder.room(room_id).membership is Membership.JOIN)
    await peer.wait_member(room_id, alice.user_id)
    return alice, bob, peer, room_id, session, recorder


# -- leave and invitations ----------------------------------------------------------------------


async def test_leave_removes_the_room_here_and_on_the_server(
    synapse, make_user, tchap_home, keyring_backend
):
    alice = make_user("leaver")
    server = ServerView(synapse, alice)
    session, recorder = await signed_in(synapse, alice)
    room_id = await session.create_private_room("À quitter")
    await eventually(lambda: recorder.room(room_id) is not None)
    assert room_id in server.joined_rooms()

    await session.room(room_id).leave()
    await eventually(lambda: _removed(recorder, room_id))
    assert room_id not in [r.room_id for r in await session.room_summaries()]
    assert room_id not in server.joined_rooms()
    await session.close()


async def test_declining_an_invitation(synapse, make_user, tchap_home, keyring_backend, nio_peer):
    alice, bob = make_user("decline-a"), make_user("decline-b")
    peer = await nio_peer(bob)
    room_id = await peer.create_room(encrypted=True, invite=[alice.user_id], name="Non merci")
    session, recorder = await signed_in(synapse, alice)
    await eventually(lambda: recorder.room(room_id).membership is Membership.INVITE)

    await session.room(room_id).decline_invite()
    await eventually(lambda: _removed(recorder, room_id))
    assert room_id not in [r.room_id for r in await session.room_summaries()]
    assert ServerView(synapse, bob).membership_of(room_id, alice.user_id) == "leave"
    await session.close()


async def test_accepting_a_direct_invitation_lists_it_in_m_direct(
    synapse, make_user, tchap_home, keyring_backend, nio_peer
):
    alice, bob = make_user("accept-a"), make_user("accept-b")
    peer = await nio_peer(bob)
    room_id = await peer.create_room(encrypted=True, invite=[alice.user_id], is_direct=True)
    server = ServerView(synapse, alice)
    session, recorder = await signed_in(synapse, alice)
    await eventually(lambda: recorder.room(room_id).membership is Membership.INVITE)

    await session.room(room_id).accept_invite()
    await eventually(lambda: recorder.room(room_id).membership is Membership.JOIN)
    assert room_id in server.joined_rooms()
    await eventually(lambda: room_id in server.account_data("m.direct").get(bob.user_id, []))
    assert recorder.room(room_id).is_direct
    await session.close()


# -- read markers -------------------------------------------------------------------------------


async def test_mark_read_clears_the_badge_and_tells_the_server(
    synapse, make_user, tchap_home, keyring_backend, nio_peer
):
    alice, _bob, peer, room_id, session, recorder = await _joined_room_with(
        synapse, make_user, nio_peer, "lu"
    )
    for n in range(3):
        last_event_id = await peer.send_text(room_id, f"à lire {n}")
    await eventually(lambda: recorder.room(room_id).unread_count == 3)
    seen_before = len(recorder.events)

    await session.room(room_id).mark_read()
    await eventually(
        lambda: any(
            isinstance(e, RoomsChanged)
            and any(r.room_id == room_id and r.unread_count == 0 for r in e.rooms)
            for e in recorder.events[seen_before:]
        )
    )
    server = ServerView(synapse, alice)
    # The read marker goes out in the background: the server has it a moment later.
    await eventually(
        lambda: server.account_data("m.fully_read", room_id).get("event_id") == last_event_id
    )
    await session.close()


# -- failed sends -------------------------------------------------------------------------------


async def _failed_send(session, recorder, server_bob: ServerView, room_id: str, text: str) -> str:
    """Send `text` while Bob forbids Alice to post; return its key once it has FAILED."""
    server_bob.set_events_default(room_id, 50)
    key = await session.room(room_id).send_text(text)
    await eventually(lambda: recorder.item_by_key(room_id, key).send_state is SendState.FAILED)
    return key


async def test_retry_of_a_failed_send_sends_it_once(
    synapse, make_user, tchap_home, keyring_backend, nio_peer
):
    _alice, bob, peer, room_id, session, recorder = await _joined_room_with(
        synapse, make_user, nio_peer, "retry"
    )
    server_bob = ServerView(synapse, bob)
    text = "envoyé après coup"
    key = await _failed_send(session, recorder, server_bob, room_id, text)
    assert not [e for e in server_bob.messages(room_id) if e["content"].get("body") == text]

    server_bob.set_events_default(room_id, 0)  # Bob lets Alice post again
    await session.room(room_id).retry_send(key)
    await peer.wait_for_text(room_id, text, timeout=30)
    await eventually(lambda: recorder.item(room_id, body=text).send_state is SendState.SENT)
    sent = [e for e in server_bob.messages(room_id) if e["content"].get("body") == text]
    assert len(sent) == 1
    timeline = await session.room(room_id).timeline(50)
    assert [i.send_state for i in timeline if i.body == text] == [SendState.SENT]
    await session.close()


async def test_discarding_a_failed_send_removes_it(
    synapse, make_user, tchap_home, keyring_backend, nio_peer
):
    _alice, bob, _peer, room_id, session, recorder = await _joined_room_with(
        synapse, make_user, nio_peer, "discard"
    )
    server_bob = ServerView(synapse, bob)
    text = "à jeter"
    key = await _failed_send(session, recorder, server_bob, room_id, text)

    await session.room(room_id).discard_send(key)
    await eventually(
        lambda: any(
            isinstance(e, MessageRemoved) and (e.room_id, e.key) == (room_id, key)
            for e in recorder.events
        )
    )
    assert not [i for i in await session.room(room_id).timeline(50) if i.key == key]
    server_bob.set_events_default(room_id, 0)
    assert not [e for e in server_bob.messages(room_id) if e["content"].get("body") == text]
    await session.close()


# -- the rooms the client creates ---------------------------------------------------------------


async def test_a_private_room_is_restricted_encrypted_and_invite_only(
    synapse, make_user, tchap_home, keyring_backend
):
    alice = make_user("salon")
    session, _recorder = await signed_in(synapse, alice)
    room_id = await session.create_private_room("Salon privé", "Un sujet")
    state = ServerView(synapse, alice).state(room_id)
    assert state[("im.vector.room.access_rules", "")]["rule"] == "restricted"
    assert state[("m.room.encryption", "")]["algorithm"] == MEGOLM
    assert state[("m.room.join_rules", "")]["join_rule"] == "invite"
    assert state[("m.room.history_visibility", "")]["history_visibility"] == "invited"
    assert state[("m.room.name", "")]["name"] == "Salon privé"
    assert state[("m.room.topic", "")]["topic"] == "Un sujet"
    await session.close()


async def test_a_direct_chat_is_direct_encrypted_and_in_m_direct(
    synapse, make_user, tchap_home, keyring_backend
):
    alice, bob = make_user("direct-a"), make_user("direct-b")
    server = ServerView(synapse, alice)
    session, recorder = await signed_in(synapse, alice)
    room_id = await session.create_direct_chat(bob.user_id)
    state = server.state(room_id)
    assert state[("im.vector.room.access_rules", "")]["rule"] == "direct"
    assert state[("m.room.encryption", "")]["algorithm"] == MEGOLM
    invite = state[("m.room.member", bob.user_id)]
    assert invite["membership"] == "invite" and invite.get("is_direct") is True
    assert server.account_data("m.direct").get(bob.user_id) == [room_id]
    await eventually(lambda: recorder.room(room_id).is_direct)
    await session.close()


async def test_a_direct_chat_asked_twice_at_once_is_created_once_then_reopened(
    synapse, make_user, tchap_home, keyring_backend
):
    alice, bob = make_user("once-a"), make_user("once-b")
    server = ServerView(synapse, alice)
    session, _recorder = await signed_in(synapse, alice)
    first, second = await asyncio.gather(
        session.create_direct_chat(bob.user_id), session.create_direct_chat(bob.user_id)
    )
    assert first == second
    assert server.joined_rooms() == [first]

    assert await session.create_direct_chat(bob.user_id) == first  # reopened, not created
    assert server.joined_rooms() == [first]
    assert server.account_data("m.direct") == {bob.user_id: [first]}
    await session.close()
