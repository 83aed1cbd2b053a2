"""`make demo`: a local Tchap-like homeserver with French demo data, a bot, and the client.

Everything lives under `demo-data/` at the repository root (delete it to start over):
`homeserver/` (Synapse), `mail/` (what it mailed: links are printed too), `client/` (the app's TCHAP_HOME, profile "demo"), `peers/` (the demo users'
devices), `keyring/` (a demo gnome-keyring, only on machines without a usable keyring).
"""

from __future__ import annotations

import asyncio
import logging
import os
import shutil
import signal
import subprocess
import sys
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path

from devtools.demo_mail import DemoMailbox, email_config
from devtools.demo_rights import seed_rights
from devtools.homeserver import Homeserver, HomeserverError, port_is_free

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "demo-data"
SERVER_NAME = "tchap.localhost"
PREFERRED_PORT = 8448
PROFILE = "demo"
KEYRING_PASSWORD = "tchap-demo-keyring"  # the demo keyring's unlock password; not a real secret
SEEDED_MARKER = DATA / "homeserver" / "seeded"

ACCESS_RULES = "im.vector.room.access_rules"


@dataclass(frozen=True)
class DemoUser:
    """A demo account (the passwords are public: this is a local demo)."""

    localpart: str
    displayname: str
    email: str

    @property
    def user_id(self) -> str:
        """The full Matrix ID."""
        return f"@{self.localpart}:{SERVER_NAME}"

    @property
    def password(self) -> str:
        """The demo password."""
        return f"demo-password-{self.localpart}"


ALICE = DemoUser("alice", "Alice Durand [DINUM]", "alice.durand@numerique.gouv.fr")
CAMILLE = DemoUser("camille", "Camille Martin [Intérieur]", "camille.martin@interieur.gouv.fr")
LOUIS = DemoUser("louis", "Louis Bernard [Éducation]", "louis.bernard@education.gouv.fr")
SOPHIE = DemoUser("sophie", "Sophie Petit [Finances]", "sophie.petit@finances.gouv.fr")
USERS = (ALICE, CAMILLE, LOUIS, SOPHIE)


def say(text: str) -> None:
    """One line of the demo's own output."""
    print(f"[demo] {text}", flush=True)


# -- keyring ------------------------------------------------------------------------------------


def keyring_usable() -> bool:
    """True if the OS keyring answers (a Secret Service, Keychain, Windows vault...)."""
    # In a child process: keyring caches its backend, and a failed probe here must not stick.
    probe = "import keyring; keyring.get_keyring().get_password('tchap-demo', 'probe')"
    result = subprocess.run(
        [sys.executable, "-c", probe], check=False, capture_output=True, timeout=60
    )
    return result.returncode == 0


class DemoKeyring:
    """A private D-Bus session with a gnome-keyring kept in demo-data/keyring, unlocked."""

    def __init__(self) -> None:
        self._bus: subprocess.Popen | None = None

    def start(self) -> bool:
        """Start the bus and the keyring and point this process (and its children) at them."""
        missing = [p for p in ("dbus-daemon", "gnome-keyring-daemon") if not shutil.which(p)]
        if missing:
            say(f"no usable keyring and {', '.join(missing)} missing: the client cannot keep")
            say("its sign-in. Install them: sudo apt-get install dbus-daemon gnome-keyring")
            return False
        # Own process group: a Ctrl+C must not kill the bus before the client has quit.
        self._bus = subprocess.Popen(
            ["dbus-daemon", "--session", "--nofork", "--print-address=1"],
            stdout=subprocess.PIPE,
            text=True,
            start_new_session=True,
        )
        os.environ["DBUS_SESSION_BUS_ADDRESS"] = self._bus.stdout.readline().strip()
        data_home = DATA / "keyring"
        data_home.mkdir(parents=True, exist_ok=True)
        out = subprocess.run(
            ["gnome-keyring-daemon", "--unlock", "--components=secrets"],
            input=KEYRING_PASSWORD,
            capture_output=True,
            text=True,
            env=dict(os.environ, XDG_DATA_HOME=str(data_home)),
            check=True,
        )
        for line in out.stdout.splitlines():
            name, _, value = line.partition("=")
            if name and value:
                os.environ[name] = value
        say(f"no usable keyring here: using a demo gnome-keyring in {data_home.relative_to(ROOT)}")
        return True

    def stop(self) -> None:
        """Stop the bus (gnome-keyring-daemon exits with it)."""
        if self._bus and self._bus.poll() is None:
            self._bus.terminate()
            self._bus.wait(10)


# -- homeserver ---------------------------------------------------------------------------------


