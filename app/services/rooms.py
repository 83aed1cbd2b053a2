"""Room actions of a session: create, join, leave, read markers (a mixin of Session).

Rooms are created as Tchap creates them (TCHAP.md): a private salon is encrypted,
invite-only, history visible from the invitation, access rule "restricted"; a direct
chat is encrypted, trusted_private_chat, access rule "direct", and listed in m.direct.
"""

from __future__ import annotations

import asyncio
import json
import logging
from contextlib import suppress
from typing import Any
from urllib.parse import quote

from app.core.errors import ActionError, ActionFailed
from app.core.events import RoomsChanged, RoomsRemoved
from app.core.identifiers import is_user_id
from app.net.http import NetworkError, request_json
from app.store import ingest, room_store

log = logging.getLogger("tchap.net")

ENCRYPTION = {"type": "m.room.encryption", "state_key": "",
              "content": {"algorithm": "m.megolm.v1.aes-sha2"}}  # fmt: skip
ROOM_APPEARS_TIMEOUT_S = 15.0


def _access_rule(rule: str) -> dict:
    return {"type": "im.vector.room.access_rules", "state_key": "", "content": {"rule": rule}}


def _action_error(status: int, errcode: str) -> ActionError:
    if status == 429 or errcode == "M_LIMIT_EXCEEDED":
        return ActionError.RATE_LIMITED
    if errcode == "M_FORBIDDEN" or status == 403:
        return ActionError.FORBIDDEN
    if errcode == "M_NOT_FOUND" or status == 404:
        return ActionError.NOT_FOUND
    if status >= 500:
        return ActionError.SERVER_ERROR
    return ActionError.UNKNOWN


