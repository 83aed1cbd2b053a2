"""A real Sydent (the Matrix identity server) on 127.0.0.1, for the invitation tests.

Sydent 2.6.1 pins libraries Synapse does not want, so it lives in its own venv, built once
per machine under the user's cache folder (`~/.cache/tchap-tests/sydent-venv`) and reused
by every clone: `python -m devtools.sydent` builds it (`make test` runs it first), and the
test fixture builds it too when it is missing. Blocking code on purpose (a test bed).
"""

from __future__ import annotations

import fcntl
import json
import os
import shutil
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

from devtools.homeserver import stop_process

SYDENT_VERSION = "2.6.1"
# prometheus_client: Sydent imports it without declaring it.
PACKAGES = (f"matrix-sydent=={SYDENT_VERSION}", "prometheus_client")


def venv_dir() -> Path:
    """Where the Sydent venv lives (shared by every clone on this machine)."""
    cache = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return cache / "tchap-tests" / "sydent-venv"


def ensure_venv() -> Path:
    """The Sydent venv's python, building the venv first if it is missing or unfinished."""
    venv = venv_dir()
    python = venv / "bin" / "python"
    stamp = venv / f".installed-{SYDENT_VERSION}"
    if stamp.exists():
        return python
    venv.parent.mkdir(parents=True, exist_ok=True)
    with open(venv.parent / "sydent-venv.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # two test runs at once build it once
        if stamp.exists():
            return python
        shutil.rmtree(venv, ignore_errors=True)  # a half-built one from an interrupted run
        print(f"building Sydent {SYDENT_VERSION}'s venv in {venv} (once per machine)", flush=True)
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        subprocess.run([str(python), "-m", "pip", "install", "-q", *PACKAGES], check=True)
        stamp.touch()
    return python


_HEADERS = "Date: %(date)s\nFrom: %(from)s\nTo: %(to)s\nMessage-ID: %(messageid)s\n"
_TEMPLATES = {
    "invite_template.eml": _HEADERS + "Subject: %(sender_display_name)s vous invite sur Tchap\n"
    "Content-Type: text/plain; charset=UTF-8\n\n"
    "%(sender_display_name)s vous invite dans le salon %(room_name)s.\n",
    "verification_template.eml": _HEADERS + "Subject: Validation de votre adresse\n"
    "Content-Type: text/plain; charset=UTF-8\n\n"
    "Code : %(token)s\nLien : %(link)s\n",
}


class Sydent:
    """One Sydent process with its config and SQLite database under `base_dir`."""

    def __init__(self, base_dir: Path, *, port: int, internal_port: int, smtp_port: int,
                 server_name: str) -> None:  # fmt: skip
        self.base_dir = Path(base_dir)
        self.port, self.internal_port = port, internal_port
        self.smtp_port, self.server_name = smtp_port, server_name
        self._proc: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def _config(self) -> str:
        return f"""[general]
server.name = {self.server_name}
templates.path = {self.base_dir / "res"}
log.path = {self.base_dir / "sydent.log"}
pidfile.path = {self.base_dir / "sydent.pid"}
ip.whitelist = 127.0.0.1
[http]
clientapi.http.bind_address = 127.0.0.1
clientapi.http.port = {self.port}
internalapi.http.bind_address = 127.0.0.1
internalapi.http.port = {self.internal_port}
federation.verifycerts = False
[db]
db.file = {self.base_dir / "sydent.db"}
[email]
email.smtphost = 127.0.0.1
email.smtpport = {self.smtp_port}
email.hostname = 127.0.0.1
email.from = Tchap <noreply@tchap.test>
email.ratelimit_sender.burst = 100000
email.ratelimit_sender.rate_hz = 10000
"""

    def start(self, timeout: float = 60) -> None:
        """Start Sydent and wait until its v2 API answers."""
        python = ensure_venv()
        self.base_dir.mkdir(parents=True, exist_ok=True)
        conf = self.base_dir / "sydent.conf"
        conf.write_text(self._config())
        # The wheel ships no mail templates: plain ones (Python %-substitution, Sydent's keys).
        templates = self.base_dir / "res" / "matrix-org"
        templates.mkdir(parents=True, exist_ok=True)
        for name, body in _TEMPLATES.items():
            (templates / name).write_text(body)
        out = (self.base_dir / "stdout.log").open("ab")
        self._proc = subprocess.Popen(
            [str(python), "-m", "sydent.sydent"], cwd=self.base_dir, stdout=out,
            stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, start_new_session=True,
            env={**os.environ, "SYDENT_CONF": str(conf)},
        )  # fmt: skip
        out.close()
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self._proc.poll() is not None:
                raise RuntimeError(f"Sydent exited; see {self.base_dir / 'stdout.log'}")
            try:
                with urllib.request.urlopen(self.url + "/_matrix/identity/v2", timeout=1):
                    return
            except (urllib.error.URLError, ConnectionError, OSError):
                time.sleep(0.05)
        self.stop()
        raise RuntimeError(f"Sydent did not answer within {timeout}s")

    def bind(self, address: str, user_id: str) -> None:
        """Bind an email to an account through Sydent's internal API (the admin's way)."""
        body = json.dumps({"medium": "email", "address": address, "mxid": user_id}).encode()
        request = urllib.request.Request(
            f"http://127.0.0.1:{self.internal_port}/_matrix/identity/internal/bind", data=body,
            headers={"Content-Type": "application/json"}, method="POST",
        )  # fmt: skip
        with urllib.request.urlopen(request, timeout=10) as resp:
            assert resp.status == 200, resp.status

    def stop(self) -> None:
        proc, self._proc = self._proc, None
        stop_process(proc, 10)


if __name__ == "__main__":
    print(ensure_venv())
