"""The demo's directory: agents of several ministries to find, and public salons to browse.

People are named as Tchap names them ("First Last [Organisation]", the user id made from
their email), so the people search finds them by name or by address; one of them is on the
"liste rouge" and is not found. Forums are public salons listed in the directory, made by
one of them. Seeded once (its own marker, so an older demo-data/ gets it too).
"""

from __future__ import annotations

from app.core.identifiers import localpart_of_email
from devtools.homeserver import Homeserver, HomeserverError

PEOPLE = (
    ("jean.martin@interieur.gouv.fr", "Jean Martin [Intérieur]"),
    ("jeanne.morel@culture.gouv.fr", "Jeanne Morel [Culture]"),
    ("nadia.benali@sante.gouv.fr", "Nadia Benali [Santé]"),
    ("pierre.lambert@finances.gouv.fr", "Pierre Lambert [Finances]"),
    ("claire.dubois@justice.gouv.fr", "Claire Dubois [Justice]"),
    ("marc.roux@numerique.gouv.fr", "Marc Roux [DINUM]"),
)
HIDDEN = ("paul.secret@defense.gouv.fr", "Paul Secret [Armées]")  # "liste rouge"
FORUMS = (
    ("Achats publics", "Marchés, appels d’offres et retours d’expérience des acheteurs"),
    ("Numérique responsable", "Sobriété numérique et écoconception des services publics"),
    ("Accessibilité numérique", "RGAA, audits et bonnes pratiques d’accessibilité"),
    ("Réseau des DPO", "Protection des données personnelles : questions et veille"),
    ("Cybersécurité — veille", "Alertes, recommandations de l’ANSSI et partage d’incidents"),
    ("Open data", "Ouverture et réutilisation des données publiques"),
)
PASSWORD = "demo-directory-pw-1"


def _register(hs: Homeserver, email: str, name: str) -> str:
    try:
        return hs.register_user(localpart_of_email(email), PASSWORD, displayname=name, email=email)
    except HomeserverError as e:
        if "M_USER_IN_USE" not in str(e):
            raise
        return f"@{localpart_of_email(email)}:{hs.server_name}"


def seed_directory(hs: Homeserver, marker) -> None:
    """Register the people and create the forums, once (`marker` is a path)."""
    if marker.exists():
        return
    for email, name in PEOPLE:
        _register(hs, email, name)
    hidden = _register(hs, *HIDDEN)
    token = hs.login(hidden, PASSWORD)["access_token"]
    hs.request("PUT", f"/_matrix/client/v3/user/{hidden}/account_data/im.vector.hide_profile",
               {"hide_profile": True}, token=token)  # fmt: skip
    owner = hs.login(f"@{localpart_of_email(PEOPLE[5][0])}:{hs.server_name}", PASSWORD)["access_token"]
    for name, topic in FORUMS:
        body = {
            "preset": "public_chat", "visibility": "public", "name": name, "topic": topic,
            "initial_state": [
                {"type": "im.vector.room.access_rules", "state_key": "",
                 "content": {"rule": "restricted"}},
                {"type": "m.room.history_visibility", "state_key": "",
                 "content": {"history_visibility": "shared"}},
            ],
        }  # fmt: skip
        hs.request("POST", "/_matrix/client/v3/createRoom", body, token=owner)
    marker.write_text("seeded\n")
