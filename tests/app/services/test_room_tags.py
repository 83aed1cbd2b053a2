"""Favourites, low priority, "marked unread", muting and unread counts against the real
Synapse, both ways: our change reaches the server (read through a second device of the same
user), and a change made on that second device reaches the session by sync."""

from __future__ import annotations

from urllib.parse import quote

from tests.app.services.test_rooms import ServerView, _joined_room_with
from tests.support import eventually


def tags_of(server: ServerView, room_id: str) -> dict:
    user, room = quote(server.user_id), quote(room_id)
    return server.call("GET", f"/_matrix/client/v3/user/{user}/rooms/{room}/tags")["tags"]


def put_room_data(server: ServerView, room_id: str, event_type: str, content: dict) -> None:
    user, room = quote(server.user_id), quote(room_id)
    server.call("PUT", f"/_matrix/client/v3/user/{user}/rooms/{room}/account_data/{event_type}",
                content)  # fmt: skip


async def test_our_tags_and_unread_mark_reach_the_server(
    synapse, make_user, tchap_home, keyring_backend, nio_peer
):
    alice, _bob, _peer, room_id, session, recorder = await _joined_room_with(
        synapse, make_user, nio_peer, "tags-out"
    )
    server = ServerView(synapse, alice)
    room = session.room(room_id)

    await room.set_favourite(True)
    assert recorder.room(room_id).is_favourite  # shown at once, before the server answers
    await eventually(lambda: "m.favourite" in tags_of(server, room_id))

    await room.set_low_priority(True)  # favourite and low priority exclude each other
    summary = recorder.room(room_id)
    assert summary.is_low_priority and not summary.is_favourite
    await eventually(lambda: set(tags_of(server, room_id)) == {"m.lowpriority"})

    await room.set_low_priority(False)
    await eventually(lambda: tags_of(server, room_id) == {})
    assert not recorder.room(room_id).is_low_priority

    await room.set_marked_unread(True)
    assert recorder.room(room_id).marked_unread
    await eventually(
        lambda: server.account_data("m.marked_unread", room_id).get("unread") is True
    )
    await room.mark_read()  # reading the room takes the mark away, here and on the server
    assert not recorder.room(room_id).marked_unread
    await eventually(
        lambda: server.account_data("m.marked_unread", room_id).get("unread") is False
    )
    await session.close()


async def test_changes_from_another_device_arrive_by_sync(
    synapse, make_user, tchap_home, keyring_backend, nio_peer
):
    alice, _bob, _peer, room_id, session, recorder = await _joined_room_with(
        synapse, make_user, nio_peer, "tags-in"
    )
    other_device = ServerView(synapse, alice)
    user, room = quote(alice.user_id), quote(room_id)
    tags = f"/_matrix/client/v3/user/{user}/rooms/{room}/tags"

    other_device.call("PUT", f"{tags}/m.favourite", {"order": 0.5})
    await eventually(lambda: recorder.room(room_id).is_favourite)
    other_device.call("DELETE", f"{tags}/m.favourite")
    other_device.call("PUT", f"{tags}/m.lowpriority", {})
    await eventually(
        lambda: recorder.room(room_id).is_low_priority and not recorder.room(room_id).is_favourite
    )

    put_room_data(other_device, room_id, "com.famedly.marked_unread", {"unread": True})
    await eventually(lambda: recorder.room(room_id).marked_unread)  # the unstable type too
    put_room_data(other_device, room_id, "m.marked_unread", {"unread": False})
    await eventually(lambda: not recorder.room(room_id).marked_unread)  # the stable one wins

    rule = f"/_matrix/client/v3/pushrules/global/room/{quote(room_id)}"
    other_device.call("PUT", rule, {"actions": ["dont_notify"]})
    await eventually(lambda: recorder.room(room_id).is_muted)
    other_device.call("DELETE", rule)
    await eventually(lambda: not recorder.room(room_id).is_muted)
    await session.close()


async def test_reading_on_another_device_clears_the_badge_here(
    synapse, make_user, tchap_home, keyring_backend, nio_peer
):
    alice, _bob, peer, room_id, session, recorder = await _joined_room_with(
        synapse, make_user, nio_peer, "recu"
    )
    for n in range(3):
        last_event_id = await peer.send_text(room_id, f"message {n} pour Alice")
    await eventually(lambda: recorder.room(room_id).unread_count == 3)

    other_device = ServerView(synapse, alice)
    receipt = f"/_matrix/client/v3/rooms/{quote(room_id)}/receipt/m.read/{quote(last_event_id)}"
    other_device.call("POST", receipt, {})
    await eventually(lambda: recorder.room(room_id).unread_count == 0)
    assert recorder.room(room_id).highlight_count == 0
    await session.close()


async def test_an_upgraded_cache_fetches_the_tags_it_never_kept(
    synapse, make_user, tchap_home, keyring_backend, nio_peer
):
    """A cache from before the room list kept tags learns them once, from a sync of account
    data alone, at the first start after its upgrade."""
    from app.platform.profile import Profile
    from app.session import Session
    from app.store import account_data
    from tests.support import Recorder

    alice, _bob, _peer, room_id, session, recorder = await _joined_room_with(
        synapse, make_user, nio_peer, "backfill"
    )
    server = ServerView(synapse, alice)
    server.call("PUT", f"/_matrix/client/v3/user/{quote(alice.user_id)}/rooms/{quote(room_id)}"
                "/tags/m.favourite", {})  # fmt: skip
    await eventually(lambda: recorder.room(room_id).is_favourite)
    await session.close()

    # What an upgraded cache looks like: no tags in the room's facts, the flag of schema 7.
    session = Session(Profile.load())
    recorder = Recorder(session)
    assert await session.restore()
    await session.cache.call(lambda conn: conn.executescript(
        "UPDATE rooms SET facts = json_set(facts, '$.tags', json('{}')),"
        " summary = json_set(summary, '$.is_favourite', json('false'));"
        "INSERT OR REPLACE INTO meta VALUES ('account_data_backfill', '1');"))  # fmt: skip
    assert not any(r.is_favourite for r in await session.room_summaries())
    session.start()
    await eventually(lambda: recorder.room(room_id) is not None and recorder.room(room_id).is_favourite)
    assert not await session.cache.call(account_data.needs_backfill)  # once
    await session.close()
