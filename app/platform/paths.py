"""Where a profile keeps its files: platformdirs per profile, or everything under $TCHAP_HOME.

Per-user folders (platformdirs, appname "tchap-desktop", appauthor "DINUM" on Windows), each with a
`profiles/<NAME>` sub-folder:

- Linux: ~/.local/share/tchap-desktop, ~/.cache/tchap-desktop, ~/.config/tchap-desktop,
  ~/.local/state/tchap-desktop/log
- Windows: %LOCALAPPDATA%\\DINUM\\tchap-desktop (data, Cache, Logs), config alike
- macOS: ~/Library/Application Support/tchap-desktop, ~/Library/Caches/tchap-desktop,
  ~/Library/Logs/tchap-desktop

With `TCHAP_HOME` set, every folder is `$TCHAP_HOME/profiles/<NAME>/{data,cache,config,log}`: the
tests and the demo use it so they never touch a real profile.

The machine policy file (IT-managed, read-only for the user), see `policy_file()`:

- Linux: /etc/xdg/tchap-desktop/policy.toml
- Windows: C:\\ProgramData\\tchap-desktop\\policy.toml
- macOS: /Library/Application Support/tchap-desktop/policy.toml
- anywhere: the path in the `TCHAP_POLICY_FILE` environment variable, if set
"""

from __future__ import annotations

import json
import os
import re
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import platformdirs

APP_NAME = "tchap-desktop"
APP_AUTHOR = "DINUM"
DEFAULT_PROFILE = "default"
_PROFILE_RE = re.compile(r"[A-Za-z0-9_-]{1,64}")


class InvalidProfileName(ValueError):
    """The profile name has characters other than letters, digits, '-' and '_', or is too long."""


def validate_profile_name(name: str) -> str:
    """Return `name` if it is a valid profile name, else raise InvalidProfileName."""
    if not isinstance(name, str) or not _PROFILE_RE.fullmatch(name):
        raise InvalidProfileName(name)
    return name


@dataclass(frozen=True)
class ProfilePaths:
    """The folders and files of one profile."""

    profile: str
    data_dir: Path
    cache_dir: Path
    config_dir: Path
    log_dir: Path

    @property
    def crypto_dir(self) -> Path:
        """matrix-nio's crypto store folder."""
        return self.data_dir / "crypto"

    @property
    def cache_db(self) -> Path:
        """The SQLCipher cache database file."""
        return self.data_dir / "cache.db"

    @property
    def account_file(self) -> Path:
        """Non-secret account info (user_id, device_id, homeserver) as JSON."""
        return self.data_dir / "account.json"

    @property
    def settings_file(self) -> Path:
        """The user's settings layer (JSON)."""
        return self.config_dir / "settings.json"

    @property
    def log_file(self) -> Path:
        """The rotating log file."""
        return self.log_dir / "tchap-desktop.log"

    @property
    def plaintext_secrets_file(self) -> Path:
        """Where secrets go only when the user opted in and no keyring exists."""
        return self.data_dir / "secrets.json"

    def dirs(self) -> dict[str, Path]:
        """The four base folders by name (data, cache, config, log)."""
        return {
            "data": self.data_dir,
            "cache": self.cache_dir,
            "config": self.config_dir,
            "log": self.log_dir,
        }

    def ensure(self) -> ProfilePaths:
        """Create the folders (mode 0700) and return self."""
        for path in self.dirs().values():
            _make_private_dir(path)
        return self


def _make_private_dir(path: Path) -> None:
    path.mkdir(mode=0o700, parents=True, exist_ok=True)
    # mkdir's mode is filtered by the umask and ignored for existing folders: enforce it.
    if os.name == "posix":
        os.chmod(path, 0o700)


def profile_paths(name: str = DEFAULT_PROFILE, *, create: bool = True) -> ProfilePaths:
    """Folders of profile `name`; created with mode 0700 unless `create` is False."""
    validate_profile_name(name)
    home = os.environ.get("TCHAP_HOME")
    if home:
        root = Path(home).expanduser() / "profiles" / name
        paths = ProfilePaths(
            profile=name,
            data_dir=root / "data",
            cache_dir=root / "cache",
            config_dir=root / "config",
            log_dir=root / "log",
        )
    else:
        dirs = platformdirs.PlatformDirs(APP_NAME, APP_AUTHOR)
        sub = Path("profiles") / name
        paths = ProfilePaths(
            profile=name,
            data_dir=dirs.user_data_path / sub,
            cache_dir=dirs.user_cache_path / sub,
            config_dir=dirs.user_config_path / sub,
            log_dir=dirs.user_log_path / sub,
        )
    return paths.ensure() if create else paths


def policy_file() -> Path:
    """The machine policy file: $TCHAP_POLICY_FILE, else the site config folder's policy.toml."""
    env = os.environ.get("TCHAP_POLICY_FILE")
    if env:
        return Path(env).expanduser()
    return platformdirs.site_config_path(APP_NAME, appauthor=False) / "policy.toml"


def resources_dir() -> Path:
    """The `resources/` folder: beside the packages, or inside a PyInstaller bundle."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parents[2] / "resources"


def write_json_atomic(path: Path, data: Any, mode: int = 0o600) -> None:
    """Write JSON to a temp file beside `path` (mode `mode`), then rename it over `path`."""
    path.parent.mkdir(parents=True, exist_ok=True)
    # mkstemp creates the file 0600 from the start, so a secret is never readable by others.
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            json.dump(data, f, indent=2, ensure_ascii=False, sort_keys=True)
            f.write("\n")
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
