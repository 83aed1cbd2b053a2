"""Edits, deletions, reactions and replies do not depend on arrival order (a real cache)."""

from __future__ import annotations

import json
import secrets

from app.core.types import ItemKind
from app.store import history, ingest, rows
from app.store.cache import Cache

OWN = "@alice:localhost"
ROOM = "!salon:localhost"
CAMILLE = "@camille:localhost"


def message(event_id: str, body: str, ts: int, sender: str = CAMILLE, **content) -> dict:
    return {"type": "m.room.message", "sender": sender, "event_id": event_id,
            "origin_server_ts": ts, "content": {"msgtype": "m.text", "body": body, **content}}  # fmt: skip


def edit(event_id: str, target: str, body: str, ts: int, sender: str = CAMILLE) -> dict:
    return message(event_id, f"* {body}", ts, sender,
                   **{"m.new_content": {"msgtype": "m.text", "body": body},
                      "m.relates_to": {"rel_type": "m.replace", "event_id": target}})  # fmt: skip


def redaction(event_id: str, target: str, ts: int, sender: str = CAMILLE) -> dict:
    return {"type": "m.room.redaction", "sender": sender, "event_id": event_id,
            "origin_server_ts": ts, "redacts": target, "content": {}}  # fmt: skip


def sync(token: str, events: list[dict]) -> dict:
    return {"next_batch": token, "rooms": {"join": {ROOM: {"timeline": {"events": events}}}}}


async def apply(cache, token: str, events: list[dict]):
    return await cache.call(ingest.apply_sync, sync(token, events), rows.Decryption(), OWN)


async def page(cache, events: list[dict], end: str | None = "older"):
    """A /messages?dir=b page: newest first, as the server sends it."""
    return await cache.call(
        history.apply_messages, ROOM, list(reversed(events)), [], end, rows.Decryption(), OWN
    )


async def rows_by_id(cache) -> dict:
    return {i.event_id: i for i in await cache.timeline(ROOM, 100)}


async def test_an_edit_before_its_target_applies_when_the_target_comes(cache):
    await apply(cache, "s1", [message("$new", "plus tard", 5000)])
    await cache.call(
        lambda conn: conn.execute("UPDATE rooms SET back_token = 'b1' WHERE room_id = ?", (ROOM,))
    )
    # Paging back brings the edit (newer) and then, a page further, its target.
    _items, _reached, changed = await page(cache, [edit("$ed", "$old", "corrigé", 3000)])
    assert changed == []  # nothing to change yet: the target is not cached
    items, _reached, _changed = await page(cache, [message("$old", "coquille", 1000)], end=None)
    assert [i.body for i in items] == ["corrigé"] and items[0].edited
    assert (await rows_by_id(cache))["$old"].body == "corrigé"


async def test_an_edit_met_while_paging_back_changes_a_cached_row(cache):
    await apply(cache, "s1", [message("$m", "brouillon", 1000)])
    _items, _reached, changed = await page(cache, [edit("$ed", "$m", "propre", 1500)])
    assert [(key, item.body) for _, key, item in changed] == [("$m", "propre")]


async def test_only_the_author_may_edit_and_the_newest_edit_wins(cache):
    await apply(cache, "s1", [message("$m", "v1", 1000)])
    await apply(cache, "s2", [edit("$e3", "$m", "v3", 3000), edit("$e2", "$m", "v2", 2000),
                              edit("$x", "$m", "pirate", 4000, sender="@mallory:localhost")])  # fmt: skip
    assert (await rows_by_id(cache))["$m"].body == "v3"


async def test_a_deletion_before_its_target_and_by_a_moderator(cache):
    await apply(cache, "s1", [redaction("$rd", "$gone", 2000, sender="@moderator:localhost")])
    await cache.call(
        lambda conn: conn.execute("UPDATE rooms SET back_token = 'b1' WHERE room_id = ?", (ROOM,))
    )
    items, _reached, _changed = await page(cache, [message("$gone", "à retirer", 1000)])
    assert items[0].kind is ItemKind.REDACTED and items[0].body == ""
    # A deletion wins over any edit, whatever came first.
    await apply(cache, "s2", [edit("$late", "$gone", "revenu ?", 3000)])
    assert (await rows_by_id(cache))["$gone"].kind is ItemKind.REDACTED


async def test_reactions_and_replies_are_kept_as_relations(cache):
    reply = message("$r", "Oui", 2000, **{"m.relates_to": {"m.in_reply_to": {"event_id": "$q"}}})
    reaction = {"type": "m.reaction", "sender": OWN, "event_id": "$like", "origin_server_ts": 2100,
                "content": {"m.relates_to": {"rel_type": "m.annotation", "event_id": "$q",
                                             "key": "👍"}}}  # fmt: skip
    diff = await apply(cache, "s1", [message("$q", "On se voit ?", 1000), reply, reaction])
    assert [i.event_id for i in diff.appended[ROOM]] == ["$q", "$r"]  # a reaction is no row
    assert (await rows_by_id(cache))["$r"].reply_to == "$q"
    kept = await cache.call(lambda conn: conn.execute(
        "SELECT event_id, target, rel_type FROM relations ORDER BY event_id").fetchall())
    assert kept == [("$like", "$q", "m.annotation"), ("$r", "$q", "m.in_reply_to")]


