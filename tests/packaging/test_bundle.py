"""The PyInstaller bundle builds, and its native parts, keyring, Qt and UI load inside it."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SPEC = ROOT / "packaging" / "tchap-desktop.spec"

pytestmark = [pytest.mark.slow, pytest.mark.timeout(900)]


@pytest.fixture(scope="module")
def bundle(tmp_path_factory) -> Path:
    """Build the one-folder bundle once for this module (~25-60 s); returns its folder."""
    out = tmp_path_factory.mktemp("pyinstaller")
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--clean",
            "--distpath",
            str(out / "dist"),
            "--workpath",
            str(out / "build"),
            str(SPEC),
        ],
        cwd=ROOT,
        capture_output=True,
        check=False,
        text=True,
        timeout=800,
    )
    assert proc.returncode == 0, proc.stderr[-5000:]
    folder = out / "dist" / "tchap-desktop"
    assert (folder / "tchap-desktop").is_file()
    return folder


def run_bundle(bundle: Path, *args: str, env: dict[str, str] | None = None):
    return subprocess.run(
        [str(bundle / "tchap-desktop"), *args],
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", **(env or {})},
        capture_output=True,
        check=False,
        text=True,
        timeout=120,
    )


def test_version(bundle):
    proc = run_bundle(bundle, "--version")
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "tchap-desktop 0.1.0"


def test_check_against_synapse(bundle, synapse, tmp_path, keyring_backend):
    policy = tmp_path / "policy.toml"
    policy.write_text(f'homeserver = "{synapse.url}"\nlocked = ["homeserver"]\n')
    env = {"TCHAP_HOME": str(tmp_path / "home"), "TCHAP_POLICY_FILE": str(policy)}
    proc = run_bundle(bundle, "--check", env=env)
    out = proc.stdout
    assert proc.returncode == 0, out + proc.stderr
    assert "bundle: yes" in out
    assert "_internal/resources/config/defaults.toml: read" in out  # found via sys._MEIPASS
    assert "[locked]" in out
    assert "backend: SecretService Keyring" in out  # keyring's entry points made it in
    assert "status: ok" in out
    assert "crypto: vodozemac OK" in out
    assert "cache: SQLCipher OK" in out
    assert "client API versions: " in out and "v1.11" in out
    assert "unstable features: " in out
    assert out.rstrip().splitlines()[-1] == "RESULT: OK"
    assert (tmp_path / "home" / "profiles" / "default" / "data").is_dir()


def test_check_fails_without_homeserver(bundle, tmp_path):
    env = {"TCHAP_HOME": str(tmp_path / "home"), "TCHAP_POLICY_FILE": str(tmp_path / "none")}
    proc = run_bundle(bundle, "--check", env=env)
    assert proc.returncode == 1
    assert "no homeserver configured" in proc.stdout.rstrip().splitlines()[-1]


def test_gui_starts_in_the_bundle(bundle):
    proc = run_bundle(bundle, "--smoke-ui")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "ui: OK (Qt 6." in proc.stdout
    assert "platform offscreen" in proc.stdout


def test_bundle_contents(bundle):
    internal = bundle / "_internal"
    plugins = internal / "PySide6" / "Qt" / "plugins"
    assert (plugins / "platforms" / "libqoffscreen.so").is_file()
    assert (plugins / "platforms" / "libqxcb.so").is_file()
    assert not list(internal.rglob("libqgtk3*"))  # would drag the build host's GTK in
    names = {p.name for p in internal.rglob("*")}
    assert not {n for n in names if n.startswith(("libgtk-3", "libgdk-3", "libQt6WebEngine"))}
    assert not {n for n in names if n.startswith(("libQt6Quick", "libQt6Qml", "libQt63D"))}
    assert (internal / "resources" / "config" / "defaults.toml").is_file()
    assert (internal / "resources" / "icons").is_dir()
