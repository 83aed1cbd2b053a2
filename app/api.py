"""The typed interface the UI uses: `SessionApi` and the per-room `RoomApi`.

The UI is written against these protocols, never against `Session` itself or `Any`: the
real session and the UI tests' fake both satisfy them, and a test checks that each has
every member with the same signature, so the two cannot drift apart.
All methods are coroutines unless marked otherwise. Errors are `app.core.errors` types.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Protocol, runtime_checkable

from app.core.events import CoreEvent, SessionState
from app.core.members import Member, ReadReceipt
from app.core.message_actions import EditVersion, EventSource
from app.core.types import RoomSummary, TimelineItem

if TYPE_CHECKING:
    from app.accounts.devices import Device
    from app.accounts.discovery import ServerChoice
    from app.accounts.externals import ExternalRules
    from app.accounts.profile import AccountProfile
    from app.api_accounts import PasswordResetApi, RegistrationApi
    from app.directory import PublicRoomsPage, UserSearch
    from app.rooms.invitations import InviteResult
    from app.rooms.invite_list import Entry
    from app.rooms.kinds import RoomKind
    from app.rooms.member_rows import RoomMember
    from app.rooms.outcome import Outcome
    from app.rooms.power_levels import Action, PowerLevels
    from app.rooms.settings import RoomSettings


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

    async def mark_read(self, event_id: str | None = None) -> None:
        """We read up to `event_id` (None: the newest): the badge clears when that is the
        newest event; our receipt and read marker go out behind, never backwards."""

    async def read_receipts(self) -> list[ReadReceipt]:
        """Where each member (but us) has read to, placed on timeline rows (from the cache)."""

    async def members(self) -> list[Member]:
        """The joined members but us, by name (for @-mention completion)."""

    async def set_typing(self, typing: bool) -> None:
        """Tell the room we are typing (throttled: at most every few seconds) or stopped."""

    async def draft(self) -> str:
        """The draft kept for this room across switches and restarts ("" if none)."""

    async def save_draft(self, text: str) -> None:
        """Keep `text` (Markdown, mentions as matrix.to links) as the draft; "" removes it."""

    async def fully_read(self) -> str | None:
        """The event the user has read up to (m.fully_read), if known, from the cache."""

    async def accept_invite(self) -> None:
        """Join the room we were invited to."""

    async def decline_invite(self) -> None:
        """Refuse the invitation; the room leaves the list."""

    async def leave(self) -> None:
        """Leave the room; it leaves the list."""

    async def reply(self, text: str, event_id: str) -> str:
        """Queue an answer to the message `event_id`; returns its local echo's key."""

    async def edit(self, event_id: str, text: str) -> None:
        """Queue an edit of our own message; its row shows the new text at once."""

    async def react(self, event_id: str, key: str) -> None:
        """Queue a reaction (an emoji) to a message; its chip shows at once."""

    async def unreact(self, event_id: str, key: str) -> bool:
        """Take our reaction back (one not sent yet too); False if there is none."""

    async def delete_message(self, event_id: str, reason: str = "") -> None:
        """Queue a deletion (ours, or any with the power to); "message deleted" at once."""

    async def can_delete(self, sender: str) -> bool:
        """May we delete a message of `sender` (ours always, others' with power)?"""

    async def original(self, event_id: str) -> TimelineItem | None:
        """The message a reply quotes: from the cache, else from the server; None if unknown."""

    async def versions(self, event_id: str) -> list[EditVersion]:
        """The versions of an edited message, oldest first (the original, then each edit)."""

    async def source(self, event_id: str) -> EventSource:
        """The event as the server holds it, and decrypted if it was encrypted."""

    async def set_favourite(self, favourite: bool) -> None:
        """Tag the room m.favourite (or untag it); it leaves low priority."""

    async def set_low_priority(self, low: bool) -> None:
        """Tag the room m.lowpriority (or untag it); it leaves the favourites."""

    async def set_marked_unread(self, unread: bool) -> None:
        """Mark the room unread (m.marked_unread: a dot until it is opened), or clear it."""

    # -- invitations (app/rooms/invitations.py) ----------------------------------------------

    async def invite(self, user_id: str) -> None:
        """Invite one Matrix ID; raises RoomRuleRefused (a Tchap rule) or ActionFailed."""

    async def invite_many(
        self, entries: list[Entry], on_result: Callable[[int, InviteResult], None] | None = None
    ) -> list[InviteResult]:
        """Invite Matrix IDs and email addresses (looked up on the identity server; without
        an account, a pending invitation by email where the room allows it), a few at a time;
        `on_result(index, result)` as each ends; cancelling the task stops the rest."""
    # -- the settings' general page (app/rooms/settings.py); rules refused as RoomRuleRefused

    async def settings(self) -> RoomSettings:
        """Name, topic, picture, kind, history, encryption and what our power level allows."""

    async def published(self) -> bool | None:
        """Is the room listed in the directory of public salons? None if the server is away."""

    async def set_name(self, name: str) -> Outcome:
        """Rename the salon (through the outbox; QUEUED while the server has not answered)."""

    async def set_topic(self, topic: str) -> Outcome:
        """Change the salon's topic."""

    async def set_avatar(self, path: str | Path | None) -> Outcome:
        """A new picture (uploaded first), or none."""

    async def set_kind(self, kind: RoomKind) -> Outcome:
        """Change the kind (only private → open to externals, for good)."""

    async def set_history(self, visibility: str) -> Outcome:
        """Who may read the history: "shared", "invited" or "joined"."""

    async def enable_encryption(self) -> Outcome:
        """Turn encryption on (never off; never in a forum)."""

    async def set_published(self, publish: bool) -> Outcome:
        """List a forum in the directory of public salons, or take it out."""
    # -- members and rights (h12: app/rooms/members.py) ------------------------------------

    async def member_list(self) -> list[RoomMember]:
        """Joined, invited, banned and email-invited members, with level, role, external."""

    async def power_levels(self) -> PowerLevels:
        """The room's rights (m.room.power_levels with the spec's defaults)."""

    async def set_member_level(self, user_id: str, level: int) -> Outcome:
        """Give a member a level; raises PowerChangeRefused / RoomRuleRefused / ActionFailed."""

    async def set_action_level(self, action: Action, level: int) -> Outcome:
        """Set the level an action needs; raises PowerChangeRefused / ActionFailed."""

    async def kick(self, user_id: str, reason: str = "") -> Outcome:
        """Remove a member (with a reason); raises PowerChangeRefused / ActionFailed."""

    async def ban(self, user_id: str, reason: str = "") -> Outcome:
        """Ban a member (with a reason); raises PowerChangeRefused / ActionFailed."""

    async def unban(self, user_id: str) -> Outcome:
        """Lift a ban; raises PowerChangeRefused / ActionFailed."""

    async def export_members(self, target: str | Path) -> int:
        """Write the joined members to a .txt file; the count. Raises OSError."""


