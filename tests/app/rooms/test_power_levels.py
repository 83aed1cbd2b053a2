"""m.room.power_levels read with the spec's defaults, hostile content tolerated, and the
editor's rules (pure: no server)."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.rooms.kinds import Refusal
from app.rooms.power_levels import (
    MAX_LEVEL,
    Action,
    PowerLevels,
    PowerRefusal,
    Role,
    level_value,
    role_of,
)

ADMIN, MOD, MEMBER, EXT = "@admin:x", "@mod:x", "@member:x", "@guest:e.x"


def room(**extra) -> PowerLevels:
    content = {"users": {ADMIN: 100, MOD: 50}, "events": {"m.room.power_levels": 50}, **extra}
    return PowerLevels.parse(content)


def test_the_spec_defaults_when_keys_are_missing():
    levels = PowerLevels.parse({})
    assert levels.level_for(Action.SEND) == 0 and levels.level_for(Action.INVITE) == 0
    assert levels.level_for(Action.KICK) == 50 and levels.level_for(Action.BAN) == 50
    assert levels.level_for(Action.REDACT) == 50 and levels.level_for(Action.SETTINGS) == 50
    assert levels.level_for(Action.NAME) == 50  # state_default
    assert levels.level_for(Action.NOTIFY) == 50
    assert levels.user_level("@anyone:x") == 0


def test_no_event_at_all_makes_the_creator_admin():
    levels = PowerLevels.parse(None, creator=ADMIN)
    assert levels.user_level(ADMIN) == 100 and levels.user_level(MEMBER) == 0
    assert levels.level_for(Action.NAME) == 0  # without the event, any member may set state


def test_event_levels_and_state_default():
    levels = PowerLevels.parse({"state_default": 20, "events": {"m.room.topic": 0}})
    assert levels.level_for(Action.TOPIC) == 0 and levels.level_for(Action.AVATAR) == 20
    assert levels.level_for(Action.ACCESS_RULES) == 20


def test_hostile_values_fall_back_to_defaults():
    levels = PowerLevels.parse({
        "users": {ADMIN: "100", MOD: 50.0, "@f:x": 12.5, "@b:x": True, "@h:x": 10**30,
                  "not a user": 100, 7: 100},
        "ban": "lots", "kick": None, "events": {"m.room.name": [1], "m.room.topic": "10"},
        "notifications": "everyone", "users_default": {"x": 1},
    })  # fmt: skip
    assert levels.user_level(ADMIN) == 100 and levels.user_level(MOD) == 50
    assert levels.user_level("@f:x") == 0 and levels.user_level("@b:x") == 0
    assert levels.user_level("@h:x") == 0
    assert "not a user" not in levels.users
    assert levels.level_for(Action.BAN) == 50 and levels.level_for(Action.KICK) == 50
    assert levels.level_for(Action.NAME) == 50 and levels.level_for(Action.TOPIC) == 10
    assert levels.level_for(Action.NOTIFY) == 50 and levels.users_default == 0


def test_roles():
    assert [role_of(v) for v in (100, 50, 0, 75, -1)] == [
        Role.ADMIN, Role.MODERATOR, Role.MEMBER, Role.CUSTOM, Role.CUSTOM]  # fmt: skip


def test_never_above_ourselves_nor_a_peer():
    levels = room()
    assert levels.user_change_refusal(MOD, MEMBER, 50) is None  # promote to our level
    assert levels.user_change_refusal(MOD, MEMBER, 100) is PowerRefusal.ABOVE_OWN
    assert levels.user_change_refusal(MOD, ADMIN, 0) is PowerRefusal.PEER_OR_HIGHER
    assert levels.user_change_refusal(ADMIN, MOD, 0) is None  # admin demotes a moderator
    assert levels.user_change_refusal(MOD, MOD, 0) is None  # stepping down ourselves
    assert levels.user_change_refusal(MEMBER, MEMBER, 0) is PowerRefusal.CANNOT_EDIT
    assert levels.offered_levels(MOD, MEMBER, False) == [Role.MODERATOR]
    assert levels.offered_levels(ADMIN, MOD, False) == [Role.ADMIN, Role.MEMBER]
    assert levels.offered_levels(MOD, ADMIN, False) == []


def test_an_external_is_never_raised():
    levels = room()
    assert levels.user_change_refusal(ADMIN, EXT, 50, True) is Refusal.EXTERNAL_NO_POWER
    assert levels.user_change_refusal(ADMIN, EXT, 0, True) is None
    assert levels.offered_levels(ADMIN, EXT, True) == []


def test_actions_never_above_ourselves():
    levels = room(ban=100)
    assert levels.action_change_refusal(MOD, Action.INVITE, 50) is None
    assert levels.action_change_refusal(MOD, Action.INVITE, 100) is PowerRefusal.ABOVE_OWN
    assert levels.action_change_refusal(MOD, Action.BAN, 0) is PowerRefusal.ACTION_ABOVE_OWN
    assert levels.action_change_refusal(MEMBER, Action.SEND, 0) is PowerRefusal.CANNOT_EDIT


def test_new_content_keeps_what_it_does_not_change():
    levels = room(custom_key={"kept": True})
    content = levels.with_user_level(MEMBER, 50)
    assert content["users"] == {ADMIN: 100, MOD: 50, MEMBER: 50}
    assert content["custom_key"] == {"kept": True}
    assert MOD not in levels.with_user_level(MOD, 0)["users"]  # the default: entry removed
    assert levels.content["users"] == {ADMIN: 100, MOD: 50}  # the original is untouched
    assert levels.with_action_level(Action.NAME, 0)["events"]["m.room.name"] == 0
    assert levels.with_action_level(Action.NOTIFY, 100)["notifications"] == {"room": 100}
    assert levels.with_action_level(Action.SEND, 50)["events_default"] == 50
    again = PowerLevels.parse(levels.with_action_level(Action.REDACT, 0))
    assert again.level_for(Action.REDACT) == 0
    after = levels.after_action_change(Action.REDACT, 0)
    assert after.level_for(Action.REDACT) == 0 and after.content == again.content
    assert levels.level_for(Action.REDACT) == 50  # unchanged


_scalar = st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=6)
_json = _scalar | st.lists(_scalar, max_size=3)
_user = st.sampled_from([ADMIN, MOD, MEMBER, EXT, "@x:y"])
_key = st.sampled_from(["users", "events", "ban", "kick", "redact", "invite", "events_default",
                        "state_default", "users_default", "notifications"])  # fmt: skip


@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.dictionaries(_key, _json | st.dictionaries(_user | st.text(max_size=6), _json, max_size=5))
)
def test_any_content_reads_as_levels_and_the_rules_hold(content):
    levels = PowerLevels.parse(content)
    for action in Action:
        assert abs(levels.level_for(action)) <= MAX_LEVEL
    for own in (ADMIN, MOD, MEMBER):
        for role in levels.offered_levels(own, MEMBER, False):
            level = {Role.ADMIN: 100, Role.MODERATOR: 50, Role.MEMBER: 0}[role]
            assert level <= levels.user_level(own)  # never above ourselves
            assert levels.user_level(MEMBER) < levels.user_level(own) or own == MEMBER
            assert (
                PowerLevels.parse(levels.with_user_level(MEMBER, level)).user_level(MEMBER) == level
            )
        for role in levels.offered_levels(own, EXT, True):  # an external: never raised
            assert {Role.ADMIN: 100, Role.MODERATOR: 50, Role.MEMBER: 0}[
                role
            ] <= levels.users_default


@given(st.one_of(st.integers(), st.floats(), st.text(max_size=20), st.booleans(), st.none()))
def test_a_level_is_an_integer_or_the_default(value):
    level = level_value(value, -7)
    assert isinstance(level, int) and abs(level) <= MAX_LEVEL


def test_version_12_creators_outrank_every_level():
    from app.rooms.member_rows import creators_of

    event = {"sender": ADMIN, "content": {"room_version": "12", "additional_creators": [MOD, 3]}}
    assert creators_of(event) == (ADMIN, MOD)
    assert creators_of({"sender": ADMIN, "content": {"room_version": "10"}}) == ()
    assert creators_of("hostile") == () and creators_of({"sender": 5, "content": []}) == ()
    levels = PowerLevels.parse({"users": {MEMBER: 100}}, creators=(ADMIN,))
    assert role_of(levels.user_level(ADMIN)) is Role.ADMIN
    assert levels.user_change_refusal(MEMBER, ADMIN, 0) is PowerRefusal.PEER_OR_HIGHER
    assert levels.user_change_refusal(ADMIN, MEMBER, 50) is None
    assert ADMIN not in levels.with_user_level(MEMBER, 50)["users"]  # never written
