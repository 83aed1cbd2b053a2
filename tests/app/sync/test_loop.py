"""The sync loop's known failures: a fault server answers /sync as a real one cannot on
demand (429 with its wait, 500, HTML, a cut connection, soft logout, an expired account);
the real Synapse side (a revoked token) is in tests/app/test_session_failures.py."""

from __future__ import annotations

import asyncio
import secrets

import aiohttp
import pytest
from nio import AsyncClient

from app.core.events import SessionState
from app.net.api import ApiClient
from app.store.cache import Cache
from app.sync import loop
from app.sync.loop import SyncService, SyncStopped
from tests.support import fake_http_server

OK = (200, {"next_batch": "s1", "rooms": {}})


async def run_sync(tmp_path, answers, monkeypatch, *, until_states: int):
    """Run the loop against `answers` for /sync; (states seen, SyncStopped or None)."""
    delays: list[float] = []
    real_sleep = asyncio.sleep

    async def sleep(seconds):  # the loop's waits, recorded, not waited out
        if seconds:  # (asyncio.sleep(0) is only a yield, from anywhere)
            delays.append(seconds)
        await real_sleep(0)

    monkeypatch.setattr(loop.asyncio, "sleep", sleep)
    states: list[tuple[SessionState, float | None]] = []
    cache = Cache(tmp_path / f"c{secrets.token_hex(2)}.db", secrets.token_hex(32))
    await cache.open()
    stopped = None
    async with fake_http_server({"GET /_matrix/client/v3/sync": answers}) as url, \
            aiohttp.ClientSession() as http:  # fmt: skip
        client = AsyncClient(url, "@alice:localhost")
        api = ApiClient(http, url, "tok")

        async def on_diff(_diff):
            pass

        async def on_keys(_sessions):
            pass

        service = SyncService(client, cache, api, on_diff,
                              lambda s, r: states.append((s, r)), on_keys)  # fmt: skip
        task = asyncio.ensure_future(service.run())
        try:
            while len(states) < until_states and not task.done():
                await real_sleep(0.01)
            if task.done():
                with pytest.raises(SyncStopped) as raised:
                    task.result()
                stopped = raised.value.state
        finally:
            task.cancel()
            await asyncio.gather(task, return_exceptions=True)
            await client.close()
    await cache.close()
    return states, delays, stopped


async def test_429_waits_what_the_server_says_then_back_off_then_recovers(tmp_path, monkeypatch):
    answers = [(429, {"errcode": "M_LIMIT_EXCEEDED", "retry_after_ms": 2500}),
               (500, {"errcode": "M_UNKNOWN"}), (502, "<html>Bad gateway</html>"),
               (200, "<html>captive portal</html>"), OK]  # fmt: skip
    states, delays, stopped = await run_sync(tmp_path, answers, monkeypatch, until_states=6)
    assert stopped is None
    assert states[0] == (SessionState.STARTING, None)
    assert states[1] == (SessionState.RECONNECTING, 2.5)  # the server's own wait
    backoff = [r for s, r in states[2:5]]
    assert all(s is SessionState.RECONNECTING for s, _ in states[2:5])
    # The 429 was the first failure: back-off goes on from the second (2, 4, 8 s, ±20%).
    assert 1.6 <= backoff[0] <= 2.4 and 3.2 <= backoff[1] <= 4.8 and 6.4 <= backoff[2] <= 9.6
    assert states[5] == (SessionState.SYNCING, None)  # recovered
    assert delays[:4] == [r for _, r in states[1:5]]


@pytest.mark.parametrize(
    ("answer", "state"),
    [
        ((401, {"errcode": "M_UNKNOWN_TOKEN", "soft_logout": True}), SessionState.SOFT_LOGGED_OUT),
        ((401, {"errcode": "M_UNKNOWN_TOKEN"}), SessionState.TOKEN_INVALID),
        ((403, {"errcode": "ORG_MATRIX_EXPIRED_ACCOUNT"}), SessionState.ACCOUNT_EXPIRED),
    ],
)
async def test_an_ended_session_stops_the_loop_without_retrying(
    tmp_path, monkeypatch, answer, state
):
    states, delays, stopped = await run_sync(tmp_path, [answer], monkeypatch, until_states=99)
    assert stopped is state
    assert delays == []  # never retried
    assert SessionState.RECONNECTING not in [s for s, _ in states]


async def test_a_cut_connection_is_retried(tmp_path, monkeypatch):
    from devtools.homeserver import free_port

    delays: list[float] = []
    states: list = []

    async def sleep(seconds):
        delays.append(seconds)
        raise asyncio.CancelledError  # stop after the first wait

    monkeypatch.setattr(loop.asyncio, "sleep", sleep)
    cache = Cache(tmp_path / "c.db", secrets.token_hex(32))
    await cache.open()
    url = f"http://127.0.0.1:{free_port()}"  # nothing listens: the connection is refused
    async with aiohttp.ClientSession() as http:
        client = AsyncClient(url, "@alice:localhost")

        async def nothing(_):
            pass

        service = SyncService(client, cache, ApiClient(http, url, "tok"), nothing,
                              lambda s, r: states.append((s, r)), nothing)  # fmt: skip
        with pytest.raises(asyncio.CancelledError):
            await service.run()
        await client.close()
    await cache.close()
    assert states[-1][0] is SessionState.RECONNECTING and 0.8 <= delays[0] <= 1.2
