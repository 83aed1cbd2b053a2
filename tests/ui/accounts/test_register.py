"""The registration form on the fake session: checks, refusals in sentences, the mailbox page
that goes on by itself, once-only submit, the strength meter and the server's rules."""

from __future__ import annotations

import asyncio

import pytest

from app.accounts.email_check import EmailCheckError
from tests.support import eventually
from tests.ui.fakes import FakeConfig, FakeSession
from ui.accounts.register import RegisterView

SERVER = "https://matrix.agent.finances.tchap.gouv.fr"
GOOD = "Bleu-Marianne-42"


async def open_view(qapp, session=None, locked=()):
    session = session or FakeSession()
    view = RegisterView(session, FakeConfig({"homeserver": SERVER}, locked=set(locked)))
    view.show()
    view.open(SERVER, "jeanne.martin@finances.gouv.fr")
    await eventually(lambda: session.flows and ("password_policy",) in session.flows[-1].calls)
    return view, session


def fill(view, password=GOOD, confirm=None):
    view.display_name.setText("Jeanne Martin")
    view.new_password.password.setText(password)
    view.new_password.confirm.setText(password if confirm is None else confirm)


async def test_the_form_opens_with_the_server_rules_and_focus_in_the_first_empty_field(qapp):
    view, _ = await open_view(qapp)
    assert view.server.text() == SERVER
    assert view.email.text() == "jeanne.martin@finances.gouv.fr"
    assert view.focusWidget() is view.display_name
    await eventually(lambda: view.new_password.rules.isVisible())
    assert "10" in view.new_password.rules.text() and "✗" in view.new_password.rules.text()
    view.new_password.password.setText(GOOD)
    assert "✗" not in view.new_password.rules.text()
    assert view.new_password.meter.value() >= 3
    view.new_password.password.setText("abc")
    assert view.new_password.meter.value() <= 1
    for widget in (view.server, view.email, view.display_name, view.create, view.back,
                   view.new_password.password, view.new_password.confirm):  # fmt: skip
        assert widget.accessibleName()
    view.close()


@pytest.mark.parametrize(
    ("email", "password", "confirm", "says"),
    [
        ("not-an-address", GOOD, None, "professional email address"),
        ("a@finances.gouv.fr", "court1", None, "at least 10 character"),
        ("a@finances.gouv.fr", "sans-aucun-chiffre", None, "a digit"),
        ("a@finances.gouv.fr", GOOD, "autre-chose-42", "different"),
    ],
)
async def test_a_form_that_cannot_be_sent_says_why(qapp, email, password, confirm, says):
    view, session = await open_view(qapp)
    view.email.setText(email)
    fill(view, password, confirm)
    assert await view.submit() is False
    assert says in view.error.text()
    assert not any(c[0] == "start" for c in session.flows[-1].calls)
    view.close()


async def test_registration_waits_for_the_link_then_signs_in(qapp):
    view, session = await open_view(qapp)
    fill(view)
    signed = []
    view.signed_in.connect(lambda: signed.append(True))
    assert await view.submit() is True
    flow = session.flows[-1]
    assert ("start", "jeanne.martin@finances.gouv.fr", GOOD, "Jeanne Martin") in flow.calls
    assert view.pages.currentWidget() is view.mail_page
    assert "jeanne.martin@finances.gouv.fr" in view.mail_text.text()
    assert view.waiting.isVisible()
    view.resend.click()
    await eventually(lambda: ("resend",) in flow.calls)
    await eventually(lambda: "sent again" in view.mail_status.text())
    flow.link_opened.set()  # the user opened the link in the mail
    await eventually(lambda: signed == [True])
    # by the email, on the server the account was created on: the sign-in form's path
    assert ("login", SERVER, "jeanne.martin@finances.gouv.fr", GOOD) in session.calls
    assert view.new_password.text() == ""
    view.close()


async def test_create_runs_once_while_in_flight(qapp):
    view, session = await open_view(qapp)
    fill(view)
    flow = session.flows[-1]
    gate = asyncio.Event()
    original = flow.start

    async def slow_start(*args):
        await gate.wait()
        await original(*args)

    flow.start = slow_start
    first = asyncio.ensure_future(view.submit())
    await asyncio.sleep(0)
    assert not view.create.isEnabled() and view.busy.isVisible()
    assert await view.submit() is False
    gate.set()
    assert await first is True
    view.close()


@pytest.mark.parametrize(
    ("kind", "says"),
    [
        (EmailCheckError.DOMAIN_REFUSED, "Addresses of this domain cannot create an account"),
        (EmailCheckError.EMAIL_IN_USE, "An account already exists for this address"),
        (EmailCheckError.REGISTRATION_DISABLED, "does not let you create an account"),
        (EmailCheckError.UNREACHABLE, f"Cannot reach {SERVER}"),
        (EmailCheckError.NOT_MATRIX, "did not answer as a Matrix server"),
        (EmailCheckError.SERVER_ERROR, "The server had a problem"),
        (EmailCheckError.RATE_LIMITED, "Try again in 12 second"),
    ],
)
async def test_refusals_are_sentences_and_the_form_is_kept(qapp, kind, says):
    view, session = await open_view(qapp)
    fill(view)
    session.flows[-1].fail("start", kind, retry_after_s=12)
    assert await view.submit() is False
    assert says in view.error.text()
    assert "M_" not in view.error.text()
    assert view.pages.currentWidget() is view.form_page
    assert view.email.text() and view.new_password.text() == GOOD
    assert view.create.isEnabled()
    view.close()


async def test_a_refusal_while_waiting_comes_back_to_the_form(qapp):
    view, session = await open_view(qapp)
    fill(view)
    flow = session.flows[-1]
    flow.fail("wait_for_link", EmailCheckError.SESSION_EXPIRED)
    assert await view.submit() is True
    await eventually(lambda: view.pages.currentWidget() is view.form_page)
    assert "expired" in view.error.text()
    view.close()


async def test_cancel_stops_waiting_and_back_goes_to_sign_in(qapp):
    view, session = await open_view(qapp)
    fill(view)
    assert await view.submit()
    task = view._wait_task
    view.cancel.click()
    await eventually(lambda: task.done())
    assert task.cancelled() and view.pages.currentWidget() is view.form_page
    backs = []
    view.back_requested.connect(backs.append)
    view.back.click()
    assert backs == ["jeanne.martin@finances.gouv.fr"]
    await view.close_flow()
    assert session.flows[-1].closed
    view.close()


async def test_a_locked_server_is_kept(qapp):
    view, _ = await open_view(qapp, locked={"homeserver"})
    view.open("https://elsewhere.example.org")
    assert view.server.isReadOnly() and view.server.text() == SERVER
    view.close()
