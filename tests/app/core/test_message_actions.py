"""The wire form of replies, edits and reactions."""

from __future__ import annotations

from app.core.message_actions import edit_content, permalink, reaction_content, reply_content
from app.core.types import ItemKind, TimelineItem

ROOM = "!salon:localhost"


def original(body: str = "Première ligne\nDeuxième", own: bool = False) -> TimelineItem:
    return TimelineItem(key="$q", room_id=ROOM, sender="@camille:localhost",
                        sender_name="Camille", ts=1, kind=ItemKind.TEXT, body=body,
                        event_id="$q", is_own=own)  # fmt: skip


def test_a_reply_mentions_the_original_sender_with_a_fallback():
    content = reply_content("**Oui**", original(), ROOM, "$q")
    assert content["m.relates_to"] == {"m.in_reply_to": {"event_id": "$q"}}
    assert content["m.mentions"] == {"user_ids": ["@camille:localhost"]}
    assert content["body"] == "> <@camille:localhost> Première ligne\n> Deuxième\n\n**Oui**"
    assert content["formatted_body"].startswith("<mx-reply><blockquote>")
    assert "<strong>Oui</strong>" in content["formatted_body"].split("</mx-reply>")[1]


def test_a_reply_to_ourselves_mentions_nobody_and_an_unknown_original_has_no_fallback():
    assert reply_content("ok", original(own=True), ROOM, "$q")["m.mentions"] == {"user_ids": []}
    bare = reply_content("ok", None, ROOM, "$q")
    assert bare["body"] == "ok" and "formatted_body" not in bare


def test_an_edit_carries_the_new_content_and_a_star_fallback():
    content = edit_content("corrigé", "$m")
    assert content["body"] == "* corrigé"
    assert content["m.new_content"] == {"msgtype": "m.text", "body": "corrigé", "m.mentions": {}}
    assert content["m.relates_to"] == {"rel_type": "m.replace", "event_id": "$m"}


def test_a_reaction_and_a_link():
    assert reaction_content("$m", "👍")["m.relates_to"]["key"] == "👍"
    assert permalink(ROOM, "$m") == "https://matrix.to/#/!salon:localhost/$m"


def test_an_edit_mentions_everyone_inside_and_only_the_newly_mentioned_outside():
    from app.core.formatting import mention_link, message_content
    from app.core.message_actions import linked_users
    from app.core.timeline import item_from_event

    bob, carol = "@bob:localhost", "@carol:localhost"
    first = message_content(f"voir {mention_link(bob, 'Bob')}")
    shown = item_from_event({"type": "m.room.message", "event_id": "$m", "sender": "@a:localhost",
                             "origin_server_ts": 1, "content": first}, ROOM, "@a:localhost",
                            lambda user: user)  # fmt: skip
    assert linked_users(shown.html) == [bob]
    edit = edit_content(f"voir {mention_link(bob, 'Bob')} et {mention_link(carol, 'Carol')}",
                        "$m", shown)  # fmt: skip
    assert edit["m.new_content"]["m.mentions"] == {"user_ids": [bob, carol]}
    assert edit["m.mentions"] == {"user_ids": [carol]}  # Bob was told already
    plain = edit_content("plus personne", "$m", shown)
    assert plain["m.new_content"]["m.mentions"] == {} and plain["m.mentions"] == {}
    reply = edit_content("d'accord", "$r", None, also=(bob,))  # a reply to Bob, edited
    assert reply["m.new_content"]["m.mentions"] == {"user_ids": [bob]}
    assert reply["m.mentions"] == {}
    assert linked_users('<a href="https://matrix.to/#/%40eve%3Alocalhost">Eve</a>') == [
        "@eve:localhost"]  # fmt: skip


def test_a_reply_keeps_the_mentions_of_its_own_text():
    from app.core.formatting import mention_link

    text = f"vu avec {mention_link('@dan:localhost', 'Dan')}"
    content = reply_content(text, original(), ROOM, "$q")
    assert content["m.mentions"] == {"user_ids": ["@camille:localhost", "@dan:localhost"]}
    assert reply_content(text, None, ROOM, "$q")["m.mentions"] == {"user_ids": ["@dan:localhost"]}
