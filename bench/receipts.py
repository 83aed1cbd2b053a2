"""Other members' read receipts in the seeded account, so that the timeline's receipt avatars
are measured too (opening a room, scrolling it).

Added to a snapshot in one pass after the messages (a few requests a room, about a minute at
1 000 rooms) rather than inside the message loop, so an existing snapshot gains them without
being seeded again: `ensure_receipts` restores it, adds them and saves it back, once.
"""

from __future__ import annotations

import asyncio
import random
import shutil
import time
from urllib.parse import quote

import aiohttp

from bench import snapshot

READERS_PER_ROOM = 4  # other members who have read somewhere in the last messages
WORKERS = 6


async def _add(url: str, as_token: str, bench_user: str, rooms: list[str]) -> int:
    headers = {"Authorization": f"Bearer {as_token}"}
    added = 0
    sem = asyncio.Semaphore(WORKERS)
    timeout = aiohttp.ClientTimeout(total=120)

    async with aiohttp.ClientSession(headers=headers, timeout=timeout) as http:

        async def call(method: str, path: str, user: str, params: dict | None = None) -> dict:
            query = {"user_id": user, **(params or {})}
            for attempt in range(6):
                async with http.request(method, url + path, params=query, json={}) as resp:
                    if resp.status == 429 or resp.status >= 500:
                        await asyncio.sleep(0.2 * 2**attempt)
                        continue
                    resp.raise_for_status()
                    return await resp.json(content_type=None)
            raise RuntimeError(f"{method} {path.split('?')[0]} kept failing")

        async def room(room_id: str) -> None:
            nonlocal added
            async with sem:
                rid = quote(room_id)
                members = await call("GET", f"/_matrix/client/v3/rooms/{rid}/joined_members",
                                     bench_user)  # fmt: skip
                page = await call("GET", f"/_matrix/client/v3/rooms/{rid}/messages", bench_user,
                                  {"dir": "b", "limit": "20"})  # fmt: skip
                events = [e["event_id"] for e in page.get("chunk", [])
                          if e.get("type") in ("m.room.message", "m.room.encrypted")]  # fmt: skip
                others = sorted(u for u in members.get("joined", {}) if u != bench_user)
                if not events or not others:
                    return
                rng = random.Random(room_id)
                for reader in rng.sample(others, min(READERS_PER_ROOM, len(others))):
                    event_id = quote(rng.choice(events))
                    await call("POST", f"/_matrix/client/v3/rooms/{rid}/receipt/m.read/{event_id}",
                               reader)  # fmt: skip
                    added += 1

        await asyncio.gather(*(room(r) for r in rooms))
    return added


def ensure_receipts(name: str) -> None:
    """Give snapshot `name` other members' receipts if it has none yet (once)."""
    if "receipts" in snapshot.snapshot_meta(name):
        return
    base, _ = snapshot.restore(name, snapshot.cache_root() / "seeding" / f"{name}-receipts")
    meta = snapshot.read_meta(base)
    print(f"Adding other members' read receipts to {name} (done once)…", flush=True)
    t0 = time.monotonic()
    hs = snapshot.homeserver_for(base)
    hs.start(timeout=120)
    try:
        rooms = list(meta["rooms"].values())
        added = asyncio.run(_add(hs.url, meta["as_token"], meta["bench_user"], rooms))
    finally:
        hs.stop()
    meta["receipts"] = added
    snapshot.write_meta(base, meta)
    snapshot.save(base, name)
    shutil.rmtree(base, ignore_errors=True)
    print(f"{added} receipts added in {time.monotonic() - t0:.0f} s.", flush=True)
