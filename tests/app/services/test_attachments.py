"""Sending files: describing, encrypting, uploading; then the whole path against a real Synapse."""

from __future__ import annotations

import asyncio
import base64
import io
import json
import os
import stat
from pathlib import Path

import pytest
from nio.crypto.attachments import decrypt_attachment
from PIL import Image

from app.core.events import SessionState, UploadProgress
from app.core.timeline import item_from_event
from app.core.types import FileError, ItemKind, Membership, SendState
from app.net.api import ApiClient
from app.platform.profile import Profile
from app.services import attachments
from app.services.attachments import LOCAL, AttachmentService, Postponed, Refused
from app.session import Session
from tests.support import Recorder, api, eventually, fake_http_server


def image_bytes(fmt: str, size: tuple[int, int] = (37, 23), **save) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, (0, 0, 145)).save(out, fmt, **save)
    return out.getvalue()


def write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


# -- describing a file ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("fmt", "save"),
    [
        ("PNG", {}),
        ("GIF", {}),
        ("JPEG", {"exif": b"Exif\x00\x00" + b"\x00" * 3000}),  # the size is after the EXIF block
        ("JPEG", {"progressive": True}),
        ("WEBP", {"lossless": False}),
        ("WEBP", {"lossless": True}),
    ],
)
def test_image_size_from_the_header(fmt, save):
    assert attachments.image_size(io.BytesIO(image_bytes(fmt, **save))) == (37, 23)


def test_a_photo_taken_sideways_is_measured_as_shown():
    exif = Image.Exif()
    exif[attachments.EXIF_ORIENTATION] = 6  # the camera was turned: shown rotated a quarter
    photo = image_bytes("JPEG", exif=exif.tobytes())
    assert attachments.image_size(io.BytesIO(photo)) == (23, 37)


def test_image_size_of_something_else_is_none():
    for data in (b"", b"%PDF-1.7\n", b"\xff\xd8\xff\xe0\x00\x02" + b"\x00" * 10, b"GIF8"):
        assert attachments.image_size(io.BytesIO(data)) is None


def test_describe_an_image_and_a_file(tmp_path):
    png = attachments.describe(write(tmp_path / "capture.png", image_bytes("PNG", (640, 480))))
    assert png["msgtype"] == "m.image" and png["body"] == "capture.png"
    assert png["info"] == {"mimetype": "image/png", "size": len(image_bytes("PNG", (640, 480))),
                           "w": 640, "h": 480}  # fmt: skip
    assert png[LOCAL] == {"path": str(tmp_path / "capture.png")}
    pdf = attachments.describe(write(tmp_path / "compte rendu.pdf", b"%PDF-1.7\n" * 10))
    assert pdf["msgtype"] == "m.file"
    assert pdf["info"] == {"mimetype": "application/pdf", "size": 90}
    odd = attachments.describe(write(tmp_path / "données.xyz123", b"\x00"))
    assert odd["info"]["mimetype"] == "application/octet-stream"
    # A file named .png that is not one is sent as a file, not as a broken image.
    fake = attachments.describe(write(tmp_path / "faux.png", b"not an image"))
    assert fake["msgtype"] == "m.file" and "w" not in fake["info"]


def test_describe_refuses_what_cannot_be_read(tmp_path):
    with pytest.raises(FileNotFoundError):
        attachments.describe(tmp_path / "absent.txt")
    with pytest.raises(IsADirectoryError):
        attachments.describe(tmp_path)
    locked = write(tmp_path / "secret.txt", b"x")
    locked.chmod(0)
    try:
        if os.geteuid() != 0:  # root reads anything
            with pytest.raises(PermissionError):
                attachments.describe(locked)
    finally:
        locked.chmod(0o600)


