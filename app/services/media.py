"""Media: small thumbnails (room avatars) fetched once and kept on disk.

Thumbnails come from the authenticated media API (`/_matrix/client/v1/media/thumbnail`),
falling back to the legacy unauthenticated one for older servers. Each is fetched once per
size (concurrent requests for the same one share a download) and stored under the profile's
cache folder by a hash of its URI, never by a name the server chose.
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
import re
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import quote

if TYPE_CHECKING:
    from app.net.api import ApiClient

log = logging.getLogger("tchap.net")

MXC = re.compile(r"^mxc://([A-Za-z0-9.\-:\[\]]+)/([A-Za-z0-9_\-]+)$")
MAX_THUMBNAIL_BYTES = 2 * 1024 * 1024
IMAGE_TYPES = ("image/png", "image/jpeg", "image/webp", "image/gif")


def parse_mxc(uri: str) -> tuple[str, str] | None:
    """(server name, media id) of an mxc:// URI, or None if it is malformed."""
    match = MXC.match(uri)
    return (match.group(1), match.group(2)) if match else None


class MediaService:
    """Downloads and caches thumbnails for one session."""

    def __init__(self, api: ApiClient, folder: Path) -> None:
        self._api = api
        self._folder = folder
        self._pending: dict[Path, asyncio.Future[Path | None]] = {}

    def path_for(self, uri: str, size: int) -> Path:
        """Where the thumbnail of `uri` at `size` is kept."""
        digest = hashlib.sha256(f"{uri}|{size}".encode()).hexdigest()
        return self._folder / digest[:2] / f"{digest}.img"

    async def thumbnail(self, uri: str, size: int = 96) -> Path | None:
        """A local file with the thumbnail, or None (malformed URI, missing media, not an image)."""
        if parse_mxc(uri) is None:
            return None
        path = self.path_for(uri, size)
        if await asyncio.to_thread(path.exists):
            return path
        pending = self._pending.get(path)
        if pending is None:
            pending = asyncio.ensure_future(self._download(uri, size, path))
            self._pending[path] = pending
            pending.add_done_callback(lambda _f: self._pending.pop(path, None))
        return await asyncio.shield(pending)

    async def _download(self, uri: str, size: int, path: Path) -> Path | None:
        server, media_id = parse_mxc(uri)  # type: ignore[misc]
        query = f"width={size}&height={size}&method=crop"
        tail = f"{quote(server)}/{quote(media_id)}?{query}"
        for prefix in ("/_matrix/client/v1/media/thumbnail/", "/_matrix/media/v3/thumbnail/"):
            body = await self._get(self._api.url(prefix + tail))
            if body is not None:
                await asyncio.to_thread(_write_atomic, path, body)
                return path
        return None

    async def _get(self, url: str) -> bytes | None:
        import aiohttp  # loaded with the network stack, not at start-up

        try:
            async with self._api.http.get(
                url,
                headers=self._api.auth_headers(),
                timeout=aiohttp.ClientTimeout(total=30),
            ) as resp:
                if resp.status != 200 or resp.content_type not in IMAGE_TYPES:
                    return None
                if (resp.content_length or 0) > MAX_THUMBNAIL_BYTES:
                    return None
                body = await resp.content.read(MAX_THUMBNAIL_BYTES + 1)
                return body if len(body) <= MAX_THUMBNAIL_BYTES else None
        except (TimeoutError, aiohttp.ClientError, OSError) as exc:
            log.info("thumbnail not fetched: %s", type(exc).__name__)
            return None


def _write_atomic(path: Path, body: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    tmp = path.with_suffix(".tmp")
    tmp.write_bytes(body)
    tmp.replace(path)
