"""Who is in a room and where they are: members, read receipts (plain data for the UI)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Member:
    """A room member as the UI names them (completion, typing line)."""

    user_id: str
    name: str  # display name in the room, or the user id's localpart
    avatar_url: str | None = None


@dataclass(frozen=True)
class ReadReceipt:
    """How far one member has read: shown under the row `event_id` of the timeline."""

    user_id: str
    name: str
    avatar_url: str | None
    event_id: str  # the timeline row it sits under (the receipt's own event when it is a row)
    ts: int  # when they read it (ms since the epoch; 0 if the server did not say)