def start_homeserver(mail_port: int) -> Homeserver:
    """Synapse for tchap.localhost on its last port (else 8448, else any), in demo-data/;
    its mail (registration, password reset) goes to the demo mailbox on `mail_port`."""
    port_file = DATA / "homeserver" / "port"
    last = int(port_file.read_text()) if port_file.exists() else PREFERRED_PORT
    port = next((p for p in (last, PREFERRED_PORT) if port_is_free(p)), None)
    # The "liste rouge" as on Tchap's servers: the directory searches everyone but those who
    # hide their profile (devtools/synapse_hide_profile.py, imported from the server's folder).
    (DATA / "homeserver").mkdir(parents=True, exist_ok=True)
    shutil.copy(ROOT / "devtools" / "synapse_hide_profile.py", DATA / "homeserver")
    hs = Homeserver(
        DATA / "homeserver",
        server_name=SERVER_NAME,
        port=port,
        extra_config={
            "room_list_publication_rules": [{"action": "allow"}],
            "user_directory": {"enabled": True, "search_all_users": True},
            "modules": [{"module": "synapse_hide_profile.HideProfileModule", "config": {}}],
            **email_config(mail_port),
        },
    )
    hs.start()
    port_file.write_text(str(hs.port))
    if hs.port != PREFERRED_PORT:
        say(f"port {PREFERRED_PORT} is busy or was busy: the homeserver uses {hs.port}")
    say(f"homeserver {SERVER_NAME} at {hs.url} (log: demo-data/homeserver/homeserver.log)")
    return hs


def register_users(hs: Homeserver) -> None:
    """Create the demo accounts with their e-mail addresses (again on a reused server: no-op)."""
    for user in USERS:
        try:
            hs.register_user(
                user.localpart, user.password, displayname=user.displayname, email=user.email
            )
        except HomeserverError as e:
            if "M_USER_IN_USE" not in str(e):
                raise


# -- the client's account -----------------------------------------------------------------------


async def sign_in_client(hs: Homeserver) -> str:
    """Sign Alice's client in once (profile "demo"); return its device ID."""
    from app.platform.profile import Profile
    from app.session import Session

    profile = Profile.load(PROFILE)
    account = profile.read_account()
    if account and account.get("homeserver", "").rstrip("/") != hs.url:
        # The port moved since the last run: same server, same account, new address.
        profile.write_account({**account, "homeserver": hs.url})
    # Agents sign in with their email: the demo's ministry domain is in the configuration's
    # table, so the client finds the demo server the way it finds an agent's (no server typed).
    domain = ALICE.email.rsplit("@", 1)[1]
    if profile.config.get("email_domains").get(domain) != hs.url:
        profile.config.set("email_domains", {domain: hs.url})
    session = Session(profile)
    if await session.restore():
        say("the client is already signed in as Alice")
    else:
        found = await session.access.find_server(ALICE.email)
        say(f"signing the client in as {ALICE.displayname} with {ALICE.email}: "
            f"server {found.homeserver} found through the email domains table")  # fmt: skip
        await session.login(found.homeserver, ALICE.email, ALICE.password)
    await session.close()
    account = profile.read_account() or {}
    return account.get("device_id", "")


