"""A real Synapse on 127.0.0.1, for the tests, the demo and the benchmarks.

Blocking code on purpose (subprocess + urllib): this is a test bed, not part of the app.
"""

from __future__ import annotations

import copy
import hashlib
import hmac
import json
import secrets
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path
from typing import Any, Self

import yaml

# Every Synapse rate limit, with the sub-keys each one takes (None: a plain rate limit).
_RATE_LIMITS: dict[str, tuple[str, ...] | None] = {
    "rc_message": None,
    "rc_registration": None,
    "rc_login": ("address", "account", "failed_attempts"),
    "rc_joins": ("local", "remote"),
    "rc_joins_per_room": None,
    "rc_3pid_validation": None,
    "rc_invites": ("per_room", "per_user", "per_issuer"),
    "rc_third_party_invite": None,
    "rc_media_create": None,
    "rc_key_requests": None,
    "rc_room_creation": None,
    "rc_user_directory": None,
    "rc_profile": None,
    "rc_admin_redaction": None,
    "rc_presence": ("per_user",),
    "rc_delayed_event_mgmt": None,
    "rc_reports": None,
}
_RELAXED = {"per_second": 10000, "burst_count": 100000}


class HomeserverError(RuntimeError):
    """Synapse did not start, or an admin call failed."""


