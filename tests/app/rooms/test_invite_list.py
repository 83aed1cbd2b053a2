"""Parsing a list of people to invite (pure): separators, order, duplicates, kinds."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from app.rooms.invite_list import EntryKind, classify, parse_entries, read_list_file

local = st.from_regex(r"[a-z][a-z0-9.]{0,10}[a-z0-9]", fullmatch=True).filter(lambda s: ".." not in s)
domain = st.from_regex(r"[a-z]{2,8}\.(fr|gouv\.fr|test)", fullmatch=True)
emails = st.builds(lambda a, b: f"{a}@{b}", local, domain)
matrix_ids = st.builds(lambda a, b: f"@{a}:{b}", local, domain)
separators = st.lists(st.sampled_from([",", ";", " ", "\t", "\n", "\r\n", ", ", " ;\n"]),
                      min_size=1, max_size=3).map("".join)  # fmt: skip


@given(st.lists(st.one_of(emails, matrix_ids), max_size=30), st.data())
def test_any_separators_give_the_entries_in_order_without_duplicates(items, data):
    text = "".join(item + data.draw(separators) for item in items)
    entries = parse_entries(text)
    assert [e.value for e in entries] == list(dict.fromkeys(items))
    assert all(e.kind is not EntryKind.INVALID for e in entries)


@given(emails)
def test_an_address_in_another_case_is_a_duplicate(address):
    entries = parse_entries(f"{address}; {address.upper()}\n<{address}>")
    assert [(e.kind, e.value) for e in entries] == [(EntryKind.EMAIL, address.lower())]


@given(st.text(max_size=200))
def test_any_text_parses_without_error(text):
    entries = parse_entries(text)
    assert all(e.text.strip() for e in entries)
    assert all((e.kind is EntryKind.INVALID) == (e.value == "") for e in entries)


def test_kinds():
    assert classify("jean.martin@interieur.gouv.fr").kind is EntryKind.EMAIL
    assert classify('"Jean.Martin@Interieur.gouv.fr"').value == "jean.martin@interieur.gouv.fr"
    assert classify("mailto:a@b.fr").value == "a@b.fr"
    assert classify("@jean-interieur.gouv.fr:agent.interieur.tchap.gouv.fr").kind is (
        EntryKind.MATRIX_ID)
    assert classify("@bob:127.0.0.1:8448").kind is EntryKind.MATRIX_ID
    for bad in ("jean@", "@@x", "pas-une-adresse", "a@b", "@bob", "x" * 300 + "@a.fr"):
        assert classify(bad).kind is EntryKind.INVALID, bad


def test_invalid_entries_are_kept_once_each_in_order():
    entries = parse_entries("foo, a@b.fr; foo bar")
    assert [(e.text, e.kind) for e in entries] == [
        ("foo", EntryKind.INVALID), ("a@b.fr", EntryKind.EMAIL), ("bar", EntryKind.INVALID)]


def test_files_in_utf8_with_bom_or_latin1():
    assert read_list_file("\ufeffé@a.fr".encode()) == "é@a.fr"
    assert read_list_file("andré@a.fr".encode("latin-1")) == "andré@a.fr"
