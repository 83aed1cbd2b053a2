"""The Settings window with a FakeSession: opened three ways, each page driven by its widgets,
locked settings shown locked with the reason, password dialogs running once."""

from __future__ import annotations

import asyncio

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from app.accounts.interactive_auth import AccountError
from app.core.events import SessionState
from tests.support import eventually
from tests.ui.fake_account_settings import PASSWORD
from tests.ui.fakes import FakeConfig, FakeProfile, FakeSession
from tests.ui.test_chat_view import make as make_chat
from ui.settings.account import AccountPage
from ui.settings.devices_model import DevicesModel
from ui.settings.dialog import SettingsDialog
from ui.settings.general import GeneralPage
from ui.settings.locked import LockNote
from ui.settings.pages import PAGES
from ui.settings.privacy import PrivacyPage
from ui.settings.sessions import SessionsPage
from ui.settings.texts import locked_text


def click(widget) -> None:
    QTest.mouseClick(widget, Qt.MouseButton.LeftButton)


async def open_settings(qtbot, config: FakeConfig | None = None, session=None):
    session = session or FakeSession()
    dialog = SettingsDialog(session, config or FakeConfig({"language": "", "log_level": "info"}))
    qtbot.addWidget(dialog)
    dialog.show()
    return session, dialog


async def show(dialog: SettingsDialog, page_class):
    dialog.open_page(page_class)
    page = dialog.page(page_class)
    await eventually(lambda: page.isVisible())
    return page


# -- the window ------------------------------------------------------------------------------


async def test_opened_by_ctrl_comma_the_menu_and_the_gear_button(qtbot):
    _session, window, chat = await make_chat(qtbot)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    opener = window.settings
    assert opener.button.accessibleName() == "Settings"
    assert opener.action in chat.sidebar.menu_button.menu().actions()
    chat.sidebar.search.setFocus()
    QTest.keyClick(window, Qt.Key.Key_Comma, Qt.KeyboardModifier.ControlModifier)
    await eventually(lambda: opener.dialog is not None and opener.dialog.isVisible())
    first = opener.dialog
    click(opener.button)  # the same window, not a second one
    assert opener.dialog is first
    assert [first.list.item(i).text() for i in range(first.list.count())] == [
        "General",
        "Account",
        "Privacy",
        "Sessions",
    ]
    assert first.list.hasFocus() or first.list.currentRow() == 0


async def test_the_window_closes_when_the_session_ends(qtbot):
    _session, window, _chat = await make_chat(qtbot)
    dialog = window.settings.open()
    window.settings.session_state(SessionState.SIGNED_OUT, None)
    await eventually(lambda: not dialog.isVisible() or window.settings.dialog is None)
    assert window.settings.dialog is None


async def test_every_page_is_one_module_in_the_list():
    assert [p.__module__ for p in PAGES] == [
        "ui.settings.general",
        "ui.settings.account",
        "ui.settings.privacy",
        "ui.settings.sessions",
    ]


# -- General ---------------------------------------------------------------------------------


async def test_general_reads_and_writes_the_configuration(qtbot):
    config = FakeConfig({"language": "", "send_read_receipts": True,
                         "private_read_receipts": False, "log_level": "info"})  # fmt: skip
    _, dialog = await open_settings(qtbot, config)
    page = await show(dialog, GeneralPage)
    assert page.send_receipts.isChecked() and not page.private_receipts.isChecked()
    page.private_receipts.click()
    assert config.values["private_read_receipts"] is True
    page.language.setCurrentIndex(page.language.findData("fr"))
    assert config.values["language"] == "fr"
    assert page.language_note.isVisible()  # applies at the next start, and says so
    page.log_level.setCurrentIndex(page.log_level.findData("debug"))
    assert config.values["log_level"] == "debug"


async def test_a_setting_it_locked_shows_locked_with_the_reason(qtbot):
    config = FakeConfig({"language": "fr", "private_read_receipts": True, "log_level": "info"},
                        locked={"private_read_receipts", "language"})  # fmt: skip
    _, dialog = await open_settings(qtbot, config)
    page = await show(dialog, GeneralPage)
    assert not page.private_receipts.isEnabled() and page.private_receipts.isChecked()
    assert not page.language.isEnabled()
    assert page.private_receipts.toolTip() == locked_text()
    assert page.private_receipts.accessibleDescription() == locked_text()
    notes = page.findChildren(LockNote)
    assert len(notes) == 2 and all(n.isVisible() and n.text.text() == locked_text() for n in notes)
    assert page.send_receipts.isEnabled()


