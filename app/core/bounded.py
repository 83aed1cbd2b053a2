"""Bounding what a message costs to lay out: pure functions on sanitised HTML and plain text.

Laying out text runs on the UI thread, and its cost grows with the number of elements
(a 2 000-row table takes 270 ms) and, for words without spaces, faster than their length
(a 60 KiB word: 300 ms). So a message is laid out from a prefix of at most MAX_ELEMENTS
elements and MAX_TEXT characters (the rest is offered in a reader), and long words get
break opportunities (zero-width spaces) every BREAK_EVERY characters.
"""

from __future__ import annotations

import html as html_lib
import re

from app.core.formatting import TAG, VOID_TAGS

MAX_ELEMENTS = 150  # ~3 ms for table rows, the dearest element measured
MAX_TEXT = 6_000  # characters laid out at once (~4 ms once words are breakable)
BREAK_EVERY = 16  # short enough that broken words still fill the line
ZWSP = "\u200b"
_LONG_RUN = re.compile(rf"[^\s\u200b]{{{BREAK_EVERY}}}")
_LONG_RUN_HTML = re.compile(rf"(?:[^\s\u200b<>&]|&[#a-zA-Z0-9]{{1,10}};){{{BREAK_EVERY}}}")


def breakable(text: str) -> str:
    """`text` with a zero-width space after every BREAK_EVERY characters without a space."""
    return _LONG_RUN.sub(lambda m: m.group(0) + ZWSP, text)


def bounded_text(text: str, max_text: int = MAX_TEXT) -> tuple[str, bool]:
    """(the part of a plain text laid out at once, whether it was cut)."""
    if len(text) <= max_text:
        return breakable(text), False
    return breakable(text[:max_text]).rstrip() + "…", True


def bounded_html(
    clean_html: str, max_elements: int = MAX_ELEMENTS, max_text: int = MAX_TEXT
) -> tuple[str, bool]:
    """(a well-formed prefix of sanitised HTML within the budget, whether it was cut).

    Text between tags gets break opportunities too. `clean_html` is nh3's output.
    """
    if len(clean_html) <= max_text and clean_html.count("<") <= max_elements:
        return _breakable_html(clean_html), False
    out: list[str] = []
    open_tags: list[str] = []
    elements = text = pos = 0
    cut = False
    for match in TAG.finditer(clean_html):
        chunk = clean_html[pos : match.start()]
        pos = match.end()
        if text + len(chunk) > max_text:
            out.append(_cut_text(chunk, max_text - text))
            cut = True
            break
        out.append(chunk)
        text += len(chunk)
        closing, name = match.group(1), match.group(2).lower()
        if closing:
            if open_tags and open_tags[-1] == name:
                open_tags.pop()
            out.append(match.group(0))
            continue
        elements += 1
        if elements > max_elements:
            cut = True
            break
        out.append(match.group(0))
        if name not in VOID_TAGS and not match.group(4):
            open_tags.append(name)
    else:
        tail = clean_html[pos:]
        if text + len(tail) > max_text:
            tail, cut = _cut_text(tail, max_text - text), True
        out.append(tail)
    if cut:
        out.append("…")
    out.extend(f"</{name}>" for name in reversed(open_tags))
    return _breakable_html("".join(out)), cut


def _cut_text(chunk: str, room: int) -> str:
    """At most `room` characters of an HTML text chunk, never inside an entity."""
    head = chunk[: max(0, room)]
    amp = head.rfind("&")
    if amp != -1 and ";" not in head[amp:]:
        head = head[:amp]
    return head


def _breakable_html(clean_html: str) -> str:
    """Break opportunities in the text between tags (never inside a tag or an href)."""
    if len(clean_html) < BREAK_EVERY:
        return clean_html
    out: list[str] = []
    pos = 0
    for match in TAG.finditer(clean_html):
        out.append(_LONG_RUN_HTML.sub(_with_break, clean_html[pos : match.start()]))
        out.append(match.group(0))
        pos = match.end()
    out.append(_LONG_RUN_HTML.sub(_with_break, clean_html[pos:]))
    return "".join(out)


def _with_break(match: re.Match) -> str:
    return match.group(0) + ZWSP


def html_text(clean_html: str) -> str:
    """The text of sanitised HTML (tags dropped, entities decoded), for a reader."""
    return html_lib.unescape(TAG.sub("", clean_html))
