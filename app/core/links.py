"""Links whose visible text is not their target: found in sanitised HTML, pure functions.

`<a href="https://elsewhere/…">@admin:server</a>` reads as a user and opens a web page;
`<a href="https://evil.example">https://impots.gouv.fr</a>` reads as another address.
The UI shows every link's real target on hover and asks before opening a deceptive one.
"""

from __future__ import annotations

import html as html_lib
import re
from urllib.parse import unquote, urlsplit

from app.core.formatting import TAG

_HREF = re.compile(r'\shref="([^"]*)"')
# What reads as an address: a scheme, "www.", or a dotted host name with a known-looking TLD.
_URL_LIKE = re.compile(r"^(?:[a-z][a-z0-9+.-]*://|www\.)\S+$|^[\w-]+(?:\.[\w-]+)+(?:[/:?#]\S*)?$",
                       re.IGNORECASE)  # fmt: skip
# What reads as a Matrix user, room, alias or e-mail address.
_ID_LIKE = re.compile(r"^[@#!+][^\s:]+:\S+$|^[^\s@]+@[\w-]+(?:\.[\w-]+)+$")


def links_of(clean_html: str, limit: int = 500) -> list[tuple[str, str]]:
    """(target, visible text) of each link of sanitised HTML, in order (at most `limit`)."""
    links: list[tuple[str, str]] = []
    href: str | None = None
    text: list[str] = []
    pos = 0
    for match in TAG.finditer(clean_html):
        if href is not None:
            text.append(clean_html[pos : match.start()])
        pos = match.end()
        if match.group(2).lower() != "a":
            continue
        if match.group(1):  # </a>
            if href is not None:
                links.append((href, html_lib.unescape("".join(text)).strip()))
                if len(links) >= limit:
                    break
            href, text = None, []
        else:
            found = _HREF.search(match.group(3) or "")
            href = html_lib.unescape(found.group(1)) if found else None
            text = []
    return links


def _host(address: str) -> str:
    if "://" not in address:
        address = "https://" + address
    try:
        host = urlsplit(address).hostname or ""
    except ValueError:
        return ""
    return host.lower().removeprefix("www.")


def _matrix_to_target(href: str) -> str:
    """The id a matrix.to link points at ("" for any other link)."""
    try:
        parts = urlsplit(href)
    except ValueError:
        return ""
    if (parts.hostname or "").lower() != "matrix.to":
        return ""
    return unquote(parts.fragment.lstrip("/").split("?", 1)[0].split("/", 1)[0])


def is_deceptive(href: str, text: str) -> bool:
    """Whether a link's text reads as an address or an id that is not where it leads."""
    text = text.strip().strip("<>")
    if not text or text == href:
        return False
    if _ID_LIKE.match(text):
        if href.lower().startswith("mailto:"):
            return unquote(href[7:]).split("?", 1)[0].lower() != text.lower()
        return _matrix_to_target(href) != text
    if _URL_LIKE.match(text):
        return _host(text) != _host(href)
    return False


def deceptive_targets(clean_html: str) -> frozenset[str]:
    """The targets of the links of sanitised HTML whose text lies about them."""
    if "<a" not in clean_html:
        return frozenset()
    return frozenset(href for href, text in links_of(clean_html) if is_deceptive(href, text))
