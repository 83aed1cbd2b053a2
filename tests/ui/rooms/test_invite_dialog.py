"""The invitation dialog on a FakeSession: preview, report, progress, stop, no freeze."""

from __future__ import annotations

import asyncio
import itertools

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QWidget

from app.rooms.invitations import InviteOutcome, InviteRefusal, InviteResult
from app.rooms.invite_list import parse_entries
from app.rooms.kinds import Refusal
from tests.support import eventually
from tests.ui.fakes import FakeSession
from ui.rooms.invite_dialog import InviteDialog
from ui.rooms.invite_report import InviteReportModel

ROOM = "!salon:agent.finances.tchap.gouv.fr"


async def _dialog(qtbot, session: FakeSession | None = None) -> tuple[FakeSession, InviteDialog]:
    session = session or FakeSession()
    window = QWidget()  # the main window: closing the dialog must not close the last window
    qtbot.addWidget(window)
    window.show()
    dialog = InviteDialog(session, ROOM, window)
    dialog.window_ = window  # kept alive with the dialog
    dialog.open()
    await eventually(dialog.isVisible)
    return session, dialog


async def test_opens_in_the_field_and_previews_the_list(qtbot):
    _, dialog = await _dialog(qtbot)
    assert dialog.focusWidget() is dialog.field
    assert not dialog.confirm_button.isEnabled()
    dialog.set_text("a@interieur.gouv.fr; A@interieur.gouv.fr\n@b:agent.tchap.gouv.fr, pas-une-adresse")
    assert dialog.model.rowCount() == 3
    assert dialog.preview.text() == (
        "2 person(s) to invite. 1 entry(ies) will be left out: neither an address nor a Matrix ID.")
    assert dialog.confirm_button.isEnabled()
    for widget in (dialog.field, dialog.load_button, dialog.table, dialog.stop_button,
                   dialog.progress):  # fmt: skip
        assert widget.accessibleName()


async def test_report_per_entry_and_summary(qtbot):
    session, dialog = await _dialog(qtbot)
    session.invitations.members.add("deja@finances.gouv.fr")
    dialog.set_text("jean@interieur.gouv.fr, deja@finances.gouv.fr, nouveau@nouveau.gouv.fr;"
                    "x@partenaire.fr\n@e:e.tchap.gouv.fr qui@inconnu.example n'importe")
    await dialog.invite()
    texts = [dialog.model.index(r, 1).data() for r in range(dialog.model.rowCount())]
    assert texts == [
        "Invitation sent", "Already a member of the salon",
        "Invitation sent by email (no account yet)",
        "External users can only be invited into a salon open to externals.",
        "External users can only be invited into a salon open to externals.",
        "This address belongs to no Tchap server.",
        "Neither an email address nor a Matrix ID",
    ]  # fmt: skip
    assert dialog.summary.text().splitlines() == [
        "2 invitation(s) sent.", "1 person(s) already in the salon.",
        "3 invitation(s) refused.", "1 entry(ies) not an address."]  # fmt: skip
    assert dialog.confirm_button.text() == "Done"


async def test_invite_runs_once_while_in_flight(qtbot):
    session, dialog = await _dialog(qtbot)
    session.invitations.gate = asyncio.Event()
    dialog.set_text("jean@interieur.gouv.fr")
    first = asyncio.ensure_future(dialog.invite())
    await eventually(lambda: dialog.stop_button.isVisible())
    await dialog.invite()  # pressed again while it runs: nothing more is sent
    assert not dialog.confirm_button.isEnabled()
    session.invitations.gate.set()
    await first
    assert [c for c in session.calls if c[0] == "invite_many"] == [("invite_many", ROOM, 1)]


