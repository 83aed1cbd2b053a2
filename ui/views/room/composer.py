"""The message composer: grows from one to six lines, Enter sends, Shift+Enter breaks a line.

It keeps a draft per room so switching rooms never loses what was being typed. The
paperclip opens a file dialog; files pasted or dropped into the text field are sent too.
"""

from __future__ import annotations

import os

from PySide6.QtCore import QMimeData, QSize, QStandardPaths, Qt, Signal
from PySide6.QtGui import QFontMetrics, QKeyEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QPlainTextEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ui import theme
from ui.resources import icon
from ui.views.room.completion import Completer, composer_markdown, set_composer_markdown
from ui.views.room.composer_banner import ComposerBanner

MAX_LINES = 6


class ComposerEdit(QPlainTextEdit):
    """A plain-text editor whose Enter key submits instead of breaking the line."""

    submitted = Signal()
    files_pasted = Signal(list)  # local paths pasted or dropped here: sent, not typed
    cancel_requested = Signal()  # Esc: stop replying or editing
    edit_last_requested = Signal()  # Up in an empty field: edit our last message

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTabChangesFocus(True)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.document().contentsChanged.connect(self._fit_height)
        self._fit_height()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
                self.insertPlainText("\n")
            else:
                self.submitted.emit()
            event.accept()
            return
        if event.key() == Qt.Key.Key_Escape:
            self.cancel_requested.emit()
            event.accept()
            return
        if event.key() == Qt.Key.Key_Up and not self.toPlainText():
            self.edit_last_requested.emit()
            event.accept()
            return
        super().keyPressEvent(event)

    def canInsertFromMimeData(self, source: QMimeData) -> bool:
        return bool(local_files(source)) or super().canInsertFromMimeData(source)

    def insertFromMimeData(self, source: QMimeData) -> None:
        paths = local_files(source)
        if paths:
            self.files_pasted.emit(paths)
        else:
            super().insertFromMimeData(source)

    def _fit_height(self) -> None:
        line = QFontMetrics(self.font()).lineSpacing()
        lines = 0
        block = self.document().begin()
        while block.isValid():
            layout = block.layout()
            lines += max(1, layout.lineCount() if layout is not None else 1)
            block = block.next()
        lines = max(1, min(MAX_LINES, lines))
        margins = self.contentsMargins()
        chrome = int(self.document().documentMargin() * 2) + margins.top() + margins.bottom()
        self.setFixedHeight(lines * line + chrome + 2)

    def sizeHint(self) -> QSize:
        return QSize(super().sizeHint().width(), self.height())


def local_files(mime: QMimeData) -> list[str]:
    """The local files a drag or a paste carries (none if anything else is in it)."""
    if not mime.hasUrls():
        return []
    urls = mime.urls()
    if not urls or not all(url.isLocalFile() for url in urls):
        return []
    return [url.toLocalFile() for url in urls]


