"""End-to-end encryption glue around matrix-nio (Olm/Megolm on vodozemac).

nio does the cryptography and keeps its own store (Olm account, sessions, device keys)
under the profile's data dir, pickled with a random key from the OS keyring. This module
builds that client, refuses to send while the store is missing (nio would otherwise send
plain text), and maps nio's decryption results onto event ids for the cache.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

from nio import AsyncClient, AsyncClientConfig, MatrixRoom, MegolmEvent, SyncResponse
from nio.events import Event, ForwardedRoomKeyEvent, RoomKeyEvent
from nio.exceptions import EncryptionError

from app.core.errors import CryptoStoreNotLoaded
from app.store.rows import Decryption

log = logging.getLogger("tchap.crypto")


def make_client(
    homeserver: str, user_id: str, device_id: str, store_dir: Path, pickle_key: str
) -> AsyncClient:
    """A nio client with E2EE and a persistent store, never nio's default pickle key."""
    store_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
    config = AsyncClientConfig(
        encryption_enabled=True,
        pickle_key=pickle_key,
        store_sync_tokens=False,  # the cache owns the sync token, with the events
        max_limit_exceeded=0,  # our own code waits on 429 and says so in the UI
        max_timeouts=0,
        request_timeout=60,
    )
    client = AsyncClient(
        homeserver, user_id, device_id=device_id, store_path=str(store_dir), config=config
    )
    return client


def require_crypto(client: AsyncClient) -> None:
    """Raise unless nio's crypto store is loaded (without it nio sends plain text)."""
    if client.olm is None or client.store is None:
        raise CryptoStoreNotLoaded("the end-to-end encryption store is not loaded")


def ensure_room(client: AsyncClient, room_id: str, encrypted: bool) -> MatrixRoom:
    """Make sure nio knows a room we have in the cache (after a restart it knows none).

    The encryption flag comes from our cache: once encrypted, always encrypted, even if
    nio has not seen the m.room.encryption event in this run.
    """
    room = client.rooms.get(room_id)
    if room is None:
        room = MatrixRoom(room_id, client.user_id, encrypted)
        client.rooms[room_id] = room
    if encrypted:
        room.encrypted = True
        client.encrypted_rooms.add(room_id)
    return room


# What nio reads of a /sync besides the rooms: Olm messages, device lists, key counts.
_NIO_TOP_LEVEL = (
    "to_device",
    "device_lists",
    "device_one_time_keys_count",
    "device_unused_fallback_key_types",
    "org.matrix.msc2732.device_unused_fallback_key_types",
)
_ROOM_PARTS_FOR_NIO = ("state", "timeline", "summary", "unread_notifications")
_CRYPTO_TYPES = ("m.room.encryption", "m.room.encrypted")
NIO_ROOMS_PER_PART = 50


async def encrypt_event(
    client: AsyncClient, room_id: str, event_type: str, content: dict
) -> dict | None:
    """The m.room.encrypted content of any event for an encrypted room, or None while
    nio cannot share its session yet (a failed request: try again later).

    nio's own room_send leaves reactions in clear and hides a relation inside the
    ciphertext; the spec (and Element) keep `m.relates_to` in clear beside the
    ciphertext, so that servers can aggregate edits and reactions. So: the same steps
    as nio's room_send (members, device keys, group session), then nio's encryption.
    """
    require_crypto(client)
    room = client.rooms[room_id]
    if not room.members_synced:
        if not hasattr(await client.joined_members(room_id), "members"):
            return None
        if client.should_query_keys:
            await client.keys_query()
    if client.olm.should_share_group_session(room_id):
        sharing = client.sharing_session.get(room_id)
        if sharing is not None:
            await sharing.wait()
        else:
            await client.share_group_session(room_id, ignore_unverified_devices=True)
    _, encrypted = client.encrypt(room_id, event_type, dict(content))
    relation = content.get("m.relates_to")
    if isinstance(relation, dict):
        encrypted["m.relates_to"] = relation
    return encrypted


