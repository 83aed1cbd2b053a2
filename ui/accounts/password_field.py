"""A new password: typed twice, with a strength meter and the server's rules as a checklist.

The rules come from the server's `/password_policy`; the meter from a local estimate
(`app.accounts.password_policy.strength`). `acceptable()` says whether the form may send.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QLineEdit, QProgressBar, QVBoxLayout, QWidget

from app.accounts.password_policy import PasswordPolicy, strength
from ui import theme
from ui.accounts.card import field_label
from ui.accounts.register_texts import rule_text, strength_text
from ui.resources import icon

_METER_COLOURS = ["#CE0500", "#CE0500", "#B34000", "#18753C", "#18753C"]  # DSFR error → success


class NewPasswordField(QWidget):
    """Password, confirmation, meter and rules; `changed` when either field changes."""

    changed = Signal()

    def __init__(self, label: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._policy = PasswordPolicy()
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName(label)
        self._reveal = self.password.addAction(
            icon("eye"), QLineEdit.ActionPosition.TrailingPosition
        )
        self._reveal.setCheckable(True)
        self._reveal.setToolTip(self.tr("Show password"))
        self._reveal.toggled.connect(self._toggle_reveal)
        self.meter = QProgressBar(self)
        self.meter.setRange(0, 4)
        self.meter.setTextVisible(False)
        self.meter.setFixedHeight(6)
        self.meter.setAccessibleName(self.tr("Password strength"))
        self.meter_text = QLabel(self)
        self.meter_text.setObjectName("secondary")
        self.rules = QLabel(self)
        self.rules.setObjectName("secondary")
        self.rules.setWordWrap(True)
        self.confirm = QLineEdit(self)
        self.confirm.setEchoMode(QLineEdit.EchoMode.Password)
        self.confirm.setAccessibleName(self.tr("Confirm the password"))
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(theme.XS)
        box.addWidget(field_label(label, self))
        box.addWidget(self.password)
        box.addWidget(self.meter)
        box.addWidget(self.meter_text)
        box.addWidget(self.rules)
        box.addSpacing(theme.XS)
        box.addWidget(field_label(self.tr("Confirm the password"), self))
        box.addWidget(self.confirm)
        self.password.textChanged.connect(self._update)
        self.confirm.textChanged.connect(self.changed)
        self._update()

    def set_policy(self, policy: PasswordPolicy) -> None:
        """Show (and enforce) the server's rules."""
        self._policy = policy
        self._update()

    def text(self) -> str:
        """The password typed."""
        return self.password.text()

    def problem(self) -> str:
        """Why the password cannot be sent yet ("" when it can)."""
        text = self.password.text()
        unmet = self._policy.unmet(text)
        if not text:
            return self.tr("Choose a password.")
        if unmet:
            return self.tr("The password needs {rules}.").format(
                rules=", ".join(rule_text(r, self._policy) for r in unmet)
            )
        if self.confirm.text() != text:
            return self.tr("The two passwords are different.")
        return ""

    def clear(self) -> None:
        """Forget what was typed."""
        self.password.clear()
        self.confirm.clear()

    def _update(self) -> None:
        text = self.password.text()
        score = strength(text)
        self.meter.setValue(score if text else 0)
        colour = _METER_COLOURS[score]
        self.meter.setStyleSheet(
            "QProgressBar { border: none; background: #E5E5E5; border-radius: 3px; }"
            f"QProgressBar::chunk {{ background: {colour}; border-radius: 3px; }}"
        )
        word = strength_text(score) if text else ""
        self.meter_text.setText(self.tr("Strength: {word}").format(word=word) if word else "")
        self.meter.setAccessibleDescription(word)
        rules = self._policy.rules()
        unmet = set(self._policy.unmet(text))
        if rules:
            lines = [("✗ " if r in unmet else "✓ ") + rule_text(r, self._policy) for r in rules]
            self.rules.setText(self.tr("The server asks for:") + "\n" + "\n".join(lines))
        self.rules.setVisible(bool(rules))
        self.changed.emit()

    def _toggle_reveal(self, shown: bool) -> None:
        mode = QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password
        self.password.setEchoMode(mode)
        self.confirm.setEchoMode(mode)
        self._reveal.setIcon(icon("eye-off" if shown else "eye"))
        self._reveal.setToolTip(self.tr("Hide password") if shown else self.tr("Show password"))
