"""Diff events the core publishes: each says what changed, never the whole state.

The UI's bridge maps each one onto a model method (beginInsertRows, dataChanged, ...).
Every event is a small frozen dataclass; names are past tense.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum, auto

from app.core.members import Member, ReadReceipt
from app.core.types import RoomSummary, TimelineItem


class SessionState(Enum):
    """Where the session stands, for the UI's status line and screen switching."""

    SIGNED_OUT = auto()
    STARTING = auto()  # restored from the cache, first sync not yet back
    SYNCING = auto()  # up to date with the server
    RECONNECTING = auto()  # network lost; retrying with back-off
    TOKEN_INVALID = auto()  # M_UNKNOWN_TOKEN: back to the sign-in screen
    ACCOUNT_EXPIRED = auto()  # ORG_MATRIX_EXPIRED_ACCOUNT
    SOFT_LOGGED_OUT = auto()  # M_UNKNOWN_TOKEN with soft_logout: sign in again, data kept
    START_FAILED = auto()  # the crypto store or the keyring could not be opened: `reason`
    CACHE_UNAVAILABLE = auto()  # the cache cannot be read or written (disk full, corrupt)
    SIGNING_OUT = auto()  # sign-out in progress (the local data is being wiped)


class StartProblem(Enum):
    """Why the session could not start (SessionStateChanged.reason)."""

    CRYPTO_STORE = auto()  # the Olm/Megolm store could not be opened
    CACHE = auto()  # the cache could not be opened or written (disk full, permissions)
    KEYRING = auto()  # the OS keyring did not answer
    NETWORK_STACK = auto()  # nio/aiohttp could not be loaded (a broken installation)


@dataclass(frozen=True)
class CoreEvent:
    """Base of every event the core publishes."""


@dataclass(frozen=True)
class SessionStateChanged(CoreEvent):
    state: SessionState
    retry_in_s: float | None = None  # when RECONNECTING: seconds before the next try
    reason: StartProblem | None = None  # when START_FAILED or CACHE_UNAVAILABLE


@dataclass(frozen=True)
class ProfileChanged(CoreEvent):
    """The signed-in user's own display name became known or changed."""

    user_id: str
    display_name: str


@dataclass(frozen=True)
class RoomsChanged(CoreEvent):
    """Rooms whose summary is new or changed (name, preview, unread, membership...)."""

    rooms: tuple[RoomSummary, ...]


@dataclass(frozen=True)
class RoomsRemoved(CoreEvent):
    """Rooms the user left, forgot or declined: they leave the room list."""

    room_ids: tuple[str, ...]


@dataclass(frozen=True)
class MessagesAppended(CoreEvent):
    room_id: str
    items: tuple[TimelineItem, ...]


@dataclass(frozen=True)
class MessagesPrepended(CoreEvent):
    """Older history loaded by back-pagination; items are in chronological order."""

    room_id: str
    items: tuple[TimelineItem, ...]
    reached_start: bool = False  # the room's creation is now in the timeline


@dataclass(frozen=True)
class EventChanged(CoreEvent):
    """One timeline item changed in place: decrypted late, local echo sent or failed."""

    room_id: str
    key: str  # the item's stable key (TimelineItem.key)
    item: TimelineItem


@dataclass(frozen=True)
class MessageRemoved(CoreEvent):
    """A row left the timeline: a local echo the user cancelled or discarded, or a row that
    waited for its key and, decrypted, is an edit or a reaction (its target changed)."""

    room_id: str
    key: str


@dataclass(frozen=True)
class TimelineReset(CoreEvent):
    """The server reported a gap (limited sync): reload the room's window from the cache."""

    room_id: str


@dataclass(frozen=True)
class UploadProgress(CoreEvent):
    """A file of the outbox is being uploaded: `sent` of `total` bytes (a few times a second)."""

    room_id: str
    key: str  # the local echo's key ("~" + transaction id)
    sent: int
    total: int


@dataclass(frozen=True)
class OperationRefused(CoreEvent):
    """The server refused something of the outbox that has no row of its own (a reaction,
    an edit, a deletion, a tag): it was given up, and the user should be told."""

    room_id: str
    txn_id: str
    op: str  # app.store.outbox_store: EVENT, REDACTION or REQUEST
    event_type: str  # for EVENT: m.reaction, m.room.message (an edit)...
    reason: str  # the server's status and errcode, for the log and a detail line


@dataclass(frozen=True)
class ReceiptsChanged(CoreEvent):
    """Members read further (m.receipt): each one's new position; ours is never in it."""

    room_id: str
    receipts: tuple[ReadReceipt, ...]


@dataclass(frozen=True)
class TypingChanged(CoreEvent):
    """Who is typing in a room now (m.typing), ourselves left out; empty when no one is."""

    room_id: str
    users: tuple[Member, ...]
