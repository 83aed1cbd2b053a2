"""Registration checked by email, against a real Synapse mailing to the suite's SMTP sink."""

from __future__ import annotations

import asyncio
import secrets

import pytest

from app.accounts.email_check import EmailCheckError, EmailCheckFailed
from app.accounts.password_policy import PasswordPolicy
from app.accounts.registration import Registration, localpart_of_email
from tests.fixtures_email import CUT, open_link, path_faults, wait_for_link

PASSWORD = "correct-horse-42"


def new_address(domain: str = "finances.gouv.fr") -> str:
    return f"agent.{secrets.token_hex(4)}@{domain}"


def test_the_account_name_is_made_from_the_address():
    assert localpart_of_email("Jean.Martin@Interieur.gouv.fr") == "jean.martin-interieur.gouv.fr"
    assert localpart_of_email("a b!@x.fr") == "a_b_-x.fr"


async def test_register_by_email_then_sign_in(email_synapse, mailbox):
    address = new_address()
    registration = Registration(email_synapse.url)
    try:
        policy = await registration.password_policy()
        assert policy == PasswordPolicy(min_length=10, require_digit=True)
        await registration.start(address, PASSWORD, "Jeanne Martin [Finances]")
        assert registration.email == address
        assert await registration.poll() is False  # the link is not opened yet
        waiting = asyncio.ensure_future(registration.wait_for_link(interval=0.1))
        await open_link(await wait_for_link(mailbox, address))
        user_id = await asyncio.wait_for(waiting, 20)
    finally:
        await registration.close()
    assert user_id == f"@{localpart_of_email(address)}:localhost"
    login = email_synapse.login(user_id, PASSWORD)  # the password works
    profile = email_synapse.request(
        "GET", f"/_matrix/client/v3/profile/{user_id}/displayname", token=login["access_token"]
    )
    assert profile["displayname"] == "Jeanne Martin [Finances]"
    devices = email_synapse.request("GET", "/_matrix/client/v3/devices",
                                    token=login["access_token"])["devices"]  # fmt: skip
    assert len(devices) == 1, "the registration's own device was signed out"


async def test_the_link_can_be_mailed_again(email_synapse, mailbox):
    address = new_address()
    registration = Registration(email_synapse.url)
    try:
        await registration.start(address, PASSWORD, "")
        await wait_for_link(mailbox, address)
        await registration.resend()
        await open_link(await wait_for_link(mailbox, address, after=1))
        assert await registration.wait_for_link(interval=0.1)
    finally:
        await registration.close()


@pytest.mark.parametrize(
    ("address", "password", "kind"),
    [
        ("someone@gmail.com", PASSWORD, EmailCheckError.DOMAIN_REFUSED),
        (None, "short1", EmailCheckError.WEAK_PASSWORD),
        (None, "no-digits-at-all", EmailCheckError.WEAK_PASSWORD),
    ],
)
async def test_refusals_have_their_kind(email_synapse, address, password, kind):
    registration = Registration(email_synapse.url)
    try:
        with pytest.raises(EmailCheckFailed) as failed:
            await registration.start(address or new_address(), password, "")
    finally:
        await registration.close()
    assert failed.value.kind is kind
    if kind is EmailCheckError.WEAK_PASSWORD:
        assert failed.value.detail in ("M_PASSWORD_TOO_SHORT", "M_PASSWORD_NO_DIGIT")


async def test_an_address_already_registered_is_said_so(email_synapse, mailbox):
    address = new_address()
    first = Registration(email_synapse.url)
    try:
        await first.start(address, PASSWORD, "")
        await open_link(await wait_for_link(mailbox, address))
        await first.wait_for_link(interval=0.1)
    finally:
        await first.close()
    second = Registration(email_synapse.url)
    try:
        with pytest.raises(EmailCheckFailed) as failed:
            await second.start(address, PASSWORD, "")
    finally:
        await second.close()
    assert failed.value.kind in (EmailCheckError.USER_IN_USE, EmailCheckError.EMAIL_IN_USE)


async def test_a_server_without_registration_says_so(synapse):
    registration = Registration(synapse.url)  # the suite's main Synapse: registration off
    try:
        with pytest.raises(EmailCheckFailed) as failed:
            await registration.start(new_address(), PASSWORD, "")
    finally:
        await registration.close()
    assert failed.value.kind is EmailCheckError.REGISTRATION_DISABLED


async def test_nothing_listening_is_unreachable():
    from devtools.homeserver import free_port

    registration = Registration(f"http://127.0.0.1:{free_port()}")
    with pytest.raises(EmailCheckFailed) as failed:
        await registration.password_policy()
    await registration.close()
    assert failed.value.kind is EmailCheckError.UNREACHABLE


REGISTER = "POST /_matrix/client/v3/register"


@pytest.mark.parametrize(
    ("answer", "kind"),
    [
        ((200, "<html><body>Maintenance</body></html>"), EmailCheckError.NOT_MATRIX),
        ((502, "<html>Bad gateway</html>"), EmailCheckError.SERVER_ERROR),
        ((500, {"errcode": "M_UNKNOWN"}), EmailCheckError.SERVER_ERROR),
        (
            (429, {"errcode": "M_LIMIT_EXCEEDED", "retry_after_ms": 7000}),
            EmailCheckError.RATE_LIMITED,
        ),
        (CUT, EmailCheckError.UNREACHABLE),
    ],
)
async def test_bad_answers_to_register_are_known_failures(email_synapse, answer, kind):
    async with path_faults(email_synapse.url) as proxy:
        proxy.fail(REGISTER, answer)
        registration = Registration(proxy.url)
        try:
            with pytest.raises(EmailCheckFailed) as failed:
                await registration.start(new_address(), PASSWORD, "")
        finally:
            await registration.close()
    assert failed.value.kind is kind
    if kind is EmailCheckError.RATE_LIMITED:
        assert failed.value.retry_after_s == 7


async def test_waiting_for_the_link_rides_out_a_bad_server(email_synapse, mailbox):
    address = new_address()
    async with path_faults(email_synapse.url) as proxy:
        registration = Registration(proxy.url)
        try:
            await registration.start(address, PASSWORD, "")
            proxy.fail(REGISTER, CUT, (502, "<html>Bad gateway</html>"),
                       (429, {"errcode": "M_LIMIT_EXCEEDED", "retry_after_ms": 10}),
                       (200, "<html>not json</html>"))  # fmt: skip
            waiting = asyncio.ensure_future(registration.wait_for_link(interval=0.05))
            await open_link(await wait_for_link(mailbox, address))
            user_id = await asyncio.wait_for(waiting, 30)
        finally:
            await registration.close()
        assert proxy.pending(REGISTER) == 0
    assert user_id.startswith("@agent.")
