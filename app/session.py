"""The session: one signed-in account, its cache, its crypto, its sync loop and outbox.

Sign-in checks the homeserver and maps every failure to a `LoginError` the form can
word. The access token, the nio pickle key and the cache key live only in the OS
keyring. A restore needs no network and not even the network stack: it opens the cache,
so the room list is painted at once; `start()` then loads nio and aiohttp (half a second
of imports) off the UI thread, opens the crypto store and starts syncing.
"""

from __future__ import annotations

import asyncio
import logging
import shutil
from collections.abc import Callable
from contextlib import suppress
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import quote

from app.core.errors import ActionError, ActionFailed
from app.core.events import (
    CoreEvent,
    EventChanged,
    MessagesAppended,
    MessagesPrepended,
    ProfileChanged,
    RoomsChanged,
    RoomsRemoved,
    SessionState,
    SessionStateChanged,
    TimelineReset,
)
from app.core.types import Membership, RoomSummary, TimelineItem
from app.net.http import NetworkError, request_json
from app.platform.keys import delete_secrets, load_secrets
from app.room import Room
from app.services.media import MediaService
from app.services.rooms import RoomActions
from app.services.sending import Sending
from app.store import history, room_store, rows
from app.store.cache import Cache

if TYPE_CHECKING:
    import aiohttp
    from nio import AsyncClient

    from app.services.outbox import OutboxService
    from app.sync.loop import SyncService

log = logging.getLogger("tchap.sync")


