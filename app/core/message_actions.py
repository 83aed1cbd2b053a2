"""What the user's replies, edits and reactions look like on the wire (pure functions), and the
plain data the UI gets back for a message's versions and source.

Replies carry `m.in_reply_to` and mention the original's sender (`m.mentions`). For clients
that do not understand replies yet they also carry the quoted original as a fallback (the
spec's format: "> <@sender> line" above the answer, an `<mx-reply>` block in the HTML);
clients that do, this one included, strip it and show the real original.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from urllib.parse import unquote

from app.core.formatting import message_content
from app.core.types import TimelineItem

MATRIX_TO = "https://matrix.to/#/"


@dataclass(frozen=True)
class EditVersion:
    """One version of an edited message: the original first, then each edit."""

    event_id: str
    ts: int  # ms since the epoch
    body: str
    html: str | None = None


@dataclass(frozen=True)
class EventSource:
    """A message as the server holds it, and as decrypted (None when it was not encrypted or
    cannot be decrypted)."""

    event: dict
    decrypted: dict | None = None


def permalink(room_id: str, event_id: str) -> str:
    """The matrix.to link of a message."""
    return f"{MATRIX_TO}{room_id}/{event_id}"


def reply_content(text: str, original: TimelineItem | None, room_id: str, event_id: str) -> dict:
    """An m.room.message answering `event_id`; with a fallback quote when the original is known."""
    content = message_content(text)
    content["m.relates_to"] = {"m.in_reply_to": {"event_id": event_id}}
    named = _user_ids(content.get("m.mentions"))  # the answer's own mentions stay
    if original is None:
        content["m.mentions"] = {"user_ids": named} if named else {}
        return content
    own_body = content["body"]
    mentions = list(dict.fromkeys(([] if original.is_own else [original.sender]) + named))
    content["m.mentions"] = {"user_ids": mentions}
    quoted = original.body.splitlines() or [""]
    lines = [f"> <{original.sender}> {quoted[0]}"] + [f"> {line}" for line in quoted[1:]]
    content["body"] = "\n".join(lines) + "\n\n" + own_body
    answer_html = content.get("formatted_body") or html.escape(own_body).replace("\n", "<br />")
    original_html = original.html or html.escape(original.body).replace("\n", "<br />")
    link = html.escape(permalink(room_id, event_id), quote=True)
    sender = html.escape(original.sender, quote=True)
    content["format"] = "org.matrix.custom.html"
    content["formatted_body"] = (
        f'<mx-reply><blockquote><a href="{link}">In reply to</a> '
        f'<a href="{MATRIX_TO}{sender}">{sender}</a><br />{original_html}</blockquote></mx-reply>'
        f"{answer_html}"
    )
    return content


def edit_content(
    text: str, event_id: str, before: TimelineItem | None = None, also: tuple[str, ...] = ()
) -> dict:
    """An m.replace edit of `event_id`: the new content, and "* text" for older clients.

    As the spec asks of edits, `m.new_content` carries every mention of the new text (and
    `also`: a reply's original sender), and the outer content only the users it newly
    mentions compared with the version shown (`before`), so no one is notified twice. Both
    are always present: an edit without them would be matched by the old keyword rules."""
    new = message_content(text)
    mentioned = list(dict.fromkeys([*also, *_user_ids(new.get("m.mentions"))]))
    new["m.mentions"] = {"user_ids": mentioned} if mentioned else {}
    known = {*also, *linked_users(before.html if before is not None else None)}
    newly = [user for user in mentioned if user not in known]
    content = {"msgtype": new["msgtype"], "body": f"* {new['body']}", "m.new_content": new,
               "m.mentions": {"user_ids": newly} if newly else {},
               "m.relates_to": {"rel_type": "m.replace", "event_id": event_id}}  # fmt: skip
    if "formatted_body" in new:
        content["format"] = new["format"]
        content["formatted_body"] = f"* {new['formatted_body']}"
    return content


_USER_LINK = re.compile(r"""href=["']https://matrix\.to/#/((?:@|%40)[^"'/?]+)["']""")


def linked_users(html_text: str | None) -> list[str]:
    """The users a message's HTML links to (mention pills), in order, once each."""
    found = (unquote(m.group(1)) for m in _USER_LINK.finditer(html_text or ""))
    return list(dict.fromkeys(found))


def _user_ids(mentions: object) -> list[str]:
    users = mentions.get("user_ids") if isinstance(mentions, dict) else None
    return [u for u in users or [] if isinstance(u, str)]


def reaction_content(event_id: str, key: str) -> dict:
    """An m.reaction (annotation) with `key` on `event_id`."""
    return {"m.relates_to": {"rel_type": "m.annotation", "event_id": event_id, "key": key}}


def own_reaction(item: TimelineItem, key: str, own: str) -> str | None:
    """The id of our reaction `key` under `item`, if we reacted so ("~..." while unsent)."""
    for sender, _name, reaction_id in item.reactions.get(key, []):
        if sender == own:
            return reaction_id
    return None