class RoomActions:
    """Actions on rooms; expects the Session's attributes (_http, _client, _cache...)."""

    async def _api(self, method: str, path: str, body: Any = None) -> dict:
        """A client-server API call; ActionFailed with a kind on any failure."""
        await self._connect()
        try:
            result = await request_json(
                self._http, method, f"{self.homeserver}{path}", body=body,
                token=self._client.access_token,
            )  # fmt: skip
        except NetworkError as exc:
            raise ActionFailed(ActionError.NETWORK, str(exc)) from exc
        if not result.ok:
            log.warning("%s %s: %d %s", method, path.split("?")[0].split("/")[4:6], result.status,
                        result.errcode)  # fmt: skip
            raise ActionFailed(_action_error(result.status, result.errcode), result.errcode)
        return result.data if isinstance(result.data, dict) else {}

    async def _wait_for_room(self, room_id: str) -> None:
        """Wait until the sync has put a room in the cache (so the UI can open it)."""
        seen = self._room_seen.setdefault(room_id, asyncio.Event())
        known = await self.cache.call(
            lambda conn: conn.execute(
                "SELECT 1 FROM rooms WHERE room_id = ?", (room_id,)
            ).fetchone()
        )
        if known is None:
            with suppress(asyncio.TimeoutError):
                await asyncio.wait_for(seen.wait(), ROOM_APPEARS_TIMEOUT_S)
        self._room_seen.pop(room_id, None)

    async def create_direct_chat(self, user_id: str) -> str:
        """Open an encrypted one-to-one chat with `user_id`; returns the room id."""
        user_id = user_id.strip()
        if not is_user_id(user_id) or user_id == self.user_id:
            raise ActionFailed(ActionError.INVALID_USER, user_id)
        try:
            await self._api("GET", f"/_matrix/client/v3/profile/{quote(user_id)}")
        except ActionFailed as exc:
            if exc.kind is ActionError.NOT_FOUND:
                raise ActionFailed(ActionError.INVALID_USER, user_id) from exc
            raise
        body = {
            "preset": "trusted_private_chat",
            "is_direct": True,
            "invite": [user_id],
            "initial_state": [ENCRYPTION, _access_rule("direct")],
        }
        room_id = await self._create_encrypted(body)
        await self._wait_for_room(room_id)
        await self._add_direct(user_id, room_id)
        return room_id

    async def _create_encrypted(self, body: dict) -> str:
        """createRoom, then record the state we asked for at once.

        A sync may show the room before Synapse has persisted all of it: without this, the
        new room would show unnamed for a moment and, worse, could be taken as unencrypted
        (nothing may ever be sent in clear there).
        """
        room_id = (await self._api("POST", "/_matrix/client/v3/createRoom", body))["room_id"]
        known = [ev for ev in body.get("initial_state", []) if ev.get("type")]
        if body.get("name"):
            known.append(
                {"type": "m.room.name", "state_key": "", "content": {"name": body["name"]}}
            )
        if body.get("topic"):
            known.append(
                {"type": "m.room.topic", "state_key": "", "content": {"topic": body["topic"]}}
            )
        summary = await self.cache.call(room_store.record_state, room_id, known, self.user_id)
        if summary is not None:  # the sync was faster than createRoom's answer
            self._publish(RoomsChanged((summary,)))
        return room_id

    async def _add_direct(self, user_id: str, room_id: str) -> None:
        current = json.loads(await self.cache.get_meta("m.direct") or "{}")
        rooms = current.setdefault(user_id, [])
        if room_id not in rooms:
            rooms.append(room_id)
        path = f"/_matrix/client/v3/user/{quote(self.user_id)}/account_data/m.direct"
        await self._api("PUT", path, current)
        rooms = await self.cache.call(ingest.set_direct, current, self.user_id)
        if rooms:
            self._publish(RoomsChanged(tuple(rooms.values())))

    async def create_private_room(self, name: str, topic: str = "") -> str:
        """Create an encrypted, invite-only salon; returns the room id."""
        body: dict[str, Any] = {
            "preset": "private_chat",
            "visibility": "private",
            "name": name.strip(),
            "initial_state": [
                ENCRYPTION,
                _access_rule("restricted"),
                {"type": "m.room.history_visibility", "state_key": "",
                 "content": {"history_visibility": "invited"}},
            ],
        }  # fmt: skip
        if topic.strip():
            body["topic"] = topic.strip()
        room_id = await self._create_encrypted(body)
        await self._wait_for_room(room_id)
        return room_id

    async def accept_invite(self, room_id: str) -> None:
        """Join a room we were invited to; the sync brings it in as joined.

        A direct-chat invitation is added to our m.direct, so every device shows it as one.
        """
        is_direct, inviter = await self.cache.call(room_store.invite_info, room_id, self.user_id)
        await self._api("POST", f"/_matrix/client/v3/join/{quote(room_id)}", {})
        if is_direct and inviter:
            with suppress(ActionFailed):  # the room is joined either way
                await self._add_direct(inviter, room_id)

    async def decline_invite(self, room_id: str) -> None:
        """Refuse an invitation; it leaves the room list at once."""
        await self._leave(room_id, forget=True)

    async def leave_room(self, room_id: str) -> None:
        """Leave a room; it leaves the room list at once."""
        await self._leave(room_id, forget=True)

    async def _leave(self, room_id: str, *, forget: bool) -> None:
        await self._api("POST", f"/_matrix/client/v3/rooms/{quote(room_id)}/leave", {})
        if forget:
            with suppress(ActionFailed):
                await self._api("POST", f"/_matrix/client/v3/rooms/{quote(room_id)}/forget", {})
        await self.cache.call(room_store.remove_room, room_id)
        if self._client is not None:
            self._client.rooms.pop(room_id, None)
            self._client.invited_rooms.pop(room_id, None)
        self._publish(RoomsRemoved((room_id,)))

    async def mark_read(self, room_id: str) -> None:
        """Clear the unread badge at once; the read marker goes to the server in the background."""
        summary = await self.cache.call(room_store.mark_read_locally, room_id, self.user_id)
        if summary is None:
            return
        event_id, room = summary
        self._publish(RoomsChanged((room,)))
        if event_id:
            self._spawn(self._send_read_marker(room_id, event_id))

    async def _send_read_marker(self, room_id: str, event_id: str) -> None:
        path = f"/_matrix/client/v3/rooms/{quote(room_id)}/read_markers"
        body = {"m.fully_read": event_id}
        if self._profile.config.get("send_read_receipts"):
            body["m.read"] = event_id
        with suppress(ActionFailed):  # best effort: the next open sends a newer one
            await self._api("POST", path, body)
