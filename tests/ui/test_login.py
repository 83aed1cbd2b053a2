"""The sign-in form: one message per LoginFailed kind, typed text kept, busy state."""

from __future__ import annotations

import asyncio

import pytest

from app.core.errors import LoginError, LoginFailed
from tests.ui.fakes import FakeConfig, FakeSession
from ui.views.signin.login import LoginView

SERVER = "https://matrix.agent.tchap.gouv.fr"
EXPECTED = {
    LoginError.BAD_CREDENTIALS: "Wrong identifier or password.",
    LoginError.UNREACHABLE: f"Cannot reach {SERVER}. Check the address and your connection.",
    LoginError.SERVER_DOWN: f"{SERVER} is not answering right now.",
    LoginError.TLS_ERROR: f"The connection to {SERVER} is not secure",
    LoginError.NO_SERVER_FOUND: "No server was found for this address.",
    LoginError.NOT_MATRIX: f"{SERVER} is not a Matrix server.",
    LoginError.RATE_LIMITED: "Too many attempts. Try again in 30 s.",
    LoginError.SERVER_ERROR: "The server had a problem (502). Try again later.",
    LoginError.USER_DEACTIVATED: "This account has been deactivated.",
    LoginError.ACCOUNT_EXPIRED: "This account has expired.",
    LoginError.INVALID_IDENTIFIER: "Enter a Matrix ID",
    LoginError.INVALID_HOMESERVER: "The server address is not valid.",
    LoginError.KEYRING_UNAVAILABLE: "No secure password store (keyring) is available",
    LoginError.UNKNOWN: "Sign-in failed.",
}


def make_view(qtbot, session=None, locked=()):
    config = FakeConfig({"homeserver": SERVER}, locked=set(locked))
    view = LoginView(session or FakeSession(), config)
    qtbot.addWidget(view)
    view.identifier.setText("sophie.durand@finances.gouv.fr")
    view.password.setText("s3cret")
    return view


def test_every_kind_has_its_message_set():
    assert set(EXPECTED) == set(LoginError)


@pytest.mark.parametrize("kind", list(LoginError))
def test_each_failure_shows_its_message_and_keeps_the_form(qtbot, kind):
    view = make_view(qtbot)
    view.show_failure(LoginFailed(kind, retry_after_s=30, status=502))
    assert not view.error.isHidden()
    assert EXPECTED[kind] in view.error.text()
    assert view.homeserver.text() == SERVER
    assert view.identifier.text() == "sophie.durand@finances.gouv.fr"
    expected_password = "" if kind is LoginError.BAD_CREDENTIALS else "s3cret"
    assert view.password.text() == expected_password


def test_rate_limit_counts_down_then_enables_the_button(qtbot):
    view = make_view(qtbot)
    view.show_failure(LoginFailed(LoginError.RATE_LIMITED, retry_after_s=2))
    assert not view.button.isEnabled()
    view._tick()
    assert "1 s" in view.error.text() and not view.button.isEnabled()
    view._tick()
    assert view.button.isEnabled() and view.error.isHidden()


def test_a_locked_homeserver_has_no_field_and_no_other_server(qtbot):
    view = make_view(qtbot, locked={"homeserver"})
    view.show()
    assert not view.homeserver.isVisible() and not view.server.other.isVisible()
    assert "matrix.agent.tchap.gouv.fr (set by your administrator)" in view.server.status.text()
    unlocked = make_view(qtbot)
    unlocked.show()
    assert unlocked.homeserver.isVisible() and not unlocked.homeserver.isReadOnly()


def test_password_can_be_shown(qtbot):
    view = make_view(qtbot)
    view._reveal.setChecked(True)
    assert view.password.echoMode() == view.password.EchoMode.Normal


