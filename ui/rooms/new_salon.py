""""New salon": a name (focus), a topic, a picture, and one of Tchap's three kinds with what
each means; a forum warns that every public servant can read it, "open to externals" that it
cannot be undone. The create button runs once while in flight; refusals read as sentences."""

from __future__ import annotations

from PySide6.QtWidgets import QButtonGroup, QLabel, QLineEdit, QRadioButton, QWidget
from qasync import asyncSlot

from app.api import SessionApi
from app.rooms.kinds import CREATABLE, RoomKind, check_create
from ui.dialogs.base import TchapDialog
from ui.rooms.picture import PicturePicker
from ui.rooms.rule_texts import kind_description, kind_name, refusal_text
from ui.rooms.salon_texts import kind_warning


class NewSalonDialog(TchapDialog):
    """Creates a salon of one of the kinds in CREATABLE; `room_id` is set once accepted."""

    def __init__(self, session: SessionApi, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("New salon"), "", self.tr("Create the salon"), parent)
        self._session = session
        self.room_id: str | None = None
        self.name = QLineEdit(self)
        self.name.setPlaceholderText(self.tr("Salon name"))
        self.name.setAccessibleName(self.tr("Salon name"))
        self.name.setMaxLength(255)
        self.topic = QLineEdit(self)
        self.topic.setPlaceholderText(self.tr("Topic (optional)"))
        self.topic.setAccessibleName(self.tr("Topic"))
        self.topic.setMaxLength(1000)
        self.picture = PicturePicker(self)
        self.body.addWidget(QLabel(self.tr("Name"), self))
        self.body.addWidget(self.name)
        self.body.addWidget(QLabel(self.tr("Topic"), self))
        self.body.addWidget(self.topic)
        self.body.addWidget(QLabel(self.tr("Picture"), self))
        self.body.addWidget(self.picture)
        self.body.addWidget(QLabel(self.tr("Kind of salon"), self))
        self.kinds = QButtonGroup(self)
        self.kind_buttons: dict[RoomKind, QRadioButton] = {}
        for number, kind in enumerate(CREATABLE):
            button = QRadioButton(kind_name(kind), self)
            button.setAccessibleName(kind_name(kind))
            button.setAccessibleDescription(kind_description(kind))
            about = QLabel(kind_description(kind), self)
            about.setObjectName("secondary")
            about.setWordWrap(True)
            about.setContentsMargins(24, 0, 0, 0)
            self.kinds.addButton(button, number)
            self.kind_buttons[kind] = button
            self.body.addWidget(button)
            self.body.addWidget(about)
        self.kind_buttons[RoomKind.PRIVATE].setChecked(True)  # the default: private
        self.warning = QLabel(self)
        self.warning.setObjectName("warning")
        self.warning.setWordWrap(True)
        self.warning.hide()
        self.body.addWidget(self.warning)
        self.kinds.idToggled.connect(lambda _id, on: on and self._kind_changed())
        self.name.textChanged.connect(lambda text: self.picture.set_name(text))
        self.name.returnPressed.connect(self._on_confirm)
        self.confirm_button.clicked.connect(self._on_confirm)
        refusal = check_create(session.externals.own_is_external)
        if refusal is not None:  # an external account: said at once, nothing to send
            self.show_error(refusal_text(refusal))
            self.confirm_button.setEnabled(False)

    @property
    def kind(self) -> RoomKind:
        """The kind chosen."""
        return CREATABLE[max(0, self.kinds.checkedId())]

    def choose_kind(self, kind: RoomKind) -> None:
        self.kind_buttons[kind].setChecked(True)

    def _kind_changed(self) -> None:
        text = kind_warning(self.kind)
        self.warning.setText(text)
        self.warning.setVisible(bool(text))
        self.show_error("")  # grows the dialog to fit the warning

    async def submit(self) -> bool:
        """Create the salon; True (and the dialog accepted) on success."""
        name = self.name.text().strip()
        if not name:
            self.show_error(self.tr("Give the salon a name."))
            self.name.setFocus()
            return False
        return await self.create_room(self._session.create_salon(
            name, self.topic.text().strip(), self.kind, self.picture.path))  # fmt: skip

    @asyncSlot()
    async def _on_confirm(self) -> None:
        await self.submit()
