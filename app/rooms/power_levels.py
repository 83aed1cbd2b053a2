"""Who may do what in a room: m.room.power_levels read defensively, and the editor's rules.

Pure (no I/O). `PowerLevels.parse` reads the content as the spec says, with its defaults
for a missing key and tolerance for hostile values (a string, a float, a boolean, a
number beyond JSON's safe integers): a level that cannot be read is the default. The
rules are Synapse's auth rules for a power-levels change, plus Tchap's (an external is
never raised): the editor offers nothing the server would refuse, and a refused change
says why (`PowerRefusal`, or `kinds.Refusal.EXTERNAL_NO_POWER`).
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass, field, replace
from enum import Enum, auto

from app.core.errors import ActionError, ActionFailed
from app.rooms.kinds import ACCESS_RULES_TYPE, Refusal, check_power

POWER_LEVELS_TYPE = "m.room.power_levels"
ADMIN, MODERATOR, MEMBER = 100, 50, 0
MAX_LEVEL = 2**53 - 1  # canonical JSON's integers: beyond, a level is not a level
CREATOR = MAX_LEVEL + 1  # room version 12: the creators are above every level, for good
_INT = re.compile(r"^\s*[+-]?\d{1,16}\s*$")
_UNREADABLE = -(2**60)  # level_value's default when a missing level must be told apart


class Role(Enum):
    ADMIN = "admin"  # 100
    MODERATOR = "moderator"  # 50
    MEMBER = "member"  # 0
    CUSTOM = "custom"  # any other level


ROLE_LEVELS = {Role.ADMIN: ADMIN, Role.MODERATOR: MODERATOR, Role.MEMBER: MEMBER}


def role_of(level: int) -> Role:
    """The role a level is shown as."""
    if level >= CREATOR:
        return Role.ADMIN
    for role, value in ROLE_LEVELS.items():
        if level == value:
            return role
    return Role.CUSTOM


class Action(Enum):
    """What a level is needed for, in the rights page's order."""

    SEND = "send"  # events_default
    INVITE = "invite"
    KICK = "kick"
    BAN = "ban"
    REDACT = "redact"  # delete others' messages
    NAME = "name"
    TOPIC = "topic"
    AVATAR = "avatar"
    HISTORY = "history"
    ENCRYPTION = "encryption"
    ACCESS_RULES = "access_rules"
    POWER = "power"  # change the rights themselves
    SETTINGS = "settings"  # any other state (state_default)
    NOTIFY = "notify"  # @room (notifications.room)


# The top-level key an action reads, with the spec's default when the event has it not.
_TOP = {Action.SEND: ("events_default", 0), Action.INVITE: ("invite", 0),
        Action.KICK: ("kick", 50), Action.BAN: ("ban", 50), Action.REDACT: ("redact", 50),
        Action.SETTINGS: ("state_default", 50)}  # fmt: skip
# The state event type an action reads in `events` (state_default when absent).
EVENT_TYPES = {Action.NAME: "m.room.name", Action.TOPIC: "m.room.topic",
               Action.AVATAR: "m.room.avatar", Action.HISTORY: "m.room.history_visibility",
               Action.ENCRYPTION: "m.room.encryption", Action.ACCESS_RULES: ACCESS_RULES_TYPE,
               Action.POWER: POWER_LEVELS_TYPE}  # fmt: skip


class PowerRefusal(Enum):
    """Why the editor does not offer a change (a Matrix rule; Tchap's are `kinds.Refusal`)."""

    CANNOT_EDIT = auto()  # our level may not change the rights at all
    ABOVE_OWN = auto()  # nobody is raised, nor an action set, above our own level
    PEER_OR_HIGHER = auto()  # a member at our level or above keeps theirs
    ACTION_ABOVE_OWN = auto()  # an action above our level keeps its level
    INVALID_LEVEL = auto()  # not a level (beyond JSON's integers)


class PowerChangeRefused(ActionFailed):
    """A change of rights the rules forbid (refused before asking the server)."""

    def __init__(self, refusal: PowerRefusal) -> None:
        super().__init__(ActionError.FORBIDDEN, refusal.name)
        self.refusal = refusal


def level_value(value: object, default: int) -> int:
    """A level as the server reads it: an integer (or a string of one); else `default`."""
    if isinstance(value, bool):
        return default
    if isinstance(value, float):
        value = int(value) if value.is_integer() else None
    elif isinstance(value, str):
        value = int(value) if _INT.match(value) else None
    if not isinstance(value, int) or abs(value) > MAX_LEVEL:
        return default
    return value


