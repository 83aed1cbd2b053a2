"""Independent Matrix peers for interop tests and the demo: a matrix-nio one and a mautrix one.

Both run on the current asyncio loop (the qasync loop in tests). They are test tools: they
trust every device and never verify anyone.
"""

from __future__ import annotations

import asyncio
import inspect
import json
import logging
from collections.abc import Awaitable, Callable
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote
from uuid import uuid4

from nio import (
    Api,
    AsyncClient,
    AsyncClientConfig,
    Event,
    ForwardedRoomKeyEvent,
    InviteMemberEvent,
    LoginResponse,
    MatrixRoom,
    MegolmEvent,
    RoomCreateResponse,
    RoomEncryptedMedia,
    RoomKeyEvent,
    RoomMessageMedia,
    RoomMessageText,
    RoomPreset,
    RoomSendResponse,
    WhoamiResponse,
)

log = logging.getLogger("tchap.devtools.peers")

TextMatch = str | Callable[[Any], bool]


@dataclass(frozen=True)
class TestUser:
    """A registered account: what the `make_user` fixture returns."""

    __test__ = False  # not a pytest test class, despite its name

    user_id: str
    localpart: str
    password: str
    displayname: str | None = None


class PeerError(RuntimeError):
    """A peer's request to the homeserver failed."""


def _expect(resp: Any, ok_type: type, what: str) -> Any:
    """`resp` if nio answered `ok_type`, else a PeerError naming `what`."""
    if isinstance(resp, ok_type):
        return resp
    raise PeerError(f"{what} failed: {resp}")


async def wait_for(
    predicate: Callable[[], Any], timeout: float = 10.0, interval: float = 0.02
) -> Any:
    """Await until `predicate()` is truthy (it may return an awaitable); return that value.

    The async tests' replacement for `qtbot.waitUntil`, which hangs inside an async test.
    """
    deadline = asyncio.get_running_loop().time() + timeout
    while True:
        value = predicate()
        if inspect.isawaitable(value):
            value = await value
        if value:
            return value
        if asyncio.get_running_loop().time() >= deadline:
            raise TimeoutError(f"condition not met within {timeout}s")
        await asyncio.sleep(interval)


def _matcher(body_or_predicate: TextMatch) -> Callable[[Any], bool]:
    if callable(body_or_predicate):
        return body_or_predicate
    return lambda ev: ev.body == body_or_predicate


def _text_content(body: str, html: str | None) -> dict:
    content = {"msgtype": "m.text", "body": body}
    if html is not None:
        content |= {"format": "org.matrix.custom.html", "formatted_body": html}
    return content


