"""The session: the composition root of one signed-in account.

It opens the cache and the keyring's secrets, brings up the network side (nio and its
crypto store, the API client) when it is needed, builds the services (sync, outbox,
rooms, history, media) with each its small context, and wires what one reports to what
another does. It holds no capability of its own: a room's work goes through `room(id)`,
the handle the UI uses. A restore needs no network and not even the network stack: it
opens the cache, so the room list is painted at once; `start()` loads nio and aiohttp
(half a second of imports) off the UI thread, opens the crypto store and starts syncing.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from contextlib import suppress
from typing import TYPE_CHECKING

from app.accounts.access import AccountAccess
from app.accounts.externals import ExternalRules
from app.core.errors import ActionError, ActionFailed, LoginError, LoginFailed
from app.core.events import CoreEvent, SessionState, SessionStateChanged, StartProblem
from app.core.types import RoomSummary
from app.directory import Directory
from app.platform.keys import load_secrets
from app.room import Room
from app.services import lifecycle
from app.services.context import Tasks
from app.store.cache import Cache, CacheUnavailable

if TYPE_CHECKING:
    from app.accounts.account import Account
    from app.net.api import ApiError
    from app.services.lifecycle import Services

log = logging.getLogger("tchap.sync")


class Session:
    """One account of a profile; the UI's only door to the network and the cache."""

    def __init__(self, profile) -> None:  # app.platform.profile.Profile
        self._profile = profile
        self._listeners: list[Callable[[CoreEvent], None]] = []
        self._account: dict = {}
        self._keys: dict = {}
        self._cache: Cache | None = None
        self._services: Services | None = None
        self._connect_lock = asyncio.Lock()
        self._syncing = asyncio.Event()  # the sync service runs
        self._tasks = Tasks("session", on_failure=self._task_failed)
        self._network_loaded: asyncio.Future | None = None
        self._ending = False  # an ended session (token gone, expired...) is being closed
        self.state = SessionState.SIGNED_OUT
        self.display_name = ""
        self._externals: ExternalRules | None = None
        self.access = AccountAccess(  # the server of an address, new account, reset, renewal
            profile.config, self._network_stack,
            lambda: (self.homeserver, self._keys.get("access_token", "")),
            lambda: self.state is SessionState.ACCOUNT_EXPIRED, self._renewed,
        )  # fmt: skip
        self.directory = Directory(self._connect, lambda: self.externals, self.subscribe)

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

    def _set_state(
        self, state: SessionState, retry_in_s: float | None = None,
        reason: StartProblem | None = None,
    ) -> None:  # fmt: skip
        self.state = state
        self._publish(SessionStateChanged(state, retry_in_s, reason))

    @property
    def user_id(self) -> str:
        return self._account.get("user_id", "")

    @property
    def homeserver(self) -> str:
        return self._account.get("homeserver", "")

    @property
    def externals(self) -> ExternalRules:
        """Which users are external, from their server names and the configuration."""
        if self._externals is None or self._externals.own_user_id != self.user_id:
            self._externals = ExternalRules(self.user_id, self._profile.config.get("external_servers"))
        return self._externals

    @property
    def secrets_in_plaintext(self) -> bool:
        """True when the session's secrets are in a plaintext file (the UI keeps a warning up)."""
        return bool(self._profile.secrets.using_plaintext)

    def allow_plaintext_secrets(self) -> bool:
        """The user opts in to a plaintext secrets file (no keyring here). False if IT forbids it."""
        return self._profile.allow_plaintext_secrets()

    @property
    def cache(self) -> Cache:
        assert self._cache is not None, "not signed in"
        return self._cache

    # -- sign in, restore, start -------------------------------------------------------------

    def prepare_network(self) -> None:
        """Load the network stack in the background, e.g. while the user types a password:
        ~0.5 s off the time from "Sign in" to the room list."""
        if self._network_loaded is None:
            self._network_loaded = asyncio.ensure_future(
                asyncio.to_thread(lifecycle.import_network_stack)
            )

    async def _network_stack(self) -> None:
        """Wait for nio and aiohttp (~0.5 s to import): loaded once, in a thread."""
        self.prepare_network()
        await asyncio.shield(self._network_loaded)

    async def login(self, homeserver: str, identifier: str, password: str) -> None:
        """Sign in with a password; on success the session is open (call start())."""
        await self._network_stack()
        from app.services.login import sign_in  # the network stack, loaded when it is needed

        account, keys, http = await sign_in(self._profile, homeserver, identifier, password)
        if not await self._open_cache(account, keys):
            await http.close()
            return
        await self._connect(http)
        log.info("signed in, device %s", account["device_id"])
        if self._services is not None:  # others can encrypt to us before the first sync
            await self._services.upload_keys()

    def account(self) -> Account:
        """The signed-in account itself (Settings): profile, privacy, password, sessions."""
        from app.accounts.account import Account, AccountHooks

        return Account(self._connect, self._profile.config, AccountHooks(
            renamed=lambda name: setattr(self, "display_name", name),
            ending=lambda ending: setattr(self, "_ending", ending),  # a 401 is no news then
            deactivated=self.logout,
        ))  # fmt: skip

    async def sign_in_again(self, password: str) -> None:
        """After a soft logout: the same device signs in again, cache and crypto store kept."""
        if not self._account or self._cache is None:
            raise LoginFailed(LoginError.UNKNOWN, detail="no session to resume")
        await self._network_stack()
        from app.accounts.reauth import sign_in_again
        self._keys, http = await sign_in_again(self._profile, self._account, self._keys, password)
        self._ending = False
        self._set_state(SessionState.STARTING)
        await self._connect(http)

    async def restore(self) -> bool:
        """Reopen the stored session from the cache, with no network; False if there is none.

        A keyring or cache that does not answer is a state (START_FAILED, CACHE_UNAVAILABLE)
        the UI shows with "retry", not a silent return to the sign-in form.
        """
        account = self._profile.read_account()
        if not account:
            return False
        self._account = account
        try:
            keys = await asyncio.to_thread(load_secrets, self._profile.secrets, account["user_id"])
        except Exception as exc:  # noqa: BLE001 - keyring backends raise anything (D-Bus, locked)
            log.warning("stored session not restored: keyring unavailable (%s)", type(exc).__name__)
            self._set_state(SessionState.START_FAILED, reason=StartProblem.KEYRING)
            return True
        if keys is None:
            log.info("stored session incomplete: signing in again")
            self._account = {}
            return False
        await self._open_cache(account, keys)
        return True

    async def _open_cache(self, account: dict, keys: dict) -> bool:
        self._account, self._keys = account, keys
        self._ending = False
        cache = Cache(self._profile.paths.cache_db, keys["cache_key"])
        try:
            await cache.open()
            await cache.call(lifecycle.remember_user, account["user_id"])
            self.display_name = await cache.get_meta("own_name") or ""
        except CacheUnavailable as exc:
            log.error("cache unavailable: %s", type(exc.__cause__ or exc).__name__)
            await cache.close()
            self._set_state(SessionState.CACHE_UNAVAILABLE, reason=StartProblem.CACHE)
            return False
        if cache.rebuilt:
            log.info("cache created")
        self._cache = cache
        self._set_state(SessionState.STARTING)
        return True

    @property
    def services(self) -> Services | None:
        """The network side, once up (tests and benchmarks look inside; the UI never does)."""
        return self._services

    async def connect(self) -> Services:
        """Bring up the network side (done by the first action that needs it)."""
        return await self._connect()

    async def _connect(self, http=None) -> Services:
        """Bring up the network side once: nio and its crypto store, the API client, services."""
        async with self._connect_lock:
            if self._services is not None:
                return self._services
            if not self._account or self._cache is None:
                raise ActionFailed(ActionError.UNKNOWN, "not signed in")
            try:
                await self._network_stack()  # not on the UI thread
            except ImportError as exc:
                self._fail_start(StartProblem.NETWORK_STACK, exc)
                raise ActionFailed(ActionError.UNKNOWN, "network stack") from exc
            try:
                self._services = await lifecycle.build_services(
                    self._profile, self._account, self._keys, self._cache, self._publish,
                    self._session_ended, http,
                )  # fmt: skip
            except lifecycle.CryptoStoreUnavailable as exc:
                self._fail_start(StartProblem.CRYPTO_STORE, exc)
                raise ActionFailed(ActionError.CRYPTO_NOT_READY, "crypto store") from exc
            return self._services

    def _fail_start(self, problem: StartProblem, exc: BaseException) -> None:
        log.error("start failed (%s): %s", problem.name, type(exc.__cause__ or exc).__name__)
        self._set_state(SessionState.START_FAILED, reason=problem)

    def start(self) -> None:
        """Start syncing and sending in the background (the network stack loads first)."""
        if self._cache is None:
            return  # the start failed already (START_FAILED / CACHE_UNAVAILABLE is shown)
        self._tasks.spawn(self._start())

    async def _start(self) -> None:
        try:
            services = await self._connect()
        except ActionFailed:
            return  # the state says why
        services.start(on_state=self._on_sync_state, on_stopped=self._sync_stopped)
        self._syncing.set()
        self._tasks.spawn(self._fetch_own_name(services))

    async def retry_start(self) -> None:
        """After a failed start: close what was opened and start again from the stored account."""
        await self.close()
        if await self.restore():
            self.start()

    async def wait_synced(self, timeout: float = 30.0) -> None:
        """Wait until one sync has been processed (tests, benchmarks)."""

        async def synced() -> None:
            await self._syncing.wait()
            await self._services.synced.wait()

        await asyncio.wait_for(synced(), timeout)

    async def _fetch_own_name(self, services: Services) -> None:
        name = await services.own_display_name(self.display_name)
        if name is not None:
            self.display_name = name

    # -- what the services report -----------------------------------------------------------

    def _on_sync_state(self, state: SessionState, retry_in_s: float | None) -> None:
        self._set_state(state, retry_in_s)

    def _task_failed(self, error: BaseException) -> None:
        if isinstance(error, CacheUnavailable):
            self._set_state(SessionState.CACHE_UNAVAILABLE, reason=StartProblem.CACHE)

    def _session_ended(self, error: ApiError) -> None:
        """Any request found the session over (token gone, soft logout, expired account)."""
        from app.net.api import ApiErrorKind

        state = {
            ApiErrorKind.TOKEN_INVALID: SessionState.TOKEN_INVALID,
            ApiErrorKind.SOFT_LOGOUT: SessionState.SOFT_LOGGED_OUT,
            ApiErrorKind.ACCOUNT_EXPIRED: SessionState.ACCOUNT_EXPIRED,
        }[error.kind]
        self._sync_stopped(state)

    def _sync_stopped(self, state: SessionState) -> None:
        if self._ending or self.state in (SessionState.SIGNING_OUT, SessionState.SIGNED_OUT):
            return  # said already (several requests may meet the same end)
        self._ending = True
        self._tasks.spawn(self._end(state))

    async def _end(self, state: SessionState) -> None:
        if state is SessionState.TOKEN_INVALID:  # the device is gone: nothing to keep
            await self._stop_services()
            await self._wipe()
        elif state in (SessionState.SOFT_LOGGED_OUT, SessionState.ACCOUNT_EXPIRED):
            # Sign in again, or renew: no more requests, but cache and keys are kept.
            await self._stop_services()
        self._set_state(state)

    # -- stop, sign out ------------------------------------------------------------------------

    async def _stop_services(self) -> None:
        services, self._services = self._services, None
        self._syncing.clear()
        if services is not None:
            await services.close()

    async def close(self) -> None:
        """Stop everything and close the cache (application quit)."""
        await self._tasks.stop(keep=asyncio.current_task())
        await self._stop_services()
        cache, self._cache = self._cache, None
        if cache is not None:
            await cache.close()

    async def logout(self) -> None:
        """Sign out: the server forgets the device, and the local account is wiped (token,
        cache, crypto store), whatever the network, the crypto store or the server say."""
        self._set_state(SessionState.SIGNING_OUT)
        token = self._keys.get("access_token")
        if token and self.homeserver:
            await lifecycle.server_logout(self._services, self.homeserver, token)
        await self._wipe()
        self._set_state(SessionState.SIGNED_OUT)

    async def _wipe(self) -> None:
        user_id = self.user_id or (self._profile.read_account() or {}).get("user_id")
        with suppress(Exception):  # closing may fail on a broken cache: wiping goes on
            await self.close()
        self._account, self._keys = {}, {}
        await lifecycle.wipe_local_data(self._profile, user_id)

    # -- reading and rooms ------------------------------------------------------------------

    async def room_summaries(self, limit: int | None = None) -> list[RoomSummary]:
        """The room list from the cache (invitations, then most recent); all, or the first `limit`."""
        if self._cache is None:
            return []
        return await self._cache.room_summaries(limit)

    def room(self, room_id: str) -> Room:
        """The handle of one room: its timeline, sending and actions."""
        return Room(room_id, lambda: self.cache, self._connect, self._publish)

    async def create_direct_chat(self, user_id: str) -> str:
        """Open the encrypted one-to-one chat with `user_id` (the existing one if any)."""
        return await (await self._connect()).rooms.create_direct_chat(user_id)

    async def create_private_room(self, name: str, topic: str = "") -> str:
        """Create an encrypted, invite-only salon; returns the room id."""
        return await (await self._connect()).rooms.create_private_room(name, topic)

    async def create_salon(self, name: str, topic: str, kind, avatar=None) -> str:
        """Create a salon of a kind in `app.rooms.kinds.CREATABLE` (app/rooms/creation.py)."""
        return await (await self._connect()).salons.create(name, topic, kind, avatar)

    async def import_keys(self, path: str, passphrase: str) -> None:
        """Import a Megolm key export (from another client), then decrypt what waited for it."""
        await (await self._connect()).history.import_keys(path, passphrase)

    async def avatar(self, uri: str, size: int = 96) -> str | None:
        """A local file with the thumbnail of an mxc:// avatar, or None."""
        if not self._account or self._cache is None:
            return None
        try:
            services = await self._connect()
        except ActionFailed:
            return None
        path = await services.media.thumbnail(uri, size)
        return str(path) if path else None

    def _renewed(self) -> None:
        """The expired account was renewed (`access.check_renewed`): sync again."""
        self._ending = False
        self.start()
