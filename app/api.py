"""The typed interface the UI uses: `SessionApi` and the per-room `RoomApi`.

The UI is written against these protocols, never against `Session` itself or `Any`: the
real session and the UI tests' fake both satisfy them, and a test checks that each has
every member with the same signature, so the two cannot drift apart.
All methods are coroutines unless marked otherwise. Errors are `app.core.errors` types.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Protocol, runtime_checkable

from app.core.events import CoreEvent, SessionState
from app.core.types import RoomSummary, TimelineItem


@runtime_checkable
class RoomApi(Protocol):
    """One room of the session (libQuotient's `Room`): its timeline, sending and actions."""

    @property
    def room_id(self) -> str: ...

    async def timeline(self, limit: int = 50) -> list[TimelineItem]:
        """The newest `limit` cached rows, chronological, local echoes last."""

    async def timeline_around(
        self, key: str, limit: int = 30, *, newer: bool
    ) -> list[TimelineItem]:
        """Cached rows just before (or after) the row `key`."""

    async def load_older(self, limit: int = 30) -> int:
        """Fetch older history from the server; publishes MessagesPrepended."""

    async def send_text(self, text: str) -> str:
        """Queue a message (Markdown → HTML); returns its local echo's key."""

    async def send_file(self, path: str | Path) -> str:
        """Queue a file (encrypted in an encrypted room); returns its local echo's key."""

    async def cancel_send(self, key: str) -> bool:
        """Stop sending a message or file; False if it already went out."""

    async def retry_send(self, key: str) -> None:
        """Send a failed message again."""

    async def discard_send(self, key: str) -> None:
        """Drop a failed message; publishes MessageRemoved."""

    async def mark_read(self) -> None:
        """Clear the unread badge; the read marker goes out in the background."""

    async def fully_read(self) -> str | None:
        """The event the user has read up to (m.fully_read), if known, from the cache."""

    async def accept_invite(self) -> None:
        """Join the room we were invited to."""

    async def decline_invite(self) -> None:
        """Refuse the invitation; the room leaves the list."""

    async def leave(self) -> None:
        """Leave the room; it leaves the list."""


@runtime_checkable
class SessionApi(Protocol):
    """One signed-in account: what the UI may ask of the core."""

    state: SessionState
    display_name: str

    @property
    def user_id(self) -> str: ...

    @property
    def homeserver(self) -> str: ...

    @property
    def secrets_in_plaintext(self) -> bool: ...

    def subscribe(self, callback: Callable[[CoreEvent], None]) -> Callable[[], None]:
        """Call `callback` with every CoreEvent (not async); returns an unsubscribe function."""

    def prepare_network(self) -> None:
        """Start loading the network stack in the background (not async)."""

    def allow_plaintext_secrets(self) -> bool:
        """Opt in to a plaintext secrets file (not async); False if IT forbids it."""

    async def login(self, homeserver: str, identifier: str, password: str) -> None:
        """Sign in with a password; raises LoginFailed."""

    async def restore(self) -> bool:
        """Reopen the stored account from the cache, with no network."""

    def start(self) -> None:
        """Start syncing and sending in the background (not async)."""

    async def retry_start(self) -> None:
        """After START_FAILED or CACHE_UNAVAILABLE: close what was open and start again."""

    async def logout(self) -> None:
        """Sign out: the local account is wiped whatever the server or the network says."""

    async def close(self) -> None:
        """Stop everything and close the cache (application quit)."""

    async def room_summaries(self, limit: int | None = None) -> list[RoomSummary]:
        """The room list from the cache: invitations, then most recent first."""

    def room(self, room_id: str) -> RoomApi:
        """The handle of one room (not async; cheap, may be called for every action)."""

    async def create_direct_chat(self, user_id: str) -> str:
        """Open (or reopen) the encrypted direct chat with `user_id`; returns its room id."""

    async def create_private_room(self, name: str, topic: str = "") -> str:
        """Create an encrypted, invite-only salon; returns its room id."""

    async def avatar(self, uri: str, size: int = 96) -> str | None:
        """A local file with the thumbnail of an mxc:// avatar, or None."""
