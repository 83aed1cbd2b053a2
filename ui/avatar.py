"""Avatars as coloured initials: a hexagon for a salon, a circle for a person or a direct chat.

Tchap tells rooms and people apart by shape; the colour is picked from the id so a room
keeps its colour everywhere and on every start.
"""

from __future__ import annotations

import math
import zlib
from enum import Enum

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPainterPath, QPixmap

from ui import theme


class AvatarShape(Enum):
    CIRCLE = "circle"  # a person, a direct chat
    HEXAGON = "hexagon"  # a salon


def avatar_colour(key: str) -> QColor:
    """A stable colour for a room or user id, from the DSFR illustrative palette."""
    index = zlib.crc32(key.encode("utf-8")) % len(theme.AVATAR_COLOURS)
    return QColor(theme.AVATAR_COLOURS[index])


def initials(name: str) -> str:
    """The first letter worth showing: skips sigils (@ # !) and punctuation."""
    for ch in name:
        if ch.isalnum():
            return ch.upper()
    return "?"


def hexagon_path(rect: QRectF) -> QPainterPath:
    """A regular hexagon, pointy side up, inscribed in `rect` and slightly rounded."""
    cx, cy = rect.center().x(), rect.center().y()
    r = min(rect.width(), rect.height()) / 2
    corners = [
        QPointF(cx + r * math.cos(math.radians(a)), cy + r * math.sin(math.radians(a)))
        for a in range(-90, 270, 60)
    ]
    # Soften each corner with a short quadratic curve: sharp tips look harsh at 32 px.
    cut = 0.12
    path = QPainterPath()
    for i, corner in enumerate(corners):
        prev_c, next_c = corners[i - 1], corners[(i + 1) % 6]
        start = corner + (prev_c - corner) * cut
        end = corner + (next_c - corner) * cut
        if i == 0:
            path.moveTo(start)
        else:
            path.lineTo(start)
        path.quadTo(corner, end)
    path.closeSubpath()
    return path


def shape_path(rect: QRectF, shape: AvatarShape) -> QPainterPath:
    """The outline of an avatar of the given shape."""
    if shape is AvatarShape.HEXAGON:
        return hexagon_path(rect)
    path = QPainterPath()
    path.addEllipse(rect)
    return path


def paint_avatar(
    painter: QPainter,
    rect: QRectF,
    name: str,
    key: str,
    shape: AvatarShape,
    image: QImage | None = None,
) -> None:
    """Paint the avatar image, or coloured initials, in `rect`, antialiased, in its shape."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    if image is not None and not image.isNull():
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
        painter.setClipPath(shape_path(rect, shape))
        painter.drawImage(rect, image)
        painter.restore()
        return
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(avatar_colour(key))
    painter.drawPath(shape_path(rect, shape))
    font = QFont(painter.font())
    font.setPixelSize(max(8, int(rect.height() * 0.42)))
    font.setBold(True)
    painter.setFont(font)
    painter.setPen(QColor("#FFFFFF"))
    painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, initials(name))
    painter.restore()


_cache: dict[tuple, QPixmap] = {}


def avatar_pixmap(
    size: int,
    name: str,
    key: str,
    shape: AvatarShape,
    dpr: float = 1.0,
    image: QImage | None = None,
) -> QPixmap:
    """A cached pixmap of the avatar, for labels and headers."""
    cache_key = (size, initials(name), key, shape, dpr, image.cacheKey() if image else 0)
    pixmap = _cache.get(cache_key)
    if pixmap is None:
        image = render_avatar(int(size * dpr), name, key, shape, image)
        pixmap = QPixmap.fromImage(image)
        pixmap.setDevicePixelRatio(dpr)
        if len(_cache) > 512:
            _cache.clear()
        _cache[cache_key] = pixmap
    return pixmap


def render_avatar(
    size: int, name: str, key: str, shape: AvatarShape, picture: QImage | None = None
) -> QImage:
    """The avatar on a transparent square image (also what the tests look at)."""
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    paint_avatar(painter, QRectF(0, 0, size, size), name, key, shape, picture)
    painter.end()
    return image
