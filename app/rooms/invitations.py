"""`InvitationsService`: inviting people into a room by Matrix ID, by email, or a whole list.

A Matrix ID is invited (`POST /rooms/{id}/invite`) unless already in the room or a Tchap
rule forbids it (`kinds.check_invite`: an external only into a salon open to externals).
An email address is looked up on the identity server (`app/rooms/identity.py`): its account
is invited; with none, Tchap's `/info` decides: no server → refused; an externals' server →
only into a salon open to them; else `invite_3pid` leaves a pending invitation the identity
server mails. A list is done with a few requests at a time (the ApiClient waits out 429s),
each entry's result reported as it comes (`on_result(index, result)`); cancelling the
awaiting task stops it. A server's 403 on a rule becomes the same `Refusal` the client gives.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import Enum, auto

from app.accounts.externals import ExternalRules
from app.core.errors import ActionError, ActionFailed
from app.net.api import ApiError, ApiErrorKind, path
from app.rooms.identity import IdentityServer, IdentityUnavailable
from app.rooms.invite_list import Entry, EntryKind, classify
from app.rooms.kinds import Refusal, RoomKind, RoomRuleRefused, check_invite, kind_of

log = logging.getLogger("tchap.rooms")
CONCURRENCY = 4  # requests at a time for a list: modest, the server serves others too
# Synapse's words for a module's veto of an invite, and of an invite by email
MODULE_REFUSED = ("not allowed in this context", "can not be invited in this room")


class InviteOutcome(Enum):
    INVITED = auto()  # the account was invited
    INVITED_BY_EMAIL = auto()  # no account yet: a pending invitation was mailed
    ALREADY_MEMBER = auto()
    ALREADY_INVITED = auto()
    REFUSED = auto()  # `reason` says why
    NOT_AN_ADDRESS = auto()


class InviteRefusal(Enum):
    RULE = auto()  # a Tchap rule (`rule` says which), by the client or the server
    UNKNOWN_ADDRESS = auto()  # no account, and no Tchap server takes this address
    UNKNOWN_USER = auto()  # no such Matrix account
    NOT_ALLOWED = auto()  # we may not invite into this room
    IDENTITY_UNAVAILABLE = auto()  # the identity server could not be asked
    SERVER_ERROR = auto()
    NETWORK = auto()


@dataclass(frozen=True)
class InviteResult:
    """What became of one entry."""

    entry: Entry
    outcome: InviteOutcome
    reason: InviteRefusal | None = None
    rule: Refusal | None = None
    user_id: str = ""  # the account invited (or found) for an address
    by_server: bool = False  # a rule the server enforced (the client did not know)


@dataclass
class RoomFacts:
    """What the checks need of a room, read once from the server and kept up to date."""

    kind: RoomKind
    joined: set[str] = field(default_factory=set)
    invited: set[str] = field(default_factory=set)

    @property
    def count(self) -> int:
        return len(self.joined) + len(self.invited)


def facts_of(events: list) -> RoomFacts:
    """Kind and members of a room from its state events (`GET /rooms/{id}/state`)."""
    state: dict[tuple[str, str], dict] = {}
    joined, invited = set(), set()
    for event in events if isinstance(events, list) else []:
        if not isinstance(event, dict) or not isinstance(event.get("content"), dict):
            continue
        key = (event.get("type"), event.get("state_key"))
        if not all(isinstance(k, str) for k in key):
            continue
        state[key] = event["content"]
        if key[0] == "m.room.member":
            membership = event["content"].get("membership")
            (joined if membership == "join" else invited if membership == "invite" else set()).add(
                key[1]
            )
    return RoomFacts(kind_of(state), joined, invited)


class InvitationsService:
    """Invitations into rooms, for one account."""

    def __init__(self, ctx) -> None:
        self._ctx = ctx
        self._identity: IdentityServer | None = None

    def _externals(self) -> ExternalRules:
        return ExternalRules(self._ctx.user_id, self._ctx.config.get("external_servers"))

    def identity(self) -> IdentityServer:
        """The configured identity server ("" = the homeserver, as Tchap's serve both)."""
        base = self._ctx.config.get("identity_server") or self._ctx.api.homeserver
        if self._identity is None or self._identity.base_url != base.rstrip("/"):
            self._identity = IdentityServer(self._ctx.api, self._ctx.user_id, base)
        return self._identity

    async def room_facts(self, room_id: str) -> RoomFacts:
        """The room's kind and members, from the server."""
        try:
            events = await self._ctx.api.request(
                "GET", path("/_matrix/client/v3/rooms/{}/state", room_id), raw=True, retries=3
            )
        except ApiError as exc:
            raise exc.as_action_failed() from exc
        import json

        try:
            return facts_of(json.loads(events))
        except ValueError as exc:
            raise ActionFailed(ActionError.SERVER_ERROR, "state not JSON") from exc

    async def invite(self, room_id: str, user_id: str) -> None:
        """Invite one Matrix ID; raises RoomRuleRefused or ActionFailed."""
        result = await self._invite_user(room_id, await self.room_facts(room_id),
                                         classify(user_id), user_id)  # fmt: skip
        if result.outcome is InviteOutcome.REFUSED:
            if result.reason is InviteRefusal.RULE and result.rule is not None:
                raise RoomRuleRefused(result.rule, by_server=result.by_server)
            raise ActionFailed(_ACTION_ERROR[result.reason], result.reason.name)

    async def invite_many(
        self,
        room_id: str,
        entries: list[Entry],
        on_result: Callable[[int, InviteResult], None] | None = None,
    ) -> list[InviteResult]:
        """Invite every entry (a few at a time); `on_result(index, result)` as each ends."""
        facts = await self.room_facts(room_id)
        results: list[InviteResult | None] = [None] * len(entries)
        emails = [e.value for e in entries if e.kind is EntryKind.EMAIL]
        try:
            accounts = await self.identity().lookup(emails) if emails else {}
            identity_ok = True
        except IdentityUnavailable:
            accounts, identity_ok = {}, False
        gate = asyncio.Semaphore(CONCURRENCY)

        async def one(index: int, entry: Entry) -> None:
            async with gate:
                result = await self._one(room_id, facts, entry, accounts, identity_ok)
            results[index] = result
            if on_result is not None:
                on_result(index, result)

        await asyncio.gather(*(one(i, e) for i, e in enumerate(entries)))
        return [r for r in results if r is not None]

    async def _one(self, room_id: str, facts: RoomFacts, entry: Entry, accounts: dict[str, str],
                   identity_ok: bool) -> InviteResult:  # fmt: skip
        try:
            if entry.kind is EntryKind.INVALID:
                return InviteResult(entry, InviteOutcome.NOT_AN_ADDRESS)
            if entry.kind is EntryKind.MATRIX_ID:
                return await self._invite_user(room_id, facts, entry, entry.value)
            if entry.value in accounts:
                return await self._invite_user(room_id, facts, entry, accounts[entry.value])
            if not identity_ok:
                return _refused(entry, InviteRefusal.IDENTITY_UNAVAILABLE)
            return await self._invite_email(room_id, facts, entry)
        except IdentityUnavailable:
            return _refused(entry, InviteRefusal.IDENTITY_UNAVAILABLE)
        except Exception:  # a bug must not stop the rest of the list: logged, reported
            log.exception("invitation failed unexpectedly")
            return _refused(entry, InviteRefusal.SERVER_ERROR)

    async def _invite_user(self, room_id: str, facts: RoomFacts, entry: Entry,
                           user_id: str) -> InviteResult:  # fmt: skip
        if user_id in facts.joined:
            return InviteResult(entry, InviteOutcome.ALREADY_MEMBER, user_id=user_id)
        if user_id in facts.invited:
            return InviteResult(entry, InviteOutcome.ALREADY_INVITED, user_id=user_id)
        external = self._externals().is_external(user_id)
        rule = check_invite(facts.kind, external, facts.count)
        if rule is not None:
            return _refused(entry, InviteRefusal.RULE, rule, user_id)
        facts.invited.add(user_id)  # counted at once: concurrent entries see it
        try:
            await self._ctx.api.request(
                "POST", path("/_matrix/client/v3/rooms/{}/invite", room_id),
                {"user_id": user_id}, retries=3,
            )  # fmt: skip
        except ApiError as exc:
            facts.invited.discard(user_id)
            return self._failed(entry, exc, facts.kind, user_id)
        return InviteResult(entry, InviteOutcome.INVITED, user_id=user_id)

    async def _invite_email(self, room_id: str, facts: RoomFacts, entry: Entry) -> InviteResult:
        identity = self.identity()
        hs = await identity.server_of(entry.value)
        if hs is None:
            return _refused(entry, InviteRefusal.UNKNOWN_ADDRESS)
        external = self._externals().is_external(f"@x:{hs}")
        rule = check_invite(facts.kind, external, facts.count)
        if rule is not None:
            return _refused(entry, InviteRefusal.RULE, rule)
        body = {"id_server": identity.name, "id_access_token": await identity.access_token(),
                "medium": "email", "address": entry.value}  # fmt: skip
        try:
            await self._ctx.api.request(
                "POST", path("/_matrix/client/v3/rooms/{}/invite", room_id), body, retries=3
            )
        except ApiError as exc:
            return self._failed(entry, exc, facts.kind, "")
        return InviteResult(entry, InviteOutcome.INVITED_BY_EMAIL)

    def _failed(self, entry: Entry, exc: ApiError, kind: RoomKind, user_id: str) -> InviteResult:
        """The result of a refused invite request (the log line says why, never who)."""
        message = exc.data.get("error", "") if isinstance(exc.data, dict) else ""
        log.warning("invite refused: %s", exc)
        if exc.kind is ApiErrorKind.FORBIDDEN:
            if "already in the room" in message:
                return InviteResult(entry, InviteOutcome.ALREADY_MEMBER, user_id=user_id)
            if any(words in message for words in MODULE_REFUSED):
                rule = (Refusal.DIRECT_TWO_MEMBERS if kind is RoomKind.DIRECT
                        else Refusal.EXTERNAL_NOT_INVITABLE)  # fmt: skip
                return InviteResult(entry, InviteOutcome.REFUSED, InviteRefusal.RULE, rule,
                                    user_id, by_server=True)  # fmt: skip
            return _refused(entry, InviteRefusal.NOT_ALLOWED, user_id=user_id)
        if exc.kind in (ApiErrorKind.NOT_FOUND, ApiErrorKind.REFUSED):
            return _refused(entry, InviteRefusal.UNKNOWN_USER, user_id=user_id)
        if exc.kind is ApiErrorKind.NETWORK:
            return _refused(entry, InviteRefusal.NETWORK, user_id=user_id)
        return _refused(entry, InviteRefusal.SERVER_ERROR, user_id=user_id)

    async def stop(self) -> None:
        """Nothing runs on its own: a list's task belongs to whoever awaits it."""


def _refused(entry: Entry, reason: InviteRefusal, rule: Refusal | None = None,
             user_id: str = "") -> InviteResult:  # fmt: skip
    return InviteResult(entry, InviteOutcome.REFUSED, reason, rule, user_id)


_ACTION_ERROR = {
    InviteRefusal.UNKNOWN_ADDRESS: ActionError.NOT_FOUND,
    InviteRefusal.UNKNOWN_USER: ActionError.INVALID_USER,
    InviteRefusal.NOT_ALLOWED: ActionError.FORBIDDEN,
    InviteRefusal.IDENTITY_UNAVAILABLE: ActionError.NETWORK,
    InviteRefusal.SERVER_ERROR: ActionError.SERVER_ERROR,
    InviteRefusal.NETWORK: ActionError.NETWORK,
    InviteRefusal.RULE: ActionError.FORBIDDEN,
}