def test_encrypt_file_is_a_matrix_v2_attachment(tmp_path):
    data = os.urandom(2 * attachments.CHUNK + 12345)  # several chunks, the last one short
    target = tmp_path / "outbox" / "txn.enc"
    info = attachments.encrypt_file(write(tmp_path / "plain.bin", data), target)
    ciphertext = target.read_bytes()
    assert len(ciphertext) == len(data) and ciphertext != data
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert not list(target.parent.glob("*.part"))
    assert info["v"] == "v2"
    assert info["key"]["alg"] == "A256CTR" and info["key"]["kty"] == "oct"
    iv = base64.b64decode(info["iv"] + "==")
    assert len(iv) == 16 and iv[8:] == b"\x00" * 8  # the counter half starts at zero
    plain = decrypt_attachment(ciphertext, info["key"]["k"], info["hashes"]["sha256"], info["iv"])
    assert plain == data
    again = attachments.encrypt_file(tmp_path / "plain.bin", tmp_path / "again.enc")
    assert again["key"]["k"] != info["key"]["k"] and again["iv"] != info["iv"]  # fresh each time


def test_message_content_keeps_the_local_part_home():
    content = {"msgtype": "m.file", "body": "a.pdf", "info": {"size": 3}, LOCAL: {"path": "/x"}}
    plain = attachments.message_content(content, {"path": "/x", "mxc": "mxc://hs/abc"})
    assert plain == {"msgtype": "m.file", "body": "a.pdf", "info": {"size": 3},
                     "url": "mxc://hs/abc"}  # fmt: skip
    secret = {"v": "v2", "key": {"k": "K"}, "iv": "I", "hashes": {"sha256": "H"}}
    local = {"path": "/x", "mxc": "mxc://hs/def", "encrypted": secret}
    sent = attachments.message_content(content, local)
    assert sent["file"] == {**secret, "url": "mxc://hs/def"}
    assert "url" not in sent and LOCAL not in sent and "path" not in json.dumps(sent)


def test_received_file_rows_carry_what_the_card_shows():
    ev = {
        "event_id": "$f", "sender": "@b:x", "type": "m.room.message", "origin_server_ts": 5,
        "content": {"msgtype": "m.file", "body": "bilan.ods", "url": "mxc://x/y",
                    "info": {"size": 2048, "mimetype": "application/vnd.oasis.opendocument"
                             ".spreadsheet", "w": "wide", "h": -3}},
    }  # fmt: skip
    item = item_from_event(ev, "!r:x", "@a:x", lambda u: u)
    assert item.kind is ItemKind.MEDIA and item.body == "bilan.ods"
    assert item.media == {"name": "bilan.ods", "size": 2048,
                          "mimetype": "application/vnd.oasis.opendocument.spreadsheet"}  # fmt: skip


# -- the upload against a fake server (faults a real Synapse does not produce) --------------


async def upload_through(url: str, tmp_path: Path, size: int = 5000) -> str:
    import aiohttp

    src = write(tmp_path / "f.bin", os.urandom(size))
    async with aiohttp.ClientSession() as http:
        files = AttachmentService(ApiClient(http, url, "tok"), tmp_path / "outbox")
        await files.check_size(size)
        return await files.upload("t1", {"path": str(src)}, "application/pdf", lambda *_: None)


async def test_upload_errors_are_sorted_into_retry_or_refusal(tmp_path):
    upload = "POST /_matrix/media/v3/upload"
    cases = [
        ((413, {"errcode": "M_TOO_LARGE"}), Refused, FileError.TOO_LARGE.value),
        ((429, {"errcode": "M_LIMIT_EXCEEDED", "retry_after_ms": 1500}), Postponed, 1.5),
        ((502, "<html>Bad Gateway</html>"), Postponed, None),
        ((403, {"errcode": "M_FORBIDDEN"}), Refused, "403 M_FORBIDDEN"),
        ((200, {"no": "content_uri"}), Refused, "200"),
    ]
    for answer, error, detail in cases:
        async with fake_http_server({upload: answer}) as url:
            with pytest.raises(error) as raised:
                await upload_through(url, tmp_path)
        assert getattr(raised.value, "reason", getattr(raised.value, "after", None)) == detail


