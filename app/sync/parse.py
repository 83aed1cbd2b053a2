"""Reading a /sync response room by room, never as one big tree of objects.

A first sync is tens of MB of JSON (14 MB at 1 000 rooms). `json.loads` on all of it would
hold the interpreter for the whole parse (~150 ms at 1 000 rooms, during which the window
cannot repaint) and build ~45 MB of objects at once. Whatever outlived them (nio's rooms,
the room list, cached strings) would then be scattered through that memory, and Python only
gives an arena (1 MiB) back once nothing in it is alive: after a first login at 1 000 rooms,
~50 MB stayed in the process that way.

So the top of the response is walked here, and each joined room is checked and kept as its
own JSON text (`PackedRooms`), parsed again when nio or the cache reaches it. Every room is a
separate call into the C parser, so the interpreter is free between two rooms.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator

_DECODER = json.JSONDecoder()
_SPACE = re.compile(r"[ \t\n\r]*")


class PackedRooms:
    """Joined rooms as (room id, JSON text) pairs, each parsed when it is reached."""

    def __init__(self, texts: list[tuple[str, str]]) -> None:
        self._texts = texts

    @classmethod
    def of(cls, rooms: dict) -> PackedRooms:
        """Pack rooms already parsed (the tests build syncs this way)."""
        return cls([(room_id, json.dumps(room)) for room_id, room in rooms.items()])

    def __len__(self) -> int:
        return len(self._texts)

    def items(self) -> Iterator[tuple[str, dict]]:
        """(room id, room) pairs, in the server's order."""
        for room_id, text in self._texts:
            yield room_id, json.loads(text)


def parse_sync(raw: bytes) -> dict:
    """A /sync body as a dict whose `rooms.join`, if any, is a `PackedRooms`.

    Raises ValueError (JSONDecodeError, UnicodeDecodeError) on anything `json.loads` would
    refuse, and on a body that is not an object.
    """
    text = raw.decode("utf-8")
    data: dict = {}

    def top(key: str, pos: int) -> int:
        if key == "rooms" and text.startswith("{", pos):
            rooms: dict = {}
            end = _walk_object(text, pos, lambda k, p: _section(text, rooms, k, p))
            data[key] = rooms
            return end
        data[key], end = _DECODER.raw_decode(text, pos)
        return end

    end = _walk_object(text, _SPACE.match(text, 0).end(), top)
    if _SPACE.match(text, end).end() != len(text):
        raise json.JSONDecodeError("Extra data", text, end)
    return data


def _section(text: str, rooms: dict, key: str, pos: int) -> int:
    """One part of `rooms` (join, invite, leave...); the joined rooms are packed."""
    if key != "join" or not text.startswith("{", pos):
        rooms[key], end = _DECODER.raw_decode(text, pos)
        return end
    packed: list[tuple[str, str]] = []

    def room(room_id: str, start: int) -> int:
        _, end = _DECODER.raw_decode(text, start)  # checked, then dropped
        packed.append((room_id, text[start:end]))
        return end

    end = _walk_object(text, pos, room)
    rooms[key] = PackedRooms(packed)
    return end


def _walk_object(text: str, pos: int, on_member: Callable[[str, int], int]) -> int:
    """Walk the JSON object at `pos`: `on_member(key, value start)` reads each value and
    returns where it ends. Returns the position after the closing brace."""
    if not text.startswith("{", pos):
        raise json.JSONDecodeError("Expecting an object", text, pos)
    pos = _SPACE.match(text, pos + 1).end()
    if text.startswith("}", pos):
        return pos + 1
    while True:
        if not text.startswith('"', pos):
            raise json.JSONDecodeError("Expecting a property name", text, pos)
        key, pos = json.decoder.scanstring(text, pos + 1)
        pos = _SPACE.match(text, pos).end()
        if not text.startswith(":", pos):
            raise json.JSONDecodeError("Expecting ':' delimiter", text, pos)
        pos = _SPACE.match(text, on_member(key, _SPACE.match(text, pos + 1).end())).end()
        if text.startswith("}", pos):
            return pos + 1
        if not text.startswith(",", pos):
            raise json.JSONDecodeError("Expecting ',' delimiter", text, pos)
        pos = _SPACE.match(text, pos + 1).end()
