"""The account forms find the server from the email as the sign-in does (the real widgets, a
fake session): shown before anything is sent, Cancel, the same failure sentences, the server
field only under "Other server…" (carried from and back to the sign-in form), IT's lock."""

from __future__ import annotations

import asyncio

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from app.accounts.discovery import ServerChoice, Source
from app.core.errors import LoginError, LoginFailed
from tests.support import eventually
from tests.ui.fakes import FakeConfig, FakeProfile, FakeSession
from ui.accounts.register import RegisterView
from ui.accounts.reset import ResetView

FOUND = ServerChoice("https://matrix.agent.interieur.tchap.gouv.fr", Source.LOOKUP)
EMAIL = "jeanne.martin@interieur.gouv.fr"
GOOD = "Bleu-Marianne-42"


def lookups(session: FakeSession) -> list[tuple]:
    return [c for c in session.calls if c[0] == "find_server"]


def register_view(qtbot, session: FakeSession, config: FakeConfig | None = None) -> RegisterView:
    view = RegisterView(session, config or FakeConfig({}))
    qtbot.addWidget(view)
    view.show()
    return view


def reset_view(qtbot, session: FakeSession, config: FakeConfig | None = None) -> ResetView:
    view = ResetView(session, config or FakeConfig({}))
    qtbot.addWidget(view)
    view.show()
    return view


def fill(view: RegisterView) -> None:
    view.display_name.setText("Jeanne Martin")
    view.new_password.password.setText(GOOD)
    view.new_password.confirm.setText(GOOD)


# -- Create an account ------------------------------------------------------------------------


async def test_register_shows_the_server_found_before_sending_and_creates_the_account_there(
    qtbot,
):
    session = FakeSession()
    session.found = FOUND
    view = register_view(qtbot, session)
    view.open("", EMAIL)
    assert not view.server.isVisible() and view.server_panel.other.isVisible()  # no server field
    await eventually(
        lambda: "Your server: matrix.agent.interieur" in view.server_panel.status.text()
    )
    assert lookups(session) == [("find_server", EMAIL)]
    assert not [c for c in session.calls if c[0] == "login"]
    # the found server's rules load before anything is sent
    await eventually(lambda: session.flows and ("password_policy",) in session.flows[-1].calls)
    assert session.flows[-1].homeserver == FOUND.homeserver
    await eventually(lambda: view.new_password.rules.isVisible())
    fill(view)
    signed = []
    view.signed_in.connect(lambda: signed.append(True))
    assert await view.submit() is True
    flow = session.flows[-1]
    assert flow.homeserver == FOUND.homeserver and flow.calls[-1][0] == "start"
    assert len(lookups(session)) == 1  # the server shown is the one used
    flow.link_opened.set()
    await eventually(lambda: signed == [True])
    assert session.calls[-1] == ("login", FOUND.homeserver, EMAIL, GOOD)  # by the email


async def test_register_looks_the_server_up_as_the_address_is_typed(qtbot):
    session = FakeSession()
    session.found = ServerChoice(FOUND.homeserver, Source.LOOKUP, moved=True)
    view = register_view(qtbot, session)
    view.open("")
    assert view.focusWidget() is view.email and lookups(session) == []
    QTest.keyClicks(view.email, EMAIL)
    await eventually(lambda: "Your account moved to" in view.server_panel.status.text())
    assert lookups(session) == [("find_server", EMAIL)]  # once, after typing paused


async def test_register_lookup_can_be_cancelled_and_nothing_is_sent(qtbot):
    session = FakeSession()
    session.find_gate = asyncio.Event()  # the lookup hangs
    view = register_view(qtbot, session)
    view.open("", EMAIL)
    fill(view)
    creating = asyncio.ensure_future(view.submit())
    await eventually(lambda: not view.create.isEnabled())  # waiting for the lookup
    assert view.server_panel.cancel.isVisible()
    assert "Looking for your server" in view.server_panel.status.text()
    assert await view.submit() is False  # runs once while in flight
    QTest.mouseClick(view.server_panel.cancel, Qt.MouseButton.LeftButton)
    assert await creating is False
    assert "Search stopped" in view.server_panel.status.text()
    assert view.create.isEnabled() and view.pages.currentWidget() is view.form_page
    assert (view.email.text(), view.new_password.text()) == (EMAIL, GOOD)
    assert session.flows == [] and ("registration",) not in [c[:1] for c in session.calls]


async def test_register_an_unknown_address_is_said_under_it(qtbot):
    session = FakeSession()
    session.found = LoginFailed(LoginError.NO_SERVER_FOUND)
    view = register_view(qtbot, session)
    view.open("", "x@example.org")
    fill(view)
    assert await view.submit() is False
    status = view.server_panel.status.text()
    assert "No Tchap server knows the address x@example.org" in status
    assert "Other server" in status  # the way out is named
    assert session.flows == [] and view.create.isEnabled()
    assert view.focusWidget() is view.email


