"""`tchap-desktop --check`: a plain-text diagnostic report for IT support (English, not translated).

It says what is installed, which settings are in force and where they come from, whether the
keyring and the folders work, whether the native parts (vodozemac, SQLCipher) load, and whether
the homeserver answers as a Matrix server. Exit status 0 only if all of it is fine; otherwise the
last lines give the reasons. It never imports Qt and never prints a secret.
"""

from __future__ import annotations

import asyncio
import os
import platform
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TextIO

import aiohttp

import app
from app.net.http import normalise_homeserver
from app.platform.profile import Profile
from app.platform.secrets import KeyringStatus

HTTP_TIMEOUT_S = 10.0


@dataclass
class Report:
    """Lines of the report and the problems found so far."""

    out: TextIO
    problems: list[str] = field(default_factory=list)

    def line(self, text: str = "") -> None:
        """Print one line of the report."""
        print(text, file=self.out)

    def section(self, title: str) -> None:
        """Print a section heading."""
        self.line()
        self.line(f"[{title}]")

    def problem(self, text: str) -> None:
        """Record a failure (printed again at the end) and show it in place."""
        self.problems.append(text)
        self.line(f"  PROBLEM: {text}")


@dataclass
class ServerInfo:
    """What the homeserver said (or why it could not be asked)."""

    versions: list[str] = field(default_factory=list)
    unstable_features: int = 0
    server: str | None = None  # "Synapse 1.163.2" from the federation version endpoint
    error: str | None = None  # "unreachable: ..." or "not a Matrix server: ..."


async def probe_server(base_url: str, timeout_s: float = HTTP_TIMEOUT_S) -> ServerInfo:
    """Ask `/_matrix/client/versions` and the federation version endpoint."""
    info = ServerInfo()
    timeout = aiohttp.ClientTimeout(total=timeout_s)
    async with aiohttp.ClientSession(timeout=timeout) as http:
        try:
            async with http.get(f"{base_url}/_matrix/client/versions") as resp:
                status = resp.status
                data: Any = await resp.json(content_type=None) if status == 200 else None
        except (TimeoutError, aiohttp.ClientError, OSError) as exc:
            info.error = f"unreachable: {type(exc).__name__}: {exc}".rstrip(": ")
            return info
        except ValueError:  # 200 but not JSON
            info.error = "not a Matrix server: /_matrix/client/versions is not JSON"
            return info
        if status != 200:
            info.error = f"not a Matrix server: /_matrix/client/versions answered HTTP {status}"
            return info
        versions = data.get("versions") if isinstance(data, dict) else None
        if not isinstance(versions, list) or not versions:
            info.error = "not a Matrix server: no 'versions' in /_matrix/client/versions"
            return info
        info.versions = [str(v) for v in versions]
        unstable = data.get("unstable_features")
        info.unstable_features = len(unstable) if isinstance(unstable, dict) else 0
        try:
            async with http.get(f"{base_url}/_matrix/federation/v1/version") as resp:
                fed: Any = await resp.json(content_type=None) if resp.status == 200 else None
        except (TimeoutError, aiohttp.ClientError, OSError, ValueError):
            fed = None
        server = fed.get("server") if isinstance(fed, dict) else None
        if isinstance(server, dict) and server.get("name"):
            info.server = f"{server.get('name')} {server.get('version', '')}".strip()
    return info


def check_vodozemac() -> str:
    """Load vodozemac and create an Olm account: proves the native crypto part works."""
    import vodozemac

    account = vodozemac.Account()
    account.curve25519_key.to_base64()
    return "vodozemac OK"


def check_sqlcipher() -> str:
    """Open an encrypted in-memory database: proves the SQLCipher build works."""
    from sqlcipher3 import dbapi2

    con = dbapi2.connect(":memory:")
    try:
        con.execute("PRAGMA key = 'tchap-check'")  # a throwaway key for an in-memory db
        row = con.execute("PRAGMA cipher_version").fetchone()
    finally:
        con.close()
    if not row or not row[0]:
        raise RuntimeError("SQLite without SQLCipher (no cipher_version)")
    return f"SQLCipher OK ({row[0]})"


