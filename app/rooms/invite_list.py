"""A list of people to invite, from pasted text or a .txt/.csv file (pure).

Entries are split on commas, semicolons, whitespace and new lines, in the order given;
a duplicate (an address in another case, say) is dropped; quotes and angle brackets a
spreadsheet or a mail client put around an address are taken off. Each entry is an email
address, a Matrix ID, or not an address at all (kept, so the report can say so).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum

_SEPARATORS = re.compile(r"[,;\s]+")
_WRAPPING = "\"'<>()[]"
# One @, a dot in the domain, nothing a mail server would refuse: enough to tell an address
# from a typo; the identity server and the homeserver judge the rest.
_EMAIL = re.compile(r"^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$")
_MATRIX_ID = re.compile(r"^@[a-z0-9._=/+-]+:[A-Za-z0-9.-]+(:[0-9]{1,5})?$")
MAX_ENTRY_CHARS = 255


class EntryKind(Enum):
    EMAIL = "email"
    MATRIX_ID = "matrix_id"
    INVALID = "invalid"  # neither: the report says "not an address"


@dataclass(frozen=True)
class Entry:
    """One person to invite, as typed (`text`) and in its normal form (`value`)."""

    text: str
    kind: EntryKind
    value: str  # the address in lower case, or the Matrix ID ("" when invalid)


def classify(text: str) -> Entry:
    """What one typed entry is."""
    cleaned = text.strip().strip(_WRAPPING)
    if cleaned.lower().startswith("mailto:"):
        cleaned = cleaned[len("mailto:"):]
    if len(cleaned) <= MAX_ENTRY_CHARS:
        if _EMAIL.match(cleaned):
            return Entry(text, EntryKind.EMAIL, cleaned.lower())
        if _MATRIX_ID.match(cleaned):
            return Entry(text, EntryKind.MATRIX_ID, cleaned)
    return Entry(text, EntryKind.INVALID, "")


def parse_entries(text: str) -> list[Entry]:
    """Every entry of a pasted list or a file, in order, duplicates dropped."""
    entries: list[Entry] = []
    seen: set[str] = set()
    for token in _SEPARATORS.split(text):
        if not token.strip(_WRAPPING):
            continue
        entry = classify(token)
        key = entry.value if entry.kind is not EntryKind.INVALID else "\0" + token
        if key in seen:
            continue
        seen.add(key)
        entries.append(entry)
    return entries


def read_list_file(data: bytes) -> str:
    """The text of a .txt/.csv file: UTF-8 (with or without BOM), else Latin-1 (old Excel)."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("latin-1")
