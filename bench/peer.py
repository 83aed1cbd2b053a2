"""The second client of `send_to_peer_ms`: plain matrix-nio, in its own process.

Signs in as the peer user (a fresh device, keys uploaded), syncs, prints `READY`, then one
`GOT <body> <time.time()>` line per decrypted text message whose body starts with
`bench-ping-` (bench traffic only: no message content of anyone else is printed).
"""

from __future__ import annotations

import asyncio
import json
import os
import tempfile
import time

from nio import AsyncClient, AsyncClientConfig, MegolmEvent, RoomMessageText


async def run(config: dict) -> None:
    """Sign in, announce readiness, report decrypted pings until killed."""
    store = tempfile.mkdtemp(prefix="bench-peer-")
    client = AsyncClient(
        config["homeserver"],
        config["user"],
        store_path=store,
        config=AsyncClientConfig(store_sync_tokens=False, encryption_enabled=True),
    )

    def on_text(room, event: RoomMessageText) -> None:
        if event.body.startswith("bench-ping-"):
            print(f"GOT {event.body} {time.time():.6f}", flush=True)

    def on_undecrypted(room, event: MegolmEvent) -> None:
        print("UNDECRYPTED", flush=True)

    client.add_event_callback(on_text, RoomMessageText)
    client.add_event_callback(on_undecrypted, MegolmEvent)
    await client.login(config["password"], device_name="bench peer")
    if client.should_upload_keys:
        await client.keys_upload()
    await client.sync(timeout=0, full_state=True)
    print("READY", flush=True)
    try:
        # sync_forever also runs the key queries/claims and to-device traffic around each sync.
        await client.sync_forever(timeout=30000)
    finally:
        await client.logout()
        await client.close()


def main() -> None:
    """Entry point: `python -m bench.peer` with BENCH_PEER_CONFIG set."""
    asyncio.run(run(json.loads(os.environ["BENCH_PEER_CONFIG"])))


if __name__ == "__main__":
    main()