async def test_a_connection_cut_mid_upload_is_retried_later(tmp_path):
    import aiohttp

    async def cut(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await reader.read(64 * 1024)  # the headers and a little of the body, then hang up
        writer.close()

    server = await asyncio.start_server(cut, "127.0.0.1", 0)
    url = f"http://127.0.0.1:{server.sockets[0].getsockname()[1]}"
    src = write(tmp_path / "gros.bin", os.urandom(4 * attachments.CHUNK))
    try:
        async with aiohttp.ClientSession() as http:
            files = AttachmentService(ApiClient(http, url, "tok"), tmp_path / "outbox")
            with pytest.raises(Postponed):
                await files.upload("t1", {"path": str(src)}, "text/plain", lambda *_: None)
    finally:
        server.close()
        await server.wait_closed()


async def test_upload_limit_is_checked_before_uploading(tmp_path):
    seen: list[str] = []
    routes = {"GET /_matrix/client/v1/media/config": (200, {"m.upload.size": 4000})}
    async with fake_http_server(routes, seen=seen) as url:
        with pytest.raises(Refused) as raised:
            await upload_through(url, tmp_path, size=4001)
    assert raised.value.reason == FileError.TOO_LARGE.value
    assert not any("upload" in s for s in seen)
    # A server without the v1 endpoint: the legacy one is asked.
    seen.clear()
    routes = {"GET /_matrix/media/v3/config": (200, {"m.upload.size": 10})}
    async with fake_http_server(routes, seen=seen) as url:
        with pytest.raises(Refused):
            await upload_through(url, tmp_path, size=11)
    assert seen == ["GET /_matrix/client/v1/media/config", "GET /_matrix/media/v3/config"]


async def test_upload_streams_with_a_content_length(tmp_path):
    seen: list[str] = []
    routes = {"POST /_matrix/media/v3/upload": (200, {"content_uri": "mxc://fake/abc"})}
    progress: list[tuple[int, int]] = []
    import aiohttp

    data = os.urandom(3 * attachments.CHUNK + 7)
    src = write(tmp_path / "rapport final.pdf", data)
    async with fake_http_server(routes, seen=seen) as url, aiohttp.ClientSession() as http:
        files = AttachmentService(ApiClient(http, url, "tok"), tmp_path / "outbox")
        uri = await files.upload(
            "t1", {"path": str(src)}, "application/pdf", lambda *a: progress.append(a)
        )
    assert uri == "mxc://fake/abc"
    assert progress[0] == (0, len(data)) and progress[-1] == (len(data), len(data))
    assert [a for a, _ in progress] == sorted(a for a, _ in progress)


# -- a real Synapse ---------------------------------------------------------------------------


async def signed_in(url: str, user_id: str, password: str) -> tuple[Session, Recorder]:
    session = Session(Profile.load())
    recorder = Recorder(session)
    await session.login(url, user_id, password)
    session.start()
    await session.wait_synced()
    return session, recorder


async def shared_room(session, recorder, peer, *, encrypted: bool) -> str:
    """A room of the session's user and the peer: encrypted (made by us) or plain (by the peer)."""
    if encrypted:
        room_id = await session.create_private_room("Pièces jointes")
        await api(session, "POST", f"/_matrix/client/v3/rooms/{room_id}/invite",
                           {"user_id": peer.user_id})  # fmt: skip
        await peer.join(room_id)
    else:
        room_id = await peer.create_room(encrypted=False, invite=[session.user_id], name="Clair")
        await eventually(lambda: recorder.room(room_id) is not None)
        await session.room(room_id).accept_invite()
    await eventually(lambda: recorder.room(room_id).membership is Membership.JOIN)
    await eventually(lambda: recorder.room(room_id).member_count == 2)
    return room_id


def outbox_files(tchap_home: Path) -> list[Path]:
    return [p for p in Path(tchap_home).rglob("outbox/*") if p.is_file()]


async def test_file_and_image_in_a_plain_room(
    synapse, make_user, tchap_home, keyring_backend, nio_peer, tmp_path
):
    alice, bob = make_user("alice"), make_user("bob")
    session, recorder = await signed_in(synapse.url, alice.user_id, alice.password)
    peer = await nio_peer(bob)
    room_id = await shared_room(session, recorder, peer, encrypted=False)

    data = os.urandom(3 * 1024 * 1024 + 5)
    key = await session.room(room_id).send_file(write(tmp_path / "rapport.pdf", data))
    echo = recorder.item_by_key(room_id, key)  # at once, before any upload
    assert echo.kind is ItemKind.MEDIA and echo.send_state is SendState.SENDING and echo.is_own
    assert echo.media["name"] == "rapport.pdf" and echo.media["size"] == len(data)
    received = await peer.wait_for_file(room_id, "rapport.pdf", timeout=60)
    content = received.source["content"]
    assert content["msgtype"] == "m.file" and "file" not in content and LOCAL not in content
    assert content["info"] == {"mimetype": "application/pdf", "size": len(data)}
    assert await peer.download(received) == data
    await eventually(lambda: recorder.item(room_id, body="rapport.pdf").send_state
                     is SendState.SENT)  # fmt: skip
    sent = recorder.item(room_id, body="rapport.pdf")
    assert sent.kind is ItemKind.MEDIA and sent.media["size"] == len(data)
    progress = [e for e in recorder.events if isinstance(e, UploadProgress) and e.key == key]
    assert progress and progress[-1].sent == progress[-1].total == len(data)

    png = image_bytes("PNG", (320, 200))
    await session.room(room_id).send_file(write(tmp_path / "plan.png", png))
    image = await peer.wait_for_file(room_id, "plan.png", timeout=60)
    assert image.source["content"]["msgtype"] == "m.image"
    assert image.source["content"]["info"] == {"mimetype": "image/png", "size": len(png),
                                               "w": 320, "h": 200}  # fmt: skip
    assert await peer.download(image) == png
    await session.close()


async def test_file_in_an_encrypted_room(
    synapse, make_user, tchap_home, keyring_backend, nio_peer, tmp_path, request
):
    from app.platform.logs import remove_handlers, setup_logging

    profile = Profile.load()
    setup_logging(profile.paths, "debug")
    request.addfinalizer(remove_handlers)
    alice, bob = make_user("alice"), make_user("bob")
    session, recorder = await signed_in(synapse.url, alice.user_id, alice.password)
    peer = await nio_peer(bob)
    room_id = await shared_room(session, recorder, peer, encrypted=True)

    data = os.urandom(2 * 1024 * 1024 + 77)
    await session.room(room_id).send_file(write(tmp_path / "note-confidentielle.odt", data))
    received = await peer.wait_for_file(room_id, "note-confidentielle.odt", timeout=60)
    assert received.decrypted  # the event travelled encrypted...
    content = received.source["content"]
    assert "url" not in content and content["file"]["v"] == "v2"  # ...and so did the file
    assert content["info"]["size"] == len(data)
    assert await peer.download(received) == data
    await eventually(lambda: recorder.item(room_id, body="note-confidentielle.odt").send_state
                     is SendState.SENT)  # fmt: skip
    assert not outbox_files(tchap_home)  # the encrypted copy is gone once sent
    await session.close()
    log_text = "".join(p.read_text() for p in profile.paths.log_dir.glob("*.log*"))
    assert "file uploaded (encrypted)" in log_text
    for secret in ("note-confidentielle", content["file"]["key"]["k"], content["file"]["iv"]):
        assert secret not in log_text


async def test_too_large_fails_with_a_reason_before_uploading(
    synapse, make_user, tchap_home, keyring_backend, tmp_path
):
    alice = make_user("alice")
    session, recorder = await signed_in(synapse.url, alice.user_id, alice.password)
    room_id = await session.create_private_room("Trop gros")
    big = tmp_path / "film.mkv"
    with big.open("wb") as f:  # sparse: 60 MB on paper, nothing on disk
        f.truncate(60 * 1024 * 1024)  # Synapse's default limit is 50 MB
    key = await session.room(room_id).send_file(big)
    await eventually(lambda: recorder.item_by_key(room_id, key).send_state is SendState.FAILED)
    assert recorder.item_by_key(room_id, key).media["error"] == FileError.TOO_LARGE.value
    assert not outbox_files(tchap_home)  # refused before it was even encrypted
    # After a restart the echo still says why.
    [echo] = [i for i in await session.room(room_id).timeline() if i.key == key]
    assert echo.kind is ItemKind.MEDIA and echo.media["error"] == FileError.TOO_LARGE.value
    await session.room(room_id).discard_send(key)
    assert not [i for i in await session.room(room_id).timeline() if i.key == key]
    await session.close()


async def test_unreadable_file_is_refused_at_once(synapse, make_user, tchap_home, keyring_backend):
    from app.core.errors import ActionError, ActionFailed

    alice = make_user("alice")
    session, _ = await signed_in(synapse.url, alice.user_id, alice.password)
    room_id = await session.create_private_room("Absent")
    with pytest.raises(ActionFailed) as failed:
        await session.room(room_id).send_file("/nonexistent/fichier.pdf")
    assert failed.value.kind is ActionError.UNREADABLE_FILE
    await session.close()


async def test_a_vanished_original_fails_with_a_reason(
    synapse, make_user, tchap_home, keyring_backend, tmp_path
):
    """In a plain room the original is uploaded: gone when its turn comes, the echo says so."""
    alice = make_user("alice")
    session, recorder = await signed_in(synapse.url, alice.user_id, alice.password)
    room_id = (await api(session, "POST", "/_matrix/client/v3/createRoom", {}))["room_id"]
    gate = asyncio.Event()
    real_check = session.services.outbox._files.check_size

    async def held_check(size: int) -> None:
        await gate.wait()
        await real_check(size)

    session.services.outbox._files.check_size = held_check
    key = await session.room(room_id).send_file(write(tmp_path / "éphémère.txt", b"bientot parti"))
    (tmp_path / "éphémère.txt").unlink()
    gate.set()
    await eventually(lambda: recorder.item_by_key(room_id, key).send_state is SendState.FAILED)
    assert recorder.item_by_key(room_id, key).media["error"] == FileError.MISSING.value
    await session.close()


async def test_cancel_mid_upload_leaves_nothing_in_the_room(
    synapse, make_user, tchap_home, keyring_backend, tmp_path, monkeypatch
):
    monkeypatch.setattr(attachments, "CHUNK", 64 * 1024)  # many steps: cancel lands mid-way
    alice = make_user("alice")
    session, recorder = await signed_in(synapse.url, alice.user_id, alice.password)
    room_id = await session.create_private_room("Annulation")
    cancelled: list[bool] = []

    def on_event(ev) -> None:
        if isinstance(ev, UploadProgress) and 0 < ev.sent < ev.total and not cancelled:
            cancelled.append(True)
            asyncio.ensure_future(session.room(room_id).cancel_send(ev.key)).add_done_callback(
                lambda f: cancelled.append(f.result())
            )

    session.subscribe(on_event)
    key = await session.room(room_id).send_file(write(tmp_path / "lourd.bin", os.urandom(8 * 2**20)))
    await eventually(lambda: len(cancelled) == 2)
    assert cancelled == [True, True]
    progress = [e for e in recorder.events if isinstance(e, UploadProgress) and e.key == key]
    assert progress[-1].sent < progress[-1].total  # it really stopped mid-way
    # The queue goes on: a message after it is sent, and the file never is.
    await session.room(room_id).send_text("après l'annulation")
    await eventually(lambda: recorder.item(room_id, body="après l'annulation").send_state
                     is SendState.SENT)  # fmt: skip
    page = await api(session, "GET", f"/_matrix/client/v3/rooms/{room_id}/messages?dir=b&limit=50")
    messages = [e for e in page["chunk"] if e["type"] in ("m.room.message", "m.room.encrypted")]
    assert len(messages) == 1
    assert not [i for i in await session.room(room_id).timeline() if i.key == key]
    assert not outbox_files(tchap_home)
    assert not await session.room(room_id).cancel_send(key)  # nothing left to cancel
    await session.close()


async def test_upload_500_then_success_is_retried(
    synapse, make_user, tchap_home, keyring_backend, nio_peer, tmp_path
):
    """A server error on the upload waits and tries again (the fake stands in for the media repo)."""
    alice, bob = make_user("alice"), make_user("bob")
    session, recorder = await signed_in(synapse.url, alice.user_id, alice.password)
    peer = await nio_peer(bob)
    room_id = await shared_room(session, recorder, peer, encrypted=False)
    seen: list[str] = []
    answers = [(500, {"errcode": "M_UNKNOWN"}), (200, {"content_uri": "mxc://localhost/retried"})]
    async with fake_http_server({"POST /_matrix/media/v3/upload": answers}, seen=seen) as url:
        real = session.services.ctx.api  # only the media repository is faked
        session.services.outbox._files._api = ApiClient(real.http, url, "tok")
        key = await session.room(room_id).send_file(write(tmp_path / "relance.txt", b"encore"))
        received = await peer.wait_for_file(room_id, "relance.txt", timeout=60)
    assert received.url == "mxc://localhost/retried"
    assert seen.count("POST /_matrix/media/v3/upload") == 2
    states = [e.item.send_state for e in recorder.events if getattr(e, "item", None)
              and getattr(e, "key", "") == key]  # fmt: skip
    assert SendState.FAILED not in states
    await session.close()


async def test_file_waits_for_the_network_and_survives_a_restart(
    tmp_path, tchap_home, keyring_backend
):
    """Queued with the server down: out when it is back. Queued, then the app restarts (and
    the original is deleted meanwhile): the encrypted copy goes out, once."""
    from devtools.homeserver import Homeserver
    from devtools.peers import NioPeer

    hs = Homeserver(tmp_path / "hs")
    hs.start()
    bob = None
    try:
        hs.register_user("alice", "pw-alice-1")
        hs.register_user("bob", "pw-bob-1")
        session, recorder = await signed_in(hs.url, "@alice:localhost", "pw-alice-1")
        bob = NioPeer(hs.url, "@bob:localhost", "pw-bob-1", tmp_path / "bob")
        await bob.start()
        room_id = await shared_room(session, recorder, bob, encrypted=True)

        hs.stop()
        first = os.urandom(300_000)
        await session.room(room_id).send_file(write(tmp_path / "pendant-coupure.bin", first))
        await eventually(lambda: SessionState.RECONNECTING in recorder.states(), timeout=60)
        hs.start()
        got = await bob.wait_for_file(room_id, "pendant-coupure.bin", timeout=90)
        assert await bob.download(got) == first

        hs.stop()
        second = os.urandom(400_000)
        key = await session.room(room_id).send_file(write(tmp_path / "apres-redemarrage.bin", second))
        await eventually(lambda: outbox_files(tchap_home), timeout=60)  # encrypted, not sent
        [echo] = [i for i in await session.room(room_id).timeline() if i.key == key]
        assert echo.kind is ItemKind.MEDIA and echo.send_state is SendState.SENDING
        await session.close()
        (tmp_path / "apres-redemarrage.bin").unlink()  # the copy in the outbox is enough

        hs.start()
        session = Session(Profile.load())
        assert await session.restore()
        session.start()
        got = await bob.wait_for_file(room_id, "apres-redemarrage.bin", timeout=90)
        assert await bob.download(got) == second
        await session.room(room_id).send_text("fin")  # in order: once it is in, the file went
        await bob.wait_for_text(room_id, "fin", timeout=60)
        assert [f.body for f in bob.files].count("apres-redemarrage.bin") == 1
        assert not outbox_files(tchap_home)
        await session.close()
    finally:
        if bob is not None:
            await bob.close()
        hs.stop()
