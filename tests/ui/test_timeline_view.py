"""TimelineView: starts at the bottom, follows new messages, keeps its anchor on prepend."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtWidgets import QStyleOptionViewItem

from app.core.types import FileError, ItemKind, SendState
from tests.ui.fakes import message
from ui import texts
from ui.models.timeline import TimelineModel
from ui.views.room.timeline import TimelineView

ROOM = "!r:x"
T0 = 1_700_000_000_000


def items(first: int, last: int):
    return [message(ROOM, n, f"@u{n % 3}:x", f"User {n % 3}", f"Message numéro {n}",
                    T0 + n * 400_000) for n in range(first, last)]  # fmt: skip


def make(qtbot, rows):
    view = TimelineView()
    qtbot.addWidget(view)
    view.resize(600, 400)
    view.show()
    model = TimelineModel(ROOM)
    model.reset_rows(rows)
    view.set_timeline(model)
    return view, model


def top_key(view: TimelineView) -> tuple[str, int]:
    index = view.indexAt(QPoint(20, 1))
    return index.data(TimelineModel.Role.KEY), view.visualRect(index).top()


def test_starts_at_the_bottom_and_follows_new_messages(qtbot):
    view, model = make(qtbot, items(100, 160))
    assert view.is_at_bottom()
    model.append_items(items(160, 163))
    assert view.is_at_bottom()
    last = view.visualRect(model.index(model.rowCount() - 1, 0))
    assert last.bottom() <= view.viewport().height() + 2


def test_does_not_follow_when_the_user_reads_older_messages(qtbot):
    view, model = make(qtbot, items(100, 160))
    bar = view.verticalScrollBar()
    bar.setValue(bar.maximum() // 2)
    before = top_key(view)
    model.append_items(items(160, 163))
    assert not view.is_at_bottom()
    assert top_key(view) == before


def test_prepending_keeps_the_visible_top_row_in_place(qtbot):
    view, model = make(qtbot, items(100, 160))
    bar = view.verticalScrollBar()
    bar.setValue(bar.maximum() // 3)
    before = top_key(view)
    model.prepend_items(items(40, 100))
    assert top_key(view) == before
    assert model.rowCount() == 120


def test_asks_for_older_messages_near_the_top_once(qtbot):
    view, model = make(qtbot, items(100, 160))
    with qtbot.waitSignal(view.older_requested):
        view.verticalScrollBar().setValue(0)
    with qtbot.assertNotEmitted(view.older_requested):
        view.verticalScrollBar().setValue(10)  # still loading: no second request
    view.set_loading(False)
    model.reached_start = True
    with qtbot.assertNotEmitted(view.older_requested):
        view.verticalScrollBar().setValue(5)


def test_asks_again_when_the_page_that_came_left_the_top_in_view(qtbot):
    """A page of history can add no height (joins folded into the run below it): the top
    is still in view and no scroll will happen, so the view asks for more by itself."""
    view, model = make(qtbot, items(100, 160))
    with qtbot.waitSignal(view.older_requested):
        view.verticalScrollBar().setValue(0)
    with qtbot.waitSignal(view.older_requested):
        view.set_loading(False)
    view.set_loading(False)
    model.reached_start = True
    with qtbot.assertNotEmitted(view.older_requested, wait=50):
        pass


def test_failed_message_offers_retry_and_delete(qtbot):
    failed = replace(items(1, 2)[0], is_own=True, send_state=SendState.FAILED)
    view, model = make(qtbot, [failed])
    index = model.index(0, 0)
    option = QStyleOptionViewItem()
    view.initViewItemOption(option)
    option.rect = view.visualRect(index)
    lay = view.delegate.layout(option.rect, index.data(TimelineModel.Role.ROW), option.font)
    with qtbot.waitSignal(view.retry_requested) as retry:
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=lay.retry.center())
    assert retry.args == [failed.key]
    with qtbot.waitSignal(view.discard_requested) as discard:
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=lay.discard.center())
    assert discard.args == [failed.key]


def test_links_are_found_under_the_mouse(qtbot):
    link = replace(items(1, 2)[0], html='Voir <a href="https://tchap.gouv.fr">le site</a>')
    view, model = make(qtbot, [link])
    index = model.index(0, 0)
    option = QStyleOptionViewItem()
    view.initViewItemOption(option)
    option.rect = view.visualRect(index)
    lay = view.delegate.layout(option.rect, index.data(TimelineModel.Role.ROW), option.font)
    doc_w = lay.doc.idealWidth()
    hit = QPointF(lay.text_origin.x() + doc_w - 10, lay.text_origin.y() + 6)
    assert view.delegate.anchor_at(option, index, hit) == "https://tchap.gouv.fr"
    with qtbot.waitSignal(view.delegate.link_activated) as opened:
        view.delegate.editorEvent(_release(hit), model, option, index)
    assert opened.args == ["https://tchap.gouv.fr"]


def _release(pos: QPointF):
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QMouseEvent

    return QMouseEvent(QEvent.Type.MouseButtonRelease, pos, pos, Qt.MouseButton.LeftButton,
                       Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier)  # fmt: skip


def file_echo(n: int = 1, state: SendState = SendState.SENDING, **media):
    return replace(
        items(n, n + 1)[0], key=f"~t{n}", txn_id=f"t{n}", event_id=None, is_own=True,
        kind=ItemKind.MEDIA, body="rapport.pdf", msgtype="m.file", send_state=state,
        media={"name": "rapport.pdf", "size": 3_500_000, **media},
    )  # fmt: skip


def layout_of(view, model, row: int = 0):
    index = model.index(row, 0)
    option = QStyleOptionViewItem()
    view.initViewItemOption(option)
    option.rect = view.visualRect(index)
    return view.delegate.layout(option.rect, index.data(TimelineModel.Role.ROW), option.font)


def test_a_file_being_sent_is_a_card_with_progress_and_cancel(qtbot):
    view, model = make(qtbot, [file_echo()])
    lay = layout_of(view, model)
    assert lay.doc is None and lay.progress is not None and lay.cancel is not None
    assert lay.bubble.contains(lay.progress)
    assert model.set_progress("~t1", 1_000_000, 3_500_000)
    assert model.progress("~t1") == (1_000_000, 3_500_000)
    view.grab()  # paints the card, its bar and "Sending… 28%" without error
    with qtbot.waitSignal(view.cancel_requested) as cancel:
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=lay.cancel.center())
    assert cancel.args == ["~t1"]
    assert view.delegate.anchor_at(QStyleOptionViewItem(), model.index(0, 0), QPointF(5, 5)) == ""


def test_a_sent_or_failed_file_has_no_progress_bar(qtbot):
    failed = file_echo(2, SendState.FAILED, error=FileError.TOO_LARGE.value)
    view, model = make(qtbot, [file_echo(1), failed])
    model.set_progress("~t1", 5, 10)
    sent = replace(model.item(0), key="$e1", event_id="$e1", send_state=SendState.SENT)
    model.update_item("~t1", sent)
    assert model.progress("~t1") is None and not model.set_progress("$e1", 6, 10)
    for row in (0, 1):
        lay = layout_of(view, model, row)
        assert lay.progress is None and lay.cancel is None
    assert layout_of(view, model, 1).retry is not None  # a failed file: retry and delete
    assert texts.file_error_text(FileError.TOO_LARGE.value).startswith("Not sent")
    view.grab()


def test_laid_out_texts_kept_are_bounded(qtbot):
    from ui.views.room.message_text import MAX_DOCUMENTS

    view, model = make(qtbot, items(0, MAX_DOCUMENTS + 200))
    delegate = view.itemDelegate()
    for row in range(model.rowCount()):  # every row laid out once, as paging back does
        view.scrollTo(model.index(row, 0))
        qtbot.wait(0)
    assert 0 < len(delegate._docs) <= MAX_DOCUMENTS


def test_a_row_that_grows_pushes_the_rows_below_it(qtbot):
    view, model = make(qtbot, items(100, 160))
    row = 50
    below = view.rectForIndex(model.index(row + 1, 0)).top()
    item = model.item(row)
    model.update_item(item.key, replace(item, reactions={"👍": [["@a:x", "A", "$z"]]}))
    view.viewport().repaint()
    grown, next_row = (view.rectForIndex(model.index(r, 0)) for r in (row, row + 1))
    assert next_row.top() > below
    assert next_row.top() == grown.bottom() + 1


def test_a_change_that_keeps_the_height_does_not_measure_every_row(qtbot, monkeypatch):
    """QListView measures every row again on any change; a receipt or an edit of the same
    height only needs its row repainted."""
    view, model = make(qtbot, items(100, 160))
    view.viewport().repaint()
    measured = []
    size_hint = view.delegate.sizeHint
    monkeypatch.setattr(view.delegate, "sizeHint", lambda o, i: measured.append(i) or size_hint(o, i))
    item = model.item(55)
    model.update_item(item.key, replace(item, body="Message numéro 155!"))
    view.viewport().repaint()
    assert 0 < len(measured) < 20  # the changed row and those painted, not all 60
    assert view.visualRect(model.index(56, 0)).top() == view.visualRect(model.index(55, 0)).bottom() + 1
