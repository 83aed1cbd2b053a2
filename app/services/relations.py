"""`RelationsService`: replies, edits, reactions and deletions the user sends, and what the UI
reads about a message beyond its row (the original a reply quotes, the versions of an edited
message, its source).

Everything sent goes through the outbox (on disk first, out once, in order). Edits,
reactions and deletions have no row of their own: each is kept at once as a local relation
(an id "~...") and applied to its target's row, so the change shows before the server
answers; the server's copy replaces it when the sync brings it back (app/store/relations.py).
"""

from __future__ import annotations

import asyncio
import logging
import time
import uuid
from collections import OrderedDict
from functools import partial

from nio import AsyncClient

from app.core import message_actions as actions
from app.core.errors import ActionError, ActionFailed
from app.core.events import EventChanged
from app.core.message_actions import EditVersion, EventSource
from app.core.types import ItemKind, TimelineItem
from app.crypto import engine as crypto
from app.net.api import ApiError, ApiErrorKind, path
from app.services import pending_relations
from app.services.context import ServiceContext, Tasks
from app.store import relations

log = logging.getLogger("tchap.net")
KEPT_ORIGINALS = 200  # originals fetched from the server, kept for the session


class RelationsService:
    """The relations one account sends, and the messages they point at."""

    def __init__(self, ctx: ServiceContext, client: AsyncClient, outbox) -> None:
        self._ctx = ctx
        self._client = client
        self._outbox = outbox  # app.services.outbox.OutboxService
        self._fetched: OrderedDict[str, TimelineItem] = OrderedDict()
        self._tasks = Tasks("relations")
        outbox.on_refused = self._refused
        outbox.resolve_target = partial(pending_relations.resolve_target, ctx)

    async def stop(self) -> None:
        """Stop taking back refused relations (the cache keeps what is queued)."""
        await self._tasks.stop()

    def _refused(self, room_id: str, txn_id: str) -> None:
        """The server refused one of ours: its target row shows without it again."""
        self._tasks.spawn(self._drop_local(room_id, f"~{txn_id}"))

    async def _drop_local(self, room_id: str, local_id: str) -> None:
        changed = await self._ctx.cache.call(relations.drop_local, room_id, local_id)
        if changed is not None:
            self._ctx.publish(EventChanged(room_id, *changed))

    # -- reading ----------------------------------------------------------------------------

    async def original(self, room_id: str, event_id: str) -> TimelineItem | None:
        """The message `event_id`: from the cache, else from the server (decrypted if it can
        be); None if the server does not have it or will not say."""
        item = await self._ctx.cache.call(relations.stored_item, room_id, event_id)
        if item is not None:
            return item
        if event_id in self._fetched:
            return self._fetched[event_id]
        try:
            raw = await self._fetch(room_id, event_id)
        except ApiError as exc:
            log.warning("original of a reply not fetched: %s", exc.kind.name)
            return None
        shown, encrypted = await self._decrypted(room_id, raw)
        item = await self._ctx.cache.call(
            relations.item_of_fetched, room_id, shown, self._ctx.user_id, encrypted,
            encrypted and shown is raw,
        )  # fmt: skip
        if item is not None:
            self._fetched[event_id] = item
            if len(self._fetched) > KEPT_ORIGINALS:
                self._fetched.popitem(last=False)
        return item

    async def source(self, room_id: str, event_id: str) -> EventSource:
        """The event as the server holds it, and decrypted when it travelled encrypted."""
        try:
            raw = await self._fetch(room_id, event_id)
        except ApiError as exc:
            raise exc.as_action_failed() from exc
        shown, encrypted = await self._decrypted(room_id, raw)
        return EventSource(raw, shown if encrypted and shown is not raw else None)

    async def versions(self, room_id: str, event_id: str) -> list[EditVersion]:
        """The versions of an edited message, oldest first: the original, then its author's
        edits (those the cache holds, and those the server lists)."""
        try:
            raw = await self._fetch(room_id, event_id)
        except ApiError as exc:
            raise exc.as_action_failed() from exc
        original, _ = await self._decrypted(room_id, raw)
        author = str(raw.get("sender", ""))
        found: dict[str, tuple[int, dict]] = {}
        for edit_id, ts, new in await self._ctx.cache.call(relations.edits_of, event_id, author):
            found[edit_id] = (ts, new)
        for ev in await self._server_edits(room_id, event_id):
            shown, _ = await self._decrypted(room_id, ev)
            new = (shown.get("content") or {}).get("m.new_content")
            if shown.get("sender") == author and isinstance(new, dict):
                found.setdefault(str(ev.get("event_id")), (int(ev.get("origin_server_ts", 0)), new))
        content = original.get("content") if isinstance(original.get("content"), dict) else {}
        first = EditVersion(event_id, int(raw.get("origin_server_ts") or 0),
                            str(content.get("body", "")), _html(content))  # fmt: skip
        edits = [EditVersion(edit_id, ts, str(new.get("body", "")), _html(new))
                 for edit_id, (ts, new) in found.items() if not edit_id.startswith("~")]  # fmt: skip
        return [first, *sorted(edits, key=lambda v: v.ts)]

    async def can_redact(self, room_id: str, sender: str) -> bool:
        """May we delete a message of `sender`? Our own always; others' with the room's
        redact power level."""
        if sender == self._ctx.user_id:
            return True
        level, needed = await self._ctx.cache.call(
            relations.redact_level, room_id, self._ctx.user_id
        )
        return level >= needed

    # -- sending ----------------------------------------------------------------------------

    async def reply(self, room_id: str, text: str, event_id: str) -> str:
        """Queue an answer to `event_id`; returns its local echo's key."""
        original = await self.original(room_id, event_id)
        content = actions.reply_content(text, original, room_id, event_id)
        echo = await self._outbox.queue_event(room_id, "m.room.message", content)
        return echo.key if echo is not None else ""

    async def _item(self, room_id: str, event_id: str) -> TimelineItem:
        item = await self.original(room_id, event_id)
        if item is None:
            raise ActionFailed(ActionError.NOT_FOUND, "no such message")
        return item

    async def edit(self, room_id: str, event_id: str, text: str) -> None:
        """Queue an edit of our own message; the row shows the new text at once."""
        item = await self._item(room_id, event_id)
        if not item.is_own or item.event_id is None or item.kind is not ItemKind.TEXT:
            raise ActionFailed(ActionError.FORBIDDEN, "not an own sent text")
        replied = await self.original(room_id, item.reply_to) if item.reply_to else None
        also = (replied.sender,) if replied is not None and not replied.is_own else ()
        content = actions.edit_content(text, item.event_id, item, also)
        txn = uuid.uuid4().hex  # shown first: a refusal finds it to take back
        await self._local(room_id, item.event_id, relations.REPLACE, content, txn)
        await self._outbox.queue_event(room_id, "m.room.message", content, txn)

    async def react(self, room_id: str, event_id: str, key: str) -> None:
        """Queue a reaction (once: a second one with the same key does nothing)."""
        item = await self._item(room_id, event_id)
        if item.event_id is None or actions.own_reaction(item, key, self._ctx.user_id):
            return
        content = actions.reaction_content(item.event_id, key)
        txn = uuid.uuid4().hex
        await self._local(room_id, item.event_id, relations.ANNOTATION, content, txn)
        await self._outbox.queue_event(room_id, "m.reaction", content, txn)

    async def unreact(self, room_id: str, event_id: str, key: str) -> bool:
        """Delete our reaction `key` (False if there is none). One not sent yet is cancelled
        in the outbox; one on its way is deleted once sent (app/services/pending_relations)."""
        item = await self._item(room_id, event_id)
        reaction_id = actions.own_reaction(item, key, self._ctx.user_id)
        if reaction_id is None:
            return False
        if reaction_id.startswith("~") and await self._outbox.cancel(reaction_id[1:]):
            await self._drop_local(room_id, reaction_id)  # it never left: its chip goes
            return True
        txn = uuid.uuid4().hex
        await self._local(room_id, reaction_id, relations.REDACTION, {}, txn)
        await self._outbox.queue_redaction(room_id, reaction_id, txn_id=txn)
        return True

    async def delete(self, room_id: str, event_id: str, reason: str = "") -> None:
        """Queue the deletion of a message (ours, or any with the power to); shown at once."""
        item = await self._item(room_id, event_id)
        if item.event_id is None:
            raise ActionFailed(ActionError.FORBIDDEN, "not sent")
        if not await self.can_redact(room_id, item.sender):
            raise ActionFailed(ActionError.FORBIDDEN, "redact level")
        txn = uuid.uuid4().hex
        await self._local(
            room_id, item.event_id, relations.REDACTION, {"reason": reason} if reason else {}, txn
        )
        await self._outbox.queue_redaction(room_id, item.event_id, reason or None, txn)

    # -- helpers ----------------------------------------------------------------------------

    async def _local(
        self, room_id: str, target: str, rel_type: str, content: dict, txn_id: str
    ) -> None:
        now = int(time.time() * 1000)
        changed = await self._ctx.cache.call(
            relations.add_local, room_id, target, rel_type, self._ctx.user_id, content, now,
            f"~{txn_id}",
        )
        if changed is not None:
            self._ctx.publish(EventChanged(room_id, *changed))

    async def _fetch(self, room_id: str, event_id: str) -> dict:
        raw = await self._ctx.api.request(
            "GET", path("/_matrix/client/v3/rooms/{}/event/{}", room_id, event_id)
        )
        if not isinstance(raw, dict):
            raise ApiError(ApiErrorKind.BAD_RESPONSE)
        return raw

    async def _server_edits(self, room_id: str, event_id: str) -> list[dict]:
        api_path = path("/_matrix/client/v1/rooms/{}/relations/{}/m.replace", room_id, event_id)
        try:
            answer = await self._ctx.api.request("GET", api_path + "?limit=50")
        except ApiError as exc:
            log.warning("edit history not fetched: %s", exc.kind.name)
            return []
        chunk = answer.get("chunk") if isinstance(answer, dict) else None
        return [ev for ev in chunk or [] if isinstance(ev, dict)]

    async def _decrypted(self, room_id: str, raw: dict) -> tuple[dict, bool]:
        """(what to show: the decrypted source, else `raw` itself; was it encrypted)."""
        if raw.get("type") != "m.room.encrypted":
            return raw, False
        source = await asyncio.to_thread(crypto.decrypt_raw, self._client, room_id, raw)
        return (source if isinstance(source, dict) else raw), True


def _html(content: dict) -> str | None:
    from app.core.formatting import html_of

    return html_of(content)
