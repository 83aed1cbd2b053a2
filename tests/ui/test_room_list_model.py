"""RoomListModel (diffs, never a reset on sync) and RoomListProxy (sections, order, filter)."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt

from app.core.types import Membership, RoomSummary
from tests.ui.demo_data import demo_rooms
from ui.models.room_list import (
    SECTION_ROWS,
    RoomListModel,
    RoomListProxy,
    Section,
    display_name,
)


def room(room_id: str, name: str, ts: int, **kw) -> RoomSummary:
    return RoomSummary(room_id, name, kw.pop("is_direct", False), True,
                       kw.pop("membership", Membership.JOIN), last_ts=ts, **kw)  # fmt: skip


def names(proxy: RoomListProxy) -> list[str]:
    return [proxy.index(r, 0).data() for r in range(proxy.rowCount())]


def room_names(model: RoomListModel) -> list[str]:
    return [model.index(r, 0).data() for r in range(SECTION_ROWS, model.rowCount())]


def sorted_proxy(rooms: list[RoomSummary]) -> tuple[RoomListModel, RoomListProxy]:
    model = RoomListModel()
    proxy = RoomListProxy()
    proxy.setSourceModel(model)
    model.set_rooms(rooms)
    return model, proxy


def test_model_passes_qtmodeltester_with_rows_and_after_diffs(qtmodeltester):
    model = RoomListModel()
    model.set_rooms(demo_rooms())
    qtmodeltester.check(model)
    model.upsert([room("!new:x", "Nouveau salon", 5)])
    model.upsert([replace(demo_rooms()[0], unread_count=9, is_favourite=True)])
    model.remove(["!new:x", demo_rooms()[1].room_id])
    qtmodeltester.check(model)
    assert model.room_count() == len(demo_rooms()) - 1
    assert model.rowCount() == SECTION_ROWS + len(demo_rooms()) - 1


def test_upsert_inserts_new_rooms_and_changes_known_ones_in_place(qtbot):
    model = RoomListModel()
    model.set_rooms([room("!a:x", "A", 1)])
    resets, inserted, changed = [], [], []
    model.modelReset.connect(lambda: resets.append(1))
    model.rowsInserted.connect(lambda _p, first, last: inserted.append((first, last)))
    model.dataChanged.connect(lambda tl, br, roles: changed.append(tl.row()))
    model.upsert([room("!a:x", "A renamed", 2), room("!b:x", "B", 3), room("!c:x", "C", 4)])
    assert resets == []
    assert inserted == [(SECTION_ROWS + 1, SECTION_ROWS + 2)]
    assert changed == [SECTION_ROWS, int(Section.ROOMS)]  # the room, then its header's count
    assert model.index(SECTION_ROWS, 0).data() == "A renamed"
    assert model.row_of("!c:x") == SECTION_ROWS + 2
    header = model.index(int(Section.ROOMS), 0)
    assert header.data(RoomListModel.Role.SECTION_COUNT) == 3
    assert header.data(RoomListModel.Role.IS_HEADER)


def test_unchanged_summary_emits_nothing(qtbot):
    model = RoomListModel()
    model.set_rooms([room("!a:x", "A", 1)])
    with qtbot.assertNotEmitted(model.dataChanged):
        model.upsert([room("!a:x", "A", 1)])


def test_remove_takes_rows_out_and_keeps_lookups_right():
    model = RoomListModel()
    model.set_rooms([room(f"!{c}:x", c, i) for i, c in enumerate("abcd")])
    removed = []
    model.rowsRemoved.connect(lambda _p, first, last: removed.append(first - SECTION_ROWS))
    model.remove(["!b:x", "!d:x", "!unknown:x"])
    assert sorted(removed) == [1, 3]
    assert room_names(model) == ["a", "c"]
    assert model.row_of("!c:x") == SECTION_ROWS + 1
    assert model.summary("!b:x") is None


def test_room_names_follow_the_spec_in_the_users_words():
    fallback = {"name_is_fallback": True}
    assert display_name(room("!e:x", "", 1, is_empty=True, **fallback)) == "Empty room"
    assert display_name(room("!e:x", "", 1, **fallback)) == "Empty room"
    alice = room("!a:x", "Alice", 1, hero_names=("Alice",), **fallback)
    assert display_name(alice) == "Alice"
    two = replace(alice, hero_names=("Alice", "Bob"))
    assert display_name(two) == "Alice and Bob"
    assert display_name(replace(two, hero_names=("Alice", "Bob", "Carl"))) == "Alice, Bob and Carl"
    assert display_name(replace(two, other_members=3)).startswith("Alice, Bob and 3 other")
    assert display_name(replace(two, is_empty=True)) == "Empty room (was Alice and Bob)"
    assert display_name(room("!n:x", "Télétravail", 1, hero_names=("Zoé",))) == "Télétravail"
    invite = room("!i:x", "Jean", 1, membership=Membership.INVITE, **fallback)
    assert display_name(invite) == "Jean"  # named after who invited us


def test_proxy_shows_sections_in_order_most_recent_first(qtmodeltester):
    model, proxy = sorted_proxy([
        room("!old:x", "Ancien", 100),
        room("!inv:x", "Invitation", 50, membership=Membership.INVITE, inviter="Jean"),
        room("!new:x", "Récent", 300),
        room("!dm:x", "Camille", 200, is_direct=True),
        room("!fav:x", "Favori", 10, is_favourite=True),
        room("!low:x", "Plus tard", 999, is_low_priority=True),
    ])  # fmt: skip
    assert names(proxy) == [
        "Invitations", "Invitation", "Favourites", "Favori", "Direct chats", "Camille",
        "Salons", "Récent", "Ancien", "Low priority", "Plus tard",
    ]  # fmt: skip
    model.upsert([room("!old:x", "Ancien", 400)])  # a new message moves it up
    assert names(proxy)[7:9] == ["Ancien", "Récent"]
    model.upsert([room("!dm:x", "Camille", 200, is_direct=True, is_favourite=True)])
    assert names(proxy)[:6] == [
        "Invitations", "Invitation", "Favourites", "Camille", "Favori", "Salons"]  # fmt: skip
    assert "Direct chats" not in names(proxy)  # an empty section has no header
    qtmodeltester.check(proxy)


def test_collapsed_sections_keep_their_header_and_hide_their_rooms(qtmodeltester):
    model, proxy = sorted_proxy([
        room("!a:x", "A", 1, unread_count=2), room("!b:x", "B", 2),
        room("!dm:x", "Camille", 3, is_direct=True),
    ])  # fmt: skip
    assert proxy.toggle(Section.ROOMS) is True
    assert names(proxy) == ["Direct chats", "Camille", "Salons"]
    header = proxy.index(2, 0)
    assert header.data(RoomListModel.Role.SECTION_COUNT) == 2
    assert header.data(RoomListModel.Role.SECTION_UNREAD) == 1
    model.upsert([room("!c:x", "C", 9)])  # a new room in a collapsed section stays hidden
    assert names(proxy) == ["Direct chats", "Camille", "Salons"]
    qtmodeltester.check(proxy)
    spoken = header.data(Qt.ItemDataRole.AccessibleTextRole)
    assert spoken.startswith("Salons: 3 conversation") and spoken.endswith(", folded")
    assert proxy.toggle(Section.ROOMS) is False
    assert names(proxy)[2:] == ["Salons", "C", "B", "A"]


def test_proxy_filter_ignores_case_and_accents_and_finds_members(qtmodeltester):
    model, proxy = sorted_proxy(demo_rooms())
    proxy.set_collapsed({Section.ROOMS})  # searching looks into collapsed sections too
    proxy.set_filter_text("TELETRAV")
    assert names(proxy) == ["Télétravail"]  # no headers while searching
    proxy.set_filter_text("jean dupont")  # matches the inviter of the invitation
    assert names(proxy) == ["Cellule de crise — Préfecture"]
    model.upsert([replace(demo_rooms()[4], member_names=("Zoé Lefèvre", "Marc Roux"))])
    proxy.set_filter_text("zoe")
    assert names(proxy) == ["Direction du numérique"]
    proxy.set_filter_text("")
    # Invitations, Direct chats and Salons (collapsed: its 4 rooms hidden) have headers.
    assert proxy.rowCount() == len(demo_rooms()) - 4 + 3
    qtmodeltester.check(proxy)


def test_room_names_with_others_are_plural_in_english_and_french(qapp, tmp_path):
    from tests.ui.test_i18n import _installed, _remove

    two = room("!a:x", "", 1, name_is_fallback=True, hero_names=("Alice", "Bob"))
    for language, one, many in (
        ("en", "Alice, Bob and 1 other", "Alice, Bob and 3 others"),
        ("fr", "Alice, Bob et 1 autre", "Alice, Bob et 3 autres"),
    ):
        translators = _installed(qapp, language, tmp_path)
        try:
            assert display_name(replace(two, other_members=1)) == one
            assert display_name(replace(two, other_members=3)) == many
        finally:
            _remove(translators)


def test_roles_start_after_user_role():
    assert min(RoomListModel.Role) == Qt.ItemDataRole.UserRole + 1
