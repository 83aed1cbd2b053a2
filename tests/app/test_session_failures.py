"""The session's known failures, against the real Synapse: each one a state with its reason,
never a crash, a silent return or a sign-out that keeps data behind."""

from __future__ import annotations

import asyncio

from app.core.events import SessionState, StartProblem
from app.net.api import ApiClient
from app.platform.keys import load_secrets
from app.platform.profile import Profile
from app.session import Session
from devtools.homeserver import free_port
from tests.app.test_session import signed_in
from tests.support import Recorder, api, eventually


def _reasons(recorder: Recorder) -> list:
    from app.core.events import SessionStateChanged

    return [(e.state, e.reason) for e in recorder.events if isinstance(e, SessionStateChanged)]


async def test_sign_out_wipes_everything_even_when_the_server_is_unreachable(
    synapse, make_user, tchap_home, keyring_backend
):
    user = make_user("wipe")
    session, recorder = await signed_in(synapse, user)
    paths = Profile.load().paths
    assert paths.cache_db.exists() and paths.crypto_dir.exists()
    real = session.services.ctx.api  # the network goes away before the user signs out
    dead = ApiClient(real.http, f"http://127.0.0.1:{free_port()}", "tok")
    object.__setattr__(session.services.ctx, "api", dead)
    await session.logout()
    assert session.state is SessionState.SIGNED_OUT
    assert [s for s, _ in _reasons(recorder)][-2:] == [
        SessionState.SIGNING_OUT, SessionState.SIGNED_OUT,
    ]  # fmt: skip
    assert Profile.load().read_account() is None
    assert not paths.cache_db.exists() and not paths.crypto_dir.exists()
    assert load_secrets(Profile.load().secrets, user.user_id) is None


async def test_a_keyring_that_fails_at_start_is_a_state_with_retry(
    synapse, make_user, tchap_home, keyring_backend, monkeypatch
):
    user = make_user("keyring")
    session, _ = await signed_in(synapse, user)
    await session.close()

    def locked(*_args):
        raise RuntimeError("org.freedesktop.Secret.Error.IsLocked")  # what D-Bus raises

    monkeypatch.setattr("app.session.load_secrets", locked)
    again = Session(Profile.load())
    recorder = Recorder(again)
    assert await again.restore()  # the stored account is there: not the sign-in form
    assert again.state is SessionState.START_FAILED
    assert _reasons(recorder)[-1] == (SessionState.START_FAILED, StartProblem.KEYRING)
    assert await again.room_summaries() == []
    again.start()  # nothing to start: no crash, no task left behind
    monkeypatch.setattr("app.session.load_secrets", load_secrets)
    await again.retry_start()
    await again.wait_synced()
    assert again.state is SessionState.SYNCING
    await again.close()


async def test_a_damaged_crypto_store_is_a_state_not_a_crash(
    synapse, make_user, tchap_home, keyring_backend
):
    user = make_user("cryptostore")
    session, _ = await signed_in(synapse, user)
    await session.close()
    paths = Profile.load().paths
    for db in paths.crypto_dir.glob("*.db"):
        db.write_bytes(b"this is not a database" * 100)
    again = Session(Profile.load())
    recorder = Recorder(again)
    assert await again.restore()
    again.start()
    await eventually(lambda: again.state is SessionState.START_FAILED)
    assert (SessionState.START_FAILED, StartProblem.CRYPTO_STORE) in _reasons(recorder)
    await again.logout()  # "sign out and start again" still works
    assert Profile.load().read_account() is None


async def test_an_unusable_cache_at_start_is_a_state(
    synapse, make_user, tchap_home, keyring_backend
):
    user = make_user("cachegone")
    session, _ = await signed_in(synapse, user)
    await session.close()
    paths = Profile.load().paths
    for suffix in ("", "-wal", "-shm"):
        path = paths.cache_db.with_name(paths.cache_db.name + suffix)
        path.unlink(missing_ok=True)
    paths.cache_db.mkdir()  # cannot be opened, deleted or rebuilt as a file
    again = Session(Profile.load())
    recorder = Recorder(again)
    assert await again.restore()
    assert again.state is SessionState.CACHE_UNAVAILABLE
    assert _reasons(recorder)[-1] == (SessionState.CACHE_UNAVAILABLE, StartProblem.CACHE)
    paths.cache_db.rmdir()
    await again.retry_start()  # the disk is fine again: the cache is rebuilt from the server
    await again.wait_synced()
    assert again.state is SessionState.SYNCING
    await again.close()


async def test_a_direct_chat_is_created_once_and_then_reopened(
    synapse, make_user, tchap_home, keyring_backend
):
    alice, bob = make_user("dm-a"), make_user("dm-b")
    session, _ = await signed_in(synapse, alice)
    first, second = await asyncio.gather(
        session.create_direct_chat(bob.user_id), session.create_direct_chat(bob.user_id)
    )
    assert first == second
    assert await session.create_direct_chat(bob.user_id) == first  # reopened, not created
    joined = await api(session, "GET", "/_matrix/client/v3/joined_rooms")
    assert joined["joined_rooms"] == [first]
    await session.close()


async def test_a_token_revoked_elsewhere_ends_the_session_and_wipes_it(
    synapse, make_user, tchap_home, keyring_backend
):
    user = make_user("revoked")
    session, _ = await signed_in(synapse, user)
    token = session.services.ctx.api.auth_headers()["Authorization"].split()[1]
    synapse.request("POST", "/_matrix/client/v3/logout", {}, token=token)
    await eventually(lambda: session.state is SessionState.TOKEN_INVALID, timeout=60)
    assert Profile.load().read_account() is None
