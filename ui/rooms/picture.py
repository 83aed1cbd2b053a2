"""A salon's picture chosen by the user: cropped to a centred square, scaled down, saved as
PNG in a temporary folder (what the core uploads), and shown as a hexagon preview."""

from __future__ import annotations

import logging
import tempfile
from pathlib import Path

from PySide6.QtCore import QRect, QSize, Qt, Signal
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QPushButton, QWidget

from ui import theme
from ui.avatar import AvatarShape, avatar_pixmap

log = logging.getLogger("tchap.ui")
PICTURE_SIZE = 256
PREVIEW = 64


def square_crop(image: QImage, size: int = PICTURE_SIZE) -> QImage:
    """The centred square of `image`, scaled to `size` (never upscaled past it)."""
    side = min(image.width(), image.height())
    square = image.copy(QRect((image.width() - side) // 2, (image.height() - side) // 2,
                              side, side))  # fmt: skip
    if side > size:
        square = square.scaled(size, size, Qt.AspectRatioMode.IgnoreAspectRatio,
                               Qt.TransformationMode.SmoothTransformation)  # fmt: skip
    return square


class PicturePicker(QWidget):
    """Preview (the salon's hexagon), "Choose a picture…" and "Remove"."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._folder = tempfile.TemporaryDirectory(prefix="tchap-picture-")
        self.path: Path | None = None  # the cropped PNG to upload, or None
        self.image: QImage | None = None
        self._name, self._key = "", "new"
        self.preview = QLabel(self)
        self.preview.setFixedSize(QSize(PREVIEW, PREVIEW))
        self.choose = QPushButton(self.tr("Choose a picture…"), self)
        self.choose.setAccessibleName(self.tr("Choose the salon's picture"))
        self.remove = QPushButton(self.tr("Remove"), self)
        self.remove.setAccessibleName(self.tr("Remove the salon's picture"))
        self.remove.setEnabled(False)
        self.error = QLabel(self)
        self.error.setObjectName("error")
        self.error.hide()
        self.choose.clicked.connect(self._browse)
        self.remove.clicked.connect(lambda: self.set_file(None))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(theme.S)
        layout.addWidget(self.preview)
        layout.addWidget(self.choose)
        layout.addWidget(self.remove)
        layout.addWidget(self.error, 1)
        self._paint()

    def set_name(self, name: str, key: str = "new") -> None:
        """The salon's name, for the initials shown without a picture."""
        self._name, self._key = name, key
        self._paint()

    def _browse(self) -> None:  # a plain slot: the file dialog's own loop is safe here
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Choose a picture"), "",
            self.tr("Images (*.png *.jpg *.jpeg *.gif *.webp)"))  # fmt: skip
        if path:
            self.set_file(path)

    def set_file(self, path: str | Path | None) -> bool:
        """Use this image (cropped square), or none; False if it is not a readable image."""
        if path is None:
            self.path, self.image = None, None
        else:
            image = QImage(str(path))
            if image.isNull():
                log.info("picture not usable: not an image")
                self.error.setText(self.tr("This file is not a picture."))
                self.error.show()
                return False
            self.image = square_crop(image)
            self.path = Path(self._folder.name) / "picture.png"
            self.image.save(str(self.path), "PNG")
        self.error.hide()
        self.remove.setEnabled(self.path is not None)
        self._paint()
        self.changed.emit()
        return True

    def _paint(self) -> None:
        self.preview.setPixmap(avatar_pixmap(PREVIEW, self._name or "?", self._key,
                                             AvatarShape.HEXAGON, self.devicePixelRatioF(),
                                             self.image))  # fmt: skip
