"""`Room`: the handle of one room of a session, as libQuotient's `Room` is.

Cheap to make (the session hands one out for every action): it holds the room id, the
cache (through a getter: a handle may outlive a sign-out) for what is read from it, and a way to reach the services for what needs the
network, which come up on first use. Each method is one call to the service that owns
the work.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import TYPE_CHECKING

from app.core.errors import ActionError, ActionFailed
from app.core.events import CoreEvent, MessageRemoved
from app.core.members import Member, ReadReceipt
from app.core.message_actions import EditVersion, EventSource
from app.core.rooms import FAVOURITE, LOW_PRIORITY
from app.core.types import TimelineItem

if TYPE_CHECKING:
    from app.rooms.invitations import InviteResult
    from app.rooms.invite_list import Entry
    from app.rooms.kinds import RoomKind
    from app.rooms.settings import Outcome, RoomSettings
    from app.services.lifecycle import Services
    from app.store.cache import Cache


class Room:
    """One room: its timeline window over the cache, its sending and its actions."""

    def __init__(
        self,
        room_id: str,
        cache: Callable[[], Cache],
        services: Callable[[], Awaitable[Services]],
        publish: Callable[[CoreEvent], None],
    ) -> None:
        self._room_id = room_id
        self._cache = cache
        self._services = services
        self._publish = publish

    @property
    def room_id(self) -> str:
        return self._room_id

    async def timeline(self, limit: int = 50) -> list[TimelineItem]:
        """The newest `limit` cached rows, chronological, local echoes last."""
        return await self._cache().timeline(self._room_id, limit)

    async def timeline_around(
        self, key: str, limit: int = 30, *, newer: bool
    ) -> list[TimelineItem]:
        """Cached rows just before (or after) the row `key`."""
        return await self._cache().timeline_around(self._room_id, key, limit, newer=newer)

    async def load_older(self, limit: int = 30) -> int:
        """Fetch older history from the server; publishes MessagesPrepended."""
        return await (await self._services()).history.load_older(self._room_id, limit)

    async def send_text(self, text: str) -> str:
        """Queue a message (Markdown → HTML); returns its local echo's key."""
        outbox = (await self._services()).outbox  # local only: the outbox works offline
        return (await outbox.queue_text(self._room_id, text)).key

    async def send_file(self, path: str | Path) -> str:
        """Queue a file (encrypted in an encrypted room); returns its local echo's key.

        Raises ActionFailed(UNREADABLE_FILE) if the file cannot be read now; later problems
        (too large, gone) make the echo fail with a reason.
        """
        outbox = (await self._services()).outbox
        try:
            return (await outbox.queue_file(self._room_id, Path(path))).key
        except OSError as exc:
            raise ActionFailed(ActionError.UNREADABLE_FILE, type(exc).__name__) from exc

    async def cancel_send(self, key: str) -> bool:
        """Stop sending a message or file; False if it already went out."""
        cancelled = await (await self._services()).outbox.cancel(key.removeprefix("~"))
        if cancelled:
            self._publish(MessageRemoved(self._room_id, key))
        return cancelled

    async def retry_send(self, key: str) -> None:
        """Send a failed message again."""
        await (await self._services()).outbox.retry(key.removeprefix("~"))

    async def discard_send(self, key: str) -> None:
        """Drop a failed message (and a file's encrypted copy); publishes MessageRemoved."""
        await (await self._services()).outbox.cancel(key.removeprefix("~"))
        self._publish(MessageRemoved(self._room_id, key))

    async def mark_read(self, event_id: str | None = None) -> None:
        """We read up to `event_id` (None: the newest); receipt and marker go out behind."""
        services = await self._services()
        await services.rooms.mark_read(self._room_id, event_id)
        await services.room_tags.clear_marked_unread(self._room_id)  # read: the dot goes

    async def read_receipts(self) -> list[ReadReceipt]:
        """Where each member (but us) has read to, placed on timeline rows."""
        return await (await self._services()).receipts.read_receipts(self._room_id)

    async def members(self) -> list[Member]:
        """The joined members but us, by name (for completion)."""
        return await (await self._services()).receipts.members(self._room_id)

    async def set_typing(self, typing: bool) -> None:
        """Tell the room we are typing (throttled) or stopped."""
        (await self._services()).typing.set_typing(self._room_id, typing)

    async def draft(self) -> str:
        """The draft kept for this room ("" if none)."""
        return await (await self._services()).drafts.draft(self._room_id)

    async def save_draft(self, text: str) -> None:
        """Keep `text` as this room's draft ("" removes it); written to the cache behind."""
        (await self._services()).drafts.save(self._room_id, text)

    async def fully_read(self) -> str | None:
        """The event the user has read up to (m.fully_read), if known, from the cache."""
        from app.store.read_marker import read_marker

        return await self._cache().call(read_marker, self._room_id)

    async def accept_invite(self) -> None:
        """Join the room we were invited to."""
        await (await self._services()).rooms.accept_invite(self._room_id)

    async def decline_invite(self) -> None:
        """Refuse the invitation; the room leaves the list."""
        await (await self._services()).rooms.decline_invite(self._room_id)

    async def leave(self) -> None:
        """Leave the room; it leaves the list."""
        await (await self._services()).rooms.leave_room(self._room_id)

    # -- replies, edits, reactions, deletions (app/services/relations.py) ------------------

    async def reply(self, text: str, event_id: str) -> str:
        """Queue an answer to the message `event_id`; returns its local echo's key."""
        return await (await self._services()).relations.reply(self._room_id, text, event_id)

    async def edit(self, event_id: str, text: str) -> None:
        """Queue an edit of our own message; its row shows the new text at once."""
        await (await self._services()).relations.edit(self._room_id, event_id, text)

    async def react(self, event_id: str, key: str) -> None:
        """Queue a reaction (an emoji) to a message; its chip shows at once."""
        await (await self._services()).relations.react(self._room_id, event_id, key)

    async def unreact(self, event_id: str, key: str) -> bool:
        """Take our reaction back (one not sent yet too); False if there is none."""
        return await (await self._services()).relations.unreact(self._room_id, event_id, key)

    async def delete_message(self, event_id: str, reason: str = "") -> None:
        """Queue a deletion (ours, or any with the power to); "message deleted" at once."""
        await (await self._services()).relations.delete(self._room_id, event_id, reason)

    async def can_delete(self, sender: str) -> bool:
        """May we delete a message of `sender` (ours always, others' with power)?"""
        return await (await self._services()).relations.can_redact(self._room_id, sender)

    async def original(self, event_id: str) -> TimelineItem | None:
        """The message a reply quotes: from the cache, else from the server; None if unknown."""
        return await (await self._services()).relations.original(self._room_id, event_id)

    async def versions(self, event_id: str) -> list[EditVersion]:
        """The versions of an edited message, oldest first (the original, then each edit)."""
        return await (await self._services()).relations.versions(self._room_id, event_id)

    async def source(self, event_id: str) -> EventSource:
        """The event as the server holds it, and decrypted if it was encrypted."""
        return await (await self._services()).relations.source(self._room_id, event_id)

    async def set_favourite(self, favourite: bool) -> None:
        """Tag the room m.favourite (or untag it); it leaves low priority."""
        await (await self._services()).room_tags.set_tag(self._room_id, FAVOURITE, favourite)

    async def set_low_priority(self, low: bool) -> None:
        """Tag the room m.lowpriority (or untag it); it leaves the favourites."""
        await (await self._services()).room_tags.set_tag(self._room_id, LOW_PRIORITY, low)

    async def set_marked_unread(self, unread: bool) -> None:
        """Mark the room unread (m.marked_unread: a dot until it is opened), or clear it."""
        tags = (await self._services()).room_tags
        if unread:
            await tags.set_marked_unread(self._room_id, True)
        else:
            await tags.clear_marked_unread(self._room_id)

    # -- invitations (app/rooms/invitations.py) ----------------------------------------------

    async def invite(self, user_id: str) -> None:
        """Invite one Matrix ID; raises RoomRuleRefused (a Tchap rule) or ActionFailed."""
        await (await self._services()).invitations.invite(self._room_id, user_id)

    async def invite_many(
        self, entries: list[Entry], on_result: Callable[[int, InviteResult], None] | None = None
    ) -> list[InviteResult]:
        """Invite Matrix IDs and email addresses, a few at a time; each result as it comes."""
        return await (await self._services()).invitations.invite_many(
            self._room_id, entries, on_result
        )
    # -- the settings' general page (h11: app/rooms/settings.py) ----------------------------

    async def settings(self) -> RoomSettings:
        """Name, topic, picture, kind, history, encryption and what our power level allows."""
        return await (await self._services()).room_settings.settings(self._room_id)

    async def published(self) -> bool | None:
        """Is the room listed in the directory of public salons? None if the server is away."""
        return await (await self._services()).room_settings.published(self._room_id)

    async def set_name(self, name: str) -> Outcome:
        """Rename the salon (through the outbox)."""
        return await (await self._services()).room_settings.set_name(self._room_id, name)

    async def set_topic(self, topic: str) -> Outcome:
        """Change the salon's topic."""
        return await (await self._services()).room_settings.set_topic(self._room_id, topic)

    async def set_avatar(self, path: str | Path | None) -> Outcome:
        """A new picture (uploaded first), or none."""
        return await (await self._services()).room_settings.set_avatar(self._room_id, path)

    async def set_kind(self, kind: RoomKind) -> Outcome:
        """Change the kind (only private → open to externals, for good)."""
        return await (await self._services()).room_settings.set_kind(self._room_id, kind)

    async def set_history(self, visibility: str) -> Outcome:
        """Who may read the history: "shared", "invited" or "joined"."""
        return await (await self._services()).room_settings.set_history(self._room_id, visibility)

    async def enable_encryption(self) -> Outcome:
        """Turn encryption on (never off; never in a forum)."""
        return await (await self._services()).room_settings.enable_encryption(self._room_id)

    async def set_published(self, publish: bool) -> Outcome:
        """List a forum in the directory of public salons, or take it out."""
        return await (await self._services()).room_settings.set_published(self._room_id, publish)
