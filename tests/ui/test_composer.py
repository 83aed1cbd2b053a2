"""Composer: Enter sends, Shift+Enter breaks the line, drafts per room."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData, Qt, QUrl
from PySide6.QtWidgets import QFileDialog

from ui.views.room.composer import Composer


def make(qtbot) -> Composer:
    composer = Composer()
    qtbot.addWidget(composer)
    composer.set_room("!a:x", encrypted=True)
    return composer


def test_enter_sends_and_clears(qtbot):
    composer = make(qtbot)
    qtbot.keyClicks(composer.edit, "Bonjour")
    with qtbot.waitSignal(composer.text_submitted) as sent:
        qtbot.keyClick(composer.edit, Qt.Key.Key_Return)
    assert sent.args == ["!a:x", "Bonjour"]
    assert composer.edit.toPlainText() == ""


def test_shift_enter_inserts_a_newline(qtbot):
    composer = make(qtbot)
    qtbot.keyClicks(composer.edit, "ligne 1")
    with qtbot.assertNotEmitted(composer.text_submitted):
        qtbot.keyClick(composer.edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClicks(composer.edit, "ligne 2")
    assert composer.edit.toPlainText() == "ligne 1\nligne 2"


def test_whitespace_is_not_sent(qtbot):
    composer = make(qtbot)
    qtbot.keyClicks(composer.edit, "   ")
    with qtbot.assertNotEmitted(composer.text_submitted):
        qtbot.keyClick(composer.edit, Qt.Key.Key_Return)
        composer.send_button.click()


def test_grows_with_lines_up_to_six(qtbot):
    composer = make(qtbot)
    composer.show()
    one = composer.edit.height()
    composer.edit.setPlainText("a\nb\nc")
    three = composer.edit.height()
    composer.edit.setPlainText("\n".join("x" * 20))
    assert one < three < composer.edit.height()
    composer.edit.setPlainText("\n".join("x" * 40))
    capped = composer.edit.height()
    composer.edit.setPlainText("\n".join("x" * 60))
    assert composer.edit.height() == capped


def test_drafts_are_kept_per_room_and_placeholder_says_encrypted(qtbot):
    composer = make(qtbot)
    assert "encrypted" in composer.edit.placeholderText()
    composer.edit.setPlainText("brouillon A")
    composer.set_room("!b:x", encrypted=False)
    assert composer.edit.toPlainText() == ""
    assert composer.edit.placeholderText() == "Write a message…"
    composer.edit.setPlainText("brouillon B")
    composer.set_room("!a:x", encrypted=True)
    assert composer.edit.toPlainText() == "brouillon A"
    assert composer.draft("!b:x") == "brouillon B"


def test_paperclip_opens_a_file_dialog_whose_files_are_sent(qtbot, tmp_path):
    composer = make(qtbot)
    assert composer.attach_button.isEnabled()
    composer.attach_button.click()
    dialog = composer.findChild(QFileDialog)
    assert dialog is not None and dialog.isVisible()
    assert dialog.fileMode() is QFileDialog.FileMode.ExistingFiles
    paths = [str(tmp_path / "a.pdf"), str(tmp_path / "b.png")]
    composer.set_room("!b:x", encrypted=False)  # files go where the dialog was opened
    with qtbot.waitSignal(composer.files_chosen) as chosen:
        dialog.filesSelected.emit(paths)
    assert chosen.args == ["!a:x", paths]
    dialog.reject()


def test_the_file_dialog_opens_in_documents_then_where_the_last_file_was(
    qtbot, tmp_path, monkeypatch
):
    home = tmp_path / "home"
    (home / "Documents").mkdir(parents=True)
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DOCUMENTS_DIR", str(home / "Documents"))
    composer = make(qtbot)
    dialog = composer.choose_files()
    assert Path(dialog.directory().absolutePath()) == home / "Documents"  # not the cwd
    (tmp_path / "rapports").mkdir()
    dialog.filesSelected.emit([str(tmp_path / "rapports" / "bilan.pdf")])
    dialog.reject()
    again = composer.choose_files()
    assert Path(again.directory().absolutePath()) == tmp_path / "rapports"
    again.reject()


def test_no_room_no_attach(qtbot):
    composer = make(qtbot)
    composer.set_room("", encrypted=False)
    assert not composer.attach_button.isEnabled()
    assert composer.choose_files() is None


def test_pasting_files_sends_them_and_text_stays_text(qtbot, tmp_path):
    composer = make(qtbot)
    files = QMimeData()
    files.setUrls([QUrl.fromLocalFile(str(tmp_path / "note.txt"))])
    with qtbot.waitSignal(composer.files_chosen) as chosen:
        composer.edit.insertFromMimeData(files)
    assert chosen.args == ["!a:x", [str(tmp_path / "note.txt")]]
    assert composer.edit.toPlainText() == ""
    web = QMimeData()
    web.setUrls([QUrl("https://tchap.gouv.fr")])
    web.setText("https://tchap.gouv.fr")
    with qtbot.assertNotEmitted(composer.files_chosen):
        composer.edit.insertFromMimeData(web)
    assert composer.edit.toPlainText() == "https://tchap.gouv.fr"
