"""Room avatars: thumbnails from the real Synapse media repository, cached on disk."""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

from app.platform.profile import Profile
from app.services.media import parse_mxc
from app.session import Session
from tests.support import Recorder, api, eventually


def png(width: int, height: int, rgb: tuple[int, int, int]) -> bytes:
    """A small solid-colour PNG, written by hand (the core's tests do not need an image library)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    rows = b"".join(b"\x00" + bytes(rgb) * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


def test_parse_mxc_refuses_paths():
    assert parse_mxc("mxc://localhost/AbC_d-1") == ("localhost", "AbC_d-1")
    assert parse_mxc("mxc://localhost/../../etc/passwd") is None
    assert parse_mxc("https://evil.example/x.png") is None
    assert parse_mxc("mxc://localhost/") is None


async def test_room_avatar_thumbnail_is_fetched_once_and_cached(
    synapse, make_user, tchap_home, keyring_backend
):
    alice = make_user("avatar")
    session = Session(Profile.load())
    recorder = Recorder(session)
    await session.login(synapse.url, alice.user_id, alice.password)
    session.start()
    await session.wait_synced()
    room_id = await session.create_private_room("Avec image")

    import aiohttp

    async with aiohttp.ClientSession() as http, http.post(
        f"{synapse.url}/_matrix/media/v3/upload?filename=a.png",
        data=png(64, 64, (0, 0, 145)),
        headers={"Authorization": f"Bearer {session.services.client.access_token}",
                 "Content-Type": "image/png"},
    ) as resp:  # fmt: skip
        uri = (await resp.json())["content_uri"]
    await api(session, 
        "PUT", f"/_matrix/client/v3/rooms/{room_id}/state/m.room.avatar/", {"url": uri}
    )
    await eventually(lambda: recorder.room(room_id).avatar_url == uri)

    path = await session.avatar(uri, 48)
    assert path is not None
    data = Path(path).read_bytes()
    assert data[:4] == b"\x89PNG" or data[:2] == b"\xff\xd8"  # Synapse may re-encode
    assert await session.avatar(uri, 48) == path  # from disk the second time
    assert await session.avatar("mxc://localhost/doesnotexist", 48) is None
    assert await session.avatar("mxc://localhost/../../x", 48) is None
    thumbnails = Profile.load().paths.cache_dir / "thumbnails"
    assert any(thumbnails.rglob("*.img"))
    await session.logout()
    assert not thumbnails.exists()  # signing out wipes them with the rest of the cache
