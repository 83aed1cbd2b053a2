"""Command line: --version, --profile validation, --check without Qt, the normal start path."""

import os
import subprocess
import sys
import types
from pathlib import Path

import pytest

import app
from app.platform import logs
from tchap_desktop import cli

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def env(tmp_path, monkeypatch):
    """TCHAP_HOME and an absent policy file, also for subprocesses."""
    monkeypatch.setenv("TCHAP_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("TCHAP_POLICY_FILE", str(tmp_path / "policy.toml"))
    yield tmp_path
    logs.remove_handlers()


def test_version(capsys):
    assert cli.main(["--version"]) == 0
    assert (
        capsys.readouterr().out.strip()
        == f"tchap-desktop {app.__version__}"
        == ("tchap-desktop 0.1.0")
    )


@pytest.mark.parametrize("name", ["../escape", "with space", "x" * 65])
def test_bad_profile_name_is_a_usage_error(name, capsys, env):
    assert cli.main(["--profile", name]) == 2
    assert "profile name" in capsys.readouterr().err
    assert not (env / "home").exists()


def test_python_m_check_never_imports_qt(env, synapse):
    (env / "policy.toml").write_text(f'homeserver = "{synapse.url}"\n')
    code = (
        "import sys; from tchap_desktop.cli import main; rc = main(['--check', '--profile', 'it']);"
        "print('QT-LOADED', any(m.startswith('PySide6') for m in sys.modules)); sys.exit(rc)"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "RESULT: OK" in proc.stdout
    assert "profile: it" in proc.stdout
    assert "QT-LOADED False" in proc.stdout
    assert (env / "home" / "profiles" / "it" / "data").is_dir()


def test_python_m_version():
    proc = subprocess.run(
        [sys.executable, "-m", "tchap_desktop", "--version"],
        cwd=ROOT,
        capture_output=True,
        check=False,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 0
    assert proc.stdout.strip() == "tchap-desktop 0.1.0"


def test_check_failure_exit_status(env, capsys):
    assert cli.main(["--check"]) == 1  # no homeserver configured anywhere
    assert "no homeserver configured" in capsys.readouterr().out.splitlines()[-1]


def test_normal_start_sets_up_logging_and_hands_over_to_the_ui(env, monkeypatch):
    calls = []
    fake = types.ModuleType("ui.app")
    fake.run = lambda profile, args: calls.append((profile, args)) or 7
    monkeypatch.setitem(sys.modules, "ui.app", fake)
    (env / "policy.toml").write_text('log_level = "debug"\n')
    assert cli.main(["--profile", "work"]) == 7
    ((profile, args),) = calls
    assert profile.name == "work" and args.profile == "work"
    assert profile.paths.log_file.is_file()
    assert os.environ["TCHAP_HOME"] in str(profile.paths.log_file)
    # No --log-level: the configured level (from the policy) applies to the file.
    assert logs.installed_handlers()[0].level == 10
    calls.clear()
    assert cli.main(["--profile", "work", "--log-level", "error"]) == 7
    assert logs.installed_handlers()[0].level == 40


def test_smoke_ui_starts_qt_and_imports_the_ui():
    proc = subprocess.run(
        [sys.executable, "-m", "tchap_desktop", "--smoke-ui"],
        cwd=ROOT,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        capture_output=True,
        check=False,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 0, proc.stderr
    assert "ui: OK (Qt 6." in proc.stdout
    assert "platform offscreen" in proc.stdout


def test_the_core_never_imports_qt_nor_the_ui():
    """app/ is the Qt-free core: not one module of it, at any depth, imports PySide6, qasync or
    ui, not even lazily inside a function."""
    import ast
    from pathlib import Path

    modules = sorted(Path(ROOT, "app").rglob("*.py"))
    assert len(modules) > 30  # every subpackage is walked, not only the top level
    for path in modules:
        for node in ast.walk(ast.parse(path.read_text())):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            for name in names:
                assert name.split(".")[0] not in ("PySide6", "qasync", "ui"), (
                    f"{path} imports {name}"
                )


def test_a_malformed_policy_is_a_problem_in_check(env, capsys):
    """IT's policy that cannot be parsed fails --check, it is never "skipped"."""
    (env / "policy.toml").write_text('homeserver = "https://matrix.example\nlocked = [\n')
    assert cli.main(["--check"]) == 1
    out, err = capsys.readouterr()
    assert f"problem: the machine policy {env / 'policy.toml'} cannot be used" in out
    assert "is not valid TOML: TOMLDecodeError" in out
    assert "refuses to start" in out
    assert str(env / "policy.toml") in err and "contact your IT support" in err


@pytest.mark.parametrize(
    "policy, why",
    [
        ('locked = "homeserver"\n', "has a bad 'locked' list"),
        ('locked = ["homserver"]\n', "unknown keys"),
        ('homeserver = 42\nlocked = ["homeserver"]\n', "has a value of the wrong type"),
    ],
)
def test_every_unusable_policy_is_a_problem_in_check(env, capsys, policy, why):
    (env / "policy.toml").write_text(policy)
    assert cli.main(["--check"]) == 1
    out = capsys.readouterr().out
    assert "skipped" not in out
    problems = [line for line in out.splitlines() if line.startswith("problem:")]
    assert str(env / "policy.toml") in problems[0] and why in problems[0]


def test_a_policy_path_that_cannot_be_read_is_a_problem_in_check(env, capsys):
    (env / "policy.toml").mkdir()  # tests run as root: chmod 000 would still be readable
    assert cli.main(["--check"]) == 1
    assert "cannot be read: IsADirectoryError" in capsys.readouterr().out


def test_a_malformed_policy_stops_the_client_with_a_sentence(env, monkeypatch):
    """The GUI start shows the IT sentence and starts nothing (no window, no session)."""
    shown = []
    fake = types.ModuleType("ui.app")
    fake.run = lambda profile, args: pytest.fail("the client started on a broken policy")
    fake.show_policy_error = lambda path: shown.append(path) or 78
    monkeypatch.setitem(sys.modules, "ui.app", fake)
    (env / "policy.toml").write_text("locked = 3\n")
    assert cli.main(["--profile", "work"]) == 78
    assert shown == [str(env / "policy.toml")]


def test_the_policy_sentence_is_translated(qapp):
    from ui.app import policy_error_text

    text = policy_error_text("/etc/xdg/tchap-desktop/policy.toml")
    assert "/etc/xdg/tchap-desktop/policy.toml" in text and "IT" in text
