"""The sign-in form finds the server from the address, shows it, can be stopped, and asks
only the password again after a soft logout (the real widgets, a fake session)."""

from __future__ import annotations

import asyncio

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from app.accounts.discovery import ServerChoice, Source
from app.core.errors import LoginError, LoginFailed
from app.core.events import SessionState, SessionStateChanged
from tests.support import eventually
from tests.ui.fakes import FakeConfig, FakeProfile, FakeSession
from ui.views.signin.login import LoginView

FOUND = ServerChoice("https://matrix.agent.interieur.tchap.gouv.fr", Source.LOOKUP)
EMAIL = "jean.martin@interieur.gouv.fr"


def make_view(qtbot, session: FakeSession, config: FakeConfig | None = None) -> LoginView:
    view = LoginView(session, config or FakeConfig({}))
    qtbot.addWidget(view)
    view.show()
    return view


def lookups(session: FakeSession) -> list[tuple]:
    return [c for c in session.calls if c[0] == "find_server"]


async def test_the_server_is_found_while_typing_and_shown_before_signing_in(qtbot):
    session = FakeSession()
    session.found = FOUND
    view = make_view(qtbot, session)
    assert not view.homeserver.isVisible() and view.server.other.isVisible()  # no server field
    QTest.keyClicks(view.identifier, EMAIL)
    await eventually(lambda: "Your server: matrix.agent.interieur" in view.server.status.text())
    assert lookups(session) == [("find_server", EMAIL)]  # once, after typing paused
    view.password.setText("s3cret")
    assert await view.sign_in()
    assert session.calls[-1] == ("login", FOUND.homeserver, EMAIL, "s3cret")
    assert len(lookups(session)) == 1  # the server shown is the one used


async def test_an_account_that_moved_says_so(qtbot):
    session = FakeSession()
    session.found = ServerChoice(FOUND.homeserver, Source.LOOKUP, moved=True)
    view = make_view(qtbot, session)
    view.identifier.setText(EMAIL)
    view.password.setText("s3cret")
    assert await view.sign_in()
    assert "Your account moved to matrix.agent.interieur" in view.server.status.text()


async def test_a_lookup_in_flight_can_be_cancelled_and_the_form_keeps_its_text(qtbot):
    session = FakeSession()
    session.find_gate = asyncio.Event()  # the lookup hangs
    view = make_view(qtbot, session)
    view.identifier.setText(EMAIL)
    view.password.setText("s3cret")
    signing = asyncio.ensure_future(view.sign_in())
    await eventually(lambda: view.server.cancel.isVisible())
    assert "Looking for your server" in view.server.status.text()
    assert not view.button.isEnabled()
    QTest.mouseClick(view.server.cancel, Qt.MouseButton.LeftButton)
    assert await signing is False
    assert "Search stopped" in view.server.status.text()
    assert view.button.isEnabled() and not view.server.cancel.isVisible()
    assert (view.identifier.text(), view.password.text()) == (EMAIL, "s3cret")
    assert not [c for c in session.calls if c[0] == "login"]


async def test_typing_again_replaces_the_lookup_in_flight(qtbot):
    session = FakeSession()
    session.find_gate = asyncio.Event()
    view = make_view(qtbot, session)
    view.server.identifier_edited("a@interieur.gouv.fr")
    view.server._start_pending()
    first = view.server._task
    view.server.identifier_edited("b@interieur.gouv.fr")
    await asyncio.sleep(0)
    assert first.cancelled()


async def test_an_unknown_address_is_said_under_it(qtbot):
    session = FakeSession()
    session.found = LoginFailed(LoginError.NO_SERVER_FOUND)
    view = make_view(qtbot, session)
    view.identifier.setText("x@example.org")
    view.password.setText("s3cret")
    assert await view.sign_in() is False
    assert "No Tchap server knows the address x@example.org" in view.server.status.text()
    assert (view.identifier.text(), view.password.text()) == ("x@example.org", "s3cret")
    assert not [c for c in session.calls if c[0] == "login"]
    assert view.button.isEnabled()


async def test_each_lookup_failure_has_its_sentence(qtbot):
    expected = {
        LoginError.SERVER_DOWN: "not answering right now",
        LoginError.UNREACHABLE: "Check your connection",
        LoginError.TLS_ERROR: "not secure (invalid certificate)",
    }
    for kind, words in expected.items():
        session = FakeSession()
        session.found = LoginFailed(kind)
        view = make_view(qtbot, session)
        view.identifier.setText(EMAIL)
        view.password.setText("pw")
        assert await view.sign_in() is False
        assert words in view.server.status.text()


