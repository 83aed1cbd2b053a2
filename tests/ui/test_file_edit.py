"""Our own file is not offered for editing: this client sends a file without a caption and
its card shows the file's name, not a body an edit could change. The hover bar, the menu
(opened by a real right click) and the Up arrow pass it by (FakeSession)."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtWidgets import QApplication, QWidget

from tests.ui.test_message_actions import OWN_SENT, hover, layout_of, opened, row_item, until
from ui.views.room.message_menu import MessageAction

OWN_IMAGE = "$projet-16"  # our maquette-accueil.png, sent after OWN_SENT



def right_click(widget: QWidget, pos: QPoint) -> None:
    """What a right click delivers (QTest's clicks send no context menu event)."""
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, pos, widget.mapToGlobal(pos))
    QApplication.sendEvent(widget, event)


async def test_our_own_file_has_no_edit_action(qtbot):
    _session, chat, actions = await opened(qtbot)
    assert row_item(chat, OWN_IMAGE).is_own
    view = chat.pane.timeline
    hover(view.viewport(), QPoint(5, 5))  # the first move only enters the view

    def hovered() -> bool:
        # Older pages may still come in above and move the row: aim at where it is now.
        view.scrollTo(view.model().index(view.model().row_of(OWN_IMAGE), 0))
        hover(view.viewport(), layout_of(view, OWN_IMAGE).bubble.center())
        return actions.bar.isVisible() and actions.bar.key == OWN_IMAGE

    await until(hovered, 300)
    bubble = layout_of(view, OWN_IMAGE).bubble
    assert actions.bar.edit.isHidden() and actions.bar.reply.isVisible()

    right_click(view.viewport(), bubble.center())
    await until(lambda: actions.menu is not None and actions.menu.isVisible())
    data = [a.data() for a in actions.menu.actions() if a.data()]
    assert MessageAction.EDIT.value not in data and MessageAction.DELETE.value in data
    actions.menu.close()

    composer = chat.pane.composer
    composer.edit.setFocus()
    qtbot.keyClick(composer.edit, Qt.Key.Key_Up)  # the newest own message is the file
    assert composer.mode == ("edit", OWN_SENT)  # the text before it
    assert composer.edit.toPlainText() == row_item(chat, OWN_SENT).body
