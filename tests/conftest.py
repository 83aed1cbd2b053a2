"""Shared fixtures: one qasync loop for every async test, a real Synapse, users and peers."""

from __future__ import annotations

import itertools
import secrets
import sys
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from pathlib import Path

import pytest

from devtools.homeserver import Homeserver
from devtools.peers import MautrixPeer, NioPeer, TestUser

__all__ = ["TestUser"]

pytest_plugins = [
    "tests.fixtures_accounts",
    "tests.fixtures_email",
    "tests.fixtures_signin",
    "tests.fixtures_expiry",
    "tests.fixtures_federation",
    "tests.fixtures_settings",
    "tests.fixtures_rooms",
    "tests.fixtures_invites",
]

_started_homeservers: list[Homeserver] = []


# -- platform markers ----------------------------------------------------------------------------

# marker -> is this the platform it needs? A marked test runs where it belongs (all Linux ones
# run on Linux CI) and is skipped, with the reason, only on the other platforms.
PLATFORM_MARKERS = {
    "linux": sys.platform.startswith("linux"),
    "macos": sys.platform == "darwin",
    "windows": sys.platform == "win32",
    "posix": sys.platform != "win32",
}


def platform_skip_reason(marker_names: set[str]) -> str | None:
    """Why a test with these markers cannot run on this platform, or None if it can."""
    wanted = [m for m in PLATFORM_MARKERS if m in marker_names]
    if not wanted or any(PLATFORM_MARKERS[m] for m in wanted):
        return None
    return f"needs {' or '.join(wanted)}, this is {sys.platform}"


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Skip a platform-marked test only on the other platforms."""
    for item in items:
        reason = platform_skip_reason({m.name for m in item.iter_markers()})
        if reason:
            item.add_marker(pytest.mark.skip(reason=reason))


# -- the event loop -------------------------------------------------------------------------------


def _qasync_loop():
    """A qasync loop on the one QApplication (the same instance pytest-qt's `qapp` returns)."""
    import qasync
    from PySide6.QtWidgets import QApplication

    from ui.app import guard_none_refcount
    from ui.gc_guard import collect_on_ui_thread

    guard_none_refcount()  # PySide6 over-releases None on Python < 3.12 (see ui/app.py)
    app = QApplication.instance() or QApplication([])
    collect_on_ui_thread(app)  # cycles holding Qt objects never freed on another thread
    return qasync.QEventLoop(app)


def pytest_asyncio_loop_factories(config, item):
    """Run every async test (and async fixture) on the qasync loop, as the app does."""
    return {"qasync": _qasync_loop}


# -- Synapse ------------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def synapse(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Homeserver]:
    """A started Synapse (server name "localhost") shared by the whole session."""
    hs = Homeserver(tmp_path_factory.mktemp("synapse"), server_name="localhost")
    hs.start()
    _started_homeservers.append(hs)
    try:
        yield hs
    finally:
        hs.stop()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo):
    """On a failure, attach the tail of Synapse's log to the report."""
    outcome = yield
    report = outcome.get_result()
    if report.failed:
        for hs in _started_homeservers:
            tail = hs.log_tail(60)
            if tail:
                report.sections.append((f"synapse log tail ({hs.base_dir.name})", tail))


_user_counter = itertools.count(1)


@pytest.fixture
def make_user(synapse: Homeserver) -> Callable[..., TestUser]:
    """Factory: register a fresh user on `synapse`, with a unique localpart."""

    def make(
        prefix: str = "user", *, displayname: str | None = None, email: str | None = None
    ) -> TestUser:
        localpart = f"{prefix.lower()}-{next(_user_counter)}-{secrets.token_hex(3)}"
        password = "pw-" + secrets.token_urlsafe(12)
        user_id = synapse.register_user(localpart, password, displayname=displayname, email=email)
        return TestUser(user_id, localpart, password, displayname)

    return make


# -- the app's environment ----------------------------------------------------------------------


@pytest.fixture
def tchap_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh TCHAP_HOME: the app puts all its data, cache, config and logs under it."""
    home = tmp_path / "tchap_home"
    home.mkdir()
    monkeypatch.setenv("TCHAP_HOME", str(home))
    return home


@pytest.fixture(scope="session")
def keyring_backend():
    """The Secret Service keyring the suite runs with (devtools/with_keyring.sh)."""
    import keyring
    from keyring.backends import SecretService

    backend = keyring.get_keyring()
    if not isinstance(backend, SecretService.Keyring):
        pytest.fail(
            f"keyring backend is {backend!r}, not Secret Service: run the tests under "
            "devtools/with_keyring.sh (a private D-Bus with an unlocked gnome-keyring)",
            pytrace=False,
        )
    return backend


# -- peers --------------------------------------------------------------------------------------


@pytest.fixture
async def nio_peer(
    synapse: Homeserver, tmp_path: Path
) -> AsyncIterator[Callable[[TestUser], Awaitable[NioPeer]]]:
    """Factory: `await nio_peer(user)` → a started NioPeer (E2EE); all closed at teardown."""
    peers: list[NioPeer] = []

    async def make(user: TestUser, **kwargs) -> NioPeer:
        store = tmp_path / f"nio-{user.localpart}-{len(peers)}"
        peer = NioPeer(synapse.url, user.user_id, user.password, store, **kwargs)
        peers.append(peer)
        await peer.start()
        return peer

    yield make
    for peer in peers:
        await peer.close()


@pytest.fixture
async def mautrix_peer(
    synapse: Homeserver,
) -> AsyncIterator[Callable[[TestUser], Awaitable[MautrixPeer]]]:
    """Factory: `await mautrix_peer(user)` → a started MautrixPeer; all closed at teardown."""
    peers: list[MautrixPeer] = []

    async def make(user: TestUser) -> MautrixPeer:
        peer = MautrixPeer(synapse.url, user.user_id, user.password)
        peers.append(peer)
        await peer.start()
        return peer

    yield make
    for peer in peers:
        await peer.close()
