"""The expired screen with the real core and a real Synapse: the account expires while the
window is open, the renewal email is asked from the screen, the link in the mail renews it,
"I have renewed my account" brings the chat back: no restart, nothing signed out."""

from __future__ import annotations

import secrets

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from app.core.events import SessionState
from app.platform.profile import Profile
from app.session import Session
from tests.fixtures_expiry import expire_now, open_link
from tests.support import eventually
from ui.app import create_application
from ui.views.main.main_window import MainWindow


async def test_the_screen_comes_and_goes_with_the_accounts_validity(
    qapp, validity_synapse, smtp_sink, tchap_home, keyring_backend
):
    hs = validity_synapse
    address = f"agent-{secrets.token_hex(3)}@tchap.test"
    user_id = hs.register_user(f"gui-{secrets.token_hex(3)}", "pw-gui-expiry", email=address)
    create_application()
    session = Session(Profile.load())
    window = MainWindow(session, Profile.load())
    window.show()
    try:
        await session.login(hs.url, user_id, "pw-gui-expiry")
        await window.show_chat()
        session.start()
        await session.wait_synced()

        expire_now(hs, user_id)
        # Something new for the user, so the long-poll in flight returns now.
        hs.request("POST", "/_matrix/client/v3/createRoom", {"invite": [user_id]},
                   token=hs.admin_token())  # fmt: skip
        await eventually(lambda: window.stack.currentWidget() is window.expired, timeout=30)
        view = window.expired
        assert window.banner.isHidden()

        QTest.mouseClick(view.check, Qt.MouseButton.LeftButton)  # not renewed yet
        await eventually(lambda: "still expired" in view.status.text(), timeout=20)

        QTest.mouseClick(view.send_mail, Qt.MouseButton.LeftButton)
        await eventually(lambda: smtp_sink.mails_to(address), timeout=30)
        await eventually(lambda: "on its way" in view.status.text())
        link = next(u for u in smtp_sink.mails_to(address)[-1].links() if "renew?token=" in u)
        assert open_link(link) == 200

        QTest.mouseClick(view.check, Qt.MouseButton.LeftButton)
        await eventually(lambda: window.stack.currentWidget() is window.chat, timeout=30)
        await eventually(lambda: session.state is SessionState.SYNCING, timeout=30)
    finally:
        await window.chat.bridge.shutdown()
        await session.close()
        window.close()
        window.deleteLater()
