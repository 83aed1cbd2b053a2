"""Taking back a reaction of ours that the server may not have yet.

Clicked again while still in the outbox, the reaction is cancelled there and its chip goes.
Once on its way (or sent, its copy not back from the sync), its deletion is queued against
its local id and the outbox asks `resolve_target` for the real one when the deletion's turn
comes: the event id the outbox got when it sent it, the server's copy if the sync brought
it, else the server's list of the message's reactions. Nothing reached the room (refused):
nothing is deleted.
"""

from __future__ import annotations

import logging

from app.net.api import path
from app.services.context import ServiceContext
from app.store import pending_relations

log = logging.getLogger("tchap.net")


async def resolve_target(
    ctx: ServiceContext, room_id: str, redaction_txn: str, local_target: str,
    sent_id: str | None,
) -> str:  # fmt: skip
    """The event id to delete for a deletion queued against `local_target` ("~txn"); ""
    when there is nothing to delete. Raises ApiError if the server cannot be asked."""
    found = await ctx.cache.call(
        pending_relations.redaction_target, f"~{redaction_txn}", local_target, sent_id
    )
    if isinstance(found, tuple):
        found = await _ask_server(ctx, room_id, *found)
    if found:
        await ctx.cache.call(pending_relations.settle, local_target, found)
    else:
        log.info("a reaction taken back had not reached the room: nothing to delete")
        await ctx.cache.call(pending_relations.forget, f"~{redaction_txn}")
    return found


async def _ask_server(ctx: ServiceContext, room_id: str, message_id: str, key: str) -> str:
    """Our reaction `key` under `message_id` as the server lists it ("" if it has none).
    The relation stays in clear in an encrypted room, so the key is readable here."""
    api_path = path("/_matrix/client/v1/rooms/{}/relations/{}/m.annotation", room_id, message_id)
    answer = await ctx.api.request("GET", api_path + "?limit=100&dir=b")
    for ev in (answer.get("chunk") if isinstance(answer, dict) else None) or []:
        content = ev.get("content") if isinstance(ev, dict) else None
        relates = content.get("m.relates_to") if isinstance(content, dict) else None
        if (ev.get("sender") == ctx.user_id and isinstance(relates, dict)
                and relates.get("key") == key and isinstance(ev.get("event_id"), str)):  # fmt: skip
            return ev["event_id"]
    return ""
