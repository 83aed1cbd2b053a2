"""Avatar images for the views: fetched through the session once, kept as QImages.

Views ask `image(uri)`; a miss starts a fetch and returns None (initials are painted
meanwhile); when the file arrives, `loaded(uri)` tells the views to repaint.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QImage

log = logging.getLogger("tchap.ui")
Fetch = Callable[[str], Awaitable[str | None]]


class AvatarImages(QObject):
    """The avatar images of the signed-in session (one instance per application)."""

    loaded = Signal(str)  # the mxc:// URI whose image is now available

    def __init__(self) -> None:
        super().__init__()
        self._fetch: Fetch | None = None
        self._images: dict[str, QImage] = {}
        self._asked: set[str] = set()
        self._tasks: set[asyncio.Task] = set()

    def configure(self, fetch: Fetch | None) -> None:
        """Use `fetch(uri) -> local path` (the session's `avatar`); None forgets everything."""
        self._fetch = fetch
        self._images.clear()
        self._asked.clear()
        for task in self._tasks:
            task.cancel()

    def image(self, uri: str | None) -> QImage | None:
        """The image for `uri` if it is here; otherwise start fetching it and return None."""
        if not uri:
            return None
        image = self._images.get(uri)
        if image is None and uri not in self._asked and self._fetch is not None:
            self._asked.add(uri)
            try:
                task = asyncio.ensure_future(self._load(uri, self._fetch))
            except RuntimeError:  # no event loop (e.g. a plain widget test): initials only
                return None
            self._tasks.add(task)
            task.add_done_callback(self._tasks.discard)
        return image

    async def _load(self, uri: str, fetch: Fetch) -> None:
        path = await fetch(uri)
        if path is None or fetch is not self._fetch:
            return
        image = QImage(path)
        if image.isNull():
            log.info("avatar file is not an image")
            return
        self._images[uri] = image
        self.loaded.emit(uri)


_instance: AvatarImages | None = None


def avatar_images() -> AvatarImages:
    """The application's avatar image store."""
    global _instance
    if _instance is None:
        _instance = AvatarImages()
    return _instance