class NioPeer:
    """A matrix-nio client with E2EE, logged in with a password, syncing in the background."""

    def __init__(
        self,
        homeserver: str,
        user_id: str,
        password: str,
        store_dir: Path,
        *,
        device_name: str = "nio-peer",
        auto_join: bool = False,
        sync_timeout_ms: int = 30_000,
        session_file: Path | None = None,
    ) -> None:
        store_dir.mkdir(parents=True, exist_ok=True)
        # With a session file, the same device is reused across runs (the demo's bot).
        self._session_file = session_file
        config = AsyncClientConfig(
            max_limit_exceeded=0, max_timeouts=2, store_sync_tokens=True, encryption_enabled=True
        )
        self.client = AsyncClient(homeserver, user_id, store_path=str(store_dir), config=config)
        self._password = password
        self._device_name = device_name
        self._sync_timeout_ms = sync_timeout_ms
        self.auto_join = auto_join
        self.received: list[RoomMessageText] = []  # decrypted (or plain) texts, own included
        self.undecryptable: list[MegolmEvent] = []
        self.files: list[RoomMessageMedia | RoomEncryptedMedia] = []  # m.file, m.image...
        self.invites: list[str] = []  # room IDs we were invited to
        self.events: list[dict] = []  # every timeline event's JSON, decrypted where we can
        self._keys_lock = asyncio.Lock()
        self._sync_task: asyncio.Task | None = None
        self._withheld: list[tuple[str, dict]] = []  # (room_id, m.room_key content)
        self._on_text: list[Callable[[MatrixRoom, RoomMessageText], Awaitable[None] | None]] = []

    @property
    def user_id(self) -> str:
        """This peer's Matrix user ID."""
        return self.client.user_id or self.client.user

    @property
    def device_id(self) -> str:
        """This peer's device ID (after start())."""
        return self.client.device_id

    def shared_with(self, room_id: str) -> set[tuple[str, str]]:
        """The (user, device) pairs that got this peer's current Megolm key for the room."""
        session = self.client.olm.outbound_group_sessions.get(room_id) if self.client.olm else None
        return set(session.users_shared_with) if session else set()

    # -- lifecycle ---------------------------------------------------------------------------

    async def start(self) -> None:
        """Log in, sync once, upload keys, then keep syncing in the background."""
        if not await self._restore():
            resp = await self.client.login(self._password, device_name=self._device_name)
            _expect(resp, LoginResponse, f"login of {self.user_id}")
            if self._session_file:
                saved = {
                    "device_id": self.client.device_id,
                    "access_token": self.client.access_token,
                }
                self._session_file.write_text(json.dumps(saved))
                self._session_file.chmod(0o600)
        # Without a loaded crypto store nio silently sends "encrypted" rooms' messages in clear.
        assert self.client.olm is not None, "nio crypto store not loaded"
        self.client.add_event_callback(self._on_room_text, RoomMessageText)
        self.client.add_event_callback(self._on_megolm, MegolmEvent)
        self.client.add_event_callback(self._on_media, (RoomMessageMedia, RoomEncryptedMedia))
        self.client.add_event_callback(self._on_invite, InviteMemberEvent)
        self.client.add_event_callback(self._on_any, Event)
        self.client.add_to_device_callback(self._on_room_key, (RoomKeyEvent, ForwardedRoomKeyEvent))
        await self.client.sync(timeout=0, full_state=True)
        await self.maintain_keys()
        self._sync_task = asyncio.create_task(self._sync_loop(), name=f"sync {self.user_id}")

    async def _restore(self) -> bool:
        if not self._session_file or not self._session_file.exists():
            return False
        saved = json.loads(self._session_file.read_text())
        self.client.restore_login(self.client.user, saved["device_id"], saved["access_token"])
        if isinstance(await self.client.whoami(), WhoamiResponse):
            return True
        # The homeserver was reset: start over with a new device.
        self.client = AsyncClient(
            self.client.homeserver,
            self.client.user_id,
            store_path=self.client.store_path,
            config=self.client.config,
        )
        return False

    async def logout(self) -> None:
        """Log this device out (deletes it server-side), then close."""
        if self._sync_task:
            self._sync_task.cancel()
            with suppress(asyncio.CancelledError):
                await self._sync_task
            self._sync_task = None
        await self.client.logout()
        await self.close()

    async def close(self) -> None:
        """Stop syncing and close the HTTP session (the device stays logged in)."""
        if self._sync_task:
            task, self._sync_task = self._sync_task, None
            task.cancel()
            try:
                await task
            except asyncio.CancelledError:
                pass
            except RuntimeError as exc:
                # pytest-qt processes Qt events between tests, outside asyncio's loop: a step
                # of this task taken then finds no running loop. The test is over by then.
                if "no running event loop" not in str(exc):
                    raise
                log.warning("NioPeer %s: sync loop stepped outside the event loop", self.user_id)
        await self.client.close()

    async def _sync_loop(self) -> None:
        while True:
            try:
                await self.client.sync(timeout=self._sync_timeout_ms)
                await self.maintain_keys()
            except asyncio.CancelledError:
                raise
            except Exception:  # noqa: BLE001 - e.g. server down: a client keeps retrying
                log.warning("NioPeer %s: sync failed; retrying", self.user_id)
                await asyncio.sleep(0.5)

    async def maintain_keys(self) -> None:
        """What sync_forever does between syncs: to-device sends, key upload, query and claim."""
        async with self._keys_lock:
            c = self.client
            if c.outgoing_to_device_messages:
                await c.send_to_device_messages()
            if c.should_upload_keys:
                await c.keys_upload()
            if c.should_query_keys:
                await c.keys_query()
            if c.should_claim_keys:
                await c.keys_claim(c.get_users_for_key_claiming())

    # -- callbacks ---------------------------------------------------------------------------

    def on_text(self, callback: Callable[[MatrixRoom, RoomMessageText], Any]) -> None:
        """Call `callback(room, event)` (sync or async) for every text message received."""
        self._on_text.append(callback)

    async def _on_room_text(self, room: MatrixRoom, ev: RoomMessageText) -> None:
        # Sync events carry no room_id; add it so tests can filter by room.
        ev.source.setdefault("room_id", room.room_id)
        self.received.append(ev)
        for cb in self._on_text:
            result = cb(room, ev)
            if inspect.isawaitable(result):
                await result

    async def _on_any(self, room: MatrixRoom, ev: Event) -> None:
        source = dict(ev.source)
        source.setdefault("room_id", room.room_id)
        self.events.append(source)

    async def wait_for_event(
        self, room_id: str, predicate: Callable[[dict], bool], timeout: float = 15
    ) -> dict:
        """Wait for a timeline event of `room_id` (its JSON, decrypted) that satisfies `predicate`."""

        def found() -> dict | None:
            for ev in self.events:
                if ev.get("room_id") == room_id and predicate(ev):
                    return ev
            return None

        return await wait_for(found, timeout)

    async def _on_media(self, room: MatrixRoom, ev: RoomMessageMedia | RoomEncryptedMedia) -> None:
        ev.source.setdefault("room_id", room.room_id)
        self.files.append(ev)

    async def _on_megolm(self, room: MatrixRoom, ev: MegolmEvent) -> None:
        ev.room_id = room.room_id
        self.undecryptable.append(ev)

    async def _on_invite(self, room: MatrixRoom, ev: InviteMemberEvent) -> None:
        if ev.state_key != self.user_id or ev.membership != "invite":
            return
        if room.room_id not in self.invites:
            self.invites.append(room.room_id)
        if self.auto_join:
            await self.client.join(room.room_id)

    async def _on_room_key(self, _ev: Any) -> None:
        # A late key: retry the events we could not decrypt, as a real client would.
        for ev in list(self.undecryptable):
            try:
                decrypted = self.client.decrypt_event(ev)
            except Exception:  # noqa: BLE001 - still not decryptable: keep it for the next key
                log.debug("event %s still undecryptable", ev.event_id)
                continue
            self.undecryptable.remove(ev)
            if isinstance(decrypted, RoomMessageText):
                decrypted.source.setdefault("room_id", ev.room_id)
                self.received.append(decrypted)

    # -- rooms -------------------------------------------------------------------------------

    async def create_room(
        self,
        encrypted: bool = True,
        invite: list[str] | tuple[str, ...] = (),
        is_direct: bool = False,
        name: str | None = None,
        **kwargs: Any,
    ) -> str:
        """Create a room (private chat preset), wait until synced; return its ID."""
        initial_state = list(kwargs.pop("initial_state", []))
        if encrypted:
            initial_state.append(
                {
                    "type": "m.room.encryption",
                    "state_key": "",
                    "content": {"algorithm": "m.megolm.v1.aes-sha2"},
                }
            )
        preset = kwargs.pop("preset", None)
        if preset is None:
            preset = RoomPreset.trusted_private_chat if is_direct else RoomPreset.private_chat
        resp = await self.client.room_create(
            name=name,
            invite=list(invite),
            is_direct=is_direct,
            preset=preset,
            initial_state=initial_state,
            **kwargs,
        )
        _expect(resp, RoomCreateResponse, "room_create")
        # room_send right after room_create fails with "No such room": wait for the sync.
        await self.wait_joined(resp.room_id)
        if encrypted:
            await wait_for(lambda: self.client.rooms[resp.room_id].encrypted)
        return resp.room_id

    async def join(self, room_id: str) -> None:
        """Join a room and wait until the sync shows it."""
        resp = await self.client.join(room_id)
        if getattr(resp, "room_id", None) is None:
            raise PeerError(f"join failed: {resp}")
        await self.wait_joined(room_id)

    async def wait_joined(self, room_id: str, timeout: float = 15) -> MatrixRoom:
        """Wait until the room is among the joined rooms of this peer's sync."""
        return await wait_for(lambda: self.client.rooms.get(room_id), timeout)

    async def wait_invited(self, room_id: str | None = None, timeout: float = 15) -> str:
        """Wait for an invite (to `room_id`, or any new one); return the room ID."""
        if room_id is not None:
            return await wait_for(lambda: room_id in self.invites and room_id, timeout)
        count = len(self.invites)
        return await wait_for(lambda: len(self.invites) > count and self.invites[-1], timeout)

    async def wait_member(self, room_id: str, user_id: str, timeout: float = 15) -> None:
        """Wait until `user_id` has joined `room_id`, as seen by this peer."""

        def joined() -> bool:
            room = self.client.rooms.get(room_id)
            return room is not None and user_id in room.users and user_id not in room.invited_users

        await wait_for(joined, timeout)

    async def set_direct(self, room_id: str, other_user_id: str) -> None:
        """Add the room to this user's m.direct account data."""
        path = f"/_matrix/client/v3/user/{self.user_id}/account_data/m.direct"
        current = await self._request("GET", path, ok_missing=True) or {}
        rooms = current.setdefault(other_user_id, [])
        if room_id not in rooms:
            rooms.append(room_id)
        await self._request("PUT", path, current)

    async def _request(
        self, method: str, path: str, body: dict | None = None, *, ok_missing: bool = False
    ) -> dict | None:
        """A raw authenticated client-API call through nio's HTTP session."""
        # The token goes in a header, not in the query string where nio would put it.
        headers = {"Authorization": f"Bearer {self.client.access_token}"}
        data = json.dumps(body) if body is not None else None
        resp = await self.client.send(method, quote(path, safe="/?=&"), data, headers)
        if ok_missing and resp.status == 404:
            return None
        if resp.status != 200:
            raise PeerError(f"{method} {path} → {resp.status}")
        return await resp.json()

    # -- messages ----------------------------------------------------------------------------

    async def send_text(
        self, room_id: str, body: str, *, html: str | None = None, msgtype: str = "m.text"
    ) -> str:
        """Send a text (encrypted if the room is), trusting every device; return the event ID."""
        await self.maintain_keys()
        self._rotate_if_new_devices(room_id)
        content = _text_content(body, html) | {"msgtype": msgtype}
        resp = await self.client.room_send(
            room_id, "m.room.message", content, ignore_unverified_devices=True
        )
        _expect(resp, RoomSendResponse, "room_send")
        return resp.event_id

    def _rotate_if_new_devices(self, room_id: str) -> None:
        # nio does not rotate its outbound session when a member adds a device, so that device
        # would never get the key: rotate when a device in the room missed the current one.
        olm = self.client.olm
        room = self.client.rooms.get(room_id)
        session = olm.outbound_group_sessions.get(room_id) if olm else None
        if not room or not session or not session.shared:
            return
        known = session.users_shared_with | session.users_ignored
        for user_id in room.users:
            for device in olm.device_store.active_user_devices(user_id):
                if device.id != self.device_id and (user_id, device.id) not in known:
                    self.client.invalidate_outbound_session(room_id)
                    return

    async def wait_for_text(
        self, room_id: str, body_or_predicate: TextMatch, timeout: float = 15
    ) -> RoomMessageText:
        """Wait for a text in `room_id` whose body equals (or event satisfies) the argument."""
        match = _matcher(body_or_predicate)

        def found() -> RoomMessageText | None:
            for ev in self.received:
                if ev.source.get("room_id") == room_id and match(ev):
                    return ev
            return None

        return await wait_for(found, timeout)

    async def wait_for_file(
        self, room_id: str, name: str, timeout: float = 15
    ) -> RoomMessageMedia | RoomEncryptedMedia:
        """Wait for a file or image event in `room_id` whose body is `name`."""

        def found() -> RoomMessageMedia | RoomEncryptedMedia | None:
            for ev in self.files:
                if ev.source.get("room_id") == room_id and ev.body == name:
                    return ev
            return None

        return await wait_for(found, timeout)

    async def download(self, ev: RoomMessageMedia | RoomEncryptedMedia) -> bytes:
        """A received file's bytes, from the authenticated media API; decrypted if encrypted."""
        from nio.crypto.attachments import decrypt_attachment

        server, media_id = ev.url.removeprefix("mxc://").split("/", 1)
        path = f"/_matrix/client/v1/media/download/{quote(server)}/{quote(media_id)}"
        headers = {"Authorization": f"Bearer {self.client.access_token}"}
        resp = await self.client.send("GET", path, None, headers)
        if resp.status != 200:
            raise PeerError(f"download → {resp.status}")
        data = await resp.read()
        if isinstance(ev, RoomEncryptedMedia):
            return decrypt_attachment(data, ev.key["k"], ev.hashes["sha256"], ev.iv)
        return data

    # -- late keys ---------------------------------------------------------------------------

    async def send_text_withholding_key(self, room_id: str, body: str) -> str:
        """Send an encrypted text with a fresh Megolm session whose key nobody gets yet.

        The key is kept; `release_withheld_keys()` sends it later, as a delayed m.room_key.
        """
        olm = self.client.olm
        assert olm is not None and self.client.rooms[room_id].encrypted
        previous = olm.outbound_group_sessions.pop(room_id, None)
        # Creates the outbound session and our own inbound copy of it.
        olm.create_outbound_group_session(room_id)
        session = olm.outbound_group_sessions[room_id]
        # The key must be taken before encrypting: session_key exports the *current* index.
        key_content = {
            "algorithm": "m.megolm.v1.aes-sha2",
            "room_id": room_id,
            "session_id": session.id,
            "session_key": session.session_key,
        }
        session.shared = True  # lets group_encrypt use it without sharing
        try:
            payload = olm.group_encrypt(
                room_id, {"type": "m.room.message", "content": _text_content(body, None)}
            )
        finally:
            # Later normal sends use the previous session (or a fresh shared one).
            if previous is not None:
                olm.outbound_group_sessions[room_id] = previous
            else:
                olm.outbound_group_sessions.pop(room_id, None)
        self._withheld.append((room_id, key_content))
        method, path, data = Api.room_send(
            self.client.access_token, room_id, "m.room.encrypted", payload, uuid4()
        )
        resp = await self.client._send(RoomSendResponse, method, path, data, (room_id,))
        _expect(resp, RoomSendResponse, "room_send")
        return resp.event_id

    async def release_withheld_keys(self) -> int:
        """Send every withheld room key to the rooms' current devices; return how many sent."""
        olm = self.client.olm
        sent = 0
        withheld, self._withheld = self._withheld, []
        for room_id, key_content in withheld:
            room = self.client.rooms[room_id]
            await self.maintain_keys()
            missing = self.client.get_missing_sessions(room_id)
            if missing:
                await self.client.keys_claim(missing)
            messages: dict[str, dict[str, Any]] = {}
            for user_id in room.users:
                for device in olm.device_store.active_user_devices(user_id):
                    session = olm.session_store.get(device.curve25519)
                    if device.id == self.device_id or session is None:
                        continue
                    messages.setdefault(user_id, {})[device.id] = olm._olm_encrypt(
                        session, device, "m.room_key", key_content
                    )
                    sent += 1
            method, path, data = Api.to_device(
                self.client.access_token, "m.room.encrypted", {"messages": messages}, uuid4()
            )
            resp = await self.client.send(method, path, data)
            if resp.status != 200:
                raise PeerError(f"to-device send failed: {resp.status}")
        return sent


