"""The timeline driven as a person drives it, with real mouse and keyboard events on visible
widgets: the "jump to the newest messages" button, a deceptive link's confirmation dialog,
and a link's tooltip naming its real target."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QHelpEvent, QMouseEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel, QToolTip

from tests.ui.fakes import message
from tests.ui.test_timeline_folds import ROOM, T0, layout_of, make, text
from ui.dialogs.message_safety import ConfirmLinkDialog
from ui.views.room import timeline as timeline_module

LYING = "https://elsewhere.example/x"
HONEST = "https://tchap.gouv.fr"


def page_up(view) -> None:
    """A click on the scroll bar's track above its handle: one page up."""
    bar = view.verticalScrollBar()
    QTest.mouseClick(bar, Qt.MouseButton.LeftButton, pos=QPoint(bar.width() // 2, 20))


def test_the_jump_button_appears_counts_and_brings_back_the_newest(qtbot):
    view, model = make(qtbot, [text(n, f"message {n}") for n in range(1, 61)], height=400)
    qtbot.waitUntil(view.is_at_bottom)
    assert view.jump.isHidden()
    for _ in range(3):
        page_up(view)
    qtbot.waitUntil(view.jump.isVisible)
    assert not view.is_at_bottom()
    corner = view.viewport().geometry().bottomRight()
    assert view.jump.geometry().bottomRight().x() <= corner.x()  # over the view, inside it

    model.append_items([message(ROOM, 61, "@b:x", "Bob", "nouveau 1", T0 + 61_000),
                        message(ROOM, 62, "@b:x", "Bob", "nouveau 2", T0 + 62_000)])  # fmt: skip
    qtbot.waitUntil(lambda: view.jump.text() == "↓ 2")
    assert "2" in view.jump.accessibleName()
    assert not view.is_at_bottom()  # reading older messages: not pulled down

    QTest.mouseClick(view.jump, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.is_at_bottom() and view.jump.isHidden())
    last = view.visualRect(model.index(model.rowCount() - 1, 0))
    assert view.viewport().rect().intersects(last)

    page_up(view)  # and by the keyboard: Tab reaches it, Space presses it
    qtbot.waitUntil(view.jump.isVisible)
    assert view.jump.focusPolicy() & Qt.FocusPolicy.TabFocus
    view.jump.setFocus(Qt.FocusReason.TabFocusReason)
    QTest.keyClick(view.jump, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: view.is_at_bottom() and view.jump.isHidden())


def link_points(view) -> dict[str, QPoint]:
    """Where each link of row 0 is on screen (viewport coordinates)."""
    lay = layout_of(view, 0)
    found: dict[str, QPoint] = {}
    for x in range(0, int(lay.doc.idealWidth()), 3):
        href = lay.doc.documentLayout().anchorAt(QPointF(x, 5))
        if href and href not in found:
            found[href] = (lay.text_origin + QPointF(x + 2, 5)).toPoint()
    return found


def lying_view(qtbot):
    html = (f'<a href="{LYING}">@admin:server</a> et <a href="{HONEST}">tchap.gouv.fr</a>')
    return make(qtbot, [message(ROOM, 1, "@b:x", "Bob", "x", T0, html=html)])


def open_dialog(view) -> ConfirmLinkDialog:
    return next(d for d in view.window().findChildren(ConfirmLinkDialog) if d.isVisible())


def test_a_deceptive_link_is_opened_only_after_a_confirmation(qtbot, monkeypatch):
    opened: list[str] = []
    monkeypatch.setattr(timeline_module.QDesktopServices, "openUrl",
                        lambda url: opened.append(url.toString()))  # fmt: skip
    view, _model = lying_view(qtbot)
    points = link_points(view)

    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=points[LYING])
    qtbot.waitUntil(lambda: any(d.isVisible() for d in view.findChildren(ConfirmLinkDialog)))
    dialog = open_dialog(view)
    shown = " ".join(label.text() for label in dialog.findChildren(QLabel) if label.isVisible())
    assert LYING in shown.replace("\u200b", "") and "@admin:server" in shown  # the real target
    assert dialog.confirm_button.isVisible() and dialog.cancel_button.isVisible()
    assert dialog.focusWidget() is dialog.cancel_button  # Enter keeps the user safe
    QTest.keyClick(dialog, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert opened == []

    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=points[LYING])
    qtbot.waitUntil(lambda: any(d.isVisible() for d in view.findChildren(ConfirmLinkDialog)))
    dialog = open_dialog(view)
    QTest.mouseClick(dialog.confirm_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: opened == [LYING])

    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=points[HONEST])
    qtbot.waitUntil(lambda: opened == [LYING, HONEST])  # an honest link opens at once
    assert not any(d.isVisible() for d in view.findChildren(ConfirmLinkDialog))


def test_hovering_a_link_shows_its_real_target(qtbot):
    view, _model = lying_view(qtbot)
    points = link_points(view)
    for href in (LYING, HONEST):
        pos = points[href]
        move = QMouseEvent(QEvent.Type.MouseMove, QPointF(pos),
                           QPointF(view.viewport().mapToGlobal(pos)), Qt.MouseButton.NoButton,
                           Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier)  # fmt: skip
        QApplication.sendEvent(view.viewport(), move)  # the mouse comes to rest on the link
        assert view.viewport().cursor().shape() == Qt.CursorShape.PointingHandCursor
        # What Qt sends after the mouse rests there a moment:
        event = QHelpEvent(QEvent.Type.ToolTip, pos, view.viewport().mapToGlobal(pos))
        QApplication.sendEvent(view.viewport(), event)
        qtbot.waitUntil(lambda href=href: QToolTip.isVisible() and QToolTip.text() == href)
    QToolTip.hideText()
