"""The outbox: messages the user sent, on disk first, out once, in order.

A message is written to the cache's outbox table before any network traffic, shown at
once as a local echo, and sent by one task in the order it was written. Its transaction
id is fixed when it is queued, so a retry after a crash or a cut connection is
de-duplicated by the homeserver: the message goes out once. Transient failures (no
network, 429, 5xx) wait and retry; a refusal (403, 400...) marks it failed for the user.

A file is a message whose upload comes first (app/services/attachments.py); each step it completes
is saved in its outbox entry. The user may cancel a message until its event is on its way:
an upload in progress stops, and nothing reaches the room.
"""

from __future__ import annotations

import asyncio
import logging
import time
import uuid
from collections.abc import Awaitable, Callable
from pathlib import Path

import aiohttp
from nio import AsyncClient, RoomSendResponse

from app.core.errors import CryptoStoreNotLoaded
from app.core.events import EventChanged, MessagesAppended, OperationRefused, UploadProgress
from app.core.formatting import message_content
from app.core.types import TimelineItem
from app.crypto import engine as crypto
from app.net.api import ApiError, ApiErrorKind, backoff_delay, error_of_nio, path
from app.services import attachments
from app.services.attachments import LOCAL, AttachmentService
from app.services.context import ServiceContext, Tasks
from app.store import outbox_store, room_store
from app.store.outbox_store import EVENT, MESSAGE, REDACTION, REQUEST, Queued

log = logging.getLogger("tchap.net")


class _Transient(Exception):
    def __init__(self, after: float | None = None) -> None:
        super().__init__()
        self.after = after


class _Refused(Exception):
    pass


