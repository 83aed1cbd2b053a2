"""The password reset forms on the fake session: address, link, new password, other sessions."""

from __future__ import annotations

import pytest

from app.accounts.email_check import EmailCheckError
from tests.ui.fakes import FakeConfig, FakeSession
from ui.accounts.reset import ResetView

SERVER = "https://matrix.agent.interieur.tchap.gouv.fr"
ADDRESS = "paul.bernard@interieur.gouv.fr"
NEW = "Nouveau-mot-2-passe"


def make_view(qapp, session=None):
    session = session or FakeSession()
    view = ResetView(session, FakeConfig({"homeserver": SERVER}))
    view.show()
    view.open(SERVER, ADDRESS)
    return view, session


async def test_address_then_link_then_new_password(qapp):
    view, session = make_view(qapp)
    assert view.focusWidget() is view.email and view.email.text() == ADDRESS
    assert await view.send_link() is True
    flow = session.flows[-1]
    assert ("send_link", ADDRESS) in flow.calls
    assert view.pages.currentWidget() is view.password_page
    assert ADDRESS in view.mail_text.text()
    assert view.focusWidget() is view.new_password.password
    assert view.logout_devices.isChecked()  # signing the others out is the safe default
    view.new_password.password.setText(NEW)
    view.new_password.confirm.setText(NEW)
    assert await view.set_password() is False  # the link is not opened yet
    assert "has not been opened yet" in view.password_error.text()
    flow.link_opened.set()
    view.logout_devices.setChecked(False)
    done = []
    view.done.connect(done.append)
    assert await view.set_password() is True
    assert ("set_password", NEW, False) in flow.calls
    assert done == [ADDRESS]
    assert view.new_password.text() == ""
    view.close()


@pytest.mark.parametrize(
    ("kind", "says"),
    [
        (EmailCheckError.EMAIL_UNKNOWN, "No account uses this address"),
        (EmailCheckError.UNREACHABLE, f"Cannot reach {SERVER}"),
        (EmailCheckError.NOT_MATRIX, "did not answer as a Matrix server"),
        (EmailCheckError.RATE_LIMITED, "Too many attempts"),
    ],
)
async def test_refusals_of_the_address_are_sentences(qapp, kind, says):
    session = FakeSession()
    view, _ = make_view(qapp, session)
    original = session.password_reset

    def failing(homeserver):
        flow = original(homeserver)
        flow.fail("send_link", kind)
        return flow

    session.password_reset = failing
    assert await view.send_link() is False
    assert says in view.error.text() and view.pages.currentWidget() is view.email_page
    assert view.email.text() == ADDRESS and view.send.isEnabled()
    view.close()


async def test_a_weak_password_is_not_sent_and_a_refused_one_is_said(qapp):
    view, session = make_view(qapp)
    assert await view.send_link()
    flow = session.flows[-1]
    view.new_password.password.setText("court")
    assert await view.set_password() is False
    assert "at least 10 character" in view.password_error.text()
    assert not any(c[0] == "set_password" for c in flow.calls)
    view.new_password.password.setText(NEW)
    view.new_password.confirm.setText(NEW)
    flow.link_opened.set()
    flow.fail("set_password", EmailCheckError.WEAK_PASSWORD)
    assert await view.set_password() is False
    assert "refused this password" in view.password_error.text()


async def test_back_to_sign_in_keeps_the_address(qapp):
    view, _ = make_view(qapp)
    backs = []
    view.back_requested.connect(backs.append)
    view.back.click()
    assert backs == [ADDRESS]
    assert view.back.accessibleName() and view.send.accessibleName()
    view.close()


async def test_links_under_the_sign_in_form_open_the_forms(qapp):
    from tests.ui.fakes import FakeProfile
    from ui.views.main.main_window import MainWindow

    session = FakeSession()
    window = MainWindow(session, FakeProfile())
    window.show()
    window.show_login()
    window.login.identifier.setText(ADDRESS)
    window.login.findChild(type(view_button := window.login.button), "createAccount").click()
    assert window.stack.currentWidget() is window.accounts.register
    assert window.accounts.register.email.text() == ADDRESS
    window.accounts.register.back.click()
    assert window.stack.currentWidget() is window.login
    window.login.findChild(type(view_button), "forgotPassword").click()
    assert window.stack.currentWidget() is window.accounts.reset
    reset = window.accounts.reset
    assert reset.email.text() == ADDRESS and reset.focusWidget() is reset.email
    reset.done.emit(ADDRESS)  # as after a successful reset
    assert window.stack.currentWidget() is window.login
    assert "password has been changed" in window.login.error.text()
    assert window.login.identifier.text() == ADDRESS
    window.close()
