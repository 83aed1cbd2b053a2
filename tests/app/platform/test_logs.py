"""Log redaction with real records through the real handlers (file and stderr)."""

import logging
import logging.handlers
import stat

import pytest

from app.platform import logs
from app.platform.logs import REDACTED, register_secret, set_log_level, setup_logging
from app.platform.paths import profile_paths

TOKEN = "syt_YWxpY2U_kEpNTUavgRHSbaLqNHTA_0hPlv9"
RECOVERY = "EsTc 5aHq Z7rJ eQWn 8fXz Kp3L mB2d Vt9R sN4u Yg6C hJ1w Pq7E"


@pytest.fixture
def paths(tmp_path, monkeypatch):
    monkeypatch.setenv("TCHAP_HOME", str(tmp_path))
    p = profile_paths("logs")
    root = logging.getLogger()
    old_level = root.level
    yield p
    logs.remove_handlers()
    root.setLevel(old_level)
    for name in logs.CAPTURED:
        logging.getLogger(name).setLevel(logging.NOTSET)


def _file_text(p) -> str:
    for handler in logs.installed_handlers():
        handler.flush()
    return p.log_file.read_text(encoding="utf-8")


def test_nio_request_path_token_is_redacted(paths):
    setup_logging(paths, "debug")
    nio_log = logging.getLogger("nio.client.async_client")
    path = f"/_matrix/client/v3/sync?access_token={TOKEN}&since=s72594_4483_1934&timeout=30000"
    nio_log.debug("Sending GET to %s", path)
    nio_log.warning(f"Error while fetching {path}")  # already formatted, no args
    text = _file_text(paths)
    assert TOKEN not in text
    assert "syt_" not in text
    assert f"access_token={REDACTED}&since=s72594_4483_1934" in text
    # nio below WARNING is capped even at debug: it describes events, contents included.
    assert "Sending GET" not in text
    assert text.count("/_matrix/client/v3/sync") == 1


def test_libraries_that_log_contents_are_capped_at_warning(paths):
    setup_logging(paths, "debug")
    logging.getLogger("nio.rooms").info("Room !r:x handling event RoomMessageText: secret body")
    logging.getLogger("peewee").debug("('INSERT ...', ['megolm-session-pickle'])")
    logging.getLogger("qasync._QThreadWorker").debug("Setting Future result: b'file bytes'")
    logging.getLogger("tchap.sync").debug("sync: incremental, 1 rooms changed")
    text = _file_text(paths)
    assert "secret body" not in text and "megolm-session-pickle" not in text
    assert "file bytes" not in text
    assert "1 rooms changed" in text  # our own debug lines still reach the file


def test_every_secret_shape_is_redacted_in_file_and_stderr(paths, capsys):
    setup_logging(paths, "info")
    log = logging.getLogger("tchap.net")
    log.warning('login body {"password": "hunter2-xyz", "type": "m.login.password"}')
    log.warning("%s", {"pickle_key": "pk-value-123", "cache_key": "ck-value-456"})
    log.warning("headers: Authorization: Bearer %s", "opaque-token-value-789")
    log.warning('event {"body": "bonjour secret", "formatted_body": "<b>bonjour</b> secret"}')
    log.warning('{"access_token": "%s", "device_id": "ABCDEFG"}', TOKEN)
    log.warning("recovery key: %s", RECOVERY)
    log.warning("refresh password=letmein123 user=alice")
    file_text = _file_text(paths)
    err = capsys.readouterr().err
    for text in (file_text, err):
        for secret in (
            "hunter2-xyz",
            "pk-value-123",
            "ck-value-456",
            "opaque-token-value-789",
            "bonjour",
            TOKEN,
            "5aHq",
            "letmein123",
        ):
            assert secret not in text, secret
        assert "m.login.password" in text  # the rest of the line survives
        assert "ABCDEFG" in text
        assert "user=alice" in text
        assert text.count(REDACTED) >= 9


def test_registered_value_and_exception_text_are_scrubbed(paths):
    setup_logging(paths, "info")
    secret = "some-opaque-key-material-42"
    register_secret(secret)
    log = logging.getLogger("tchap.crypto")
    log.info("unlocking store with %s", secret)
    try:
        raise RuntimeError(f"failed with key {secret} and token {TOKEN}")
    except RuntimeError:
        log.exception("store failed")
    text = _file_text(paths)
    assert secret not in text
    assert TOKEN not in text
    assert "RuntimeError: failed with key" in text  # the traceback is still there
    assert "Traceback" in text


@pytest.mark.posix
def test_level_file_mode_rotation_and_no_duplicates(paths):
    setup_logging(paths, "info")
    setup_logging(paths, "info")  # again: replaces, does not duplicate
    file_handlers = [
        h for h in logs.installed_handlers() if isinstance(h, logging.handlers.RotatingFileHandler)
    ]
    assert len(file_handlers) == 1
    assert file_handlers[0].maxBytes == 2 * 1024 * 1024
    assert file_handlers[0].backupCount == 5
    assert all(
        any(isinstance(f, logs.RedactionFilter) for f in h.filters)
        for h in logs.installed_handlers()
    )
    log = logging.getLogger("tchap.sync")
    log.debug("hidden detail")
    log.info("sync started")
    set_log_level("debug")
    log.debug("visible detail")
    text = _file_text(paths)
    assert "hidden detail" not in text
    assert text.count("sync started") == 1
    assert "visible detail" in text
    assert stat.S_IMODE(paths.log_file.stat().st_mode) == 0o600


def test_redact_leaves_ordinary_text_alone():
    text = "room !abc:example.org has 3 members; next_batch=s1_2_3 body of work"
    assert logs.redact(text) == text
    register_secret("abc")  # too short to scrub safely: ignored
    assert logs.redact("abc") == "abc"
