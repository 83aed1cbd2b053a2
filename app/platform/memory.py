"""Giving memory back to the system after a burst (a large initial sync)."""

from __future__ import annotations

import ctypes
import ctypes.util
import linecache
import logging
import sys
from functools import lru_cache

log = logging.getLogger("tchap.sync")


@lru_cache(maxsize=1)
def _malloc_trim():  # -> the C function, or None
    if not sys.platform.startswith("linux"):
        return None  # macOS and Windows heaps return freed pages on their own
    name = ctypes.util.find_library("c")
    try:
        return ctypes.CDLL(name).malloc_trim if name else None
    except (OSError, AttributeError):  # musl and others have no malloc_trim
        return None


def forget_source_lines() -> None:
    """Drop the source lines that imports left in `linecache`.

    With the UI loaded, PySide6's import hook reads the source of every module imported
    after it (looking for `from __feature__ import`), and `linecache` keeps all of it:
    ~10 MB once nio and aiohttp are in. A traceback reads the lines again if it needs them.
    """
    linecache.clearcache()


def release_free_memory() -> None:
    """Return the allocator's free pages to the OS (glibc keeps them otherwise).

    A first sync parses tens of megabytes of JSON; once the cache holds it, that memory is
    free but stays in the process: ~70 MB at 1 000 rooms.
    """
    forget_source_lines()
    trim = _malloc_trim()
    if trim is not None:
        trim(0)