def nio_views(data: dict, known_encrypted: set[str]) -> Iterator[dict]:
    """The parts of a parsed /sync that nio's crypto needs, a few rooms at a time.

    nio only has to follow encrypted rooms (members to share keys with, events to
    decrypt); the cache follows every room. Handing nio the rest would build a second
    model of the whole account in memory. Left out too: what nio's parsing mutates
    (account data, invitations), so the dicts, shared with the cache's copy, stay intact.
    A room that turns encrypted later shows up with its m.room.encryption event; nio then
    fetches its members before the first send.

    The first part carries the to-device messages (room keys come first), the rest only
    rooms; each part has its own `next_batch`, or nio would take it for a repeat and
    ignore it. Joined rooms are read from `.items()`, so a `PackedRooms` is parsed one
    room at a time here too.
    """
    token = str(data.get("next_batch") or "")
    joined = (data.get("rooms") or {}).get("join") or {}
    view = {key: data[key] for key in _NIO_TOP_LEVEL if key in data}
    rooms: dict[str, dict] = {}
    part = 0
    for room_id, room in joined.items():
        if isinstance(room, dict) and (room_id in known_encrypted or _mentions_crypto(room)):
            rooms[room_id] = {k: room[k] for k in _ROOM_PARTS_FOR_NIO if k in room}
        if len(rooms) >= NIO_ROOMS_PER_PART:
            yield dict(view, next_batch=f"{token}~{part}" if part else token, rooms={"join": rooms})
            view, rooms, part = {}, {}, part + 1
    if rooms or not part:
        yield dict(view, next_batch=f"{token}~{part}" if part else token, rooms={"join": rooms})


def _mentions_crypto(room: dict) -> bool:
    for part in ("state", "timeline"):
        events = (room.get(part) or {}).get("events")
        if isinstance(events, list) and any(
            isinstance(ev, dict) and ev.get("type") in _CRYPTO_TYPES for ev in events
        ):
            return True
    return False


def decryption_of(response: SyncResponse, result: Decryption | None = None) -> Decryption:
    """After nio handled a sync: which encrypted events it decrypted, which it could not
    (added to `result` if given)."""
    result = result if result is not None else Decryption()
    for info in response.rooms.join.values():
        for ev in info.timeline.events:
            _classify(ev, result)
    return result


def _classify(ev: Event, result: Decryption) -> None:
    if isinstance(ev, MegolmEvent):
        result.session_of[ev.event_id] = ev.session_id
    elif getattr(ev, "decrypted", False) and isinstance(getattr(ev, "source", None), dict):
        result.decrypted[ev.event_id] = ev.source


def received_sessions(response: SyncResponse) -> list[str]:
    """Megolm session ids whose keys arrived in this sync (to retry old events)."""
    return [
        ev.session_id
        for ev in response.to_device_events
        if isinstance(ev, (RoomKeyEvent, ForwardedRoomKeyEvent))
    ]


def decrypt_raw(client: AsyncClient, room_id: str, raw: dict) -> dict | None:
    """Try again to decrypt a stored m.room.encrypted event; its decrypted source or None."""
    if client.olm is None:
        return None
    event = MegolmEvent.from_dict(raw)
    if not isinstance(event, MegolmEvent):
        return None
    event.room_id = room_id
    try:
        decrypted = client.decrypt_event(event)
    except EncryptionError:
        return None
    if getattr(decrypted, "decrypted", False) and isinstance(decrypted.source, dict):
        return decrypted.source
    return None


def decrypt_for_page(client: AsyncClient, room_id: str, chunk: list[dict]) -> Decryption:
    """Decrypt the encrypted events of a /messages page."""
    result = Decryption()
    for raw in chunk:
        if isinstance(raw, dict) and raw.get("type") == "m.room.encrypted":
            source = decrypt_raw(client, room_id, raw)
            if source is not None:
                result.decrypted[raw["event_id"]] = source
            else:
                content = raw.get("content") or {}
                result.session_of[raw.get("event_id", "")] = str(content.get("session_id", ""))
    return result
