"""Reading room tags, the marked-unread flag and muted rooms from account data."""

from __future__ import annotations

from app.core.account_data import marked_unread, muted_rooms, room_tags


def test_room_tags_reads_tags_and_ignores_garbage():
    assert room_tags({"tags": {"m.favourite": {"order": 0.1}, "u.work": 3}}) == {
        "m.favourite": {"order": 0.1}, "u.work": {}}  # fmt: skip
    assert room_tags({"tags": "nope"}) == {}
    assert room_tags(None) == {}


def test_marked_unread_prefers_the_stable_type():
    stable = {"type": "m.marked_unread", "content": {"unread": False}}
    unstable = {"type": "com.famedly.marked_unread", "content": {"unread": True}}
    assert marked_unread([unstable]) is True
    assert marked_unread([unstable, stable]) is False
    assert marked_unread([{"type": "m.tag", "content": {}}]) is None
    assert marked_unread([{"type": "m.marked_unread", "content": {"unread": "yes"}}]) is False


def test_muted_rooms_from_room_rules_and_room_overrides():
    rules = {"global": {
        "override": [
            {"rule_id": "!a:x", "actions": [], "enabled": True,
             "conditions": [{"kind": "event_match", "key": "room_id", "pattern": "!a:x"}]},
            {"rule_id": ".m.rule.master", "actions": [], "enabled": False, "conditions": []},
            {"rule_id": "!off:x", "actions": [], "enabled": False,
             "conditions": [{"kind": "event_match", "key": "room_id", "pattern": "!off:x"}]},
        ],
        "room": [
            {"rule_id": "!b:x", "actions": ["dont_notify"], "enabled": True},
            {"rule_id": "!loud:x", "actions": ["notify"], "enabled": True},
            "garbage",
        ],
    }}  # fmt: skip
    assert muted_rooms(rules) == {"!a:x", "!b:x"}
    assert muted_rooms({"global": []}) == set()
    assert muted_rooms(None) == set()
