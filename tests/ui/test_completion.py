"""The composer's completion (@-mentions as pills, :emoji:), its drafts and typing hooks,
the typing line and the read-receipt faces, with a FakeSession."""

from __future__ import annotations

import asyncio

from PySide6.QtCore import QPoint, Qt

from app.core.events import ReceiptsChanged, TypingChanged
from app.core.members import Member, ReadReceipt
from tests.ui.demo_data import PROJECT, TELETRAVAIL, demo_session
from tests.ui.fakes import FakeProfile
from ui import texts
from ui.views.main.main_window import MainWindow
from ui.views.room.completion import match_members
from ui.views.room.composer import Composer
from ui.views.room.typing_line import typing_text

ALICE = Member("@alice.durand:tchap.test", "Alice Durand [DINUM]")
ALBAN = Member("@alban.roux:tchap.test", "Alban Roux [Intérieur]")
ELODIE = Member("@elodie.petit:tchap.test", "Élodie Petit [Finances]")


def _composer(qtbot) -> Composer:
    composer = Composer()
    qtbot.addWidget(composer)
    composer.resize(600, 80)
    composer.show()
    composer.set_room("!r:tchap.test", encrypted=True)
    composer.completion.set_members([ALICE, ALBAN, ELODIE])
    return composer


def _shown(composer: Composer) -> list[str]:
    popup = composer.completion.popup
    return [popup.item(i).text() for i in range(popup.count())] if popup.isVisible() else []


def test_mentions_are_offered_as_you_type_and_tab_makes_a_pill(qtbot):
    composer = _composer(qtbot)
    qtbot.keyClicks(composer.edit, "Bonjour @al")
    # Each proposal: the name, its organisation apart, then the Matrix ID.
    assert [s.split("  ·  ")[0] for s in _shown(composer)] == [
        texts.split_organisation(m.name)[0] for m in (ALICE, ALBAN)
    ]
    qtbot.keyClick(composer.edit, Qt.Key.Key_Down)
    qtbot.keyClick(composer.edit, Qt.Key.Key_Tab)
    assert not composer.completion.is_open()
    qtbot.keyClicks(composer.edit, "tu relis ?")
    assert composer.edit.toPlainText() == "Bonjour Alban Roux [Intérieur] tu relis ?"
    assert composer.text() == (
        "Bonjour [Alban Roux \\[Intérieur\\]](https://matrix.to/#/@alban.roux:tchap.test)"
        " tu relis ?"
    )
    with qtbot.waitSignal(composer.text_submitted) as sent:
        qtbot.keyClick(composer.edit, Qt.Key.Key_Return)
    assert "https://matrix.to/#/@alban.roux:tchap.test" in sent.args[1]


def test_enter_picks_esc_closes_and_accents_do_not_matter(qtbot):
    composer = _composer(qtbot)
    assert match_members([ALICE, ALBAN, ELODIE], "elo") == [ELODIE]
    qtbot.keyClicks(composer.edit, "@elo")
    with qtbot.assertNotEmitted(composer.text_submitted):
        qtbot.keyClick(composer.edit, Qt.Key.Key_Return)  # picks, does not send
    assert composer.edit.toPlainText() == ELODIE.name + " "
    qtbot.keyClicks(composer.edit, "@a")
    assert composer.completion.is_open()
    qtbot.keyClick(composer.edit, Qt.Key.Key_Escape)
    assert not composer.completion.is_open()
    assert composer.edit.toPlainText() == ELODIE.name + " @a"
    # Backspace after a pill removes the whole pill.
    composer.edit.clear()
    qtbot.keyClicks(composer.edit, "@ali")
    qtbot.keyClick(composer.edit, Qt.Key.Key_Tab)
    qtbot.keyClick(composer.edit, Qt.Key.Key_Backspace)  # the space
    qtbot.keyClick(composer.edit, Qt.Key.Key_Backspace)  # the pill
    assert composer.edit.toPlainText() == ""


def test_emoji_completion(qtbot):
    composer = _composer(qtbot)
    qtbot.keyClicks(composer.edit, "Merci :s")
    assert not composer.completion.is_open()  # one letter is not enough (it may be "a: b")
    qtbot.keyClicks(composer.edit, "mi")
    assert _shown(composer)[0] == "😄  :smile:"
    qtbot.keyClick(composer.edit, Qt.Key.Key_Tab)
    assert composer.edit.toPlainText() == "Merci 😄"
    composer.edit.clear()
    qtbot.keyClicks(composer.edit, "12:30")
    assert not composer.completion.is_open()  # a time is not a shortcode


