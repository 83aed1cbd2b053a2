"""The "Rights" page: who can do what in a salon, one role choice per action.

Each action (send messages, invite, remove, ban, delete others' messages, change the
name, topic, picture, history, rights, settings, notify everyone) has a choice of
Administrators / Moderators and above / Every member (and the custom level it has, if
any). A choice our level does not allow is not offered; an action we may not change is
shown disabled with the reason. The page is a plain QWidget: the room settings dialog
shows it as its "Rights" tab.
"""

from __future__ import annotations

import logging

import shiboken6
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)
from qasync import asyncSlot

from app.api import SessionApi
from app.core.errors import ActionFailed
from app.rooms.outcome import Outcome
from app.rooms.power_levels import ROLE_LEVELS, Action, PowerLevels, PowerRefusal, Role, role_of
from ui import theme
from ui.accounts.card import show_message
from ui.rooms import member_texts

log = logging.getLogger("tchap.ui")


class RightsPage(QWidget):
    """One combo per action; a change goes out at once (through the outbox)."""

    def __init__(self, session: SessionApi, room_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("rightsPage")
        self.setAccessibleName(self.tr("Rights"))
        self._session, self._room_id = session, room_id
        self._levels = PowerLevels.parse({})
        self._running: set[Action] = set()
        self.combos: dict[Action, QComboBox] = {}
        intro = QLabel(self.tr("Choose who can do each of these actions in the salon."), self)
        intro.setWordWrap(True)
        intro.setObjectName("secondary")
        self.notice = QLabel(self)
        self.notice.setWordWrap(True)
        self.notice.hide()
        grid = QGridLayout()
        grid.setHorizontalSpacing(theme.M)
        grid.setVerticalSpacing(theme.S)
        for row, action in enumerate(Action):
            label = QLabel(member_texts.action_name(action), self)
            combo = QComboBox(self)
            combo.setObjectName(action.value)
            combo.setAccessibleName(member_texts.action_name(action))
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            combo.activated.connect(lambda _i, a=action: self._on_chosen(a))
            label.setBuddy(combo)
            grid.addWidget(label, row, 0)
            grid.addWidget(combo, row, 1)
            self.combos[action] = combo
        grid.setColumnStretch(0, 1)
        inner = QWidget(self)
        inner.setLayout(grid)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(inner)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(theme.L, theme.L, theme.L, theme.L)
        layout.setSpacing(theme.S + theme.XS)
        layout.addWidget(intro)
        layout.addWidget(self.notice)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.status)
        self.set_levels(self._levels)

    @asyncSlot()
    async def load(self) -> None:
        """Read the room's rights (from the cache) and show them."""
        try:
            levels = await self._session.room(self._room_id).power_levels()
        except ActionFailed as err:
            self.show_status(member_texts.failure_text(err), error=True)
            return
        if shiboken6.isValid(self):
            self.set_levels(levels)

    def set_levels(self, levels: PowerLevels) -> None:
        """Fill every combo from `levels`: its level chosen, what we may not give disabled."""
        self._levels = levels
        own = self._session.user_id
        cannot = not levels.can_edit(own)
        self.notice.setText(member_texts.power_refusal_text(PowerRefusal.CANNOT_EDIT))
        self.notice.setVisible(cannot)
        for action, combo in self.combos.items():
            current = levels.level_for(action)
            combo.blockSignals(True)
            combo.clear()
            choices = [(role, level) for role, level in ROLE_LEVELS.items()]
            if role_of(current) is Role.CUSTOM:
                choices.append((Role.CUSTOM, current))
            choices.sort(key=lambda c: -c[1])
            model = combo.model()
            for i, (role, level) in enumerate(choices):
                combo.addItem(member_texts.role_group(role, level), level)
                if (
                    level != current
                    and levels.action_change_refusal(own, action, level) is not None
                ) and isinstance(model, QStandardItemModel):  # not offered: shown, disabled
                    model.item(i).setEnabled(False)
            combo.setCurrentIndex(combo.findData(current))
            refusal = levels.action_change_refusal(own, action, current)
            combo.setEnabled(refusal is None)
            reason = member_texts.power_refusal_text(refusal) if refusal is not None else ""
            combo.setToolTip(reason)
            combo.setAccessibleDescription(reason)
            combo.blockSignals(False)

    def _on_chosen(self, action: Action) -> None:
        level = self.combos[action].currentData()
        if level is not None and level != self._levels.level_for(action):
            self.change(action, int(level))

    @asyncSlot(object, int)
    async def change(self, action: Action, level: int) -> None:
        """Set the level `action` needs (once while in flight)."""
        if action in self._running:
            return
        self._running.add(action)
        self.show_status("")
        combo = self.combos[action]
        combo.setEnabled(False)
        try:
            outcome = await self._session.room(self._room_id).set_action_level(action, level)
        except ActionFailed as err:
            log.warning("rights change refused: %s", err)
            if shiboken6.isValid(self):
                self.show_status(member_texts.failure_text(err), error=True)
                self.set_levels(self._levels)  # back to what the room has
            return
        finally:
            self._running.discard(action)
        if not shiboken6.isValid(self):
            return
        if outcome is Outcome.QUEUED:
            self.show_status(member_texts.queued_text())
        # The cache has the new levels once the sync brings them: show them meanwhile.
        self.set_levels(self._levels.after_action_change(action, level))

    def show_status(self, text: str, error: bool = False) -> None:
        show_message(self.status, text, error=error, neutral="secondary")
