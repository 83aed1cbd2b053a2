"""Profile folders: TCHAP_HOME rooting, platformdirs layout, name validation, 0700 folders."""

import os
import stat
from pathlib import Path

import platformdirs
import pytest

from app.platform import paths
from app.platform.paths import InvalidProfileName, policy_file, profile_paths, resources_dir


def _mode(p: Path) -> int:
    return stat.S_IMODE(p.stat().st_mode)


@pytest.mark.posix
def test_tchap_home_roots_every_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("TCHAP_HOME", str(tmp_path))
    p = profile_paths("work")
    root = tmp_path / "profiles" / "work"
    assert p.dirs() == {
        "data": root / "data",
        "cache": root / "cache",
        "config": root / "config",
        "log": root / "log",
    }
    for d in p.dirs().values():
        assert d.is_dir()
        assert _mode(d) == 0o700
    assert p.crypto_dir.parent == p.data_dir
    assert p.cache_db.parent == p.data_dir
    assert p.account_file.parent == p.data_dir
    assert p.settings_file == root / "config" / "settings.json"
    assert p.log_file.parent == p.log_dir


@pytest.mark.posix
def test_existing_folder_is_tightened_to_0700(tmp_path, monkeypatch):
    monkeypatch.setenv("TCHAP_HOME", str(tmp_path))
    loose = tmp_path / "profiles" / "default" / "data"
    loose.mkdir(parents=True)
    os.chmod(loose, 0o755)
    profile_paths()
    assert _mode(loose) == 0o700


def test_without_tchap_home_uses_platformdirs(tmp_path, monkeypatch):
    monkeypatch.delenv("TCHAP_HOME", raising=False)
    # Point the XDG variables at tmp so the real profile is never touched.
    for var in ("XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME"):
        monkeypatch.setenv(var, str(tmp_path / var))
    p = profile_paths("default")
    dirs = platformdirs.PlatformDirs("tchap-desktop", "DINUM")
    assert p.data_dir == dirs.user_data_path / "profiles" / "default"
    assert p.cache_dir == dirs.user_cache_path / "profiles" / "default"
    assert p.config_dir == dirs.user_config_path / "profiles" / "default"
    assert p.log_dir == dirs.user_log_path / "profiles" / "default"
    assert str(p.data_dir).startswith(str(tmp_path))
    assert p.data_dir.is_dir()


def test_create_false_creates_nothing(tmp_path, monkeypatch):
    monkeypatch.setenv("TCHAP_HOME", str(tmp_path))
    p = profile_paths("ghost", create=False)
    assert not p.data_dir.exists()


@pytest.mark.parametrize("name", ["", "a/b", "..", "with space", "é", "x" * 65, "a.b"])
def test_bad_profile_names_are_refused(name, tmp_path, monkeypatch):
    monkeypatch.setenv("TCHAP_HOME", str(tmp_path))
    with pytest.raises(InvalidProfileName):
        profile_paths(name)
    assert not (tmp_path / "profiles").exists()


@pytest.mark.parametrize("name", ["default", "Work-2", "a_b", "x" * 64])
def test_good_profile_names(name, tmp_path, monkeypatch):
    monkeypatch.setenv("TCHAP_HOME", str(tmp_path))
    assert profile_paths(name).profile == name


def test_policy_file_env_and_site_default(tmp_path, monkeypatch):
    monkeypatch.setenv("TCHAP_POLICY_FILE", str(tmp_path / "p.toml"))
    assert policy_file() == tmp_path / "p.toml"
    monkeypatch.delenv("TCHAP_POLICY_FILE")
    monkeypatch.delenv("XDG_CONFIG_DIRS", raising=False)
    assert policy_file() == Path("/etc/xdg/tchap-desktop/policy.toml")


def test_resources_dir_source_tree_and_bundle(tmp_path, monkeypatch):
    assert (resources_dir() / "config" / "defaults.toml").is_file()
    monkeypatch.setattr(paths.sys, "_MEIPASS", str(tmp_path), raising=False)
    assert resources_dir() == tmp_path / "resources"


@pytest.mark.posix
def test_write_json_atomic_mode_and_content(tmp_path):
    target = tmp_path / "sub" / "f.json"
    paths.write_json_atomic(target, {"a": 1})
    paths.write_json_atomic(target, {"a": 2})
    assert target.read_text().strip().endswith("}")
    assert '"a": 2' in target.read_text()
    assert _mode(target) == 0o600
    assert [f.name for f in target.parent.iterdir()] == ["f.json"]  # no temp file left
