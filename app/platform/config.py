"""Layered settings: built-in defaults < machine policy (may lock keys) < the user's settings.json.

The defaults file (`resources/config/defaults.toml`) defines every key and its type. The policy
file (see `app.platform.paths.policy_file`) is TOML written by IT: top-level keys set values and
`locked = ["key", ...]` stops the user from changing them. The user layer is `settings.json` in the
profile's config folder: `set()` writes it at once (the CLI, start-up), `update()` changes the
value at once and writes in a worker thread, several changes coalescing into one write, and
`flush()` (awaited at close) waits for the last one. A policy file that exists but cannot be used stops the app
(`PolicyError`: a security setting fails closed); a bad user file never does: it is skipped
with a warning naming the path.
"""

from __future__ import annotations

import asyncio
import json
import logging
import tomllib
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any

from app.platform.paths import ProfilePaths, policy_file, resources_dir, write_json_atomic

log = logging.getLogger("tchap.config")

# Keys whose value must be one of a few strings; anything else is ignored with a warning.
_CHOICES: dict[str, frozenset[str]] = {
    "language": frozenset({"", "fr", "en"}),
    "theme": frozenset({"system", "light", "dark"}),
    "log_level": frozenset({"debug", "info", "warning", "error"}),
}

# files_read() statuses
READ = "read"
NOT_FOUND = "not found"


class ConfigError(RuntimeError):
    """The built-in defaults are missing or broken: the installation is damaged."""


class PolicyProblem(StrEnum):
    """Why the machine policy cannot be used (the launcher words it for the user)."""

    UNREADABLE = "cannot be read"  # permissions, I/O, a folder where the file should be
    NOT_TOML = "is not valid TOML"  # includes a file that is not UTF-8
    BAD_LOCKED = "has a bad 'locked' list"  # not a list of strings, or an unknown key
    BAD_VALUE = "has a value of the wrong type"  # a known key set to what it cannot be


class PolicyError(ConfigError):
    """The machine policy exists but cannot be used: the client must not start on guesses.

    IT wrote it to decide (and lock) settings; falling back to the user's own choices would
    fail open, so the client refuses to start and `--check` reports a problem.
    """

    def __init__(self, path: Path, problem: PolicyProblem, detail: str) -> None:
        super().__init__(f"machine policy {path} {problem.value}: {detail}")
        self.path = path
        self.problem = problem
        self.detail = detail

    @property
    def reason(self) -> str:
        """The problem and its detail in one line, for logs and `--check`."""
        return f"{self.problem.value}: {self.detail}"


class UnknownSetting(KeyError):
    """No such key in the defaults."""


class SettingLocked(PermissionError):
    """The machine policy locks this key: the user cannot change it."""

    def __init__(self, key: str, source: str) -> None:
        super().__init__(f"{key} is locked by {source}")
        self.key = key
        self.source = source


@dataclass(frozen=True)
class ConfigItem:
    """One value in force, for the --check report."""

    key: str
    value: Any
    source: str  # "default" | "policy:<path>" | "user:<path>"
    locked: bool


def defaults_file() -> Path:
    """The built-in defaults (TOML) shipped with the app."""
    return resources_dir() / "config" / "defaults.toml"


def _describe(exc: Exception) -> str:
    """An exception as "TypeName: message", for a PolicyError's detail."""
    return f"{type(exc).__name__}: {exc}"


def _type_ok(default: Any, value: Any) -> bool:
    # bool is an int subclass: compare exact types, so `true` is not accepted for a number.
    if isinstance(default, bool) or isinstance(value, bool):
        return type(default) is type(value)
    if isinstance(default, float):
        return type(value) in (int, float)
    if isinstance(default, list):
        return isinstance(value, list) and all(type(v) is str for v in value)
    return type(default) is type(value)


def check_value(defaults: dict[str, Any], key: str, value: Any) -> str | None:
    """Why `value` is not acceptable for `key` (a short reason), or None if it is."""
    if key not in defaults:
        return "unknown key"
    if not _type_ok(defaults[key], value):
        return f"expected {type(defaults[key]).__name__}, got {type(value).__name__}"
    if key in _CHOICES and value not in _CHOICES[key]:
        return f"expected one of {sorted(_CHOICES[key])}"
    return None


