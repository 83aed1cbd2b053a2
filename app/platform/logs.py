"""Logging: a rotating file per profile, warnings on stderr, and secrets scrubbed from both.

The `RedactionFilter` sits on every *handler*: a filter on the root logger would not see records
that child loggers (`tchap.*`, `nio.*`, `aiohttp.*`) propagate to the root's handlers. It rewrites
the message (arguments merged in), the exception text and the stack text of each record.
"""

from __future__ import annotations

import logging
import logging.handlers
import os
import re
import sys
import threading
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from app.platform.paths import ProfilePaths

REDACTED = "<redacted>"
LOG_MAX_BYTES = 2 * 1024 * 1024
LOG_BACKUPS = 5
AREAS = ("tchap.net", "tchap.sync", "tchap.db", "tchap.crypto", "tchap.ui")
# Third-party loggers we want in the file: nio logs request paths (with the token in the query).
CAPTURED = ("tchap", "nio", "aiohttp")
# Libraries that log message contents or SQL parameters below WARNING (nio describes each event
# it handles, peewee logs its queries, qasync's executor the arguments and results of every
# job: sync bodies, file chunks): no pattern can redact free text, so they are capped.
QUIET_BELOW_WARNING = ("nio", "peewee", "aiohttp.access", "mautrix", "qasync")
_FORMAT = "%(asctime)s %(levelname)-7s %(name)s: %(message)s"

# Field names whose value is secret or private (message bodies), in JSON, dict reprs and k=v text.
_SECRET_FIELDS = (
    "access_token",
    "refresh_token",
    "password",
    "new_password",
    "pickle_key",
    "cache_key",
    "recovery_key",
    "passphrase",
    "body",
    "formatted_body",
)
_FIELDS = "|".join(_SECRET_FIELDS)
_B58 = "1-9A-HJ-NP-Za-km-z"

_PATTERNS: list[tuple[re.Pattern[str], str]] = [
    # "access_token": "xyz"  and  'password': 'xyz' (JSON and Python reprs), escapes included.
    (
        re.compile(rf"""(["'](?:{_FIELDS})["']\s*:\s*)"(?:[^"\\]|\\.)*\"""", re.IGNORECASE),
        rf'\1"{REDACTED}"',
    ),
    (
        re.compile(rf"""(["'](?:{_FIELDS})["']\s*:\s*)'(?:[^'\\]|\\.)*'""", re.IGNORECASE),
        rf"\1'{REDACTED}'",
    ),
    # ?access_token=xyz&...  and  password=xyz in free text.
    (re.compile(rf"""\b((?:{_FIELDS})=)[^&\s'"]+""", re.IGNORECASE), rf"\1{REDACTED}"),
    # Authorization: Bearer xyz (any scheme followed by its credentials).
    (re.compile(r"(\bBearer\s+)[A-Za-z0-9._~+/=-]+", re.IGNORECASE), rf"\1{REDACTED}"),
    # Synapse and MAS token shapes, wherever they appear.
    (re.compile(r"\b(?:syt|syr|mat|mar|mct)_[A-Za-z0-9_-]{8,}"), REDACTED),
    # Matrix recovery keys: 48 base58 characters, usually in groups of four.
    (re.compile(rf"\bE[{_B58}]{{3}}(?:[ ]?[{_B58}]{{4}}){{11}}\b"), REDACTED),
]

_MIN_SECRET_LEN = 6  # shorter values would scrub ordinary words
_secrets: set[str] = set()
_secrets_lock = threading.Lock()
_installed: list[logging.Handler] = []


def register_secret(value: str | None) -> None:
    """Scrub this exact value from every log record from now on (e.g. a token once known)."""
    if value and len(value) >= _MIN_SECRET_LEN:
        with _secrets_lock:
            _secrets.add(value)


def redact(text: str) -> str:
    """`text` with known secret shapes and registered values replaced by <redacted>."""
    if not text:
        return text
    with _secrets_lock:
        values = sorted(_secrets, key=len, reverse=True)
    for value in values:  # longest first, so a secret containing another goes whole
        if value in text:
            text = text.replace(value, REDACTED)
    for pattern, repl in _PATTERNS:
        text = pattern.sub(repl, text)
    return text


class RedactionFilter(logging.Filter):
    """Rewrites each record so that no secret reaches a handler; never drops a record."""

    _formatter = logging.Formatter()

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # noqa: BLE001 — bad args: still hide them
            message = f"{record.msg!s} (unformattable arguments)"
        record.msg = redact(message)
        record.args = None  # merged above: the raw arguments must not be formatted again
        if record.exc_info and not record.exc_text:
            record.exc_text = self._formatter.formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = redact(record.exc_text)
        if record.stack_info:
            record.stack_info = redact(record.stack_info)
        return True


def _level(level: str | int) -> int:
    if isinstance(level, int):
        return level
    value = logging.getLevelName(level.upper())
    return value if isinstance(value, int) else logging.INFO


def _private_file(path: os.PathLike[str] | str) -> None:
    # Logs hold user IDs and room names: create the file readable by its owner only.
    fd = os.open(path, os.O_CREAT | os.O_APPEND | os.O_WRONLY, 0o600)
    os.close(fd)


def remove_handlers() -> None:
    """Detach and close the handlers this module installed."""
    root = logging.getLogger()
    for handler in _installed:
        root.removeHandler(handler)
        handler.close()
    _installed.clear()


def setup_logging(paths: ProfilePaths, level: str | int = "info") -> None:
    """Log to `paths.log_file` (rotating, at `level`) and to stderr (warnings), both redacted."""
    root = logging.getLogger()
    remove_handlers()  # calling it again (tests, profile switch) replaces ours

    paths.log_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
    _private_file(paths.log_file)
    file_handler = logging.handlers.RotatingFileHandler(
        paths.log_file, maxBytes=LOG_MAX_BYTES, backupCount=LOG_BACKUPS, encoding="utf-8"
    )
    file_handler.setFormatter(logging.Formatter(_FORMAT))
    handlers: list[logging.Handler] = [file_handler]
    # A windowed bundle on Windows has no stderr at all.
    if sys.stderr is not None:
        console = logging.StreamHandler(sys.stderr)
        console.setLevel(logging.WARNING)
        console.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
        handlers.append(console)
    for handler in handlers:
        handler.addFilter(RedactionFilter())
        root.addHandler(handler)
        _installed.append(handler)
    set_log_level(level)


def set_log_level(level: str | int) -> None:
    """Change the level of the log file (stderr stays at warning)."""
    lvl = _level(level)
    logging.getLogger().setLevel(lvl)
    for name in CAPTURED:
        logging.getLogger(name).setLevel(lvl)
    for name in QUIET_BELOW_WARNING:
        logging.getLogger(name).setLevel(max(lvl, logging.WARNING))
    for handler in _installed:
        if isinstance(handler, logging.handlers.RotatingFileHandler):
            handler.setLevel(lvl)


def installed_handlers() -> list[logging.Handler]:
    """The handlers `setup_logging` added (for tests and --check)."""
    return list(_installed)


def setup_stderr_logging(level: str | int = "warning") -> None:
    """Only stderr, redacted (for --check: no log file is touched)."""
    root = logging.getLogger()
    remove_handlers()
    if sys.stderr is None:
        return
    console = logging.StreamHandler(sys.stderr)
    console.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
    console.addFilter(RedactionFilter())
    root.addHandler(console)
    _installed.append(console)
    root.setLevel(_level(level))
