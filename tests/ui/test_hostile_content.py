"""Any event, any HTML, through the whole path to the screen: never an exception.

Property-based (hypothesis): arbitrary event JSON and arbitrary HTML go through the core's
row (`app.core.timeline.item_from_event`), the TimelineModel, and the delegate's sizeHint
and paint on a QImage. Hand-made worst cases check what the user sees of them.
"""

from __future__ import annotations

import time

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QRect
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QStyleOptionViewItem

from app.core.timeline import item_from_event
from app.core.types import ItemKind
from ui.models.timeline import TimelineModel
from ui.views.room.message_delegate import MessageDelegate

ROOM = "!r:x"
OWN = "@me:x"
WIDTH = 700

json_scalars = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text()
json_values = st.recursive(
    json_scalars,
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=12,
)
KEYS = ["msgtype", "body", "format", "formatted_body", "m.relates_to", "membership",
        "displayname", "reason", "name", "topic", "users", "join_rule", "rule", "url",
        "history_visibility", "filename", "info", "m.new_content"]  # fmt: skip
contents = st.dictionaries(st.sampled_from(KEYS) | st.text(max_size=6), json_values, max_size=6)
TYPES = ["m.room.message", "m.room.member", "m.room.power_levels", "m.room.name",
         "m.room.topic", "m.room.join_rules", "im.vector.room.access_rules", "m.sticker",
         "m.room.history_visibility", "m.room.encrypted", "m.reaction", "m.room.redaction",
         "m.room.avatar", "m.room.create", "com.example.custom", "m.room.tombstone"]  # fmt: skip
events = st.fixed_dictionaries(
    {"event_id": st.just("$e"), "type": st.sampled_from(TYPES) | json_values,
     "sender": st.sampled_from(["@a:x", OWN]) | json_values,
     "origin_server_ts": st.integers(min_value=-(2**40), max_value=2**45) | json_values,
     "content": contents | json_values},
    optional={"state_key": st.sampled_from(["", "@a:x"]) | json_values,
              "unsigned": st.fixed_dictionaries({}, optional={
                  "prev_content": contents | json_values, "transaction_id": json_values})},
)  # fmt: skip
HTML_TAGS = ["b", "i", "a", "blockquote", "table", "tr", "td", "ul", "li", "pre", "code",
             "p", "div", "span", "font", "h1", "script", "img", "mx-reply", "details"]  # fmt: skip
html_pieces = st.one_of(
    st.text(max_size=30),
    st.sampled_from(HTML_TAGS).map(lambda t: f"<{t}>"),
    st.sampled_from(HTML_TAGS).map(lambda t: f"</{t}>"),
    st.sampled_from(
        [
            '<a href="https://x.fr">@admin:server</a>',
            "\u202e",
            "&amp;",
            "&#x202E;",
            '<font color="#ff0000">',
            "<br>",
            "A" * 200,
        ]
    ),
)
htmls = st.lists(html_pieces, max_size=40).map("".join)


def name_of(user_id: str) -> str:
    return f"Nom {user_id}"


def through_the_screen(qapp, item) -> None:
    """Model, sizeHint and paint of one row (plus the row above it) on an image."""
    if item is None:
        return
    model = TimelineModel(ROOM)
    model.reset_rows([item])
    delegate = MessageDelegate()
    delegate.model = model
    delegate.row_width = WIDTH
    option = QStyleOptionViewItem()
    option.font = qapp.font()
    option.rect = QRect(0, 0, WIDTH, 100)
    index = model.index(0, 0)
    model.data(index)
    size = delegate.sizeHint(option, index)
    assert size.height() >= 0
    option.rect = QRect(0, 0, WIDTH, max(1, size.height()))
    image = QImage(WIDTH, max(1, min(size.height(), 4000)), QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    try:
        delegate.paint(painter, option, index)
    finally:
        painter.end()
    if item.kind is not ItemKind.REDACTED and size.height() > 0:
        assert model.row_at(0).text.strip() or item.html or item.kind is ItemKind.MEDIA


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ev=events)
def test_any_event_json_reaches_the_screen_without_raising(qapp, ev):
    through_the_screen(qapp, item_from_event(ev, ROOM, OWN, name_of))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(html=htmls, body=st.text(max_size=50))
def test_any_html_reaches_the_screen_without_raising(qapp, html, body):
    ev = {"event_id": "$h", "type": "m.room.message", "sender": "@a:x", "origin_server_ts": 1,
          "content": {"msgtype": "m.text", "body": body, "format": "org.matrix.custom.html",
                      "formatted_body": html}}  # fmt: skip
    item = item_from_event(ev, ROOM, OWN, name_of)
    assert item is not None and item.kind in (ItemKind.TEXT, ItemKind.UNKNOWN)
    through_the_screen(qapp, item)


def hostile(n: int, body: str, html: str | None = None) -> dict:
    content = {"msgtype": "m.text", "body": body}
    if html is not None:
        content |= {"format": "org.matrix.custom.html", "formatted_body": html}
    return {"event_id": f"$w{n}", "type": "m.room.message", "sender": "@a:x",
            "origin_server_ts": 1_700_000_000_000 + n, "content": content}  # fmt: skip


WORST_CASES = {
    "5 000 nested blockquotes": hostile(1, "x", "<blockquote>" * 5000 + "deep"),
    "a 60 KiB word": hostile(2, "A" * 61_440),
    "a 2 000-row table": hostile(3, "t", "<table>" + "<tr><td>1</td><td>2</td></tr>" * 2000),
    "2 000 list items": hostile(4, "l", "<ul>" + "<li>x</li>" * 2000 + "</ul>"),
    "a lying link": hostile(5, "x", '<a href="https://evil.example">@admin:server</a>'),
    "a bidi file name": {
        "event_id": "$w6",
        "type": "m.room.message",
        "sender": "@a:x",
        "origin_server_ts": 1,
        "content": {"msgtype": "m.file", "body": "facture\u202egnp.exe", "url": "mxc://x/y"},
    },
}


def test_worst_cases_are_bounded_on_the_ui_thread(qapp):
    """Each worst case is sized and painted in one go; the slowest is reported (no budget
    asserted but a generous one: the nested case took 3-5 s before)."""
    slowest = 0.0
    for name, ev in WORST_CASES.items():
        item = item_from_event(ev, ROOM, OWN, name_of)  # the cache's thread, in the product
        started = time.perf_counter()
        through_the_screen(qapp, item)
        spent = time.perf_counter() - started
        slowest = max(slowest, spent)
        assert spent < 1.0, f"{name}: {spent * 1000:.0f} ms"
    print(f"slowest worst case laid out and painted in {slowest * 1000:.1f} ms")


def test_bidi_controls_never_reach_names_or_bodies(qapp):
    item = item_from_event(WORST_CASES["a bidi file name"], ROOM, OWN,
                           lambda _: "Eve\u202e [DINUM]")  # fmt: skip
    assert item.media["name"] == "facturegnp.exe"
    assert item.body == "facturegnp.exe" and item.sender_name == "Eve [DINUM]"
