"""The account forms end to end: the real window and session, a Synapse that mails its links
to the suite's SMTP sink, and the test doing what the person does with the mail."""

from __future__ import annotations

import secrets

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from app.platform.profile import Profile
from app.session import Session
from devtools.homeserver import HomeserverError
from tests.fixtures_email import open_link, wait_for_link
from tests.support import eventually
from ui.app import create_application
from ui.views.main.main_window import MainWindow

PASSWORD = "Mot-de-passe-solide-2024"


def click(widget) -> None:
    QTest.mouseClick(widget, Qt.MouseButton.LeftButton)


async def test_create_an_account_from_the_sign_in_screen(
    qapp, email_synapse, mailbox, tchap_home, keyring_backend
):
    address = f"claire.{secrets.token_hex(3)}@dinum.gouv.fr"
    create_application()
    session = Session(Profile.load())
    window = MainWindow(session, Profile.load())
    window.show()
    window.show_login()
    try:
        window.login.server.other.setChecked(True)  # "Other server…": a test server
        window.login.homeserver.setText(email_synapse.url)
        QTest.keyClicks(window.login.identifier, address)
        click(window.login.findChild(type(window.login.button), "createAccount"))
        register = window.accounts.register
        assert window.stack.currentWidget() is register
        assert register.email.text() == address
        await eventually(lambda: register.new_password.rules.isVisible())  # the server's policy
        QTest.keyClicks(register.display_name, "Claire Petit [DINUM]")
        QTest.keyClicks(register.new_password.password, PASSWORD)
        QTest.keyClicks(register.new_password.confirm, PASSWORD)
        QTest.keyClick(register.new_password.confirm, Qt.Key.Key_Return)
        await eventually(lambda: register.pages.currentWidget() is register.mail_page)
        assert address in register.mail_text.text()

        await open_link(await wait_for_link(mailbox, address))  # the person opens the mail

        await eventually(lambda: window.stack.currentWidget() is window.chat, timeout=30)
        assert session.user_id.startswith("@claire.") and session.user_id.endswith(":localhost")
        await eventually(lambda: session.display_name == "Claire Petit [DINUM]", timeout=30)
    finally:
        await window.chat.bridge.shutdown()
        await session.close()
        window.close()


async def test_a_refused_domain_is_a_sentence_on_the_form(
    qapp, email_synapse, tchap_home, keyring_backend
):
    create_application()
    session = Session(Profile.load())
    window = MainWindow(session, Profile.load())
    window.show_login()
    try:
        window.login.server.other.setChecked(True)  # "Other server…": a test server
        window.login.homeserver.setText(email_synapse.url)
        window.accounts.show_register()
        register = window.accounts.register
        register.email.setText("claire.petit@gmail.com")
        register.new_password.password.setText(PASSWORD)
        register.new_password.confirm.setText(PASSWORD)
        assert await register.submit() is False
        assert "Addresses of this domain cannot create an account" in register.error.text()
        assert register.pages.currentWidget() is register.form_page
    finally:
        await register.close_flow()
        await session.close()
        window.close()


async def test_reset_a_forgotten_password_then_sign_in(
    qapp, email_synapse, mailbox, tchap_home, keyring_backend
):
    address = f"marc.{secrets.token_hex(3)}@culture.gouv.fr"
    user_id = email_synapse.register_user(f"marc-{secrets.token_hex(3)}", "ancien-mdp-1234",
                                          email=address)  # fmt: skip
    old_device = email_synapse.login(user_id, "ancien-mdp-1234")["access_token"]
    create_application()
    session = Session(Profile.load())
    window = MainWindow(session, Profile.load())
    window.show()
    window.show_login()
    try:
        window.login.server.other.setChecked(True)  # "Other server…": a test server
        window.login.homeserver.setText(email_synapse.url)
        click(window.login.findChild(type(window.login.button), "forgotPassword"))
        reset = window.accounts.reset
        assert window.stack.currentWidget() is reset
        QTest.keyClicks(reset.email, address)
        click(reset.send)
        await eventually(lambda: reset.pages.currentWidget() is reset.password_page)
        QTest.keyClicks(reset.new_password.password, PASSWORD)
        QTest.keyClicks(reset.new_password.confirm, PASSWORD)
        click(reset.change)  # too early: the mail is not opened
        await eventually(lambda: "not been opened" in reset.password_error.text())

        await open_link(await wait_for_link(mailbox, address))

        click(reset.change)
        await eventually(lambda: window.stack.currentWidget() is window.login)
        assert "password has been changed" in window.login.error.text()
        assert window.login.identifier.text() == address
        QTest.keyClicks(window.login.password, PASSWORD)
        assert await window.login.sign_in()  # by email, with the new password
        assert session.user_id == user_id
    finally:
        await window.chat.bridge.shutdown()
        await session.close()
        window.close()
    with pytest.raises(HomeserverError, match="401"):  # the box was ticked: signed out
        email_synapse.request("GET", "/_matrix/client/v3/account/whoami", token=old_device)
