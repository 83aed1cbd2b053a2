"""Soft logout: the password is asked again and the same device goes on, history readable."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from app.core.errors import LoginError, LoginFailed
from app.core.events import SessionState
from app.core.types import ItemKind
from app.platform.keys import load_secrets
from app.platform.profile import Profile
from devtools.peers import NioPeer
from tests.app.test_session import signed_in
from tests.support import api, eventually, fault_proxy

SOFT = (401, {"errcode": "M_UNKNOWN_TOKEN", "error": "expired", "soft_logout": True})


def decrypted(recorder, room_id: str, body: str) -> bool:
    item = recorder.item(room_id, body=body)
    return item is not None and item.kind is not ItemKind.UNDECRYPTABLE


async def test_sign_in_again_keeps_the_device_the_cache_and_the_keys(
    synapse, make_user, tchap_home, keyring_backend, tmp_path
):
    alice, bob = make_user("soft-a"), make_user("soft-b")
    async with fault_proxy(synapse.url) as proxy:
        session, recorder = await signed_in(SimpleNamespace(url=proxy.url), alice)
        device = session._account["device_id"]
        room_id = await session.create_private_room("Gardé")
        await api(session, "POST", f"/_matrix/client/v3/rooms/{room_id}/invite",
                  {"user_id": bob.user_id})  # fmt: skip
        peer = NioPeer(synapse.url, bob.user_id, bob.password, tmp_path / "bob")
        await peer.start()
        try:
            await peer.join(room_id)
            await eventually(lambda: recorder.room(room_id).member_count == 2)
            await peer.send_text(room_id, "avant la coupure")
            await eventually(lambda: decrypted(recorder, room_id, "avant la coupure"))
            old_token = load_secrets(Profile.load().secrets, alice.user_id)["access_token"]

            proxy.fail_syncs(SOFT)
            await eventually(lambda: session.state is SessionState.SOFT_LOGGED_OUT, timeout=30)
            with pytest.raises(LoginFailed) as failed:
                await session.sign_in_again("not the password")
            assert failed.value.kind is LoginError.BAD_CREDENTIALS
            assert session.state is SessionState.SOFT_LOGGED_OUT  # still waiting for it

            await session.sign_in_again(alice.password)
            session.start()
            await session.wait_synced()
            assert session._account["device_id"] == device
            keys = load_secrets(Profile.load().secrets, alice.user_id)
            assert keys["access_token"] != old_token
            summaries = await session.room_summaries()
            assert room_id in [r.room_id for r in summaries]  # the cache was kept
            rows = await session.room(room_id).timeline()
            assert any(r.body == "avant la coupure" for r in rows)  # still readable
            await peer.send_text(room_id, "après la coupure")  # the same device gets new keys
            await eventually(lambda: decrypted(recorder, room_id, "après la coupure"))
        finally:
            await peer.close()
            await session.close()
