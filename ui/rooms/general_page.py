"""The settings' "General" page: picture, name and topic, the kind and its one allowed change
(private → open to externals, confirmed), who reads the history, encryption (on, never off;
never in a forum), listing a forum in the directory, leaving.

What the page shows comes from the room handle (`room.settings()`, read from the cached
state). A control the user may not use is disabled with the reason in its tooltip: a Tchap
rule (the same sentence as a refusal) or a power level too low. Each change runs once while
in flight; a refusal reads as a sentence on the page's status line.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable

import shiboken6
from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from qasync import asyncSlot

from app.api import SessionApi
from app.core.errors import ActionFailed
from app.rooms.kinds import (
    ACCESS_RULES_TYPE,
    RoomKind,
    check_change_kind,
    check_encryption,
    check_profile_change,
    check_publish,
)
from app.rooms.outcome import Outcome
from app.rooms.settings import HISTORY_CHOICES, RoomSettings
from ui import texts, theme
from ui.resources import icon
from ui.rooms import salon_texts
from ui.rooms.kind_badge import kind_icon_name
from ui.rooms.picture import PicturePicker
from ui.rooms.rule_texts import kind_description, kind_name, refusal_text

log = logging.getLogger("tchap.ui")


class GeneralPage(QWidget):
    """The first page of a room's settings."""

    leave_requested = Signal()
    loaded = Signal()

    def __init__(self, session: SessionApi, room_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._room = session.room(room_id)
        self.settings: RoomSettings | None = None
        self._running: set[str] = set()  # each change runs once while in flight
        self.picture = PicturePicker(self)
        self.name = QLineEdit(self)
        self.name.setAccessibleName(self.tr("Salon name"))
        self.name.setMaxLength(255)
        self.topic = QLineEdit(self)
        self.topic.setAccessibleName(self.tr("Topic"))
        self.topic.setMaxLength(1000)
        self.save_button = QPushButton(self.tr("Save the name and topic"), self)
        self.save_button.setAccessibleName(self.save_button.text())
        self.kind_icon = QLabel(self)
        self.kind_name = QLabel(self)
        self.kind_name.setStyleSheet("font-weight: 600;")
        self.kind_about = QLabel(self)
        self.kind_about.setObjectName("secondary")
        self.kind_about.setWordWrap(True)
        self.open_button = QPushButton(self.tr("Open to externals…"), self)
        self.open_button.setAccessibleName(self.tr("Open the salon to externals"))
        self.private_button = QPushButton(self.tr("Make private…"), self)
        self.private_button.setAccessibleName(self.tr("Make this forum a private salon"))
        self.history = QComboBox(self)
        self.history.setAccessibleName(self.tr("Who can read the history"))
        for choice in HISTORY_CHOICES:
            self.history.addItem(salon_texts.history_choice(choice), choice)
        self.encryption = QLabel(self)
        self.encryption.setWordWrap(True)
        self.encrypt_button = QPushButton(self.tr("Turn on encryption…"), self)
        self.encrypt_button.setAccessibleName(self.tr("Turn on end-to-end encryption"))
        self.publish = QCheckBox(self.tr("List this forum in the directory of public salons"), self)
        self.publish.setAccessibleName(self.publish.text())
        self.leave_button = QPushButton(self.tr("Leave the salon…"), self)
        self.leave_button.setAccessibleName(self.tr("Leave the salon"))
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.setObjectName("secondary")
        self.status.setAccessibleName(self.tr("Status"))

        form = self._form = QFormLayout()
        form.setSpacing(theme.S)
        form.addRow(self.tr("Picture"), self.picture)
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Topic"), self.topic)
        form.addRow("", self.save_button)
        kind_line = QHBoxLayout()
        kind_line.addWidget(self.kind_icon)
        kind_line.addWidget(self.kind_name, 1)
        kind_line.addWidget(self.open_button)
        kind_line.addWidget(self.private_button)
        form.addRow(self.tr("Kind"), kind_line)
        form.addRow("", self.kind_about)
        form.addRow(self.tr("History"), self.history)
        encryption_line = QHBoxLayout()
        encryption_line.addWidget(self.encryption, 1)
        encryption_line.addWidget(self.encrypt_button)
        form.addRow(self.tr("Encryption"), encryption_line)
        form.addRow(self.tr("Directory"), self.publish)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(theme.M, theme.M, theme.M, theme.M)
        layout.addLayout(form)
        layout.addStretch(1)
        layout.addWidget(self.status)
        layout.addWidget(self.leave_button, 0, Qt.AlignmentFlag.AlignLeft)

        self.save_button.clicked.connect(self._save_texts)
        self.picture.changed.connect(self._send_picture)
        self.open_button.clicked.connect(self.confirm_open_to_externals)
        self.private_button.clicked.connect(self.confirm_make_private)
        self.encrypt_button.clicked.connect(self.confirm_encryption)
        self.history.activated.connect(lambda _i: self._set_history())
        self.publish.clicked.connect(lambda on: self._set_published(on))
        self.leave_button.clicked.connect(self.leave_requested)
        self.setEnabled(False)  # until the settings are read
        self.load()

    @asyncSlot()
    async def load(self) -> None:
        """Read the room's settings and show them, with what may be changed."""
        try:
            settings = await self._room.settings()
            published = await self._room.published() if settings.kind is RoomKind.FORUM else False
        except ActionFailed as err:
            if shiboken6.isValid(self):
                self.status.setText(texts.action_error_text(err))
            return
        if shiboken6.isValid(self):
            self.show_settings(settings, published)
            self.loaded.emit()

    def show_settings(self, s: RoomSettings, published: bool | None) -> None:
        """Fill the controls from `s` and decide which the user may use."""
        self.settings = s
        self.setEnabled(True)
        self.picture.set_name(s.name or "?", s.room_id)
        self.name.setText(s.name)
        self.topic.setText(s.topic)
        self.topic.setCursorPosition(0)  # a long topic shows its beginning
        self.kind_icon.setPixmap(icon(kind_icon_name(s.kind)).pixmap(QSize(16, 16)))
        self.kind_name.setText(kind_name(s.kind))
        self.kind_about.setText(kind_description(s.kind))
        self.history.setCurrentIndex(max(0, self.history.findData(s.history)))
        forum = s.kind is RoomKind.FORUM
        self.encryption.setText(salon_texts.encryption_state(s.encrypted, forum))
        self.publish.setChecked(bool(published))
        self._form.setRowVisible(self.publish, forum)  # the row and its label: forums only
        self.open_button.setVisible(s.kind is RoomKind.PRIVATE)
        self.private_button.setVisible(forum)
        self.encrypt_button.setVisible(not s.encrypted and not forum)
        profile = check_profile_change(s.kind)
        for control, etype in ((self.picture, "m.room.avatar"), (self.name, "m.room.name"),
                               (self.topic, "m.room.topic"), (self.save_button, "m.room.name")):
            self._allow(control, etype, profile)  # fmt: skip
        self._allow(self.open_button, ACCESS_RULES_TYPE,
                    check_change_kind(s.kind, RoomKind.EXTERNALS))  # fmt: skip
        self._allow(self.private_button, "m.room.join_rules",
                    check_change_kind(s.kind, RoomKind.PRIVATE))  # fmt: skip
        if self.private_button.isEnabled():  # it turns encryption on too
            self._allow(self.private_button, "m.room.encryption", None)
        self._allow(self.history, "m.room.history_visibility", None)
        self._allow(self.encrypt_button, "m.room.encryption", check_encryption(s.kind, True))
        self._allow(self.publish, "m.room.canonical_alias", check_publish(s.kind, True))
        if self.name.isEnabled() and self.isVisible() and not self.name.hasFocus():
            self.name.setFocus(Qt.FocusReason.OtherFocusReason)  # the first field, once usable

    def _allow(self, control: QWidget, event_type: str, refusal) -> None:
        """Enable a control, or disable it with why (a rule, or our power level)."""
        assert self.settings is not None
        reason = refusal_text(refusal) if refusal is not None else (
            "" if self.settings.may(event_type) else salon_texts.not_allowed_text())  # fmt: skip
        control.setEnabled(not reason)
        control.setToolTip(reason)

    # -- changes -----------------------------------------------------------------------

    async def _run(self, what: str, control: QWidget, change: Callable[[], Awaitable]) -> bool:
        """Run one change once while in flight; its outcome or refusal on the status line."""
        if what in self._running:
            return False
        self._running.add(what)
        control.setEnabled(False)
        self.status.setText("")
        try:
            outcome = await change()
        except ActionFailed as err:
            log.info("settings change %s refused: %s", what, err.kind.name)
            if shiboken6.isValid(self):
                self.status.setText(texts.action_error_text(err))
            return False
        finally:
            self._running.discard(what)
            if shiboken6.isValid(control):
                control.setEnabled(True)
        if shiboken6.isValid(self):
            self.status.setText(salon_texts.outcome_text(outcome))
        return True

    @asyncSlot()
    async def _save_texts(self) -> None:
        s = self.settings
        if s is None:
            return
        name, topic = self.name.text().strip(), self.topic.text().strip()
        if not name:
            self.status.setText(self.tr("Give the salon a name."))
            return

        async def both():
            outcome = None
            if name != s.name:
                outcome = await self._room.set_name(name)
            if topic != s.topic:
                outcome = await self._room.set_topic(topic)
            return outcome or Outcome.DONE

        if await self._run("texts", self.save_button, both):
            self.settings = await self._room.settings()

    @asyncSlot()
    async def _send_picture(self) -> None:
        path = self.picture.path
        await self._run("picture", self.picture, lambda: self._room.set_avatar(path))

    @asyncSlot()
    async def _set_history(self) -> None:
        value = self.history.currentData()
        await self._run("history", self.history, lambda: self._room.set_history(value))

    @asyncSlot(bool)
    async def _set_published(self, on: bool) -> None:
        done = await self._run("publish", self.publish, lambda: self._room.set_published(on))
        if not done and shiboken6.isValid(self.publish):
            self.publish.setChecked(not on)

    def _confirm(self, text: str, yes: str, then: Callable[[], None]) -> QMessageBox:
        """Ask first (opened with open(): no nested loop inside a coroutine)."""
        box = QMessageBox(QMessageBox.Icon.Warning, self.window().windowTitle(), text,
                          QMessageBox.StandardButton.NoButton, self)  # fmt: skip
        confirm = box.addButton(yes, QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("Cancel"), QMessageBox.ButtonRole.RejectRole)
        box.setWindowModality(Qt.WindowModality.WindowModal)
        box.finished.connect(lambda _r: box.clickedButton() is confirm and then())
        box.finished.connect(box.deleteLater)
        box.open()
        return box

    def confirm_open_to_externals(self) -> QMessageBox:
        """Open to externals, once the user confirmed it (it cannot be undone)."""
        return self._confirm(salon_texts.open_to_externals_confirm(),
                             self.tr("Open to externals"), self._open_to_externals)  # fmt: skip

    @asyncSlot()
    async def _open_to_externals(self) -> None:
        if await self._run("kind", self.open_button,
                           lambda: self._room.set_kind(RoomKind.EXTERNALS)):  # fmt: skip
            self.load()

    def confirm_make_private(self) -> QMessageBox:
        """A forum becomes private, once the user confirmed it (it cannot be undone)."""
        return self._confirm(salon_texts.make_private_confirm(),
                             self.tr("Make private"), self._make_private)  # fmt: skip

    @asyncSlot()
    async def _make_private(self) -> None:
        if await self._run("kind", self.private_button,
                           lambda: self._room.set_kind(RoomKind.PRIVATE)):  # fmt: skip
            self.load()

    def confirm_encryption(self) -> QMessageBox:
        """Turn encryption on, once the user confirmed it (it cannot be turned off)."""
        return self._confirm(salon_texts.encryption_confirm(),
                             self.tr("Turn on encryption"), self._encrypt)  # fmt: skip

    @asyncSlot()
    async def _encrypt(self) -> None:
        if await self._run("encryption", self.encrypt_button, self._room.enable_encryption):
            self.load()
