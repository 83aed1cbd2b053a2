"""Turning Matrix events into timeline rows: pure functions, no I/O.

Messages, membership and room changes become rows (what changed is data from
`app/core/state_events.py`, worded by the UI). Every other event shows something too: an
unknown or malformed one is an UNKNOWN row carrying its source, never an exception, an
empty bubble or nothing; only what no one needs to read is left out (SILENT_STATE,
HIDDEN_PREFIXES, and the relations the cache applies to their targets).
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable

from app.core.bounded import html_text
from app.core.formatting import clean_body, html_of, strip_bidi
from app.core.state_events import SILENT_STATE, membership_detail, room_state_detail
from app.core.types import ItemKind, SendState, TimelineItem

MEDIA_MSGTYPES = {"m.image", "m.file", "m.audio", "m.video"}
TEXT_MSGTYPES = {"m.text", "m.notice", "m.emote"}
# Events that only make sense attached to something else, or to a call or a verification
# in progress: no row, as in other clients.
HIDDEN_PREFIXES = ("m.key.verification.", "m.call.", "org.matrix.call.", "m.poll.response",
                   "org.matrix.msc3381.poll.response", "m.room.redaction", "m.reaction")  # fmt: skip
MAX_SOURCE = 65_536  # an unknown event's JSON kept for "view source"

NameOf = Callable[[str], str]
log = logging.getLogger("tchap.sync")


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
    if not isinstance(event_id, str):
        return None  # nothing to key it by (the cache logs and skips it)
    sender = ev.get("sender") if isinstance(ev.get("sender"), str) else ""
    etype = ev.get("type")
    ts = ev.get("origin_server_ts")
    ts = ts if isinstance(ts, int) and not isinstance(ts, bool) and ts >= 0 else 0
    txn_id = _dict(ev.get("unsigned")).get("transaction_id")
    base = {
        "key": event_id,
        "room_id": room_id,
        "sender": sender,
        "sender_name": strip_bidi(name_of(sender) if sender else ""),
        "ts": ts,
        "event_id": event_id,
        "txn_id": txn_id if isinstance(txn_id, str) else None,
        "send_state": SendState.SENT,
        "encrypted": encrypted,
        "is_own": bool(sender) and sender == own_user_id,
    }
    if undecryptable:
        return TimelineItem(kind=ItemKind.UNDECRYPTABLE, **base)
    content = ev.get("content")
    if not isinstance(content, dict) or not isinstance(etype, str) or not sender:
        return _unsupported(ev, base, "no usable content, type or sender")
    if "state_key" in ev:
        return _state_item(ev, etype, name_of, base)
    if etype == "m.room.encrypted":
        return TimelineItem(kind=ItemKind.UNDECRYPTABLE, **base)
    if etype not in ("m.room.message", "m.sticker"):
        if etype.startswith(HIDDEN_PREFIXES) and etype not in ("m.call.invite",):
            if etype in ("m.room.redaction", "m.reaction"):
                return _unsupported(ev, base, "a relation without a valid target")
            return None
        return _unsupported(ev, base, "an event type this client does not show")
    if not content:  # a redacted message keeps its id but loses its content
        return TimelineItem(kind=ItemKind.REDACTED, **base)
    relates = content.get("m.relates_to")
    if relates is not None and not isinstance(relates, dict):
        return _unsupported(ev, base, "m.relates_to is not an object")
    if isinstance(relates, dict) and relates.get("rel_type") == "m.replace":
        # A valid edit is applied to its target by the cache and is no row of its own.
        return _unsupported(ev, base, "an edit without a target or a new content")
    return _message_item(ev, etype, content, base)


def _dict(value: object) -> dict:
    return value if isinstance(value, dict) else {}


def _unsupported(ev: dict, base: dict, why: str) -> TimelineItem:
    """The discreet row of an event that cannot be shown: its type and source are kept."""
    log.info("event %s shown as unsupported: %s", base["event_id"], why)
    try:
        source = json.dumps(ev, ensure_ascii=False, indent=2, default=str)[:MAX_SOURCE]
    except (TypeError, ValueError):
        source = ""
    etype = ev.get("type") if isinstance(ev.get("type"), str) else ""
    return TimelineItem(
        kind=ItemKind.UNKNOWN, msgtype=strip_bidi(etype[:200]), source=source, **base
    )


def _state_item(ev: dict, etype: str, name_of: NameOf, base: dict) -> TimelineItem | None:
    if not isinstance(ev.get("state_key"), str):
        return _unsupported(ev, base, "a state event without a string state_key")
    if etype == "m.room.member":
        detail = membership_detail(ev, name_of)
        kind = ItemKind.MEMBERSHIP
    elif etype in SILENT_STATE:
        return None
    else:
        detail = room_state_detail(ev, name_of)
        kind = ItemKind.ROOM_STATE
        if detail is None and etype != "m.room.power_levels":
            return _unsupported(ev, base, "a room state this client does not show")
    if detail is None:
        return None  # a state event that changed nothing a person would read
    return TimelineItem(kind=kind, state_detail=detail, **base)


def _message_item(ev: dict, etype: str, content: dict, base: dict) -> TimelineItem:
    msgtype = content.get("msgtype") if etype == "m.room.message" else "m.image"
    body = content.get("body")
    if not isinstance(msgtype, str) or not msgtype:
        return _unsupported(ev, base, "a message without a msgtype")
    if not isinstance(body, str):
        return _unsupported(ev, base, "a message whose body is not a string")
    is_reply = isinstance(_dict(content.get("m.relates_to")).get("m.in_reply_to"), dict)
    body = clean_body(body, reply=is_reply)
    if msgtype in MEDIA_MSGTYPES:
        return TimelineItem(kind=ItemKind.MEDIA, body=body, msgtype=msgtype,
                            media=media_info(content), **base)  # fmt: skip
    if msgtype not in TEXT_MSGTYPES:
        # Unknown msgtypes must still show their body (spec: fall back to body).
        if not body.strip():
            return _unsupported(ev, base, "an unknown msgtype without a body")
        return TimelineItem(kind=ItemKind.TEXT, body=body, msgtype=msgtype[:200], **base)
    html = html_of(content)
    if html is not None and not html_text(html).strip():
        html = None  # nothing left to read once sanitised: the plain body speaks
    if not body.strip() and html is None:
        return _unsupported(ev, base, "an empty message")  # never an empty bubble
    return TimelineItem(kind=ItemKind.TEXT, body=body, html=html, msgtype=msgtype, **base)


def media_info(content: dict) -> dict:
    """What a file card shows of an m.image/m.file/... content: name, size, type, dimensions.

    Only well-typed values are kept (the content comes from anyone); never the URL or keys.
    """
    info = content.get("info") if isinstance(content.get("info"), dict) else {}
    name = content.get("filename") if isinstance(content.get("filename"), str) else None
    body = content.get("body") if isinstance(content.get("body"), str) else ""
    media: dict = {"name": strip_bidi(name or body)}
    if isinstance(info.get("mimetype"), str):
        media["mimetype"] = info["mimetype"][:200]
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