class MautrixPeer:
    """A mautrix-python client with its own OlmMachine (python-olm), all state in memory."""

    def __init__(
        self, homeserver: str, user_id: str, password: str, *, device_name: str = "mautrix-peer"
    ) -> None:
        from mautrix.client import Client
        from mautrix.client.state_store import MemoryStateStore, MemorySyncStore
        from mautrix.types import Membership

        class _StateStore(MemoryStateStore):
            # MemoryStateStore lacks this; the OlmMachine needs it for device-list changes.
            async def find_shared_rooms(self, user_id: str) -> list[str]:
                return [
                    room_id
                    for room_id, members in self.members.items()
                    if user_id in members
                    and members[user_id].membership in (Membership.JOIN, Membership.INVITE)
                ]

        self._homeserver = homeserver
        self._password = password
        self._device_name = device_name
        self.state_store = _StateStore()
        self.client = Client(
            mxid=user_id,
            base_url=homeserver,
            state_store=self.state_store,
            sync_store=MemorySyncStore(),
        )
        self.received: list[Any] = []  # decrypted (or plain) m.text MessageEvents
        self._sync: asyncio.Future | None = None

    @property
    def user_id(self) -> str:
        """This peer's Matrix user ID."""
        return self.client.mxid

    @property
    def device_id(self) -> str:
        """This peer's device ID (after start())."""
        return self.client.device_id

    async def start(self) -> None:
        """Log in, set up the OlmMachine, upload keys and start syncing."""
        from mautrix.crypto import OlmMachine
        from mautrix.crypto.store import MemoryCryptoStore
        from mautrix.types import EventType

        await self.client.login(password=self._password, device_name=self._device_name)
        crypto_store = MemoryCryptoStore(account_id=self.user_id, pickle_key="devtools")
        await crypto_store.put_device_id(self.client.device_id)
        machine = OlmMachine(self.client, crypto_store, self.state_store)
        self.client.crypto = machine
        await machine.load()
        await machine.share_keys()
        self.client.add_event_handler(EventType.ROOM_MESSAGE, self._on_message)
        synced = asyncio.Event()

        from mautrix.client import InternalEventType

        async def _first_sync(_evt: Any) -> None:
            synced.set()

        self.client.add_event_handler(InternalEventType.SYNC_SUCCESSFUL, _first_sync)
        self._sync = self.client.start(None)
        await asyncio.wait_for(synced.wait(), 30)

    async def close(self) -> None:
        """Stop syncing and close the HTTP session."""
        self.client.stop()
        if self._sync:
            with suppress(asyncio.CancelledError):
                await self._sync
        await self.client.api.session.close()

    async def _on_message(self, evt: Any) -> None:
        self.received.append(evt)

    async def join(self, room_id: str) -> None:
        """Join a room and wait until its membership is in the state store."""
        await self.client.join_room(room_id)
        await self.wait_joined(room_id)

    async def wait_joined(self, room_id: str, timeout: float = 15) -> None:
        """Wait until our join shows in the state store."""
        from mautrix.types import Membership

        def joined() -> bool:
            me = self.state_store.members.get(room_id, {}).get(self.user_id)
            return me is not None and me.membership == Membership.JOIN

        await wait_for(joined, timeout)

    async def create_room(
        self,
        encrypted: bool = True,
        invite: list[str] | tuple[str, ...] = (),
        is_direct: bool = False,
        name: str | None = None,
    ) -> str:
        """Create a private room (encrypted by default); return its ID once joined."""
        from mautrix.types import EventType, RoomCreatePreset

        initial_state = []
        if encrypted:
            initial_state.append(
                {
                    "type": str(EventType.ROOM_ENCRYPTION),
                    "state_key": "",
                    "content": {"algorithm": "m.megolm.v1.aes-sha2"},
                }
            )
        room_id = await self.client.create_room(
            preset=RoomCreatePreset.TRUSTED_PRIVATE if is_direct else RoomCreatePreset.PRIVATE,
            invitees=list(invite),
            is_direct=is_direct,
            name=name,
            initial_state=initial_state,
        )
        await self.wait_joined(room_id)
        return room_id

    async def send_text(self, room_id: str, body: str, *, html: str | None = None) -> str:
        """Send a text (encrypted if the room is); return the event ID."""
        from mautrix.types import Format, MessageType, TextMessageEventContent

        content = TextMessageEventContent(msgtype=MessageType.TEXT, body=body)
        if html is not None:
            content.format = Format.HTML
            content.formatted_body = html
        # Members may have changed since the last share: a fresh member list for the session.
        self.state_store.full_member_list.pop(room_id, None)
        return await self.client.send_message(room_id, content)

    async def wait_for_text(self, room_id: str, body_or_predicate: TextMatch, timeout: float = 15):
        """Wait for a text in `room_id` whose body equals (or event satisfies) the argument."""
        match = (
            body_or_predicate
            if callable(body_or_predicate)
            else (lambda ev: ev.content.body == body_or_predicate)
        )

        def found() -> Any:
            for ev in self.received:
                if ev.room_id == room_id and match(ev):
                    return ev
            return None

        return await wait_for(found, timeout)
