"""Password reset by a mailed link, and change with the current password (real Synapse)."""

from __future__ import annotations

import secrets

import pytest

from app.accounts.email_check import EmailCheckError, EmailCheckFailed
from app.accounts.password import PasswordReset, change_password
from app.accounts.password_policy import PasswordPolicy
from app.net.api import ApiClient
from devtools.homeserver import HomeserverError
from tests.fixtures_email import CUT, open_link, path_faults, wait_for_link

OLD = "old-password-123"
NEW = "new-password-456"


def make_account(hs, password: str = OLD) -> tuple[str, str]:
    address = f"agent.{secrets.token_hex(4)}@interieur.gouv.fr"
    user_id = hs.register_user(f"reset-{secrets.token_hex(4)}", password, email=address)
    return user_id, address


async def test_reset_by_email_signs_the_other_devices_out(email_synapse, mailbox):
    user_id, address = make_account(email_synapse)
    old_token = email_synapse.login(user_id, OLD)["access_token"]
    reset = PasswordReset(email_synapse.url)
    try:
        assert await reset.password_policy() == PasswordPolicy(10, require_digit=True)
        await reset.send_link(address)
        with pytest.raises(EmailCheckFailed) as early:
            await reset.set_password(NEW, logout_devices=True)
        assert early.value.kind is EmailCheckError.LINK_NOT_OPENED
        await open_link(await wait_for_link(mailbox, address))
        await reset.set_password(NEW, logout_devices=True)
    finally:
        await reset.close()
    assert email_synapse.login(user_id, NEW)["user_id"] == user_id
    with pytest.raises(HomeserverError, match="403"):
        email_synapse.login(user_id, OLD)
    with pytest.raises(HomeserverError, match="401"):  # signed out everywhere
        email_synapse.request("GET", "/_matrix/client/v3/account/whoami", token=old_token)


async def test_reset_can_keep_the_other_devices(email_synapse, mailbox):
    user_id, address = make_account(email_synapse)
    old_token = email_synapse.login(user_id, OLD)["access_token"]
    reset = PasswordReset(email_synapse.url)
    try:
        await reset.send_link(address)
        with pytest.raises(EmailCheckFailed):  # asked once with the other choice
            await reset.set_password(NEW, logout_devices=True)
        await open_link(await wait_for_link(mailbox, address))
        await reset.set_password(NEW, logout_devices=False)
    finally:
        await reset.close()
    me = email_synapse.request("GET", "/_matrix/client/v3/account/whoami", token=old_token)
    assert me["user_id"] == user_id


async def test_an_unknown_address_is_said_so(email_synapse):
    reset = PasswordReset(email_synapse.url)
    try:
        with pytest.raises(EmailCheckFailed) as failed:
            await reset.send_link("nobody.here@culture.gouv.fr")
    finally:
        await reset.close()
    assert failed.value.kind is EmailCheckError.EMAIL_UNKNOWN


async def test_a_weak_new_password_is_refused_with_its_rule(email_synapse, mailbox):
    _, address = make_account(email_synapse)
    reset = PasswordReset(email_synapse.url)
    try:
        await reset.send_link(address)
        await open_link(await wait_for_link(mailbox, address))
        with pytest.raises(EmailCheckFailed) as failed:
            await reset.set_password("short", logout_devices=False)
    finally:
        await reset.close()
    assert failed.value.kind is EmailCheckError.WEAK_PASSWORD
    assert failed.value.detail == "M_PASSWORD_TOO_SHORT"


@pytest.mark.parametrize(
    ("answer", "kind"),
    [
        ((200, "<html>Portail captif</html>"), EmailCheckError.NOT_MATRIX),
        ((500, {"errcode": "M_UNKNOWN"}), EmailCheckError.SERVER_ERROR),
        ((429, {"errcode": "M_LIMIT_EXCEEDED", "retry_after_ms": 3000}), EmailCheckError.RATE_LIMITED),
        (CUT, EmailCheckError.UNREACHABLE),
    ],
)
async def test_bad_answers_to_the_mail_request(email_synapse, answer, kind):
    _, address = make_account(email_synapse)
    async with path_faults(email_synapse.url) as proxy:
        proxy.fail("POST /_matrix/client/v3/account/password/email/requestToken", answer)
        reset = PasswordReset(proxy.url)
        try:
            with pytest.raises(EmailCheckFailed) as failed:
                await reset.send_link(address)
        finally:
            await reset.close()
    assert failed.value.kind is kind


async def signed_in_api(hs, user_id: str, password: str):
    import aiohttp

    token = hs.login(user_id, password)["access_token"]
    http = aiohttp.ClientSession()
    ended = []
    return ApiClient(http, hs.url, token, on_session_ended=ended.append), http, ended, token


async def test_change_password_with_the_current_one(email_synapse):
    user_id, _ = make_account(email_synapse)
    other = email_synapse.login(user_id, OLD)["access_token"]
    api, http, ended, token = await signed_in_api(email_synapse, user_id, OLD)
    try:
        await change_password(api, OLD, NEW, logout_devices=True)
    finally:
        await http.close()
    assert ended == [], "interactive auth is not an ended session"
    assert email_synapse.login(user_id, NEW)["user_id"] == user_id
    me = email_synapse.request("GET", "/_matrix/client/v3/account/whoami", token=token)
    assert me["user_id"] == user_id, "this device stays signed in"
    with pytest.raises(HomeserverError, match="401"):
        email_synapse.request("GET", "/_matrix/client/v3/account/whoami", token=other)


async def test_change_password_with_a_wrong_current_one(email_synapse):
    user_id, _ = make_account(email_synapse)
    api, http, ended, _ = await signed_in_api(email_synapse, user_id, OLD)
    try:
        with pytest.raises(EmailCheckFailed) as failed:
            await change_password(api, "not-the-password-1", NEW, logout_devices=False)
        with pytest.raises(EmailCheckFailed) as weak:
            await change_password(api, OLD, "weak", logout_devices=False)
    finally:
        await http.close()
    assert failed.value.kind is EmailCheckError.WRONG_PASSWORD
    assert weak.value.kind is EmailCheckError.WEAK_PASSWORD
    assert ended == []
    assert email_synapse.login(user_id, OLD)["user_id"] == user_id
