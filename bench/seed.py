"""Seed a local Synapse with the benchmark account, then snapshot it.

Everything goes through the client-server API (plus Synapse's shared-secret registration
for the two real users). The other members are registered in an exclusive application
service namespace (`url: null`): Synapse then skips the push-rule work it would do for local
users, which makes large rooms ~7x cheaper to seed, and the AS token sends as any of them
without logins or rate limits. The benchmark user sits in a non-exclusive namespace of the
same AS, so the seeder can also send as `@bench` (and back-date with `?ts=`) while the user
keeps a normal password login.

Encrypted rooms carry real Megolm ciphertext: the seeder owns the senders' (never uploaded)
devices, encrypts with vodozemac, and writes every session key to a standard encrypted key
export (`megolm-keys.txt`) that `nio.AsyncClient.import_keys(path, passphrase)` reads.
"""

from __future__ import annotations

import asyncio
import json
import random
import secrets
import shutil
import struct
import time
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

import aiohttp
import vodozemac
import yaml
from nio.crypto.attachments import encrypt_attachment
from nio.crypto.key_export import encrypt_and_save

from bench import content, snapshot
from bench.plan import Plan, RoomKind, RoomPlan, make_plan, snapshot_name

SERVER = "localhost"
BENCH_LOCALPART = "bench"
BENCH_PASSWORD = "bench-password-not-secret"
PEER_LOCALPART = "peer"
PEER_PASSWORD = "peer-password-not-secret"
KEYS_FILE = "megolm-keys.txt"
KEYS_PASSPHRASE = "bench-keys-not-secret"
MEGOLM = "m.megolm.v1.aes-sha2"
WORKERS = 6  # rooms seeded at once; Synapse (one core) is the bottleneck past ~4-8 requests
BIG_ROOM_BATCH = 4  # concurrent sends inside a 10 000-message room
DAY_MS = 86_400_000


def bot_id(i: int) -> str:
    """The user ID of the i-th application-service user."""
    return f"@bot{i:05d}:{SERVER}"


def bench_user_id() -> str:
    """The benchmark account's user ID."""
    return f"@{BENCH_LOCALPART}:{SERVER}"


def peer_user_id() -> str:
    """The second real user (the `send_to_peer_ms` recipient)."""
    return f"@{PEER_LOCALPART}:{SERVER}"


def appservice_registration(as_token: str, hs_token: str) -> dict:
    """The AS registration: bots exclusive, the bench user shared (so the AS may act as it)."""
    return {
        "id": "tchap-bench-seeder",
        "url": None,
        "as_token": as_token,
        "hs_token": hs_token,
        "sender_localpart": "bench-seeder",
        "rate_limited": False,
        "namespaces": {
            "users": [
                {"exclusive": True, "regex": r"@bot\d+:" + SERVER},
                {"exclusive": False, "regex": "@" + BENCH_LOCALPART + ":" + SERVER},
            ],
            "aliases": [],
            "rooms": [],
        },
    }


# -- media -------------------------------------------------------------------------------------


def png_bytes(width: int, height: int, rng: random.Random) -> bytes:
    """An RGB PNG with noise in it, so it weighs what a photo of that size would (roughly)."""
    rows = []
    noise = bytes(rng.getrandbits(8) for _ in range(width * 3))
    for y in range(height):
        shift = (y * 7) % (width * 3)
        rows.append(b"\x00" + noise[shift:] + noise[:shift])
    raw = b"".join(rows)

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(raw, 6))
        + chunk(b"IEND", b"")
    )


IMAGE_SIZES = ((640, 480), (1280, 720), (400, 400), (1920, 1080), (800, 1200), (320, 240))
FILE_SIZES = (20_000, 150_000, 800_000, 2_000_000)


# -- the seeder --------------------------------------------------------------------------------


@dataclass
class Progress:
    """Counters the progress printer reads."""

    rooms_done: int = 0
    messages: int = 0
    joins: int = 0
    requests: int = 0
    retries: int = 0
    started: float = field(default_factory=time.monotonic)


