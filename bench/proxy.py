"""A timestamping reverse proxy in front of Synapse (127.0.0.1 only).

The client is pointed at the proxy; the proxy streams every request through and notes when
each `/sync` arrives and whether it carries `since=` (an incremental sync). That gives
`first_login_to_incremental_s` for any client, without touching its code. Only the route
and a flag are recorded: never the query string, which may hold an access token.
"""

from __future__ import annotations

import asyncio
import threading
import time
from dataclasses import dataclass

import aiohttp
from aiohttp import web

_HOP_HEADERS = {"connection", "keep-alive", "transfer-encoding", "content-length", "host"}


@dataclass(frozen=True)
class Hit:
    """One request seen by the proxy."""

    t: float  # time.time() when the request arrived
    method: str
    route: str  # the path without the query string
    since: bool  # a /sync with since=


class TimestampingProxy:
    """Runs in its own thread and event loop; `start()` returns the URL to give the client."""

    def __init__(self, upstream: str) -> None:
        self.upstream = upstream.rstrip("/")
        self.hits: list[Hit] = []
        self.url = ""
        self._loop: asyncio.AbstractEventLoop | None = None
        self._runner: web.AppRunner | None = None
        self._thread: threading.Thread | None = None
        self._http: aiohttp.ClientSession | None = None

    def start(self) -> str:
        """Start serving on a free 127.0.0.1 port; returns the proxy's base URL."""
        ready = threading.Event()

        def main() -> None:
            self._loop = asyncio.new_event_loop()
            self._loop.run_until_complete(self._start())
            ready.set()
            self._loop.run_forever()

        self._thread = threading.Thread(target=main, name="bench-proxy", daemon=True)
        self._thread.start()
        if not ready.wait(10):
            raise RuntimeError("the timestamping proxy did not start")
        return self.url

    async def _start(self) -> None:
        self._http = aiohttp.ClientSession(
            timeout=aiohttp.ClientTimeout(total=None), auto_decompress=False
        )
        app = web.Application(client_max_size=200 * 2**20)
        app.router.add_route("*", "/{tail:.*}", self._forward)
        # A short shutdown: the client's long-poll /sync would otherwise hold it for a minute.
        self._runner = web.AppRunner(app, access_log=None, shutdown_timeout=0.5)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
        self.url = f"http://127.0.0.1:{port}"

    async def _forward(self, request: web.Request) -> web.StreamResponse:
        route = request.path
        self.hits.append(
            Hit(
                time.time(),
                request.method,
                route,
                route.endswith("/sync") and "since" in request.query,
            )
        )
        assert self._http is not None
        headers = {k: v for k, v in request.headers.items() if k.lower() not in _HOP_HEADERS}
        body = await request.read()
        async with self._http.request(
            request.method,
            self.upstream + request.rel_url.path_qs,
            headers=headers,
            data=body or None,
            allow_redirects=False,
        ) as upstream:
            response = web.StreamResponse(status=upstream.status)
            for k, v in upstream.headers.items():
                if k.lower() not in _HOP_HEADERS:
                    response.headers[k] = v
            try:
                await response.prepare(request)
                async for chunk in upstream.content.iter_chunked(1 << 16):
                    await response.write(chunk)
                await response.write_eof()
            except ConnectionResetError:  # the client went away (it quit mid long-poll)
                pass
            return response

    def first_incremental_after(self, t0: float) -> float | None:
        """time.time() of the first `/sync?since=` that arrived after `t0`, or None."""
        for hit in self.hits:
            if hit.since and hit.t >= t0:
                return hit.t
        return None

    def stop(self) -> None:
        """Stop serving and join the thread."""
        if self._loop is None:
            return

        async def _stop() -> None:
            if self._runner:
                await self._runner.cleanup()
            if self._http:
                await self._http.close()
            # Handlers still waiting on a long-poll /sync: cancel them, or they are reported
            # as "destroyed but pending" at exit.
            others = [t for t in asyncio.all_tasks() if t is not asyncio.current_task()]
            for task in others:
                task.cancel()
            await asyncio.gather(*others, return_exceptions=True)

        try:
            asyncio.run_coroutine_threadsafe(_stop(), self._loop).result(30)
        except TimeoutError:
            pass  # a daemon thread: it goes with the process
        self._loop.call_soon_threadsafe(self._loop.stop)
        if self._thread:
            self._thread.join(10)
        self._loop = None
