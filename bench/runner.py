"""One benchmark run per account size: restore the snapshot, measure, report.

Each run starts from a fresh copy of the snapshot (the measures send messages and add
devices), so every run sees the same server. Client-driven figures come from
`bench.driver` subprocesses (the real application, offscreen); raw figures from
`bench.raw_sync`; `first_login_to_incremental_s` from the timestamping proxy the client
is pointed at.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from bench import snapshot
from bench.machine import machine_info
from bench.plan import make_plan, snapshot_name
from bench.proxy import TimestampingProxy
from bench.raw_sync import client_sync_filter, raw_initial_sync
from bench.report import FIGURES, RESULTS_FILE, NotAvailable, table, write_results
from bench.stats import Summary, median, percentile

REPO = Path(__file__).resolve().parent.parent
DRIVER_TIMEOUT_S = 1800


def ensure_snapshot(rooms: int, events: int, reseed: bool = False) -> str:
    """The snapshot's name, seeding it first if missing (and saying how long that took)."""
    name = snapshot_name(rooms, events)
    if reseed or not snapshot.has_snapshot(name):
        from bench.seed import seed_snapshot

        print(f"No snapshot {name} yet: seeding it now (done once).", flush=True)
        meta = seed_snapshot(rooms, events)
        print(f"Seeding took {meta['seeding_s'] / 60:.1f} min.", flush=True)
    from bench.receipts import ensure_receipts

    ensure_receipts(name)  # snapshots seeded before receipts were part of the account
    return name


def run_driver(scenario: str, config: dict, home: Path, t_launch: list[float]) -> Driven:
    """Run `python -m bench.driver SCENARIO`; its BENCH lines, and what went wrong if anything."""
    cfg_path = home / f"driver-{scenario}.json"
    cfg_path.write_text(json.dumps(config))
    cfg_path.chmod(0o600)
    env = dict(os.environ)
    env.update(
        TCHAP_HOME=str(home),
        BENCH_DRIVER_CONFIG=str(cfg_path),
        QT_QPA_PLATFORM=env.get("QT_QPA_PLATFORM", "offscreen"),
        PYTHONPATH=str(REPO) + os.pathsep + env.get("PYTHONPATH", ""),
    )
    t_launch.append(time.time())
    try:
        proc = subprocess.run(
            [sys.executable, "-m", "bench.driver", scenario],
            check=False,
            cwd=REPO,
            env=env,
            capture_output=True,
            text=True,
            timeout=DRIVER_TIMEOUT_S,
        )
        out, err, code = proc.stdout, proc.stderr, proc.returncode
    except subprocess.TimeoutExpired as exc:
        out = exc.stdout.decode() if isinstance(exc.stdout, bytes) else exc.stdout or ""
        err, code = f"timed out after {DRIVER_TIMEOUT_S}s", -1
    # Kept for a post-mortem (no secrets: the driver prints timestamps and counts only).
    logs = snapshot.cache_root() / "logs"
    logs.mkdir(parents=True, exist_ok=True)
    quick = "-quick" if config.get("quick") else ""
    log_path = logs / f"driver-{config['profile']}-{scenario}{quick}.log"
    log_path.write_text(out + err)
    lines = [json.loads(x[6:]) for x in out.splitlines() if x.startswith("BENCH ")]
    problem = ""
    errors = [x for x in lines if x["name"] == "error"]
    if errors:
        problem = f"{scenario}: {errors[0]['error']}"
    elif code != 0:
        fatal = next((x for x in err.splitlines() if x.startswith("Fatal Python error")), "")
        where = [x.strip() for x in err.splitlines() if x.strip().startswith('File "')]
        first_app = next((w for w in where if "/ui/" in w or "/app/" in w), "")
        problem = f"{scenario}: the client died (exit {code}) {fatal} {first_app}".strip()
    if problem:
        problem += f" (log: {log_path})"
    return Driven(lines, problem)


@dataclass
class Driven:
    """What one driver process reported."""

    lines: list[dict]
    problem: str  # "" when it ran to the end

    def mark(self, name: str) -> dict | None:
        """The first line called `name`, if any."""
        return next((x for x in self.lines if x["name"] == name), None)


