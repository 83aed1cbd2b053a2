"""Settings saved off the event loop: update() is in force at once, writes coalesce, flush()."""

import asyncio
import json
import threading

import pytest

from app.platform import config as config_module
from app.platform.config import Config, SettingLocked, UnknownSetting
from app.platform.paths import profile_paths


@pytest.fixture
def paths(tmp_path, monkeypatch):
    monkeypatch.setenv("TCHAP_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("TCHAP_POLICY_FILE", str(tmp_path / "policy.toml"))
    return profile_paths("default")


@pytest.fixture
def writes(monkeypatch):
    """Record the thread and content of every settings write (the real write still happens)."""
    seen: list[tuple[str, dict]] = []
    real = config_module.write_json_atomic

    def recording(path, data, mode=0o600):
        seen.append((threading.current_thread().name, dict(data)))
        real(path, data, mode)

    monkeypatch.setattr(config_module, "write_json_atomic", recording)
    return seen


async def test_update_is_in_force_at_once_and_written_off_the_loop(paths, writes):
    cfg = Config.load(paths)
    cfg.update("theme", "dark")
    assert cfg.get("theme") == "dark"  # before any write
    await cfg.flush()
    assert json.loads(paths.settings_file.read_text()) == {"theme": "dark"}
    ((thread, _),) = writes
    assert thread != threading.main_thread().name
    assert Config.load(paths).get("theme") == "dark"


async def test_changes_in_one_turn_coalesce_into_one_write(paths, writes):
    cfg = Config.load(paths)
    cfg.update("theme", "dark")
    cfg.update("language", "fr")
    cfg.update("theme", "light")
    await cfg.flush()
    assert [data for _, data in writes] == [{"theme": "light", "language": "fr"}]


async def test_a_change_during_a_write_is_written_after_it(paths, writes):
    cfg = Config.load(paths)
    cfg.update("theme", "dark")
    while not writes:  # the first write has started in its thread
        await asyncio.sleep(0.001)
    cfg.update("language", "en")
    cfg.update("language", "fr")
    await cfg.flush()
    assert writes[-1][1] == {"theme": "dark", "language": "fr"}
    assert len(writes) <= 2
    assert json.loads(paths.settings_file.read_text()) == {"theme": "dark", "language": "fr"}


async def test_a_sync_set_during_a_background_write_is_not_overwritten(paths, writes):
    cfg = Config.load(paths)
    cfg.update("theme", "dark")
    cfg.set("language", "fr")  # the CLI path: written now
    await cfg.flush()
    assert json.loads(paths.settings_file.read_text()) == {"theme": "dark", "language": "fr"}


async def test_update_checks_the_value_before_anything(paths, tmp_path):
    (tmp_path / "policy.toml").write_text(
        'homeserver = "https://it.example"\nlocked = ["homeserver"]\n'
    )
    cfg = Config.load(paths)
    with pytest.raises(SettingLocked):
        cfg.update("homeserver", "https://mine.example")
    with pytest.raises(UnknownSetting):
        cfg.update("nope", 1)
    with pytest.raises(ValueError):
        cfg.update("theme", "pink")
    await cfg.flush()
    assert not paths.settings_file.exists()
    assert cfg.get("homeserver") == "https://it.example"


async def test_a_failed_write_is_logged_and_flush_reports_it(paths, caplog):
    cfg = Config.load(paths)
    # A non-empty folder where settings.json goes: the rename fails, even for root.
    paths.settings_file.mkdir(parents=True)
    (paths.settings_file / "keep").write_text("x")
    cfg.update("theme", "dark")
    await asyncio.sleep(0.05)
    while cfg._save_task is not None and not cfg._save_task.done():
        await asyncio.sleep(0.01)
    assert "not saved" in caplog.text and str(paths.settings_file) in caplog.text
    assert cfg.get("theme") == "dark"  # still in force for this run
    with pytest.raises(OSError):
        await cfg.flush()


async def test_flush_without_changes_does_nothing(paths, writes):
    cfg = Config.load(paths)
    await cfg.flush()
    assert writes == [] and not paths.settings_file.exists()
