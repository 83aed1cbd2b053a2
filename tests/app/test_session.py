"""Session against a real Synapse: sign-in errors, restore, logout, sync, E2EE, outbox."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

import pytest

from app.core.errors import LoginError, LoginFailed
from app.core.events import EventChanged, MessagesPrepended, SessionState
from app.core.types import ItemKind, Membership, SendState
from app.platform.keys import secret_name
from app.platform.profile import Profile
from app.session import Session
from tests.support import Recorder, alice_and_bob_in_a_room, api, eventually, fake_http_server


async def signed_in(synapse, user) -> tuple[Session, Recorder]:
    """A started session for `user` on a fresh profile, and a recorder of its events."""
    session = Session(Profile.load("default"))
    recorder = Recorder(session)
    await session.login(synapse.url, user.user_id, user.password)
    session.start()
    await session.wait_synced()
    return session, recorder


# -- sign-in errors -----------------------------------------------------------------------------


async def test_wrong_password(synapse, make_user, tchap_home):
    user = make_user("wrongpw")
    session = Session(Profile.load())
    with pytest.raises(LoginFailed) as failed:
        await session.login(synapse.url, user.user_id, "not the password")
    assert failed.value.kind is LoginError.BAD_CREDENTIALS
    assert Profile.load().read_account() is None


async def test_deactivated_account(synapse, make_user, tchap_home, keyring_backend):
    user = make_user("gone")
    synapse.request(
        "POST", f"/_synapse/admin/v1/deactivate/{user.user_id}", {"erase": False},
        token=synapse.admin_token(),
    )  # fmt: skip
    with pytest.raises(LoginFailed) as failed:
        await Session(Profile.load()).login(synapse.url, user.user_id, user.password)
    # Synapse erases a deactivated account's password: it answers M_FORBIDDEN.
    assert failed.value.kind is LoginError.BAD_CREDENTIALS
    assert Profile.load().read_account() is None


async def test_user_deactivated_errcode(tchap_home, keyring_backend):
    # Other servers (and Synapse's SSO/token flows) answer M_USER_DEACTIVATED: a fake one says so.
    routes = {
        "GET /_matrix/client/versions": (200, {"versions": ["v1.11"]}),
        "POST /_matrix/client/v3/login": (403, {"errcode": "M_USER_DEACTIVATED", "error": "gone"}),
    }
    async with fake_http_server(routes) as url:
        with pytest.raises(LoginFailed) as failed:
            await Session(Profile.load()).login(url, "@a:b.c", "x")
    assert failed.value.kind is LoginError.USER_DEACTIVATED


async def test_unreachable_server(tchap_home):
    from devtools.homeserver import free_port

    with pytest.raises(LoginFailed) as failed:  # the machine answers, nothing listens
        await Session(Profile.load()).login(f"http://127.0.0.1:{free_port()}", "@a:b.c", "x")
    assert failed.value.kind is LoginError.SERVER_DOWN
    with pytest.raises(LoginFailed) as failed:  # no such name: unreachable
        await Session(Profile.load()).login("https://matrix.tchap.invalid", "@a:b.c", "x")
    assert failed.value.kind is LoginError.UNREACHABLE


async def test_not_a_matrix_server(tchap_home):
    async with fake_http_server(
        {"GET /_matrix/client/versions": (404, "<html>nope</html>")}
    ) as url:
        with pytest.raises(LoginFailed) as failed:
            await Session(Profile.load()).login(url, "@a:b.c", "x")
    assert failed.value.kind is LoginError.NOT_MATRIX


async def test_server_error_5xx(tchap_home):
    # A real Synapse cannot be made to answer 502 on demand: a fake one, beside the real tests.
    routes = {
        "GET /_matrix/client/versions": (200, {"versions": ["v1.11"]}),
        "POST /_matrix/client/v3/login": (502, "<html>Bad Gateway</html>"),
    }
    async with fake_http_server(routes) as url:
        with pytest.raises(LoginFailed) as failed:
            await Session(Profile.load()).login(url, "@a:b.c", "x")
    # A gateway's 502 says the server behind it is down; a 500 is the server's own error.
    assert failed.value.kind is LoginError.SERVER_DOWN and failed.value.status == 502
    routes["POST /_matrix/client/v3/login"] = (500, {"errcode": "M_UNKNOWN", "error": "boom"})
    async with fake_http_server(routes) as url:
        with pytest.raises(LoginFailed) as failed:
            await Session(Profile.load()).login(url, "@a:b.c", "x")
    assert failed.value.kind is LoginError.SERVER_ERROR and failed.value.status == 500


async def test_rate_limited_login_says_how_long(tmp_path, make_user, tchap_home):
    from devtools.homeserver import Homeserver

    strict = {"rc_login": {"failed_attempts": {"per_second": 0.01, "burst_count": 1},
                           "account": {"per_second": 0.01, "burst_count": 1},
                           "address": {"per_second": 0.01, "burst_count": 1}}}  # fmt: skip
    with Homeserver(tmp_path / "strict", extra_config=strict) as hs:
        hs.register_user("limited", "password-1")
        session = Session(Profile.load())
        kinds = []
        for _ in range(3):
            try:
                await session.login(hs.url, "@limited:localhost", "wrong")
            except LoginFailed as failed:
                kinds.append(failed)
        limited = [f for f in kinds if f.kind is LoginError.RATE_LIMITED]
        assert limited, [f.kind for f in kinds]
        assert limited[0].retry_after_s and limited[0].retry_after_s > 0


async def test_login_by_email(synapse, make_user, tchap_home, keyring_backend):
    user = make_user("mail", email="agent.mail@interieur.gouv.fr")
    session = Session(Profile.load())
    await session.login(synapse.url, "Agent.Mail@interieur.gouv.fr", user.password)
    assert session.user_id == user.user_id
    await session.logout()


# -- session lifecycle ------------------------------------------------------------------------


async def test_login_restore_logout(synapse, make_user, tchap_home, keyring_backend, nio_peer):
    alice, bob = make_user("alice"), make_user("bob", displayname="Bob Leroy [Finances]")
    peer = await nio_peer(bob)
    room_id = await peer.create_room(encrypted=True, invite=[alice.user_id], name="Projet")
    session, recorder = await signed_in(synapse, alice)
    await eventually(lambda: any(r.room_id == room_id for r in recorder.rooms()))
    assert recorder.room(room_id).membership is Membership.INVITE
    await eventually(lambda: recorder.room(room_id).inviter == "Bob Leroy [Finances]")
    await session.room(room_id).accept_invite()
    await eventually(lambda: recorder.room(room_id).membership is Membership.JOIN)
    service = Profile.load().secrets
    stored = json.loads(service.get(secret_name(alice.user_id)))
    assert set(stored) == {"access_token", "pickle_key", "cache_key"}
    await session.close()

    # Restart: the room list comes from the cache, with no network at all.
    restored = Session(Profile.load())
    assert await restored.restore()
    rooms = await restored.room_summaries()
    assert [r.name for r in rooms if r.room_id == room_id] == ["Projet"]
    paths = Profile.load().paths
    assert paths.cache_db.exists() and paths.crypto_dir.exists()
    # Nothing secret on disk in the clear.
    for path in Path(tchap_home).rglob("*"):
        if path.is_file():
            for secret in stored.values():
                assert secret.encode() not in path.read_bytes(), path

    await restored.logout()
    assert service.get(secret_name(alice.user_id)) is None
    assert not paths.cache_db.exists() and not paths.crypto_dir.exists()
    assert Profile.load().read_account() is None
    assert not await Session(Profile.load()).restore()


async def test_direct_chat_invitation_stays_direct(
    synapse, make_user, tchap_home, keyring_backend, nio_peer
):
    """A DM someone else opened: an invitation with its inviter, then a direct chat, also
    after the cache is rebuilt from a fresh initial sync (nio must not eat m.direct)."""
    alice, camille = (
        make_user("alice"),
        make_user("camille", displayname="Camille Martin [Intérieur]"),
    )
    peer = await nio_peer(camille)
    room_id = await peer.create_room(encrypted=True, invite=[alice.user_id], is_direct=True)
    session, recorder = await signed_in(synapse, alice)
    await eventually(lambda: recorder.room(room_id) is not None)
    assert recorder.room(room_id).is_direct  # from the invite's own member event
    await eventually(lambda: recorder.room(room_id).inviter == "Camille Martin [Intérieur]")
    await session.room(room_id).accept_invite()
    await eventually(lambda: recorder.room(room_id).membership is Membership.JOIN)
    assert recorder.room(room_id).is_direct
    await session.close()

    from app.store.cache import delete_cache_files

    delete_cache_files(Profile.load().paths.cache_db)
    session = Session(Profile.load())
    recorder = Recorder(session)
    assert await session.restore()
    session.start()
    await session.wait_synced()
    room = recorder.room(room_id)
    assert room.is_direct and room.name == "Camille Martin [Intérieur]"
    await session.close()


async def test_invalid_token_goes_back_to_sign_in(synapse, make_user, tchap_home, keyring_backend):
    alice = make_user("revoked")
    session, recorder = await signed_in(synapse, alice)
    # Another device (or an admin) logs this device out: the token dies server-side.
    await api(session, "POST", "/_matrix/client/v3/logout")
    await eventually(lambda: SessionState.TOKEN_INVALID in recorder.states(), timeout=60)
    assert Profile.load().read_account() is None
    await session.close()


# -- messages ---------------------------------------------------------------------------------


async def test_encrypted_exchange_with_nio(
    synapse, make_user, tchap_home, keyring_backend, nio_peer
):
    alice, bob = make_user("alice"), make_user("bob")
    session, recorder = await signed_in(synapse, alice)
    peer = await nio_peer(bob)
    room_id = await session.create_direct_chat(bob.user_id)
    assert recorder.room(room_id).is_direct and recorder.room(room_id).is_encrypted
    await peer.join(room_id)
    await eventually(lambda: recorder.room(room_id).member_count == 2)

    await session.room(room_id).send_text("Bonjour **Bob**")
    received = await peer.wait_for_text(room_id, "Bonjour **Bob**")
    assert received.decrypted
    assert received.source["content"]["formatted_body"] == "Bonjour <strong>Bob</strong>"
    await eventually(
        lambda: recorder.item(room_id, body="Bonjour **Bob**").send_state is SendState.SENT
    )

    await peer.send_text(room_id, "Bien reçu, Alice")
    await eventually(lambda: recorder.item(room_id, body="Bien reçu, Alice") is not None)
    reply = recorder.item(room_id, body="Bien reçu, Alice")
    assert reply.encrypted and reply.kind is ItemKind.TEXT and not reply.is_own
    await session.close()


async def test_encrypted_exchange_with_mautrix(
    synapse, make_user, tchap_home, keyring_backend, mautrix_peer
):
    alice, carol = make_user("alice"), make_user("carol")
    session, recorder = await signed_in(synapse, alice)
    peer = await mautrix_peer(carol)
    room_id = await session.create_private_room("Interop")
    await api(session, 
        "POST", f"/_matrix/client/v3/rooms/{room_id}/invite", {"user_id": carol.user_id}
    )
    await peer.join(room_id)
    await eventually(lambda: recorder.room(room_id).member_count == 2)
    await session.room(room_id).send_text("vers python-olm")
    await peer.wait_for_text(room_id, "vers python-olm")
    await peer.send_text(room_id, "depuis python-olm")
    await eventually(lambda: recorder.item(room_id, body="depuis python-olm") is not None)
    assert recorder.item(room_id, body="depuis python-olm").encrypted
    await session.close()


async def test_keys_and_messages_of_many_rooms_in_one_sync(
    synapse, make_user, tchap_home, keyring_backend, nio_peer, monkeypatch
):
    """nio gets a sync in parts (one room each here): the to-device keys come first, so the
    messages of every room, in later parts, decrypt."""
    from app.crypto import engine as crypto

    monkeypatch.setattr(crypto, "NIO_ROOMS_PER_PART", 1)
    alice, bob = make_user("alice"), make_user("bob")
    session, recorder = await signed_in(synapse, alice)
    peer = await nio_peer(bob)
    rooms = [await peer.create_room(encrypted=True, invite=[alice.user_id]) for _ in range(3)]
    await eventually(lambda: all(recorder.room(r) is not None for r in rooms))
    for room_id in rooms:
        await session.room(room_id).accept_invite()
        await peer.wait_member(room_id, alice.user_id)
    await session.close()  # while away, three rooms get a message each: one sync on return

    for n, room_id in enumerate(rooms):
        await peer.send_text(room_id, f"message chiffré {n}")
    session = Session(Profile.load())
    recorder = Recorder(session)
    assert await session.restore()
    session.start()
    for n, room_id in enumerate(rooms):
        await eventually(lambda r=room_id, n=n: recorder.item(r, body=f"message chiffré {n}"))
        item = recorder.item(room_id, body=f"message chiffré {n}")
        assert item.kind is ItemKind.TEXT
        # Decrypted as it came in, not by the later retry of undecryptable events.
        assert not any(isinstance(e, EventChanged) and e.key == item.key for e in recorder.events)
    await session.close()


async def test_key_that_arrives_late(synapse, make_user, tchap_home, keyring_backend, nio_peer):
    alice, bob = make_user("alice"), make_user("bob")
    session, recorder = await signed_in(synapse, alice)
    peer = await nio_peer(bob)
    room_id = await peer.create_room(encrypted=True, invite=[alice.user_id])
    await eventually(lambda: recorder.room(room_id) is not None)
    await session.room(room_id).accept_invite()
    await eventually(lambda: recorder.room(room_id).membership is Membership.JOIN)
    await peer.wait_member(room_id, alice.user_id)

    event_id = await peer.send_text_withholding_key(room_id, "secret tardif")
    await eventually(lambda: recorder.item_by_key(room_id, event_id) is not None)
    assert recorder.item_by_key(room_id, event_id).kind is ItemKind.UNDECRYPTABLE
    assert recorder.room(room_id).last_undecryptable

    await peer.release_withheld_keys()
    await eventually(lambda: recorder.item_by_key(room_id, event_id).kind is ItemKind.TEXT)
    assert recorder.item_by_key(room_id, event_id).body == "secret tardif"
    assert any(isinstance(e, EventChanged) and e.key == event_id for e in recorder.events)
    await session.close()


async def test_history_pages_back(synapse, make_user, tchap_home, keyring_backend, nio_peer):
    """A room joined with a long history: the sync gives the last page, the rest pages back."""
    alice, bob = make_user("alice"), make_user("bob")
    peer = await nio_peer(bob)
    room_id = await peer.create_room(encrypted=False, invite=[alice.user_id], name="Archives")
    for n in range(45):
        await peer.send_text(room_id, f"message {n:02d}")
    session, recorder = await signed_in(synapse, alice)
    await eventually(lambda: recorder.room(room_id) is not None)
    await session.room(room_id).accept_invite()
    await eventually(lambda: recorder.item(room_id, body="message 44") is not None)
    first = [i.body for i in await session.room(room_id).timeline(500) if i.kind is ItemKind.TEXT]
    assert "message 44" in first and "message 00" not in first
    await session.close()

    session = Session(Profile.load())  # history paging also works after a restart
    recorder = Recorder(session)
    assert await session.restore()
    session.start()
    for _ in range(10):
        if await session.room(room_id).load_older(limit=20) == 0:
            break
    bodies = [i.body for i in await session.room(room_id).timeline(500) if i.kind is ItemKind.TEXT]
    assert bodies == [f"message {n:02d}" for n in range(45)]
    pages = [e for e in recorder.events if isinstance(e, MessagesPrepended)]
    assert pages and pages[-1].reached_start
    await session.close()


async def test_outbox_survives_dead_server_and_restart(
    tmp_path, make_user, tchap_home, keyring_backend
):
    """Messages typed while the server is down go out once, in order, when it is back."""
    from devtools.homeserver import Homeserver

    hs = Homeserver(tmp_path / "hs")
    hs.start()
    try:
        session, recorder, room_id, bob = await alice_and_bob_in_a_room(hs, tmp_path)

        hs.stop()
        for n in range(3):
            await session.room(room_id).send_text(f"pendant la coupure {n}")
        await eventually(lambda: SessionState.RECONNECTING in recorder.states(), timeout=60)
        pending = [
            i for i in await session.room(room_id).timeline(50) if i.send_state is SendState.SENDING
        ]
        assert len(pending) == 3
        await session.close()  # the app quits (or crashes) with the server still down

        hs.start()
        session = Session(Profile.load())
        assert await session.restore()
        session.start()
        for n in range(3):
            await bob.wait_for_text(room_id, f"pendant la coupure {n}", timeout=60)
        bodies = [e.body for e in bob.received if e.body.startswith("pendant la coupure")]
        assert bodies == [f"pendant la coupure {n}" for n in range(3)]  # once each, in order
        await bob.close()
        await session.close()
    finally:
        hs.stop()


@pytest.mark.parametrize("cache_lags", [False, True], ids=["cache-knows", "cache-lags"])
async def test_no_plaintext_send_without_crypto_store(
    synapse, make_user, tchap_home, keyring_backend, cache_lags
):
    """Never a message in clear in an encrypted room: not without the crypto store, not even
    when the cache has not yet seen the room's m.room.encryption event."""
    alice = make_user("alice")
    session, recorder = await signed_in(synapse, alice)
    room_id = await session.create_private_room("Chiffré")
    if cache_lags:  # as when a sync shows a room before its encryption event
        await session.cache.call(
            lambda c: c.execute(
                "DELETE FROM state WHERE type = 'm.room.encryption' AND room_id = ?", (room_id,)
            )
        )
    session.services.client.olm = None  # as if nio had been built without its store
    await session.room(room_id).send_text("ne doit jamais partir en clair")
    await eventually(lambda: recorder.item(room_id, body="ne doit jamais partir en clair").send_state
                     is SendState.FAILED)  # fmt: skip
    messages = await api(session, 
        "GET", f"/_matrix/client/v3/rooms/{room_id}/messages?dir=b&limit=50"
    )
    assert not any(e.get("type") == "m.room.message" for e in messages["chunk"])
    await session.close()


