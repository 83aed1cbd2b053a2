"""`InviteDialog`: invite people into a salon by Matrix ID, email, or a whole list.

One field takes a Matrix ID, an address or a pasted list; "Load a list" reads a .txt/.csv
(the file dialog opens from a plain slot, never inside a coroutine: its nested loop would
run other tasks' steps inside ours). The table previews what will be invited, then shows
each entry's result as it comes, with a progress bar, a Stop button and a summary. The
invitations run as one task the dialog owns: stopping or closing cancels it.
"""

from __future__ import annotations

import asyncio
import logging
from contextlib import suppress

import shiboken6
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QTableView,
    QWidget,
)
from qasync import asyncSlot

from app.api import SessionApi
from app.core.errors import ActionFailed
from app.rooms.invitations import InviteResult
from app.rooms.invite_list import Entry, EntryKind, parse_entries, read_list_file
from ui import texts
from ui.dialogs.base import TchapDialog
from ui.rooms import invite_texts
from ui.rooms.invite_report import InviteReportModel

log = logging.getLogger("tchap.ui")
MAX_FILE_BYTES = 2 * 1024 * 1024  # a list of addresses, not a database export


class InviteDialog(TchapDialog):
    """Invites people into `room_id`; stays open on the report until closed."""

    def __init__(self, session: SessionApi, room_id: str, parent: QWidget | None = None) -> None:
        super().__init__(
            self.tr("Invite people"),
            self.tr("Type Matrix IDs or email addresses, separated by commas, semicolons or "
                    "new lines, or load a list."),
            self.tr("Invite"), parent,
        )  # fmt: skip
        self.setMinimumWidth(760)
        self._session = session
        self._room_id = room_id
        self._entries: list[Entry] = []
        self._task: asyncio.Task | None = None
        self._done = 0
        self.field = QPlainTextEdit(self)
        self.field.setTabChangesFocus(True)
        self.field.setPlaceholderText(self.tr("jean.dupont@interieur.gouv.fr, @marie:…"))
        self.field.setAccessibleName(self.tr("People to invite"))
        self.field.setFixedHeight(self.fontMetrics().lineSpacing() * 4 + 12)
        self.load_button = QPushButton(self.tr("Load a list (.txt, .csv)…"), self)
        self.load_button.setAccessibleName(self.tr("Load a list of addresses from a file"))
        self.preview = QLabel(invite_texts.preview_text(0, 0), self)
        self.preview.setObjectName("secondary")
        self.preview.setWordWrap(True)
        self.model = InviteReportModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Invitations"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        # Results are sentences: wrapped, and only the row that changed is measured again
        # (ResizeToContents would measure all 200 rows at every answer: seconds of freeze).
        self.table.setWordWrap(True)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setColumnWidth(0, 300)
        self.table.setMinimumHeight(220)
        self.progress = QProgressBar(self)
        self.progress.setAccessibleName(self.tr("Invitations sent so far"))
        self.progress.hide()
        self.stop_button = QPushButton(self.tr("Stop"), self)
        self.stop_button.setAccessibleName(self.tr("Stop sending invitations"))
        self.stop_button.hide()
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName(self.tr("Summary"))
        self.summary.hide()
        row = QHBoxLayout()
        row.addWidget(self.preview, 1)
        row.addWidget(self.load_button)
        running = QHBoxLayout()
        running.addWidget(self.progress, 1)
        running.addWidget(self.stop_button)
        self.body.addWidget(self.field)
        self.body.addLayout(row)
        self.body.addWidget(self.table)
        self.body.addLayout(running)
        self.body.addWidget(self.summary)
        self.cancel_button.setText(self.tr("Close"))
        self.confirm_button.setEnabled(False)
        self.resize(780, 640)
        # Parsing a pasted list of thousands of entries is quick, but not on every key.
        self._reparse = QTimer(self, singleShot=True, interval=150)
        self._reparse.timeout.connect(self._update_preview)
        self.field.textChanged.connect(self._reparse.start)
        self.load_button.clicked.connect(self._choose_file)
        self.stop_button.clicked.connect(self.stop)
        self.confirm_button.clicked.connect(self._on_confirm)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.field.setFocus(Qt.FocusReason.ActiveWindowFocusReason)

    # -- the list ---------------------------------------------------------------------------

    def set_text(self, text: str) -> None:
        """Put a list in the field (pasted, typed or loaded) and preview it at once."""
        self.field.setPlainText(text)
        self._update_preview()

    def _update_preview(self) -> None:
        self._reparse.stop()
        if self._task is not None:
            return
        self._entries = parse_entries(self.field.toPlainText())
        self.model.set_entries(self._entries)
        valid = sum(e.kind is not EntryKind.INVALID for e in self._entries)
        invalid = len(self._entries) - valid
        self.preview.setText(invite_texts.preview_text(valid, invalid))
        self.summary.hide()
        self.cancel_button.show()
        self.confirm_button.setText(self.tr("Invite"))
        self.confirm_button.setEnabled(valid > 0)

    def _choose_file(self) -> None:
        """A plain slot: the file dialog's own loop must not run inside a coroutine."""
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Load a list of addresses"), "",
            self.tr("Lists of addresses (*.txt *.csv);;All files (*)"),
        )  # fmt: skip
        if path:
            self.load_file(path)

    @asyncSlot(str)
    async def load_file(self, path: str) -> None:
        """Read a .txt/.csv list off the UI thread and put it in the field."""
        def read() -> str:
            with open(path, "rb") as f:
                data = f.read(MAX_FILE_BYTES + 1)
            if len(data) > MAX_FILE_BYTES:
                raise ValueError("too large")
            return read_list_file(data)

        try:
            text = await asyncio.to_thread(read)
        except (OSError, ValueError) as exc:
            log.warning("invitation list not read: %s", type(exc).__name__)
            if shiboken6.isValid(self):
                self.show_error(self.tr("This file cannot be read as a list of addresses: "
                                        "choose a .txt or .csv file under 2 MB."))  # fmt: skip
            return
        if shiboken6.isValid(self):
            self.show_error("")
            self.set_text(text)

    # -- sending ----------------------------------------------------------------------------

    @asyncSlot()
    async def _on_confirm(self) -> None:
        if self._task is None and self.summary.isVisible():
            self.accept()  # the report is shown: the button now closes
            return
        await self.invite()

    async def invite(self) -> None:
        """Invite every entry of the list, once (a second press while it runs does nothing)."""
        if self._task is not None:
            return
        self._update_preview()
        entries = self._entries
        if not any(e.kind is not EntryKind.INVALID for e in entries):
            return
        self._done = 0
        self._set_running(True, len(entries))
        room = self._session.room(self._room_id)
        self._task = asyncio.ensure_future(room.invite_many(entries, self._on_result))
        try:
            await self._task
        except asyncio.CancelledError:
            if not self._task.cancelled():
                raise  # our own caller was cancelled, not the list
        except ActionFailed as err:  # the room itself could not be read: nothing was sent
            if shiboken6.isValid(self):
                self.show_error(texts.action_error_text(err))
        finally:
            self._task = None
        if shiboken6.isValid(self):
            self._finish()

    def _on_result(self, row: int, result: InviteResult) -> None:
        """One answer: one row and the bar, nothing more (200 of them must not freeze)."""
        if not shiboken6.isValid(self):
            return
        self._done += 1
        self.model.set_result(row, result)
        self.table.resizeRowToContents(row)
        self.progress.setValue(self._done)
        self.progress.setFormat(invite_texts.progress_text(self._done, len(self._entries)))

    def stop(self) -> None:
        """Stop sending: what was sent stays sent, the rest is marked not sent."""
        if self._task is not None:
            self._task.cancel()

    def _set_running(self, running: bool, total: int = 0) -> None:
        self.field.setReadOnly(running)
        self.load_button.setEnabled(not running)
        self.confirm_button.setEnabled(not running)
        self.progress.setVisible(running or self.progress.isVisible())
        self.stop_button.setVisible(running)
        if running:
            self.progress.setRange(0, total)
            self.progress.setValue(0)
            self.progress.setFormat(invite_texts.progress_text(0, total))
            self.summary.hide()
            self.stop_button.setFocus()

    def _finish(self) -> None:
        self.model.mark_stopped()
        self._set_running(False)
        self.summary.setText("\n".join(invite_texts.summary_lines(self.model.results)))
        self.summary.show()
        self.cancel_button.hide()  # "Done" closes: one button is enough
        self.confirm_button.setText(self.tr("Done"))
        self.confirm_button.setEnabled(True)
        self.confirm_button.setFocus()

    def done(self, result: int) -> None:
        """Closing the dialog stops a list still being sent."""
        self.stop()
        super().done(result)

    async def wait_stopped(self) -> None:
        """For tests and the window's close: until the list's task has ended."""
        task = self._task
        if task is not None:
            with suppress(asyncio.CancelledError):
                await task


def open_invite_dialog(session: SessionApi, room_id: str, parent: QWidget) -> InviteDialog:
    """Open the dialog window-modal (never `exec()`), deleted when closed."""
    dialog = InviteDialog(session, room_id, parent)
    dialog.finished.connect(dialog.deleteLater)
    dialog.open()
    return dialog
