"""The members panel on the real core and a real Synapse (with Tchap's access-rules
module): someone joining and a moderator named by another client reach the open panel as
changes of its model (no reset), and a removal from the panel is seen by the server."""

from __future__ import annotations

import asyncio
import secrets
from urllib.parse import quote

from app.platform.profile import Profile
from app.rooms.member_rows import MemberState
from app.rooms.power_levels import Role
from app.session import Session
from tests.support import eventually
from ui.app import create_application
from ui.views.main.main_window import MainWindow


async def test_the_open_panel_follows_the_room(
    qapp, rules_synapse, rules_user, tchap_home, keyring_backend
):
    hs = rules_synapse
    owner = rules_user("owner", displayname="Alice Durand [DINUM]")
    bob = rules_user("bob", displayname="Bruno Petit [Intérieur]")
    owner_token = hs.login(owner.user_id, owner.password)["access_token"]
    bob_token = hs.login(bob.user_id, bob.password)["access_token"]
    room_id = hs.request("POST", "/_matrix/client/v3/createRoom", {
        "preset": "private_chat", "name": "Cellule", "invite": [bob.user_id],
        "initial_state": [{"type": "m.room.encryption", "state_key": "",
                           "content": {"algorithm": "m.megolm.v1.aes-sha2"}}],
    }, token=owner_token)["room_id"]  # fmt: skip

    create_application()
    profile = Profile.load(f"m{secrets.token_hex(3)}")
    session = Session(profile)
    await session.login(hs.url, owner.user_id, owner.password)
    window = MainWindow(session, profile)
    window.show()
    await window.show_chat()
    session.start()
    try:
        await eventually(lambda: window.chat.bridge.room_list.summary(room_id) is not None, 30)
        await window.chat.open_room(room_id)
        window.members.toggle()
        panel = window.members.panel
        model = panel.model

        def state_of(user_id: str):
            row = model.row_of(user_id)
            return None if row is None else model.member(row)

        await eventually(lambda: state_of(bob.user_id) is not None, 30)
        assert state_of(bob.user_id).state is MemberState.INVITED
        resets = []
        model.modelReset.connect(lambda: resets.append(1))

        # Bob joins, then the owner's other client makes him moderator: the panel follows.
        hs.request("POST", f"/_matrix/client/v3/join/{quote(room_id)}", {}, token=bob_token)
        await eventually(lambda: state_of(bob.user_id).state is MemberState.JOINED, 30)
        levels_path = f"/_matrix/client/v3/rooms/{quote(room_id)}/state/m.room.power_levels/"
        levels = hs.request("GET", levels_path, token=owner_token)
        levels["users"][bob.user_id] = 50
        hs.request("PUT", levels_path, levels, token=owner_token)
        await eventually(lambda: state_of(bob.user_id).role is Role.MODERATOR, 30)
        assert not resets  # changed in place

        # Removed from the panel, with a reason: the server has it.
        panel.run_membership(bob.user_id, "kick", "Fin de mission")
        member_path = f"/_matrix/client/v3/rooms/{quote(room_id)}/state/m.room.member/"

        def kicked() -> bool:
            event = hs.request("GET", member_path + quote(bob.user_id), token=owner_token)
            return event["membership"] == "leave" and event.get("reason") == "Fin de mission"

        await eventually(kicked, 30)
        await eventually(lambda: state_of(bob.user_id) is None, 30)  # gone from the list
    finally:
        window.close()  # the hidden panel asks nothing more; let a read asked before end
        panel = window.members.panel
        for _ in range(2):  # (its first step may still be pending: look twice)
            await eventually(lambda: not panel._loading, 30)
            await asyncio.sleep(0.05)
        await window.chat.bridge.shutdown()
        await session.close()
