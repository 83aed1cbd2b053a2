"""Favourites in the order their m.favourite tag gives (`order`, lowest first), as Element
shows them, then by activity; the tags set by a second device of the same user on a real
Synapse, the rows read back from the session into the room list's models."""

from __future__ import annotations

from urllib.parse import quote

from app.core.rooms import tag_order
from tests.app.services.test_rooms import ServerView
from tests.app.test_session import signed_in
from tests.support import eventually
from ui.models.room_list import RoomListModel, RoomListProxy, Section


def favourites(proxy: RoomListProxy) -> list[str]:
    role = RoomListModel.Role
    rows = [proxy.index(r, 0) for r in range(proxy.rowCount())]
    return [i.data(role.ROOM_ID) for i in rows
            if not i.data(role.IS_HEADER) and i.data(role.SECTION) == Section.FAVOURITES]  # fmt: skip


async def test_favourites_follow_the_tag_order_then_activity(
    synapse, make_user, tchap_home, keyring_backend, qtmodeltester
):
    alice = make_user("ordre")
    other_device = ServerView(synapse, alice)
    session, recorder = await signed_in(synapse, alice)
    rooms = []
    for n in range(4):  # created and written in turn: the last is the most recently active
        room_id = other_device.call("POST", "/_matrix/client/v3/createRoom",
                                    {"name": f"Salon {n}"})["room_id"]  # fmt: skip
        other_device.call("PUT", f"/_matrix/client/v3/rooms/{quote(room_id)}/send/m.room.message/"
                          f"t{n}", {"msgtype": "m.text", "body": f"message {n}"})  # fmt: skip
        rooms.append(room_id)
    tags = "/_matrix/client/v3/user/{}/rooms/{}/tags/m.favourite"
    orders = [{"order": 0.9}, {"order": 0.1}, {}, {"order": "0.2"}]  # a string is no order
    for room_id, content in zip(rooms, orders, strict=True):
        other_device.call("PUT", tags.format(quote(alice.user_id), quote(room_id)), content)
    await eventually(lambda: all(recorder.room(r) and recorder.room(r).is_favourite
                                 for r in rooms))  # fmt: skip
    assert [recorder.room(r).favourite_order for r in rooms] == [0.9, 0.1, None, None]

    model, proxy = RoomListModel(), RoomListProxy()
    proxy.setSourceModel(model)
    qtmodeltester.check(proxy)
    model.set_rooms(await session.room_summaries())
    assert favourites(proxy) == [rooms[1], rooms[0], rooms[3], rooms[2]]

    other_device.call("PUT", tags.format(quote(alice.user_id), quote(rooms[2])), {"order": 0.05})
    await eventually(lambda: recorder.room(rooms[2]).favourite_order == 0.05)
    model.upsert([recorder.room(rooms[2])])  # as the bridge does with RoomsChanged
    assert favourites(proxy) == [rooms[2], rooms[1], rooms[0], rooms[3]]
    await session.close()


def test_only_a_finite_number_is_an_order():
    assert tag_order({"order": 0.5}) == 0.5 and tag_order({"order": 1}) == 1.0
    for bad in ({}, {"order": "0.5"}, {"order": True}, {"order": float("nan")}, None, {"order": [1]}):
        assert tag_order(bad) is None