class Session(RoomActions, Sending):
    """One account of a profile; the UI's only door to the network and the cache."""

    def __init__(self, profile) -> None:  # app.platform.profile.Profile
        self._profile = profile
        self._listeners: list[Callable[[CoreEvent], None]] = []
        self._account: dict = {}
        self._keys: dict = {}
        self._client: AsyncClient | None = None
        self._cache: Cache | None = None
        self._http: aiohttp.ClientSession | None = None
        self._sync: SyncService | None = None
        self._outbox: OutboxService | None = None
        self._media: MediaService | None = None
        self._connect_lock = asyncio.Lock()
        self._syncing = asyncio.Event()  # the sync service exists
        self._tasks: list[asyncio.Task] = []
        self._room_seen: dict[str, asyncio.Event] = {}
        self._paging: dict[str, asyncio.Lock] = {}
        self._network_loaded: asyncio.Future | None = None
        self.state = SessionState.SIGNED_OUT
        self.display_name = ""

    # -- observers ---------------------------------------------------------------------------

    def subscribe(self, callback: Callable[[CoreEvent], None]) -> Callable[[], None]:
        """Call `callback` with every CoreEvent; returns a function that unsubscribes."""
        self._listeners.append(callback)
        return lambda: self._listeners.remove(callback)

    def _publish(self, event: CoreEvent) -> None:
        for callback in list(self._listeners):
            try:
                callback(event)
            except Exception:  # a UI bug must not kill the sync loop
                log.exception("listener failed on %s", type(event).__name__)

    def _set_state(self, state: SessionState, retry_in_s: float | None = None) -> None:
        self.state = state
        self._publish(SessionStateChanged(state, retry_in_s))

    @property
    def user_id(self) -> str:
        return self._account.get("user_id", "")

    @property
    def homeserver(self) -> str:
        return self._account.get("homeserver", "")

    @property
    def secrets_in_plaintext(self) -> bool:
        """True when the session's secrets are in a plaintext file (the UI keeps a warning up)."""
        return bool(self._profile.secrets.using_plaintext)

    def allow_plaintext_secrets(self) -> bool:
        """The user opts in to a plaintext secrets file (no keyring here). False if IT forbids it."""
        config = self._profile.config
        if config.is_locked("allow_plaintext_secrets") and not config.get(
            "allow_plaintext_secrets"
        ):
            return False
        if not config.is_locked("allow_plaintext_secrets"):
            config.set("allow_plaintext_secrets", True)
        self._profile.secrets.set_allow_plaintext(True)
        log.warning("the user opted in to storing secrets in a plaintext file")
        return True

    @property
    def cache(self) -> Cache:
        assert self._cache is not None, "not signed in"
        return self._cache

    # -- sign in, restore, sign out ----------------------------------------------------------

    def prepare_network(self) -> None:
        """Load the network stack in the background, e.g. while the user types a password:
        ~0.5 s off the time from "Sign in" to the room list."""
        if self._network_loaded is None:
            self._network_loaded = asyncio.ensure_future(asyncio.to_thread(_import_network_stack))

    async def _network_stack(self) -> None:
        """Wait for nio and aiohttp (~0.5 s to import): loaded once, in a thread."""
        self.prepare_network()
        await asyncio.shield(self._network_loaded)

    async def login(self, homeserver: str, identifier: str, password: str) -> None:
        """Sign in with a password; on success the session is open (call start())."""
        await self._network_stack()
        from app.services.login import sign_in  # the network stack, loaded when it is needed

        account, keys, http = await sign_in(self._profile, homeserver, identifier, password)
        await self._open_cache(account, keys)
        await self._connect(http)
        log.info("signed in, device %s", account["device_id"])
        # Upload our device keys now, so others can encrypt to us before the first sync.
        with suppress(NetworkError, OSError, asyncio.TimeoutError, _client_error()):
            if self._client.should_upload_keys:
                await self._client.keys_upload()

    async def restore(self) -> bool:
        """Reopen the stored session from the cache, with no network; False if there is none."""
        account = self._profile.read_account()
        if not account:
            return False
        try:
            keys = await asyncio.to_thread(load_secrets, self._profile.secrets, account["user_id"])
        except Exception as exc:  # noqa: BLE001 - keyring backends raise anything (D-Bus, locked)
            log.warning("stored session not restored: keyring unavailable (%s)", type(exc).__name__)
            return False
        if keys is None:
            log.info("stored session incomplete: signing in again")
            return False
        await self._open_cache(account, keys)
        return True

    async def _open_cache(self, account: dict, keys: dict) -> None:
        self._account, self._keys = account, keys
        self._cache = Cache(self._profile.paths.cache_db, keys["cache_key"])
        await self._cache.open()
        if self._cache.rebuilt:
            log.info("cache created")
        await self._cache.call(_remember_user, account["user_id"])
        self.display_name = await self._cache.get_meta("own_name") or ""
        self._set_state(SessionState.STARTING)

    async def _connect(self, http: aiohttp.ClientSession | None = None) -> None:
        """Bring up the network side once: nio and its crypto store, HTTP, outbox, media."""
        async with self._connect_lock:
            if self._client is not None:
                return
            if not self._account:
                raise ActionFailed(ActionError.UNKNOWN, "not signed in")
            await self._network_stack()  # not on the UI thread
            import aiohttp

            from app.crypto import engine as crypto
            from app.services.attachments import AttachmentService
            from app.services.outbox import OutboxService

            account, keys, paths = self._account, self._keys, self._profile.paths
            client = crypto.make_client(
                account["homeserver"], account["user_id"], account["device_id"],
                paths.crypto_dir, keys["pickle_key"],
            )  # fmt: skip
            client.restore_login(account["user_id"], account["device_id"], keys["access_token"])
            crypto.require_crypto(client)
            self._http = http or aiohttp.ClientSession()
            self._client = client
            files = AttachmentService(
                self._http, account["homeserver"], keys["access_token"], _outbox_files(paths)
            )
            self._outbox = OutboxService(client, self.cache, self._publish, files)
            self._media = MediaService(
                self._http, account["homeserver"], keys["access_token"], _thumbnails(paths)
            )

    def start(self) -> None:
        """Start syncing and sending in the background (the network stack loads first)."""
        assert self._cache is not None, "restore() or login() first"
        self._spawn(self._start())

    async def _start(self) -> None:
        await self._connect()
        from app.sync.loop import SyncService

        assert self._client and self._http and self._outbox
        self._sync = SyncService(
            self._client, self.cache, self._http, self._on_diff,
            self._on_sync_state, self._retry_decryption,
            timeout_ms=int(self._profile.config.get("sync_timeout_ms")),
        )  # fmt: skip
        self._syncing.set()
        for coro in (self._run_sync(), self._outbox.run(), self._fetch_own_profile(),
                     self._retry_decryption(None)):  # fmt: skip
            self._spawn(coro)

    async def wait_synced(self, timeout: float = 30.0) -> None:
        """Wait until one sync has been processed (tests, benchmarks)."""

        async def synced() -> None:
            await self._syncing.wait()
            await self._sync.synced.wait()

        await asyncio.wait_for(synced(), timeout)

    async def _run_sync(self) -> None:
        from app.sync.loop import SyncStopped

        assert self._sync is not None
        try:
            await self._sync.run()
        except SyncStopped as stop:
            if stop.state is SessionState.TOKEN_INVALID:
                await self._stop_tasks(keep=asyncio.current_task())
                await self._wipe()
            self._set_state(stop.state)

    def _on_sync_state(self, state: SessionState, retry_in_s: float | None) -> None:
        if state is SessionState.SYNCING and self._outbox:
            self._outbox.wake()  # the server is back: flush what waited
        self._set_state(state, retry_in_s)

    async def close(self) -> None:
        """Stop everything and close the cache (application quit)."""
        await self._stop_tasks()
        if self._client is not None:
            await self._client.close()
        if self._http is not None:
            await self._http.close()
        if self._cache is not None:
            await self._cache.close()
        self._client = self._cache = self._http = None
        self._outbox = self._media = self._sync = None
        self._syncing.clear()

    async def logout(self) -> None:
        """Sign out: the server forgets the device; token, cache and crypto store are wiped."""
        await self._stop_tasks()
        if self._account:
            await self._connect()
            try:
                await request_json(self._http, "POST", f"{self.homeserver}/_matrix/client/v3/logout",
                                   token=self._keys["access_token"], timeout=10)  # fmt: skip
            except NetworkError:
                log.warning("server unreachable at sign-out: local data wiped anyway")
        await self._wipe()
        self._set_state(SessionState.SIGNED_OUT)

    async def _wipe(self) -> None:
        user_id = self.user_id or (self._profile.read_account() or {}).get("user_id")
        await self.close()
        paths = self._profile.paths
        from app.store.cache import delete_cache_files

        self._account, self._keys = {}, {}
        delete_cache_files(paths.cache_db)
        shutil.rmtree(paths.crypto_dir, ignore_errors=True)
        shutil.rmtree(_thumbnails(paths), ignore_errors=True)
        shutil.rmtree(_outbox_files(paths), ignore_errors=True)
        if user_id:
            with suppress(Exception):
                await asyncio.to_thread(delete_secrets, self._profile.secrets, user_id)
        self._profile.clear_account()

    def _spawn(self, coro) -> asyncio.Task:
        """Run a background coroutine owned by the session: cancelled on close, forgotten when done."""
        task = asyncio.ensure_future(coro)
        self._tasks.append(task)
        task.add_done_callback(lambda t: t in self._tasks and self._tasks.remove(t))
        return task

    async def _stop_tasks(self, keep: asyncio.Task | None = None) -> None:
        tasks = [t for t in self._tasks if t is not keep]
        for task in tasks:
            task.cancel()
        for task in tasks:
            with suppress(asyncio.CancelledError, Exception):
                await task
        self._tasks = []

    # -- what the core reports -----------------------------------------------------------------

    async def _on_diff(self, diff: rows.SyncDiff) -> None:
        if diff.removed:
            self._publish(RoomsRemoved(tuple(diff.removed)))
        if diff.rooms:
            self._publish(RoomsChanged(tuple(diff.rooms.values())))
            invites = [r.room_id for r in diff.rooms.values() if r.membership is Membership.INVITE]
            if invites:
                self._spawn(self._complete_invites(invites))
            for room_id in diff.rooms:
                if room_id in self._room_seen:
                    self._room_seen[room_id].set()
        for room_id in diff.reset:
            self._publish(TimelineReset(room_id))
        for room_id, items in diff.appended.items():
            self._publish(MessagesAppended(room_id, tuple(items)))
        for room_id, old_key, item in diff.changed:
            self._publish(EventChanged(room_id, old_key, item))

    async def _complete_invites(self, room_ids: list[str]) -> None:
        """Name the inviter: Synapse's invite state does not include their member event."""
        for room_id in room_ids:
            sender = await self.cache.call(
                room_store.inviter_without_profile, room_id, self.user_id
            )
            if sender is None:
                continue
            try:
                profile = await self._api("GET", f"/_matrix/client/v3/profile/{quote(sender)}")
            except ActionFailed:
                continue
            summary = await self.cache.call(
                room_store.add_profile, room_id, sender, profile, self.user_id
            )
            if summary is not None:
                self._publish(RoomsChanged((summary,)))

    async def _retry_decryption(self, sessions: list[str] | None) -> None:
        """Keys arrived (or we just started): decrypt what was waiting for them."""
        from app.crypto import engine as crypto

        assert self._cache is not None and self._client is not None
        import json

        waiting = await self._cache.call(history.undecrypted, sessions)
        results = []
        for room_id, _event_id, raw_text in waiting:
            raw = json.loads(raw_text)
            source = crypto.decrypt_raw(self._client, room_id, raw)
            if source is not None:
                results.append((room_id, raw, source))
        if not results:
            return
        log.info("%d messages decrypted after their keys arrived", len(results))
        changed, rooms = await self._cache.call(history.apply_decrypted, results, self.user_id)
        for room_id, key, item in changed:
            self._publish(EventChanged(room_id, key, item))
        if rooms:
            self._publish(RoomsChanged(tuple(rooms.values())))

    async def _fetch_own_profile(self) -> None:
        assert self._http is not None and self._client is not None
        url = f"{self.homeserver}/_matrix/client/v3/profile/{quote(self.user_id)}"
        with suppress(NetworkError):
            result = await request_json(self._http, "GET", url, token=self._client.access_token)
            name = (
                result.data.get("displayname")
                if result.ok and isinstance(result.data, dict)
                else None
            )
            if isinstance(name, str) and name and name != self.display_name:
                self.display_name = name
                await self.cache.call(_remember_name, name)
                self._publish(ProfileChanged(self.user_id, name))

    def room(self, room_id: str) -> Room:
        """The handle of one room: its timeline, sending and actions."""
        return Room(self, room_id)

    async def retry_start(self) -> None:
        """After a failed start: close what was opened and start again from the stored account."""
        await self.close()
        if await self.restore():
            self.start()

    # -- reading ---------------------------------------------------------------------------------

    async def room_summaries(self, limit: int | None = None) -> list[RoomSummary]:
        """The room list from the cache (invitations, then most recent); all, or the first `limit`."""
        return await self.cache.room_summaries(limit)

    async def timeline(self, room_id: str, limit: int = 50) -> list[TimelineItem]:
        """A room's newest rows from the cache, chronological, local echoes last."""
        return await self.cache.timeline(room_id, limit)

    async def import_keys(self, path: str, passphrase: str) -> None:
        """Import a Megolm key export (from another client), then decrypt what waited for it."""
        from nio.exceptions import EncryptionError

        await self._connect()
        try:
            await self._client.import_keys(path, passphrase)
        except (EncryptionError, OSError, ValueError) as exc:
            raise ActionFailed(ActionError.INVALID_FILE, type(exc).__name__) from exc
        await self._retry_decryption(None)

    async def timeline_around(
        self, room_id: str, key: str, limit: int = 30, *, newer: bool
    ) -> list[TimelineItem]:
        """Cached rows just before or after `key` (a timeline window moving over the cache)."""
        return await self.cache.timeline_around(room_id, key, limit, newer=newer)

    async def load_older(self, room_id: str, limit: int = 30) -> int:
        """Fetch older history from the server; publishes MessagesPrepended."""
        lock = self._paging.setdefault(room_id, asyncio.Lock())
        async with lock:
            total = 0
            for _ in range(3):  # a page may hold only hidden events: look a little further
                token, reached = await self.cache.call(history.back_token, room_id)
                if reached or token is None:
                    self._publish(MessagesPrepended(room_id, (), reached_start=True))
                    return total
                page = await self._api("GET", _messages_path(room_id, token, limit))
                chunk = page.get("chunk") if isinstance(page.get("chunk"), list) else []
                state = page.get("state") if isinstance(page.get("state"), list) else []
                from app.crypto import engine as crypto

                dec = crypto.decrypt_for_page(self._client, room_id, chunk)
                items, reached = await self.cache.call(
                    history.apply_messages,
                    room_id,
                    chunk,
                    state,
                    page.get("end"),
                    dec,
                    self.user_id,
                )
                total += len(items)
                self._publish(MessagesPrepended(room_id, tuple(items), reached_start=reached))
                if items or reached:
                    return total
            return total

    async def avatar(self, uri: str, size: int = 96) -> str | None:
        """A local file with the thumbnail of an mxc:// avatar, or None."""
        if not self._account:
            return None
        await self._connect()
        path = await self._media.thumbnail(uri, size)
        return str(path) if path else None


def _import_network_stack() -> None:
    import aiohttp  # noqa: F401
    import nio  # noqa: F401

    import app.services.outbox
    import app.sync.loop  # noqa: F401
    from app.platform.memory import forget_source_lines

    forget_source_lines()


def _client_error() -> type[Exception]:
    import aiohttp

    return aiohttp.ClientError


def _thumbnails(paths) -> Path:
    return paths.cache_dir / "thumbnails"


def _outbox_files(paths) -> Path:
    return paths.cache_dir / "outbox"


def _messages_path(room_id: str, token: str, limit: int) -> str:
    flt = quote('{"lazy_load_members":true}')
    return (f"/_matrix/client/v3/rooms/{quote(room_id)}/messages?dir=b&from={quote(token)}"
            f"&limit={limit}&filter={flt}")  # fmt: skip


def _remember_user(conn, user_id: str) -> None:
    from app.store.cache import set_meta

    set_meta(conn, "user_id", user_id)


def _remember_name(conn, name: str) -> None:
    from app.store.cache import set_meta

    set_meta(conn, "own_name", name)
