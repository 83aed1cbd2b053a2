"""The platform markers skip a test only on the other platforms, never where it belongs."""

import sys

import pytest

from tests import conftest


def test_unmarked_tests_always_run():
    assert conftest.platform_skip_reason({"slow", "asyncio"}) is None


@pytest.mark.parametrize("marker", sorted(conftest.PLATFORM_MARKERS))
def test_a_marked_test_runs_on_its_platform_and_is_skipped_elsewhere(marker, monkeypatch):
    monkeypatch.setitem(conftest.PLATFORM_MARKERS, marker, True)
    assert conftest.platform_skip_reason({marker}) is None
    monkeypatch.setitem(conftest.PLATFORM_MARKERS, marker, False)
    assert marker in conftest.platform_skip_reason({marker})


def test_linux_tests_run_here_on_linux():
    """On Linux CI nothing marked `linux` or `posix` is hidden."""
    if sys.platform.startswith("linux"):
        assert conftest.platform_skip_reason({"linux"}) is None
        assert conftest.platform_skip_reason({"posix"}) is None


def test_either_of_two_platforms_is_enough(monkeypatch):
    monkeypatch.setitem(conftest.PLATFORM_MARKERS, "linux", False)
    monkeypatch.setitem(conftest.PLATFORM_MARKERS, "macos", True)
    assert conftest.platform_skip_reason({"linux", "macos"}) is None


@pytest.mark.linux
def test_the_hook_leaves_a_linux_test_running_on_linux():
    assert sys.platform.startswith("linux")
