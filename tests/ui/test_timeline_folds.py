"""Runs of membership changes fold into one line; tall messages fold behind "Show more";
the read marker's line; every row sizes and paints, whatever it holds."""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt
from PySide6.QtWidgets import QStyleOptionViewItem

from app.core.types import ItemKind
from tests.ui.fakes import message
from ui.models.timeline import TimelineModel
from ui.models.timeline_folds import Fold
from ui.views.room.row_parts import FOLDED_PX, TALL_PX
from ui.views.room.timeline import TimelineView

ROOM = "!r:x"
T0 = 1_700_000_000_000


def joined(n: int, who: str):
    return message(ROOM, n, f"@{who}:x", who, "", T0 + n * 1000, kind=ItemKind.MEMBERSHIP,
                   state={"what": "joined", "target": who, "target_id": f"@{who}:x"})  # fmt: skip


def text(n: int, body: str = "bonjour"):
    return message(ROOM, n, "@a:x", "Alice", body, T0 + n * 1000)


def make(qtbot, rows, height=500):
    view = TimelineView()
    qtbot.addWidget(view)
    view.resize(600, height)
    view.show()
    model = TimelineModel(ROOM)
    model.reset_rows(rows)
    view.set_timeline(model)
    return view, model


def layout_of(view: TimelineView, row: int):
    index = view.model().index(row, 0)
    option = QStyleOptionViewItem()
    view.initViewItemOption(option)
    option.rect = view.visualRect(index)
    return view.delegate.layout(option.rect, view.model().row_at(row), option.font,
                                view.delegate.shape(index))  # fmt: skip


def test_a_run_of_joins_is_one_line_that_unfolds(qtbot, qtmodeltester):
    view, model = make(qtbot, [text(1), *[joined(n, f"u{n}") for n in range(2, 7)], text(7)])
    qtmodeltester.check(model)
    assert [model.fold(i) for i in range(7)] == [Fold.NONE, Fold.HEAD] + [Fold.HIDDEN] * 4 + [
        Fold.NONE
    ]
    assert view.visualRect(model.index(3, 0)).height() == 0
    head = view.visualRect(model.index(1, 0))
    assert head.height() > 0
    view.scrollTo(model.index(1, 0))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=head.center())
    qtbot.waitUntil(lambda: view.visualRect(model.index(3, 0)).height() > 0)
    assert model.fold(1) is Fold.HEAD_OPEN and model.fold(3) is Fold.SHOWN
    model.append_items([joined(8, "late")])  # after a message: a run of its own, one row
    assert model.fold(7) is Fold.NONE


def test_a_run_grows_incrementally_and_counts_people(qtbot):
    from ui import state_texts

    _view, model = make(qtbot, [text(1), joined(2, "u2")])
    assert model.fold(1) is Fold.NONE  # one change alone says its own sentence
    model.append_items([joined(3, "u3"), joined(4, "u4")])
    assert model.fold(1) is Fold.HEAD and model.fold(3) is Fold.HIDDEN
    assert "3" in state_texts.run_text(model.run_items(1))


def test_a_tall_message_is_folded_and_unfolds(qtbot):
    body = "\n".join(f"ligne {n}" for n in range(200))
    view, model = make(qtbot, [text(1, body), text(2)])
    height = view.visualRect(model.index(0, 0)).height()
    assert FOLDED_PX <= height < TALL_PX
    view.scrollTo(model.index(0, 0))
    link = layout_of(view, 0).fold_link
    assert link is not None
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=link.center())
    qtbot.waitUntil(lambda: view.visualRect(model.index(0, 0)).height() > TALL_PX)


def test_a_message_too_long_to_lay_out_offers_a_reader(qtbot):
    view, model = make(qtbot, [text(1, "A" * 60_000)])
    view.scrollTo(model.index(0, 0))
    lay = layout_of(view, 0)
    assert lay.bubble.width() <= view.viewport().width()  # a 60 KiB word wraps
    with qtbot.waitSignal(view.delegate.reader_requested) as asked:
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=lay.fold_link.center())
    assert asked.args == [model.item(0).key]


def test_a_lying_link_asks_for_confirmation_and_an_honest_one_opens(qtbot):
    html = ('<a href="https://elsewhere.example/x">@admin:server</a> et '
            '<a href="https://tchap.gouv.fr">tchap.gouv.fr</a>')  # fmt: skip
    view, model = make(qtbot, [message(ROOM, 1, "@b:x", "Bob", "x", T0, html=html)])
    assert model.row_at(0).deceptive == {"https://elsewhere.example/x"}
    lay = layout_of(view, 0)
    doc = lay.doc
    found = {}
    for x in range(0, int(doc.idealWidth()), 3):
        href = doc.documentLayout().anchorAt(QPointF(x, 5))
        found.setdefault(href, x)
    lying = lay.text_origin + QPointF(found["https://elsewhere.example/x"], 5)
    honest = lay.text_origin + QPointF(found["https://tchap.gouv.fr"], 5)
    with qtbot.waitSignal(view.delegate.link_needs_confirmation) as asked:
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=lying.toPoint())
    assert asked.args == ["https://elsewhere.example/x", "@admin:server"]
    view.delegate.link_activated.disconnect()  # never open a browser from a test
    with qtbot.waitSignal(view.delegate.link_activated) as opened:
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=honest.toPoint())
    assert opened.args == ["https://tchap.gouv.fr"]


def test_read_marker_line_adds_height_above_the_first_unread(qtbot):
    view, model = make(qtbot, [text(1), text(2, "x"), message(ROOM, 3, "@b:x", "Bob", "y", T0)])
    before = view.visualRect(model.index(2, 0)).height()
    model.set_read_marker(model.item(1).key)
    assert model.marker_row() == 2
    qtbot.waitUntil(lambda: view.visualRect(model.index(2, 0)).height() > before)
    model.set_read_marker(model.item(2).key)  # the last row read: no line
    assert model.marker_row() is None


def test_enter_on_the_selected_row_unfolds_as_a_click_does(qtbot):
    """The keyboard path: Enter on a run's line, Space on a tall message, Enter on a message
    too long to lay out (the reader); Enter on a plain row does nothing."""
    from ui.views.room.row_keys import unfold

    tall = "\n".join(f"ligne {n}" for n in range(200))
    rows = [text(1), *[joined(n, f"u{n}") for n in range(2, 6)], text(6, tall), text(7, "A" * 60_000)]
    view, model = make(qtbot, rows)
    assert not unfold(view, model.index(0, 0))  # a plain message: nothing to unfold
    assert unfold(view, model.index(1, 0))
    assert model.fold(1) is Fold.HEAD_OPEN
    before = view.visualRect(model.index(5, 0)).height()
    assert unfold(view, model.index(5, 0))
    qtbot.waitUntil(lambda: view.visualRect(model.index(5, 0)).height() > before)
    with qtbot.waitSignal(view.delegate.reader_requested) as asked:
        assert unfold(view, model.index(6, 0))
    assert asked.args == [model.item(6).key]
