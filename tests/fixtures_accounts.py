"""Registration that finds its server: Tchap's `/info` (a `TchapFronts` front, see
`tests/fixtures_signin.py`) in front of the Synapse that mails its links
(`tests/fixtures_email.py`), so an agent's address leads to the server that checks it."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

import pytest

from devtools.homeserver import Homeserver

if TYPE_CHECKING:  # imported in the fixture: pytest registers that module as a plugin first
    from tests.fixtures_signin import TchapFronts

DOMAIN = "numerique.gouv.fr"  # a domain the mailing Synapse lets register


@dataclass
class MailingFront:
    """The front answering `/info` for `domain` and proxying the rest to the mailing Synapse."""

    url: str
    domain: str
    fronts: TchapFronts
    synapse: Homeserver


@pytest.fixture(scope="session")
def mailing_front(
    tmp_path_factory: pytest.TempPathFactory, email_synapse: Homeserver
) -> Iterator[MailingFront]:
    """`/info` names the mailing Synapse (through this front) for addresses of `DOMAIN`."""
    from tests.fixtures_signin import TchapFronts

    fronts = TchapFronts(tmp_path_factory.mktemp("mailing-front"))
    try:
        url = fronts.add_front(email_synapse.url)
        fronts.domains[DOMAIN] = fronts.hs_of(url)
        yield MailingFront(url, DOMAIN, fronts, email_synapse)
    finally:
        fronts.close()


__all__ = ["MailingFront"]