async def test_secrets_never_in_logs(synapse, make_user, tchap_home, keyring_backend, request):
    """Token, password and message bodies never reach the log file, even at debug level."""
    from app.platform.logs import remove_handlers, setup_logging

    profile = Profile.load()
    setup_logging(profile.paths, "debug")
    request.addfinalizer(remove_handlers)
    alice = make_user("logs")
    session, recorder = await signed_in(synapse, alice)
    room_id = await session.create_private_room("Journal")
    await session.room(room_id).send_text("corps-du-message-secret")
    await eventually(lambda: recorder.item(room_id, body="corps-du-message-secret").send_state
                     is SendState.SENT)  # fmt: skip
    token = json.loads(profile.secrets.get(secret_name(alice.user_id)))["access_token"]
    await session.close()
    text = "".join(p.read_text() for p in profile.paths.log_dir.glob("*.log*"))
    assert "signed in" in text  # the log is really written
    for secret in (token, alice.password, "corps-du-message-secret"):
        assert secret not in text


async def test_no_keyring_stores_nothing_until_the_user_opts_in(synapse, make_user, tchap_home):
    import stat

    import keyring.backends.fail

    alice = make_user("nokeyring")
    previous = keyring.get_keyring()
    keyring.set_keyring(keyring.backends.fail.Keyring())
    try:
        session = Session(Profile.load())
        with pytest.raises(LoginFailed) as failed:
            await session.login(synapse.url, alice.user_id, alice.password)
        assert failed.value.kind is LoginError.KEYRING_UNAVAILABLE
        assert not list(Path(tchap_home).rglob("secrets.json"))
        assert session.allow_plaintext_secrets()
        await session.login(synapse.url, alice.user_id, alice.password)
        assert session.secrets_in_plaintext
        await session.close()
        files = list(Path(tchap_home).rglob("secrets.json"))
        assert len(files) == 1 and stat.S_IMODE(files[0].stat().st_mode) == 0o600
        restored = Session(Profile.load())  # the opt-in was saved in the user's settings
        assert await restored.restore() and restored.secrets_in_plaintext
        await restored.logout()
        assert not files[0].exists() or "access_token" not in files[0].read_text()
    finally:
        keyring.set_keyring(previous)


