"""The independent peers: nio ↔ nio and nio ↔ mautrix exchange encrypted messages both ways."""

from __future__ import annotations

import asyncio

import pytest
import qasync
from PySide6.QtCore import QTimer

from devtools.peers import wait_for

# mautrix warns about a deprecated field it still fills in itself.
pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning:mautrix.*")


# -- the loop the whole suite runs on -----------------------------------------------------------


@pytest.fixture(scope="session")
async def session_loop():
    """An async session fixture: it must run on the same qasync loop as the tests."""
    await asyncio.sleep(0)
    return asyncio.get_running_loop()


async def test_async_tests_run_on_qasync_with_the_qapp(qapp, session_loop):
    loop = asyncio.get_running_loop()
    assert isinstance(loop, qasync.QEventLoop) and loop is session_loop
    fired = []
    QTimer.singleShot(10, lambda: fired.append(True))  # Qt events are processed while awaiting
    await wait_for(lambda: fired, timeout=2)


def test_qtbot_works_in_sync_tests(qtbot, qapp):
    timer = QTimer()
    timer.setSingleShot(True)
    with qtbot.waitSignal(timer.timeout, timeout=2000):
        timer.start(10)


async def test_loop_still_works_after_a_qtbot_test(session_loop):
    assert asyncio.get_running_loop() is session_loop
    assert await asyncio.wait_for(asyncio.sleep(0.01, result="ok"), 1) == "ok"


# -- peers --------------------------------------------------------------------------------------


async def test_wait_for_returns_the_value_and_times_out():
    values = iter([0, None, "ready"])
    assert await wait_for(lambda: next(values), timeout=1) == "ready"
    try:
        await wait_for(lambda: False, timeout=0.05)
    except TimeoutError:
        pass
    else:
        raise AssertionError("wait_for did not time out")


async def test_nio_to_nio_both_ways(make_user, nio_peer):
    alice, bob = make_user("alice"), make_user("bob")
    a, b = await nio_peer(alice), await nio_peer(bob)
    room_id = await a.create_room(encrypted=True, invite=[bob.user_id], name="Interop")
    await b.wait_invited(room_id)
    await b.join(room_id)
    await a.wait_member(room_id, bob.user_id)

    await a.send_text(room_id, "Bonjour Bob")
    got = await b.wait_for_text(room_id, "Bonjour Bob")
    assert got.decrypted and got.sender == alice.user_id
    await b.send_text(room_id, "Bonjour Alice", html="Bonjour <b>Alice</b>")
    got = await a.wait_for_text(room_id, lambda ev: ev.sender == bob.user_id)
    assert got.decrypted and got.formatted_body == "Bonjour <b>Alice</b>"
    assert not a.undecryptable and not b.undecryptable

    # Really encrypted on the server.
    raw = await a._request("GET", f"/_matrix/client/v3/rooms/{room_id}/messages?dir=b&limit=20")
    types = {e["type"] for e in raw["chunk"]}
    assert "m.room.encrypted" in types and "m.room.message" not in types


async def test_nio_and_mautrix_both_ways(make_user, nio_peer, mautrix_peer):
    alice, carol = make_user("alice"), make_user("carol")
    a, c = await nio_peer(alice), await mautrix_peer(carol)
    room_id = await a.create_room(encrypted=True, invite=[carol.user_id])
    await c.join(room_id)
    await a.wait_member(room_id, carol.user_id)

    await a.send_text(room_id, "de nio vers mautrix")
    got = await c.wait_for_text(room_id, "de nio vers mautrix")
    assert got.sender == alice.user_id
    await c.send_text(room_id, "de mautrix vers nio")
    got = await a.wait_for_text(room_id, "de mautrix vers nio")
    assert got.decrypted and got.sender == carol.user_id


async def test_mautrix_creates_nio_joins(make_user, nio_peer, mautrix_peer):
    carol, bob = make_user("carol"), make_user("bob")
    c, b = await mautrix_peer(carol), await nio_peer(bob, auto_join=True)
    room_id = await c.create_room(encrypted=True, invite=[bob.user_id])
    await b.wait_joined(room_id)
    await wait_for(lambda: bob.user_id in c.state_store.members.get(room_id, {}))
    await c.send_text(room_id, "salon créé par mautrix")
    got = await b.wait_for_text(room_id, "salon créé par mautrix")
    assert got.decrypted


async def test_withheld_key_arrives_late(make_user, nio_peer):
    alice, bob = make_user("alice"), make_user("bob")
    a, b = await nio_peer(alice), await nio_peer(bob)
    room_id = await a.create_room(encrypted=True, invite=[bob.user_id])
    await b.join(room_id)
    await a.wait_member(room_id, bob.user_id)
    await a.send_text(room_id, "avant")
    await b.wait_for_text(room_id, "avant")

    event_id = await a.send_text_withholding_key(room_id, "clé en retard")
    await wait_for(lambda: any(ev.event_id == event_id for ev in b.undecryptable))
    assert not any(ev.event_id == event_id for ev in b.received)

    assert await a.release_withheld_keys() >= 1
    got = await b.wait_for_text(room_id, "clé en retard")
    assert got.event_id == event_id and not b.undecryptable

    # Normal sends keep working after the withheld session.
    await a.send_text(room_id, "après")
    await b.wait_for_text(room_id, "après")


async def test_direct_chat_and_m_direct(make_user, nio_peer):
    alice, camille = make_user("alice"), make_user("camille")
    a = await nio_peer(alice)
    room_id = await a.create_room(encrypted=True, invite=[camille.user_id], is_direct=True)
    await a.set_direct(room_id, camille.user_id)
    direct = await a._request(
        "GET", f"/_matrix/client/v3/user/{alice.user_id}/account_data/m.direct"
    )
    assert direct == {camille.user_id: [room_id]}


async def test_session_file_reuses_the_device(synapse, make_user, tmp_path):
    from devtools.peers import NioPeer

    user = make_user("bot")
    args = (synapse.url, user.user_id, user.password, tmp_path / "store")
    first = NioPeer(*args, session_file=tmp_path / "session.json")
    await first.start()
    device_id = first.device_id
    await first.close()
    again = NioPeer(*args, session_file=tmp_path / "session.json")
    await again.start()
    assert again.device_id == device_id and again.client.olm is not None
    await again.close()
