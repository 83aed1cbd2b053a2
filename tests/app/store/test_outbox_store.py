"""The outbox table: messages have an echo row; other operations queue in the same order
and leave the table once sent or given up."""

from __future__ import annotations

from app.store import outbox_store
from app.store.outbox_store import EVENT, MESSAGE, REDACTION, REQUEST

ROOM = "!salon:localhost"


async def test_operations_queue_in_order_and_only_messages_have_an_echo(cache):
    reaction = {"m.relates_to": {"rel_type": "m.annotation", "event_id": "$m", "key": "👍"}}
    assert await cache.call(outbox_store.outbox_add, "t1", ROOM, reaction, 1, EVENT,
                            "m.reaction") is None  # fmt: skip
    echo = await cache.call(outbox_store.outbox_add, "t2", ROOM, {"msgtype": "m.text",
                            "body": "bonjour"}, 2)  # fmt: skip
    assert echo is not None and echo.key == "~t2"
    assert await cache.call(outbox_store.outbox_add, "t3", ROOM, {"event_id": "$m"}, 3,
                            REDACTION, REDACTION) is None  # fmt: skip
    assert await cache.call(outbox_store.outbox_add, "t4", "", {"method": "PUT", "path": "/x",
                            "body": {}}, 4, REQUEST, REQUEST) is None  # fmt: skip
    echoes = await cache.timeline(ROOM, 50)
    assert [i.key for i in echoes if i.key.startswith("~")] == ["~t2"]  # no rows for the rest

    seen = []
    while (queued := await cache.call(outbox_store.outbox_next)) is not None:
        seen.append((queued.txn_id, queued.op, queued.event_type))
        state = "failed" if queued.txn_id == "t3" else "sent"
        result = await cache.call(outbox_store.outbox_set, queued.txn_id, state, event_id="$e")
        assert (result is None) == (queued.op != MESSAGE)  # only a message has a row to update
    assert seen == [("t1", EVENT, "m.reaction"), ("t2", MESSAGE, "m.room.message"),
                    ("t3", REDACTION, REDACTION), ("t4", REQUEST, REQUEST)]  # fmt: skip
    assert await cache.call(outbox_store.outbox_txn_ids) == {"t2"}  # waits for its remote echo