@dataclass(frozen=True)
class PowerLevels:
    """A room's m.room.power_levels, read with the spec's defaults."""

    content: dict = field(default_factory=dict)  # as received (kept for the next change)
    users_default: int = 0
    users: dict[str, int] = field(default_factory=dict)
    actions: dict[Action, int] = field(default_factory=dict)
    events: dict[str, int] = field(default_factory=dict)

    @classmethod
    def parse(
        cls, content: object, creator: str = "", creators: tuple[str, ...] = ()
    ) -> PowerLevels:
        """Read the content (None or not a dict: no event, the creator alone is admin).
        `creators`: a version 12 room's creators, above any level whatever the content says."""
        levels = cls._parse(content, creator)
        for user_id in creators:
            levels.users[user_id] = CREATOR
        return levels

    @classmethod
    def _parse(cls, content: object, creator: str) -> PowerLevels:
        if not isinstance(content, dict):
            # No power levels event: the creator has 100, everyone else 0, state needs 0.
            users = {creator: ADMIN} if creator else {}
            actions = {a: d for a, (_, d) in _TOP.items()} | {Action.SETTINGS: 0}
            actions |= {a: 0 for a in EVENT_TYPES} | {Action.NOTIFY: 50}
            return cls({}, 0, users, actions, {})
        users_default = level_value(content.get("users_default"), 0)
        users_raw = content.get("users")
        users = {}
        if isinstance(users_raw, dict):
            for user_id, level in users_raw.items():
                if isinstance(user_id, str) and user_id.startswith("@"):
                    users[user_id] = level_value(level, users_default)
        events_raw = content.get("events")
        events = {}
        if isinstance(events_raw, dict):
            for event_type, value in events_raw.items():
                level = level_value(value, _UNREADABLE)
                if isinstance(event_type, str) and level != _UNREADABLE:
                    events[event_type] = level  # an unreadable one: state_default applies
        actions = {a: level_value(content.get(key), d) for a, (key, d) in _TOP.items()}
        state_default = actions[Action.SETTINGS]
        for action, event_type in EVENT_TYPES.items():
            actions[action] = events.get(event_type, state_default)
        notifications = content.get("notifications")
        room = notifications.get("room") if isinstance(notifications, dict) else None
        actions[Action.NOTIFY] = level_value(room, 50)
        return cls(copy.deepcopy(content), users_default, users, actions, events)

    def user_level(self, user_id: str) -> int:
        """A user's level (users_default when not listed)."""
        return self.users.get(user_id, self.users_default)

    def level_for(self, action: Action) -> int:
        return self.actions[action]

    def can(self, user_id: str, action: Action) -> bool:
        """May `user_id` do `action`?"""
        return self.user_level(user_id) >= self.actions[action]

    def can_edit(self, user_id: str) -> bool:
        """May `user_id` send a new m.room.power_levels at all?"""
        return self.can(user_id, Action.POWER)

    # -- the editor's rules ------------------------------------------------------------------

    def user_change_refusal(
        self, own: str, target: str, new_level: int, target_is_external: bool = False
    ) -> PowerRefusal | Refusal | None:
        """None if `own` may give `target` the level `new_level`, else why not."""
        if abs(new_level) > MAX_LEVEL:
            return PowerRefusal.INVALID_LEVEL
        own_level = self.user_level(own)
        if not self.can_edit(own):
            return PowerRefusal.CANNOT_EDIT
        if target != own and self.user_level(target) >= own_level:
            return PowerRefusal.PEER_OR_HIGHER
        if new_level > own_level:
            return PowerRefusal.ABOVE_OWN
        return check_power(target_is_external, new_level, self.users_default)

    def action_change_refusal(
        self, own: str, action: Action, new_level: int
    ) -> PowerRefusal | None:
        """None if `own` may set `action`'s level to `new_level`, else why not."""
        if abs(new_level) > MAX_LEVEL:
            return PowerRefusal.INVALID_LEVEL
        if not self.can_edit(own):
            return PowerRefusal.CANNOT_EDIT
        own_level = self.user_level(own)
        if self.actions[action] > own_level:
            return PowerRefusal.ACTION_ABOVE_OWN
        if new_level > own_level:
            return PowerRefusal.ABOVE_OWN
        return None

    def offered_levels(self, own: str, target: str, target_is_external: bool) -> list[Role]:
        """The roles the editor offers for `target` (never their current one)."""
        current = role_of(self.user_level(target))
        return [
            role
            for role, level in ROLE_LEVELS.items()
            if role is not current
            and self.user_change_refusal(own, target, level, target_is_external) is None
        ]

    # -- the new content for a change ---------------------------------------------------------

    def with_user_level(self, user_id: str, level: int) -> dict:
        """The content giving `user_id` the level `level` (the default: their entry goes)."""
        content = copy.deepcopy(self.content)
        users = content.get("users")
        users = dict(users) if isinstance(users, dict) else {}
        if level == self.users_default:
            users.pop(user_id, None)
        else:
            users[user_id] = level
        content["users"] = users
        return content

    def after_action_change(self, action: Action, level: int) -> PowerLevels:
        """These levels once `action` needs `level` (shown before the sync brings them)."""
        return replace(self, content=self.with_action_level(action, level),
                       actions={**self.actions, action: level})  # fmt: skip

    def with_action_level(self, action: Action, level: int) -> dict:
        """The content setting the level needed for `action`."""
        content = copy.deepcopy(self.content)
        if action in _TOP:
            content[_TOP[action][0]] = level
        elif action is Action.NOTIFY:
            notifications = content.get("notifications")
            notifications = dict(notifications) if isinstance(notifications, dict) else {}
            notifications["room"] = level
            content["notifications"] = notifications
        else:
            events = content.get("events")
            events = dict(events) if isinstance(events, dict) else {}
            events[EVENT_TYPES[action]] = level
            content["events"] = events
        return content


def checked_user_change(
    levels: PowerLevels, own: str, target: str, level: int, target_is_external: bool
) -> dict:
    """The new content for giving `target` the level `level`; raises when refused."""
    from app.rooms.kinds import RoomRuleRefused

    refusal = levels.user_change_refusal(own, target, level, target_is_external)
    if isinstance(refusal, Refusal):
        raise RoomRuleRefused(refusal)
    if refusal is not None:
        raise PowerChangeRefused(refusal)
    return levels.with_user_level(target, level)


def checked_action_change(levels: PowerLevels, own: str, action: Action, level: int) -> dict:
    """The new content for setting `action`'s level; raises PowerChangeRefused when refused."""
    refusal = levels.action_change_refusal(own, action, level)
    if refusal is not None:
        raise PowerChangeRefused(refusal)
    return levels.with_action_level(action, level)
