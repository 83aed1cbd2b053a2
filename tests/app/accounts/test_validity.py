"""An expired account: the sync stops, the renewal email goes out, the renewed account syncs again.

Against a real Synapse with its built-in account validity and a real SMTP sink; a fake
server only for what Synapse cannot show (Tchap's module path, a server without either).
"""

from __future__ import annotations

import secrets

import aiohttp
import pytest

from app.accounts.validity import SEND_MAIL_PATHS, AccountValidity
from app.core.errors import ActionError, ActionFailed
from app.core.events import SessionState
from app.net.api import ApiClient
from app.platform.profile import Profile
from app.session import Session
from tests.fixtures_expiry import expire_now, open_link
from tests.support import Recorder, eventually, fake_http_server

TCHAP_PATH, SYNAPSE_PATH = SEND_MAIL_PATHS


async def test_expired_then_renewed_through_the_mail_without_a_restart(
    validity_synapse, smtp_sink, tchap_home, keyring_backend
):
    hs = validity_synapse
    address = f"agent-{secrets.token_hex(3)}@tchap.test"
    user_id = hs.register_user(f"expiring-{secrets.token_hex(3)}", "pw-expiring-1", email=address)
    session = Session(Profile.load())
    recorder = Recorder(session)
    await session.login(hs.url, user_id, "pw-expiring-1")
    session.start()
    await session.wait_synced()
    try:
        expire_now(hs, user_id)
        # Something new for the user, so the long-poll in flight returns now.
        hs.request("POST", "/_matrix/client/v3/createRoom", {"invite": [user_id]},
                   token=hs.admin_token())  # fmt: skip
        await eventually(lambda: session.state is SessionState.ACCOUNT_EXPIRED, timeout=30)
        await eventually(lambda: session.services is None)  # sync and outbox stopped
        assert await session.access.check_renewed() is False
        assert session.state is SessionState.ACCOUNT_EXPIRED

        await session.access.send_renewal_mail()
        await eventually(lambda: smtp_sink.mails_to(address), timeout=30)
        links = [u for u in smtp_sink.mails_to(address)[-1].links() if "renew?token=" in u]
        assert links, smtp_sink.mails_to(address)[-1].text
        assert open_link(links[0]) == 200

        assert await session.access.check_renewed() is True
        await eventually(lambda: session.state is SessionState.SYNCING, timeout=30)
        await session.wait_synced()
        assert SessionState.ACCOUNT_EXPIRED in recorder.states()
    finally:
        await session.close()


async def _validity(url: str, http: aiohttp.ClientSession) -> AccountValidity:
    return AccountValidity(ApiClient(http, url, "token"))


async def test_tchaps_module_is_asked_first():
    seen: list[str] = []
    routes = {f"POST {TCHAP_PATH}": (200, {}), f"POST {SYNAPSE_PATH}": (200, {})}
    async with fake_http_server(routes, seen=seen) as url, aiohttp.ClientSession() as http:
        await (await _validity(url, http)).send_renewal_mail()
    assert seen == [f"POST {TCHAP_PATH}"]


async def test_synapse_is_asked_when_tchaps_module_is_absent():
    seen: list[str] = []
    routes = {f"POST {SYNAPSE_PATH}": (200, {})}
    async with fake_http_server(routes, seen=seen) as url, aiohttp.ClientSession() as http:
        await (await _validity(url, http)).send_renewal_mail()
    assert seen == [f"POST {TCHAP_PATH}", f"POST {SYNAPSE_PATH}"]


async def test_a_server_without_renewal_emails_is_a_clear_error():
    async with fake_http_server({}) as url, aiohttp.ClientSession() as http:
        with pytest.raises(ActionFailed) as failed:
            await (await _validity(url, http)).send_renewal_mail()
    assert failed.value.kind is ActionError.NOT_FOUND


@pytest.mark.parametrize(
    ("answer", "expected"),
    [((403, {"errcode": "ORG_MATRIX_EXPIRED_ACCOUNT"}), False), ((200, {"user_id": "@a:b"}), True)],
)
async def test_the_check_tells_expired_from_renewed(answer, expected):
    routes = {"GET /_matrix/client/v3/account/whoami": answer}
    async with fake_http_server(routes) as url, aiohttp.ClientSession() as http:
        assert await (await _validity(url, http)).is_renewed() is expected


@pytest.mark.parametrize("answer", [(500, "<html>oops</html>"), (502, {})])
async def test_a_broken_server_is_not_taken_for_a_renewal(answer):
    routes = {"GET /_matrix/client/v3/account/whoami": answer}
    async with fake_http_server(routes) as url, aiohttp.ClientSession() as http:
        with pytest.raises(ActionFailed) as failed:
            await (await _validity(url, http)).is_renewed()
    assert failed.value.kind is ActionError.SERVER_ERROR
