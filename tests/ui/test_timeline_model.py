"""TimelineModel: inserted rows, in-place updates keyed by the old key, grouping flags."""

from __future__ import annotations

from dataclasses import replace

from app.core.types import ItemKind, SendState
from tests.ui.demo_data import PROJECT, demo_timeline
from tests.ui.fakes import message
from ui.models.timeline import TimelineModel

ROOM = "!r:x"
T0 = 1_700_000_000_000


def msg(n: int, sender: str = "@a:x", ts: int | None = None, **kw):
    return message(ROOM, n, sender, sender[1:2].upper(), f"message {n}",
                   T0 + n * 1000 if ts is None else ts, **kw)  # fmt: skip


def test_qtmodeltester_with_rows_and_after_every_diff(qtmodeltester):
    model = TimelineModel(PROJECT)
    model.reset_rows(demo_timeline())
    qtmodeltester.check(model)
    model.append_items([message(PROJECT, 99, "@z:x", "Z", "new", T0)])
    model.prepend_items([message(PROJECT, 0, "@z:x", "Z", "old", T0 - 10**9)])
    first = model.item(1)
    model.update_item(first.key, replace(first, body="changed"))
    model.remove_item(model.item(2).key)
    qtmodeltester.check(model)


def test_append_and_prepend_insert_rows_without_reset(qtbot):
    model = TimelineModel(ROOM)
    model.reset_rows([msg(5), msg(6)])
    inserted = []
    model.rowsInserted.connect(lambda _p, first, last: inserted.append((first, last)))
    with qtbot.assertNotEmitted(model.modelReset):
        model.append_items([msg(7), msg(8)])
        model.prepend_items([msg(3), msg(4)])
    assert inserted == [(2, 3), (0, 1)]
    assert model.keys() == [msg(n).key for n in range(3, 9)]
    assert model.row_of(msg(7).key) == 4


def test_local_echo_is_found_by_its_old_key_and_takes_the_new_one(qtbot):
    model = TimelineModel(ROOM)
    model.reset_rows([msg(1)])
    echo = replace(msg(2, own=True, send_state=SendState.SENDING), key="~t1", txn_id="t1",
                   event_id=None)  # fmt: skip
    model.append_items([echo])
    sent = replace(echo, key="$ev2", event_id="$ev2", send_state=SendState.SENT)
    with qtbot.waitSignal(model.dataChanged) as changed:
        assert model.update_item("~t1", sent)
    assert changed.args[0].row() == 1
    assert model.row_of("~t1") is None
    assert model.row_of("$ev2") == 1
    assert model.item(1).send_state is SendState.SENT
    assert model.rowCount() == 2


def test_remote_echo_appended_twice_updates_instead_of_duplicating():
    model = TimelineModel(ROOM)
    echo = replace(msg(1), key="~t1", txn_id="t1")
    model.append_items([echo])
    model.append_items([replace(echo, key="$e1", event_id="$e1")])
    assert model.keys() == ["$e1"]


def test_grouping_same_sender_within_five_minutes():
    model = TimelineModel(ROOM)
    model.reset_rows([
        msg(1, "@a:x", T0), msg(2, "@a:x", T0 + 60_000), msg(3, "@b:x", T0 + 120_000),
        msg(4, "@b:x", T0 + 120_000 + 6 * 60_000),
    ])  # fmt: skip
    rows = [model.index(r, 0).data(TimelineModel.Role.CONTINUES) for r in range(4)]
    assert rows == [False, True, False, False]
    assert model.index(0, 0).data(TimelineModel.Role.NEW_DAY) is True


def test_prepend_relinks_the_old_first_row(qtbot):
    model = TimelineModel(ROOM)
    model.reset_rows([msg(2, "@a:x", T0 + 1000)])
    assert model.index(0, 0).data(TimelineModel.Role.CONTINUES) is False
    with qtbot.waitSignal(model.dataChanged):
        model.prepend_items([msg(1, "@a:x", T0)])
    assert model.index(1, 0).data(TimelineModel.Role.CONTINUES) is True
    assert model.index(1, 0).data(TimelineModel.Role.NEW_DAY) is False


def test_state_rows_are_worded_once_at_insertion():
    model = TimelineModel(ROOM)
    model.reset_rows([
        message(ROOM, 1, "@a:x", "Alice", "", T0, kind=ItemKind.MEMBERSHIP,
                state={"what": "invited", "target": "Bob"}),
        message(ROOM, 2, "@a:x", "Alice", "", T0, kind=ItemKind.UNDECRYPTABLE),
    ])  # fmt: skip
    assert (
        model.index(0, 0).data().replace("\u2068", "").replace("\u2069", "") == "Alice invited Bob"
    )
    assert model.index(0, 0).data(TimelineModel.Role.IS_STATE) is True
    assert model.index(1, 0).data() == "Waiting for the key to decrypt this message"


def test_remove_item_and_unknown_keys():
    model = TimelineModel(ROOM)
    model.reset_rows([msg(1), msg(2), msg(3)])
    assert model.remove_item(msg(2).key)
    assert model.keys() == [msg(1).key, msg(3).key]
    assert model.row_of(msg(3).key) == 1
    assert not model.remove_item("$nope")
    assert not model.update_item("$nope", msg(9))
