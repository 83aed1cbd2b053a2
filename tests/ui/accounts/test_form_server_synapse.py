"""End to end: "Create an account" finds the agent's server from the email through Tchap's
`/info` (a front in front of the Synapse that mails its links), shows it, creates the account
there, and signs in by the email, with no server typed anywhere."""

from __future__ import annotations

import secrets

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from app.platform.profile import Profile
from app.session import Session
from tests.fixtures_email import open_link, wait_for_link
from tests.fixtures_signin import TchapFronts, front_config
from tests.support import eventually
from ui.app import create_application
from ui.views.main.main_window import MainWindow

PASSWORD = "Mot-de-passe-solide-2024"


async def test_registration_finds_the_server_from_the_email_then_signs_in_by_it(
    qtbot, mailing_front, mailbox, tchap_home, keyring_backend
):
    address = f"louise.{secrets.token_hex(3)}@{mailing_front.domain}"
    profile = Profile.load()
    front_config(profile, [mailing_front.url])  # the Tchap servers to ask: only this front
    create_application()
    session = Session(profile)
    window = MainWindow(session, profile)
    qtbot.addWidget(window)  # deleted on the UI thread, never by a collection elsewhere
    window.show()
    window.show_login()
    login = window.login
    try:
        assert login.server.finding and not login.homeserver.isVisible()  # no server to type
        QTest.keyClicks(login.identifier, address)
        QTest.mouseClick(login.findChild(type(login.button), "createAccount"),
                         Qt.MouseButton.LeftButton)  # fmt: skip
        register = window.accounts.register
        assert window.stack.currentWidget() is register and register.email.text() == address
        assert not register.server.isVisible()
        shown = f"Your server: {TchapFronts.hs_of(mailing_front.url)}"
        await eventually(lambda: register.server_panel.status.text() == shown, timeout=20)
        assert (mailing_front.url, address) in mailing_front.fronts.asked  # Tchap's /info
        await eventually(lambda: register.new_password.rules.isVisible())  # that server's rules
        QTest.keyClicks(register.display_name, "Louise Morel [DINUM]")
        QTest.keyClicks(register.new_password.password, PASSWORD)
        QTest.keyClicks(register.new_password.confirm, PASSWORD)
        QTest.keyClick(register.new_password.confirm, Qt.Key.Key_Return)
        await eventually(lambda: register.pages.currentWidget() is register.mail_page, timeout=20)

        await open_link(await wait_for_link(mailbox, address))  # the person opens the mail

        await eventually(lambda: window.stack.currentWidget() is window.chat, timeout=30)
        assert session.homeserver == mailing_front.url  # the server found, through its front
        assert session.user_id.endswith(":localhost")  # the mailing Synapse's account
        await eventually(lambda: session.display_name == "Louise Morel [DINUM]", timeout=30)
    finally:
        await window.chat.bridge.shutdown()
        await session.close()
        window.close()
