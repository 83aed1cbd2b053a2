"""Command line: `tchap-desktop [--profile NAME] [--check] [--log-level LEVEL]`, `python -m tchap_desktop`.

It sits above both `app/` (the Qt-free core) and `ui/`: the core never imports the UI.

`--check` and `--version` never import Qt: they must work on a machine where the GUI cannot
start, which is exactly when IT runs them.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys

from app import __version__
from app.platform.paths import DEFAULT_PROFILE, InvalidProfileName, validate_profile_name

log = logging.getLogger("tchap.ui")

LOG_LEVELS = ("debug", "info", "warning", "error")


def _profile_name(text: str) -> str:
    try:
        return validate_profile_name(text)
    except InvalidProfileName:
        raise argparse.ArgumentTypeError(
            "a profile name has 1 to 64 letters, digits, '-' or '_'"
        ) from None


def build_parser() -> argparse.ArgumentParser:
    """The argument parser (also used by the UI to read its own options)."""
    parser = argparse.ArgumentParser(
        prog="tchap-desktop", description="Tchap Desktop, the French state's Matrix messenger."
    )
    parser.add_argument("--version", action="version", version=f"tchap-desktop {__version__}")
    parser.add_argument(
        "--profile",
        type=_profile_name,
        default=DEFAULT_PROFILE,
        metavar="NAME",
        help="use a separate profile (folders, settings, keyring entries); default: %(default)s",
    )
    parser.add_argument(
        "--check", action="store_true", help="print a diagnostic report for IT support and exit"
    )
    parser.add_argument(
        "--log-level", choices=LOG_LEVELS, default=None, help="log file level (default: settings)"
    )
    # Packaging self-test: proves the bundle can start Qt and import the UI, then exits.
    parser.add_argument("--smoke-ui", action="store_true", help=argparse.SUPPRESS)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Entry point of `tchap-desktop` and `python -m tchap_desktop`; returns the exit status."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # --version, --help, or a usage error (already printed)
        return exc.code if isinstance(exc.code, int) else 0 if exc.code is None else 2

    if args.smoke_ui:
        return _smoke_ui()
    if args.check:
        return _check(args)
    return _start(args)


def _check(args: argparse.Namespace) -> int:
    from app import check
    from app.platform.config import ConfigError, PolicyError
    from app.platform.logs import setup_stderr_logging
    from app.platform.profile import Profile

    setup_stderr_logging()
    try:
        profile = Profile.load(args.profile)
    except PolicyError as exc:
        print(f"tchap-desktop {__version__} --check")
        print(f"problem: the machine policy {exc.path} cannot be used: {exc.reason}")
        print("problem: the client refuses to start until the policy file is fixed")
        print("RESULT: 2 problem(s)")
        print(
            f"tchap-desktop: the settings your IT department installed ({exc.path}) "
            f"{exc.problem.value}; Tchap will not start. Please contact your IT support.",
            file=sys.stderr,
        )
        return 1
    except (OSError, ConfigError) as exc:
        print(f"tchap-desktop {__version__} --check")
        print(f"problem: cannot open profile {args.profile!r}: {exc}")
        return 1
    return check.run(profile)


def _start(args: argparse.Namespace) -> int:
    from app.platform.config import PolicyError
    from app.platform.logs import set_log_level, setup_logging
    from app.platform.paths import profile_paths
    from app.platform.profile import Profile

    # Logging first, so warnings about the settings files reach the log file.
    setup_logging(profile_paths(args.profile), args.log_level or "info")
    try:
        profile = Profile.load(args.profile)
    except PolicyError as exc:  # fail closed: never start on the user's settings alone
        log.error("not starting: %s", exc)
        from ui.app import show_policy_error

        return show_policy_error(str(exc.path))
    if args.log_level is None:
        set_log_level(profile.config.get("log_level"))
    log.info("tchap-desktop %s starting, profile %s", __version__, profile.name)

    from ui.app import run  # Qt is imported here, never for --check or --version

    return run(profile, args)


def _smoke_ui() -> int:
    # Behind a hidden flag: the packaging test proves the bundle holds a working Qt and the ui
    # package without opening a window. Qt itself stays in ui/.
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from ui.app import smoke

    return smoke()
