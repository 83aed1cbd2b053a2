"""A Synapse whose user directory honours the "liste rouge", for the Settings tests.

Stock Synapse's directory ignores `im.vector.hide_profile`; Tchap's servers do not. This
server searches all users (as Tchap's directory does) and loads
`devtools/synapse_hide_profile.py`, which leaves out of a search every user whose account
data asks to be hidden, so a second account's search checks the client's switch end to end.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from devtools.homeserver import Homeserver

MODULE = Path(__file__).resolve().parents[1] / "devtools" / "synapse_hide_profile.py"


@pytest.fixture(scope="session")
def directory_synapse(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Homeserver]:
    """A Synapse ("directory.localhost") with the hide-profile module and a full directory."""
    base = tmp_path_factory.mktemp("directory")
    # `python -m synapse.app.homeserver` runs in the server's folder: the module is imported from it.
    shutil.copy(MODULE, base / MODULE.name)
    hs = Homeserver(
        base,
        server_name="directory.localhost",
        extra_config={
            "user_directory": {"enabled": True, "search_all_users": True},
            "modules": [{"module": "synapse_hide_profile.HideProfileModule", "config": {}}],
        },
    )
    hs.start()
    try:
        yield hs
    finally:
        hs.stop()
