"""The fake's invitations (`FakeRoom.invite`, `invite_many`): outcomes decided in memory.

An entry's outcome: a member → already a member; an external (`e.`/`agent.externe.` or
`outcomes`) → refused by the rule; an address of `no_account_domains` → a pending invitation
by email; an address of `unknown_domains` → refused, unknown; the rest invited. `delay_s`
paces each entry (a list then takes time, as on a real server); `gate`, when set, holds every
entry until it is set (to cancel a list midway).
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable

from app.accounts.externals import ExternalRules
from app.rooms.invitations import InviteOutcome, InviteRefusal, InviteResult
from app.rooms.invite_list import Entry, EntryKind, classify
from app.rooms.kinds import Refusal, RoomRuleRefused


class FakeInvitations:
    def __init__(self, own_user_id: str) -> None:
        self.rules = ExternalRules(own_user_id)
        self.members: set[str] = set()
        self.no_account_domains: set[str] = {"nouveau.gouv.fr"}
        self.unknown_domains: set[str] = {"inconnu.example"}
        self.external_domains: set[str] = {"partenaire.fr"}
        self.delay_s = 0.0
        self.gate: asyncio.Event | None = None
        self.invited: list[str] = []  # what was invited, in order
        self.concurrency = 4

    def outcome(self, entry: Entry) -> InviteResult:
        """What the fake server does with one entry."""
        if entry.kind is EntryKind.INVALID:
            return InviteResult(entry, InviteOutcome.NOT_AN_ADDRESS)
        if entry.value in self.members:
            return InviteResult(entry, InviteOutcome.ALREADY_MEMBER, user_id=entry.value)
        domain = entry.value.rsplit("@", 1)[-1] if entry.kind is EntryKind.EMAIL else ""
        external = self.rules.is_external(entry.value) or domain in self.external_domains
        if external:
            return InviteResult(entry, InviteOutcome.REFUSED, InviteRefusal.RULE,
                                Refusal.EXTERNAL_NOT_INVITABLE)  # fmt: skip
        if domain in self.unknown_domains:
            return InviteResult(entry, InviteOutcome.REFUSED, InviteRefusal.UNKNOWN_ADDRESS)
        self.invited.append(entry.value)
        self.members.add(entry.value)
        if domain in self.no_account_domains:
            return InviteResult(entry, InviteOutcome.INVITED_BY_EMAIL)
        return InviteResult(entry, InviteOutcome.INVITED, user_id=entry.value)

    async def invite(self, room_id: str, user_id: str) -> None:
        result = self.outcome(classify(user_id))
        if result.rule is not None:
            raise RoomRuleRefused(result.rule)

    async def invite_many(
        self,
        room_id: str,
        entries: list[Entry],
        on_result: Callable[[int, InviteResult], None] | None = None,
    ) -> list[InviteResult]:
        gate = asyncio.Semaphore(self.concurrency)
        results: list[InviteResult | None] = [None] * len(entries)

        async def one(index: int, entry: Entry) -> None:
            async with gate:
                if self.gate is not None:
                    await self.gate.wait()
                await asyncio.sleep(self.delay_s)
                results[index] = self.outcome(entry)
            if on_result is not None:
                on_result(index, results[index])

        await asyncio.gather(*(one(i, e) for i, e in enumerate(entries)))
        return [r for r in results if r is not None]
