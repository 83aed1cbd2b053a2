"""Avatar images: fetched through the session once, painted inside the hexagon or circle."""

from __future__ import annotations

import asyncio

from PySide6.QtGui import QColor, QImage

from tests.support import eventually
from ui.avatar import AvatarShape, render_avatar
from ui.avatar_images import AvatarImages


def solid(path, colour: str) -> str:
    image = QImage(32, 32, QImage.Format.Format_RGB32)
    image.fill(QColor(colour))
    assert image.save(str(path), "PNG")
    return str(path)


async def test_a_miss_fetches_once_then_the_image_is_served(qapp, tmp_path):
    file = solid(tmp_path / "a.png", "#E1000F")
    calls = []

    async def fetch(uri: str) -> str | None:
        calls.append(uri)
        return file

    images = AvatarImages()
    images.configure(fetch)
    loaded = []
    images.loaded.connect(loaded.append)
    assert images.image("mxc://s/a") is None  # not yet: initials are painted meanwhile
    assert images.image("mxc://s/a") is None
    await eventually(lambda: loaded)
    assert loaded == ["mxc://s/a"] and calls == ["mxc://s/a"]
    assert images.image("mxc://s/a").pixelColor(5, 5) == QColor("#E1000F")
    images.configure(None)
    assert images.image("mxc://s/a") is None


async def test_missing_or_broken_file_keeps_the_initials(qapp, tmp_path):
    broken = tmp_path / "b.img"
    broken.write_bytes(b"not an image")

    async def fetch(uri: str) -> str | None:
        return str(broken) if uri.endswith("b") else None

    images = AvatarImages()
    loaded = []
    fetched = []
    images.configure(lambda uri: _record(fetched, uri, fetch))
    images.loaded.connect(loaded.append)
    images.image("mxc://s/b")
    images.image("mxc://s/c")
    await eventually(lambda: len(fetched) == 2)
    await asyncio.sleep(0)  # let the loads finish after their fetch returned
    assert loaded == [] and images.image("mxc://s/b") is None


async def _record(fetched: list, uri: str, fetch) -> str | None:
    result = await fetch(uri)
    fetched.append(uri)
    return result


def test_image_is_clipped_to_the_room_shape(qapp):
    picture = QImage(64, 64, QImage.Format.Format_RGB32)
    picture.fill(QColor("#000091"))
    hexagon = render_avatar(64, "Salon", "!r:s", AvatarShape.HEXAGON, picture)
    circle = render_avatar(64, "Camille", "!d:s", AvatarShape.CIRCLE, picture)
    for image in (hexagon, circle):
        assert image.pixelColor(32, 32) == QColor("#000091")  # the picture inside
        assert image.pixelColor(1, 1).alpha() == 0  # the corner stays transparent