def _one_run(name: str, meta_plan: dict, run: int, values: dict, notes: list[str]) -> None:
    """Restore, measure everything once, append to `values[figure]`, record problems."""
    base, restore_s = snapshot.restore(name)
    meta = snapshot.read_meta(base)
    print(f"  run {run + 1}: snapshot restored in {restore_s:.1f}s", flush=True)
    hs = snapshot.homeserver_for(base)
    hs.start(timeout=120)
    proxy = None
    home = Path(tempfile.mkdtemp(prefix="bench-home-"))
    try:
        sync_filter, origin = client_sync_filter()
        if run == 0:
            notes.append(f"raw_sync_s uses {origin}")
        token = hs.login(meta["bench_user"], meta["bench_password"])["access_token"]
        raw_s, raw_bytes = raw_initial_sync(hs.url, token, sync_filter)
        hs.request("POST", "/_matrix/client/v3/logout", {}, token=token)
        values.setdefault("raw_sync_s", []).append(raw_s)
        print(f"    raw /sync {raw_s:.2f}s, {raw_bytes / 1e6:.1f} MB", flush=True)
        hs.restart()  # the client's sign-in meets cold server caches too, like the raw /sync
        proxy = TimestampingProxy(hs.url)
        proxy_url = proxy.start()
        keys = str(base / meta["keys_file"]) if meta.get("keys_file") else None
        expected = len(meta["rooms"]) + (1 if meta.get("peer_room") else 0)
        common = {
            "profile": "bench",
            "homeserver": proxy_url,
            "upstream": hs.url,
            "user": meta["bench_user"],
            "password": meta["bench_password"],
            "expected_rooms": expected,
            "keys_file": keys,
            "keys_passphrase": meta.get("keys_passphrase"),
            "largest_room": meta["largest_room"],
            "peer_room": meta.get("peer_room"),
            "as_token": meta["as_token"],
            "peer": {
                "homeserver": hs.url,
                "user": meta["peer_user"],
                "password": meta["peer_password"],
            },
            "scroll_events": 2000,
        }
        _client_runs(common, home, proxy, values, notes)
    finally:
        try:
            if proxy is not None:
                proxy.stop()
        finally:
            hs.stop()
            shutil.rmtree(home, ignore_errors=True)


def _client_runs(common: dict, home: Path, proxy, values: dict, notes: list[str]) -> None:
    launches: list[float] = []
    login = run_driver("login", common, home, launches)
    pressed, done = login.mark("sign_in_pressed"), login.mark("room_list_complete")
    if login.problem:
        notes.append(f"first login: {login.problem}")
        print(f"    first login problem: {login.problem}", flush=True)
    if not (pressed and done):
        return
    first_login = done["t"] - pressed["t"]
    values.setdefault("first_login_s", []).append(first_login)
    values.setdefault("first_login_ratio", []).append(first_login / values["raw_sync_s"][-1])
    t_inc = proxy.first_incremental_after(pressed["t"])
    if t_inc is not None:
        values.setdefault("first_login_to_incremental_s", []).append(t_inc - pressed["t"])
    mem = login.mark("memory_after_login")
    if mem and mem.get("rss_mb"):
        values.setdefault("rss_after_login_mb", []).append(mem["rss_mb"])
    keys = login.mark("keys_imported")
    if keys and not keys.get("ok"):
        notes.append(f"Megolm keys not imported: {keys.get('reason')}")
    print(f"    first login {first_login:.2f}s ({done.get('rows')} rows)", flush=True)
    if login.problem:
        return

    if login.mark("none_refcount_bug"):
        notes.append(
            "PySide6 here over-releases None returned by a Python model's data() (Python "
            "< 3.12; it aborts a process after enough index.data() calls): the driver pins "
            "None/True/False as a safety net, on top of the client's own guard."
        )
    warm_run = run_driver(
        "warm",
        dict(common, measures=["room_open", "scroll", "resort", "send", "upload", "directory"]),
        home,
        launches,
    )
    if warm_run.problem:
        notes.append(f"warm start: {warm_run.problem}")
        print(f"    warm start problem: {warm_run.problem}", flush=True)
    t0 = launches[-1]
    painted, synced = warm_run.mark("room_list_painted"), warm_run.mark("first_sync_processed")
    warm = painted["t"] - t0 if painted else None
    if warm is not None:
        values.setdefault("warm_start_s", []).append(warm)
    if synced:
        values.setdefault("warm_start_sync_s", []).append(synced["t"] - t0)
    whole = warm_run.mark("room_list_all_painted")
    if whole:
        values.setdefault("warm_start_all_rooms_s", []).append(whole["t"] - t0)
    idle = warm_run.mark("memory_idle")
    if idle:
        values.setdefault("rss_idle_mb", []).append(idle["rss_mb"])
        if idle.get("pss_mb") is not None:
            values.setdefault("pss_idle_mb", []).append(idle["pss_mb"])
    opened = warm_run.mark("room_open")
    if opened:
        values.setdefault("room_open_ms", []).append(opened["ms"])
    scroll = warm_run.mark("scroll")
    if scroll:
        if scroll["frames_ms"]:
            values.setdefault("scroll_frame_ms_p95", []).append(percentile(scroll["frames_ms"], 95))
        values.setdefault("rss_after_scroll_mb", []).append(scroll["rss_mb"])
        if "stall_ms" in scroll:
            values.setdefault("scroll_longest_stall_ms", []).append(scroll["stall_ms"])
        if scroll["loaded"] < 2000:
            notes.append(f"scroll back loaded {scroll['loaded']} events (room start reached?)")
    resort = warm_run.mark("resort")
    if resort and resort["ms"]:
        values.setdefault("room_list_resort_ms", []).append(median(resort["ms"]))
    sent = warm_run.mark("send")
    if sent and sent["ms"]:
        values.setdefault("send_to_peer_ms", []).append(median(sent["ms"]))
    uploaded, upload_failed = warm_run.mark("upload"), warm_run.mark("upload_failed")
    if uploaded:
        values.setdefault("upload_20mb_encrypted_s", []).append(uploaded["s"])
    if upload_failed:
        notes.append(f"20 MB upload: {upload_failed['error']}")
    searched = warm_run.mark("directory_search")
    search_failed = warm_run.mark("directory_search_failed")
    if searched and searched["ms"]:
        values.setdefault("directory_search_ms", []).append(median(searched["ms"]))
    if search_failed:
        notes.append(f"directory search: {search_failed['error']}")
    print(
        "    warm start "
        + (f"{warm:.2f}s" if warm is not None else "n/a")
        + (f", idle RSS {idle['rss_mb']:.0f} MB" if idle else "")
        + (f", room open {opened['ms']:.0f} ms" if opened else ""),
        flush=True,
    )
    if warm is None or not opened:
        return

    # The same warm start and room open with a plain SQLite cache: the encryption's cost.
    # A single warm start varies by tens of percent, so: PAIRS alternating encrypted/plain
    # quick starts (warm start + room open, nothing else), ratio of the medians.
    plain_home = home / "plain"
    plain_home.mkdir()
    plain = dict(common, profile="bench-plain", plain_cache=True)
    plain_login = run_driver("login", plain, plain_home, launches)
    if plain_login.problem:
        notes.append(f"plain-cache reference: {plain_login.problem}")
        return
    totals: dict[str, list[float]] = {"encrypted": [], "plain": []}
    for _ in range(PAIRS):
        for kind, cfg, where in (("encrypted", common, home), ("plain", plain, plain_home)):
            quick = run_driver("warm", dict(cfg, quick=True), where, launches)
            p_painted, p_open = quick.mark("room_list_painted"), quick.mark("room_open")
            if quick.problem or not (p_painted and p_open):
                notes.append(f"plain-cache reference: {quick.problem or 'no room open'}")
                return
            totals[kind].append(p_painted["t"] - launches[-1] + p_open["ms"] / 1000)
    values.setdefault("cache_encryption_overhead", []).append(
        median(totals["encrypted"]) / median(totals["plain"])
    )


