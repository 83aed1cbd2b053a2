"""Externals on their own homeserver, federating with the agents' one (two real Synapses).

The configuration names the externals' server; an agent's direct chat with an external
carries the external's id (for the "External" badge), the external's name keeps its
organisation apart, and an external signed in with this client is refused salon creation
and a direct chat with another external before anything is sent.
"""

from __future__ import annotations

import asyncio
import secrets
from urllib.parse import quote

from app.accounts.externals import Refusal
from app.core.display_names import split_display_name
from app.platform.profile import Profile
from app.session import Session
from tests.support import eventually


def _profile(name: str, external_servers: list[str]) -> Profile:
    profile = Profile.load(name)
    profile.config.set("external_servers", external_servers)
    return profile


async def test_an_agent_and_an_external_across_two_servers(
    federated_pair, tchap_home, keyring_backend
):
    agents, externals = federated_pair.agents, federated_pair.externals
    tag = secrets.token_hex(3)
    agent_id = agents.register_user(
        f"agent-{tag}", "pw-agent-1", displayname="Alice Durand [DINUM]"
    )
    guest_id = externals.register_user(f"guest-{tag}", "pw-guest-1",
                                       displayname="Ana Lopez [Consultante]")  # fmt: skip
    other_guest = f"@someone:{externals.server_name}"

    session = Session(_profile("agent", [externals.server_name]))
    await session.login(agents.url, agent_id, "pw-agent-1")
    session.start()
    await session.wait_synced()
    try:
        rules = session.externals
        assert rules.is_external(guest_id) and not rules.is_external(agent_id)
        assert not rules.own_is_external and rules.create_room_refusal() is None
        assert rules.direct_chat_refusal(guest_id) is None  # an agent may

        room_id = await session.create_direct_chat(guest_id)  # the invite crosses servers
        guest_token = externals.login(guest_id, "pw-guest-1")["access_token"]
        join = f"/_matrix/client/v3/join/{quote(room_id)}?server_name={quote(agents.server_name)}"
        await eventually(lambda: externals.request("POST", join, {}, token=guest_token), 30)

        # The join comes back over federation, then through /sync: on a loaded machine (the
        # suite runs in parallel) that can take a while.
        deadline = asyncio.get_running_loop().time() + 120
        guest = None
        while guest is None:
            members = await session.room(room_id).members()
            guest = next((m for m in members if m.user_id == guest_id), None)
            if guest is None:
                assert asyncio.get_running_loop().time() < deadline, "the guest never joined"
                await asyncio.sleep(0.2)
        assert split_display_name(guest.name).organisation == "Consultante"
        summary = next(s for s in await session.room_summaries() if s.room_id == room_id)
        assert summary.is_direct and summary.direct_user_id == guest_id
        assert session.externals.is_external(summary.direct_user_id)
    finally:
        await session.close()

    # The external, signed in with this client on the externals' server.
    external = Session(_profile("guest", [externals.server_name]))
    await external.login(externals.url, guest_id, "pw-guest-1")
    try:
        rules = external.externals
        assert rules.own_is_external
        assert rules.create_room_refusal() is Refusal.EXTERNAL_CANNOT_CREATE_ROOM
        assert rules.direct_chat_refusal(other_guest) is Refusal.EXTERNALS_CANNOT_CHAT_DIRECTLY
        assert rules.direct_chat_refusal(agent_id) is None
    finally:
        await external.close()