class OutboxService:
    """Queues and sends the user's messages for one session."""

    def __init__(self, ctx: ServiceContext, client: AsyncClient, files: AttachmentService) -> None:
        self._ctx = ctx
        self._client = client
        self._cache = ctx.cache
        self._publish = ctx.publish
        self._files = files
        self._tasks = Tasks("outbox")
        self._wakeup = asyncio.Event()
        self._checked_plain: set[str] = set()  # rooms the server confirmed unencrypted
        self._uploads: dict[str, asyncio.Task] = {}  # txn id -> its upload in progress
        self._cancelled: set[str] = set()  # txn ids the user cancelled (a few per session)
        self._sending_event: str | None = None  # past this point a message can't be cancelled
        self._busy: str | None = None  # an operation being tried: too late to cancel it
        self._sent_events: dict[str, str] = {}  # txn id -> event id, events sent in this run
        # Told (room id, txn id) when the server refuses an operation without a row of its
        # own, so that whoever showed it at once (a reaction, an edit) takes it back.
        self.on_refused: Callable[[str, str], None] | None = None
        # Asked (room id, redaction txn id, local target, its event id if sent in this run)
        # for the event a deletion queued against a local echo ("~txn") deletes; "": none.
        self.resolve_target: Callable[[str, str, str, str | None], Awaitable[str]] | None = None

    async def queue_text(self, room_id: str, text: str) -> TimelineItem:
        """Persist a message and show its local echo; the send happens in the background."""
        _, item = await self._queue(room_id, message_content(text))
        assert item is not None  # a message always has its echo
        return item

    async def queue_file(self, room_id: str, path: Path) -> TimelineItem:
        """Queue a file (raises OSError if it cannot be read); its echo is a file card."""
        _, item = await self._queue(room_id, await asyncio.to_thread(attachments.describe, path))
        assert item is not None
        return item

    async def queue_event(
        self, room_id: str, event_type: str, content: dict, txn_id: str | None = None
    ) -> TimelineItem | None:
        """Queue any room event (a reaction, a reply, an edit...), sent in order with the rest.

        An m.room.message that is not an edit gets a local echo row, returned and published
        as queue_text's does; other events return None (their caller shows its own echo).
        """
        relation = content.get("m.relates_to")
        is_edit = isinstance(relation, dict) and relation.get("rel_type") == "m.replace"
        op = MESSAGE if event_type == "m.room.message" and not is_edit else EVENT
        _, item = await self._queue(room_id, content, op, event_type, txn_id=txn_id)
        return item

    async def queue_redaction(
        self, room_id: str, event_id: str, reason: str | None = None, txn_id: str | None = None
    ) -> str:
        """Queue the deletion of an event; returns its transaction id."""
        body = {"event_id": event_id, **({"reason": reason} if reason else {})}
        txn_id, _ = await self._queue(room_id, body, REDACTION, REDACTION, txn_id=txn_id)
        return txn_id

    async def queue_request(
        self, method: str, api_path: str, body: dict | None = None, txn_id: str | None = None
    ) -> str:
        """Queue an idempotent client-server request (tags, room account data): sent in order,
        retried while transient, given up loudly when refused. Returns its transaction id."""
        content = {"method": method, "path": api_path, "body": body}
        txn_id, _ = await self._queue("", content, REQUEST, REQUEST, txn_id=txn_id)
        return txn_id

    async def _queue(
        self, room_id: str, content: dict, op: str = MESSAGE, event_type: str = "m.room.message",
        *, txn_id: str | None = None,
    ) -> tuple[str, TimelineItem | None]:
        """The one way into the outbox: written to disk, a message's echo published, the
        sender woken. Returns the transaction id and the echo row (messages only)."""
        txn_id = txn_id or uuid.uuid4().hex
        now_ms = int(time.time() * 1000)
        item = await self._cache.call(
            outbox_store.outbox_add, txn_id, room_id, content, now_ms, op, event_type
        )
        if item is not None:
            self._publish(MessagesAppended(room_id, (item,)))
        self._wakeup.set()
        return txn_id, item

    async def retry(self, txn_id: str) -> None:
        """Put a failed message back in the queue."""
        result = await self._cache.call(outbox_store.outbox_set, txn_id, "sending")
        if result is not None:
            self._publish(EventChanged(result[1].room_id, result[0], result[1]))
        self._wakeup.set()

    async def cancel(self, txn_id: str) -> bool:
        """Stop and forget an unsent or failed message (an upload in progress stops at once).

        False when it is too late: its event is on its way, or already in the room.
        """
        if txn_id in (self._sending_event, self._busy):
            return False
        self._cancelled.add(txn_id)  # before any await: the send loop checks it
        upload = self._uploads.get(txn_id)
        if upload is not None:
            upload.cancel()
        removed = await self._cache.call(outbox_store.outbox_remove, txn_id)
        await asyncio.to_thread(self._files.forget, txn_id)
        self._wakeup.set()  # the next message need not wait for this one's back-off
        return removed is not None

    def start(self) -> None:
        """Start sending in the background."""
        self._tasks.spawn(self.run())

    async def stop(self) -> None:
        """Stop sending (what is queued stays on disk for the next start)."""
        await self._tasks.stop()
        for upload in list(self._uploads.values()):
            upload.cancel()

    def wake(self) -> None:
        """Try again now (e.g. the sync loop just saw the server come back)."""
        self._wakeup.set()

    async def run(self) -> None:
        """Send queued messages one by one, until cancelled."""
        keep = await self._cache.call(outbox_store.outbox_txn_ids)
        if removed := await asyncio.to_thread(self._files.sweep, keep):
            log.info("%d leftover encrypted files removed", removed)
        attempt = 0
        while True:
            self._busy = None
            self._wakeup.clear()
            queued = await self._cache.call(outbox_store.outbox_next)
            if queued is None:
                await self._wakeup.wait()
                continue
            txn_id, room_id, content = queued.txn_id, queued.room_id, queued.content
            if txn_id in self._cancelled:  # cancelled while the database was answering
                await self._cache.call(outbox_store.outbox_remove, txn_id)
                continue
            self._busy = txn_id if queued.op != MESSAGE else None  # a message: _sending_event
            try:
                event_id = await self._send_queued(queued)
            except _Transient as wait:
                self._busy = None
                attempt += 1
                delay = wait.after if wait.after is not None else backoff_delay(attempt)
                log.info("send postponed %.1f s (attempt %d)", delay, attempt)
                try:
                    await asyncio.wait_for(self._wakeup.wait(), timeout=delay)
                except TimeoutError:
                    pass
                continue
            except CryptoStoreNotLoaded:
                log.error("send abandoned: the encryption store is not loaded")
                self._emit(
                    await self._cache.call(
                        outbox_store.outbox_set, txn_id, "failed", error="crypto"
                    )
                )
                continue
            except _Refused as refused:
                log.warning("send refused (%s): %s", queued.op, refused)
                if queued.op != MESSAGE:
                    if self.on_refused is not None:
                        self.on_refused(room_id, txn_id)
                    self._publish(OperationRefused(room_id, txn_id, queued.op,
                                                   queued.event_type, str(refused)))  # fmt: skip
                self._emit(await self._cache.call(
                    outbox_store.outbox_set, txn_id, "failed", error=str(refused)
                ))  # fmt: skip
                continue
            except Exception:  # a bug: keep the outbox alive, fail this message visibly
                log.exception("send failed unexpectedly")
                self._emit(
                    await self._cache.call(outbox_store.outbox_set, txn_id, "failed", error="bug")
                )
                continue
            attempt = 0
            if event_id is None:  # the user cancelled it: nothing went to the room
                self._cancelled.discard(txn_id)
                continue
            if queued.op == EVENT:  # a deletion queued against its local echo may ask for it
                self._sent_events[txn_id] = event_id
            if LOCAL in content:
                await asyncio.to_thread(self._files.forget, txn_id)
            self._emit(
                await self._cache.call(outbox_store.outbox_set, txn_id, "sent", event_id=event_id)
            )

    def _emit(self, result: tuple[str, TimelineItem] | None) -> None:
        if result is not None:
            old_key, item = result
            self._publish(EventChanged(item.room_id, old_key, item))

    async def _encrypted(self, room_id: str) -> bool:
        """Is the room encrypted? The cache may lag (a sync can catch a room half-created),
        so a room it thinks unencrypted is checked with the server once per session."""
        if await self._cache.call(room_store.is_encrypted, room_id):
            return True
        if room_id in self._checked_plain:
            return False
        try:
            content = await self._ctx.api.request(
                "GET", path("/_matrix/client/v3/rooms/{}/state/m.room.encryption", room_id)
            )
        except ApiError as exc:
            if exc.kind is ApiErrorKind.NOT_FOUND:
                self._checked_plain.add(room_id)
                return False
            raise _Transient(exc.retry_after_s) from exc  # unknown: never guess "plain"
        event = {"type": "m.room.encryption", "state_key": "", "content": content}
        await self._cache.call(room_store.record_state, room_id, [event])
        return True

    async def _send_queued(self, queued: Queued) -> str | None:
        """Send one outbox entry: the event id it made (a request: its txn id), or None if
        the user cancelled it on the way."""
        if queued.op == REQUEST:
            body = queued.content
            await self._call(body["method"], body["path"], body.get("body"))
            return queued.txn_id
        if queued.op == REDACTION:
            target = queued.content["event_id"]
            if target.startswith("~") and self.resolve_target is not None:
                target = await self._resolved(queued, target)
                if not target:
                    return queued.txn_id  # it never reached the room: nothing to delete
            reason = queued.content.get("reason")
            api_path = path("/_matrix/client/v3/rooms/{}/redact/{}/{}",
                            queued.room_id, target, queued.txn_id)  # fmt: skip
            answer = await self._call("PUT", api_path, {"reason": reason} if reason else {})
            return str(answer.get("event_id") or queued.txn_id)
        return await self._send(queued.room_id, queued.content, queued.txn_id, queued.event_type)

    async def _resolved(self, queued: Queued, local_target: str) -> str:
        assert self.resolve_target is not None
        sent = self._sent_events.get(local_target[1:])
        try:
            return await self.resolve_target(queued.room_id, queued.txn_id, local_target, sent)
        except ApiError as error:
            raise (_Transient(error.retry_after_s) if error.transient
                   else _Refused(str(error))) from error  # fmt: skip

    async def _call(self, method: str, api_path: str, body: dict | None) -> dict:
        """One request of the outbox through the API client, its failures sorted."""
        try:
            return await self._ctx.api.request(method, api_path, body)
        except ApiError as error:
            if error.transient:
                raise _Transient(error.retry_after_s) from error
            raise _Refused(str(error)) from error

    async def _send(
        self, room_id: str, content: dict, txn_id: str, event_type: str = "m.room.message"
    ) -> str | None:
        """The event id once sent; None if the user cancelled it on the way."""
        encrypted = await self._encrypted(room_id)
        if encrypted:
            crypto.require_crypto(self._client)  # never let nio fall back to plain text
        crypto.ensure_room(self._client, room_id, encrypted)
        if encrypted and (event_type != "m.room.message" or "m.relates_to" in content):
            return await self._send_encrypted_relation(room_id, event_type, content, txn_id)
        if LOCAL in content:
            sendable = await self._with_upload(txn_id, room_id, content, encrypted)
            if sendable is None:
                return None
            content = sendable
        if txn_id in self._cancelled:
            return None
        self._sending_event = txn_id  # no await since the check: cancel() sees it from now on
        try:
            response = await self._client.room_send(
                room_id, event_type, content, tx_id=txn_id, ignore_unverified_devices=True
            )
        except (TimeoutError, aiohttp.ClientError, OSError) as exc:
            raise _Transient() from exc
        finally:
            self._sending_event = None
        if isinstance(response, RoomSendResponse):
            return response.event_id
        error = self._ctx.api.fail(error_of_nio(response))
        if error.transient:
            raise _Transient(error.retry_after_s)
        raise _Refused(f"{error.status} {error.errcode}".strip())

    async def _send_encrypted_relation(
        self, room_id: str, event_type: str, content: dict, txn_id: str
    ) -> str:
        """An event other than a plain message, encrypted with its relation kept in clear."""
        try:
            encrypted = await crypto.encrypt_event(self._client, room_id, event_type, content)
        except (TimeoutError, aiohttp.ClientError, OSError) as exc:
            raise _Transient() from exc
        if encrypted is None:
            raise _Transient()
        api_path = path("/_matrix/client/v3/rooms/{}/send/m.room.encrypted/{}", room_id, txn_id)
        answer = await self._call("PUT", api_path, encrypted)
        event_id = answer.get("event_id")
        if not isinstance(event_id, str):
            raise _Refused("no event id in the answer")
        return event_id

    async def _with_upload(
        self, txn_id: str, room_id: str, content: dict, encrypted: bool
    ) -> dict | None:
        """The file's message content once uploaded; None if the user cancelled the upload."""
        task = asyncio.ensure_future(self._upload(txn_id, room_id, content, encrypted))
        self._uploads[txn_id] = task
        try:
            local = await task
        except asyncio.CancelledError:
            current = asyncio.current_task()
            if txn_id in self._cancelled and not (current and current.cancelling()):
                return None  # cancel() stopped this upload; the send loop goes on
            raise
        except attachments.Postponed as wait:
            raise _Transient(wait.after) from wait
        except attachments.Refused as refused:
            raise _Refused(refused.reason) from refused
        finally:
            self._uploads.pop(txn_id, None)
        return attachments.message_content(content, local)

    async def _upload(self, txn_id: str, room_id: str, content: dict, encrypted: bool) -> dict:
        """Size check, encryption, upload: each step saved, so a restart resumes after it."""
        local = dict(content[LOCAL])
        if encrypted and "encrypted" not in local:
            local.pop("mxc", None)  # uploaded in clear before the room was encrypted: redo it
        if "mxc" in local:
            return local
        info = content.get("info") if isinstance(content.get("info"), dict) else {}
        await self._files.check_size(int(info.get("size") or 0))
        if encrypted:
            prepared = await self._files.encrypt(txn_id, local)
            if prepared is not local:
                local = prepared
                await self._save(txn_id, content, local)
        key = f"~{txn_id}"

        def progress(sent: int, total: int) -> None:
            self._publish(UploadProgress(room_id, key, sent, total))

        mimetype = str(info.get("mimetype") or "application/octet-stream")
        local["mxc"] = await self._files.upload(txn_id, local, mimetype, progress)
        await self._save(txn_id, content, local)
        log.info("file uploaded (%s)", "encrypted" if encrypted else "plain")
        return local

    async def _save(self, txn_id: str, content: dict, local: dict) -> None:
        await self._cache.call(outbox_store.outbox_update, txn_id, {**content, LOCAL: local})