def _dir_writable(path: os.PathLike[str]) -> str | None:
    """None if a file can be created in `path`, else the reason."""
    try:
        with tempfile.NamedTemporaryFile(dir=path, prefix=".check-"):
            pass
    except OSError as exc:
        return f"{type(exc).__name__}: {exc.strerror or exc}"
    return None


def _native(report: Report, label: str, probe: Callable[[], str]) -> None:
    try:
        report.line(f"  {label}: {probe()}")
    except Exception as exc:  # noqa: BLE001 — any load failure is the finding
        report.line(f"  {label}: FAILED")
        report.problem(f"{label} does not load: {type(exc).__name__}: {exc}")


def run(profile: Profile, out: TextIO | None = None) -> int:
    """Print the report for `profile` on `out` (stdout); 0 if all is well, 1 otherwise."""
    report = Report(out or sys.stdout)
    report.line(f"tchap-desktop {app.__version__} --check")
    report.line(f"  python: {platform.python_version()} ({sys.executable})")
    report.line(f"  platform: {platform.platform()}")
    report.line(f"  bundle: {'yes' if getattr(sys, 'frozen', False) else 'no'}")
    report.line(f"  profile: {profile.name}")

    report.section("folders")
    for name, path in profile.paths.dirs().items():
        reason = _dir_writable(path)
        report.line(f"  {name}: {path} ({'writable' if reason is None else 'NOT writable'})")
        if reason:
            report.problem(f"{name} folder {path} is not writable: {reason}")

    config = profile.config
    report.section("config files")
    for path, status in config.files_read():
        report.line(f"  {path}: {status}")
    report.section("settings in force")
    for item in config.items():
        lock = " [locked]" if item.locked else ""
        report.line(f"  {item.key} = {item.value!r}  ({item.source}){lock}")
    locked = config.locked_keys()
    report.line(f"  locked keys: {', '.join(locked) if locked else 'none'}")

    report.section("keyring")
    status = profile.secrets.check()
    report.line(f"  backend: {profile.secrets.backend_name}")
    report.line(f"  status: {status.value}")
    if status is KeyringStatus.NO_BACKEND:
        report.problem("no keyring backend: secrets cannot be stored (no Secret Service?)")
    elif status is KeyringStatus.LOCKED:
        report.problem("the keyring is locked or refused access")
    elif status is KeyringStatus.PLAINTEXT_OPT_IN:
        report.line("  WARNING: no usable keyring; secrets go to a plaintext file (user opt-in)")

    report.section("native parts")
    _native(report, "crypto", check_vodozemac)
    _native(report, "cache", check_sqlcipher)

    report.section("homeserver")
    _check_homeserver(report, profile)

    report.line()
    if report.problems:
        report.line(f"RESULT: {len(report.problems)} problem(s)")
        for text in report.problems:
            report.line(f"problem: {text}")
        return 1
    report.line("RESULT: OK")
    return 0


def _check_homeserver(report: Report, profile: Profile) -> None:
    configured = profile.config.get("homeserver")
    account = profile.read_account() or {}
    raw, origin = (
        (configured, profile.config.source("homeserver"))
        if configured
        else (account.get("homeserver") or "", "stored account")
    )
    if account.get("user_id"):
        report.line(
            f"  signed in as: {account['user_id']} (device {account.get('device_id', '?')})"
        )
    if not raw:
        report.line("  homeserver: none")
        report.problem("no homeserver configured (set 'homeserver' in the policy or settings)")
        return
    url = normalise_homeserver(str(raw))
    report.line(f"  homeserver: {raw} (from {origin})")
    if url is None:
        report.problem(f"homeserver {raw!r} is not a usable URL")
        return
    info = asyncio.run(probe_server(url))
    if info.error:
        report.problem(f"homeserver {url}: {info.error}")
        return
    report.line(f"  client API versions: {', '.join(info.versions)}")
    report.line(f"  unstable features: {info.unstable_features}")
    report.line(f"  server: {info.server or 'not exposed'}")
