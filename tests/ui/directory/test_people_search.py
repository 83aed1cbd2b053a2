"""The people search on a FakeSession: debounced search, stale answers dropped, states in
words, the results model, "Send a message" and "Invite into …", keyboard and shortcut."""

from __future__ import annotations

import asyncio
import time

import pytest
import shiboken6
from PySide6.QtCore import Qt

from app.core.errors import ActionError, ActionFailed
from app.rooms.kinds import Refusal
from tests.support import eventually
from tests.ui.demo_data import DM_CAMILLE, PROJECT, demo_session
from tests.ui.fake_directory import person
from tests.ui.fakes import FakeProfile
from ui.directory import texts as dtexts
from ui.directory.models import PeopleModel
from ui.directory.people_search import PeopleSearchDialog
from ui.rooms import rule_texts
from ui.views.main.main_window import MainWindow

JEAN = person("@jean.martin-interieur.gouv.fr:agent.interieur.tchap.gouv.fr",
              "Jean Martin [Intérieur]")  # fmt: skip
JEANNE = person("@jeanne.morel-culture.gouv.fr:agent.culture.tchap.gouv.fr",
                "Jeanne Morel [Culture]", avatar_url="mxc://x/jeanne")  # fmt: skip
GUEST = person("@jean.guest-mail.fr:agent.externe.tchap.gouv.fr", "Jean Guest [Externe]",
               external=True)  # fmt: skip


async def make(qtbot, room_id: str = ""):
    session = demo_session()
    session.directory.people = [JEAN, JEANNE, GUEST]
    window = MainWindow(session, FakeProfile())
    qtbot.addWidget(window)
    window.show()
    await window.show_chat()
    if room_id:
        await window.chat.open_room(room_id)
    dialog = window.chat.directory.find_people()
    await eventually(dialog.isVisible)
    dialog.shown_terms = []
    dialog.results_shown.connect(dialog.shown_terms.append)
    return session, window, dialog


def searches(session) -> list[str]:
    return [c[1] for c in session.calls if c[0] == "search_users"]


def test_people_model_passes_qtmodeltester(qtmodeltester):
    model = PeopleModel()
    model.set_people([JEAN, JEANNE, GUEST])
    qtmodeltester.check(model)
    model.set_people([GUEST])
    model.set_people([])
    model.set_people([JEANNE, JEAN])
    qtmodeltester.check(model)
    index = model.index(1)
    assert index.data(PeopleModel.Role.NAME) == "Jean Martin"
    assert index.data(PeopleModel.Role.ORGANISATION) == "Intérieur"
    assert model.index(0).data(PeopleModel.Role.AVATAR_URL) == "mxc://x/jeanne"


async def test_typing_searches_once_after_a_pause_and_shows_people(qtbot):
    session, _window, dialog = await make(qtbot)
    assert dialog.focusWidget() is dialog.search  # the dialog opens in its field
    assert dialog.state.text() == dtexts.people_prompt()
    qtbot.keyClicks(dialog.search, "Jean")
    assert searches(session) == []  # nothing while typing
    await eventually(lambda: dialog.shown_terms)
    assert searches(session) == ["Jean"]  # once, for the whole word
    assert dialog.model.rowCount() == 3
    guest = dialog.model.index(2)
    assert guest.data(PeopleModel.Role.EXTERNAL) is True
    assert "External" in guest.data(Qt.ItemDataRole.DisplayRole)
    assert not dialog.state.isVisible()


@pytest.mark.parametrize("stubborn", [False, True], ids=["cancelled", "answers-anyway"])
async def test_a_stale_answer_never_overwrites_a_newer_one(qtbot, stubborn):
    """The first query's request is cancelled when the query changes; even an answer that
    comes back anyway (after the newer one) is dropped."""
    session, _window, dialog = await make(qtbot)
    session.directory.delays = {"Jean": 0.6}  # the first query answers after the second
    session.directory.stubborn = stubborn
    dialog.search.setText("Jean")
    await eventually(lambda: searches(session) == ["Jean"])
    dialog.search.setText("Jeanne")
    await eventually(lambda: dialog.shown_terms == ["Jeanne"])
    await asyncio.sleep(0.8)  # long enough for the stale answer to have come back
    assert [dialog.model.index(r).data(PeopleModel.Role.NAME)
            for r in range(dialog.model.rowCount())] == ["Jeanne Morel"]  # fmt: skip


