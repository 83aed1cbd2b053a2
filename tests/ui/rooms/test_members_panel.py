"""The members panel and the rights page, against the fake session: the model's diffs
(qtmodeltester, 1 000 members, no reset), the actions our level allows, reasons asked,
refusals worded, the export, avatars fetched for the rows shown only."""

from __future__ import annotations

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QFileDialog

from app.rooms.kinds import Refusal, RoomRuleRefused
from app.rooms.member_rows import MemberState, RoomMember
from app.rooms.power_levels import Action, Role, role_of
from tests.support import eventually
from tests.ui.demo_data import CAMILLE, LEA, ME, PROJECT, THOMAS
from tests.ui.test_chat_view import make as make_chat
from ui.accounts import people
from ui.avatar_images import avatar_images
from ui.rooms import member_texts
from ui.rooms.invite_dialog import InviteDialog
from ui.rooms.members_model import MembersModel, MembersProxy
from ui.rooms.members_opener import SHORTCUT
from ui.rooms.rights_page import RightsPage
from ui.rooms.rule_texts import refusal_text
from ui.rooms.settings_dialog import RoomSettingsDialog

GUEST = "@ana.lopez:e.partenaires.gouv.fr"


def member(user_id: str, name: str, level: int = 0, state=MemberState.JOINED, avatar=None):
    from app.core.display_names import split_display_name

    parts = split_display_name(name)
    return RoomMember(user_id, parts.name, parts.organisation, avatar, state, level, role_of(level))


def roster(own_level: int = 100) -> list[RoomMember]:
    return [
        member(ME, "Sophie Durand [Finances]", own_level),
        member(CAMILLE, "Camille Martin [Intérieur]", 50),
        member(THOMAS, "Thomas Petit [DINUM]"),
        member(GUEST, "Ana Lopez [Consultante]"),
        member(LEA, "Léa Bernard [Éducation]", state=MemberState.INVITED),
        member("3pid:tok", "j…@exemple.fr", state=MemberState.EMAIL_INVITED),
    ]


def levels(own_level: int = 100) -> dict:
    return {"users": {ME: own_level, CAMILLE: 50}, "events": {"m.room.power_levels": 50}}


def many(count: int) -> list[RoomMember]:
    return [member(f"@agent{i:04d}:x", f"Agent {i:04d} [Org {i % 7}]", avatar=f"mxc://x/{i}")
            for i in range(count)]  # fmt: skip


# -- the model ---------------------------------------------------------------------------------


def test_model_with_1000_members_changes_by_diffs(qtmodeltester, qtbot):
    model = MembersModel()
    model.set_room(PROJECT, many(1000))
    qtmodeltester.check(model)
    resets = []
    model.modelReset.connect(lambda: resets.append(1))
    changed = [member("@agent0003:x", "Agent 0003 [Org 3]", 50)]
    kept = [m for m in many(1000) if m.user_id not in ("@agent0001:x", "@agent0002:x")]
    kept = [changed[0] if m.user_id == "@agent0003:x" else m for m in kept]
    with qtbot.waitSignals([model.rowsRemoved, model.dataChanged, model.rowsInserted]):
        model.update(kept + [member("@new:x", "Nouveau Venu [DINUM]")])
    qtmodeltester.check(model)
    assert not resets and model.rowCount() == 999
    assert model.member(model.row_of("@agent0003:x")).role is Role.MODERATOR
    assert model.member(model.rowCount() - 1).user_id == "@new:x"  # appended: stable order


def test_proxy_orders_by_state_then_role_and_filters(qtmodeltester):
    model, proxy = MembersModel(), MembersProxy()
    proxy.setSourceModel(model)
    model.set_room(PROJECT, roster())
    qtmodeltester.check(proxy)
    ids = [proxy.index(r, 0).data(MembersModel.Role.USER_ID) for r in range(proxy.rowCount())]
    assert ids[:2] == [ME, CAMILLE] and ids[-2:] == [LEA, "3pid:tok"]
    proxy.set_filter_text("intérieur")
    assert proxy.rowCount() == 1 and proxy.index(0, 0).data(MembersModel.Role.USER_ID) == CAMILLE


# -- the panel ---------------------------------------------------------------------------------


