"""Creating a salon of one of Tchap's kinds (`SalonCreation`), exactly as TCHAP.md's table says.

| kind | createRoom | access rule | encrypted | history |
| forum | preset public_chat, visibility public, join rule public | restricted | no | shared |
| private | preset private_chat, join rule invite | restricted | yes | invited |
| open to externals | preset private_chat, join rule invite | unrestricted | yes | invited |

The avatar is uploaded first and goes into the initial state, so the salon never shows
without it. An external account is refused before anything is asked (`check_create`); a
server that refuses anyway (403) is read as the same rule. The creation itself is the rooms
service's: one request in flight per name (a second click gets the same salon), the state we
asked for recorded at once, and the call returns once the sync has brought the room.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from app.accounts.externals import ExternalRules
from app.core.errors import ActionError, ActionFailed
from app.rooms.kinds import (
    ACCESS_RULES_TYPE,
    CREATABLE,
    TRAITS,
    Refusal,
    RoomKind,
    RoomRuleRefused,
    check_create,
)
from app.services.context import ServiceContext

log = logging.getLogger("tchap.net")

MEGOLM = "m.megolm.v1.aes-sha2"
MAX_NAME = 255
MAX_TOPIC = 1000


def _state(event_type: str, content: dict) -> dict:
    return {"type": event_type, "state_key": "", "content": content}


def create_body(name: str, topic: str, kind: RoomKind, avatar_uri: str = "") -> dict[str, Any]:
    """The createRoom request of a salon of `kind` (pure: the tests read it too)."""
    if kind not in CREATABLE:
        raise ValueError(f"not a kind of salon one creates: {kind}")
    traits = TRAITS[kind]
    initial = [_state(ACCESS_RULES_TYPE, {"rule": traits.rule})]
    if traits.encrypted:
        initial.append(_state("m.room.encryption", {"algorithm": MEGOLM}))
    history = "shared" if traits.public else "invited"
    initial.append(_state("m.room.history_visibility", {"history_visibility": history}))
    if avatar_uri:
        initial.append(_state("m.room.avatar", {"url": avatar_uri}))
    body: dict[str, Any] = {
        "preset": "public_chat" if traits.public else "private_chat",
        "visibility": "public" if traits.public else "private",
        "name": name,
        "initial_state": initial,
    }
    if traits.public:  # the preset says so already; said again so no server default differs
        initial.append(_state("m.room.join_rules", {"join_rule": "public"}))
    if topic:
        body["topic"] = topic
    return body


class SalonCreation:
    """New salons of the three kinds one creates, for one session."""

    def __init__(self, ctx: ServiceContext, rooms) -> None:
        self._ctx = ctx
        self._rooms = rooms  # RoomsService: create_room (once per target, waits for the sync)

    async def stop(self) -> None:
        """Nothing of its own runs in the background (the rooms service owns the creation)."""

    def _externals(self) -> ExternalRules:
        return ExternalRules(self._ctx.user_id, self._ctx.config.get("external_servers") or ())

    async def create(
        self, name: str, topic: str, kind: RoomKind, avatar: str | Path | None = None
    ) -> str:
        """Create a salon of `kind`; returns its room id once the sync has it.

        Raises RoomRuleRefused (an external account), ActionFailed (empty name, an avatar
        that cannot be read or sent, the server's refusal, the network).
        """
        name, topic = name.strip()[:MAX_NAME], topic.strip()[:MAX_TOPIC]
        if not name:
            raise ActionFailed(ActionError.UNKNOWN, "a salon needs a name")
        if kind not in CREATABLE:
            raise ActionFailed(ActionError.UNKNOWN, f"kind {kind.value} is not created")
        externals = self._externals()
        refusal = check_create(externals.own_is_external)
        if refusal is not None:
            log.info("salon creation refused before asking: %s", refusal.name)
            raise RoomRuleRefused(refusal)
        uri = await self._upload(avatar) if avatar else ""
        body = create_body(name, topic, kind, uri)
        try:
            room_id = await self._rooms.create_room(body, f"salon {kind.value} {name}")
        except ActionFailed as exc:
            if exc.kind is ActionError.FORBIDDEN and externals.own_is_external:
                raise RoomRuleRefused(Refusal.EXTERNAL_CANNOT_CREATE, by_server=True) from exc
            raise
        log.info("salon created (%s)", kind.value)
        return room_id

    async def _upload(self, file: str | Path) -> str:
        return await upload_picture(self._ctx.api, file)


async def upload_picture(api, file: str | Path) -> str:
    """Upload a salon's picture (the account photo's path: same checks, same limits); its
    mxc:// URI. ActionFailed UNREADABLE_FILE (not an image, too big, unreadable) or NETWORK."""
    from app.accounts.interactive_auth import AccountActionFailed, AccountError
    from app.accounts.profile import upload_avatar

    try:
        return await upload_avatar(api, file)
    except AccountActionFailed as exc:
        log.info("salon picture not sent: %s", exc.kind.name)
        kind = {AccountError.INVALID: ActionError.UNREADABLE_FILE,
                AccountError.NETWORK: ActionError.NETWORK}.get(exc.kind, ActionError.UNKNOWN)  # fmt: skip
        raise ActionFailed(kind, "picture") from exc
