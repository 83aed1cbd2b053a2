"""Tchap display names cut into the person and the organisation (pure, property-tested)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.core.display_names import PersonName, split_display_name

# Words as people type them: no brackets, no surrounding or doubled whitespace.
word = st.text(
    st.characters(blacklist_categories=("Cs", "Cc", "Zs", "Zl", "Zp"), blacklist_characters="[]"),
    min_size=1, max_size=12,
)  # fmt: skip
words = st.lists(word, min_size=1, max_size=4).map(" ".join)


@pytest.mark.parametrize(
    ("display_name", "expected"),
    [
        ("Jean Martin [Intérieur]", PersonName("Jean Martin", "Intérieur")),
        ("  Alice  Durand   [DINUM] ", PersonName("Alice Durand", "DINUM")),
        ("Bob [Conseil d'État]", PersonName("Bob", "Conseil d'État")),
        ("Marie [Ext] [Finances]", PersonName("Marie [Ext]", "Finances")),
        ("Jean Martin", PersonName("Jean Martin")),
        ("[DINUM]", PersonName("[DINUM]")),  # nothing before: all name
        ("Jean []", PersonName("Jean []")),
        ("Jean [a [b]]", PersonName("Jean [a [b]]")),
        ("Jean[DINUM]", PersonName("Jean[DINUM]")),  # no space: not Tchap's form
        ("", PersonName("")),
    ],
)
def test_examples(display_name, expected):
    assert split_display_name(display_name) == expected


@given(words, words)
def test_a_tchap_name_gives_back_its_parts(name, organisation):
    assert split_display_name(f"{name} [{organisation}]") == PersonName(name, organisation)


@given(st.text(max_size=40))
def test_nothing_is_lost_but_spacing(display_name):
    parts = split_display_name(display_name)
    whole = f"{parts.name} [{parts.organisation}]" if parts.organisation else parts.name
    assert whole == " ".join(display_name.split())
    assert bool(parts.name) == bool(display_name.split())  # never an empty name for a name
    assert "[" not in parts.organisation and "]" not in parts.organisation


@given(words)
def test_a_name_without_organisation_is_all_name(name):
    assert split_display_name(name) == PersonName(name)