class Config:
    """Settings in force for one profile; `load()` builds it, `set()` writes the user layer."""

    def __init__(
        self,
        defaults: dict[str, Any],
        *,
        policy: dict[str, Any] | None = None,
        policy_path: Path | None = None,
        locked: set[str] | None = None,
        user: dict[str, Any] | None = None,
        user_path: Path | None = None,
        files: list[tuple[Path, str]] | None = None,
    ) -> None:
        self._defaults = dict(defaults)
        self._policy = dict(policy or {})
        self._policy_path = policy_path
        self._locked = set(locked or ())
        self._user = dict(user or {})
        self._user_path = user_path
        self._files = list(files or [])
        self._save_task: asyncio.Task[None] | None = None
        self._dirty = False  # the user layer changed since the last write started

    # -- loading -------------------------------------------------------------------------------

    @classmethod
    def load(
        cls,
        paths: ProfilePaths,
        *,
        policy_path: Path | None = None,
        defaults_path: Path | None = None,
    ) -> Config:
        """Read the three layers for this profile; bad policy/user files are skipped."""
        files: list[tuple[Path, str]] = []
        defaults_path = defaults_path or defaults_file()
        try:
            defaults = tomllib.loads(defaults_path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
            raise ConfigError(f"built-in defaults unreadable: {defaults_path}: {exc}") from exc
        files.append((defaults_path, READ))

        policy_path = policy_path or policy_file()
        policy, locked = cls._read_policy(policy_path, defaults, files)

        user_path = paths.settings_file
        user = cls._read_user(user_path, defaults, locked, policy_path, files)
        return cls(
            defaults,
            policy=policy,
            policy_path=policy_path,
            locked=locked,
            user=user,
            user_path=user_path,
            files=files,
        )

    @staticmethod
    def _read_policy(
        path: Path, defaults: dict[str, Any], files: list[tuple[Path, str]]
    ) -> tuple[dict[str, Any], set[str]]:
        try:
            raw = tomllib.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            files.append((path, NOT_FOUND))
            return {}, set()
        except OSError as exc:
            log.error("policy file %s cannot be read: %s", path, exc)
            raise PolicyError(path, PolicyProblem.UNREADABLE, _describe(exc)) from exc
        except (UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
            log.error("policy file %s is not valid TOML: %s", path, exc)
            raise PolicyError(path, PolicyProblem.NOT_TOML, _describe(exc)) from exc
        files.append((path, READ))

        locked: set[str] = set()
        raw_locked = raw.pop("locked", [])
        if not isinstance(raw_locked, list) or not all(isinstance(k, str) for k in raw_locked):
            log.error("policy file %s: 'locked' must be a list of key names", path)
            raise PolicyError(
                path, PolicyProblem.BAD_LOCKED, "'locked' must be a list of key names"
            )
        unknown = [key for key in raw_locked if key not in defaults]
        if unknown:  # a misspelt key would leave the real one unlocked: fail closed
            log.error("policy file %s: cannot lock unknown keys %s", path, unknown)
            raise PolicyError(
                path, PolicyProblem.BAD_LOCKED, f"'locked' names unknown keys: {unknown}"
            )
        locked.update(raw_locked)

        policy: dict[str, Any] = {}
        for key, value in raw.items():
            reason = check_value(defaults, key, value)
            if reason and key in defaults:  # IT set a known key wrongly: never guess
                log.error("policy file %s: %s (%s)", path, key, reason)
                raise PolicyError(path, PolicyProblem.BAD_VALUE, f"{key}: {reason}")
            if reason:  # a key of a newer version, say: not ours to judge
                log.warning("policy file %s: %s ignored (%s)", path, key, reason)
                continue
            policy[key] = value
        return policy, locked

    @staticmethod
    def _read_user(
        path: Path,
        defaults: dict[str, Any],
        locked: set[str],
        policy_path: Path,
        files: list[tuple[Path, str]],
    ) -> dict[str, Any]:
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            files.append((path, NOT_FOUND))
            return {}
        except (OSError, UnicodeDecodeError, ValueError) as exc:
            log.warning("settings file %s skipped: %s", path, exc)
            files.append((path, f"skipped: {exc}"))
            return {}
        if not isinstance(raw, dict):
            log.warning("settings file %s skipped: not a JSON object", path)
            files.append((path, "skipped: not a JSON object"))
            return {}
        files.append((path, READ))

        user: dict[str, Any] = {}
        for key, value in raw.items():
            if key in locked:
                log.warning("settings file %s: %s is locked by %s; ignored", path, key, policy_path)
                continue
            reason = check_value(defaults, key, value)
            if reason:
                log.warning("settings file %s: %s ignored (%s)", path, key, reason)
                continue
            user[key] = value
        return user

    # -- reading -------------------------------------------------------------------------------

    def get(self, key: str) -> Any:
        """The value in force for `key` (user > policy > default; a locked key skips the user)."""
        if key not in self._defaults:
            raise UnknownSetting(key)
        if key in self._user and key not in self._locked:
            value = self._user[key]
        elif key in self._policy:
            value = self._policy[key]
        else:
            value = self._defaults[key]
        # Lists are copied so a caller cannot change the config behind its back.
        return list(value) if isinstance(value, list) else value

    def source(self, key: str) -> str:
        """Where the value of `key` comes from: "default", "policy:<path>" or "user:<path>"."""
        if key not in self._defaults:
            raise UnknownSetting(key)
        if key in self._user and key not in self._locked:
            return f"user:{self._user_path}"
        if key in self._policy:
            return f"policy:{self._policy_path}"
        return "default"

    def is_locked(self, key: str) -> bool:
        """True when the machine policy forbids the user to change `key`."""
        return key in self._locked

    def locked_keys(self) -> list[str]:
        """The keys the policy locks, sorted."""
        return sorted(self._locked)

    def keys(self) -> list[str]:
        """Every known key, in the defaults' order."""
        return list(self._defaults)

    def items(self) -> list[ConfigItem]:
        """Every value in force with its source, for the --check report."""
        return [ConfigItem(k, self.get(k), self.source(k), self.is_locked(k)) for k in self.keys()]

    def files_read(self) -> list[tuple[Path, str]]:
        """Each file consulted and its status: "read", "not found" or "skipped: <reason>"."""
        return list(self._files)

    # -- writing -------------------------------------------------------------------------------

    def _checked(self, key: str, value: Any) -> dict[str, Any]:
        """The user layer with `key` set to `value`, or the reason it cannot be."""
        if key not in self._defaults:
            raise UnknownSetting(key)
        if key in self._locked:
            raise SettingLocked(key, f"policy:{self._policy_path}")
        reason = check_value(self._defaults, key, value)
        if reason:
            raise ValueError(f"{key}: {reason}")
        if self._user_path is None:
            raise ConfigError("this Config has no settings file")
        new_user = dict(self._user)
        new_user[key] = list(value) if isinstance(value, list) else value
        return new_user

    def set(self, key: str, value: Any) -> None:
        """Set `key` in the user layer and save settings.json atomically, now (blocking)."""
        new_user = self._checked(key, value)
        assert self._user_path is not None  # _checked refuses a Config without a file
        write_json_atomic(self._user_path, new_user)
        self._user = new_user
        self._rewrite_if_saving()

    def update(self, key: str, value: Any) -> None:
        """Set `key` now and save settings.json in a worker thread (from the event loop).

        The value is in force at once; the file follows. Changes made while a write is queued
        or running coalesce into one more write of the latest values. Errors about the key or
        value are raised here; a failed write is logged and retried by `flush()`.
        """
        self._user = self._checked(key, value)
        self._dirty = True
        if self._save_task is None or self._save_task.done():
            self._save_task = asyncio.get_running_loop().create_task(self._save_pending())

    async def flush(self) -> None:
        """Wait until every change is on disk (call it at close); a failed write raises OSError."""
        task = self._save_task
        if task is not None:
            await task
        if self._dirty and self._user_path is not None:  # the background write failed
            self._dirty = False
            await asyncio.to_thread(write_json_atomic, self._user_path, dict(self._user))

    async def _save_pending(self) -> None:
        # Yield once so changes made in the same turn of the loop share one write.
        await asyncio.sleep(0)
        while self._dirty and self._user_path is not None:
            self._dirty = False
            snapshot = dict(self._user)
            try:
                await asyncio.to_thread(write_json_atomic, self._user_path, snapshot)
            except OSError as exc:
                log.error("settings file %s not saved: %s", self._user_path, exc)
                self._dirty = True  # flush() tries again and reports the error
                return

    def _rewrite_if_saving(self) -> None:
        # A sync write while a background write of older values runs: that one may land last,
        # so have the background loop write once more with the values now in force.
        if self._save_task is not None and not self._save_task.done():
            self._dirty = True

    def reset(self, key: str) -> None:
        """Drop the user's value for `key` (back to the policy or default value)."""
        if key in self._locked:
            raise SettingLocked(key, f"policy:{self._policy_path}")
        if key in self._user and self._user_path is not None:
            new_user = {k: v for k, v in self._user.items() if k != key}
            write_json_atomic(self._user_path, new_user)
            self._user = new_user
            self._rewrite_if_saving()
