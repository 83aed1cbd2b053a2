"""The server's password rules read defensively, and the strength meter's score."""

from __future__ import annotations

from app.accounts.password_policy import PasswordPolicy, PasswordRule, strength


def test_policy_from_the_server():
    policy = PasswordPolicy.from_json({"m.minimum_length": 12, "m.require_digit": True,
                                       "m.require_symbol": True, "m.require_uppercase": True})  # fmt: skip
    assert policy.rules() == [PasswordRule.MIN_LENGTH, PasswordRule.UPPERCASE,
                              PasswordRule.DIGIT, PasswordRule.SYMBOL]  # fmt: skip
    assert policy.unmet("abc") == policy.rules()
    assert policy.unmet("Abcdefghij1!") == []
    assert policy.unmet("abcdefghijkl1!") == [PasswordRule.UPPERCASE]


def test_a_hostile_policy_is_read_as_no_rules():
    for data in (None, [], "x", {"m.minimum_length": "12", "m.require_digit": "yes"},
                 {"m.minimum_length": 10**9}, {"m.minimum_length": True}):  # fmt: skip
        assert PasswordPolicy.from_json(data) == PasswordPolicy()
    assert PasswordPolicy().unmet("") == []


def test_strength_grows_with_length_and_variety():
    assert strength("") == 0
    assert strength("aaaaaaaaaaaa") == 0
    assert strength("motdepasse") <= 1
    assert strength("azerty123") <= 1
    scores = [strength(p) for p in ("chat", "chatbleu", "Chat-bleu-7", "Chat-bleu-7-Vole-Haut!")]
    assert scores == sorted(scores) and scores[0] < scores[-1]
    assert strength("Chat-bleu-7-Vole-Haut!") == 4
