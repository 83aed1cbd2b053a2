"""RoomListModel (diffs, never a reset on sync) and RoomListProxy (order, filter)."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt

from app.core.types import Membership, RoomSummary
from tests.ui.demo_data import demo_rooms
from ui.models.room_list import RoomListModel, RoomListProxy


def room(room_id: str, name: str, ts: int, **kw) -> RoomSummary:
    return RoomSummary(room_id, name, kw.pop("is_direct", False), True,
                       kw.pop("membership", Membership.JOIN), last_ts=ts, **kw)  # fmt: skip


def names(proxy: RoomListProxy) -> list[str]:
    return [proxy.index(r, 0).data() for r in range(proxy.rowCount())]


def test_model_passes_qtmodeltester_with_rows_and_after_diffs(qtmodeltester):
    model = RoomListModel()
    model.set_rooms(demo_rooms())
    qtmodeltester.check(model)
    model.upsert([room("!new:x", "Nouveau salon", 5)])
    model.upsert([replace(demo_rooms()[0], unread_count=9)])
    model.remove(["!new:x", demo_rooms()[1].room_id])
    qtmodeltester.check(model)
    assert model.rowCount() == len(demo_rooms()) - 1


def test_upsert_inserts_new_rooms_and_changes_known_ones_in_place(qtbot):
    model = RoomListModel()
    model.set_rooms([room("!a:x", "A", 1)])
    resets, inserted, changed = [], [], []
    model.modelReset.connect(lambda: resets.append(1))
    model.rowsInserted.connect(lambda _p, first, last: inserted.append((first, last)))
    model.dataChanged.connect(lambda tl, br, roles: changed.append(tl.row()))
    model.upsert([room("!a:x", "A renamed", 2), room("!b:x", "B", 3), room("!c:x", "C", 4)])
    assert resets == []
    assert inserted == [(1, 2)]
    assert changed == [0]
    assert model.index(0, 0).data() == "A renamed"
    assert model.row_of("!c:x") == 2


def test_unchanged_summary_emits_nothing(qtbot):
    model = RoomListModel()
    model.set_rooms([room("!a:x", "A", 1)])
    with qtbot.assertNotEmitted(model.dataChanged):
        model.upsert([room("!a:x", "A", 1)])


def test_remove_takes_rows_out_and_keeps_lookups_right():
    model = RoomListModel()
    model.set_rooms([room(f"!{c}:x", c, i) for i, c in enumerate("abcd")])
    removed = []
    model.rowsRemoved.connect(lambda _p, first, last: removed.append(first))
    model.remove(["!b:x", "!d:x", "!unknown:x"])
    assert sorted(removed) == [1, 3]
    assert [model.index(r, 0).data() for r in range(model.rowCount())] == ["a", "c"]
    assert model.row_of("!c:x") == 1
    assert model.summary("!b:x") is None


def test_unnamed_room_is_called_empty_room():
    model = RoomListModel()
    model.set_rooms([room("!e:x", "", 1, name_is_fallback=True)])
    assert model.index(0, 0).data() == "Empty room"


def test_proxy_puts_invitations_first_then_most_recent(qtmodeltester):
    model = RoomListModel()
    proxy = RoomListProxy()
    proxy.setSourceModel(model)
    model.set_rooms([
        room("!old:x", "Ancien", 100),
        room("!inv:x", "Invitation", 50, membership=Membership.INVITE, inviter="Jean"),
        room("!new:x", "Récent", 300),
    ])  # fmt: skip
    assert names(proxy) == ["Invitation", "Récent", "Ancien"]
    model.upsert([room("!old:x", "Ancien", 400)])  # a new message moves it up
    assert names(proxy) == ["Invitation", "Ancien", "Récent"]
    qtmodeltester.check(proxy)


def test_proxy_filter_ignores_case_and_accents(qtmodeltester):
    model = RoomListModel()
    proxy = RoomListProxy()
    proxy.setSourceModel(model)
    model.set_rooms(demo_rooms())
    proxy.set_filter_text("TELETRAV")
    assert names(proxy) == ["Télétravail"]
    proxy.set_filter_text("jean dupont")  # matches the inviter of the invitation
    assert names(proxy) == ["Cellule de crise — Préfecture"]
    proxy.set_filter_text("")
    assert proxy.rowCount() == len(demo_rooms())
    qtmodeltester.check(proxy)


def test_roles_start_after_user_role():
    assert min(RoomListModel.Role) == Qt.ItemDataRole.UserRole + 1