class Composer(QWidget):
    """Attach button + text field + send button; emits `text_submitted(room_id, text)` and
    `files_chosen(room_id, paths)`. In reply mode it emits `reply_submitted(room_id, text,
    event_id)`, in edit mode `edit_submitted(room_id, event_id, text)`; Esc leaves either."""

    text_submitted = Signal(str, str)
    files_chosen = Signal(str, list)
    text_edited = Signal(str, str)  # room_id, text (Markdown): the user typed (draft, typing)
    reply_submitted = Signal(str, str, str)
    edit_submitted = Signal(str, str, str)
    edit_last_requested = Signal(str)  # room id: Up arrow in an empty composer

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("composerBar")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.attach_button = QToolButton(self)
        self.attach_button.setObjectName("attachButton")
        self.attach_button.setIcon(icon("paperclip"))
        self.attach_button.setIconSize(QSize(22, 22))
        self.attach_button.setToolTip(self.tr("Send a file"))
        self.attach_button.setAccessibleName(self.tr("Send a file"))
        self.attach_button.clicked.connect(self.choose_files)
        self.edit = ComposerEdit(self)
        self.edit.submitted.connect(self.submit)
        self.edit.files_pasted.connect(self.send_files)
        self.send_button = QToolButton(self)
        self.send_button.setObjectName("sendButton")
        self.send_button.setIcon(icon("send"))
        self.send_button.setIconSize(QSize(22, 22))
        self.send_button.setToolTip(self.tr("Send (Enter)"))
        self.send_button.setAccessibleName(self.tr("Send"))
        self.send_button.clicked.connect(self.submit)
        self.banner = ComposerBanner(self)
        self.banner.cancel_requested.connect(self.cancel_mode)
        self.edit.cancel_requested.connect(self.cancel_mode)
        self.edit.edit_last_requested.connect(lambda: self.edit_last_requested.emit(self._room_id))
        row = QHBoxLayout()
        row.setSpacing(theme.S)
        row.addWidget(self.attach_button, 0, Qt.AlignmentFlag.AlignBottom)
        row.addWidget(self.edit, 1)
        row.addWidget(self.send_button, 0, Qt.AlignmentFlag.AlignBottom)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(theme.M, theme.S + theme.XS, theme.M, theme.S + theme.XS)
        layout.setSpacing(theme.XS)
        layout.addWidget(self.banner)
        layout.addLayout(row)
        self._mode = ""  # "", "reply" or "edit"
        self._target = ""  # the event answered or edited
        self._saved_draft = ""  # what was typed before an edit began
        self._room_id = ""
        self._drafts: dict[str, str] = {}
        self._last_folder = ""
        self._loading = False  # text set by the program, not typed: no draft, no typing
        self.completion = Completer(self.edit)
        self.edit.textChanged.connect(self._on_text_changed)
        self.set_room("", encrypted=False)

    @property
    def room_id(self) -> str:
        """The room messages go to."""
        return self._room_id

    @property
    def mode(self) -> tuple[str, str]:
        """("reply" | "edit" | "", the event answered or edited)."""
        return self._mode, self._target

    def start_reply(self, event_id: str, name: str, line: str) -> None:
        """Answer a message: a banner says to whom; the typed text is kept."""
        if self._mode == "edit":
            self.cancel_mode()
        self._mode, self._target = "reply", event_id
        self.banner.show_reply(name, line)
        self.edit.setFocus()

    def start_edit(self, event_id: str, text: str) -> None:
        """Edit our message: its text goes in the field (the draft is kept for afterwards)."""
        if self._mode != "edit":
            self._saved_draft = self.text()
        self._mode, self._target = "edit", event_id
        self.banner.show_edit(text)
        self._set_text(text)
        self.edit.moveCursor(self.edit.textCursor().MoveOperation.End)
        self.edit.setFocus()

    def cancel_mode(self) -> None:
        """Leave reply or edit mode (Esc); after an edit the earlier draft comes back."""
        if self._mode == "edit":
            self._set_text(self._saved_draft)
            self.edit.moveCursor(self.edit.textCursor().MoveOperation.End)
        self._mode, self._target = "", ""
        self.banner.hide()

    def set_room(self, room_id: str, encrypted: bool) -> None:
        """Switch rooms: keep the current text as that room's draft, show the new one's."""
        self.cancel_mode()
        if self._room_id:
            text = self.text()
            if text.strip():
                self._drafts[self._room_id] = text
            else:
                self._drafts.pop(self._room_id, None)
        self._room_id = room_id
        self.attach_button.setEnabled(bool(room_id))
        self.completion.close()
        self._set_text(self._drafts.get(room_id, ""))
        self.edit.moveCursor(self.edit.textCursor().MoveOperation.End)
        if encrypted:
            self.edit.setPlaceholderText(self.tr("Write an encrypted message…"))
        else:
            self.edit.setPlaceholderText(self.tr("Write a message…"))

    def draft(self, room_id: str) -> str:
        """The saved draft of a room that is not the current one."""
        return self._drafts.get(room_id, "")

    def text(self) -> str:
        """What is typed, as Markdown (mention pills written as links)."""
        return composer_markdown(self.edit)

    def _set_text(self, text: str) -> None:
        self._loading = True
        try:
            set_composer_markdown(self.edit, text)
        finally:
            self._loading = False

    def restore_draft(self, room_id: str, text: str) -> None:
        """Show a saved draft (after a restart) if the field is still empty for that room."""
        if room_id == self._room_id and text and not self.edit.toPlainText():
            self._set_text(text)

    def _on_text_changed(self) -> None:
        if not self._loading and self._room_id:
            self.text_edited.emit(self._room_id, self.text())

    def submit(self) -> None:
        """Send the text if there is any, and clear the field at once."""
        text = self.text()
        if not text.strip() or not self._room_id:
            return
        mode, target = self._mode, self._target
        self._mode, self._target = "", ""
        self.banner.hide()
        self.edit.clear()
        self._drafts.pop(self._room_id, None)
        if mode == "reply":
            self.reply_submitted.emit(self._room_id, text.strip("\n"), target)
        elif mode == "edit":
            self._set_text(self._saved_draft)
            self.edit_submitted.emit(self._room_id, target, text.strip("\n"))
        else:
            self.text_submitted.emit(self._room_id, text.strip("\n"))

    def choose_files(self) -> QFileDialog | None:
        """Open the file dialog (not modal: the loop keeps running); the files are sent."""
        if not self._room_id:
            return None
        room_id = self._room_id
        dialog = QFileDialog(self, self.tr("Send a file"), self._file_folder())
        dialog.setFileMode(QFileDialog.FileMode.ExistingFiles)
        dialog.filesSelected.connect(lambda paths: self._files_for(room_id, paths))
        dialog.filesSelected.connect(self._remember_folder)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def _file_folder(self) -> str:
        """Where the file dialog opens: the folder of the last file sent, else Documents."""
        if self._last_folder and os.path.isdir(self._last_folder):
            return self._last_folder
        documents = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation
        )
        return documents if documents and os.path.isdir(documents) else os.path.expanduser("~")

    def _remember_folder(self, paths: list[str]) -> None:
        if paths:
            self._last_folder = os.path.dirname(paths[0])

    def send_files(self, paths: list[str]) -> None:
        """Send files to the current room (dropped or pasted)."""
        if self._room_id:
            self._files_for(self._room_id, paths)

    def _files_for(self, room_id: str, paths: list[str]) -> None:
        if paths:
            self.files_chosen.emit(room_id, list(paths))
