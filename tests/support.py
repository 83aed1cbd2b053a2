"""Small helpers shared by the tests: awaiting a condition, recording core events, fake servers."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable
from contextlib import asynccontextmanager

from aiohttp import web

from app.core.events import (
    CoreEvent,
    EventChanged,
    MessagesAppended,
    MessagesPrepended,
    RoomsChanged,
    RoomsRemoved,
    SessionState,
    SessionStateChanged,
)
from app.core.types import RoomSummary, TimelineItem


async def eventually(predicate: Callable[[], object], timeout: float = 20.0) -> None:
    """Await until predicate() is truthy (exceptions count as not yet); fail after timeout."""
    deadline = asyncio.get_running_loop().time() + timeout
    last_error: Exception | None = None
    while True:
        try:
            if predicate():
                return
        except Exception as exc:  # noqa: BLE001 - e.g. the room is not there yet
            last_error = exc
        if asyncio.get_running_loop().time() > deadline:
            raise AssertionError(f"condition not met in {timeout} s (last error: {last_error!r})")
        await asyncio.sleep(0.05)


class Recorder:
    """Subscribes to a session and keeps the state a UI would build from its events."""

    def __init__(self, session) -> None:
        self.events: list[CoreEvent] = []
        self._rooms: dict[str, RoomSummary] = {}
        self._items: dict[str, dict[str, TimelineItem]] = {}
        session.subscribe(self._on_event)

    def _on_event(self, event: CoreEvent) -> None:
        self.events.append(event)
        match event:
            case RoomsChanged(rooms=rooms):
                self._rooms.update({r.room_id: r for r in rooms})
            case RoomsRemoved(room_ids=ids):
                for room_id in ids:
                    self._rooms.pop(room_id, None)
            case (
                MessagesAppended(room_id=room_id, items=items)
                | MessagesPrepended(room_id=room_id, items=items)
            ):
                self._items.setdefault(room_id, {}).update({i.key: i for i in items})
            case EventChanged(room_id=room_id, key=key, item=item):
                items = self._items.setdefault(room_id, {})
                items.pop(key, None)
                items[item.key] = item

    def rooms(self) -> list[RoomSummary]:
        return list(self._rooms.values())

    def room(self, room_id: str) -> RoomSummary | None:
        return self._rooms.get(room_id)

    def item(self, room_id: str, *, body: str) -> TimelineItem | None:
        return next((i for i in self._items.get(room_id, {}).values() if i.body == body), None)

    def items(self, room_id: str) -> list[TimelineItem]:
        return list(self._items.get(room_id, {}).values())

    def item_by_key(self, room_id: str, key: str) -> TimelineItem | None:
        return self._items.get(room_id, {}).get(key)

    def states(self) -> list[SessionState]:
        return [e.state for e in self.events if isinstance(e, SessionStateChanged)]


@asynccontextmanager
async def fake_http_server(
    routes: dict[str, tuple[int, object] | list[tuple[int, object]]],
    *,
    hang: bool = False,
    seen: list[str] | None = None,
):
    """A tiny HTTP server on 127.0.0.1 answering fixed responses: only for faults Synapse can't make.

    `routes` maps "METHOD /path" to (status, body); a dict body is sent as JSON, a str as HTML.
    A list of (status, body) is answered in turn, its last answer repeated. Each request's
    "METHOD /path" is appended to `seen`. With `hang`, every request waits forever (a network
    that never answers).
    """
    never = asyncio.Event()
    answered: dict[str, int] = {}

    async def handle(request: web.Request) -> web.Response:
        route = f"{request.method} {request.path}"
        if seen is not None:
            seen.append(route)
        await request.read()  # the whole upload, as a server does
        if hang:
            await never.wait()
        answer = routes.get(route, (404, {"errcode": "M_UNRECOGNIZED"}))
        if isinstance(answer, list):
            n = answered[route] = answered.get(route, -1) + 1
            answer = answer[min(n, len(answer) - 1)]
        status, body = answer
        if isinstance(body, str):
            return web.Response(status=status, text=body, content_type="text/html")
        return web.Response(status=status, text=json.dumps(body), content_type="application/json")

    app = web.Application(client_max_size=64 * 2**20)
    app.router.add_route("*", "/{tail:.*}", handle)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        never.set()  # let hanging handlers finish, or cleanup waits for them
        await runner.shutdown()
        await runner.cleanup()


async def api(session, method: str, path: str, body: object = None) -> dict:
    """A client-server API call as the session's user, through its own API client."""
    services = await session.connect()
    return await services.ctx.api.request(method, path, body)


SYNC_PATH = "/_matrix/client/v3/sync"
CUT = "cut"  # a FaultProxy answer: close the connection without a response


