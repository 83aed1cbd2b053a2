"""Layered settings: defaults < policy (locks) < user; bad files never crash."""

import json
import logging
import stat

import pytest

from app.platform.config import (
    NOT_FOUND,
    READ,
    Config,
    PolicyError,
    PolicyProblem,
    SettingLocked,
    UnknownSetting,
    defaults_file,
)
from app.platform.paths import profile_paths


@pytest.fixture
def env(tmp_path, monkeypatch):
    """A TCHAP_HOME profile and a policy path (not written yet)."""
    monkeypatch.setenv("TCHAP_HOME", str(tmp_path / "home"))
    policy = tmp_path / "policy.toml"
    monkeypatch.setenv("TCHAP_POLICY_FILE", str(policy))
    return profile_paths("default"), policy


def test_defaults_only(env):
    paths, policy = env
    cfg = Config.load(paths)
    assert cfg.get("homeserver") == ""
    assert "matrix.agent.dinum.tchap.gouv.fr" in cfg.get("homeserver_list")  # production
    assert cfg.get("email_domains") == {}
    assert cfg.get("language") == ""
    assert cfg.get("allow_plaintext_secrets") is False
    assert cfg.get("log_level") == "info"
    assert cfg.get("sync_timeout_ms") == 30000
    assert cfg.get("theme") == "system"
    assert cfg.get("send_read_receipts") is True
    assert cfg.get("url_previews") is False
    assert cfg.source("homeserver") == "default"
    assert cfg.locked_keys() == []
    assert cfg.files_read() == [
        (defaults_file(), READ),
        (policy, NOT_FOUND),
        (paths.settings_file, NOT_FOUND),
    ]


def test_policy_sets_and_locks_user_value_ignored(env, caplog):
    paths, policy = env
    policy.write_text(
        'homeserver = "https://matrix.example.gouv.fr"\n'
        "url_previews = true\n"
        'locked = ["homeserver", "allow_plaintext_secrets"]\n'
    )
    paths.settings_file.write_text(
        json.dumps({"homeserver": "https://evil.example", "url_previews": False, "theme": "dark"})
    )
    with caplog.at_level(logging.WARNING, logger="tchap.config"):
        cfg = Config.load(paths)
    assert cfg.get("homeserver") == "https://matrix.example.gouv.fr"
    assert cfg.source("homeserver") == f"policy:{policy}"
    assert cfg.is_locked("homeserver")
    assert cfg.is_locked("allow_plaintext_secrets")
    assert cfg.get("allow_plaintext_secrets") is False  # locked at its default
    assert cfg.locked_keys() == ["allow_plaintext_secrets", "homeserver"]
    # Not locked: the user wins over the policy.
    assert cfg.get("url_previews") is False
    assert cfg.source("url_previews") == f"user:{paths.settings_file}"
    assert cfg.get("theme") == "dark"
    locked_warnings = [r for r in caplog.records if "locked" in r.getMessage()]
    assert len(locked_warnings) == 1
    with pytest.raises(SettingLocked):
        cfg.set("homeserver", "https://other.example")
    with pytest.raises(SettingLocked):
        cfg.set("allow_plaintext_secrets", True)


@pytest.mark.posix
def test_set_writes_user_layer_atomically(env):
    paths, _ = env
    cfg = Config.load(paths)
    cfg.set("language", "fr")
    cfg.set("homeserver_list", ["https://a.example", "https://b.example"])
    assert cfg.get("language") == "fr"
    assert json.loads(paths.settings_file.read_text()) == {
        "language": "fr",
        "homeserver_list": ["https://a.example", "https://b.example"],
    }
    assert stat.S_IMODE(paths.settings_file.stat().st_mode) == 0o600
    again = Config.load(paths)
    assert again.get("language") == "fr"
    assert again.source("language") == f"user:{paths.settings_file}"
    again.reset("language")
    assert again.get("language") == ""
    assert Config.load(paths).get("language") == ""


def test_set_refuses_bad_values(env):
    paths, _ = env
    cfg = Config.load(paths)
    with pytest.raises(UnknownSetting):
        cfg.set("no_such_key", 1)
    with pytest.raises(ValueError):
        cfg.set("sync_timeout_ms", "30000")
    with pytest.raises(ValueError):
        cfg.set("send_read_receipts", 1)  # an int is not a bool
    with pytest.raises(ValueError):
        cfg.set("language", "de")
    with pytest.raises(UnknownSetting):
        cfg.get("no_such_key")
    assert not paths.settings_file.exists()


