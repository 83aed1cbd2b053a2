"""Building, wiring and ending a session's services (the session's helpers).

`build_services` makes the network side of one account: nio and its crypto store, the
API client, and every service with its context; `Services` holds them, starts them in
order, routes what one reports to the others, and stops them all. Signing out's local
part (`wipe_local_data`) removes the account's folders off the UI thread.
"""

from __future__ import annotations

import asyncio
import logging
import shutil
from collections.abc import Callable
from contextlib import suppress
from pathlib import Path
from typing import Any

from app.core.events import CoreEvent, ProfileChanged, RoomsChanged, SessionState
from app.platform.keys import delete_secrets
from app.store import rows
from app.store.cache import delete_cache_files, set_meta

log = logging.getLogger("tchap.sync")
CLOSE_STEP_TIMEOUT_S = 10.0


class CryptoStoreUnavailable(RuntimeError):
    """nio's Olm/Megolm store could not be opened (corrupt, wrong key, disk)."""


def import_network_stack() -> None:
    """Import nio, aiohttp and the modules built on them (in a thread: ~0.5 s)."""
    import aiohttp  # noqa: F401
    import nio  # noqa: F401

    import app.services.outbox
    import app.sync.loop  # noqa: F401
    from app.platform.memory import forget_source_lines

    forget_source_lines()


def remember_user(conn: Any, user_id: str) -> None:
    set_meta(conn, "user_id", user_id)


def thumbnails_dir(paths) -> Path:
    return paths.cache_dir / "thumbnails"


def outbox_dir(paths) -> Path:
    return paths.cache_dir / "outbox"


class Services:
    """The network side of one account: its services, started and stopped together."""

    def __init__(self, ctx, paths, client, http, sync_timeout_ms: int) -> None:
        from app.rooms.creation import SalonCreation
        from app.rooms.invitations import InvitationsService
        from app.rooms.settings import RoomSettingsService
        from app.services.attachments import AttachmentService
        from app.services.drafts import DraftsService
        from app.services.history import HistoryService
        from app.services.media import MediaService
        from app.services.outbox import OutboxService
        from app.services.receipts import ReceiptsService
        from app.services.relations import RelationsService
        from app.services.room_tags import RoomTagsService
        from app.services.rooms import RoomsService
        from app.services.typing import TypingService

        self.ctx = ctx
        self.client, self._http = client, http
        self.history = HistoryService(self.ctx, client)
        self.outbox = OutboxService(
            self.ctx, client, AttachmentService(self.ctx.api, outbox_dir(paths))
        )
        self.media = MediaService(self.ctx.api, thumbnails_dir(paths))
        self.rooms = RoomsService(self.ctx, self._forget_room)
        self.typing = TypingService(self.ctx)
        self.drafts = DraftsService(self.ctx)
        self.receipts = ReceiptsService(self.ctx)
        self.relations = RelationsService(self.ctx, client, self.outbox)
        self.room_tags = RoomTagsService(self.ctx, self.outbox)
        self.invitations = InvitationsService(self.ctx)
        self.salons = SalonCreation(self.ctx, self.rooms)
        self.room_settings = RoomSettingsService(self.ctx, self.outbox)
        self.synced = asyncio.Event()
        self._sync_timeout_ms = sync_timeout_ms
        self._sync_task: asyncio.Task | None = None

    def _forget_room(self, room_id: str) -> None:
        self.client.rooms.pop(room_id, None)
        self.client.invited_rooms.pop(room_id, None)

    def start(
        self,
        on_state: Callable[[SessionState, float | None], None],
        on_stopped: Callable[[SessionState], None],
    ) -> None:
        """Start syncing, sending, and decrypting what waited for keys."""
        from app.sync.loop import SyncService, SyncStopped

        def state(new: SessionState, retry_in_s: float | None) -> None:
            if new is SessionState.SYNCING:
                self.outbox.wake()  # the server is back: flush what waited
            on_state(new, retry_in_s)

        sync = SyncService(
            self.client, self.ctx.cache, self.ctx.api, self._on_diff, state,
            self._on_keys, timeout_ms=self._sync_timeout_ms,
        )  # fmt: skip
        self.synced = sync.synced

        async def run() -> None:
            try:
                await sync.run()
            except SyncStopped as stop:
                on_stopped(stop.state)

        self._sync_task = asyncio.ensure_future(run())
        self._sync_task.add_done_callback(_report)
        self.outbox.start()
        self.room_tags.start()
        self.history.keys_arrived(None)

    async def _on_keys(self, sessions: list[str]) -> None:
        self.history.keys_arrived(sessions)

    async def _on_diff(self, diff: rows.SyncDiff) -> None:
        """Publish a sync's changes, and tell the rooms service what arrived."""
        from app.core.events import (
            EventChanged,
            MessagesAppended,
            ReceiptsChanged,
            RoomsRemoved,
            TimelineReset,
            TypingChanged,
        )
        from app.core.types import Membership

        publish = self.ctx.publish
        if diff.removed:
            publish(RoomsRemoved(tuple(diff.removed)))
        if diff.rooms:
            publish(RoomsChanged(tuple(diff.rooms.values())))
            invites = [r.room_id for r in diff.rooms.values() if r.membership is Membership.INVITE]
            self.rooms.rooms_seen(diff.rooms, invites)
        for room_id in diff.reset:
            publish(TimelineReset(room_id))
        for room_id, items in diff.appended.items():
            publish(MessagesAppended(room_id, tuple(items)))
        for room_id, old_key, item in diff.changed:
            publish(EventChanged(room_id, old_key, item))
        for room_id, receipts in diff.receipts.items():
            publish(ReceiptsChanged(room_id, tuple(receipts)))
        for room_id, users in diff.typing.items():
            publish(TypingChanged(room_id, users))

    async def upload_keys(self) -> None:
        """Upload our device keys now (after sign-in), so others can encrypt to us."""
        import aiohttp

        with suppress(OSError, asyncio.TimeoutError, aiohttp.ClientError):
            if self.client.should_upload_keys:
                await self.client.keys_upload()

    async def own_display_name(self, known: str) -> str | None:
        """Our display name from the server if it changed (then cached and published)."""
        from app.net.api import ApiError, path

        own = self.ctx.user_id
        try:
            profile = await self.ctx.api.request(
                "GET", path("/_matrix/client/v3/profile/{}", own), retries=2
            )
        except ApiError:
            return None
        name = profile.get("displayname")
        if not isinstance(name, str) or not name or name == known:
            return None
        await self.ctx.cache.call(set_meta, "own_name", name)
        self.ctx.publish(ProfileChanged(own, name))
        return name

    async def close(self) -> None:
        """Stop every service, then close nio and HTTP; no step may hold the quit up."""
        if self._sync_task is not None:
            self._sync_task.cancel()
        steps = [("sync", self._sync_task), ("outbox", self.outbox.stop()),
                 ("history", self.history.stop()), ("rooms", self.rooms.stop()),
                 ("typing", self.typing.stop()), ("drafts", self.drafts.stop()),
                 ("receipts", self.receipts.stop()), ("relations", self.relations.stop()),
                 ("room tags", self.room_tags.stop()), ("invitations", self.invitations.stop()),
                 ("room tags", self.room_tags.stop()), ("salons", self.salons.stop()),
                 ("room settings", self.room_settings.stop()),
                 ("nio", self.client.close()), ("http", self._http.close())]  # fmt: skip
        for name, step in steps:
            if step is None:
                continue
            try:
                await asyncio.wait_for(step, CLOSE_STEP_TIMEOUT_S)
            except asyncio.CancelledError:
                if name != "sync":  # the sync task ends cancelled: that is its normal end
                    raise
            except TimeoutError:
                log.error("closing %s took over %.0f s: abandoned", name, CLOSE_STEP_TIMEOUT_S)
            except Exception:  # closing nio's store on a full disk must not stop the rest
                log.exception("closing %s failed", name)


