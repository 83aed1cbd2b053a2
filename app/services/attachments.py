"""Files the user sends: described, encrypted and uploaded, never on the event loop.

A file is queued in the outbox like a text: its message content (m.image or m.file, with
name, size, type and dimensions) is on disk before any network traffic. Beside it, under
`LOCAL`, the part that never leaves the machine: where the original is and, once known,
the encryption's key, IV and hash and the uploaded mxc:// URI. The outbox sends it in steps,
each saved, so a restart resumes where it stopped:

1. the server's size limit (`m.upload.size`) is checked before anything is uploaded;
2. in an encrypted room the file is encrypted once (Matrix v2 attachments: AES-256-CTR,
   SHA-256 of the ciphertext, JWK key; nio's helper) in 1 MiB chunks in a worker thread, to
   `<cache>/outbox/<txn>.enc`. The key stays in the (encrypted) cache database: the
   ciphertext file alone is useless, and the original may go once it is written;
3. the upload streams the file in chunks with its Content-Length (Synapse wants one) and
   reports progress; the event then goes out with the outbox's fixed transaction id.

Nothing here logs a file name, a path, a key or a byte of content.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import mimetypes
import os
import stat
import time
from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO
from urllib.parse import quote

from app.core.types import FileError
from app.net import http
from app.net.api import ApiClient, ApiError, ApiErrorKind, classify

if TYPE_CHECKING:
    import aiohttp

log = logging.getLogger("tchap.net")

LOCAL = "_local"  # the part of an outbox content that stays on this machine
CHUNK = 1024 * 1024
PROGRESS_EVERY_S = 0.25
IMAGE_TYPES = {"image/png", "image/jpeg", "image/gif", "image/webp"}  # types we can measure
UPLOAD_TIMEOUT_S = 120  # without a byte read back; the upload itself may take longer
ENCRYPTED_SUFFIX = ".enc"
EXIF_ORIENTATION = 0x0112
ROTATED_A_QUARTER = {5, 6, 7, 8}  # EXIF orientations that swap width and height

Progress = Callable[[int, int], None]


class Postponed(Exception):
    """The upload could not happen now (network, 429, 5xx): try again later."""

    def __init__(self, after: float | None = None) -> None:
        super().__init__()
        self.after = after


class Refused(Exception):
    """The file cannot be sent as it is: `reason` is a FileError value or the server's refusal."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


# -- describing a file (worker thread) ------------------------------------------------------


def describe(path: Path) -> dict:
    """The outbox content for a file: m.image (with w, h) or m.file; raises OSError if unreadable.

    Blocking (stat, open, a few header bytes): call it in a worker thread.
    """
    path = path.resolve()
    st = path.stat()
    if not stat.S_ISREG(st.st_mode):
        raise IsADirectoryError(path.name)
    name = path.name
    mimetype = mimetypes.guess_type(name)[0] or "application/octet-stream"
    info: dict = {"mimetype": mimetype, "size": st.st_size}
    with path.open("rb") as f:  # also proves it can be read
        dims = image_size(f) if mimetype in IMAGE_TYPES else None
    if dims:
        info["w"], info["h"] = dims
    return {
        "msgtype": "m.image" if dims else "m.file",
        "body": name,
        "info": info,
        LOCAL: {"path": str(path)},
    }


def image_size(f: BinaryIO) -> tuple[int, int] | None:
    """(width, height) as the image is shown (EXIF rotation applied), or None if it is not an
    image Pillow knows. Only the header is read: nothing is decoded."""
    from PIL import Image

    try:
        with Image.open(f) as image:
            width, height = image.size
            if image.getexif().get(EXIF_ORIENTATION) in ROTATED_A_QUARTER:
                width, height = height, width
    except Exception:  # noqa: BLE001 - any file may be handed to us: not an image, then
        return None
    return (width, height) if width > 0 and height > 0 else None


# -- encrypting (worker thread) ---------------------------------------------------------------