def test_get_returns_a_copy_of_lists(env):
    paths, _ = env
    cfg = Config.load(paths)
    before = list(cfg.get("homeserver_list"))
    cfg.get("homeserver_list").append("https://sneaky.example")
    assert cfg.get("homeserver_list") == before


def test_unknown_and_mistyped_keys_are_ignored_with_warnings(env, caplog):
    paths, policy = env
    policy.write_text('bogus = 1\ntheme = "dark"\n')
    paths.settings_file.write_text(
        json.dumps({"send_read_receipts": "yes", "other": True, "homeserver_list": [1]})
    )
    with caplog.at_level(logging.WARNING, logger="tchap.config"):
        cfg = Config.load(paths)
    assert cfg.get("sync_timeout_ms") == 30000
    assert cfg.get("theme") == "dark"
    assert cfg.get("send_read_receipts") is True
    assert 1 not in cfg.get("homeserver_list")
    assert cfg.locked_keys() == []
    text = "\n".join(r.getMessage() for r in caplog.records)
    for word in ("bogus", "send_read_receipts", "other"):
        assert word in text
    assert str(policy) in text


@pytest.mark.parametrize("user_text", ["{not json", "[1, 2]", '"a string"'])
def test_a_malformed_user_file_is_skipped(env, caplog, user_text):
    paths, _ = env
    paths.settings_file.write_text(user_text)
    with caplog.at_level(logging.WARNING, logger="tchap.config"):
        cfg = Config.load(paths)
    assert cfg.get("homeserver") == ""
    statuses = dict(cfg.files_read())
    assert statuses[paths.settings_file].startswith("skipped")
    assert any(str(paths.settings_file) in r.getMessage() for r in caplog.records)


@pytest.mark.parametrize(
    "policy_bytes, problem, why",
    [
        (b"homeserver = [unclosed", PolicyProblem.NOT_TOML, "TOMLDecodeError"),
        (b"\xff\xfe binary", PolicyProblem.NOT_TOML, "UnicodeDecodeError"),
        (b"locked = 3", PolicyProblem.BAD_LOCKED, "'locked' must be a list"),
        (b'locked = ["homeserver", 2]', PolicyProblem.BAD_LOCKED, "'locked' must be a list"),
        (b'locked = ["homserver"]', PolicyProblem.BAD_LOCKED, "unknown keys: ['homserver']"),
        (b'homeserver = 42\nlocked = ["homeserver"]', PolicyProblem.BAD_VALUE, "homeserver"),
        (b'sync_timeout_ms = "fast"', PolicyProblem.BAD_VALUE, "sync_timeout_ms"),
    ],
)
def test_an_unusable_policy_fails_closed(env, policy_bytes, problem, why):
    """IT's file is never skipped: the user's settings must not choose what IT locked."""
    paths, policy = env
    policy.write_bytes(policy_bytes)
    paths.settings_file.write_text(json.dumps({"homeserver": "https://user-choice.example"}))
    with pytest.raises(PolicyError) as raised:
        Config.load(paths)
    assert raised.value.path == policy
    assert raised.value.problem is problem
    assert why in raised.value.reason


def test_an_unreadable_policy_fails_closed(env):
    paths, policy = env
    policy.mkdir()  # exists, cannot be read as a file (we run as root: no chmod trick)
    with pytest.raises(PolicyError) as raised:
        Config.load(paths)
    assert raised.value.problem is PolicyProblem.UNREADABLE
    assert "IsADirectoryError" in raised.value.reason


def test_a_policy_error_stops_the_profile_too(env):
    """Profile.load (what the launcher calls) never hands out a Config built without IT's file."""
    from app.platform.profile import Profile

    paths, policy = env
    policy.write_text('homeserver = "https://it.example"\nlocked = ["homeserver"\n')
    paths.settings_file.write_text(json.dumps({"homeserver": "https://user-choice.example"}))
    with pytest.raises(PolicyError):
        Profile.load("default")


def test_items_lists_every_key_with_source(env):
    paths, policy = env
    policy.write_text('theme = "light"\nlocked = ["theme"]\n')
    cfg = Config.load(paths)
    items = {i.key: i for i in cfg.items()}
    assert set(items) == set(cfg.keys())
    assert items["theme"].value == "light"
    assert items["theme"].locked is True
    assert items["theme"].source == f"policy:{policy}"
    assert items["language"].source == "default"
