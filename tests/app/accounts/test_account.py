"""The account in Settings against a real Synapse: sessions, profile, "liste rouge",
password, deactivation; and the bad answers a real server cannot give on demand."""

from __future__ import annotations

import asyncio
import struct
import zlib
from contextlib import asynccontextmanager

import aiohttp
import pytest

from app.accounts.devices import list_devices, sign_out_devices
from app.accounts.email_check import EmailCheckError, EmailCheckFailed
from app.accounts.interactive_auth import AccountActionFailed, AccountError
from app.accounts.privacy import HIDE_PROFILE
from app.core.errors import LoginFailed
from app.core.events import ProfileChanged, SessionState
from app.net.api import ApiClient
from app.platform.profile import Profile
from app.session import Session
from devtools.homeserver import HomeserverError
from tests.app.test_session import signed_in
from tests.support import eventually, fake_http_server

pytestmark = pytest.mark.usefixtures("tchap_home", "keyring_backend")


def png(path) -> None:
    """A 1x1 PNG image at `path`."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    ihdr = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr)
                     + chunk(b"IDAT", zlib.compress(b"\x00\xff\x00\x00")) + chunk(b"IEND", b""))  # fmt: skip


def whoami(hs, token: str) -> dict:
    return hs.request("GET", "/_matrix/client/v3/account/whoami", token=token)


# -- sessions (devices) ----------------------------------------------------------------------


async def test_devices_listed_renamed_and_signed_out_with_the_password(synapse, make_user):
    user = make_user("devices")
    session, _ = await signed_in(synapse, user)
    account = session.account()
    before = {d.device_id for d in await account.devices()}  # registering made one too
    phone = synapse.login(user.user_id, user.password)
    laptop = synapse.login(user.user_id, user.password)
    try:
        devices = await account.devices()
        assert {d.device_id for d in devices} == before | {phone["device_id"], laptop["device_id"]}
        assert devices[0].current and devices[0].device_id == session.services.client.device_id
        assert devices[0].last_seen_ms and devices[0].name == "Tchap Desktop (Linux)"
        assert not any(d.current for d in devices[1:])

        await account.rename_device(phone["device_id"], "Téléphone de service")
        names = {d.device_id: d.name for d in await account.devices()}
        assert names[phone["device_id"]] == "Téléphone de service"

        others = [phone["device_id"], laptop["device_id"]]
        with pytest.raises(AccountActionFailed) as wrong:
            await account.sign_out_devices(others, "not the password")
        assert wrong.value.kind is AccountError.WRONG_PASSWORD
        assert len(await account.devices()) == len(devices)  # nothing happened

        await account.sign_out_devices(others, user.password)
        left = {d.device_id for d in await account.devices()}
        assert left == before
        for gone in (phone, laptop):
            with pytest.raises(HomeserverError, match="401"):
                whoami(synapse, gone["access_token"])
        assert session.state is not SessionState.TOKEN_INVALID  # this one stays signed in
    finally:
        await session.close()


async def test_this_device_is_never_signed_out_from_the_list(synapse, make_user):
    user = make_user("self")
    session, _ = await signed_in(synapse, user)
    try:
        me = session.services.client.device_id
        before = await session.account().devices()
        await session.account().sign_out_devices([me], user.password)
        assert await session.account().devices() == before
        assert session.state is not SessionState.TOKEN_INVALID
    finally:
        await session.close()


async def test_renaming_to_nothing_is_refused_before_asking(synapse, make_user):
    user = make_user("blank")
    session, _ = await signed_in(synapse, user)
    try:
        me = session.services.client.device_id
        with pytest.raises(AccountActionFailed) as refused:
            await session.account().rename_device(me, "   ")
        assert refused.value.kind is AccountError.INVALID
    finally:
        await session.close()


# -- profile ---------------------------------------------------------------------------------


async def test_profile_name_and_avatar_change_through_the_outbox(synapse, make_user, tmp_path):
    user = make_user("profile", displayname="Anne Martin", email="anne.martin@dinum.gouv.fr")
    session, recorder = await signed_in(synapse, user)
    account = session.account()
    try:
        profile = await account.profile()
        assert profile.display_name == "Anne Martin"
        assert profile.emails == ("anne.martin@dinum.gouv.fr",)
        assert profile.name_editable  # "localhost" is no Tchap server

        await account.set_display_name("  Anne Martin-Durand ")
        assert session.display_name == "Anne Martin-Durand"  # in force at once
        assert ProfileChanged(user.user_id, "Anne Martin-Durand") in recorder.events
        image = tmp_path / "me.png"
        png(image)
        uri = await account.set_avatar(image)
        assert uri.startswith("mxc://")

        def on_server() -> dict:
            return synapse.request("GET", f"/_matrix/client/v3/profile/{user.user_id}")

        await eventually(lambda: on_server().get("displayname") == "Anne Martin-Durand")
        await eventually(lambda: on_server().get("avatar_url") == uri)
        await account.set_avatar(None)
        await eventually(lambda: not on_server().get("avatar_url"))
    finally:
        await session.close()


async def test_a_file_that_is_not_an_image_is_no_avatar(synapse, make_user, tmp_path):
    user = make_user("notimage")
    session, _ = await signed_in(synapse, user)
    try:
        text = tmp_path / "notes.txt"
        text.write_text("bonjour")
        with pytest.raises(AccountActionFailed) as refused:
            await session.account().set_avatar(text)
        assert refused.value.kind is AccountError.INVALID
    finally:
        await session.close()


async def test_the_name_is_not_editable_on_a_tchap_server(synapse, make_user):
    user = make_user("tchap", displayname="Jean Martin [Intérieur]")
    Profile.load().config.set("homeserver_list", [synapse.url.removeprefix("http://")])
    session, _ = await signed_in(synapse, user)
    try:
        assert not (await session.account().profile()).name_editable
        with pytest.raises(AccountActionFailed) as refused:
            await session.account().set_display_name("Jean")
        assert refused.value.kind is AccountError.FORBIDDEN
    finally:
        await session.close()


# -- "liste rouge" ---------------------------------------------------------------------------


def search(hs, token: str, term: str) -> list[str]:
    body = {"search_term": term, "limit": 10}
    found = hs.request("POST", "/_matrix/client/v3/user_directory/search", body, token=token)
    return [r["user_id"] for r in found["results"]]


async def test_liste_rouge_hides_the_profile_from_another_accounts_search(directory_synapse):
    hs = directory_synapse
    alice = hs.register_user("alice.rouge", "pw-alice-1", displayname="Alice Rouge")
    hs.register_user("bob.search", "pw-bob-1")
    bob = hs.login("@bob.search:directory.localhost", "pw-bob-1")["access_token"]
    session = Session(Profile.load())
    await session.login(hs.url, alice, "pw-alice-1")
    session.start()
    await session.wait_synced()
    account = session.account()
    try:
        await eventually(lambda: alice in search(hs, bob, "Alice Rouge"))
        assert await account.hidden_from_directory() is False

        await account.set_hidden_from_directory(True)
        assert await account.hidden_from_directory() is True  # at once, while queued
        await eventually(lambda: alice not in search(hs, bob, "Alice Rouge"))
        data = hs.request("GET", f"/_matrix/client/v3/user/{alice}/account_data/{HIDE_PROFILE}",
                          token=hs.login(alice, "pw-alice-1")["access_token"])  # fmt: skip
        assert data == {"hide_profile": True}

        await account.set_hidden_from_directory(False)
        await eventually(lambda: alice in search(hs, bob, "Alice Rouge"))
        assert await account.hidden_from_directory() is False
    finally:
        await session.close()


async def test_liste_rouge_choice_survives_a_restart_while_offline(directory_synapse):
    """Queued while the server cannot be reached, shown as chosen, sent after a restart."""
    hs = directory_synapse
    alice = hs.register_user("alice.offline", "pw-alice-2")
    session = Session(Profile.load())
    await session.login(hs.url, alice, "pw-alice-2")
    services = await session.connect()  # no sync, no outbox loop: the request waits on disk
    await session.account().set_hidden_from_directory(True)
    assert await session.account().hidden_from_directory() is True
    assert services.ctx.api is not None
    await session.close()

    again = Session(Profile.load())
    assert await again.restore()
    again.start()
    token = hs.login(alice, "pw-alice-2")["access_token"]
    path = f"/_matrix/client/v3/user/{alice}/account_data/{HIDE_PROFILE}"
    try:
        await eventually(lambda: _get_or_none(hs, path, token) == {"hide_profile": True})
    finally:
        await again.close()


def _get_or_none(hs, path: str, token: str) -> dict | None:
    try:
        return hs.request("GET", path, token=token)
    except HomeserverError:
        return None


# -- password, deactivation ------------------------------------------------------------------


async def test_change_password_from_settings(synapse, make_user):
    user = make_user("chpw")
    session, _ = await signed_in(synapse, user)
    try:
        with pytest.raises(EmailCheckFailed) as wrong:
            await session.account().change_password("nope", "Nouveau-mot-2-passe", False)
        assert wrong.value.kind is EmailCheckError.WRONG_PASSWORD
        await session.account().change_password(user.password, "Nouveau-mot-2-passe", False)
        assert synapse.login(user.user_id, "Nouveau-mot-2-passe")["user_id"] == user.user_id
    finally:
        await session.close()


async def test_deactivation_needs_the_password_then_signs_out_for_good(synapse, make_user):
    user = make_user("leaving")
    session, _ = await signed_in(synapse, user)
    try:
        with pytest.raises(AccountActionFailed) as wrong:
            await session.account().deactivate("not the password")
        assert wrong.value.kind is AccountError.WRONG_PASSWORD
        assert session.state is not SessionState.SIGNED_OUT

        await session.account().deactivate(user.password)
        assert session.state is SessionState.SIGNED_OUT
        assert Profile.load().read_account() is None  # nothing kept on this computer
        with pytest.raises(LoginFailed):
            await Session(Profile.load()).login(synapse.url, user.user_id, user.password)
    finally:
        await session.close()


# -- bad answers -----------------------------------------------------------------------------


@asynccontextmanager
async def fake_api(routes: dict):
    """An ApiClient talking to a fake server answering `routes` (faults Synapse cannot make)."""
    async with fake_http_server(routes) as url, aiohttp.ClientSession() as http:
        yield ApiClient(http, url, "token")


@pytest.mark.parametrize(
    ("answer", "kind"),
    [
        ((200, "<html>portail captif</html>"), AccountError.BAD_RESPONSE),
        ((200, {"devices": "none"}), AccountError.BAD_RESPONSE),
        ((500, {"errcode": "M_UNKNOWN"}), AccountError.SERVER_ERROR),
        ((502, "<html>Bad gateway</html>"), AccountError.SERVER_ERROR),
        ((429, {"errcode": "M_LIMIT_EXCEEDED", "retry_after_ms": 5000}), AccountError.RATE_LIMITED),
    ],
)
async def test_bad_answers_to_the_devices_list(answer, kind):
    async with fake_api({"GET /_matrix/client/v3/devices": [answer]}) as api:
        with pytest.raises(AccountActionFailed) as failed:
            await list_devices(api, "ME")
    assert failed.value.kind is kind
    if kind is AccountError.RATE_LIMITED:
        assert failed.value.retry_after_s == 5.0


async def test_a_devices_list_with_bad_entries_keeps_the_good_ones():
    entries = [{"device_id": "ME", "display_name": 3}, {"display_name": "no id"}, "junk",
               {"device_id": "B", "last_seen_ts": True, "last_seen_ip": None}]  # fmt: skip
    async with fake_api({"GET /_matrix/client/v3/devices": (200, {"devices": entries})}) as api:
        devices = await list_devices(api, "ME")
    assert [(d.device_id, d.name, d.last_seen_ms, d.current) for d in devices] == [
        ("ME", "", None, True),
        ("B", "", None, False),
    ]


async def test_a_server_without_a_password_flow_is_said_so():
    sso_only = (401, {"flows": [{"stages": ["m.login.sso"]}], "session": "s"})
    async with fake_api({"POST /_matrix/client/v3/delete_devices": sso_only}) as api:
        with pytest.raises(AccountActionFailed) as failed:
            await sign_out_devices(api, "@a:x", ["B"], "pw")
    assert failed.value.kind is AccountError.NO_PASSWORD_FLOW


async def test_a_cut_connection_while_signing_out_devices():
    async def cut(_reader, writer) -> None:
        writer.close()  # no answer at all: the connection is closed under the request

    server = await asyncio.start_server(cut, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    try:
        async with aiohttp.ClientSession() as http:
            with pytest.raises(AccountActionFailed) as failed:
                await sign_out_devices(
                    ApiClient(http, f"http://127.0.0.1:{port}", "t"), "@a:x", ["B"], "pw"
                )
    finally:
        server.close()
        await server.wait_closed()
    assert failed.value.kind is AccountError.NETWORK