async def test_two_hundred_addresses_progress_stop_and_no_freeze(qtbot):
    session, dialog = await _dialog(qtbot)
    session.invitations.delay_s = 0.01
    dialog.set_text("\n".join(f"agent{i}@interieur.gouv.fr" for i in range(200)))
    ticks = []
    timer = QTimer(interval=10)
    timer.timeout.connect(lambda: ticks.append(asyncio.get_running_loop().time()))
    timer.start()
    running = asyncio.ensure_future(dialog.invite())
    await eventually(lambda: dialog.progress.value() >= 40)
    assert dialog.progress.format() == f"{dialog.progress.value()} of 200"
    dialog.stop_button.click()
    await running
    timer.stop()
    done = dialog.model.count(InviteOutcome.INVITED)
    assert 40 <= done < 200
    assert len(session.invitations.invited) == done  # nothing was sent after Stop
    stopped = dialog.model.index(199, 1).data()
    assert stopped == "Not sent: stopped"
    assert dialog.summary.text().splitlines() == [
        f"{done} invitation(s) sent.", f"{200 - done} invitation(s) not sent: stopped."]
    gaps = [b - a for a, b in itertools.pairwise(ticks)]
    assert len(ticks) > 10 and max(gaps) < 0.1  # the window kept processing events (measured: ~16 ms)


async def test_closing_stops_the_list(qtbot):
    session, dialog = await _dialog(qtbot)
    session.invitations.gate = asyncio.Event()
    dialog.set_text("a@interieur.gouv.fr b@interieur.gouv.fr")
    running = asyncio.ensure_future(dialog.invite())
    await eventually(lambda: dialog.stop_button.isVisible())
    dialog.reject()
    await running
    assert session.invitations.invited == []


async def test_load_a_file(qtbot, tmp_path):
    _, dialog = await _dialog(qtbot)
    path = tmp_path / "liste.csv"
    path.write_bytes("nom;adresse\nAndré;andre@interieur.gouv.fr\n".encode("latin-1"))
    await dialog.load_file(str(path))
    assert "andre@interieur.gouv.fr" in dialog.field.toPlainText()
    assert dialog.model.rowCount() == 4  # "nom", "adresse", "André" are shown as not addresses
    await dialog.load_file(str(tmp_path / "absent.txt"))
    assert "cannot be read" in dialog.error.text()


def test_report_model(qtmodeltester):
    model = InviteReportModel()
    entries = parse_entries("a@b.fr, @c:d.fr, nope")
    model.set_entries(entries)
    qtmodeltester.check(model)
    model.set_result(0, InviteResult(entries[0], InviteOutcome.INVITED))
    model.set_result(1, InviteResult(entries[1], InviteOutcome.REFUSED, InviteRefusal.RULE,
                                     Refusal.EXTERNAL_NOT_INVITABLE))  # fmt: skip
    model.mark_stopped()
    qtmodeltester.check(model)
    assert model.index(1, 1).data(InviteReportModel.Role.RESULT).rule is (
        Refusal.EXTERNAL_NOT_INVITABLE)
    assert model.index(2, 1).data(InviteReportModel.Role.DONE)
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Person"


async def test_room_menu_offers_invite_for_salons_only_and_opens_the_dialog(qtbot):
    from tests.ui.demo_data import DM_CAMILLE, PROJECT
    from tests.ui.test_chat_view import make as make_chat
    from ui.views.main.room_menu import RoomAction, room_menu

    session, _window, chat = await make_chat(qtbot)
    salon, direct = session.rooms[PROJECT], session.rooms[DM_CAMILLE]
    names = [a.objectName() for a in room_menu(salon, lambda a: None, chat).actions()]
    assert RoomAction.INVITE.value in names
    names = [a.objectName() for a in room_menu(direct, lambda a: None, chat).actions()]
    assert RoomAction.INVITE.value not in names
    await chat.room_actions.perform(PROJECT, RoomAction.INVITE)
    await eventually(lambda: any(d.isVisible() for d in chat.findChildren(InviteDialog)))
    dialog = next(d for d in chat.findChildren(InviteDialog) if d.isVisible())
    assert dialog.focusWidget() is dialog.field
    dialog.set_text("jean.martin@interieur.gouv.fr")
    await dialog.invite()
    assert ("invite_many", PROJECT, 1) in session.calls
    dialog.reject()
