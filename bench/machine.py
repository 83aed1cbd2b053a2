"""The machine a benchmark ran on, and memory readings of a process (Linux /proc)."""

from __future__ import annotations

import os
import platform
import sys
import time
from pathlib import Path


def cpu_model() -> str:
    """The CPU's model name (Linux /proc/cpuinfo, else platform.processor())."""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def ram_mb() -> int | None:
    """Total RAM in MB (None where /proc/meminfo is missing)."""
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                return int(line.split()[1]) // 1024
    except OSError:
        pass
    return None


def synapse_version() -> str:
    """The installed Synapse's version."""
    try:
        from importlib.metadata import version

        return version("matrix-synapse")
    except Exception:  # noqa: BLE001 (information only)
        return "?"


def machine_info() -> dict:
    """CPU, cores, RAM, OS, Python, Synapse, date: the results file's `machine` block."""
    return {
        "cpu": cpu_model(),
        "cores": os.cpu_count(),
        "ram_mb": ram_mb(),
        "os": platform.platform(),
        "python": sys.version.split()[0],
        "synapse": synapse_version(),
        "date": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
    }


def parse_kb_fields(text: str, fields: tuple[str, ...]) -> dict[str, int]:
    """Pick `Name:  1234 kB` lines out of /proc/<pid>/status or smaps_rollup text."""
    out: dict[str, int] = {}
    for line in text.splitlines():
        name, _, rest = line.partition(":")
        if name in fields:
            out[name] = int(rest.split()[0])
    return out


def memory_mb(pid: int) -> dict[str, float | None]:
    """{"rss": MB, "pss": MB or None} of a process, from /proc (RSS alone off Linux: psutil)."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return {"rss": _psutil_rss(pid), "pss": None}
    rss = parse_kb_fields(status, ("VmRSS",)).get("VmRSS")
    pss = None
    try:
        rollup = Path(f"/proc/{pid}/smaps_rollup").read_text()
        pss = parse_kb_fields(rollup, ("Pss",)).get("Pss")
    except OSError:
        pass
    return {
        "rss": rss / 1024 if rss is not None else None,
        "pss": pss / 1024 if pss is not None else None,
    }


def _psutil_rss(pid: int) -> float | None:
    try:
        import psutil

        return psutil.Process(pid).memory_info().rss / 2**20
    except Exception:  # noqa: BLE001 (psutil missing or the process gone)
        return None