def encrypt_file(src: Path, dst: Path) -> dict:
    """Encrypt `src` into `dst` chunk by chunk; returns {v, key, iv, hashes} (no url yet).

    Blocking: call it in a worker thread. `dst` appears only once complete.
    """
    from nio.crypto.attachments import encrypted_attachment_generator

    dst.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    part = dst.with_suffix(".part")
    info: dict | None = None
    fd = os.open(part, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        with src.open("rb") as f, os.fdopen(fd, "wb") as out:
            for piece in encrypted_attachment_generator(iter(lambda: f.read(CHUNK), b"")):
                if isinstance(piece, dict):
                    info = piece
                else:
                    out.write(piece)
        part.replace(dst)
    except BaseException:
        part.unlink(missing_ok=True)
        raise
    assert info is not None
    return info


def message_content(content: dict, local: dict) -> dict:
    """The content that goes to the room: the queued one without LOCAL, with url or file."""
    out = {k: v for k, v in content.items() if k != LOCAL}
    if "encrypted" in local:
        out["file"] = {**local["encrypted"], "url": local["mxc"]}
    else:
        out["url"] = local["mxc"]
    return out


# -- the service --------------------------------------------------------------------------------


class AttachmentService:
    """Size limit, encryption and streamed upload of the outbox's files, for one session."""

    def __init__(self, api: ApiClient, folder: Path) -> None:
        self._api = api
        self._folder = folder  # <profile cache>/outbox
        self._limit: int | None = None
        self._limit_known = False

    def encrypted_path(self, txn_id: str) -> Path:
        """Where the encrypted copy of an outbox file is kept until it is sent."""
        return self._folder / f"{txn_id}{ENCRYPTED_SUFFIX}"

    async def check_size(self, size: int) -> None:
        """Refused(TOO_LARGE) if the server said it takes less (asked once per session)."""
        if not self._limit_known:
            self._limit = await self._fetch_limit()
            self._limit_known = True
        if self._limit is not None and size > self._limit:
            log.warning("file of %d bytes over the server's limit of %d", size, self._limit)
            raise Refused(FileError.TOO_LARGE.value)

    async def _fetch_limit(self) -> int | None:
        for path in ("/_matrix/client/v1/media/config", "/_matrix/media/v3/config"):
            try:
                config = await self._api.request("GET", path)
            except ApiError as exc:
                if exc.transient:
                    raise Postponed(exc.retry_after_s) from exc
                continue
            size = config.get("m.upload.size")
            return size if isinstance(size, int) and size > 0 else None
        return None  # neither endpoint: no known limit, the upload will say

    async def encrypt(self, txn_id: str, local: dict) -> dict:
        """`local` with the encryption info, encrypting the original unless already done."""
        target = self.encrypted_path(txn_id)
        if "encrypted" in local and await asyncio.to_thread(target.exists):
            return local
        try:
            info = await asyncio.to_thread(encrypt_file, Path(local["path"]), target)
        except FileNotFoundError as exc:
            raise Refused(FileError.MISSING.value) from exc
        except OSError as exc:
            log.warning("file not encrypted: %s", type(exc).__name__)
            raise Refused(FileError.UNREADABLE.value) from exc
        rest = {k: v for k, v in local.items() if k != "mxc"}
        return {**rest, "encrypted": info}

    async def upload(self, txn_id: str, local: dict, mimetype: str, progress: Progress) -> str:
        """Upload the encrypted copy (or the original, in a plain room); the mxc:// URI."""
        import aiohttp  # loaded with the network stack

        encrypted = "encrypted" in local
        path = self.encrypted_path(txn_id) if encrypted else Path(local["path"])
        try:
            f = await asyncio.to_thread(path.open, "rb")
        except FileNotFoundError as exc:
            raise Refused(FileError.MISSING.value) from exc
        except OSError as exc:
            raise Refused(FileError.UNREADABLE.value) from exc
        with contextlib.closing(f):
            size = (await asyncio.to_thread(os.fstat, f.fileno())).st_size
            url = self._api.url("/_matrix/media/v3/upload")
            if not encrypted:  # an encrypted file's name is none of the server's business
                url += "?filename=" + quote(Path(local["path"]).name)
            headers = {
                **self._api.auth_headers(),
                "Content-Type": "application/octet-stream" if encrypted else mimetype,
                "Content-Length": str(size),
            }
            reader = _ChunkReader(f, size, progress)
            timeout = aiohttp.ClientTimeout(total=None, sock_connect=10, sock_read=UPLOAD_TIMEOUT_S)
            try:
                async with self._api.http.post(
                    url, data=reader.chunks(), headers=headers, timeout=timeout
                ) as resp:
                    status = resp.status
                    data = await _json(resp)
                    retry_after = resp.headers.get("Retry-After")
            except (TimeoutError, aiohttp.ClientError, OSError) as exc:
                if reader.failed is not None:
                    raise Refused(FileError.UNREADABLE.value) from exc
                log.info("upload interrupted: %s", type(exc).__name__)
                raise Postponed() from exc
        if reader.failed is not None:
            raise Refused(FileError.UNREADABLE.value)
        if 200 <= status < 300 and isinstance(data, dict):
            uri = data.get("content_uri")
            if isinstance(uri, str) and uri.startswith("mxc://"):
                return uri
        error = self._api.fail(classify(status, data, http.retry_after(status, data, {
            "Retry-After": retry_after or ""})))  # fmt: skip
        if error.kind is ApiErrorKind.TOO_LARGE:
            raise Refused(FileError.TOO_LARGE.value)
        if error.kind is ApiErrorKind.BAD_RESPONSE and 200 <= status < 300:
            raise Refused(f"{status}")  # a 2xx without a URI: a server bug, not worth retrying
        if error.transient:
            log.info("upload answered %d: will retry", status)
            raise Postponed(error.retry_after_s)
        raise Refused(f"{status} {error.errcode}".strip())

    def forget(self, txn_id: str) -> None:
        """Remove an outbox file's encrypted copy (sent or discarded). Blocking: tiny."""
        self.encrypted_path(txn_id).unlink(missing_ok=True)
        self.encrypted_path(txn_id).with_suffix(".part").unlink(missing_ok=True)

    def sweep(self, keep: set[str]) -> int:
        """Remove encrypted copies no outbox entry needs any more (a crash between steps)."""
        removed = 0
        with contextlib.suppress(FileNotFoundError):
            for path in self._folder.iterdir():
                if path.stem not in keep:
                    path.unlink(missing_ok=True)
                    removed += 1
        return removed


class _ChunkReader:
    """The upload body: the file read 1 MiB at a time in a worker thread, progress reported."""

    def __init__(self, f: BinaryIO, size: int, progress: Progress) -> None:
        self._f = f
        self._size = size
        self._progress = progress
        self.failed: OSError | None = None

    async def chunks(self) -> AsyncIterator[bytes]:
        sent, last = 0, 0.0
        self._progress(0, self._size)
        while sent < self._size:
            try:
                chunk = await asyncio.to_thread(self._f.read, min(CHUNK, self._size - sent))
            except OSError as exc:
                self.failed = exc
                raise
            if not chunk:  # the file shrank under us: the Content-Length would be a lie
                self.failed = OSError("file truncated")
                raise self.failed
            sent += len(chunk)
            yield chunk
            now = time.monotonic()
            if now - last >= PROGRESS_EVERY_S or sent == self._size:
                last = now
                self._progress(sent, self._size)


async def _json(resp: aiohttp.ClientResponse) -> object:
    try:
        return await resp.json(content_type=None)
    except ValueError:
        return None

