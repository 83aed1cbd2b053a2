"""Room changes worded: names isolated from the sentence's direction, reasons, power, runs."""

from __future__ import annotations

from app.core.types import ItemKind
from tests.ui.fakes import message
from ui import state_texts


def plain(text: str) -> str:
    return text.replace("\u2068", "").replace("\u2069", "")


def state(detail: dict, kind=ItemKind.ROOM_STATE, n=1):
    return message("!r:x", n, "@a:x", "Alice", "", 1, kind=kind, state=detail)


def test_sentences_name_who_did_what_to_whom():
    kicked = state({"what": "kicked", "target": "Bob", "reason": "hors sujet"}, ItemKind.MEMBERSHIP)
    assert plain(state_texts.state_text(kicked)) == (
        "Alice removed Bob from the room (reason: hors sujet)"
    )
    power = state({"what": "power_changed", "changes": [{"target": "Bob", "old": 0, "new": 50}]})
    assert plain(state_texts.state_text(power)) == "Alice made Bob a moderator"
    opened = state({"what": "access_rule", "value": "unrestricted"})
    assert plain(state_texts.state_text(opened)) == "Alice opened the room to external users"
    odd = state({"what": "never heard of"})
    assert plain(state_texts.state_text(odd)) == "Alice changed the room settings"
    assert state_texts.isolate("Eve") == "\u2068Eve\u2069"


def test_a_run_counts_people_per_kind_of_change():
    items = [state({"what": "joined", "target_id": f"@u{n}:x"}, ItemKind.MEMBERSHIP, n)
             for n in range(5)] + [state({"what": "left", "target_id": "@u1:x"},
                                         ItemKind.MEMBERSHIP, 9)]  # fmt: skip
    text = state_texts.run_text(items)
    assert text.startswith("5 ") and "joined" in text and "1 " in text and "left" in text


def test_a_person_is_named_without_their_organisation():
    item = state({"what": "joined", "target": "Camille Martin [Intérieur]"}, ItemKind.MEMBERSHIP)
    text = state_texts.state_text(item)
    assert "Camille Martin" in text and "Intérieur" not in text
    power = state({"what": "power_changed",
                   "changes": [{"target": "Camille Martin [Intérieur]", "old": 0, "new": 50}]})
    assert plain(state_texts.state_text(power)) == "Alice made Camille Martin a moderator"