# -- Account ---------------------------------------------------------------------------------


async def test_the_name_is_read_only_on_tchap_with_the_reason(qtbot):
    session, dialog = await open_settings(qtbot)
    page = await show(dialog, AccountPage)
    await eventually(lambda: "sophie.durand@finances.gouv.fr" in page.emails.text())
    assert page.name.isReadOnly() and not page.save_name.isVisible()
    assert "directory" in page.name_note.text()
    assert ("set_display_name",) not in [c[:1] for c in session.account().calls]


async def test_the_name_is_edited_once_elsewhere(qtbot):
    session = FakeSession(display_name="Paul Dupont")
    session.account().name_editable = True
    _, dialog = await open_settings(qtbot, session=session)
    page = await show(dialog, AccountPage)
    await eventually(lambda: not page.name.isReadOnly())
    page.name.clear()
    QTest.keyClicks(page.name, "Paul Dupont-Martin")
    session.account().gate = asyncio.Event()
    QTest.keyClick(page.name, Qt.Key.Key_Return)
    QTest.keyClick(page.name, Qt.Key.Key_Return)  # twice: one request
    session.account().gate.set()
    await eventually(lambda: page.status.text() == "Your name was changed.")
    assert [c for c in session.account().calls if c[0] == "set_display_name"] == [
        ("set_display_name", "Paul Dupont-Martin")
    ]


async def test_change_password_dialog(qtbot):
    session, dialog = await open_settings(qtbot)
    page = await show(dialog, AccountPage)
    change = page.open_change_password()
    await eventually(lambda: change.current.hasFocus())  # opens in its first field
    QTest.keyClicks(change.current, "wrong")
    QTest.keyClicks(change.new.password, "Nouveau-mot-2-passe")
    QTest.keyClicks(change.new.confirm, "Nouveau-mot-2-passe")
    change.sign_out_others.click()
    assert not await change.run()
    assert change.error.text() and change.isVisible()  # the reason, and what was typed stays
    assert change.new.password.text() == "Nouveau-mot-2-passe"
    change.current.setText(PASSWORD)
    assert await change.run()
    assert session.account().calls[-1] == ("change_password", PASSWORD, "Nouveau-mot-2-passe", True)
    assert page.status.text() == "Your password was changed."


async def test_deactivation_needs_the_box_ticked_and_the_password(qtbot):
    session, dialog = await open_settings(qtbot)
    page = await show(dialog, AccountPage)
    deactivate = page.open_deactivate()
    assert deactivate.confirm_button.objectName() == "danger"
    assert "cannot be undone" in deactivate.text.text()
    deactivate.password.setText(PASSWORD)
    assert not await deactivate.run()
    assert "Tick the box" in deactivate.error.text()
    assert not any(c[0] == "deactivate" for c in session.account().calls)
    deactivate.understood.click()
    deactivate.password.setText("wrong")
    assert not await deactivate.run()
    assert deactivate.error.text() == "The password is not correct."
    deactivate.password.setText(PASSWORD)
    assert await deactivate.run()
    assert session.account().deactivated


# -- Privacy ---------------------------------------------------------------------------------


async def test_liste_rouge_switch(qtbot):
    session, dialog = await open_settings(qtbot)
    page = await show(dialog, PrivacyPage)
    await eventually(lambda: page.hide_profile.isEnabled())
    assert not page.hide_profile.isChecked()
    page.hide_profile.click()
    await eventually(lambda: session.account().hidden)
    assert "hidden" in page.status.text()


async def test_liste_rouge_failure_puts_the_switch_back(qtbot):
    session, dialog = await open_settings(qtbot)
    page = await show(dialog, PrivacyPage)
    await eventually(lambda: page.hide_profile.isEnabled())
    session.account().fail("set_hidden_from_directory", AccountError.NETWORK)
    page.hide_profile.click()
    await eventually(lambda: "cannot be reached" in page.status.text())
    assert not page.hide_profile.isChecked() and not session.account().hidden