class FaultProxy:
    """A reverse proxy in front of a real Synapse that can break /sync on demand.

    Only for faults a real server cannot make at will (429 with a chosen wait, 5xx, HTML,
    a cut connection, soft logout). Everything else, and /sync while no fault is queued,
    goes through unchanged. Every /sync is logged in `arrivals` (loop time) when it comes
    in, and in `syncs` as (loop time it arrived, answer) once answered.
    """

    def __init__(self, upstream: str) -> None:
        self.upstream = upstream.rstrip("/")
        self.url = ""
        self.arrivals: list[float] = []
        self.syncs: list[tuple[float, str]] = []
        self._faults: list[tuple[int, object] | str] = []
        self._armed = asyncio.Event()
        self._closing = False
        self._client = None

    def fail_syncs(self, *answers: tuple[int, object] | str) -> None:
        """Answer the next /syncs with `answers` in turn; a /sync in flight gets the first now."""
        self._faults.extend(answers)
        self._armed.set()

    @property
    def pending(self) -> int:
        """How many queued faults are still to be answered."""
        return len(self._faults)

    async def _handle(self, request: web.Request) -> web.StreamResponse:
        body = await request.read()
        if request.path != SYNC_PATH:
            return await self._forward(request, body)
        arrived = asyncio.get_running_loop().time()
        self.arrivals.append(arrived)
        while not self._faults and not self._closing:
            upstream = asyncio.ensure_future(self._forward(request, body))
            armed = asyncio.ensure_future(self._armed.wait())
            await asyncio.wait({upstream, armed}, return_when=asyncio.FIRST_COMPLETED)
            armed.cancel()
            if upstream.done():
                self.syncs.append((arrived, "ok"))
                return upstream.result()
            upstream.cancel()  # a fault was queued during the long-poll (if another
            # long-poll in flight took it first, this one goes back upstream)
        if self._closing:
            return web.Response(status=503)
        answer = self._faults.pop(0)
        if not self._faults:
            self._armed.clear()
        if answer == CUT:
            self.syncs.append((arrived, CUT))
            request.transport.close()
            return web.Response()
        status, content = answer
        self.syncs.append((arrived, str(status)))
        if isinstance(content, str):
            return web.Response(status=status, text=content, content_type="text/html")
        return web.Response(
            status=status, text=json.dumps(content), content_type="application/json"
        )

    async def _forward(self, request: web.Request, body: bytes) -> web.Response:
        headers = {k: v for k, v in request.headers.items()
                   if k.lower() in ("authorization", "content-type")}  # fmt: skip
        async with self._client.request(
            request.method, self.upstream + request.path_qs, data=body or None, headers=headers
        ) as resp:
            data = await resp.read()
            ctype = resp.headers.get("Content-Type", "application/json")
            return web.Response(status=resp.status, body=data, headers={"Content-Type": ctype})


@asynccontextmanager
async def fault_proxy(upstream: str):
    """A started FaultProxy in front of `upstream` (a homeserver's base URL)."""
    import aiohttp

    proxy = FaultProxy(upstream)
    app = web.Application(client_max_size=64 * 2**20)
    app.router.add_route("*", "/{tail:.*}", proxy._handle)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    proxy.url = f"http://127.0.0.1:{site._server.sockets[0].getsockname()[1]}"
    proxy._client = aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=None))
    try:
        yield proxy
    finally:
        proxy._closing = True
        proxy._armed.set()  # let a waiting long-poll finish
        await proxy._client.close()
        await runner.shutdown()
        await runner.cleanup()


async def stays_false(predicate: Callable[[], object], within: float) -> None:
    """Assert predicate() stays falsy for `within` seconds (that nothing happens, e.g. no retry)."""
    deadline = asyncio.get_running_loop().time() + within
    while asyncio.get_running_loop().time() < deadline:
        assert not predicate(), "it happened"
        await asyncio.sleep(0.05)


async def alice_and_bob_in_a_room(hs, tmp_path) -> tuple:
    """On a homeserver of the test's own (one it may stop): Alice's session, its recorder,
    a private room she created, and Bob (a nio peer) joined to it."""
    from app.platform.profile import Profile
    from app.session import Session
    from devtools.peers import NioPeer

    hs.register_user("alice", "pw-alice-1")
    hs.register_user("bob", "pw-bob-1")
    session = Session(Profile.load())
    recorder = Recorder(session)
    await session.login(hs.url, "@alice:localhost", "pw-alice-1")
    session.start()
    await session.wait_synced()
    room_id = await session.create_private_room("Coupure")
    await api(session, "POST", f"/_matrix/client/v3/rooms/{room_id}/invite",
              {"user_id": "@bob:localhost"})  # fmt: skip
    bob = NioPeer(hs.url, "@bob:localhost", "pw-bob-1", tmp_path / "bob")
    await bob.start()
    await bob.join(room_id)
    await eventually(lambda: recorder.room(room_id).member_count == 2)
    return session, recorder, room_id, bob