async def open_panel(qtbot, own_level: int = 100, members=None):
    session, window, chat = await make_chat(qtbot)
    session.roster.set_room(PROJECT, members if members is not None else roster(own_level),
                            levels(own_level))  # fmt: skip
    people.set_externals(session.externals)
    await chat.open_room(PROJECT)
    opener = window.members
    assert opener.button.accessibleName() == "Members"
    opener.button.click()
    panel = opener.panel
    await eventually(lambda: panel.model.rowCount() == len(session.roster.members[PROJECT]))
    return session, window, panel


def select(panel, user_id: str) -> RoomMember:
    row = panel.proxy.mapFromSource(panel.model.index(panel.model.row_of(user_id)))
    panel.view.setCurrentIndex(row)
    return panel.current_member()


def entries(panel, user_id: str) -> list[str]:
    menu = panel.member_menu(select(panel, user_id))
    return [a.objectName() for a in menu.actions()]


async def test_the_panel_opens_from_the_header_and_the_shortcut(qtbot):
    _session, window, panel = await open_panel(qtbot)
    assert panel.isVisible() and panel.filter.hasFocus() or not window.isActiveWindow()
    assert panel.count.text() == member_texts.members_count(4, 2)  # joined, invited
    assert "4" in panel.count.text() and "2" in panel.count.text()
    assert window.members.shortcut.key() == QKeySequence(SHORTCUT)
    window.members.toggle()  # what Ctrl+Shift+M does
    assert not panel.isVisible() and not window.members.button.isChecked()
    window.members.toggle()
    assert panel.isVisible()


async def test_only_the_actions_our_level_allows(qtbot):
    _session, _window, panel = await open_panel(qtbot, own_level=100)
    assert entries(panel, THOMAS) == ["promote", "admin", "kick", "ban"]
    assert entries(panel, CAMILLE) == ["admin", "demote", "kick", "ban"]
    assert entries(panel, GUEST) == ["kick", "ban"]  # an external is never raised
    assert entries(panel, "3pid:tok") == []
    assert entries(panel, ME) == ["demote"]


async def test_keyboard_path_to_a_members_menu(qtbot):
    from PySide6.QtCore import Qt

    _session, _window, panel = await open_panel(qtbot)
    panel.filter.setFocus()
    qtbot.keyClick(panel.filter, Qt.Key.Key_Down)  # from the filter into the list
    assert panel.current_member().user_id == ME  # the first row: ourselves, the admin
    select(panel, THOMAS)
    qtbot.keyClick(panel.view, Qt.Key.Key_F10, Qt.KeyboardModifier.ShiftModifier)
    assert panel.menu is not None and panel.menu.isVisible()
    assert [a.objectName() for a in panel.menu.actions()] == ["promote", "admin", "kick", "ban"]
    panel.menu.close()
    qtbot.keyClick(panel.view, Qt.Key.Key_Menu)
    assert panel.menu.isVisible()
    panel.menu.close()


async def test_a_moderator_cannot_touch_a_peer(qtbot):
    _session, _window, panel = await open_panel(qtbot, own_level=50)
    assert entries(panel, CAMILLE) == []  # a peer
    assert entries(panel, THOMAS) == ["promote", "kick", "ban"]
    select(panel, CAMILLE)
    assert panel.open_menu() is None
    assert panel.status.text() == "You cannot change anything for this member."


async def test_promote_then_ban_with_a_reason(qtbot):
    session, _window, panel = await open_panel(qtbot)
    menu = panel.member_menu(select(panel, THOMAS))
    next(a for a in menu.actions() if a.objectName() == "promote").trigger()
    await eventually(lambda: ("set_member_level", PROJECT, THOMAS, 50) in session.roster.calls)
    await eventually(lambda: panel.model.member(panel.model.row_of(THOMAS)).level == 50)
    dialog = panel.ask_reason(select(panel, THOMAS), "ban")
    assert dialog.reason.hasFocus() or not dialog.isActiveWindow()
    dialog.reason.setText("Messages hors sujet")
    dialog.confirm_button.click()
    await eventually(
        lambda: ("ban", PROJECT, THOMAS, "Messages hors sujet") in session.roster.calls
    )
    await eventually(
        lambda: panel.model.member(panel.model.row_of(THOMAS)).state is MemberState.BANNED
    )
    assert entries(panel, THOMAS) == ["unban"]