async def test_results_are_on_screen_within_150_ms_of_the_answer(qtbot):
    session, _window, dialog = await make(qtbot)
    answered: list[float] = []
    real = session.directory.search_users

    async def timed(term: str, limit: int = 20):
        result = await real(term, limit)
        answered.append(time.perf_counter())
        return result

    session.directory.search_users = timed
    shown: list[float] = []
    dialog.model.rowsInserted.connect(lambda *_: shown.append(time.perf_counter()))
    dialog.search.setText("Jean")
    await eventually(lambda: shown)
    assert shown[0] - answered[0] < 0.150


async def test_no_result_and_error_are_said_in_words(qtbot):
    session, _window, dialog = await make(qtbot)
    dialog.search.setText("Personne")
    await eventually(lambda: dialog.shown_terms)
    await eventually(lambda: dialog.state.text() == dtexts.nobody_found("Personne"))
    session.directory.error = ActionFailed(ActionError.NETWORK)
    dialog.search.setText("Jean")
    await eventually(lambda: dialog.state.text() == dtexts.search_error(session.directory.error))
    assert dialog.model.rowCount() == 0
    gate = session.directory.gate = asyncio.Event()
    session.directory.error = None
    dialog.search.setText("Jeanne")
    await eventually(lambda: dialog.state.text() == dtexts.searching())
    gate.set()
    await eventually(lambda: dialog.model.rowCount() == 1)


async def test_send_a_message_opens_the_direct_chat_once(qtbot):
    session, window, dialog = await make(qtbot)
    dialog.search.setText("Jean Martin")
    await eventually(lambda: dialog.shown_terms)
    qtbot.keyClick(dialog.search, Qt.Key.Key_Down)
    assert dialog.focusWidget() is dialog.list
    gate = asyncio.Event()
    session.create_direct_chat = _gated(session.create_direct_chat, gate)
    qtbot.keyClick(dialog.list, Qt.Key.Key_Return)
    qtbot.keyClick(dialog.list, Qt.Key.Key_Return)  # a second Enter while in flight
    await eventually(lambda: not dialog.message_button.isEnabled())
    gate.set()
    await eventually(lambda: not shiboken6.isValid(dialog) or not dialog.isVisible())
    made = [c for c in session.calls if c[0] == "create_direct_chat"]
    assert made == [("create_direct_chat", JEAN.user_id)]
    await eventually(lambda: window.chat.current_room.startswith("!dm"))


def _gated(create, gate):
    async def gated(user_id: str) -> str:
        await gate.wait()
        return await create(user_id)

    return gated


async def test_two_externals_cannot_chat_the_button_says_why(qtbot):
    session, _window, dialog = await make(qtbot)
    session.user_id = "@me-mail.fr:e.tchap.gouv.fr"  # an external account
    dialog.search.setText("Jean Guest")
    await eventually(lambda: dialog.shown_terms)
    assert not dialog.message_button.isEnabled()
    assert dialog.message_button.toolTip()


async def test_invite_into_the_open_salon(qtbot):
    session, _window, dialog = await make(qtbot, room_id=PROJECT)
    assert dialog.invite_button.isVisible()
    assert "Projet Tchap Desktop" in dialog.invite_button.text()
    dialog.search.setText("Jeanne")
    await eventually(lambda: dialog.shown_terms)
    qtbot.mouseClick(dialog.invite_button, Qt.MouseButton.LeftButton)
    await eventually(lambda: ("invite", PROJECT, JEANNE.user_id) in session.calls)
    await eventually(
        lambda: dialog.message.text() == dtexts.invited("Jeanne Morel", "Projet Tchap Desktop")
    )
    assert dialog.isVisible()  # more people may be invited
    # An external is refused by Tchap's rule: the salons' sentence, never an errcode.
    dialog.search.setText("Jean Guest")
    await eventually(lambda: dialog.shown_terms[-1] == "Jean Guest")
    qtbot.mouseClick(dialog.invite_button, Qt.MouseButton.LeftButton)
    refused = rule_texts.refusal_text(Refusal.EXTERNAL_NOT_INVITABLE)
    await eventually(lambda: dialog.message.text() == refused)


async def test_no_invite_button_from_a_direct_chat(qtbot):
    _session, _window, dialog = await make(qtbot, room_id=DM_CAMILLE)
    assert not dialog.invite_button.isVisible()


async def test_the_shortcut_and_the_plus_menu_open_the_search(qtbot):
    session = demo_session()
    window = MainWindow(session, FakeProfile())
    qtbot.addWidget(window)
    window.show()
    await window.show_chat()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier
                   | Qt.KeyboardModifier.ShiftModifier)  # fmt: skip
    await eventually(lambda: window.findChild(PeopleSearchDialog) is not None)
    actions = [a.text() for a in window.chat.sidebar.new_button.menu().actions()]
    assert "Find a person…" in actions and "Browse public salons…" in actions
