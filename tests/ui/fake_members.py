"""The fake's members and rights of its rooms (`RoomApi`'s h12 part), in memory."""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path

from app.core.errors import ActionError, ActionFailed
from app.rooms.member_rows import MemberState, RoomMember
from app.rooms.outcome import Outcome
from app.rooms.power_levels import (
    Action,
    PowerLevels,
    checked_action_change,
    checked_user_change,
    role_of,
)


class FakeRoster:
    """Members and power levels per room; changes checked with the real rules."""

    def __init__(self, own: str, is_external) -> None:
        self.own = own
        self.is_external = is_external
        self.members: dict[str, list[RoomMember]] = {}
        self.levels: dict[str, dict] = {}
        self.calls: list[tuple] = []
        self.fail_with: ActionFailed | None = None  # the next change raises this

    def set_room(self, room_id: str, members: list[RoomMember], levels: dict) -> None:
        self.members[room_id] = list(members)
        self.levels[room_id] = levels

    def member_list(self, room_id: str) -> list[RoomMember]:
        self.calls.append(("member_list", room_id))
        return [
            replace(m, external=self.is_external(m.user_id)) for m in self.members.get(room_id, [])
        ]

    def power_levels(self, room_id: str) -> PowerLevels:
        return PowerLevels.parse(self.levels.get(room_id))

    def _failure(self) -> None:
        failure, self.fail_with = self.fail_with, None
        if failure is not None:
            raise failure

    def set_member_level(self, room_id: str, user_id: str, level: int) -> Outcome:
        self.calls.append(("set_member_level", room_id, user_id, level))
        levels = self.power_levels(room_id)
        content = checked_user_change(levels, self.own, user_id, level, self.is_external(user_id))
        self._failure()
        self.levels[room_id] = content
        self.members[room_id] = [replace(m, level=level, role=role_of(level))
                                 if m.user_id == user_id else m
                                 for m in self.members.get(room_id, [])]  # fmt: skip
        return Outcome.DONE

    def set_action_level(self, room_id: str, action: Action, level: int) -> Outcome:
        self.calls.append(("set_action_level", room_id, action, level))
        content = checked_action_change(self.power_levels(room_id), self.own, action, level)
        self._failure()
        self.levels[room_id] = content
        return Outcome.DONE

    def membership(self, room_id: str, verb: str, user_id: str, reason: str) -> Outcome:
        self.calls.append((verb, room_id, user_id, reason))
        self._failure()
        if not any(m.user_id == user_id for m in self.members.get(room_id, [])):
            raise ActionFailed(ActionError.NOT_FOUND, verb)
        state = {"kick": None, "ban": MemberState.BANNED, "unban": None}[verb]
        kept = [m for m in self.members[room_id] if m.user_id != user_id]
        if state is not None:
            old = next(m for m in self.members[room_id] if m.user_id == user_id)
            kept.append(replace(old, state=state))
        self.members[room_id] = kept
        return Outcome.DONE

    def export(self, room_id: str, target: str | os.PathLike) -> int:
        joined = [m for m in self.members.get(room_id, []) if m.state is MemberState.JOINED]
        lines = [f"{m.display_name} <{m.user_id}>" for m in joined]
        Path(target).write_text("".join(line + "\n" for line in lines), encoding="utf-8")
        return len(lines)