async def test_sign_in_calls_login_with_the_form_and_emits_signed_in(qtbot):
    session = FakeSession()
    view = make_view(qtbot, session)
    signed = []
    view.signed_in.connect(lambda: signed.append(True))
    session.gate = asyncio.Event()
    task = asyncio.ensure_future(view.sign_in())
    await asyncio.sleep(0)
    assert not view.busy.isHidden() and not view.button.isEnabled()  # busy while waiting
    session.gate.set()
    assert await task is True
    assert signed == [True]
    assert session.calls[-1] == ("login", SERVER, "sophie.durand@finances.gouv.fr", "s3cret")
    assert view.busy.isHidden() and view.button.isEnabled()


async def test_failed_sign_in_shows_the_error(qtbot):
    session = FakeSession()
    session.login_error = LoginFailed(LoginError.NOT_MATRIX)
    view = make_view(qtbot, session)
    assert await view.sign_in() is False
    assert view.error.text() == f"{SERVER} is not a Matrix server."
    assert view.password.text() == "s3cret"


async def test_empty_fields_are_not_sent(qtbot):
    session = FakeSession()
    view = make_view(qtbot, session)
    view.password.clear()
    assert await view.sign_in() is False
    assert session.calls == []
    assert "identifier and your password" in view.error.text()


async def test_no_keyring_offers_an_explicit_plaintext_opt_in(qapp):
    """With no keyring nothing is stored, until the user ticks the opt-in; then a warning stays."""
    from tests.ui.fakes import FakeProfile
    from ui.views.main.main_window import MainWindow

    class NoKeyringSession(FakeSession):
        opted_in = False

        @property
        def secrets_in_plaintext(self) -> bool:
            return self.opted_in

        def allow_plaintext_secrets(self) -> bool:
            self.opted_in = True
            return True

        async def login(self, homeserver, identifier, password):
            if not self.opted_in:
                raise LoginFailed(LoginError.KEYRING_UNAVAILABLE)
            await super().login(homeserver, identifier, password)

    session = NoKeyringSession()
    window = MainWindow(session, FakeProfile())
    window.show()
    window.show_login()
    login = window.login
    login.homeserver.setText("https://matrix.example.org")
    login.identifier.setText("@alice:example.org")
    login.password.setText("secret-pw")
    assert not await login.sign_in()
    assert login.plaintext_opt_in.isVisible() and not login.plaintext_opt_in.isChecked()
    assert not await login.sign_in()  # not ticked: still refused, nothing stored
    assert not session.opted_in
    login.plaintext_opt_in.setChecked(True)
    assert await login.sign_in()
    await window.show_chat()
    assert window.plaintext_warning.isVisible()
    window.close()


async def test_plaintext_opt_in_hidden_when_it_forbids_it(qapp):
    config = FakeConfig({"allow_plaintext_secrets": False}, locked={"allow_plaintext_secrets"})
    view = LoginView(FakeSession(), config)
    view.show_failure(LoginFailed(LoginError.KEYRING_UNAVAILABLE))
    assert view.plaintext_opt_in.isHidden()


def test_the_identifier_label_says_what_each_mode_accepts(qtbot):
    view = LoginView(FakeSession(), FakeConfig({}))
    qtbot.addWidget(view)
    view.show()
    email_only = "Professional email address"
    assert view._identifier_label.text() == email_only  # the server is found from it
    assert view.identifier.accessibleName() == email_only
    view.server.other.click()  # "Other server…": a Matrix ID (or a username) works too
    assert view._identifier_label.text() == "Matrix ID, username or email address"
    assert view.identifier.accessibleName() == view._identifier_label.text()
    assert view.identifier.placeholderText().startswith("@")
    view.server.other.click()  # back to the lookup
    assert view._identifier_label.text() == email_only
    view.ask_password_again("@sophie:example.org")
    assert view._identifier_label.text() == "Account"
    view.server.other.click()
    assert view._identifier_label.text() == "Account"  # not while the password is asked again
    view.new_sign_in()
    assert view._identifier_label.text() == "Matrix ID, username or email address"
    locked = make_view(qtbot, locked={"homeserver"})
    assert locked._identifier_label.text() == "Professional email address or Matrix ID"