PAIRS = 3


def run_size(rooms: int, events: int, runs: int, reseed: bool = False) -> tuple[dict, list[str]]:
    """Measure one account size `runs` times; returns ({figure: Summary|NotAvailable}, notes)."""
    name = ensure_snapshot(rooms, events, reseed)
    plan = make_plan(rooms, events).summary()
    values: dict[str, list[float]] = {}
    notes: list[str] = []
    print(f"Benchmark {name}: {runs} runs", flush=True)
    for run in range(runs):
        _one_run(name, plan, run, values, notes)
    results: dict = {}
    reasons = _na_reasons(notes)
    for fig in FIGURES:
        vals = values.get(fig.name)
        results[fig.name] = (
            Summary.of(vals) if vals else NotAvailable(reasons.get(fig.name, "not measured"))
        )
    return results, sorted(set(notes), key=notes.index)


def _na_reasons(notes: list[str]) -> dict[str, str]:
    reasons: dict[str, str] = {}
    if any(note.startswith("20 MB upload:") for note in notes):
        reasons["upload_20mb_encrypted_s"] = "the upload failed, see notes"
    for note in notes:
        if note.startswith(("first login:", "warm start:", "plain-cache reference:")):
            for f in FIGURES:
                reasons.setdefault(f.name, "the client run stopped early, see notes")
            break
    return reasons


def run_benchmarks(
    sizes: list[tuple[int, int]],
    *,
    runs: int = 3,
    only: set[str] | None = None,
    out: str | None = None,
    reseed: bool = False,
) -> int:
    """`python -m bench`: every size, a table each, all merged into results.json."""
    path = Path(out) if out else RESULTS_FILE
    machine = machine_info()
    for rooms, events in sizes:
        t0 = time.monotonic()
        results, notes = run_size(rooms, events, runs, reseed)
        if only:
            results = {k: v for k, v in results.items() if k in only}
        name = snapshot_name(rooms, events)
        meta_plan = make_plan(rooms, events).summary()
        account = {"rooms": rooms, "events": events, "snapshot": name, "plan": meta_plan}
        write_results(path, machine, name, account, results, notes)
        print()
        print(table(results, f"{name} — {machine['cpu']}, {machine['cores']} cores, "
                             f"{runs} runs, {time.monotonic() - t0:.0f}s"))  # fmt: skip
        for note in notes:
            print(f"  note: {note}")
    print(f"\nResults written to {path}")
    if len(sizes) > 1:
        from bench.plot import plot_growth

        print(plot_growth(path))
    return 0


def serve_forever(rooms: int, events: int) -> int:
    """`python -m bench restore`: run a restored copy until Ctrl+C (for poking at it by hand)."""
    name = ensure_snapshot(rooms, events)
    base, seconds = snapshot.restore(name)
    meta = snapshot.read_meta(base)
    hs = snapshot.homeserver_for(base)
    hs.start(timeout=120)
    print(f"Restored {name} in {seconds:.1f}s: {hs.url}  user {meta['bench_user']} "
          f"(password in {base / snapshot.META_FILE}). Ctrl+C stops it.")  # fmt: skip
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        pass
    finally:
        hs.stop()
    return 0