async def test_restore_paints_from_the_cache_without_loading_the_network_stack(
    synapse, make_user, tchap_home, keyring_backend
):
    """A warm start reads the room list before nio and aiohttp (half a second) are imported."""
    import os
    import subprocess
    import sys

    alice = make_user("warm")
    session, recorder = await signed_in(synapse, alice)
    room_id = await session.create_private_room("Démarrage à chaud")
    await eventually(lambda: recorder.room(room_id) is not None)
    await session.close()
    probe = (
        "import asyncio, sys\n"
        "from app.platform.profile import Profile\n"
        "from app.session import Session\n"
        "async def main():\n"
        "    s = Session(Profile.load())\n"
        "    assert await s.restore()\n"
        "    names = [r.name for r in await s.room_summaries()]\n"
        "    print(names, sorted(m for m in ('nio', 'aiohttp', 'markdown_it') if m in sys.modules))\n"
        "    await s.close()\n"
        "asyncio.run(main())\n"
    )
    done = await asyncio.to_thread(
        subprocess.run,
        [sys.executable, "-c", probe], env={**os.environ, "TCHAP_HOME": str(tchap_home)},
        capture_output=True, text=True, timeout=60, check=True,
    )  # fmt: skip
    assert done.stdout.strip() == "['Démarrage à chaud'] []"


async def test_importing_an_unreadable_key_file_says_so(
    synapse, make_user, tchap_home, keyring_backend, tmp_path
):
    from app.core.errors import ActionError, ActionFailed

    alice = make_user("keys")
    session, _ = await signed_in(synapse, alice)
    bogus = tmp_path / "keys.txt"
    bogus.write_text(
        "-----BEGIN MEGOLM SESSION DATA-----\nbm90IGtleXM=\n-----END MEGOLM SESSION DATA-----\n"
    )
    with pytest.raises(ActionFailed) as failed:
        await session.import_keys(str(bogus), "wrong passphrase")
    assert failed.value.kind is ActionError.INVALID_FILE
    await session.close()
