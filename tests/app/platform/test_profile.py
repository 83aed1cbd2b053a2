"""Profile: folders + config + secret store; the non-secret account file."""

import json
import stat

import pytest

from app.platform.profile import Profile
from app.platform.secrets import service_name


@pytest.fixture
def home(tmp_path, monkeypatch):
    monkeypatch.setenv("TCHAP_HOME", str(tmp_path / "home"))
    policy = tmp_path / "policy.toml"
    monkeypatch.setenv("TCHAP_POLICY_FILE", str(policy))
    return tmp_path / "home", policy


def test_load_creates_folders_and_wires_everything(home):
    root, _ = home
    profile = Profile.load("work")
    assert profile.name == "work"
    assert profile.paths.data_dir == root / "profiles" / "work" / "data"
    assert all(d.is_dir() for d in profile.paths.dirs().values())
    assert profile.config.get("homeserver") == ""
    assert profile.secrets.service == service_name("work") == "tchap-desktop:work"
    assert not profile.secrets.using_plaintext


def test_plaintext_opt_in_comes_from_config(home):
    _, policy = home
    first = Profile.load()
    first.config.set("allow_plaintext_secrets", True)
    assert Profile.load().secrets._allow_plaintext is True
    # IT can lock it off: the user's opt-in is then ignored.
    policy.write_text('allow_plaintext_secrets = false\nlocked = ["allow_plaintext_secrets"]\n')
    assert Profile.load().secrets._allow_plaintext is False


@pytest.mark.posix
def test_account_round_trip(home):
    profile = Profile.load()
    assert profile.read_account() is None
    account = {"user_id": "@alice:example.org", "device_id": "DEV1", "homeserver": "http://h"}
    profile.write_account(account)
    assert profile.read_account() == account
    assert stat.S_IMODE(profile.paths.account_file.stat().st_mode) == 0o600
    assert json.loads(profile.paths.account_file.read_text()) == account
    profile.clear_account()
    assert profile.read_account() is None
    profile.clear_account()  # twice is fine


def test_account_file_refuses_secrets(home):
    profile = Profile.load()
    with pytest.raises(ValueError):
        profile.write_account({"user_id": "@a:b", "access_token": "syt_x"})
    with pytest.raises(TypeError):
        profile.write_account({"device_id": "D"})
    assert not profile.paths.account_file.exists()


@pytest.mark.parametrize("content", ["{broken", "[]", '{"device_id": "D"}'])
def test_bad_account_file_reads_as_signed_out(home, content):
    profile = Profile.load()
    profile.paths.account_file.write_text(content)
    assert profile.read_account() is None
