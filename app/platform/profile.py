"""A profile: its folders, its settings and its secrets, handed as one object to the Session.

`--profile NAME` lets one person keep two accounts (or IT test a setup) side by side; each
profile has its own folders, settings, keyring service and account file.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from typing import Any

from app.platform.config import Config
from app.platform.paths import DEFAULT_PROFILE, ProfilePaths, profile_paths, write_json_atomic
from app.platform.secrets import SecretStore, service_name

log = logging.getLogger("tchap.profile")

# Usual fields of the account file: user_id (required), device_id, homeserver. Other non-secret
# fields are kept; names that look like secrets are refused so a token never lands in a plain file.
ACCOUNT_FIELDS = ("user_id", "device_id", "homeserver")
_SECRET_HINTS = ("token", "password", "key", "secret")


@dataclass(frozen=True)
class Profile:
    """One profile: name, folders, settings in force, and its secret store."""

    name: str
    paths: ProfilePaths
    config: Config
    secrets: SecretStore

    @classmethod
    def load(cls, name: str = DEFAULT_PROFILE) -> Profile:
        """Create the profile's folders if needed, read its settings, open its secret store."""
        paths = profile_paths(name)
        config = Config.load(paths)
        secrets = SecretStore(
            service_name(name),
            plaintext_file=paths.plaintext_secrets_file,
            allow_plaintext=bool(config.get("allow_plaintext_secrets")),
        )
        return cls(name=name, paths=paths, config=config, secrets=secrets)

    def read_account(self) -> dict[str, Any] | None:
        """The stored account (user_id, device_id, homeserver), or None if signed out."""
        path = self.paths.account_file
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return None
        except (OSError, ValueError) as exc:
            log.warning("account file %s unreadable, ignored: %s", path, exc)
            return None
        if not isinstance(data, dict) or not isinstance(data.get("user_id"), str):
            log.warning("account file %s has no user_id, ignored", path)
            return None
        return data

    def write_account(self, account: dict[str, Any]) -> None:
        """Save the account info (atomic, 0600); fields named like secrets are refused."""
        secret_like = [k for k in account if any(h in k.lower() for h in _SECRET_HINTS)]
        if secret_like:
            raise ValueError(f"secrets belong in the keyring, not the account file: {secret_like}")
        if not isinstance(account.get("user_id"), str):
            raise TypeError("user_id (a string) is required")
        write_json_atomic(self.paths.account_file, dict(account), mode=0o600)

    def clear_account(self) -> None:
        """Forget the stored account (logout)."""
        self.paths.account_file.unlink(missing_ok=True)

    def allow_plaintext_secrets(self) -> bool:
        """The user opts in to a plaintext secrets file (no keyring here). False if IT forbids it."""
        if self.config.is_locked("allow_plaintext_secrets"):
            if not self.config.get("allow_plaintext_secrets"):
                return False
        else:
            self.config.set("allow_plaintext_secrets", True)
        self.secrets.set_allow_plaintext(True)
        log.warning("the user opted in to storing secrets in a plaintext file")
        return True
