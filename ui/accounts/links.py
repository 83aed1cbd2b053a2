"""The two links under the sign-in form: "Create an account" and "Forgot password?"."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, SignalInstance
from PySide6.QtWidgets import QHBoxLayout, QWidget

from ui.accounts.card import link_button


def account_links(parent: QWidget, create: SignalInstance, forgot: SignalInstance) -> QHBoxLayout:
    """A row of the two links; each click emits its signal."""
    create_link = link_button(
        QCoreApplication.translate("AccountForms", "Create an account"), parent
    )
    create_link.setObjectName("createAccount")
    create_link.setAccessibleName(QCoreApplication.translate("AccountForms", "Create an account"))
    forgot_link = link_button(
        QCoreApplication.translate("AccountForms", "Forgot password?"), parent
    )
    forgot_link.setObjectName("forgotPassword")
    forgot_link.setAccessibleName(QCoreApplication.translate("AccountForms", "Forgot password?"))
    create_link.clicked.connect(create)
    forgot_link.clicked.connect(forgot)
    row = QHBoxLayout()
    row.addWidget(create_link)
    row.addStretch(1)
    row.addWidget(forgot_link)
    return row
