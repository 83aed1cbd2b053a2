"""Tchap display names: "Jean Martin [Intérieur]" is a person and their organisation.

Tchap's servers set every agent's display name with the organisation in brackets at the
end; clients show it apart from the name (smaller, grey). Pure: a name in, its parts out.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class PersonName:
    """A display name cut in two: the person, and their organisation ("" if none)."""

    name: str
    organisation: str = ""


def split_display_name(display_name: str) -> PersonName:
    """ "First Last [Org]" → ("First Last", "Org"); any other name is all name.

    Only one trailing group counts, with no bracket inside and a name before it: "[DINUM]"
    alone, "A [B [C]]" or "A []" are names as they stand.
    """
    text = " ".join(display_name.split())  # one space between words, none around
    if not text.endswith("]"):
        return PersonName(text)
    person, sep, organisation = text[:-1].rpartition(" [")
    organisation = organisation.strip()
    person = person.strip()
    if not sep or not person or not organisation or "[" in organisation or "]" in organisation:
        return PersonName(text)
    return PersonName(person, organisation)
