"""An in-memory stand-in for `app.session.Session`, to test the UI without the core.

It fakes our own core (same async API, same CoreEvents), not the homeserver: real-server
tests of the whole app live elsewhere. `demo_session()` fills it with realistic data.
"""

from __future__ import annotations

import asyncio
import itertools
import os
import re
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from app.accounts.discovery import ServerChoice, Source
from app.accounts.externals import ExternalRules
from app.core.errors import ActionError, ActionFailed, LoginFailed
from app.core.events import (
    CoreEvent,
    EventChanged,
    MessageRemoved,
    MessagesAppended,
    MessagesPrepended,
    RoomsChanged,
    RoomsRemoved,
    SessionState,
    SessionStateChanged,
)
from app.core.members import Member, ReadReceipt
from app.core.message_actions import EditVersion, EventSource
from app.core.types import ItemKind, Membership, RoomSummary, SendState, TimelineItem
from app.rooms.invitations import InviteResult
from app.rooms.invite_list import Entry
from app.rooms.kinds import RoomKind
from app.rooms.member_rows import RoomMember
from app.rooms.outcome import Outcome
from app.rooms.power_levels import Action, PowerLevels
from app.rooms.settings import RoomSettings
from tests.ui.fake_account_settings import FakeAccount
from tests.ui.fake_accounts import FakePasswordReset, FakeRegistration
from tests.ui.fake_directory import FakeDirectory
from tests.ui.fake_invitations import FakeInvitations
from tests.ui.fake_members import FakeRoster
from tests.ui.fake_room_settings import FakeSalons

_USER_ID = re.compile(r"^@[^:\s]+:\S+$")


class FakeConfig:
    """The config calls the UI makes: `get`, `is_locked`, and `flush` at close."""

    def __init__(self, values: dict | None = None, locked: set[str] | None = None) -> None:
        self.values = dict(values or {})
        self.locked = set(locked or ())
        self.flushed = 0

    async def flush(self) -> None:
        self.flushed += 1

    def get(self, key: str, default: object = None) -> object:
        return self.values.get(key, default)

    def is_locked(self, key: str) -> bool:
        return key in self.locked

    def update(self, key: str, value: object) -> None:
        """Config.update: in force at once (saved in the background by the real one)."""
        self.values[key] = value


class FakeProfile:
    def __init__(self, config: FakeConfig | None = None, name: str = "default") -> None:
        self.name = name
        self.config = config or FakeConfig({"homeserver": "https://matrix.agent.tchap.gouv.fr"})