async def test_a_refusal_is_a_sentence(qtbot):
    session, _window, panel = await open_panel(qtbot)
    session.roster.fail_with = RoomRuleRefused(Refusal.EXTERNAL_NO_POWER, by_server=True)
    panel.set_level(THOMAS, 50)
    await eventually(lambda: panel.status.text() == refusal_text(Refusal.EXTERNAL_NO_POWER))
    assert panel.status.objectName() == "error"


async def test_export_writes_the_list(qtbot, tmp_path, monkeypatch):
    _session, _window, panel = await open_panel(qtbot)
    target = tmp_path / "membres"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    panel.export_button.click()
    written = tmp_path / "membres.txt"
    await eventually(lambda: written.exists())
    assert written.read_text(encoding="utf-8").splitlines()[:2] == [
        f"Sophie Durand [Finances] <{ME}>", f"Camille Martin [Intérieur] <{CAMILLE}>"]  # fmt: skip
    await eventually(lambda: panel.status.text() == member_texts.exported_text(4))


async def test_1000_members_scroll_and_avatars_load_for_shown_rows_only(qtbot):
    asked: list[str] = []

    async def fetch(uri: str) -> None:
        asked.append(uri)

    _session, _window, panel = await open_panel(qtbot, members=many(1000))
    avatar_images().configure(fetch)
    panel.view.viewport().repaint()
    await eventually(lambda: asked)
    shown = panel.view.viewport().height() // 44 + 2
    assert len(set(asked)) <= shown  # not 1 000
    bar = panel.view.verticalScrollBar()
    for value in range(0, bar.maximum() + 1, max(1, bar.maximum() // 20)):
        bar.setValue(value)
        panel.view.viewport().repaint()
    bar.setValue(bar.maximum())
    panel.view.viewport().repaint()
    last = panel.proxy.index(panel.proxy.rowCount() - 1, 0)
    assert panel.view.visualRect(last).intersects(panel.view.viewport().rect())
    await eventually(lambda: "mxc://x/999" in asked or "mxc://x/998" in asked)
    assert len(set(asked)) < 1000


# -- the rights page ---------------------------------------------------------------------------


async def test_rights_page_changes_a_level_and_offers_nothing_above_ours(qtbot):
    session, _window, _panel = await open_panel(qtbot, own_level=50)
    page = RightsPage(session, PROJECT)
    qtbot.addWidget(page)
    page.load()
    combo = page.combos[Action.INVITE]
    await eventually(lambda: combo.currentData() == 0 and combo.isEnabled())
    admins = combo.findData(100)
    assert not combo.model().item(admins).isEnabled()  # above our own level
    assert page.combos[Action.POWER].isEnabled()  # this room lets moderators edit the rights
    ban = page.combos[Action.BAN]
    assert ban.currentData() == 50
    page.change(Action.INVITE, 50)
    await eventually(
        lambda: ("set_action_level", PROJECT, Action.INVITE, 50) in session.roster.calls
    )
    await eventually(lambda: combo.currentData() == 50)
    assert combo.currentText() == member_texts.role_group(Role.MODERATOR, 50)


async def test_rights_page_disabled_with_the_reason_for_a_member(qtbot):
    _session, window, _panel = await open_panel(qtbot, own_level=0)
    page = window.members.open_rights(PROJECT).rights
    await eventually(lambda: not page.notice.isHidden())
    assert not page.combos[Action.SEND].isEnabled()
    assert page.combos[Action.SEND].toolTip() == page.notice.text()


async def test_the_panel_invites_and_opens_the_settings_on_their_rights(qtbot):
    _session, window, panel = await open_panel(qtbot)
    panel.invite_button.click()
    invite = window.findChild(InviteDialog)
    assert invite is not None and invite.isVisible()
    invite.close()
    panel.rights_button.click()
    settings = window.findChild(RoomSettingsDialog)
    await eventually(lambda: settings is not None and settings.isVisible())
    assert settings.tabs.currentWidget() is settings.rights
    assert [settings.tabs.tabText(i) for i in range(settings.tabs.count())] == ["General", "Rights"]
