"""`make demo`'s salon for the members panel and the rights page (issue 11, h12).

« Cellule de coordination »: Alice administrator, Camille moderator, Louis member, Sophie
invited with a custom level, and rights that differ from the defaults (inviting is for
moderators, the topic for everyone). The demo has one homeserver and no federation, so
no external can be a member here: the tests show the "External" badge instead.
"""

from __future__ import annotations

ACCESS_RULES = "im.vector.room.access_rules"


def _state(event_type: str, content: dict) -> dict:
    return {"type": event_type, "state_key": "", "content": content}


async def seed_rights(alice, camille, louis, sophie, say) -> str:
    """Create the salon as Alice (peers from devtools.peers); return its room id."""
    room_id = await alice.create_room(
        encrypted=True,
        name="Cellule de coordination",
        topic="Qui peut faire quoi : ouvrez la liste des membres (Ctrl+Maj+M)",
        invite=[camille.user_id, louis.user_id, sophie.user_id],
        initial_state=[_state(ACCESS_RULES, {"rule": "restricted"})],
    )
    # The levels changed after creation, whatever the room version does with the creator
    # (version 12 keeps creators out of the list: they outrank everyone).
    api = f"/_matrix/client/v3/rooms/{room_id}/state/m.room.power_levels/"
    levels = await alice._request("GET", api)
    levels["users"] = {**levels.get("users", {}), camille.user_id: 50, sophie.user_id: 25}
    levels["invite"] = 50
    levels["events"] = {**levels.get("events", {}), "m.room.topic": 0}
    await alice._request("PUT", api, levels)
    for p in (camille, louis):
        await p.join(room_id)
        await alice.wait_member(room_id, p.user_id)
    say("seeded « Cellule de coordination » (an administrator, a moderator, a member, "
        "an invitation with a custom level)")  # fmt: skip
    return room_id