def test_a_draft_comes_back_with_its_pills(qtbot):
    composer = _composer(qtbot)
    edits: list[tuple[str, str]] = []
    composer.text_edited.connect(lambda room, text: edits.append((room, text)))
    composer.restore_draft(
        "!r:tchap.test",
        "Voir avec [Alice](https://matrix.to/#/@alice.durand:tchap.test) **demain**",
    )
    assert composer.edit.toPlainText() == "Voir avec Alice **demain**"
    assert edits == []  # a restored draft is no typing
    composer.set_room("!autre:tchap.test", encrypted=False)
    composer.set_room("!r:tchap.test", encrypted=True)
    assert "https://matrix.to/#/@alice.durand:tchap.test" in composer.text()
    qtbot.keyClicks(composer.edit, "!")
    assert edits[-1][0] == "!r:tchap.test" and edits[-1][1].endswith("**demain**!")


def test_typing_sentences():
    assert typing_text([]) == ""
    assert typing_text(["Alice"]) == "Alice is typing…"
    assert typing_text(["Alice", "Bob"]) == "Alice and Bob are typing…"
    assert typing_text(["A", "B", "C"]) == "Several people are typing…"


async def _window(qtbot):
    session = demo_session()
    window = MainWindow(session, FakeProfile())
    qtbot.addWidget(window)
    window.show()
    await window.show_chat()
    return session, window, window.chat


async def test_typing_line_drafts_and_typing_notices(qtbot):
    session, _win, chat = await _window(qtbot)
    await chat.open_room(PROJECT)
    session.emit(TypingChanged(PROJECT, (ALICE,)))
    assert chat.pane.typing.text() == "Alice Durand [DINUM] is typing…"
    session.emit(TypingChanged(TELETRAVAIL, (ALBAN, ELODIE)))  # not on screen
    assert chat.pane.typing.text() == "Alice Durand [DINUM] is typing…"
    session.emit(TypingChanged(PROJECT, ()))
    assert chat.pane.typing.text() == ""

    qtbot.keyClicks(chat.pane.composer.edit, "Brouillon")
    await _until(lambda: session.drafts.get(PROJECT) == "Brouillon")
    assert ("set_typing", PROJECT, True) in session.calls
    chat.pane.composer.edit.clear()
    await _until(lambda: ("set_typing", PROJECT, False) in session.calls)
    assert PROJECT not in session.drafts

    session.drafts[TELETRAVAIL] = "Reprise après redémarrage"
    await chat.open_room(TELETRAVAIL)
    assert chat.pane.composer.edit.toPlainText() == "Reprise après redémarrage"


async def _until(condition, tries: int = 200) -> None:
    for _ in range(tries):
        if condition():
            return
        await asyncio.sleep(0.01)
    raise AssertionError("condition never became true")


async def test_receipt_faces_are_painted_and_named_on_hover(qtbot):
    session, _win, chat = await _window(qtbot)
    key = next(i.key for i in reversed(session.timelines[PROJECT]) if i.event_id and not i.is_own)
    session.receipts[PROJECT] = [
        ReadReceipt(ALICE.user_id, ALICE.name, None, key, 1_700_000_000_000)
    ]
    await chat.open_room(PROJECT)
    assert chat.bridge.receipts.readers(key)[0].user_id == ALICE.user_id
    many = [ReadReceipt(f"@u{n}:tchap.test", f"Agent {n}", None, key, n) for n in range(6)]
    session.emit(ReceiptsChanged(PROJECT, tuple(many)))
    assert len(chat.bridge.receipts.readers(key)) == 7
    view = chat.pane.timeline
    index = view.model().index(view.model().row_of(key), 0)
    view.scrollTo(index)
    rect = view.visualRect(index)
    delegate = view.delegate
    row = view.model().row_at(index.row())
    bubble = delegate.layout(rect, row, view.font()).bubble
    strip = chat.bridge.receipts.strip(row.item, rect, bubble, view.font())
    assert strip is not None and rect.contains(strip)  # inside its row: no height change
    image = view.viewport().grab().toImage()
    centre = strip.center()
    assert image.pixelColor(QPoint(strip.left() + 8, centre.y())).name() != "#ffffff"
    tooltip = chat.bridge.receipts.tooltip(row.item, rect, bubble, view.font(), centre)
    assert "7" in tooltip.splitlines()[0]
    assert "Alice Durand [DINUM]" in tooltip