def _report(task: asyncio.Task) -> None:
    if not task.cancelled() and task.exception() is not None:
        log.error("sync loop failed", exc_info=task.exception())


async def build_services(
    profile,
    account: dict,
    keys: dict,
    cache,
    publish: Callable[[CoreEvent], None],
    on_session_ended,
    http=None,
) -> Services:
    """Open nio's crypto store and build every service of the account."""
    import aiohttp

    from app.crypto import engine as crypto
    from app.net.api import ApiClient
    from app.services.context import ServiceContext

    paths = profile.paths

    def open_crypto():
        client = crypto.make_client(
            account["homeserver"], account["user_id"], account["device_id"],
            paths.crypto_dir, keys["pickle_key"],
        )  # fmt: skip
        client.restore_login(account["user_id"], account["device_id"], keys["access_token"])
        crypto.require_crypto(client)
        return client

    try:
        client = open_crypto()
    except Exception as exc:
        raise CryptoStoreUnavailable(type(exc).__name__) from exc
    http = http or aiohttp.ClientSession()
    api = ApiClient(http, account["homeserver"], keys["access_token"], on_session_ended)
    ctx = ServiceContext(api, cache, publish, account["user_id"], profile.config)
    return Services(ctx, paths, client, http,
                    int(profile.config.get("sync_timeout_ms")))  # fmt: skip


async def server_logout(services: Services | None, homeserver: str, token: str) -> None:
    """Tell the server to forget this device (with the session's HTTP, or a fresh one), in
    at most 10 s; a failure is logged: signing out goes on locally whatever happens."""
    import aiohttp

    from app.net.api import ApiClient

    async def ask() -> None:
        if services is not None:
            await services.ctx.api.request("POST", "/_matrix/client/v3/logout", {})
            return
        async with aiohttp.ClientSession() as http:
            await ApiClient(http, homeserver, token).request("POST", "/_matrix/client/v3/logout", {})

    try:
        await asyncio.wait_for(ask(), 10)
    except Exception as exc:  # noqa: BLE001 - whatever happens, the wipe goes on
        log.warning("server sign-out failed (%s): local data wiped anyway", type(exc).__name__)


async def wipe_local_data(profile, user_id: str | None) -> None:
    """Remove the account's cache, crypto store, files and secrets (in a thread)."""
    paths = profile.paths

    def remove() -> None:
        delete_cache_files(paths.cache_db)
        for folder in (paths.crypto_dir, thumbnails_dir(paths), outbox_dir(paths)):
            shutil.rmtree(folder, ignore_errors=True)

    try:
        await asyncio.to_thread(remove)
    except OSError as exc:
        log.error("local data not all removed: %s", type(exc).__name__)
    if user_id:
        try:
            await asyncio.to_thread(delete_secrets, profile.secrets, user_id)
        except Exception as exc:  # noqa: BLE001 - keyring backends raise anything
            log.error("keyring entry not removed: %s", type(exc).__name__)
    profile.clear_account()
