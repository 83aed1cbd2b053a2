"""Machine info and /proc memory parsing."""

import os

from bench.machine import machine_info, memory_mb, parse_kb_fields


def test_parse_kb_fields_picks_named_lines():
    text = "Name:\tpython\nVmRSS:\t  204800 kB\nVmHWM:\t 300000 kB\n"
    assert parse_kb_fields(text, ("VmRSS",)) == {"VmRSS": 204800}
    assert parse_kb_fields("Rss: 10 kB\nPss: 7 kB\n", ("Pss", "Rss")) == {"Rss": 10, "Pss": 7}


def test_own_memory_and_machine_block():
    mem = memory_mb(os.getpid())
    assert mem["rss"] is not None and mem["rss"] > 1
    info = machine_info()
    assert info["cores"] >= 1
    assert {"cpu", "ram_mb", "python", "synapse", "date"} <= set(info)
