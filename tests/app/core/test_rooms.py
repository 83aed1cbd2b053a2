"""Room summaries: the spec's room name algorithm, tags, muting and the member names."""

from __future__ import annotations

from app.core.rooms import RoomFacts, compute_summary, display_name
from app.core.types import Membership

OWN = "@moi:x"


def member(user: str, name: str | None = None, membership: str = "join") -> tuple:
    content = {"membership": membership}
    if name:
        content["displayname"] = name
    return ("m.room.member", user), content


def facts(heroes=(), joined=0, invited=0, **kw) -> RoomFacts:
    return RoomFacts("!r:x", Membership.JOIN, heroes=list(heroes), joined_count=joined,
                     invited_count=invited, **kw)  # fmt: skip


def test_a_name_wins_then_the_canonical_alias():
    state = dict([member("@a:x", "Alice")])
    state[("m.room.canonical_alias", "")] = {"alias": "#salon:x"}
    assert display_name(facts(["@a:x"], 2), state, OWN).name == "#salon:x"
    state[("m.room.name", "")] = {"name": "  Télétravail "}
    name = display_name(facts(["@a:x"], 2), state, OWN)
    assert (name.name, name.is_fallback, name.heroes) == ("Télétravail", False, ())


def test_one_hero_two_heroes_and_others():
    state = dict([member("@a:x", "Alice"), member("@b:x", "Bob"), member(OWN, "Moi")])
    one = display_name(facts(["@a:x"], 2), state, OWN)
    assert (one.heroes, one.others, one.is_fallback, one.is_empty) == (("Alice",), 0, True, False)
    two = display_name(facts(["@b:x", "@a:x", OWN], 3), state, OWN)
    assert (two.heroes, two.others) == (("Alice", "Bob"), 0)
    many = display_name(facts(["@a:x", "@b:x"], 5, 1), state, OWN)
    assert (many.heroes, many.others) == (("Alice", "Bob"), 3)  # 6 members: us, 2 heroes, 3


def test_a_hero_without_member_state_is_named_by_localpart():
    name = display_name(facts(["@jean.martin:x"], 2), {}, OWN)
    assert name.heroes == ("jean.martin",)


def test_nobody_else_is_an_empty_room_and_who_left_is_kept():
    empty = display_name(facts([], 1), {}, OWN)
    assert (empty.name, empty.heroes, empty.is_empty) == ("", (), True)
    was = display_name(facts(["@a:x"], 1), dict([member("@a:x", "Alice", "leave")]), OWN)
    assert (was.heroes, was.is_empty) == (("Alice",), True)


def test_without_a_summary_the_members_in_state_are_used():
    state = dict([member("@a:x", "Alice"), member("@b:x", "Bob", "invite"),
                  member("@c:x", "Carl", "leave"), member(OWN, "Moi")])  # fmt: skip
    name = display_name(facts(), state, OWN)
    assert (name.heroes, name.others, name.is_empty) == (("Alice", "Bob"), 0, False)


def test_summary_carries_tags_mute_join_rule_and_member_names():
    state = dict([member("@a:x", "Alice"), member("@b:x", "Bob")])
    state[("m.room.join_rules", "")] = {"join_rule": "public"}
    summary = compute_summary(
        facts(["@a:x", "@b:x"], 3, tags={"m.favourite": {}, "m.lowpriority": {}},
              muted=True, marked_unread=True), state, OWN, None,
    )  # fmt: skip
    assert summary.is_favourite and not summary.is_low_priority  # favourite wins
    assert summary.is_muted and summary.is_public and summary.marked_unread
    assert summary.member_names == ("Alice", "Bob")
    assert summary.hero_names == ("Alice", "Bob") and summary.name_is_fallback
    plain = compute_summary(facts(["@a:x"], 2, tags={"m.lowpriority": {"order": 0.5}}),
                            dict([member("@a:x", "Alice")]), OWN, None)  # fmt: skip
    assert plain.is_low_priority and not plain.is_public and not plain.is_muted


def test_member_names_are_bounded():
    state = dict(member(f"@u{i:03}:x", f"Agent {i:03}") for i in range(200))
    summary = compute_summary(facts([], 201), state, OWN, None)
    assert len(summary.member_names) == 20 and summary.member_names[0] == "Agent 000"


def test_a_direct_chat_names_its_other_person_by_id():
    state = dict([member("@a:x", "Alice [DINUM]")])
    dm = compute_summary(facts(["@a:x"], 2, is_direct=True, direct_user="@a:x"), state, OWN, None)
    assert dm.direct_user_id == "@a:x"
    salon = compute_summary(facts(["@a:x"], 2), state, OWN, None)
    assert salon.direct_user_id == ""
    # An invitation to a direct chat: the person is who invited us.
    invite_state = {("m.room.member", OWN): {"membership": "invite", "is_direct": True,
                                              "__sender": "@b:e.x"}}  # fmt: skip
    invite = compute_summary(RoomFacts("!i:x", Membership.INVITE), invite_state, OWN, None)
    assert invite.is_direct and invite.direct_user_id == "@b:e.x"
