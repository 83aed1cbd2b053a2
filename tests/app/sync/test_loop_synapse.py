"""The sync loop's known failures: each one a published state, retried only when it can
get better (with the server's wait or a growing back-off), and the right data kept or wiped.

The real Synapse makes what it can on demand (a revoked device, an expired account); a
FaultProxy in front of it makes the rest (429, 5xx, HTML, a cut connection, soft logout).
"""

from __future__ import annotations

import importlib
from types import SimpleNamespace
from urllib.parse import quote

import pytest

from app.core.events import SessionState, SessionStateChanged
from app.platform.keys import load_secrets
from app.platform.profile import Profile
from app.session import Session
from devtools.homeserver import Homeserver
from tests.app.test_session import signed_in
from tests.support import CUT, Recorder, eventually, fault_proxy, stays_false

# Where the first back-off step may live (the API client today, the sync loop perhaps later).
_BACKOFF_MODULES = ("app.sync.loop", "app.net.api", "app.net.http")


def _changes(recorder: Recorder) -> list[SessionStateChanged]:
    return [e for e in recorder.events if isinstance(e, SessionStateChanged)]


def _wake_sync_of(hs: Homeserver, user_id: str) -> None:
    """Give the user something new (an invitation), so a long-poll in flight returns now."""
    hs.request("POST", "/_matrix/client/v3/createRoom", {"invite": [user_id]},
               token=hs.admin_token())  # fmt: skip


@pytest.fixture
def short_backoff(monkeypatch) -> float:
    """The first back-off step, made short where the code has it (1 s otherwise)."""
    first = 0.1
    patched = False
    for name in _BACKOFF_MODULES:
        try:
            module = importlib.import_module(name)
        except ImportError:
            continue
        if hasattr(module, "BACKOFF_FIRST_S"):
            monkeypatch.setattr(module, "BACKOFF_FIRST_S", first)
            patched = True
    return first if patched else 1.0


@pytest.fixture(scope="module")
def expiring_synapse(tmp_path_factory) -> Homeserver:
    """A Synapse of its own with Synapse's built-in account validity (as Tchap's servers)."""
    config = {"account_validity": {"enabled": True, "period": "1h", "renew_at": "1w"}}
    hs = Homeserver(tmp_path_factory.mktemp("expiring"), extra_config=config)
    hs.start()
    try:
        yield hs
    finally:
        hs.stop()


@pytest.fixture
async def proxied(synapse, make_user, tchap_home, keyring_backend):
    """A started session that reaches the shared Synapse through a FaultProxy."""
    user = make_user("proxied")
    async with fault_proxy(synapse.url) as proxy:
        session, recorder = await signed_in(SimpleNamespace(url=proxy.url), user)
        try:
            yield proxy, session, recorder
        finally:
            await session.close()


# -- the real Synapse ---------------------------------------------------------------------------


async def test_an_expired_account_is_a_state_not_a_retry_loop(
    expiring_synapse, tchap_home, keyring_backend
):
    hs = expiring_synapse
    user_id = hs.register_user("expiring", "pw-expiring-1")
    async with fault_proxy(hs.url) as proxy:  # only counts the /syncs here
        session = Session(Profile.load())
        recorder = Recorder(session)
        await session.login(proxy.url, user_id, "pw-expiring-1")
        session.start()
        await session.wait_synced()

        hs.request("POST", "/_synapse/admin/v1/account_validity/validity",
                   {"user_id": user_id, "expiration_ts": 0, "enable_renewal_emails": False},
                   token=hs.admin_token())  # fmt: skip
        _wake_sync_of(hs, user_id)
        await eventually(lambda: session.state is SessionState.ACCOUNT_EXPIRED, timeout=30)
        assert _changes(recorder)[-1].state is SessionState.ACCOUNT_EXPIRED
        syncs = len(proxy.syncs)
        await stays_false(lambda: len(proxy.syncs) > syncs + 1, within=2.0)
        assert session.state is SessionState.ACCOUNT_EXPIRED
        # The account comes back once renewed: nothing of it was wiped.
        assert Profile.load().read_account() is not None
        await session.close()