async def test_register_each_lookup_failure_has_the_sign_in_sentence(qtbot):
    expected = {
        LoginError.SERVER_DOWN: "not answering right now",
        LoginError.UNREACHABLE: "Check your connection",
        LoginError.TLS_ERROR: "not secure (invalid certificate)",
    }
    for kind, words in expected.items():
        session = FakeSession()
        session.found = LoginFailed(kind)
        view = register_view(qtbot, session)
        view.open("", EMAIL)
        fill(view)
        assert await view.submit() is False
        assert words in view.server_panel.status.text()
        assert session.flows == []
    session = FakeSession()
    session.found = LoginFailed(LoginError.RATE_LIMITED, retry_after_s=9)
    view = register_view(qtbot, session)
    view.open("", EMAIL)
    fill(view)
    assert await view.submit() is False
    assert "9 s" in view.error.text()


async def test_register_under_other_server_uses_the_typed_one_without_a_lookup(qtbot):
    session = FakeSession()
    view = register_view(qtbot, session)
    view.open("https://matrix.example.org", EMAIL)
    assert view.server.isVisible() and view.server.text() == "https://matrix.example.org"
    fill(view)
    assert await view.submit() is True
    assert session.flows[-1].homeserver == "https://matrix.example.org"
    assert lookups(session) == []
    # back to finding it from the address
    view = register_view(qtbot, session)
    view.open("", EMAIL)
    QTest.mouseClick(view.server_panel.other, Qt.MouseButton.LeftButton)  # open it on the form
    assert view.server.isVisible() and view.focusWidget() is view.server
    view.server.clear()
    fill(view)
    assert await view.submit() is False
    assert "Enter the address of your server" in view.error.text()


async def test_register_on_a_locked_server_asks_nobody(qtbot):
    session = FakeSession()
    config = FakeConfig({"homeserver": FOUND.homeserver}, locked={"homeserver"})
    view = register_view(qtbot, session, config)
    view.open("https://elsewhere.example.org", EMAIL)
    assert "set by your administrator" in view.server_panel.status.text()
    assert not view.server_panel.other.isVisible() and not view.server.isVisible()
    fill(view)
    assert await view.submit() is True
    assert session.flows[-1].homeserver == FOUND.homeserver and lookups(session) == []


# -- Forgot password ---------------------------------------------------------------------------


async def test_reset_sends_the_link_through_the_server_found(qtbot):
    session = FakeSession()
    session.found = FOUND
    view = reset_view(qtbot, session)
    view.open("", EMAIL)
    assert not view.server.isVisible()
    await eventually(
        lambda: "Your server: matrix.agent.interieur" in view.server_panel.status.text()
    )
    assert session.flows == []  # nothing sent before the user asks
    assert await view.send_link() is True
    assert session.flows[-1].homeserver == FOUND.homeserver
    assert ("send_link", EMAIL) in session.flows[-1].calls
    assert lookups(session) == [("find_server", EMAIL)]


async def test_reset_lookup_can_be_cancelled(qtbot):
    session = FakeSession()
    session.find_gate = asyncio.Event()
    view = reset_view(qtbot, session)
    view.open("", EMAIL)
    sending = asyncio.ensure_future(view.send_link())
    await eventually(lambda: not view.send.isEnabled())  # waiting for the lookup
    assert view.server_panel.cancel.isVisible()
    QTest.mouseClick(view.server_panel.cancel, Qt.MouseButton.LeftButton)
    assert await sending is False
    assert "Search stopped" in view.server_panel.status.text()
    assert view.send.isEnabled() and view.email.text() == EMAIL and session.flows == []


async def test_reset_an_unknown_address_is_said_under_it(qtbot):
    session = FakeSession()
    session.found = LoginFailed(LoginError.NO_SERVER_FOUND)
    view = reset_view(qtbot, session)
    view.open("", "x@example.org")
    assert await view.send_link() is False
    assert "No Tchap server knows the address x@example.org" in view.server_panel.status.text()
    assert session.flows == [] and view.pages.currentWidget() is view.email_page


# -- between the sign-in form and the account forms ----------------------------------------------


async def test_the_sign_in_forms_other_server_goes_to_the_forms_and_back(qtbot):
    from ui.views.main.main_window import MainWindow

    session = FakeSession()
    session.found = FOUND
    window = MainWindow(session, FakeProfile(FakeConfig({})))
    qtbot.addWidget(window)
    window.show()
    window.show_login()
    login, register = window.login, window.accounts.register
    login.identifier.setText(EMAIL)
    window.accounts.show_register()  # "Other server…" closed: the server is found
    assert not register.server.isVisible()
    await eventually(lambda: "Your server" in register.server_panel.status.text())
    register.back.click()
    QTest.mouseClick(login.server.other, Qt.MouseButton.LeftButton)
    login.homeserver.setText("https://matrix.example.org")
    window.accounts.show_reset()  # opened on the sign-in form: opened here, same server
    reset = window.accounts.reset
    assert reset.server.isVisible() and reset.server.text() == "https://matrix.example.org"
    QTest.mouseClick(reset.server_panel.other, Qt.MouseButton.LeftButton)  # closed here...
    reset.back.click()
    assert window.stack.currentWidget() is login
    assert not login.homeserver.isVisible() and login.server.finding  # ...closed there too
    await eventually(lambda: "Your server" in login.server.status.text())
    window.close()
