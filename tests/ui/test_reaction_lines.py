"""Reaction chips under a message wrap onto as many lines as the row's width needs, the row
grows to hold them, and a chip on a later line is clicked like any other (FakeSession)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.ui.test_message_actions import (
    OWN_SENT,
    THOMAS_HELLO,
    layout_of,
    opened,
    row_item,
    until,
)
from ui.views.room import message_extras

EMOJI = ["😀", "😂", "😍", "👍", "👎", "🎉", "🙏", "👀", "🔥", "✅", "❌", "💡", "📎", "🚀", "☕",
         "🍰", "🌞", "🌧", "🎂", "🤝", "👏", "💪", "🤔", "😢", "😡", "🥳", "📅", "📌", "🔔", "🧭"]  # fmt: skip


def many() -> dict:
    return {e: [["@t:x", "Thomas Petit", f"$r{i}"]] for i, e in enumerate(EMOJI)}


def placed(chat, key):
    view = chat.pane.timeline
    lay = layout_of(view, key)
    return lay, message_extras.chips(row_item(chat, key), lay.extras.below, view.font(),
                                     row_item(chat, key).is_own)  # fmt: skip


async def test_chips_wrap_inside_the_row_and_the_row_grows(qtbot):
    session, chat, _actions = await opened(qtbot)
    view = chat.pane.timeline
    index = view.model().index(view.model().row_of(THOMAS_HELLO), 0)
    session._change(chat.current_room, THOMAS_HELLO, reactions={"👍": many()["👍"]})
    one_line = view.visualRect(index).height()
    session._change(chat.current_room, THOMAS_HELLO, reactions=many())
    await until(lambda: len(row_item(chat, THOMAS_HELLO).reactions) == len(EMOJI))
    chat.window().resize(620, 800)
    await until(lambda: view.viewport().width() < 600)
    view.scrollTo(index)

    lay, chips = placed(chat, THOMAS_HELLO)
    assert [key for key, _ in chips] == EMOJI  # none left out
    tops = sorted({rect.top() for _, rect in chips})
    assert len(tops) >= 2  # several lines
    for _key, rect in chips:
        assert lay.extras.below.contains(rect)  # never past the row's edge
        assert rect.right() < view.viewport().width()
    await until(lambda: view.visualRect(index).height() >= one_line + (len(tops) - 1)
                * message_extras.LINE_H)  # the row holds every line  # fmt: skip

    last_key, last = chips[-1]
    assert last.top() == tops[-1]
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=last.center())
    await until(lambda: ("react", chat.current_room, THOMAS_HELLO, last_key) in session.calls)

    chat.window().resize(1400, 800)
    await until(lambda: len({r.top() for _, r in placed(chat, THOMAS_HELLO)[1]}) < len(tops))


async def test_our_own_chips_wrap_right_aligned_under_our_bubble(qtbot):
    session, chat, _actions = await opened(qtbot)
    session._change(chat.current_room, OWN_SENT, reactions=many(), edited=True)
    await until(lambda: len(row_item(chat, OWN_SENT).reactions) == len(EMOJI))
    view = chat.pane.timeline
    view.scrollTo(view.model().index(view.model().row_of(OWN_SENT), 0))
    lay, chips = placed(chat, OWN_SENT)
    assert chips[0][0] == ""  # "(edited)" first
    assert len({rect.top() for _, rect in chips}) >= 2
    ends = {}
    for _key, rect in chips:
        assert lay.extras.below.contains(rect)
        ends[rect.top()] = max(ends.get(rect.top(), 0), rect.right())
    assert set(ends.values()) == {lay.extras.below.right()}  # each line ends at the bubble's edge
