"""The benchmark account plan: sizes, distribution, determinism."""

from bench.plan import BIG_ROOM_EVENTS, MAX_MEMBERS, RoomKind, make_plan, snapshot_name


def test_default_account_matches_the_issue():
    plan = make_plan(1000, 100_000)
    assert len(plan.rooms) == 1000
    assert plan.total_messages == 100_000
    kinds = plan.summary()["kinds"]
    assert kinds["direct"] == 334
    assert kinds["encrypted"] == 333
    assert kinds["group"] + kinds["salon"] == 333
    assert 5 <= kinds["salon"] <= 20
    big = [r for r in plan.rooms if r.big]
    assert len(big) == 3
    assert all(r.messages == BIG_ROOM_EVENTS for r in big)
    assert {r.kind for r in big} == {RoomKind.GROUP, RoomKind.ENCRYPTED}


def test_members_range_from_two_to_two_hundred():
    plan = make_plan(1000, 100_000)
    members = [r.members for r in plan.rooms]
    assert min(members) == 2
    assert max(members) == MAX_MEMBERS
    assert all(r.members == 2 for r in plan.by_kind(RoomKind.DIRECT))
    assert all(r.members == MAX_MEMBERS for r in plan.by_kind(RoomKind.SALON))
    assert plan.bots_needed >= max(len(plan.by_kind(RoomKind.DIRECT)), MAX_MEMBERS - 1)


def test_every_room_has_a_message_and_the_total_is_exact():
    for rooms, events in ((10, 300), (100, 10_000), (1000, 100_000), (5000, 500_000)):
        plan = make_plan(rooms, events)
        assert plan.total_messages == events
        assert all(r.messages >= 1 for r in plan.rooms)


def test_small_accounts_scale_the_big_rooms_down():
    plan = make_plan(100, 10_000)
    big = [r for r in plan.rooms if r.big]
    assert len(big) == 1
    assert big[0].kind is RoomKind.GROUP  # plain: scrolling works without imported keys
    assert big[0].messages == 3000


def test_plan_is_deterministic_and_seed_dependent():
    assert make_plan(100, 10_000) == make_plan(100, 10_000)
    assert make_plan(100, 10_000, seed=1) != make_plan(100, 10_000, seed=2)


def test_room_names_and_snapshot_name():
    plan = make_plan(30, 600)
    assert all(r.name == "" for r in plan.by_kind(RoomKind.DIRECT))
    assert all(r.name.startswith("Équipe ") for r in plan.by_kind(RoomKind.ENCRYPTED))
    assert snapshot_name(1000, 100_000) == "r1000-e100000"
