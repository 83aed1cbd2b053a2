"""The Settings window on the real core and a real Synapse, driven as a person would:
sessions signed out with the password, the "liste rouge" seen from another account's
search, the account deactivated behind its warning."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from app.core.events import SessionState
from app.platform.profile import Profile
from app.session import Session
from devtools.homeserver import HomeserverError
from tests.support import eventually
from ui.app import create_application
from ui.settings.account import AccountPage
from ui.settings.privacy import PrivacyPage
from ui.settings.sessions import SessionsPage
from ui.views.main.main_window import MainWindow


def click(widget) -> None:
    QTest.mouseClick(widget, Qt.MouseButton.LeftButton)


async def signed_in_window(hs, user_id: str, password: str) -> tuple[Session, MainWindow]:
    create_application()
    session = Session(Profile.load())
    await session.login(hs.url, user_id, password)
    window = MainWindow(session, Profile.load())
    window.show()
    await window.show_chat()
    return session, window


def token_works(hs, token: str) -> bool:
    try:
        hs.request("GET", "/_matrix/client/v3/account/whoami", token=token)
    except HomeserverError:
        return False
    return True


async def test_sign_out_another_session_from_settings(
    qapp, synapse, make_user, tchap_home, keyring_backend
):
    user = make_user("sessions")
    phone = synapse.login(user.user_id, user.password)
    session, window = await signed_in_window(synapse, user.user_id, user.password)
    try:
        click(window.settings.button)
        dialog = window.settings.dialog
        dialog.open_page(SessionsPage)
        page = dialog.page(SessionsPage)
        devices = page.model
        await eventually(lambda: phone["device_id"] in [d.device_id for d in devices.devices()])
        assert devices.devices()[0].current
        row = [d.device_id for d in devices.devices()].index(phone["device_id"])
        page.table.selectRow(row)
        click(page.sign_out)
        prompt = page.dialog
        await eventually(lambda: prompt.password.hasFocus())
        QTest.keyClicks(prompt.password, "not the password")
        click(prompt.confirm_button)
        await eventually(lambda: prompt.error.text() == "The password is not correct.")
        assert token_works(synapse, phone["access_token"])
        prompt.password.clear()
        QTest.keyClicks(prompt.password, user.password)
        click(prompt.confirm_button)
        await eventually(lambda: phone["device_id"] not in [d.device_id for d in devices.devices()])
        assert not token_works(synapse, phone["access_token"])
        assert session.state is not SessionState.TOKEN_INVALID
    finally:
        window.close()
        await session.close()


async def test_liste_rouge_from_settings_hides_me_from_a_colleague(
    qapp, directory_synapse, tchap_home, keyring_backend
):
    hs = directory_synapse
    me = hs.register_user("claire.rouge", "pw-claire-1", displayname="Claire Rouge")
    hs.register_user("marc.cherche", "pw-marc-1")
    marc = hs.login("@marc.cherche:directory.localhost", "pw-marc-1")["access_token"]

    def found() -> bool:
        body = {"search_term": "Claire Rouge", "limit": 10}
        answer = hs.request("POST", "/_matrix/client/v3/user_directory/search", body, token=marc)
        return me in [r["user_id"] for r in answer["results"]]

    session, window = await signed_in_window(hs, me, "pw-claire-1")
    session.start()
    try:
        await eventually(found)
        dialog = window.settings.open()
        dialog.open_page(PrivacyPage)
        page = dialog.page(PrivacyPage)
        await eventually(lambda: page.hide_profile.isEnabled())
        assert not page.hide_profile.isChecked()
        page.hide_profile.click()
        await eventually(lambda: not found())
        assert page.hide_profile.isChecked()
    finally:
        window.close()
        await session.close()


async def test_deactivate_from_settings_returns_to_sign_in(
    qapp, synapse, make_user, tchap_home, keyring_backend
):
    user = make_user("depart")
    session, window = await signed_in_window(synapse, user.user_id, user.password)
    session.start()
    try:
        dialog = window.settings.open()
        dialog.open_page(AccountPage)
        page = dialog.page(AccountPage)
        click(page.deactivate)
        confirm = page.dialog
        QTest.keyClicks(confirm.password, user.password)
        click(confirm.confirm_button)
        await eventually(lambda: "Tick the box" in confirm.error.text())  # nothing was sent
        confirm.understood.click()
        click(confirm.confirm_button)
        await eventually(lambda: window.stack.currentWidget() is window.login, timeout=30)
        assert session.state is SessionState.SIGNED_OUT
        assert window.settings.dialog is None  # the window closed with the session
        assert Profile.load().read_account() is None
    finally:
        window.close()
        await session.close()