async def wait_device_keys(
    hs: Homeserver, user_id: str, device_id: str, timeout: float = 30
) -> None:
    """Wait until the homeserver publishes the keys of `device_id` (so peers can share with it)."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    token = await asyncio.to_thread(hs.admin_token)
    body = {"device_keys": {user_id: []}}
    while loop.time() < deadline:
        answer = await asyncio.to_thread(
            hs.request, "POST", "/_matrix/client/v3/keys/query", body, token
        )
        devices = answer.get("device_keys", {}).get(user_id, {})
        if device_id in devices or (not device_id and devices):
            return
        await asyncio.sleep(0.5)
    raise TimeoutError("the client's device keys never reached the homeserver")


# -- seeding ------------------------------------------------------------------------------------


def _state(event_type: str, content: dict) -> dict:
    return {"type": event_type, "state_key": "", "content": content}


async def seed_rooms(hs: Homeserver, client_device: str) -> None:
    """The demo's rooms and history, written after the client's device exists (E2EE history)."""
    from devtools.peers import NioPeer

    peers_dir = DATA / "peers"

    def peer(user: DemoUser, **kwargs) -> NioPeer:
        home = peers_dir / user.localpart
        home.mkdir(parents=True, exist_ok=True)
        return NioPeer(hs.url, user.user_id, user.password, home / "store", **kwargs)

    # Camille's device is the bot's (same session file); Alice writes her past lines from a
    # temporary device, logged out at the end: the client got the keys of everything.
    camille = peer(CAMILLE, session_file=peers_dir / "camille" / "session.json")
    louis = peer(LOUIS, session_file=peers_dir / "louis" / "session.json")
    sophie = peer(SOPHIE, session_file=peers_dir / "sophie" / "session.json")
    alice = peer(ALICE, device_name="Import de l'historique (démo)")
    everyone = (camille, louis, sophie, alice)
    for p in everyone:
        await p.start()
    try:
        await _seed_forum(louis, sophie, camille, alice)
        await _seed_project(camille, louis, sophie, alice, client_device)
        await _seed_direct(camille, alice, client_device)
        await _seed_externals(louis, alice, client_device)
        await _seed_invite(sophie, louis, client_device)
        await seed_rights(alice, camille, louis, sophie, say)  # devtools/demo_rights.py (h12)
    finally:
        await alice.logout()
        for p in (camille, louis, sophie):
            await p.close()


async def _everyone_in(room_id: str, creator, joiners) -> None:
    for p in joiners:
        await p.join(room_id)
    for p in (creator, *joiners):
        for other in (creator, *joiners):
            await p.wait_member(room_id, other.user_id)


async def _say_all(room_id: str, lines, *, check_device: str | None = None) -> None:
    for p, body, *html in lines:
        await p.send_text(room_id, body, html=html[0] if html else None)
        missed = check_device and (ALICE.user_id, check_device) not in p.shared_with(room_id)
        if missed and p.user_id != ALICE.user_id:
            say(f"warning: {p.user_id}'s key did not reach the client's device")
        await asyncio.sleep(0.2)  # distinct timestamps, natural order


async def _seed_forum(louis, sophie, camille, alice) -> None:
    from nio import RoomPreset, RoomVisibility

    room_id = await louis.create_room(
        encrypted=False,
        name="Télétravail",
        topic="Bonnes pratiques et entraide autour du télétravail",
        preset=RoomPreset.public_chat,
        visibility=RoomVisibility.public,
        alias="teletravail",
        initial_state=[
            _state(ACCESS_RULES, {"rule": "restricted"}),
            _state("m.room.history_visibility", {"history_visibility": "shared"}),
        ],
    )
    await _everyone_in(room_id, louis, (sophie, camille, alice))
    await _say_all(
        room_id,
        [
            (louis, "Bonjour à tous ! Ce salon sert à partager nos astuces de télétravail."),
            (sophie, "Merci Louis. Des conseils pour les visios avec une connexion fragile ?"),
            (camille, "Couper la caméra aide beaucoup, et un partage d'écran en 720p suffit."),
            (alice, "Je confirme. Pensez aussi à la réduction de bruit du micro 🎧"),
            (
                louis,
                "Rappel : la charte du télétravail a été mise à jour, elle est sur l'intranet.",
            ),
        ],
    )
    await _seed_relations(room_id, louis, sophie, camille)
    await _seed_changes(room_id, louis, sophie)
    say("seeded the public salon « Télétravail »")


async def _seed_changes(room_id: str, louis, sophie) -> None:
    """Room changes the timeline words as sentences: a new topic, a moderator named."""
    topic = "Bonnes pratiques, matériel et entraide autour du télétravail"
    await louis.client.room_put_state(room_id, "m.room.topic", {"topic": topic})
    levels = (await louis.client.room_get_state_event(room_id, "m.room.power_levels")).content
    users = {**levels.get("users", {}), sophie.user_id: 50}
    await louis.client.room_put_state(room_id, "m.room.power_levels", {**levels, "users": users})
    await sophie.send_text(room_id, "Merci Louis, je modère le salon avec toi à partir d'aujourd'hui.")


async def _seed_relations(room_id: str, louis, sophie, camille) -> None:
    """A reply, reactions, an edit and a deletion, as other clients send them."""

    async def send(peer, event_type: str, content: dict) -> str:
        resp = await peer.client.room_send(room_id, event_type, content,
                                           ignore_unverified_devices=True)  # fmt: skip
        return getattr(resp, "event_id", "")

    question = await sophie.send_text(room_id, "Quelqu'un a testé le nouveau VPN depuis chez soi ?")
    await send(camille, "m.room.message", {
        "msgtype": "m.text",
        "body": f"> <{sophie.user_id}> Quelqu'un a testé le nouveau VPN depuis chez soi ?\n\n"
                "Oui, il tient très bien la charge.",
        "m.relates_to": {"m.in_reply_to": {"event_id": question}},
        "m.mentions": {"user_ids": [sophie.user_id]}})  # fmt: skip
    many = ("👀", "🙏", "✅", "💡", "🚀", "☕", "📌", "🔥", "👏", "🤝", "📅", "🙌")  # chips on
    reactions = [(louis, "👍"), (camille, "👍"), (louis, "🎉")]  # several lines when narrow
    reactions += [((louis, camille)[n % 2], key) for n, key in enumerate(many)]
    for peer, key in reactions:
        await send(peer, "m.reaction", {"m.relates_to": {
            "rel_type": "m.annotation", "event_id": question, "key": key}})  # fmt: skip
    note = await louis.send_text(room_id, "La mise à jour du VPN est prévue lundi.")
    await send(louis, "m.room.message", {
        "msgtype": "m.text", "body": "* La mise à jour du VPN est prévue mardi.",
        "m.new_content": {"msgtype": "m.text", "body": "La mise à jour du VPN est prévue mardi."},
        "m.relates_to": {"rel_type": "m.replace", "event_id": note}})  # fmt: skip
    oops = await camille.send_text(room_id, "message envoyé dans le mauvais salon")
    await camille.client.room_redact(room_id, oops, reason="mauvais salon")


async def _seed_project(camille, louis, sophie, alice, client_device: str) -> None:
    room_id = await camille.create_room(
        encrypted=True,
        name="Projet Tchap Desktop",
        topic="Suivi du client de bureau",
        invite=[louis.user_id, sophie.user_id, alice.user_id],
        initial_state=[_state(ACCESS_RULES, {"rule": "restricted"})],
    )
    await _everyone_in(room_id, camille, (louis, sophie, alice))
    agenda = (
        "**Ordre du jour** de jeudi :\n"
        "- point sur la maquette\n"
        "- tests du chiffrement de bout en bout\n"
        "- retours des utilisateurs pilotes"
    )
    agenda_html = (
        "<strong>Ordre du jour</strong> de jeudi :<ul><li>point sur la maquette</li>"
        "<li>tests du chiffrement de bout en bout</li><li>retours des utilisateurs pilotes</li>"
        "</ul>"
    )
    await _say_all(
        room_id,
        [
            (camille, "Bienvenue dans le salon du projet ! On y suit le client de bureau."),
            (louis, "La première version tourne sous Linux, Windows et macOS 🎉"),
            (camille, agenda, agenda_html),
            (sophie, "Je m'occupe des retours des pilotes, j'ai déjà une dizaine de réponses."),
            (alice, "Parfait, je prépare la démonstration pour jeudi."),
        ],
        check_device=client_device,
    )
    last = [e for e in alice.received if e.source.get("room_id") == room_id]
    if last:  # Louis and Sophie have read Alice's last line: their avatars under it
        for p in (louis, sophie):
            await p.client.room_read_markers(room_id, last[-1].event_id, last[-1].event_id)
    # Alice keeps the project among her favourites (a tag: every client of hers shows it so).
    tag_path = f"/_matrix/client/v3/user/{alice.user_id}/rooms/{room_id}/tags/m.favourite"
    await alice._request("PUT", tag_path, {"order": 0.1})
    say("seeded the private encrypted salon « Projet Tchap Desktop » (a favourite of Alice's)")


async def _seed_externals(louis, alice, client_device: str) -> None:
    """A private salon open to externals (access rule "unrestricted"): its own icon."""
    room_id = await louis.create_room(
        encrypted=True,
        name="France Services — partenaires",
        topic="Coordination avec les prestataires du programme",
        invite=[alice.user_id],
        initial_state=[_state(ACCESS_RULES, {"rule": "unrestricted"}),
                       _state("m.room.history_visibility", {"history_visibility": "invited"})],
    )  # fmt: skip
    await _everyone_in(room_id, louis, (alice,))
    await _say_all(
        room_id,
        [(louis, "Ce salon est ouvert à nos partenaires externes : rien de confidentiel ici.")],
        check_device=client_device,
    )
    say("seeded the salon open to externals « France Services — partenaires »")


async def _seed_direct(camille, alice, client_device: str) -> None:
    room_id = await camille.create_room(
        encrypted=True,
        invite=[alice.user_id],
        is_direct=True,
        initial_state=[_state(ACCESS_RULES, {"rule": "direct"})],
    )
    await camille.set_direct(room_id, alice.user_id)
    await _everyone_in(room_id, camille, (alice,))
    await alice.set_direct(room_id, camille.user_id)
    await _say_all(
        room_id,
        [
            (camille, "Salut Alice, tu as pu regarder la nouvelle maquette ?"),
            (alice, "Oui, c'est très clair. J'ai juste une remarque sur la liste des salons."),
            (camille, "Super, on en parle jeudi ! Écris-moi ici si besoin, je réponds vite 🙂"),
        ],
        check_device=client_device,
    )
    say("seeded the encrypted direct chat with Camille")


async def _seed_invite(sophie, louis, client_device: str) -> None:
    room_id = await sophie.create_room(
        encrypted=True,
        name="Réseau des référents numériques",
        topic="Échanges entre référents numériques des ministères",
        invite=[louis.user_id, ALICE.user_id],
        initial_state=[_state(ACCESS_RULES, {"rule": "restricted"})],
    )
    await _everyone_in(room_id, sophie, (louis,))
    await _say_all(
        room_id,
        [
            (sophie, "Bienvenue dans le réseau des référents numériques !"),
            (louis, "Prochaine rencontre le 12 : thème « accessibilité des services en ligne »."),
        ],
        check_device=client_device,
    )
    say("invited Alice to « Réseau des référents numériques »")


# -- running ------------------------------------------------------------------------------------


def seed_other_session(hs: Homeserver) -> None:
    """A second session of Alice's (her phone), for Settings → Sessions to show and sign out."""
    phone = hs.login(ALICE.user_id, ALICE.password)
    hs.request("PUT", f"/_matrix/client/v3/devices/{phone['device_id']}",
               {"display_name": "Tchap Android"}, token=phone["access_token"])  # fmt: skip


