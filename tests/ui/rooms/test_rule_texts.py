"""Every room rule and kind has its sentence, and a refusal from the core reads as that
sentence whether the client or the server refused (in French once translated)."""

from __future__ import annotations

from app.core.errors import ActionError, ActionFailed
from app.rooms.kinds import Refusal, RoomKind, RoomRuleRefused
from tests.ui.test_i18n import _installed, _remove
from ui import texts
from ui.rooms import rule_texts


def test_each_refusal_and_kind_is_worded():
    sentences = {rule_texts.refusal_text(r) for r in Refusal}
    assert len(sentences) == len(Refusal) and all(s.endswith(".") for s in sentences)
    assert all(rule_texts.kind_name(k) and rule_texts.kind_description(k) for k in RoomKind)


def test_a_rule_refused_by_the_server_reads_as_the_rule(qapp, tmp_path):
    translators = _installed(qapp, "fr", tmp_path)
    try:
        refused = RoomRuleRefused(Refusal.EXTERNALS_ONE_WAY, by_server=True, detail="M_FORBIDDEN")
        assert texts.action_error_text(refused) == (
            "Un salon ouvert aux externes ne peut plus leur être fermé."
        )
        assert "M_FORBIDDEN" not in texts.action_error_text(refused)
        plain = texts.action_error_text(ActionFailed(ActionError.FORBIDDEN))
        assert plain != texts.action_error_text(refused)
    finally:
        _remove(translators)