class FakeSession:
    """Session API in memory; every call is recorded in `calls`."""

    secrets_in_plaintext = False  # a class attribute: a test's subclass may make it a property

    def __init__(
        self,
        rooms: list[RoomSummary] | None = None,
        timelines: dict[str, list[TimelineItem]] | None = None,
        older: dict[str, list[TimelineItem]] | None = None,
        user_id: str = "@sophie.durand-finances.gouv.fr:agent.finances.tchap.gouv.fr",
        display_name: str = "Sophie Durand [Finances]",
    ) -> None:
        self.rooms = {r.room_id: r for r in rooms or []}
        self.timelines = {k: list(v) for k, v in (timelines or {}).items()}
        self.read_markers: dict[str, str] = {}  # room id -> m.fully_read event id
        self.older = {k: list(v) for k, v in (older or {}).items()}
        self.user_id = user_id
        self.display_name = display_name
        self.access = self  # AccessApi: the fake answers find_server, registration... itself
        self.salons = FakeSalons(self)  # create_salon and the settings page (h11)
        self.state = SessionState.SIGNED_OUT
        self.homeserver = "https://matrix.agent.finances.tchap.gouv.fr"
        self.calls: list[tuple] = []
        self.listeners: list[Callable[[CoreEvent], None]] = []
        self.restorable = False
        self.login_error: LoginFailed | None = None
        self.action_error: ActionFailed | None = None
        self.started = False
        self.closed = False
        self.gate: asyncio.Event | None = None  # when set, login waits for it (busy state)
        self.found: ServerChoice | LoginFailed = ServerChoice(
            "https://matrix.agent.finances.tchap.gouv.fr", Source.LOOKUP
        )  # what find_server answers
        self.find_gate: asyncio.Event | None = None  # when set, find_server waits for it
        self._txn = itertools.count(1)
        self.read_up_to: dict[str, str | None] = {}  # room -> the event mark_read was given
        self.receipts: dict[str, list[ReadReceipt]] = {}
        self.room_members: dict[str, list[Member]] = {}
        self.drafts: dict[str, str] = {}
        self.moderator = False  # may delete others' messages (can_delete)
        self.originals: dict[str, TimelineItem] = {}  # replies' originals not in a timeline
        self.edit_versions: dict[str, list[EditVersion]] = {}
        self.flows: list = []  # registrations and password resets handed out, newest last
        self.external_servers: list[str] = []  # besides the e. / agent.externe. prefixes
        self.renewed = False  # an expired account: what check_renewed finds
        self._account: FakeAccount | None = None  # account(): the Settings window's
        self.directory = FakeDirectory(self)  # people and public salons (h14)
        self.invitations = FakeInvitations(user_id)  # invite / invite_many (h13)
        self.roster = FakeRoster(user_id, lambda uid: self.externals.is_external(uid))  # h12

    # events
    def subscribe(self, callback: Callable[[CoreEvent], None]) -> Callable[[], None]:
        self.listeners.append(callback)
        return lambda: self.listeners.remove(callback)

    def emit(self, event: CoreEvent) -> None:
        for callback in list(self.listeners):
            callback(event)

    # lifecycle
    async def restore(self) -> bool:
        self.calls.append(("restore",))
        return self.restorable

    def prepare_network(self) -> None:
        self.calls.append(("prepare_network",))

    async def login(self, homeserver: str, identifier: str, password: str) -> None:
        self.calls.append(("login", homeserver, identifier, password))
        if self.gate is not None:
            await self.gate.wait()
        if self.login_error is not None:
            raise self.login_error
        self.homeserver = homeserver

    async def find_server(self, identifier: str) -> ServerChoice:
        self.calls.append(("find_server", identifier))
        if self.find_gate is not None:
            await self.find_gate.wait()
        if isinstance(self.found, LoginFailed):
            raise self.found
        return self.found

    async def sign_in_again(self, password: str) -> None:
        self.calls.append(("sign_in_again", password))
        if self.login_error is not None:
            raise self.login_error

    def start(self) -> None:
        self.calls.append(("start",))
        self.started = True

    async def retry_start(self) -> None:
        self.calls.append(("retry_start",))
        self.started = True

    def allow_plaintext_secrets(self) -> bool:
        self.calls.append(("allow_plaintext_secrets",))
        self.secrets_in_plaintext = True
        return True

    def room(self, room_id: str) -> FakeRoom:
        return FakeRoom(self, room_id)

    async def avatar(self, uri: str, size: int = 96) -> str | None:
        self.calls.append(("avatar", uri, size))
        return None

    def registration(self, homeserver: str) -> FakeRegistration:
        self.calls.append(("registration", homeserver))
        self.flows.append(FakeRegistration(homeserver))
        return self.flows[-1]

    def password_reset(self, homeserver: str) -> FakePasswordReset:
        self.calls.append(("password_reset", homeserver))
        self.flows.append(FakePasswordReset(homeserver))
        return self.flows[-1]
    # accounts: externals and an expired account (h8)
    @property
    def externals(self) -> ExternalRules:
        return ExternalRules(self.user_id, self.external_servers)

    async def send_renewal_mail(self) -> None:
        self.calls.append(("send_renewal_mail",))
        if self.gate is not None:
            await self.gate.wait()
        self._fail_if_asked()

    async def check_renewed(self) -> bool:
        self.calls.append(("check_renewed",))
        self._fail_if_asked()
        if self.renewed and self.state is SessionState.ACCOUNT_EXPIRED:
            self.state = SessionState.SYNCING
            self.emit(SessionStateChanged(SessionState.SYNCING, None))
        return self.renewed

    def account(self) -> FakeAccount:
        if self._account is None:  # one account, whatever the number of pages asking
            self._account = FakeAccount(self.user_id, self.display_name)
        return self._account

    async def logout(self) -> None:
        self.calls.append(("logout",))

    async def close(self) -> None:
        self.calls.append(("close",))
        self.closed = True

    # reading
    async def room_summaries(self, limit: int | None = None) -> list[RoomSummary]:
        self.calls.append(("room_summaries", limit))
        rooms = sorted(
            self.rooms.values(), key=lambda r: (r.membership.value != "invite", -r.last_ts)
        )
        return rooms if limit is None else rooms[:limit]

    async def timeline(self, room_id: str, limit: int = 50) -> list[TimelineItem]:
        self.calls.append(("timeline", room_id))
        return self.timelines.get(room_id, [])[-limit:]

    async def timeline_around(
        self, room_id: str, key: str, limit: int = 30, *, newer: bool
    ) -> list[TimelineItem]:
        """The cache's rows just before or after `key` (here: the `timelines` list)."""
        self.calls.append(("timeline_around", room_id, newer))
        items = self.timelines.get(room_id, [])
        keys = [i.key for i in items]
        if key not in keys:
            return []
        at = keys.index(key)
        return items[at + 1 : at + 1 + limit] if newer else items[max(0, at - limit) : at]

    async def load_older(self, room_id: str, limit: int = 30) -> int:
        self.calls.append(("load_older", room_id))
        pool = self.older.get(room_id, [])
        batch, self.older[room_id] = pool[-limit:], pool[:-limit]
        self.timelines[room_id] = batch + self.timelines.get(room_id, [])
        self.emit(MessagesPrepended(room_id, tuple(batch), reached_start=not self.older[room_id]))
        return len(batch)

    # sending
    async def send_text(self, room_id: str, text: str) -> str:
        self.calls.append(("send_text", room_id, text))
        txn = f"txn{next(self._txn)}"
        item = TimelineItem(
            key=f"~{txn}", room_id=room_id, sender=self.user_id, sender_name=self.display_name,
            ts=int(time.time() * 1000), kind=ItemKind.TEXT, body=text, msgtype="m.text",
            txn_id=txn, send_state=SendState.SENDING, is_own=True,
        )  # fmt: skip
        self.timelines.setdefault(room_id, []).append(item)
        self.emit(MessagesAppended(room_id, (item,)))
        return item.key

    async def send_file(self, room_id: str, path: str) -> str:
        self.calls.append(("send_file", room_id, path))
        self._fail_if_asked()
        txn = f"txn{next(self._txn)}"
        name = os.path.basename(path)
        item = TimelineItem(
            key=f"~{txn}", room_id=room_id, sender=self.user_id, sender_name=self.display_name,
            ts=int(time.time() * 1000), kind=ItemKind.MEDIA, body=name, msgtype="m.file",
            txn_id=txn, send_state=SendState.SENDING, is_own=True,
            media={"name": name, "size": os.path.getsize(path) if os.path.exists(path) else 0},
        )  # fmt: skip
        self.timelines.setdefault(room_id, []).append(item)
        self.emit(MessagesAppended(room_id, (item,)))
        return item.key

    async def cancel_send(self, room_id: str, key: str) -> bool:
        self.calls.append(("cancel_send", room_id, key))
        before = len(self.timelines.get(room_id, []))
        self.timelines[room_id] = [i for i in self.timelines.get(room_id, []) if i.key != key]
        removed = len(self.timelines[room_id]) < before
        if removed:
            self.emit(MessageRemoved(room_id, key))
        return removed

    def confirm_send(self, room_id: str, key: str, event_id: str) -> None:
        """Test helper: the server acknowledged a local echo."""
        items = self.timelines[room_id]
        i = next(n for n, it in enumerate(items) if it.key == key)
        sent = replace(items[i], key=event_id, event_id=event_id, send_state=SendState.SENT)
        items[i] = sent
        self.emit(EventChanged(room_id, key, sent))

    async def retry_send(self, room_id: str, key: str) -> None:
        self.calls.append(("retry_send", room_id, key))

    async def discard_send(self, room_id: str, key: str) -> None:
        self.calls.append(("discard_send", room_id, key))
        self.timelines[room_id] = [i for i in self.timelines.get(room_id, []) if i.key != key]
        self.emit(MessageRemoved(room_id, key))

    async def mark_read(self, room_id: str, event_id: str | None = None) -> None:
        self.calls.append(("mark_read", room_id))
        self._change_room(room_id, unread_count=0, highlight_count=0, marked_unread=False)
        self.read_up_to[room_id] = event_id

    # receipts, members, typing, drafts
    async def read_receipts(self, room_id: str) -> list[ReadReceipt]:
        self.calls.append(("read_receipts", room_id))
        return list(self.receipts.get(room_id, []))

    async def members(self, room_id: str) -> list[Member]:
        self.calls.append(("members", room_id))
        return list(self.room_members.get(room_id, []))

    async def set_typing(self, room_id: str, typing: bool) -> None:
        self.calls.append(("set_typing", room_id, typing))

    async def draft(self, room_id: str) -> str:
        return self.drafts.get(room_id, "")

    async def save_draft(self, room_id: str, text: str) -> None:
        self.calls.append(("save_draft", room_id, text))
        if text.strip():
            self.drafts[room_id] = text
        else:
            self.drafts.pop(room_id, None)

    async def fully_read(self, room_id: str) -> str | None:
        return self.read_markers.get(room_id)

    def _change_room(self, room_id: str, **changes: object) -> None:
        """Change a room's summary as the core would, and publish it if it changed."""
        room = self.rooms.get(room_id)
        if room is not None and replace(room, **changes) != room:
            self.rooms[room_id] = replace(room, **changes)
            self.emit(RoomsChanged((self.rooms[room_id],)))

    async def set_tag(self, room_id: str, tag: str, on: bool) -> None:
        self.calls.append(("set_tag", room_id, tag, on))
        self._fail_if_asked()
        if tag == "m.favourite":
            self._change_room(room_id, is_favourite=on, **({"is_low_priority": False} if on else {}))
        else:
            self._change_room(room_id, is_low_priority=on, **({"is_favourite": False} if on else {}))

    async def set_marked_unread(self, room_id: str, unread: bool) -> None:
        self.calls.append(("set_marked_unread", room_id, unread))
        self._fail_if_asked()
        self._change_room(room_id, marked_unread=unread)

    # room actions
    def _fail_if_asked(self) -> None:
        if self.action_error is not None:
            raise self.action_error

    async def create_direct_chat(self, user_id: str) -> str:
        self.calls.append(("create_direct_chat", user_id))
        self._fail_if_asked()
        if not _USER_ID.match(user_id):
            raise ActionFailed(ActionError.INVALID_USER, user_id)
        room_id = f"!dm{len(self.rooms)}:tchap.test"
        self._add_room(RoomSummary(room_id, user_id, True, True, Membership.JOIN))
        return room_id

    async def create_private_room(self, name: str, topic: str = "") -> str:
        self.calls.append(("create_private_room", name, topic))
        self._fail_if_asked()
        room_id = f"!room{len(self.rooms)}:tchap.test"
        self._add_room(RoomSummary(room_id, name, False, True, Membership.JOIN, topic=topic))
        return room_id

    async def create_salon(
        self, name: str, topic: str, kind: RoomKind, avatar: str | Path | None = None
    ) -> str:
        return await self.salons.create(name, topic, kind, avatar)

    async def accept_invite(self, room_id: str) -> None:
        self.calls.append(("accept_invite", room_id))
        self._fail_if_asked()
        self._add_room(replace(self.rooms[room_id], membership=Membership.JOIN))

    async def decline_invite(self, room_id: str) -> None:
        self.calls.append(("decline_invite", room_id))
        self._fail_if_asked()
        self._drop_room(room_id)

    async def leave_room(self, room_id: str) -> None:
        self.calls.append(("leave_room", room_id))
        self._fail_if_asked()
        self._drop_room(room_id)

    # replies, edits, reactions, deletions: applied to the fake's rows at once, as the
    # core's local echoes are
    def _find(self, room_id: str, key: str) -> tuple[int, TimelineItem] | None:
        for n, item in enumerate(self.timelines.get(room_id, [])):
            if item.key == key:
                return n, item
        return None

    def _change(self, room_id: str, key: str, **changes) -> None:
        found = self._find(room_id, key)
        if found is None:
            raise ActionFailed(ActionError.NOT_FOUND, key)
        n, item = found
        self.timelines[room_id][n] = new = replace(item, **changes)
        self.emit(EventChanged(room_id, key, new))

    async def reply(self, room_id: str, text: str, event_id: str) -> str:
        self.calls.append(("reply", room_id, text, event_id))
        self._fail_if_asked()
        key = await self.send_text(room_id, text)
        self.calls.pop()  # the reply, not a plain send
        self._change(room_id, key, reply_to=event_id)
        return key

    async def edit(self, room_id: str, event_id: str, text: str) -> None:
        self.calls.append(("edit", room_id, event_id, text))
        self._fail_if_asked()
        self._change(room_id, event_id, body=text, html=None, edited=True)

    async def react(self, room_id: str, event_id: str, key: str) -> None:
        self.calls.append(("react", room_id, event_id, key))
        self._fail_if_asked()
        found = self._find(room_id, event_id)
        if found is None:
            return
        reactions = {k: list(v) for k, v in found[1].reactions.items()}
        senders = reactions.setdefault(key, [])
        if all(s[0] != self.user_id for s in senders):
            senders.append([self.user_id, self.display_name, f"~r{next(self._txn)}"])
        self._change(room_id, event_id, reactions=reactions)

    async def unreact(self, room_id: str, event_id: str, key: str) -> bool:
        self.calls.append(("unreact", room_id, event_id, key))
        found = self._find(room_id, event_id)
        if found is None:
            return False
        reactions = {k: [s for s in v if s[0] != self.user_id]
                     for k, v in found[1].reactions.items()}  # fmt: skip
        self._change(room_id, event_id, reactions={k: v for k, v in reactions.items() if v})
        return True

    async def delete_message(self, room_id: str, event_id: str, reason: str = "") -> None:
        self.calls.append(("delete_message", room_id, event_id, reason))
        self._fail_if_asked()
        self._change(room_id, event_id, kind=ItemKind.REDACTED, body="", html=None,
                     reactions={}, redaction={"by": self.user_id, "by_name": self.display_name,
                                              "reason": reason})  # fmt: skip

    async def can_delete(self, room_id: str, sender: str) -> bool:
        self.calls.append(("can_delete", room_id, sender))
        return sender == self.user_id or self.moderator

    async def original(self, room_id: str, event_id: str) -> TimelineItem | None:
        self.calls.append(("original", room_id, event_id))
        found = self._find(room_id, event_id)
        return found[1] if found else self.originals.get(event_id)

    async def versions(self, room_id: str, event_id: str) -> list[EditVersion]:
        self.calls.append(("versions", room_id, event_id))
        self._fail_if_asked()
        return list(self.edit_versions.get(event_id, []))

    async def source(self, room_id: str, event_id: str) -> EventSource:
        self.calls.append(("source", room_id, event_id))
        self._fail_if_asked()
        found = self._find(room_id, event_id)
        body = found[1].body if found else ""
        event = {"type": "m.room.message", "event_id": event_id, "room_id": room_id,
                 "content": {"msgtype": "m.text", "body": body}}  # fmt: skip
        if found and found[1].encrypted:
            encrypted = {"type": "m.room.encrypted", "event_id": event_id, "room_id": room_id,
                         "content": {"algorithm": "m.megolm.v1.aes-sha2", "ciphertext": "AwgA"}}  # fmt: skip
            return EventSource(encrypted, event)
        return EventSource(event)

    def _add_room(self, room: RoomSummary) -> None:
        self.rooms[room.room_id] = room
        self.emit(RoomsChanged((room,)))

    def _drop_room(self, room_id: str) -> None:
        self.rooms.pop(room_id, None)
        self.emit(RoomsRemoved((room_id,)))


