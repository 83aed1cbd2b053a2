"""Message formatting: Markdown for what the user sends, sanitised HTML for what arrives.

Outgoing: the composer's text is Markdown (CommonMark, raw HTML escaped). If it renders to
anything more than plain paragraphs, it goes out as `formatted_body` with
`format: org.matrix.custom.html`.

Incoming: `formatted_body` is untrusted HTML from any server and any client. It is cleaned
with nh3 (a Rust sanitiser, html5ever-based) to the Matrix spec's allow-list; no scripts,
no styles, no remote images, links limited to safe schemes.
"""

from __future__ import annotations

import html
import re
from functools import lru_cache

import nh3

# The spec's suggested allow-list (client-server API, "m.room.message msgtypes"), minus
# <img>: inline images would need mxc:// media fetching and a remote src is a tracker.
ALLOWED_TAGS = {
    "font", "del", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "p", "a", "ul", "ol",
    "sup", "sub", "li", "b", "i", "u", "strong", "em", "s", "strike", "code", "hr", "br",
    "div", "table", "thead", "tbody", "tr", "th", "td", "caption", "pre", "span", "details",
    "summary",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {
    "font": {"data-mx-bg-color", "data-mx-color", "color"},
    "span": {"data-mx-bg-color", "data-mx-color", "data-mx-spoiler"},
    "a": {"name", "target", "href"},
    "ol": {"start"},
    "code": {"class"},
}
URL_SCHEMES = {"https", "http", "ftp", "mailto", "magnet"}
# Content removed with its tag: a reply fallback duplicates the quoted message.
DROPPED_WITH_CONTENT = {"script", "style", "mx-reply", "head", "title"}

_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")
_LANG_CLASS = re.compile(r"^language-[A-Za-z0-9_+-]{1,32}$")


def _filter_attribute(tag: str, attr: str, value: str) -> str | None:
    """Keep only well-formed values of the attributes the allow-list admits."""
    if attr in ("data-mx-color", "data-mx-bg-color", "color"):
        return value if _COLOUR.match(value) else None
    if tag == "code" and attr == "class":
        return value if _LANG_CLASS.match(value) else None
    if tag == "ol" and attr == "start":
        return value if value.isdigit() else None
    return value


def sanitize_html(untrusted: str) -> str:
    """Clean untrusted HTML to the Matrix allow-list; the result is safe to render.

    Elements nested deeper than MAX_DEPTH lose their tags (their text stays), and
    bidirectional controls are removed (see `strip_bidi`).
    """
    cleaned = nh3.clean(
        untrusted,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        clean_content_tags=DROPPED_WITH_CONTENT,
        attribute_filter=_filter_attribute,
        link_rel="noopener noreferrer",
        strip_comments=True,
    )
    return strip_bidi(limit_depth(cleaned))


# The spec's suggested limit: 5 000 nested blockquotes take seconds to lay out.
MAX_DEPTH = 100
VOID_TAGS = {"br", "hr"}
# A tag of nh3's output: it always quotes attributes with " (escaped inside as &quot;) and
# escapes < and > in text, so this matches exactly the tags, even with ">" in an href.
TAG = re.compile(r'<(/?)([a-zA-Z][a-zA-Z0-9]*)((?:\s+[^\s=>/"]+(?:="[^"]*")?)*)\s*(/?)>')


def limit_depth(clean_html: str, max_depth: int = MAX_DEPTH) -> str:
    """Drop the tags (not the text) of elements nested deeper than `max_depth`.

    `clean_html` must be nh3's output (well-formed, quoted attributes).
    """
    if clean_html.count("<") <= max_depth:
        return clean_html  # cannot be that deep
    out: list[str] = []
    depth = 0
    kept: list[bool] = []  # per open element: was its tag kept
    pos = 0
    for match in TAG.finditer(clean_html):
        out.append(clean_html[pos : match.start()])
        pos = match.end()
        closing, name = match.group(1), match.group(2).lower()
        if name in VOID_TAGS or match.group(4):
            out.append(match.group(0))  # a line break nests nothing
            continue
        if closing:
            if kept and kept.pop():
                out.append(match.group(0))
            depth = max(0, depth - 1)
            continue
        keep = depth < max_depth
        kept.append(keep)
        depth += 1
        if keep:
            out.append(match.group(0))
    out.append(clean_html[pos:])
    return "".join(out)


# Embeddings, overrides, isolates and marks: U+202E turns "invoice\u202Egnp.exe" into
# "invoiceexe.png" on screen. Names and bodies lose them; the UI isolates names it inserts.
BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]")