async def test_privacy_page_says_why_it_cannot_load(qtbot):
    session = FakeSession()
    session.account().fail("hidden_from_directory", AccountError.BAD_RESPONSE)
    _, dialog = await open_settings(qtbot, session=session)
    page = await show(dialog, PrivacyPage)
    await eventually(lambda: "cannot be read" in page.status.text())
    assert not page.hide_profile.isEnabled()


# -- Sessions --------------------------------------------------------------------------------


async def test_sessions_listed_this_one_first_and_marked(qtbot):
    _, dialog = await open_settings(qtbot)
    page = await show(dialog, SessionsPage)
    await eventually(lambda: page.model.rowCount() == 3)
    assert page.model.index(0, 2).data() == "This session"
    assert page.model.index(0, 0).data(DevicesModel.Role.CURRENT) is True
    assert page.model.index(2, 0).data() == "Unnamed session"
    page.table.selectRow(0)
    assert not page.sign_out.isEnabled()  # this one is signed out from the main menu


async def test_sign_out_several_sessions_with_the_password(qtbot):
    session, dialog = await open_settings(qtbot)
    page = await show(dialog, SessionsPage)
    await eventually(lambda: page.model.rowCount() == 3)
    page.table.selectAll()
    prompt = page.open_sign_out()
    assert prompt.windowTitle().startswith("Sign out 2 session")  # (plural forms: test_i18n)
    assert "PHONE123" in prompt.text.text() and "THISONE" not in prompt.text.text()
    prompt.password.setText("wrong")
    assert not await prompt.run()
    assert prompt.error.text() == "The password is not correct."
    prompt.password.setText(PASSWORD)
    session.account().gate = asyncio.Event()
    first = asyncio.ensure_future(prompt.run())
    await asyncio.sleep(0)
    assert not await prompt.run()  # in flight: once
    session.account().gate.set()
    assert await first
    await eventually(lambda: page.model.rowCount() == 1)
    assert page.status.text().startswith("2 session")
    signed_out = [c for c in session.account().calls if c[0] == "sign_out_devices"]
    assert signed_out[-1] == ("sign_out_devices", ["PHONE123", "OLDWEB99"], PASSWORD)


async def test_rename_a_session(qtbot):
    _, dialog = await open_settings(qtbot)
    page = await show(dialog, SessionsPage)
    await eventually(lambda: page.model.rowCount() == 3)
    page.table.selectRow(1)
    rename = page.open_rename()
    rename.name.setText("Téléphone pro")
    assert await rename.run()
    await eventually(lambda: page.model.index(1, 0).data() == "Téléphone pro")


async def test_sessions_model(qtmodeltester):
    from app.accounts.devices import Device

    model = DevicesModel()
    a = Device("A", "Desktop", None, "", True)
    b = Device("B", "Phone", 1_700_000_000_000, "10.0.0.1", False)
    model.set_devices([a, b])
    qtmodeltester.check(model)
    model.set_devices([a, Device("B", "Phone 2", 1_700_000_000_000, "10.0.0.1", False)])
    assert model.index(1, 0).data() == "Phone 2"
    model.set_devices([a])
    assert model.rowCount() == 1
    qtmodeltester.check(model)


def test_fake_profile_has_a_config():
    assert FakeProfile().config is not None


async def test_a_real_policy_file_locks_the_setting(qtbot, tchap_home, tmp_path, monkeypatch):
    from app.platform.profile import Profile

    policy = tmp_path / "policy.toml"
    policy.write_text('private_read_receipts = true\nlocked = ["private_read_receipts"]\n')
    monkeypatch.setenv("TCHAP_POLICY_FILE", str(policy))
    config = Profile.load().config
    _, dialog = await open_settings(qtbot, config)
    page = await show(dialog, GeneralPage)
    assert page.private_receipts.isChecked() and not page.private_receipts.isEnabled()
    assert page.private_receipts.toolTip() == locked_text()
    page.send_receipts.click()  # a free one is written to the user's settings.json
    assert config.get("send_read_receipts") is False
    await config.flush()
    assert '"send_read_receipts": false' in config.files_read()[-1][0].read_text()
