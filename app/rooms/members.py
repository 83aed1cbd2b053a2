"""`MembersService`: a room's members and rights, and what a moderator does with them.

The list comes from the cache (`member_rows`), completed once per room and session by
`GET /rooms/{id}/members`: the sync loads members lazily, bringing only those who spoke.
Every change (a level, an action's level, a removal, a ban, an unban) is checked against
the rules first (`power_levels`, `kinds`), then goes through the outbox as a request: on
disk first, sent once and in order, kept while offline. The caller waits a few seconds
for the server's answer: a refusal raises (the access-rules module's 403 on raising an
external is `RoomRuleRefused(EXTERNAL_NO_POWER, by_server=True)`), no answer yet is
`Outcome.QUEUED` (it goes out when the server is back).
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import replace
from pathlib import Path

from app.accounts.externals import ExternalRules
from app.core.errors import ActionError, ActionFailed
from app.net.api import ApiError, path
from app.rooms import member_rows
from app.rooms.kinds import Refusal, RoomRuleRefused
from app.rooms.member_rows import MemberState, RoomMember
from app.rooms.outcome import OutboxAnswers, Outcome
from app.rooms.power_levels import (
    Action,
    PowerLevels,
    checked_action_change,
    checked_user_change,
)
from app.services.context import ServiceContext, Tasks

log = logging.getLogger("tchap.net")


class MembersService:
    """Members, levels, removals and bans of the rooms of one session."""

    def __init__(self, ctx: ServiceContext, answers: OutboxAnswers) -> None:
        self._ctx = ctx
        self._answers = answers  # changes go through the outbox; its answer is awaited a little
        self._tasks = Tasks("members")
        self._complete: set[str] = set()  # rooms whose /members was read this session
        self._creators: dict[str, tuple[str, ...]] = {}  # room -> its v12 creators (or ())
        self.externals = ExternalRules(ctx.user_id, ctx.config.get("external_servers") or ())

    async def stop(self) -> None:
        """Stop the member look-ups (what is queued stays in the outbox)."""
        await self._tasks.stop()

    # -- reading ------------------------------------------------------------------------------

    async def members(self, room_id: str) -> list[RoomMember]:
        """Joined, invited, banned and email-invited members, each with level and role."""
        if room_id not in self._complete:
            await self._fetch_all(room_id)
        creators = await self._room_creators(room_id)
        members = await self._ctx.cache.call(member_rows.read_members, room_id, creators)
        is_external = self.externals.is_external
        return [_with_external(m, is_external(m.user_id)) for m in members]

    async def _fetch_all(self, room_id: str) -> None:
        try:
            answer = await self._ctx.api.request(
                "GET", path("/_matrix/client/v3/rooms/{}/members", room_id)
            )
        except ApiError as exc:  # offline: the members the cache knows
            log.info("room members not fetched (%s)", exc)
            return
        chunk = answer.get("chunk") if isinstance(answer, dict) else None
        if not isinstance(chunk, list):
            log.warning("room members: the answer has no chunk list")
            return
        await self._ctx.cache.call(member_rows.add_members, room_id, chunk)
        self._complete.add(room_id)

    async def power_levels(self, room_id: str) -> PowerLevels:
        """The room's rights as the cache has them."""
        creators = await self._room_creators(room_id)
        return await self._ctx.cache.call(member_rows.read_levels, room_id, creators)

    async def _room_creators(self, room_id: str) -> tuple[str, ...]:
        """A version 12 room's creators (they outrank every level): its m.room.create's
        sender, which the cache does not keep; asked once per room and session."""
        if room_id in self._creators:
            return self._creators[room_id]
        api_path = path("/_matrix/client/v3/rooms/{}/state/m.room.create/", room_id)
        try:
            event = await self._ctx.api.request("GET", api_path + "?format=event")
        except ApiError as exc:
            log.info("room creators not known (%s)", exc)
            return ()  # asked again next time
        self._creators[room_id] = member_rows.creators_of(event)
        return self._creators[room_id]

    # -- changing -----------------------------------------------------------------------------

    async def set_level(
        self, room_id: str, user_id: str, level: int, *, check: bool = True
    ) -> Outcome:
        """Give `user_id` the level `level` (100, 50, 0...). `check=False` skips the client's
        rules (tests: what the server does when forced)."""
        levels = await self.power_levels(room_id)
        external = self.externals.is_external(user_id)
        if check:
            content = checked_user_change(levels, self._ctx.user_id, user_id, level, external)
        else:
            content = levels.with_user_level(user_id, level)
        # The server refusing a raise is the access-rules module refusing an external.
        raised = level > levels.users_default
        failure: ActionFailed = (
            RoomRuleRefused(Refusal.EXTERNAL_NO_POWER, by_server=True)
            if raised else ActionFailed(ActionError.FORBIDDEN, "power levels")
        )  # fmt: skip
        return await self._send_power(room_id, content, failure)

    async def set_action_level(self, room_id: str, action: Action, level: int) -> Outcome:
        """Set the level needed for `action`."""
        levels = await self.power_levels(room_id)
        content = checked_action_change(levels, self._ctx.user_id, action, level)
        return await self._send_power(
            room_id, content, ActionFailed(ActionError.FORBIDDEN, "power levels")
        )

    async def _send_power(self, room_id: str, content: dict, failure: ActionFailed) -> Outcome:
        api_path = path("/_matrix/client/v3/rooms/{}/state/m.room.power_levels/", room_id)
        return await self._queued("PUT", api_path, content, failure)

    async def kick(self, room_id: str, user_id: str, reason: str = "") -> Outcome:
        """Remove `user_id` from the room (they may come back if invited again)."""
        return await self._membership(room_id, "kick", user_id, reason, Action.KICK)

    async def ban(self, room_id: str, user_id: str, reason: str = "") -> Outcome:
        """Ban `user_id`: removed, and kept out until unbanned."""
        return await self._membership(room_id, "ban", user_id, reason, Action.BAN)

    async def unban(self, room_id: str, user_id: str) -> Outcome:
        """Let a banned user be invited or join again."""
        return await self._membership(room_id, "unban", user_id, "", Action.BAN)

    async def _membership(
        self, room_id: str, verb: str, user_id: str, reason: str, action: Action
    ) -> Outcome:
        from app.rooms.power_levels import PowerChangeRefused, PowerRefusal

        levels = await self.power_levels(room_id)
        own = self._ctx.user_id
        if not levels.can(own, action):
            raise PowerChangeRefused(PowerRefusal.CANNOT_EDIT)
        if user_id != own and levels.user_level(user_id) >= levels.user_level(own):
            raise PowerChangeRefused(PowerRefusal.PEER_OR_HIGHER)
        body = {"user_id": user_id, **({"reason": reason.strip()} if reason.strip() else {})}
        api_path = path("/_matrix/client/v3/rooms/{}/" + verb, room_id)
        return await self._queued("POST", api_path, body, ActionFailed(ActionError.FORBIDDEN, verb))

    async def _queued(
        self, method: str, api_path: str, body: dict, failure: ActionFailed
    ) -> Outcome:
        """Through the outbox, then wait a little for the answer (raise `failure` if refused)."""
        outcome = await self._answers.send(method, api_path, body)
        if outcome is Outcome.REFUSED:
            raise failure
        if outcome is Outcome.QUEUED:
            log.info("%s queued: no answer from the server yet", method)
        return outcome

    # -- export -------------------------------------------------------------------------------

    async def export(self, room_id: str, target: str | Path) -> int:
        """Write the joined members to a .txt file, one per line ("Name [Org] <address>");
        the count written. Raises OSError when the file cannot be written."""
        members = [m for m in await self.members(room_id) if m.state is MemberState.JOINED]
        members.sort(key=lambda m: (m.name.casefold(), m.user_id))
        lines = [f"{m.display_name} <{m.user_id}>" for m in members]
        text = "\n".join(lines) + ("\n" if lines else "")
        await asyncio.to_thread(Path(target).write_text, text, encoding="utf-8")
        return len(lines)


def _with_external(member: RoomMember, external: bool) -> RoomMember:
    return replace(member, external=external) if external else member