def strip_bidi(text: str) -> str:
    """`text` without bidirectional control characters."""
    return BIDI_CONTROLS.sub("", text)


def strip_reply_fallback(body: str) -> str:
    """A reply's plain body without its fallback: the leading "> " lines and the blank line
    after them (never trusted for who said what; the real original is shown instead)."""
    if not body.startswith(">"):
        return body
    lines = body.split("\n")
    i = 0
    while i < len(lines) and lines[i].startswith(">"):
        i += 1
    if i < len(lines) and lines[i].strip() == "":
        i += 1
    return "\n".join(lines[i:])


def clean_body(body: str, *, reply: bool = False) -> str:
    """The plain body of a received message as shown: no bidi controls, no reply fallback."""
    return strip_bidi(strip_reply_fallback(body) if reply else body)


@lru_cache(maxsize=1)
def _markdown():  # -> MarkdownIt, imported on the first send (50 ms less at start-up)
    from markdown_it import MarkdownIt

    # "html": False escapes raw HTML typed by the user instead of passing it through.
    return MarkdownIt("commonmark", {"html": False, "breaks": True}).disable("image")


_SINGLE_PARAGRAPH = re.compile(r"^<p>(.*)</p>\n?$", re.DOTALL)


def markdown_to_html(text: str) -> str | None:
    """Render Markdown to HTML, or None when the text has no formatting at all."""
    rendered = _markdown().render(text).strip()
    match = _SINGLE_PARAGRAPH.match(rendered)
    inner = match.group(1) if match and "<p>" not in match.group(1) else None
    if inner is not None:
        plain = html.escape(text.strip(), quote=False).replace("\n", "<br />\n")
        if inner == plain:
            return None
        rendered = inner
    return sanitize_html(rendered)


# A mention as the composer writes it: a Markdown link to the user's matrix.to address.
MENTION_LINK = re.compile(
    r"\[((?:[^\[\]\\]|\\.)+)\]\(https://matrix\.to/#/(@[^\s()/?#]+:[^\s()/?#]+)\)"
)
_MARKDOWN_ESCAPED = re.compile(r"\\([\\`*_{}\[\]()#+\-.!<>~|])")


def mention_link(user_id: str, name: str) -> str:
    """The Markdown the composer writes for a mention pill."""
    escaped = re.sub(r"([\\`*_{}\[\]()#+\-.!<>~|])", r"\\\1", name)
    return f"[{escaped}](https://matrix.to/#/{user_id})"


def mentions_in(text: str) -> list[tuple[str, str]]:
    """The (user id, name) of every mention link in the composer's Markdown, in order."""
    return [
        (m.group(2), _MARKDOWN_ESCAPED.sub(r"\1", m.group(1))) for m in MENTION_LINK.finditer(text)
    ]


def message_content(text: str) -> dict:
    """Build an m.room.message content for the text the user typed.

    Mentions (links to a user's matrix.to address, as the composer writes its pills) become
    the user's name in `body`, a link in `formatted_body`, and the user in `m.mentions`.
    """
    mentioned = list(dict.fromkeys(user for user, _name in mentions_in(text)))
    body = MENTION_LINK.sub(lambda m: _MARKDOWN_ESCAPED.sub(r"\1", m.group(1)), text)
    content: dict = {"msgtype": "m.text", "body": body}
    formatted = markdown_to_html(text)
    if formatted is not None:
        content["format"] = "org.matrix.custom.html"
        content["formatted_body"] = formatted
    if mentioned:
        content["m.mentions"] = {"user_ids": mentioned}
    return content


def html_of(content: dict) -> str | None:
    """The sanitised HTML of a received message content, or None for plain text."""
    if content.get("format") != "org.matrix.custom.html":
        return None
    formatted = content.get("formatted_body")
    if not isinstance(formatted, str) or not formatted:
        return None
    return sanitize_html(formatted)


def plain_preview(body: str, limit: int = 200) -> str:
    """One line of plain text for the room list: reply fallbacks and newlines removed."""
    lines = [line for line in body.splitlines() if not line.startswith("> ")]
    text = " ".join(part.strip() for part in lines if part.strip())
    return text[:limit]
