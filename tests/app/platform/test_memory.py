"""Memory freed after a large sync goes back to the system."""

import sys

import pytest

from app.platform.memory import _malloc_trim, release_free_memory


def _rss_mb() -> float:
    with open("/proc/self/status") as status:
        return next(int(line.split()[1]) for line in status if line.startswith("VmRSS")) / 1024


@pytest.mark.linux
def test_freed_json_memory_is_returned_to_the_system():
    assert sys.platform.startswith("linux") and _malloc_trim() is not None
    import json

    before = _rss_mb()
    # Bodies over 512 bytes come from the C allocator; every 100th stays alive (as the cache's
    # rows and nio's objects do), so the freed space is scattered, not at the heap's top.
    blob = json.dumps([{"event_id": f"$e{i}", "body": "é" * 600} for i in range(100_000)])
    parsed = json.loads(blob)
    del blob
    survivors = [event["body"] for event in parsed[::100]]
    peak = _rss_mb()
    del parsed
    release_free_memory()
    after = _rss_mb()
    assert len(survivors) == 1000
    assert peak - before > 40  # the parse really took memory
    assert after - before < (peak - before) / 2  # and most of it went back


def test_source_lines_read_by_imports_are_forgotten():
    import linecache

    from app.platform.memory import forget_source_lines

    linecache.getlines(__file__)
    assert __file__ in linecache.cache
    forget_source_lines()
    assert __file__ not in linecache.cache