async def test_an_edit_decrypted_late_applies_to_its_target(cache):
    encrypted = {"type": "m.room.encrypted", "sender": CAMILLE, "event_id": "$enc",
                 "origin_server_ts": 2000, "content": {"algorithm": "m.megolm.v1.aes-sha2",
                 "session_id": "S1", "ciphertext": "x"}}  # fmt: skip
    await apply(cache, "s1", [message("$m", "avant", 1000), encrypted])
    decrypted = {**edit("$enc", "$m", "après", 2000)}
    changed, removed, _rooms = await cache.call(
        history.apply_decrypted, [(ROOM, encrypted, decrypted)], OWN
    )
    assert removed == [(ROOM, "$enc")]  # its undecryptable row leaves the timeline
    assert ("$m" in [key for _, key, _ in changed]) and (await rows_by_id(cache))["$m"].body == (
        "après"
    )
    assert "$enc" not in await rows_by_id(cache)  # the edit is no row of its own


async def test_relations_survive_a_reopen(tmp_path):
    key = secrets.token_hex(32)
    first = Cache(tmp_path / "c.db", key)
    await first.open()
    await first.call(ingest.apply_sync, sync("s1", [edit("$ed", "$t", "x", 2)]),
                     rows.Decryption(), OWN)  # fmt: skip
    await first.close()
    again = Cache(tmp_path / "c.db", key)
    await again.open()
    kept = await again.call(lambda conn: conn.execute("SELECT content FROM relations").fetchone())
    assert json.loads(kept[0])["m.new_content"]["body"] == "x"
    await again.close()


def reaction(event_id: str, target: str, key: str, ts: int, sender: str = CAMILLE) -> dict:
    return {"type": "m.reaction", "sender": sender, "event_id": event_id, "origin_server_ts": ts,
            "content": {"m.relates_to": {"rel_type": "m.annotation", "event_id": target,
                                         "key": key}}}  # fmt: skip


async def test_reactions_are_grouped_once_per_sender_and_a_deleted_one_goes(cache):
    await apply(cache, "s1", [message("$m", "Réunion à 10 h", 1000)])
    await apply(cache, "s2", [reaction("$r1", "$m", "👍", 1100),
                              reaction("$r2", "$m", "👍", 1200, sender=OWN),
                              reaction("$r3", "$m", "👍", 1300),  # the same person again
                              reaction("$r4", "$m", "🎉", 1400, sender=OWN)])  # fmt: skip
    item = (await rows_by_id(cache))["$m"]
    assert {k: [s[0] for s in v] for k, v in item.reactions.items()} == {
        "👍": [CAMILLE, OWN], "🎉": [OWN]}  # fmt: skip
    diff = await apply(cache, "s3", [redaction("$x", "$r4", 1500, sender=OWN)])
    assert [key for _, key, _ in diff.changed] == ["$m"]  # the deleted reaction's target
    assert list((await rows_by_id(cache))["$m"].reactions) == ["👍"]


async def test_our_local_reaction_is_replaced_by_the_servers_copy(cache):
    from app.store import relations

    await apply(cache, "s1", [message("$m", "Bonjour", 1000)])
    content = {"m.relates_to": {"rel_type": "m.annotation", "event_id": "$m", "key": "👋"}}
    changed = await cache.call(relations.add_local, ROOM, "$m", relations.ANNOTATION, OWN,
                               content, 1100)  # fmt: skip
    assert changed is not None and changed[1].reactions["👋"][0][2].startswith("~")
    await apply(cache, "s2", [reaction("$real", "$m", "👋", 1101, sender=OWN)])
    item = (await rows_by_id(cache))["$m"]
    assert item.reactions == {"👋": [[OWN, "alice", "$real"]]}
    left = await cache.call(lambda c: c.execute(
        "SELECT COUNT(*) FROM relations WHERE event_id LIKE '~%'").fetchone()[0])  # fmt: skip
    assert left == 0


async def test_a_deletion_by_a_moderator_says_who_and_why(cache):
    mod = "@moderateur:localhost"
    deletion = {**redaction("$rd", "$m", 2000, sender=mod), "content": {"reason": "hors sujet"}}
    await apply(cache, "s1", [message("$m", "pub", 1000), deletion])
    item = (await rows_by_id(cache))["$m"]
    assert item.kind is ItemKind.REDACTED
    assert item.redaction == {"by": mod, "by_name": "moderateur", "reason": "hors sujet"}


async def test_a_reply_loses_its_fallback_and_keeps_what_it_answers(cache):
    lying = message("$r", "> <@boss:localhost> Augmentation pour tous\n\nD'accord !", 2000,
                    **{"m.relates_to": {"m.in_reply_to": {"event_id": "$q"}}})  # fmt: skip
    await apply(cache, "s1", [message("$q", "Réunion lundi", 1000), lying])
    item = (await rows_by_id(cache))["$r"]
    assert item.body == "D'accord !" and item.reply_to == "$q"


async def test_a_hostile_self_targeting_relation_ends(cache):
    await apply(cache, "s1", [redaction("$loop", "$loop", 1000)])
    assert await rows_by_id(cache) == {}