async def test_a_rate_limited_lookup_counts_down(qtbot):
    session = FakeSession()
    session.found = LoginFailed(LoginError.RATE_LIMITED, retry_after_s=12)
    view = make_view(qtbot, session)
    view.identifier.setText(EMAIL)
    view.password.setText("pw")
    assert await view.sign_in() is False
    assert "12 s" in view.error.text() and not view.button.isEnabled()


async def test_other_server_signs_in_where_the_user_says(qtbot):
    session = FakeSession()
    view = make_view(qtbot, session)
    QTest.mouseClick(view.server.other, Qt.MouseButton.LeftButton)
    assert view.homeserver.isVisible() and view.focusWidget() is view.homeserver
    view.homeserver.setText("https://matrix.example.org")
    view.identifier.setText("@alice:example.org")
    view.password.setText("pw")
    assert await view.sign_in()
    assert lookups(session) == []
    assert session.calls[-1] == ("login", "https://matrix.example.org", "@alice:example.org", "pw")


async def test_a_bare_username_needs_a_server(qtbot):
    session = FakeSession()
    view = make_view(qtbot, session)
    view.identifier.setText("alice")
    view.password.setText("pw")
    assert await view.sign_in() is False
    assert "Enter your professional email address" in view.error.text()
    assert session.calls == []


async def test_the_locked_server_is_used_without_a_lookup(qtbot):
    session = FakeSession()
    config = FakeConfig({"homeserver": "https://matrix.agent.interieur.tchap.gouv.fr"},
                        locked={"homeserver"})  # fmt: skip
    view = make_view(qtbot, session, config)
    view.identifier.setText(EMAIL)
    view.password.setText("pw")
    assert await view.sign_in()
    assert lookups(session) == []
    assert session.calls[-1][1] == "https://matrix.agent.interieur.tchap.gouv.fr"


async def test_soft_logout_asks_only_the_password_again(qtbot):
    from ui.views.main.main_window import MainWindow

    session = FakeSession()
    window = MainWindow(session, FakeProfile())
    qtbot.addWidget(window)
    window.show()
    await window.show_chat()
    session.state = SessionState.SOFT_LOGGED_OUT
    session.emit(SessionStateChanged(SessionState.SOFT_LOGGED_OUT))
    login = window.login
    await eventually(lambda: window.stack.currentWidget() is login)
    assert login.identifier.text() == session.user_id and login.identifier.isReadOnly()
    assert not login.server.isVisible() and login.sign_out.isVisible()
    assert window.focusWidget() is login.password
    assert "messages and encryption keys on this computer are kept" in login.error.text()
    assert login.button.text() == "Sign in again"

    session.login_error = LoginFailed(LoginError.BAD_CREDENTIALS)
    login.password.setText("wrong")
    assert await login.sign_in() is False
    assert "Wrong identifier or password." in login.error.text()
    session.login_error = None
    login.password.setText("right")
    assert await login.sign_in()
    assert ("sign_in_again", "right") in session.calls
    assert not [c for c in session.calls if c[0] in ("login", "find_server")]
    await eventually(lambda: window.stack.currentWidget() is window.chat)
    window.show_login()  # an ordinary sign-in afterwards
    assert not login.identifier.isReadOnly() and login.server.isVisible()
    assert not login.sign_out.isVisible()


async def test_soft_logout_can_sign_out_instead(qtbot):
    from PySide6.QtWidgets import QMessageBox

    from ui.views.main.main_window import MainWindow

    session = FakeSession()
    window = MainWindow(session, FakeProfile())
    qtbot.addWidget(window)
    window.show()
    await window.show_chat()
    session.emit(SessionStateChanged(SessionState.SOFT_LOGGED_OUT))
    await eventually(lambda: window.login.sign_out.isVisible())
    QTest.mouseClick(window.login.sign_out, Qt.MouseButton.LeftButton)
    boxes = [w for w in window.findChildren(QMessageBox) if w.isVisible()]
    assert boxes and "Sign out of Tchap" in boxes[0].text()
    next(b for b in boxes[0].buttons() if b.text() == "Sign out").click()
    await eventually(lambda: ("logout",) in session.calls)
    await eventually(lambda: not window.login.identifier.isReadOnly())
