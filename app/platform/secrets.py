"""Secrets (access token, pickle key, cache key) in the OS keyring, never in plain files by default.

The keyring is the `keyring` library's current backend (Secret Service, macOS Keychain, Windows
Credential Locker). When there is none, or it stays locked, `set()` raises `SecretsUnavailable`,
unless the user explicitly allowed a plaintext file (`allow_plaintext_secrets`): then secrets go
to a 0600 JSON file and `using_plaintext` is True so the UI keeps a warning visible.

Values are never logged; each one read or written is registered with the log redaction filter.
"""

from __future__ import annotations

import json
import logging
from enum import Enum
from pathlib import Path

import keyring
import keyring.backends.fail
import keyring.errors

from app.platform.logs import register_secret
from app.platform.paths import write_json_atomic

log = logging.getLogger("tchap.secrets")


class SecretsUnavailable(RuntimeError):
    """No usable keyring and no opt-in to a plaintext file: the secret cannot be stored."""


class KeyringStatus(Enum):
    OK = "ok"  # a keyring backend answered
    NO_BACKEND = "no backend"  # no keyring on this system (and no opt-in)
    LOCKED = "locked"  # a keyring exists but refused us (locked, prompt dismissed)
    PLAINTEXT_OPT_IN = "plaintext opt-in"  # no usable keyring; secrets go to a plaintext file


def service_name(profile: str) -> str:
    """The keyring service of a profile: one per profile so profiles never share secrets."""
    return f"tchap-desktop:{profile}"


def _backend_usable(backend: keyring.backend.KeyringBackend) -> bool:
    # keyring falls back to `fail.Keyring` (priority 0) or a null backend (negative priority)
    # when nothing real is installed; both mean "no keyring".
    if isinstance(backend, keyring.backends.fail.Keyring):
        return False
    try:
        return float(backend.priority) >= 1
    except Exception:  # noqa: BLE001 — a priority probe may raise: not usable
        return False


class SecretStore:
    """Named secrets of one profile, in the OS keyring or (opt-in only) a plaintext file."""

    def __init__(self, service: str, *, plaintext_file: Path, allow_plaintext: bool) -> None:
        self.service = service
        self._plaintext_file = plaintext_file
        self._allow_plaintext = allow_plaintext
        self._locked = False  # the keyring refused an operation during this run

    # -- state ---------------------------------------------------------------------------------

    def set_allow_plaintext(self, allowed: bool) -> None:
        """The user's explicit opt-in (or withdrawal) for the plaintext file, during this run."""
        self._allow_plaintext = allowed

    @property
    def available(self) -> bool:
        """True when a real keyring backend is installed (it may still be locked)."""
        return _backend_usable(keyring.get_keyring())

    @property
    def using_plaintext(self) -> bool:
        """True when secrets go to (or come from) the plaintext file: the UI shows a warning."""
        if not self._allow_plaintext:
            return False
        return not self.available or self._locked or self._plaintext_file.exists()

    @property
    def backend_name(self) -> str:
        """A human-readable name of where secrets go, for logs and --check."""
        if self._allow_plaintext and (not self.available or self._locked):
            return f"plaintext file {self._plaintext_file}"
        backend = keyring.get_keyring()
        name = getattr(backend, "name", type(backend).__name__)
        return f"{name} ({type(backend).__module__})"

    def check(self) -> KeyringStatus:
        """Probe the keyring with a harmless read; may show the OS unlock prompt."""
        refused = False
        if self.available:
            try:
                keyring.get_password(self.service, "__probe__")
                self._locked = False
                return KeyringStatus.OK
            except keyring.errors.NoKeyringError:
                pass
            except Exception as exc:  # noqa: BLE001 — locked, prompt dismissed, D-Bus
                self._note_refusal("probe", exc)
                refused = True
        if self._allow_plaintext:
            return KeyringStatus.PLAINTEXT_OPT_IN
        return KeyringStatus.LOCKED if refused else KeyringStatus.NO_BACKEND

    # -- operations ----------------------------------------------------------------------------

    def get(self, name: str) -> str | None:
        """The secret `name`, or None if it is not stored (or the keyring cannot be read)."""
        value: str | None = None
        if self.available:
            try:
                value = keyring.get_password(self.service, name)
            except keyring.errors.NoKeyringError:
                value = None
            except Exception as exc:  # noqa: BLE001
                self._note_refusal("read", exc)
        if value is None and self._allow_plaintext:
            value = self._read_file().get(name)
        if value:
            register_secret(value)
        return value

    def set(self, name: str, value: str) -> None:
        """Store `value` under `name`; raises SecretsUnavailable when it cannot be kept safely."""
        if not isinstance(value, str):
            raise TypeError("secret values are strings")
        register_secret(value)
        if self.available:
            try:
                keyring.set_password(self.service, name, value)
                self._locked = False
                self._drop_from_file([name])  # the keyring copy now wins; no stale plaintext
                return
            except keyring.errors.NoKeyringError:
                pass
            except Exception as exc:  # noqa: BLE001
                self._note_refusal("write", exc)
        if not self._allow_plaintext:
            raise SecretsUnavailable(self.check().value)
        data = self._read_file()
        data[name] = value
        write_json_atomic(self._plaintext_file, data, mode=0o600)
        log.warning(
            "secret %r stored in the plaintext file %s (user opt-in)", name, self._plaintext_file
        )

    def delete(self, name: str) -> None:
        """Remove `name` from the keyring and the plaintext file; absent is fine."""
        self.delete_all([name])

    def delete_all(self, names: list[str] | tuple[str, ...]) -> None:
        """Remove each of `names` (logout wipes the account's secrets)."""
        if self.available:
            for name in names:
                try:
                    keyring.delete_password(self.service, name)
                except keyring.errors.PasswordDeleteError:
                    pass  # not stored: nothing to do
                except keyring.errors.NoKeyringError:
                    break
                except Exception as exc:  # noqa: BLE001
                    self._note_refusal("delete", exc)
                    break
        self._drop_from_file(names)

    # -- plaintext file ------------------------------------------------------------------------

    def _read_file(self) -> dict[str, str]:
        try:
            data = json.loads(self._plaintext_file.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {}
        except (OSError, ValueError) as exc:
            log.warning("plaintext secrets file %s unreadable: %s", self._plaintext_file, exc)
            return {}
        if not isinstance(data, dict):
            return {}
        return {k: v for k, v in data.items() if isinstance(k, str) and isinstance(v, str)}

    def _drop_from_file(self, names: list[str] | tuple[str, ...]) -> None:
        if not self._plaintext_file.exists():
            return
        data = self._read_file()
        kept = {k: v for k, v in data.items() if k not in names}
        if kept == data:
            return
        if kept:
            write_json_atomic(self._plaintext_file, kept, mode=0o600)
        else:
            self._plaintext_file.unlink(missing_ok=True)

    def _note_refusal(self, what: str, exc: Exception) -> None:
        # Only the exception's type and message: keyring errors never carry the secret itself.
        self._locked = True
        log.warning("keyring %s refused: %s: %s", what, type(exc).__name__, exc)