class Seeder:
    """Creates the planned rooms, members and messages on a running homeserver."""

    def __init__(self, url: str, as_token: str, plan: Plan, *, verbose: bool = True) -> None:
        self.url = url
        self.as_token = as_token
        self.plan = plan
        self.verbose = verbose
        self.progress = Progress()
        self.room_ids: dict[int, str] = {}
        self.direct: dict[str, list[str]] = {}
        self.exported_sessions: list[dict] = []
        self.media_plain: list[dict] = []
        self.media_encrypted: list[dict] = []
        self._http: aiohttp.ClientSession | None = None
        self._devices: dict[str, vodozemac.Account] = {}
        self._sessions: dict[str, tuple[vodozemac.Account, vodozemac.GroupSession]] = {}
        self._now_ms = int(time.time() * 1000)

    # -- HTTP ----------------------------------------------------------------------------------

    async def _call(
        self,
        method: str,
        path: str,
        body: dict | bytes | None = None,
        *,
        as_user: str | None = None,
        params: dict | None = None,
        content_type: str = "application/json",
    ) -> dict:
        """One request with the AS token, retried on 5xx / 429 / connection errors."""
        assert self._http is not None
        query = dict(params or {})
        if as_user:
            query["user_id"] = as_user
        headers = {"Authorization": f"Bearer {self.as_token}", "Content-Type": content_type}
        data = body if isinstance(body, bytes) else (json.dumps(body) if body is not None else None)
        for attempt in range(8):
            try:
                async with self._http.request(
                    method, self.url + path, params=query, data=data, headers=headers
                ) as resp:
                    self.progress.requests += 1
                    if resp.status == 429 or resp.status >= 500:
                        raise _Transient(resp.status, await resp.text())
                    payload = await resp.json(content_type=None)
                    if resp.status >= 400:
                        raise RuntimeError(
                            f"{method} {path.split('?')[0]} → {resp.status}: {payload}"
                        )
                    return payload
            except (TimeoutError, _Transient, aiohttp.ClientError) as e:
                self.progress.retries += 1
                if attempt == 7:
                    raise RuntimeError(f"{method} {path.split('?')[0]} kept failing: {e}") from None
                await asyncio.sleep(0.2 * 2**attempt)
        raise AssertionError("unreachable")

    # -- steps ---------------------------------------------------------------------------------

    async def run(self) -> None:
        """Seed everything (users, media, rooms, m.direct)."""
        connector = aiohttp.TCPConnector(limit=64)
        timeout = aiohttp.ClientTimeout(total=300)
        async with aiohttp.ClientSession(connector=connector, timeout=timeout) as http:
            self._http = http
            printer = asyncio.create_task(self._print_progress())
            try:
                t0 = time.monotonic()
                await self._register_bots()
                self._log(
                    f"registered {self.plan.bots_needed} users in {time.monotonic() - t0:.1f}s"
                )
                t0 = time.monotonic()
                await self._upload_media()
                self._log(f"uploaded media in {time.monotonic() - t0:.1f}s")
                await self._seed_rooms()
                await self._call(
                    "PUT",
                    f"/_matrix/client/v3/user/{quote(bench_user_id())}/account_data/m.direct",
                    self.direct,
                    as_user=bench_user_id(),
                )
            finally:
                printer.cancel()
                self._http = None

    async def _register_bots(self) -> None:
        sem = asyncio.Semaphore(8)

        async def one(i: int) -> None:
            async with sem:
                await self._call(
                    "POST",
                    "/_matrix/client/v3/register",
                    {
                        "type": "m.login.application_service",
                        "username": bot_id(i)[1:].split(":")[0],
                        "inhibit_login": True,
                    },
                )
                # Before any join, so the membership events carry the name (a later change
                # would add one member event per room).
                await self._call(
                    "PUT",
                    f"/_matrix/client/v3/profile/{quote(bot_id(i))}/displayname",
                    {"displayname": content.display_name(i)},
                    as_user=bot_id(i),
                )

        await asyncio.gather(*(one(i) for i in range(self.plan.bots_needed)))
        await self._call(
            "PUT",
            f"/_matrix/client/v3/profile/{quote(bench_user_id())}/displayname",
            {"displayname": "Agent Bench [DINUM]"},
            as_user=bench_user_id(),
        )

    async def _upload(self, data: bytes, filename: str, mime: str) -> str:
        answer = await self._call(
            "POST",
            "/_matrix/media/v3/upload",
            data,
            as_user=bench_user_id(),
            params={"filename": filename},
            content_type=mime,
        )
        return answer["content_uri"]

    async def _upload_media(self) -> None:
        rng = random.Random(self.plan.seed)
        for n, (w, h) in enumerate(IMAGE_SIZES):
            data = png_bytes(w, h, rng)
            name = f"photo-{n + 1:02d}.png"
            info = {"w": w, "h": h, "mimetype": "image/png", "size": len(data)}
            url = await self._upload(data, name, "image/png")
            self.media_plain.append({"msgtype": "m.image", "body": name, "url": url, "info": info})
            cipher, keys = encrypt_attachment(data)
            url = await self._upload(cipher, name, "application/octet-stream")
            self.media_encrypted.append(
                {"msgtype": "m.image", "body": name, "info": info, "file": {"url": url, **keys}}
            )
        for n, size in enumerate(FILE_SIZES):
            data = rng.randbytes(size)
            name = f"note-{n + 1:02d}.pdf"
            info = {"mimetype": "application/pdf", "size": size}
            url = await self._upload(data, name, "application/pdf")
            self.media_plain.append({"msgtype": "m.file", "body": name, "url": url, "info": info})
            cipher, keys = encrypt_attachment(data)
            url = await self._upload(cipher, name, "application/octet-stream")
            self.media_encrypted.append(
                {"msgtype": "m.file", "body": name, "info": info, "file": {"url": url, **keys}}
            )

    async def _seed_rooms(self) -> None:
        # Big rooms first: they are the long sequential tails.
        order = sorted(self.plan.rooms, key=lambda r: (not r.big, r.index))
        queue: asyncio.Queue[RoomPlan] = asyncio.Queue()
        for room in order:
            queue.put_nowait(room)
        directs = iter(range(self.plan.bots_needed))

        # Direct-chat partners are handed out in plan order, so they are deterministic.
        partner = {r.index: next(directs) for r in self.plan.rooms if r.kind is RoomKind.DIRECT}

        async def worker() -> None:
            while True:
                try:
                    room = queue.get_nowait()
                except asyncio.QueueEmpty:
                    return
                await self._seed_room(room, partner.get(room.index))
                self.progress.rooms_done += 1

        await asyncio.gather(*(worker() for _ in range(WORKERS)))

    async def _seed_room(self, room: RoomPlan, partner: int | None) -> None:
        rng = random.Random(f"{self.plan.seed}:{room.index}")
        bench = bench_user_id()
        if room.kind is RoomKind.DIRECT:
            assert partner is not None
            members = [bot_id(partner)]
        else:
            members = [
                bot_id(i) for i in rng.sample(range(self.plan.bots_needed), room.members - 1)
            ]

        body: dict = {"initial_state": [], "creation_content": {}}
        initial = body["initial_state"]
        if room.kind is RoomKind.DIRECT:
            body.update(preset="trusted_private_chat", is_direct=True, invite=members)
        elif room.kind is RoomKind.SALON:
            body.update(
                preset="public_chat",
                visibility="public",
                name=room.name,
                topic=content.sentence(rng, 5, 15),
            )
        else:
            # Public while the members join (one event each instead of invite + join); made
            # invite-only again right after.
            body.update(preset="private_chat", name=room.name, topic=content.sentence(rng, 3, 12))
            initial.append(
                {"type": "m.room.join_rules", "state_key": "", "content": {"join_rule": "public"}}
            )
        initial.append(
            {
                "type": "m.room.history_visibility",
                "state_key": "",
                "content": {"history_visibility": "shared"},
            }
        )
        if room.encrypted:
            initial.append(
                {"type": "m.room.encryption", "state_key": "", "content": {"algorithm": MEGOLM}}
            )
        room_id = (await self._call("POST", "/_matrix/client/v3/createRoom", body, as_user=bench))[
            "room_id"
        ]
        self.room_ids[room.index] = room_id
        if room.kind is RoomKind.DIRECT:
            self.direct.setdefault(members[0], []).append(room_id)

        sem = asyncio.Semaphore(8)

        async def join(user: str) -> None:
            async with sem:
                await self._call(
                    "POST", f"/_matrix/client/v3/join/{quote(room_id)}", {}, as_user=user
                )
                self.progress.joins += 1

        await asyncio.gather(*(join(u) for u in members))
        if room.kind in (RoomKind.GROUP, RoomKind.ENCRYPTED):
            await self._call(
                "PUT",
                f"/_matrix/client/v3/rooms/{quote(room_id)}/state/m.room.join_rules/",
                {"join_rule": "invite"},
                as_user=bench,
            )

        # A few people do the talking; the benchmark user says ~15% of it.
        speakers = members[: min(len(members), rng.randint(2, 10))]
        media = self.media_encrypted if room.encrypted else self.media_plain
        end_ms = self._now_ms - int(rng.random() ** 3 * 60 * DAY_MS)
        if room.big:
            end_ms = self._now_ms - rng.randint(60_000, 3_600_000)
        gap_ms = max(20_000, min(4 * 3_600_000, 120 * DAY_MS // max(1, room.messages)))
        recent: list[str] = []
        reacted: set[tuple[str, str, str]] = set()
        last_event = ""
        batch = BIG_ROOM_BATCH if room.big else 1
        for start in range(0, room.messages, batch):
            jobs = []
            for n in range(start, min(room.messages, start + batch)):
                sender = bench if rng.random() < 0.15 else rng.choice(speakers)
                ev_type, ev_content = content.message(rng, recent, media)
                if ev_type == "m.reaction":
                    rel = ev_content["m.relates_to"]
                    # Synapse refuses the same reaction twice (M_DUPLICATE_ANNOTATION).
                    if (sender, rel["event_id"], rel["key"]) in reacted:
                        ev_type, ev_content = "m.room.message", content.text_message(rng)
                    else:
                        reacted.add((sender, rel["event_id"], rel["key"]))
                ts = end_ms - (room.messages - n) * gap_ms + rng.randint(0, gap_ms // 2)
                jobs.append(self._send(room_id, room.encrypted, sender, ev_type, ev_content, ts))
            for event_id, ev_type in await asyncio.gather(*jobs):
                last_event = event_id
                if ev_type != "m.reaction":
                    recent.append(event_id)
            del recent[:-20]
            self.progress.messages += len(jobs)
        # Most rooms read to the end, the rest with unread messages.
        if last_event and rng.random() < 0.8:
            await self._call(
                "POST",
                f"/_matrix/client/v3/rooms/{quote(room_id)}/receipt/m.read/{quote(last_event)}",
                {},
                as_user=bench,
            )

    async def _send(
        self, room_id: str, encrypted: bool, sender: str, ev_type: str, body: dict, ts: int
    ) -> tuple[str, str]:
        if encrypted and ev_type == "m.room.message":
            body = self._encrypt(room_id, sender, ev_type, body)
            ev_type = "m.room.encrypted"
        txn = secrets.token_hex(8)
        answer = await self._call(
            "PUT",
            f"/_matrix/client/v3/rooms/{quote(room_id)}/send/{ev_type}/{txn}",
            body,
            as_user=sender,
            params={"ts": str(ts)},
        )
        return answer["event_id"], ev_type

    # -- Megolm --------------------------------------------------------------------------------

    def _encrypt(self, room_id: str, sender: str, ev_type: str, body: dict) -> dict:
        key = f"{room_id}|{sender}"
        state = self._sessions.get(key)
        if state is None:
            account = self._devices.get(sender) or vodozemac.Account()
            self._devices[sender] = account
            group = vodozemac.GroupSession()
            inbound = vodozemac.InboundGroupSession(group.session_key)
            self.exported_sessions.append(
                {
                    "algorithm": MEGOLM,
                    "sender_key": account.curve25519_key.to_base64(),
                    "sender_claimed_keys": {"ed25519": account.ed25519_key.to_base64()},
                    "forwarding_curve25519_key_chain": [],
                    "room_id": room_id,
                    "session_id": group.session_id,
                    "session_key": inbound.export_at(0).to_base64(),
                }
            )
            state = self._sessions[key] = (account, group)
        account, group = state
        plaintext = json.dumps({"type": ev_type, "content": body, "room_id": room_id})
        return {
            "algorithm": MEGOLM,
            "sender_key": account.curve25519_key.to_base64(),
            "ciphertext": group.encrypt(plaintext.encode()).to_base64(),
            "session_id": group.session_id,
            "device_id": "SEEDER" + sender[1:].split(":")[0].upper(),
        }

    # -- progress ------------------------------------------------------------------------------

    def _log(self, text: str) -> None:
        if self.verbose:
            print(f"[seed {time.monotonic() - self.progress.started:7.1f}s] {text}", flush=True)

    async def _print_progress(self) -> None:
        total_msgs = self.plan.total_messages
        total_rooms = len(self.plan.rooms)
        while True:
            await asyncio.sleep(15)
            p = self.progress
            elapsed = time.monotonic() - p.started
            rate = p.requests / elapsed if elapsed else 0
            remaining = (total_msgs - p.messages) + (self.plan.total_joins - p.joins)
            eta = remaining / rate if rate else float("inf")
            self._log(
                f"rooms {p.rooms_done}/{total_rooms}, messages {p.messages}/{total_msgs}, "
                f"joins {p.joins}/{self.plan.total_joins}, {rate:.0f} req/s, "
                f"retries {p.retries}, ETA ~{eta / 60:.0f} min"
            )


class _Transient(Exception):
    def __init__(self, status: int, text: str) -> None:
        super().__init__(f"{status}: {text[:200]}")


# -- the whole job -----------------------------------------------------------------------------


def seed_snapshot(rooms: int, events: int, *, scratch: Path | None = None) -> dict:
    """Seed a fresh Synapse with the plan for (rooms, events) and save it as a snapshot."""
    name = snapshot_name(rooms, events)
    plan = make_plan(rooms, events)
    summary = plan.summary()
    print(
        f"Seeding {name}: {summary['rooms']} rooms, {summary['messages']} messages, "
        f"{summary['joins']} joins, {summary['bots']} other users. At ~60 requests/s this takes "
        f"about {(summary['messages'] + summary['joins'] + 3 * rooms) / 60 / 60:.0f} min; "
        "it is done once, later runs restore the snapshot in seconds.",
        flush=True,
    )
    base = scratch or _scratch_dir(name)
    if base.exists():
        shutil.rmtree(base)
    base.mkdir(parents=True)
    as_token, hs_token = secrets.token_hex(24), secrets.token_hex(24)
    (base / snapshot.AS_FILE).write_text(
        yaml.safe_dump(appservice_registration(as_token, hs_token))
    )
    hs = snapshot.homeserver_for(base)
    t_start = time.monotonic()
    hs.start(timeout=120)
    try:
        bench = hs.register_user(BENCH_LOCALPART, BENCH_PASSWORD, displayname="Agent Bench")
        peer = hs.register_user(PEER_LOCALPART, PEER_PASSWORD, displayname="Pair Bench")
        seeder = Seeder(hs.url, as_token, plan)
        asyncio.run(seeder.run())
        peer_room = _make_peer_room(hs, as_token)
        versions = hs.request("GET", "/_synapse/admin/v1/server_version", token=hs.admin_token())
    finally:
        hs.stop()
    seconds = time.monotonic() - t_start
    if seeder.exported_sessions:
        encrypt_and_save(
            json.dumps(seeder.exported_sessions).encode(),
            str(base / KEYS_FILE),
            KEYS_PASSPHRASE,
            count=10000,
        )
    largest = max(plan.rooms, key=lambda r: (r.messages, not r.encrypted))
    meta = {
        "name": name,
        "plan": summary,
        "server_name": SERVER,
        "bench_user": bench,
        "bench_password": BENCH_PASSWORD,
        "peer_user": peer,
        "peer_password": PEER_PASSWORD,
        "peer_room": peer_room,
        "as_token": as_token,
        "rooms": {str(i): rid for i, rid in sorted(seeder.room_ids.items())},
        "big_rooms": [seeder.room_ids[r.index] for r in plan.rooms if r.big],
        "largest_room": seeder.room_ids[largest.index],
        "largest_room_encrypted": largest.encrypted,
        "keys_file": KEYS_FILE if seeder.exported_sessions else None,
        "keys_passphrase": KEYS_PASSPHRASE,
        "megolm_sessions": len(seeder.exported_sessions),
        "seeding_s": round(seconds, 1),
        "synapse_version": versions.get("server_version", "?"),
        "created": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
    }
    snapshot.write_meta(base, meta)
    t0 = time.monotonic()
    path = snapshot.save(base, name)
    size_mb = path.stat().st_size / 1e6
    print(
        f"Seeded {name} in {seconds / 60:.1f} min; snapshot {path} ({size_mb:.0f} MB) "
        f"written in {time.monotonic() - t0:.1f}s",
        flush=True,
    )
    shutil.rmtree(base, ignore_errors=True)
    return meta


def _scratch_dir(name: str) -> Path:
    # Seeding in RAM (tmpfs) spares the per-commit fsyncs; the snapshot itself goes to disk.
    shm = Path("/dev/shm")
    if shm.is_dir() and shutil.disk_usage(shm).free > 4e9:
        return shm / f"tchap-bench-seed-{name}"
    return snapshot.cache_root() / "seeding" / name


def _make_peer_room(hs, as_token: str) -> str:
    """An encrypted room shared by @bench and @peer (a real local user with a password)."""
    import urllib.parse

    bench = bench_user_id()
    q = "?user_id=" + urllib.parse.quote(bench)
    room_id = hs.request(
        "POST",
        "/_matrix/client/v3/createRoom" + q,
        {
            "preset": "private_chat",
            "name": "Bench ↔ pair",
            "invite": [peer_user_id()],
            "initial_state": [
                {"type": "m.room.encryption", "state_key": "", "content": {"algorithm": MEGOLM}}
            ],
        },
        token=as_token,
    )["room_id"]
    login = hs.login(peer_user_id(), PEER_PASSWORD)
    token = login["access_token"]
    hs.request("POST", f"/_matrix/client/v3/join/{urllib.parse.quote(room_id)}", {}, token=token)
    hs.request("POST", "/_matrix/client/v3/logout", {}, token=token)
    return room_id