@runtime_checkable
class SessionApi(Protocol):
    """One signed-in account: what the UI may ask of the core."""

    state: SessionState
    display_name: str
    access: AccessApi  # the account from outside a running session (server, new, reset, renew)
    directory: DirectoryApi  # the agents' directory and the public salons

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

    async def sign_in_again(self, password: str) -> None:
        """After a soft logout: the same device signs in again, cache and keys kept."""

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

    async def create_salon(
        self, name: str, topic: str, kind: RoomKind, avatar: str | Path | None = None
    ) -> str:
        """Create a salon of a kind in CREATABLE (picture uploaded first); its room id once
        the sync has it. RoomRuleRefused for an external account."""

    async def avatar(self, uri: str, size: int = 96) -> str | None:
        """A local file with the thumbnail of an mxc:// avatar, or None."""

    @property
    def externals(self) -> ExternalRules:
        """Which users are external (guests), and what that forbids this account."""

    def account(self) -> AccountApi:
        """The signed-in account itself, for Settings (not async: nothing is asked yet)."""


@runtime_checkable
class AccessApi(Protocol):
    """Reaching an account outside a running session (`app.accounts.access`)."""

    async def find_server(self, identifier: str) -> ServerChoice:
        """The homeserver of an email or a Matrix ID (cancellable, bounded); raises LoginFailed."""

    def registration(self, homeserver: str) -> RegistrationApi:
        """An account to create by email on `homeserver` (not async: nothing is asked yet)."""

    def password_reset(self, homeserver: str) -> PasswordResetApi:
        """A forgotten password to reset by email on `homeserver` (not async)."""

    async def send_renewal_mail(self) -> None:
        """Expired account: ask the server to mail the renewal link; raises ActionFailed."""

    async def check_renewed(self) -> bool:
        """Expired account: True once renewed (syncing starts again), False while expired."""


@runtime_checkable
class DirectoryApi(Protocol):
    """The agents' directory and the public salons (`app.directory`); errors are ActionFailed."""

    async def search_users(self, term: str, limit: int = 20) -> UserSearch:
        """People matching a name or an email (cancel the task when the query changes)."""

    async def public_rooms(
        self, search: str = "", since: str | None = None, limit: int = 30
    ) -> PublicRoomsPage:
        """A page of public salons matching `search`, after the page token `since`."""

    async def join(self, room_id_or_alias: str) -> str:
        """Join a public salon; its room id once the room list has it."""


@runtime_checkable
class AccountApi(Protocol):
    """The signed-in account (`app.accounts.account`): profile, "liste rouge", password,
    sessions. Failures are `app.accounts.interactive_auth.AccountActionFailed`, but
    `change_password`'s, which are `app.accounts.email_check.EmailCheckFailed`."""

    async def profile(self) -> AccountProfile:
        """Name, avatar and email addresses from the server; whether the name may change."""

    async def set_display_name(self, name: str) -> None:
        """A new display name (not on a Tchap server), through the outbox."""

    async def set_avatar(self, path: str | Path | None) -> str:
        """Upload an image and make it the avatar (None removes it); its mxc:// URI or ""."""

    async def hidden_from_directory(self) -> bool:
        """Is the profile hidden from the directory ("liste rouge")?"""

    async def set_hidden_from_directory(self, hidden: bool) -> None:
        """Hide the profile from the directory or show it again, through the outbox."""

    async def devices(self) -> list[Device]:
        """Every session of the account, this one first."""

    async def rename_device(self, device_id: str, name: str) -> None:
        """Give a session a new name."""

    async def sign_out_devices(self, device_ids: list[str], password: str) -> None:
        """Sign other sessions out, confirmed with the password."""

    async def change_password(self, old: str, new: str, logout_devices: bool) -> None:
        """Change the password, proven with the current one."""

    async def deactivate(self, password: str) -> None:
        """Close the account for good (the session then signs out)."""
