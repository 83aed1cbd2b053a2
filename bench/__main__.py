"""`python -m bench [run|seed|restore|plot]`: the benchmark harness behind `make bench`.

python -m bench                       # 1 000 rooms / 100 000 events; seeds the first time
python -m bench --rooms 100 --events 10000
python -m bench --sizes 100,300,1000,5000:100000  # the growth curve (ROOMS or ROOMS:EVENTS)
python -m bench seed --rooms 100 --events 10000
python -m bench restore --rooms 100 --events 10000   # a running copy, for poking at it
python -m bench plot                  # bench/growth.png from bench/results*.json
"""

from __future__ import annotations

import argparse
import sys

DEFAULT_ROOMS = 1000
EVENTS_PER_ROOM = 100


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m bench", description=__doc__.splitlines()[0])
    p.add_argument("command", nargs="?", default="run", choices=("run", "seed", "restore", "plot"))
    p.add_argument("--rooms", type=int, default=DEFAULT_ROOMS)
    p.add_argument("--events", type=int, default=None, help="default: 100 per room")
    p.add_argument(
        "--sizes",
        default=None,
        help="comma-separated ROOMS (100 events a room) or ROOMS:EVENTS, e.g. 100,1000,5000:100000",
    )
    p.add_argument("--runs", type=int, default=3, help="runs per figure (median, min, max)")
    p.add_argument(
        "--only", default=None, help="comma-separated figure names to report (default: all)"
    )
    p.add_argument("--out", default=None, help="results file (default bench/results.json)")
    p.add_argument("--reseed", action="store_true", help="rebuild the snapshot even if present")
    return p


def parse_sizes(text: str) -> list[tuple[int, int]]:
    """ "100,5000:100000" -> [(100, 10000), (5000, 100000)]."""
    sizes = []
    for part in text.split(","):
        rooms, _, events = part.strip().partition(":")
        sizes.append((int(rooms), int(events) if events else int(rooms) * EVENTS_PER_ROOM))
    return sizes


def main(argv: list[str] | None = None) -> int:
    """Entry point."""
    args = _parser().parse_args(argv)
    sizes = (
        parse_sizes(args.sizes)
        if args.sizes
        else [(args.rooms, args.events or args.rooms * EVENTS_PER_ROOM)]
    )
    if args.command == "seed":
        from bench.seed import seed_snapshot

        for rooms, events in sizes:
            seed_snapshot(rooms, events)
        return 0
    if args.command == "restore":
        from bench.runner import serve_forever

        rooms, events = sizes[0]
        return serve_forever(rooms, events)
    if args.command == "plot":
        from bench.plot import plot_growth

        print(plot_growth())
        return 0
    from bench.runner import run_benchmarks

    only = set(args.only.split(",")) if args.only else None
    return run_benchmarks(sizes, runs=args.runs, only=only, out=args.out, reseed=args.reseed)


if __name__ == "__main__":
    sys.exit(main())