async def test_a_revoked_device_ends_the_session_and_wipes_the_account(
    synapse, make_user, tchap_home, keyring_backend
):
    user = make_user("revoked-device")
    session, recorder = await signed_in(synapse, user)
    assert load_secrets(Profile.load().secrets, user.user_id) is not None
    admin = synapse.admin_token()
    devices_path = f"/_synapse/admin/v2/users/{quote(user.user_id)}/devices"
    # Every device of the user: the session's, and the one registration made.
    for device in synapse.request("GET", devices_path, token=admin)["devices"]:
        synapse.request("DELETE", f"{devices_path}/{quote(device['device_id'])}", token=admin)
    _wake_sync_of(synapse, user.user_id)

    await eventually(lambda: session.state is SessionState.TOKEN_INVALID, timeout=30)
    assert SessionState.TOKEN_INVALID in recorder.states()
    await eventually(lambda: Profile.load().read_account() is None)
    assert load_secrets(Profile.load().secrets, user.user_id) is None
    await session.close()


# -- faults a real server cannot make on demand -------------------------------------------------


async def test_soft_logout_keeps_the_cache(synapse, make_user, tchap_home, keyring_backend):
    user = make_user("soft")
    async with fault_proxy(synapse.url) as proxy:
        session, recorder = await signed_in(SimpleNamespace(url=proxy.url), user)
        room_id = await session.create_private_room("Gardé")
        await eventually(lambda: recorder.room(room_id) is not None)

        proxy.fail_syncs(
            (401, {"errcode": "M_UNKNOWN_TOKEN", "error": "expired", "soft_logout": True})
        )
        await eventually(lambda: session.state is SessionState.SOFT_LOGGED_OUT, timeout=30)
        syncs = len(proxy.syncs)
        await stays_false(lambda: len(proxy.syncs) > syncs, within=1.0)  # never retried
        paths = Profile.load().paths
        assert Profile.load().read_account() is not None
        assert paths.cache_db.exists() and paths.crypto_dir.exists()
        assert load_secrets(Profile.load().secrets, user.user_id) is not None
        await session.close()

    again = Session(Profile.load())
    assert await again.restore()  # the room list is still there for the next sign-in
    assert room_id in [r.room_id for r in await again.room_summaries()]
    await again.close()


async def test_rate_limited_sync_waits_what_the_server_says(proxied):
    proxy, session, recorder = proxied
    before = len(recorder.events)
    proxy.fail_syncs((429, {"errcode": "M_LIMIT_EXCEEDED", "error": "slow down",
                            "retry_after_ms": 400}))  # fmt: skip
    await eventually(lambda: session.state is SessionState.RECONNECTING, timeout=30)
    assert _changes(recorder)[-1].retry_in_s == pytest.approx(0.4, abs=0.05)
    t_limited = next(t for t, answer in proxy.syncs if answer == "429")
    await eventually(lambda: proxy.arrivals[-1] > t_limited, timeout=10)
    assert proxy.arrivals[-1] - t_limited >= 0.35, "the retry did not wait the server's wait"
    # The server answers again: the state says so at once, not after a 30 s long-poll.
    await eventually(lambda: session.state is SessionState.SYNCING, timeout=5)
    changes = [e for e in recorder.events[before:] if isinstance(e, SessionStateChanged)]
    assert [e.state for e in changes] == [SessionState.RECONNECTING, SessionState.SYNCING]


async def test_server_errors_back_off_growing_then_recover(proxied, short_backoff):
    proxy, session, recorder = proxied
    before = len(recorder.events)
    proxy.fail_syncs(
        (500, {"errcode": "M_UNKNOWN", "error": "Internal server error"}),
        (502, "<html><body>Bad Gateway</body></html>"),  # a proxy's error page
        # The connection drops, twice: aiohttp itself retries a GET once, at once, when a
        # kept-alive connection is cut, so a single cut may never reach the sync loop.
        CUT,
        CUT,
        (200, "<html><body>Portail captif</body></html>"),  # not JSON at all
    )
    # Every fault answered, and the loop asks again.
    await eventually(
        lambda: not proxy.pending and proxy.arrivals[-1] > proxy.syncs[-1][0], timeout=20
    )
    changes = [e for e in recorder.events[before:] if isinstance(e, SessionStateChanged)]
    waits = [e.retry_in_s for e in changes if e.state is SessionState.RECONNECTING]
    assert 4 <= len(waits) <= 5, waits  # one per fault (a cut may be retried by aiohttp)
    for n, wait in enumerate(waits):
        base = short_backoff * 2**n  # 1, 2, 4, 8... steps, ±20% jitter
        assert base * 0.8 - 1e-6 <= wait <= base * 1.2 + 1e-6, (n, waits)
    # The server answers again: the state says so at once, not after a 30 s long-poll.
    await eventually(lambda: session.state is SessionState.SYNCING, timeout=5)
