"""The "private read receipts" setting, as a checkable item of the account menu.

There is no settings window yet: the item sits where the user can reach it. It reads and
writes the `private_read_receipts` configuration key (saved off the UI thread by
`Config.update`); a key IT locked in the machine policy shows the item disabled.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

KEY = "private_read_receipts"


def add_private_receipts_item(menu: QMenu, config: Any) -> QAction:
    """Add the checkable item before the menu's last entries (sign out)."""
    action = QAction(QCoreApplication.translate("ReceiptsSetting", "Private read receipts"), menu)
    action.setCheckable(True)
    action.setToolTip(
        QCoreApplication.translate(
            "ReceiptsSetting", "Other members do not see which messages you have read."
        )
    )
    action.setChecked(bool(config.get(KEY)) if config is not None else False)
    locked = config is None or bool(getattr(config, "is_locked", lambda _k: False)(KEY))
    action.setEnabled(not locked)
    if config is not None:
        action.toggled.connect(lambda checked: config.update(KEY, bool(checked)))
    actions = menu.actions()
    menu.insertAction(actions[0] if actions else None, action)
    return action
