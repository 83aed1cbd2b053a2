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