def free_port() -> int:
    """A TCP port free on 127.0.0.1 right now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def port_is_free(port: int) -> bool:
    """True if nothing listens on 127.0.0.1:port."""
    with socket.socket() as s:
        # As Synapse binds: connections of a previous run in TIME_WAIT do not make it busy.
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            s.bind(("127.0.0.1", port))
        except OSError:
            return False
        return True


def stop_process(proc: subprocess.Popen | None, timeout: float) -> None:
    """SIGTERM a server process and wait for it (killed after `timeout` s); None or ended: nothing."""
    if proc is None or proc.poll() is not None:
        return
    proc.send_signal(signal.SIGTERM)
    try:
        proc.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


def deep_merge(base: dict, extra: dict) -> dict:
    """`base` updated in place with `extra`, recursing into nested dicts."""
    for key, value in extra.items():
        if isinstance(value, dict) and isinstance(base.get(key), dict):
            deep_merge(base[key], value)
        else:
            base[key] = copy.deepcopy(value)
    return base


class Homeserver:
    """One Synapse process with its config, SQLite database and media under `base_dir`."""

    def __init__(
        self,
        base_dir: Path,
        *,
        server_name: str = "localhost",
        port: int | None = None,
        relaxed_limits: bool = True,
        extra_config: dict | None = None,
    ) -> None:
        self.base_dir = Path(base_dir)
        self.server_name = server_name
        self.port = port or 0
        self.relaxed_limits = relaxed_limits
        self.extra_config = copy.deepcopy(extra_config or {})
        self.log_path = self.base_dir / "homeserver.log"
        self.config_path = self.base_dir / "homeserver.yaml"
        self.registration_secret = ""
        self._rate_overrides: dict[str, dict] = {}
        self._proc: subprocess.Popen | None = None
        self._admin_token: str | None = None

    @property
    def url(self) -> str:
        """Base URL of the client API."""
        return f"http://127.0.0.1:{self.port}"

    # -- config ------------------------------------------------------------------------------

    def write_config(self) -> Path:
        """(Re)write homeserver.yaml; keep the signing key, database and media across calls."""
        self.base_dir.mkdir(parents=True, exist_ok=True)
        if not self.port:
            self.port = free_port()
        self.registration_secret = self._persistent_secret()
        key_path = self.base_dir / "signing.key"
        if not key_path.exists():
            # signedjson directly: milliseconds, where `--generate-config` takes over a second.
            from signedjson.key import generate_signing_key, write_signing_keys

            with key_path.open("w") as f:
                write_signing_keys(f, [generate_signing_key("a_" + secrets.token_hex(2))])
        log_config = self.base_dir / "log.yaml"
        log_config.write_text(yaml.safe_dump(self._log_config()))
        config: dict[str, Any] = {
            "server_name": self.server_name,
            "public_baseurl": self.url + "/",
            "pid_file": str(self.base_dir / "homeserver.pid"),
            "listeners": [
                {
                    "port": self.port,
                    "bind_addresses": ["127.0.0.1"],
                    "type": "http",
                    "tls": False,
                    "x_forwarded": False,
                    "resources": [{"names": ["client"], "compress": False}],
                }
            ],
            "database": {
                "name": "sqlite3",
                "args": {"database": str(self.base_dir / "homeserver.db")},
            },
            "log_config": str(log_config),
            "media_store_path": str(self.base_dir / "media_store"),
            "signing_key_path": str(key_path),
            "registration_shared_secret": self.registration_secret,
            "enable_registration": False,
            "report_stats": False,
            "trusted_key_servers": [],
            "suppress_key_server_warning": True,
            "federation_domain_whitelist": [],
            "bcrypt_rounds": 4,
            "presence": {"enabled": False},
        }
        if self.relaxed_limits:
            for name, subkeys in _RATE_LIMITS.items():
                config[name] = (
                    dict(_RELAXED) if subkeys is None else {k: dict(_RELAXED) for k in subkeys}
                )
        deep_merge(config, self._rate_overrides)
        deep_merge(config, self.extra_config)
        self.config_path.write_text(yaml.safe_dump(config, sort_keys=False))
        return self.config_path

    def _persistent_secret(self) -> str:
        # Kept in a file so a reused directory (the demo) keeps the same secret and admin password.
        path = self.base_dir / "registration_secret"
        if not path.exists():
            path.write_text(secrets.token_hex(32))
            path.chmod(0o600)
        return path.read_text().strip()

    def _log_config(self) -> dict:
        return {
            "version": 1,
            "formatters": {
                "precise": {
                    "format": "%(asctime)s - %(name)s - %(lineno)d - %(levelname)s - "
                    "%(request)s - %(message)s"
                }
            },
            "handlers": {
                "file": {
                    "class": "logging.FileHandler",
                    "formatter": "precise",
                    "filename": str(self.log_path),
                    "filters": ["context"],
                    "encoding": "utf8",
                }
            },
            "filters": {"context": {"()": "synapse.logging.context.LoggingContextFilter"}},
            "loggers": {"synapse.storage.SQL": {"level": "INFO"}},
            "root": {"level": "INFO", "handlers": ["file"]},
            "disable_existing_loggers": False,
        }

    # -- process -----------------------------------------------------------------------------

    def start(self, timeout: float = 60) -> None:
        """Start Synapse and wait until it answers /_matrix/client/versions."""
        if self._proc and self._proc.poll() is None:
            return
        self.write_config()
        out = (self.base_dir / "stdout.log").open("ab")
        self._proc = subprocess.Popen(
            [sys.executable, "-m", "synapse.app.homeserver", "-c", str(self.config_path)],
            cwd=self.base_dir,
            stdout=out,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            # Own process group: a Ctrl+C in the demo's terminal must not kill Synapse before
            # the demo stops it in order.
            start_new_session=True,
        )
        out.close()
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self._proc.poll() is not None:
                raise HomeserverError(
                    f"Synapse exited with {self._proc.returncode}; see {self.log_path} "
                    f"and {self.base_dir / 'stdout.log'}"
                )
            try:
                with urllib.request.urlopen(self.url + "/_matrix/client/versions", timeout=1):
                    return
            except (urllib.error.URLError, ConnectionError, OSError):
                time.sleep(0.05)
        self.stop()
        raise HomeserverError(f"Synapse did not answer within {timeout}s; see {self.log_path}")

    def stop(self) -> None:
        """SIGTERM Synapse and wait for it; does nothing if it is not running."""
        proc, self._proc = self._proc, None
        stop_process(proc, 15)

    @property
    def running(self) -> bool:
        """True while the Synapse process is alive."""
        return self._proc is not None and self._proc.poll() is None

    def restart(self) -> None:
        """Stop, rewrite the config and start again (same port, same data)."""
        self.stop()
        self.start()

    def __enter__(self) -> Self:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def log_tail(self, lines: int = 60) -> str:
        """The last `lines` lines of Synapse's log (empty if none)."""
        try:
            text = self.log_path.read_text(errors="replace")
        except FileNotFoundError:
            return ""
        return "\n".join(text.splitlines()[-lines:])

    # -- HTTP --------------------------------------------------------------------------------

    def request(
        self, method: str, path: str, body: dict | None = None, token: str | None = None
    ) -> dict:
        """One JSON call to the homeserver; raises HomeserverError on an HTTP error."""
        data = json.dumps(body).encode() if body is not None else None
        req = urllib.request.Request(self.url + path, data=data, method=method)
        req.add_header("Content-Type", "application/json")
        if token:
            req.add_header("Authorization", f"Bearer {token}")
        try:
            with urllib.request.urlopen(req, timeout=30) as resp:
                return json.loads(resp.read() or b"{}")
        except urllib.error.HTTPError as e:
            detail = e.read().decode(errors="replace")
            # Never put the body (may hold a password) in the message: only the path's route.
            route = path.split("?")[0]
            raise HomeserverError(f"{method} {route} → {e.code}: {detail}") from None

    # -- users -------------------------------------------------------------------------------

    def register_user(
        self,
        localpart: str,
        password: str,
        *,
        admin: bool = False,
        displayname: str | None = None,
        email: str | None = None,
    ) -> str:
        """Register a user with the shared secret; bind `email` as a 3PID; return the user ID."""
        path = "/_synapse/admin/v1/register"
        nonce = self.request("GET", path)["nonce"]
        mac = hmac.new(self.registration_secret.encode(), digestmod=hashlib.sha1)
        mac.update(b"\x00".join([nonce.encode(), localpart.encode(), password.encode()]))
        mac.update(b"\x00admin" if admin else b"\x00notadmin")
        body = {
            "nonce": nonce,
            "username": localpart,
            "password": password,
            "admin": admin,
            "mac": mac.hexdigest(),
        }
        if displayname:
            body["displayname"] = displayname
        user_id = self.request("POST", path, body)["user_id"]
        if email:
            self.bind_email(user_id, email)
        return user_id

    def bind_email(self, user_id: str, email: str) -> None:
        """Attach `email` to the account (so m.id.thirdparty login works)."""
        self.request(
            "PUT",
            "/_synapse/admin/v2/users/" + urllib.parse.quote(user_id),
            {"threepids": [{"medium": "email", "address": email}]},
            token=self.admin_token(),
        )

    def login(self, user_id: str, password: str) -> dict:
        """Password login; returns the JSON answer (access_token, device_id, user_id)."""
        return self.request(
            "POST",
            "/_matrix/client/v3/login",
            {
                "type": "m.login.password",
                "identifier": {"type": "m.id.user", "user": user_id},
                "password": password,
                "initial_device_display_name": "devtools",
            },
        )

    def admin_token(self) -> str:
        """An admin's access token; the admin account is created on the first call."""
        if self._admin_token is None:
            # Derived from the persistent secret, so a reused data directory can log in again.
            password = hashlib.sha256(("admin:" + self.registration_secret).encode()).hexdigest()
            user_id = f"@devtools-admin:{self.server_name}"
            try:
                self.register_user("devtools-admin", password, admin=True)
            except HomeserverError as e:
                if "M_USER_IN_USE" not in str(e):
                    raise
            self._admin_token = self.login(user_id, password)["access_token"]
        return self._admin_token

    def set_rate_limit(self, name: str, per_second: float, burst: int) -> None:
        """Set one rate limit (e.g. "rc_message" or "rc_login.address") and restart if running."""
        override: dict = {"per_second": per_second, "burst_count": burst}
        for part in reversed(name.split(".")):
            override = {part: override}
        deep_merge(self._rate_overrides, override)
        if self.running:
            self.restart()
        else:
            self.write_config()
