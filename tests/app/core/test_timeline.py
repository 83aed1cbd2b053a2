"""Events to rows: every kind shows something, state changes are data, hostile text is cleaned."""

from __future__ import annotations

import json

import pytest

from app.core.state_events import StateChange
from app.core.timeline import item_from_event
from app.core.types import ItemKind

OWN = "@me:x"


def row(etype="m.room.message", content=None, **extra):
    ev = {"event_id": "$1", "type": etype, "sender": "@a:x", "origin_server_ts": 5,
          "content": {"msgtype": "m.text", "body": "x"} if content is None else content}  # fmt: skip
    ev.update(extra)
    return item_from_event(
        ev, "!r:x", OWN, lambda uid: {"@a:x": "Alice", "@b:x": "Bob"}.get(uid, "")
    )


@pytest.mark.parametrize(
    "content",
    [
        {"msgtype": "m.text", "body": 42},  # a body that is not a string
        {"body": "no msgtype"},
        {"msgtype": "m.text", "body": "x", "m.relates_to": "garbage"},
        {"msgtype": "m.text", "body": "x", "m.relates_to": {"rel_type": "m.replace"}},
        {"msgtype": "m.text", "body": "   "},  # nothing to read: never an empty bubble
        ["content", "not an object"],
    ],
)
def test_malformed_messages_are_unsupported_rows_with_their_source(content):
    item = row(content=content)
    assert item.kind is ItemKind.UNKNOWN and item.event_id == "$1"
    assert json.loads(item.source)["content"] == content


def test_unknown_event_types_show_a_row_and_noise_does_not():
    assert row("com.example.poll", {"q": 1}).kind is ItemKind.UNKNOWN
    assert row("com.example.state", {}, state_key="").kind is ItemKind.UNKNOWN
    assert row("m.reaction", {"m.relates_to": 3}).kind is ItemKind.UNKNOWN  # garbage relation
    assert row("m.key.verification.ready", {}) is None
    assert row("m.room.guest_access", {"guest_access": "forbidden"}, state_key="") is None
    assert row("m.room.message", {"msgtype": "x.custom", "body": "fallback"}).body == "fallback"


def test_reply_fallback_and_bidi_controls_are_stripped():
    content = {"msgtype": "m.text", "body": "> <@b:x> ce que Bob n'a pas dit\n\nma réponse\u202e",
               "m.relates_to": {"m.in_reply_to": {"event_id": "$0"}}}  # fmt: skip
    assert row(content=content).body == "ma réponse"
    not_a_reply = {"msgtype": "m.text", "body": "> une citation\n\nsuite"}
    assert row(content=not_a_reply).body == "> une citation\n\nsuite"


def member(content, prev=None, sender="@a:x", key="@b:x"):
    extra = {"state_key": key, "sender": sender}
    if prev is not None:
        extra["unsigned"] = {"prev_content": prev}
    return row("m.room.member", content, **extra)


def test_membership_changes_are_data_with_reasons():
    kicked = member({"membership": "leave", "reason": "hors\u202e sujet"}, {"membership": "join"})
    assert kicked.kind is ItemKind.MEMBERSHIP
    assert kicked.state_detail["what"] == StateChange.KICKED.value
    assert kicked.state_detail["reason"] == "hors sujet"
    banned = member({"membership": "ban", "reason": "spam"}, {"membership": "join"})
    assert banned.state_detail["what"] == "banned" and banned.state_detail["reason"] == "spam"
    unbanned = member({"membership": "leave"}, {"membership": "ban"})
    assert unbanned.state_detail["what"] == "unbanned"
    withdrawn = member({"membership": "leave"}, {"membership": "invite"})
    assert withdrawn.state_detail["what"] == "invite_withdrawn"
    renamed = member({"membership": "join", "displayname": "Robert"},
                     {"membership": "join", "displayname": "Bob"}, sender="@b:x")  # fmt: skip
    assert renamed.state_detail == {"what": "display_name_changed", "target": "Bob",
                                    "target_id": "@b:x", "value": "Robert"}  # fmt: skip


def test_power_level_changes_name_who_got_what():
    content = {"users": {"@a:x": 100, "@b:x": 50}, "ban": 50}
    first = row("m.room.power_levels", content, state_key="")
    assert first is None  # the room's first levels: nothing changed
    item = row("m.room.power_levels", content, state_key="",
               unsigned={"prev_content": {"users": {"@a:x": 100}, "ban": 50}})  # fmt: skip
    assert item.state_detail == {"what": "power_changed",
                                 "changes": [{"target": "Bob", "old": 0, "new": 50}]}  # fmt: skip
    other = row("m.room.power_levels", {"users": {}, "ban": 100}, state_key="",
                unsigned={"prev_content": {"users": {}, "ban": 50}})  # fmt: skip
    assert other.state_detail == {"what": "power_changed", "changes": []}


@pytest.mark.parametrize(
    ("etype", "content", "what", "value"),
    [
        ("m.room.join_rules", {"join_rule": "public"}, "join_rule", "public"),
        ("m.room.join_rules", {"join_rule": 7}, "join_rule", "other"),
        ("im.vector.room.access_rules", {"rule": "unrestricted"}, "access_rule", "unrestricted"),
        ("m.room.history_visibility", {"history_visibility": "joined"}, "history_visibility",
         "joined"),
        ("m.room.avatar", {}, "room_avatar_changed", ""),
        ("m.room.topic", {"topic": ["not", "text"]}, "topic_changed", ""),
    ],
)  # fmt: skip
def test_room_state_changes_are_data(etype, content, what, value):
    item = row(etype, content, state_key="")
    assert item.kind is ItemKind.ROOM_STATE
    assert item.state_detail["what"] == what and item.state_detail.get("value", "") == value
