"""Room actions: create, join, leave, read markers (`RoomsService`).

Rooms are created as Tchap creates them (TCHAP.md): a private salon is encrypted,
invite-only, history visible from the invitation, access rule "restricted"; a direct
chat is encrypted, trusted_private_chat, access rule "direct", and listed in m.direct.
"""

from __future__ import annotations

import asyncio
import json
import logging
import time
from collections.abc import Awaitable, Callable, Iterable
from contextlib import suppress
from typing import Any

from app.core.errors import ActionError, ActionFailed
from app.core.events import RoomsChanged, RoomsRemoved
from app.core.identifiers import is_user_id
from app.net.api import ApiError, path
from app.services.context import ServiceContext, Tasks
from app.store import ephemeral, ingest, room_store

log = logging.getLogger("tchap.net")

ENCRYPTION = {"type": "m.room.encryption", "state_key": "",
              "content": {"algorithm": "m.megolm.v1.aes-sha2"}}  # fmt: skip
ROOM_APPEARS_TIMEOUT_S = 15.0
READ_MARKER_RETRIES = 4  # about 15 s of back-off before a marker is given up


def _access_rule(rule: str) -> dict:
    return {"type": "im.vector.room.access_rules", "state_key": "", "content": {"rule": rule}}


class RoomsService:
    """Creating, joining and leaving rooms; read markers; naming who invited us."""

    def __init__(self, ctx: ServiceContext, forget_room: Callable[[str], None]) -> None:
        self._ctx = ctx
        self._forget_room = forget_room  # the crypto side drops its copy of a room we left
        self._tasks = Tasks("rooms")
        self._room_seen: dict[str, asyncio.Event] = {}
        self._creating: dict[str, asyncio.Future] = {}  # what is being created -> its room id

    async def stop(self) -> None:
        """Cancel the read markers and profile look-ups in flight."""
        await self._tasks.stop()

    @property
    def _cache(self):
        return self._ctx.cache

    async def _api(self, method: str, api_path: str, body: Any = None) -> dict:
        """A client-server API call; ActionFailed with a kind on any failure."""
        try:
            return await self._ctx.api.request(method, api_path, body)
        except ApiError as exc:
            raise exc.as_action_failed() from exc

    def rooms_seen(self, room_ids: Iterable[str], invites: list[str]) -> None:
        """The sync brought these rooms (a room being created may be waiting for it)."""
        for room_id in room_ids:
            if room_id in self._room_seen:
                self._room_seen[room_id].set()
        if invites:
            self._tasks.spawn(self._complete_invites(invites))

    async def _wait_for_room(self, room_id: str) -> None:
        """Wait until the sync has put a room in the cache (so the UI can open it)."""
        seen = self._room_seen.setdefault(room_id, asyncio.Event())
        known = await self._cache.call(
            lambda conn: conn.execute(
                "SELECT 1 FROM rooms WHERE room_id = ?", (room_id,)
            ).fetchone()
        )
        if known is None:
            with suppress(asyncio.TimeoutError):
                await asyncio.wait_for(seen.wait(), ROOM_APPEARS_TIMEOUT_S)
        self._room_seen.pop(room_id, None)

    async def _once(self, what: str, create: Callable[[], Awaitable[str]]) -> str:
        """Run one creation at a time per `what`: a second request while the first is in
        flight gets the same room, not a second one (one Enter made two rooms)."""
        running = self._creating.get(what)
        if running is not None:
            return await asyncio.shield(running)
        future = asyncio.ensure_future(create())
        self._creating[what] = future
        try:
            return await asyncio.shield(future)
        finally:
            if future.done():
                self._creating.pop(what, None)
            else:  # we were cancelled, the creation goes on: forget it when it ends
                future.add_done_callback(lambda _f: self._creating.pop(what, None))

    async def create_direct_chat(self, user_id: str) -> str:
        """Open the encrypted one-to-one chat with `user_id` (the existing one if any)."""
        user_id = user_id.strip()
        if not is_user_id(user_id) or user_id == self._ctx.user_id:
            raise ActionFailed(ActionError.INVALID_USER, user_id)
        return await self._once(f"dm {user_id}", lambda: self._direct_chat(user_id))

    async def _direct_chat(self, user_id: str) -> str:
        existing = await self._cache.call(_joined_direct_room, user_id)
        if existing is not None:
            log.info("direct chat exists already: reopened")
            return existing
        try:
            await self._api("GET", path("/_matrix/client/v3/profile/{}", user_id))
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
        answer = await self._api("POST", "/_matrix/client/v3/createRoom", body)
        room_id = answer.get("room_id")
        if not isinstance(room_id, str):
            raise ActionFailed(ActionError.SERVER_ERROR, "createRoom without a room id")
        known = [ev for ev in body.get("initial_state", []) if ev.get("type")]
        for key, etype in (("name", "m.room.name"), ("topic", "m.room.topic")):
            if body.get(key):
                known.append({"type": etype, "state_key": "", "content": {key: body[key]}})
        summary = await self._cache.call(
            room_store.record_state, room_id, known, self._ctx.user_id
        )
        if summary is not None:  # the sync was faster than createRoom's answer
            self._ctx.publish(RoomsChanged((summary,)))
        return room_id

    async def _add_direct(self, user_id: str, room_id: str) -> None:
        current = json.loads(await self._cache.get_meta("m.direct") or "{}")
        rooms = current.setdefault(user_id, [])
        if room_id not in rooms:
            rooms.append(room_id)
        own = self._ctx.user_id
        await self._api("PUT", path("/_matrix/client/v3/user/{}/account_data/m.direct", own),
                        current)  # fmt: skip
        rooms = await self._cache.call(ingest.set_direct, current, own)
        if rooms:
            self._ctx.publish(RoomsChanged(tuple(rooms.values())))

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
        return await self.create_room(body, f"salon {name.strip()}")

    async def create_room(self, body: dict, what: str) -> str:
        """createRoom with `body` (one at a time per `what`), its asked-for state recorded at
        once; returns when the sync has brought the room (the UI can open it)."""

        async def create() -> str:
            room_id = await self._create_encrypted(body)
            await self._wait_for_room(room_id)
            return room_id

        return await self._once(what, create)

    async def accept_invite(self, room_id: str) -> None:
        """Join a room we were invited to; the sync brings it in as joined.

        A direct-chat invitation is added to our m.direct, so every device shows it as one.
        """
        is_direct, inviter = await self._cache.call(
            room_store.invite_info, room_id, self._ctx.user_id
        )
        await self._once(f"join {room_id}", lambda: self._join(room_id))
        if is_direct and inviter:
            with suppress(ActionFailed):  # the room is joined either way
                await self._add_direct(inviter, room_id)

    async def _join(self, room_id: str) -> str:
        await self._api("POST", path("/_matrix/client/v3/join/{}", room_id), {})
        return room_id

    async def decline_invite(self, room_id: str) -> None:
        """Refuse an invitation; it leaves the room list at once."""
        await self._once(f"leave {room_id}", lambda: self._leave(room_id))

    async def leave_room(self, room_id: str) -> None:
        """Leave a room; it leaves the room list at once."""
        await self._once(f"leave {room_id}", lambda: self._leave(room_id))

    async def _leave(self, room_id: str) -> str:
        await self._api("POST", path("/_matrix/client/v3/rooms/{}/leave", room_id), {})
        with suppress(ActionFailed):
            await self._api("POST", path("/_matrix/client/v3/rooms/{}/forget", room_id), {})
        await self._cache.call(room_store.remove_room, room_id, int(time.time() * 1000))
        self._forget_room(room_id)
        self._ctx.publish(RoomsRemoved((room_id,)))
        return room_id

    async def mark_read(self, room_id: str, event_id: str | None = None) -> None:
        """We read up to `event_id` (None: the newest): the badge clears if that is the newest
        event, and our receipt and read marker go out in the background, never backwards."""
        event_id, room = await self._cache.call(
            ephemeral.read_up_to, room_id, self._ctx.user_id, event_id
        )
        if room is not None:
            self._ctx.publish(RoomsChanged((room,)))
        if event_id:
            self._tasks.spawn(self._send_read_marker(room_id, event_id))

    async def _send_read_marker(self, room_id: str, event_id: str) -> None:
        body = {"m.fully_read": event_id}
        public = self._ctx.config.get("send_read_receipts") and not self._ctx.config.get(
            "private_read_receipts"
        )
        # A private receipt still clears our unread counts on the server and other devices.
        body["m.read" if public else "m.read.private"] = event_id
        api_path = path("/_matrix/client/v3/rooms/{}/read_markers", room_id)
        try:  # a busy server (5xx, 429, a cut connection) is waited out, then given up loudly
            await self._ctx.api.request("POST", api_path, body, retries=READ_MARKER_RETRIES)
        except ApiError as exc:
            log.warning("read marker not sent (%s): the next one will carry it", exc)

    async def _complete_invites(self, room_ids: list[str]) -> None:
        """Name the inviter: Synapse's invite state does not include their member event."""
        own = self._ctx.user_id
        for room_id in room_ids:
            sender = await self._cache.call(room_store.inviter_without_profile, room_id, own)
            if sender is None:
                continue
            try:
                profile = await self._api("GET", path("/_matrix/client/v3/profile/{}", sender))
            except ActionFailed:
                continue
            summary = await self._cache.call(room_store.add_profile, room_id, sender, profile, own)
            if summary is not None:
                self._ctx.publish(RoomsChanged((summary,)))


def _joined_direct_room(conn: Any, user_id: str) -> str | None:
    """Our joined direct chat with `user_id`, if m.direct lists one (database thread)."""
    row = conn.execute("SELECT value FROM meta WHERE key = 'm.direct'").fetchone()
    direct = json.loads(row[0]) if row else {}
    rooms = direct.get(user_id) if isinstance(direct, dict) else None
    for room_id in reversed(rooms if isinstance(rooms, list) else []):
        found = conn.execute(
            "SELECT 1 FROM rooms WHERE room_id = ? AND membership = 'join'", (room_id,)
        ).fetchone()
        if found and isinstance(room_id, str):
            return room_id
    return None
