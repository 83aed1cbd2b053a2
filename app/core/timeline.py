"""Turning Matrix events into timeline rows: pure functions, no I/O.

Only what a person reads becomes a row: messages, membership changes and a few room
changes. Everything else (power levels, receipts, reactions...) is state or ignored here.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from app.core.formatting import html_of
from app.core.types import ItemKind, SendState, TimelineItem

MEDIA_MSGTYPES = {"m.image", "m.file", "m.audio", "m.video"}
TEXT_MSGTYPES = {"m.text", "m.notice", "m.emote"}
SHOWN_STATE = {"m.room.create", "m.room.name", "m.room.topic", "m.room.encryption"}

NameOf = Callable[[str], str]
log = logging.getLogger("tchap.sync")


def _membership_detail(ev: dict, name_of: NameOf) -> dict | None:
    content = ev.get("content") or {}
    prev = (ev.get("unsigned") or {}).get("prev_content") or {}
    new, old = content.get("membership"), prev.get("membership")
    target_id = ev.get("state_key") or ""
    target = content.get("displayname") or name_of(target_id)
    sender = ev.get("sender", "")
    if new == "join" and old == "join":
        if content.get("displayname") != prev.get("displayname"):
            return {"what": "display_name_changed", "target": prev.get("displayname") or target_id,
                    "value": content.get("displayname") or target_id}  # fmt: skip
        if content.get("avatar_url") != prev.get("avatar_url"):
            return {"what": "avatar_changed", "target": target}
        return None
    if new == "join":
        return {"what": "joined", "target": target}
    if new == "invite":
        return {"what": "invited", "target": target, "by": name_of(sender)}
    if new == "leave":
        if old == "invite" and sender == target_id:
            return {"what": "declined", "target": prev.get("displayname") or name_of(target_id)}
        if sender != target_id:
            return {"what": "kicked", "target": prev.get("displayname") or name_of(target_id),
                    "by": name_of(sender)}  # fmt: skip
        return {"what": "left", "target": prev.get("displayname") or name_of(target_id)}
    if new == "ban":
        return {"what": "banned", "target": prev.get("displayname") or name_of(target_id),
                "by": name_of(sender)}  # fmt: skip
    return None


def _state_detail(ev: dict) -> dict | None:
    content = ev.get("content") or {}
    match ev.get("type"):
        case "m.room.create":
            return {"what": "created"}
        case "m.room.name":
            return {"what": "name_changed", "value": str(content.get("name") or "")}
        case "m.room.topic":
            return {"what": "topic_changed", "value": str(content.get("topic") or "")}
        case "m.room.encryption":
            return {"what": "encryption_enabled"}
    return None


def item_from_event(
    ev: dict,
    room_id: str,
    own_user_id: str,
    name_of: NameOf,
    *,
    encrypted: bool = False,
    undecryptable: bool = False,
) -> TimelineItem | None:
    """Build the row for an event, or None when the event is not shown in a timeline.

    `ev` is the event as received, or its decrypted form (nio's decrypted source) when
    it travelled encrypted. Malformed events give None, never an exception.
    """
    event_id = ev.get("event_id")
    sender = ev.get("sender")
    etype = ev.get("type")
    if not isinstance(event_id, str) or not isinstance(sender, str) or not isinstance(etype, str):
        return None
    ts = ev.get("origin_server_ts")
    ts = ts if isinstance(ts, int) else 0
    content = ev.get("content")
    malformed = not isinstance(content, dict)
    if malformed:
        log.warning("event %s has no usable content: shown as unreadable", event_id)
        content = {}
    txn_id = (ev.get("unsigned") or {}).get("transaction_id")
    base = {
        "key": event_id,
        "room_id": room_id,
        "sender": sender,
        "sender_name": name_of(sender),
        "ts": ts,
        "event_id": event_id,
        "txn_id": txn_id if isinstance(txn_id, str) else None,
        "send_state": SendState.SENT,
        "encrypted": encrypted,
        "is_own": sender == own_user_id,
    }
    if undecryptable:
        return TimelineItem(kind=ItemKind.UNDECRYPTABLE, **base)
    if malformed:
        return TimelineItem(kind=ItemKind.UNKNOWN, **base)
    is_state = "state_key" in ev
    if is_state:
        if etype == "m.room.member":
            detail = _membership_detail(ev, name_of)
            kind = ItemKind.MEMBERSHIP
        elif etype in SHOWN_STATE:
            detail = _state_detail(ev)
            kind = ItemKind.ROOM_STATE
        else:
            return None
        if detail is None:
            return None
        return TimelineItem(kind=kind, state_detail=detail, **base)
    if etype == "m.room.encrypted":
        return TimelineItem(kind=ItemKind.UNDECRYPTABLE, **base)
    if etype not in ("m.room.message", "m.sticker"):
        return None
    relates = content.get("m.relates_to")
    if isinstance(relates, dict) and relates.get("rel_type") == "m.replace":
        return None  # an edit: applied to its target by the cache, not a row of its own
    if not content:  # a redacted message keeps its id but loses its content
        return TimelineItem(kind=ItemKind.REDACTED, **base)
    msgtype = content.get("msgtype") if etype == "m.room.message" else "m.image"
    body = content.get("body")
    body = body if isinstance(body, str) else ""
    if msgtype in MEDIA_MSGTYPES:
        media = media_info(content)
        return TimelineItem(kind=ItemKind.MEDIA, body=body, msgtype=msgtype, media=media, **base)
    if msgtype not in TEXT_MSGTYPES:
        # Unknown msgtypes must still show their body (spec: fall back to body).
        return TimelineItem(kind=ItemKind.TEXT, body=body, msgtype=str(msgtype or ""), **base)
    return TimelineItem(
        kind=ItemKind.TEXT, body=body, html=html_of(content), msgtype=msgtype, **base
    )


def media_info(content: dict) -> dict:
    """What a file card shows of an m.image/m.file/... content: name, size, type, dimensions.

    Only well-typed values are kept (the content comes from anyone); never the URL or keys.
    """
    info = content.get("info") if isinstance(content.get("info"), dict) else {}
    name = content.get("filename") if isinstance(content.get("filename"), str) else None
    body = content.get("body") if isinstance(content.get("body"), str) else ""
    media: dict = {"name": name or body}
    if isinstance(info.get("mimetype"), str):
        media["mimetype"] = info["mimetype"]
    for key in ("size", "w", "h"):
        value = info.get(key)
        if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
            media[key] = value
    return media


def edit_of(ev: dict) -> tuple[str, dict] | None:
    """(target event id, new content) when the event is an edit (m.replace), else None."""
    content = ev.get("content")
    if not isinstance(content, dict):
        return None
    relates = content.get("m.relates_to")
    new = content.get("m.new_content")
    if (
        isinstance(relates, dict)
        and relates.get("rel_type") == "m.replace"
        and isinstance(relates.get("event_id"), str)
        and isinstance(new, dict)
    ):
        return relates["event_id"], new
    return None


def is_preview_kind(kind: ItemKind) -> bool:
    """Whether a row of this kind can be the room list's "last message"."""
    return kind in (ItemKind.TEXT, ItemKind.MEDIA, ItemKind.UNDECRYPTABLE)
