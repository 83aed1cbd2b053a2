"""The shape of the benchmark account: which rooms, how many members and messages each.

Pure and deterministic (a seeded RNG): the same `--rooms N --events M` always gives the same
plan, so a snapshot's name says everything about its content.

The distribution follows the issue: a third direct chats (listed in `m.direct`), a third
encrypted groups, the rest plain groups with a few public salons; rooms of 2 to 200 members;
a few rooms with 10 000 messages (at 1 000 rooms / 100 000 events: 3 of them, 30% of the
messages); the other messages spread with a long tail, at least one per room.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass
from enum import Enum

DEFAULT_SEED = 20261124
BIG_ROOM_EVENTS = 10_000
BIG_ROOMS_PER_1000 = 3
BIG_SHARE = 0.30  # of all messages, at most, go to the big rooms
SALONS_PER_1000 = 10
MAX_MEMBERS = 200
MIN_GROUP_MEMBERS = 3


class RoomKind(str, Enum):
    """What a room is to the benchmark user."""

    DIRECT = "direct"  # two members, listed in m.direct
    ENCRYPTED = "encrypted"  # private group with m.room.encryption
    GROUP = "group"  # private plain group
    SALON = "salon"  # public room, published in the directory, 200 members


@dataclass(frozen=True)
class RoomPlan:
    """One room to create."""

    index: int
    kind: RoomKind
    members: int  # the benchmark user included
    messages: int
    big: bool = False

    @property
    def encrypted(self) -> bool:
        """True if the room has m.room.encryption."""
        return self.kind is RoomKind.ENCRYPTED

    @property
    def name(self) -> str:
        """The snapshot-stable room name ("" for direct chats, which take the peer's name)."""
        if self.kind is RoomKind.DIRECT:
            return ""
        prefix = {RoomKind.SALON: "Salon", RoomKind.ENCRYPTED: "Équipe", RoomKind.GROUP: "Groupe"}
        return f"{prefix[self.kind]} {self.index:04d}"


@dataclass(frozen=True)
class Plan:
    """The whole account."""

    rooms: tuple[RoomPlan, ...]
    seed: int

    @property
    def total_messages(self) -> int:
        """Timeline messages the seeder sends (state events come on top)."""
        return sum(r.messages for r in self.rooms)

    @property
    def total_joins(self) -> int:
        """Joins of other users the seeder performs."""
        return sum(r.members - 1 for r in self.rooms)

    @property
    def bots_needed(self) -> int:
        """Other users to register: one partner per direct chat, enough for the biggest room."""
        directs = sum(1 for r in self.rooms if r.kind is RoomKind.DIRECT)
        biggest = max((r.members for r in self.rooms), default=1)
        return max(directs, biggest - 1, 1)

    def by_kind(self, kind: RoomKind) -> list[RoomPlan]:
        """The rooms of one kind."""
        return [r for r in self.rooms if r.kind is kind]

    def summary(self) -> dict:
        """Counts for the snapshot's metadata and the report."""
        return {
            "rooms": len(self.rooms),
            "messages": self.total_messages,
            "joins": self.total_joins,
            "bots": self.bots_needed,
            "seed": self.seed,
            "kinds": {k.value: len(self.by_kind(k)) for k in RoomKind},
            "big_rooms": [
                {"index": r.index, "kind": r.kind.value, "messages": r.messages}
                for r in self.rooms
                if r.big
            ],
            "max_members": max((r.members for r in self.rooms), default=0),
        }


def snapshot_name(rooms: int, events: int) -> str:
    """The snapshot's file stem for an account size, e.g. "r1000-e100000"."""
    return f"r{rooms}-e{events}"


def _group_members(rng: random.Random) -> int:
    # Log-scale with a square bias: most groups small (median ~9), a tail up to 200.
    lo, hi = math.log(MIN_GROUP_MEMBERS), math.log(MAX_MEMBERS)
    return max(
        MIN_GROUP_MEMBERS, min(MAX_MEMBERS, round(math.exp(lo + (hi - lo) * rng.random() ** 2)))
    )


def _spread(total: int, weights: list[float]) -> list[int]:
    """Split `total` into integers proportional to `weights`, each at least 1, summing to total."""
    n = len(weights)
    if n == 0:
        return []
    if total < n:
        raise ValueError(f"{total} messages cannot give each of {n} rooms one")
    rest = total - n
    scale = sum(weights)
    shares = [rest * w / scale for w in weights]
    counts = [1 + int(s) for s in shares]
    # Largest remainders get the leftover units, so the sum is exact.
    leftover = total - sum(counts)
    order = sorted(range(n), key=lambda i: shares[i] - int(shares[i]), reverse=True)
    for i in order[:leftover]:
        counts[i] += 1
    return counts


def make_plan(rooms: int, events: int, seed: int = DEFAULT_SEED) -> Plan:
    """The deterministic plan of `rooms` rooms holding `events` messages in all."""
    if rooms < 1:
        raise ValueError("at least one room")
    rng = random.Random(seed * 1_000_003 + rooms)
    kinds: list[RoomKind] = []
    salons = max(1, round(rooms * SALONS_PER_1000 / 1000)) if rooms >= 3 else 0
    for i in range(rooms):
        kinds.append((RoomKind.DIRECT, RoomKind.ENCRYPTED, RoomKind.GROUP)[i % 3])
    # The salons replace plain groups, spread over the list.
    group_slots = [i for i, k in enumerate(kinds) if k is RoomKind.GROUP]
    if group_slots and salons:
        step = max(1, len(group_slots) // salons)
        for i in group_slots[::step][:salons]:
            kinds[i] = RoomKind.SALON

    # Big rooms: alternately a plain and an encrypted group (never a direct chat); the first is
    # plain so the scrolling measures work even where no Megolm keys were imported.
    n_big = max(1, round(rooms * BIG_ROOMS_PER_1000 / 1000))
    big_size = min(BIG_ROOM_EVENTS, int(events * BIG_SHARE / n_big))
    if rooms == 1 or big_size <= events // rooms:
        n_big = 0
    candidates = {
        RoomKind.ENCRYPTED: [i for i, k in enumerate(kinds) if k is RoomKind.ENCRYPTED],
        RoomKind.GROUP: [i for i, k in enumerate(kinds) if k is RoomKind.GROUP],
    }
    big: set[int] = set()
    for b in range(n_big):
        pool = (
            candidates[RoomKind.GROUP if b % 2 == 0 else RoomKind.ENCRYPTED]
            or candidates[RoomKind.ENCRYPTED]
        )
        if pool:
            big.add(pool.pop(rng.randrange(len(pool))))

    members: list[int] = []
    for i, kind in enumerate(kinds):
        if kind is RoomKind.DIRECT:
            members.append(2)
        elif kind is RoomKind.SALON:
            members.append(MAX_MEMBERS)
        elif i in big:
            members.append(rng.randint(50, MAX_MEMBERS))
        else:
            members.append(_group_members(rng))

    small = [i for i in range(rooms) if i not in big]
    big_total = big_size * len(big)
    # Long tail: a log-normal weight per room, salons and groups busier than direct chats.
    weight_of_kind = {
        RoomKind.DIRECT: 0.6,
        RoomKind.ENCRYPTED: 1.0,
        RoomKind.GROUP: 1.0,
        RoomKind.SALON: 2.0,
    }
    weights = [weight_of_kind[kinds[i]] * rng.lognormvariate(0, 1.0) for i in small]
    small_counts = _spread(events - big_total, weights)
    messages = dict(zip(small, small_counts))
    for i in big:
        messages[i] = big_size

    plans = tuple(
        RoomPlan(index=i, kind=kinds[i], members=members[i], messages=messages[i], big=i in big)
        for i in range(rooms)
    )
    return Plan(rooms=plans, seed=seed)