class FakeRoom:
    """The fake's `RoomApi`: each call goes to the FakeSession method of the same meaning."""

    def __init__(self, session: FakeSession, room_id: str) -> None:
        self._session = session
        self._room_id = room_id

    @property
    def room_id(self) -> str:
        return self._room_id

    async def timeline(self, limit: int = 50) -> list[TimelineItem]:
        return await self._session.timeline(self._room_id, limit)

    async def timeline_around(
        self, key: str, limit: int = 30, *, newer: bool
    ) -> list[TimelineItem]:
        return await self._session.timeline_around(self._room_id, key, limit, newer=newer)

    async def load_older(self, limit: int = 30) -> int:
        return await self._session.load_older(self._room_id, limit)

    async def send_text(self, text: str) -> str:
        return await self._session.send_text(self._room_id, text)

    async def send_file(self, path: str | os.PathLike) -> str:
        return await self._session.send_file(self._room_id, str(path))

    async def cancel_send(self, key: str) -> bool:
        return await self._session.cancel_send(self._room_id, key)

    async def retry_send(self, key: str) -> None:
        await self._session.retry_send(self._room_id, key)

    async def discard_send(self, key: str) -> None:
        await self._session.discard_send(self._room_id, key)

    async def mark_read(self, event_id: str | None = None) -> None:
        await self._session.mark_read(self._room_id, event_id)

    async def read_receipts(self) -> list[ReadReceipt]:
        return await self._session.read_receipts(self._room_id)

    async def members(self) -> list[Member]:
        return await self._session.members(self._room_id)

    async def set_typing(self, typing: bool) -> None:
        await self._session.set_typing(self._room_id, typing)

    async def draft(self) -> str:
        return await self._session.draft(self._room_id)

    async def save_draft(self, text: str) -> None:
        await self._session.save_draft(self._room_id, text)

    async def fully_read(self) -> str | None:
        return await self._session.fully_read(self._room_id)

    async def accept_invite(self) -> None:
        await self._session.accept_invite(self._room_id)

    async def decline_invite(self) -> None:
        await self._session.decline_invite(self._room_id)

    async def leave(self) -> None:
        await self._session.leave_room(self._room_id)

    async def reply(self, text: str, event_id: str) -> str:
        return await self._session.reply(self._room_id, text, event_id)

    async def edit(self, event_id: str, text: str) -> None:
        await self._session.edit(self._room_id, event_id, text)

    async def react(self, event_id: str, key: str) -> None:
        await self._session.react(self._room_id, event_id, key)

    async def unreact(self, event_id: str, key: str) -> bool:
        return await self._session.unreact(self._room_id, event_id, key)

    async def delete_message(self, event_id: str, reason: str = "") -> None:
        await self._session.delete_message(self._room_id, event_id, reason)

    async def can_delete(self, sender: str) -> bool:
        return await self._session.can_delete(self._room_id, sender)

    async def original(self, event_id: str) -> TimelineItem | None:
        return await self._session.original(self._room_id, event_id)

    async def versions(self, event_id: str) -> list[EditVersion]:
        return await self._session.versions(self._room_id, event_id)

    async def source(self, event_id: str) -> EventSource:
        return await self._session.source(self._room_id, event_id)

    async def set_favourite(self, favourite: bool) -> None:
        await self._session.set_tag(self._room_id, "m.favourite", favourite)

    async def set_low_priority(self, low: bool) -> None:
        await self._session.set_tag(self._room_id, "m.lowpriority", low)

    async def set_marked_unread(self, unread: bool) -> None:
        await self._session.set_marked_unread(self._room_id, unread)

    # -- invitations (tests/ui/fake_invitations.py) --

    async def invite(self, user_id: str) -> None:
        self._session.calls.append(("invite", self._room_id, user_id))
        await self._session.invitations.invite(self._room_id, user_id)

    async def invite_many(
        self, entries: list[Entry], on_result: Callable[[int, InviteResult], None] | None = None
    ) -> list[InviteResult]:
        self._session.calls.append(("invite_many", self._room_id, len(entries)))
        return await self._session.invitations.invite_many(self._room_id, entries, on_result)
    # the settings' general page (tests/ui/fake_room_settings.py)
    async def settings(self) -> RoomSettings:
        self._session._fail_if_asked()
        return self._session.salons.settings(self._room_id)

    async def published(self) -> bool | None:
        return self._session.salons.published.get(self._room_id, False)

    async def set_name(self, name: str) -> Outcome:
        return await self._session.salons.change(self._room_id, "set_name", name)

    async def set_topic(self, topic: str) -> Outcome:
        return await self._session.salons.change(self._room_id, "set_topic", topic)

    async def set_avatar(self, path: str | Path | None) -> Outcome:
        return await self._session.salons.change(self._room_id, "set_avatar", path)

    async def set_kind(self, kind: RoomKind) -> Outcome:
        return await self._session.salons.change(self._room_id, "set_kind", kind)

    async def set_history(self, visibility: str) -> Outcome:
        return await self._session.salons.change(self._room_id, "set_history", visibility)

    async def enable_encryption(self) -> Outcome:
        return await self._session.salons.change(self._room_id, "enable_encryption", None)

    async def set_published(self, publish: bool) -> Outcome:
        return await self._session.salons.change(self._room_id, "set_published", publish)
    # -- members and rights (h12: tests/ui/fake_members.py) --------------------------------

    async def member_list(self) -> list[RoomMember]:
        return self._session.roster.member_list(self._room_id)

    async def power_levels(self) -> PowerLevels:
        return self._session.roster.power_levels(self._room_id)

    async def set_member_level(self, user_id: str, level: int) -> Outcome:
        return self._session.roster.set_member_level(self._room_id, user_id, level)

    async def set_action_level(self, action: Action, level: int) -> Outcome:
        return self._session.roster.set_action_level(self._room_id, action, level)

    async def kick(self, user_id: str, reason: str = "") -> Outcome:
        return self._session.roster.membership(self._room_id, "kick", user_id, reason)

    async def ban(self, user_id: str, reason: str = "") -> Outcome:
        return self._session.roster.membership(self._room_id, "ban", user_id, reason)

    async def unban(self, user_id: str) -> Outcome:
        return self._session.roster.membership(self._room_id, "unban", user_id, "")

    async def export_members(self, target: str | os.PathLike) -> int:
        return self._session.roster.export(self._room_id, target)


def message(
    room_id: str, n: int, sender: str, name: str, body: str, ts: int, *, own: bool = False,
    html: str | None = None, kind: ItemKind = ItemKind.TEXT, state: dict | None = None,
    send_state: SendState = SendState.SENT,
) -> TimelineItem:  # fmt: skip
    """A timeline item with a predictable key `$<room>-<n>`."""
    key = f"${room_id.strip('!').split(':')[0]}-{n}"
    return TimelineItem(
        key=key, room_id=room_id, sender=sender, sender_name=name, ts=ts, kind=kind, body=body,
        html=html, msgtype="m.text", event_id=key, send_state=send_state, encrypted=True,
        is_own=own, state_detail=state or {},
    )  # fmt: skip
