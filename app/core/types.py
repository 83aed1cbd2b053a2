"""Plain data the core hands to the UI: rows of the room list and of a timeline.

The UI never sees nio objects or raw JSON; it gets these, already decided: the display
name is computed, the HTML is sanitised, the decryption and send states are set.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum


class Membership(str, Enum):
    JOIN = "join"
    INVITE = "invite"
    LEAVE = "leave"


class SendState(str, Enum):
    SENT = "sent"  # on the server (remote echo or a server event)
    SENDING = "sending"  # local echo, queued in the outbox
    FAILED = "failed"  # the server refused it for good; the user may retry or discard


class FileError(str, Enum):
    """Why a file the user sent was not sent (kept in TimelineItem.media["error"])."""

    TOO_LARGE = "too_large"  # over the server's m.upload.size, or refused with 413
    MISSING = "file_missing"  # the original is gone and no encrypted copy is left
    UNREADABLE = "file_unreadable"  # the original cannot be read (permissions, I/O error)


class ItemKind(str, Enum):
    TEXT = "text"  # m.text, m.notice, m.emote
    MEDIA = "media"  # m.image, m.file, m.audio, m.video: a file card (TimelineItem.media)
    UNDECRYPTABLE = "undecryptable"  # m.room.encrypted whose key has not arrived (yet)
    MEMBERSHIP = "membership"  # joins, leaves, invites
    ROOM_STATE = "room_state"  # name, topic, encryption switched on, creation...
    REDACTED = "redacted"
    UNKNOWN = "unknown"  # unsupported or malformed: a discreet row with its source


@dataclass(frozen=True)
class RoomSummary:
    """One row of the room list."""

    room_id: str
    name: str  # computed display name (name, alias, heroes, or empty)
    is_direct: bool
    is_encrypted: bool
    membership: Membership
    avatar_url: str | None = None  # mxc:// URI, if any
    topic: str = ""
    last_sender: str = ""  # display name of the last message's sender
    last_body: str = ""  # plain-text preview of the last message
    last_ts: int = 0  # ms since the epoch; sort key of the room list
    unread_count: int = 0
    highlight_count: int = 0
    inviter: str = ""  # for invitations: who invited (display name)
    member_count: int = 0
    name_is_fallback: bool = False  # True when no name/alias: the UI may say "Empty room"
    last_undecryptable: bool = False  # the last message could not be decrypted (yet)
    # Without a name: the spec's heroes (display names) and how many others; the UI words
    # "Alice and Bob", "Alice, Bob and 3 others", "Empty room" (is_empty: nobody but us).
    hero_names: tuple[str, ...] = ()
    other_members: int = 0
    is_empty: bool = False
    member_names: tuple[str, ...] = ()  # some members' names, for the filter (bounded)
    is_favourite: bool = False  # m.favourite tag (room account data)
    favourite_order: float | None = None  # the tag's "order" (0 to 1, lowest first), if any
    is_low_priority: bool = False  # m.lowpriority tag (never with is_favourite)
    is_muted: bool = False  # a push rule of the account silences it
    is_public: bool = False  # join rule public: a forum, in Tchap's words
    marked_unread: bool = False  # m.marked_unread: a dot until the room is opened
    direct_user_id: str = ""  # a direct chat's other person (m.direct, or who invited us)
    # Tchap's kind (an app.rooms.kinds.RoomKind value) from the state; "" in summaries cached
    # before it was kept: kinds.summary_kind then guesses it from the flags above.
    kind: str = ""


@dataclass(frozen=True)
class TimelineItem:
    """One row of a timeline: a message, a state change, or a local echo."""

    key: str  # event_id once known, else "~" + transaction id (local echo)
    room_id: str
    sender: str  # Matrix user id
    sender_name: str  # display name at the time of the event
    ts: int  # origin_server_ts in ms (local time for an echo)
    kind: ItemKind
    body: str = ""  # plain text (always set for TEXT and MEDIA)
    html: str | None = None  # sanitised HTML (allow-list), or None for plain text
    msgtype: str = ""  # m.text, m.notice, m.emote, m.image...
    event_id: str | None = None
    txn_id: str | None = None
    send_state: SendState = SendState.SENT
    encrypted: bool = False  # it travelled as m.room.encrypted
    state_detail: dict = field(default_factory=dict, compare=False)  # data for state rows
    is_own: bool = False
    # MEDIA rows: what the file card shows, {name, size, mimetype, w, h} (each optional); an
    # unsent file also says why it failed: {"error": FileError value or the server's refusal}.
    media: dict = field(default_factory=dict, compare=False)
    edited: bool = False  # its author changed it (the newest edit is shown)
    reply_to: str | None = None  # the event id this message answers
    # Reactions under it, by key (an emoji): [[sender, sender's name, reaction event id], ...]
    # oldest first; an id starting with "~" is our own, not sent yet.
    reactions: dict = field(default_factory=dict)
    # A deleted message: {"by": user id, "by_name": name, "reason": text} of the deletion.
    redaction: dict = field(default_factory=dict)
    source: str = field(default="", compare=False)  # UNKNOWN rows: the event's JSON (view source)