async def run(hs: Homeserver) -> int:
    """Sign in, seed once, start the bot and the client; return the client's exit code."""
    from devtools.demo_bot import DemoBot
    from devtools.demo_directory import seed_directory

    device_id = await sign_in_client(hs)
    await wait_device_keys(hs, ALICE.user_id, device_id)
    if not SEEDED_MARKER.exists():
        say("first run: writing the demo history (about 20 s)")
        await seed_rooms(hs, device_id)
        seed_other_session(hs)
        SEEDED_MARKER.write_text("seeded\n")
    seed_directory(hs, DATA / "homeserver" / "seeded-directory")  # people and forums (h14)

    bot = DemoBot(hs.url, CAMILLE.user_id, CAMILLE.password, DATA / "peers" / "camille",
                  ALICE.user_id)  # fmt: skip
    await bot.start()
    say("Camille (bot) answers your messages in your direct chat")
    domain = ALICE.email.rsplit("@", 1)[1]
    say(f"signed out, « Créer un compte » and « Mot de passe oublié ? » find this server from "
        f"any address @{domain}, as the sign-in does (no server to type)")  # fmt: skip
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    say("starting Tchap Desktop (profile demo); Ctrl+C here stops everything")
    # Own session: Ctrl+C reaches only this launcher, which then stops the client in order.
    client = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "tchap_desktop", "--profile", PROFILE, cwd=ROOT, start_new_session=True
    )
    waiter = asyncio.create_task(client.wait())
    stopper = asyncio.create_task(stop.wait())
    try:
        await asyncio.wait({waiter, stopper}, return_when=asyncio.FIRST_COMPLETED)
        if not waiter.done():
            say("stopping the client")
            client.terminate()
            try:
                await asyncio.wait_for(asyncio.shield(waiter), 10)
            except TimeoutError:
                client.kill()
                await waiter
        return client.returncode or 0
    finally:
        stopper.cancel()
        for sig in (signal.SIGINT, signal.SIGTERM):
            loop.remove_signal_handler(sig)
        await bot.close()


def main() -> int:
    """Entry point of `python -m devtools.demo`."""
    DATA.mkdir(exist_ok=True)
    # The peers' libraries log chatty warnings ("Missing session for device"): keep errors only.
    logging.basicConfig(level=logging.ERROR, format="[%(name)s] %(levelname)s %(message)s")
    os.environ["TCHAP_HOME"] = str(DATA / "client")  # never the user's real profile
    demo_keyring = DemoKeyring()
    if keyring_usable():
        say("using this session's keyring for the demo profile's sign-in")
    else:
        demo_keyring.start()
    hs = None
    mailbox = DemoMailbox(DATA / "mail", say)
    try:
        hs = start_homeserver(mailbox.start())
        register_users(hs)
        code = asyncio.run(run(hs))
        say("bye")
        return code
    except KeyboardInterrupt:
        say("interrupted")
        return 130
    finally:
        if hs:
            hs.stop()
        mailbox.stop()
        demo_keyring.stop()


if __name__ == "__main__":
    with suppress(KeyboardInterrupt):
        sys.exit(main())
