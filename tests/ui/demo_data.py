"""Realistic French data for screenshots and view tests (a ministry's everyday rooms)."""

from __future__ import annotations

import time
from dataclasses import replace

from app.core.types import ItemKind, Membership, RoomSummary, SendState
from tests.ui.fakes import FakeSession, message

ME = "@sophie.durand-finances.gouv.fr:agent.finances.tchap.gouv.fr"
CAMILLE = "@camille.martin-interieur.gouv.fr:agent.interieur.tchap.gouv.fr"
THOMAS = "@thomas.petit-numerique.gouv.fr:agent.dinum.tchap.gouv.fr"
LEA = "@lea.bernard-education.gouv.fr:agent.education.tchap.gouv.fr"

PROJECT = "!projet:agent.dinum.tchap.gouv.fr"
TELETRAVAIL = "!teletravail:agent.finances.tchap.gouv.fr"
DM_CAMILLE = "!dmcamille:agent.interieur.tchap.gouv.fr"
INVITE = "!crise:agent.interieur.tchap.gouv.fr"


def _now() -> int:
    return int(time.time() * 1000)


def demo_rooms(now: int | None = None) -> list[RoomSummary]:
    """Seven rooms: salons, direct chats, an invitation, an unnamed room."""
    now = now or _now()
    hour, day = 3_600_000, 86_400_000
    return [
        RoomSummary(TELETRAVAIL, "Télétravail", False, True, Membership.JOIN,
                    topic="Organisation du télétravail de l'équipe", last_sender="Camille Martin",
                    last_body="Je serai en télétravail jeudi et vendredi.", last_ts=now - 2 * hour,
                    unread_count=3, member_count=14),
        RoomSummary(PROJECT, "Projet Tchap Desktop", False, True, Membership.JOIN,
                    topic="Client natif Tchap — suivi du développement et des livraisons",
                    last_sender="Thomas Petit", last_body="La version 0.2 est prête pour la recette",
                    last_ts=now - 5 * 60_000, unread_count=12, highlight_count=1,
                    member_count=8),
        RoomSummary(DM_CAMILLE, "Camille Martin [Intérieur]", True, True, Membership.JOIN,
                    last_sender="Camille Martin", last_body="Merci, je regarde ça cet après-midi",
                    last_ts=now - 26 * hour, member_count=2),
        RoomSummary(INVITE, "Cellule de crise — Préfecture", False, True, Membership.INVITE,
                    inviter="Jean Dupont [Intérieur]", last_ts=now - 40 * 60_000),
        RoomSummary("!dinum:agent.dinum.tchap.gouv.fr", "Direction du numérique", False, False,
                    Membership.JOIN, last_sender="Thomas Petit",
                    last_body="Le compte rendu du comité est en ligne", last_ts=now - 4 * day,
                    member_count=230),
        RoomSummary("!dmlea:agent.education.tchap.gouv.fr", "Léa Bernard [Éducation]", True, True,
                    Membership.JOIN, last_sender="Sophie Durand", last_body="Bonne journée !",
                    last_ts=now - 12 * day, member_count=2),
        RoomSummary("!empty:agent.finances.tchap.gouv.fr", "", False, True, Membership.JOIN,
                    name_is_fallback=True, last_ts=now - 30 * day),
    ]  # fmt: skip


def demo_timeline(now: int | None = None) -> list:
    """A day of conversation in "Projet Tchap Desktop", with every kind of row."""
    now = now or _now()
    minute, day = 60_000, 86_400_000
    r = PROJECT
    t0 = now - day - 3 * 60 * minute
    rows = [
        message(r, 1, THOMAS, "Thomas Petit", "", t0, kind=ItemKind.ROOM_STATE,
                state={"what": "created"}),
        message(r, 2, THOMAS, "Thomas Petit", "", t0 + 1000, kind=ItemKind.ROOM_STATE,
                state={"what": "encryption_enabled"}),
        message(r, 3, CAMILLE, "Camille Martin", "", t0 + 2 * minute, kind=ItemKind.MEMBERSHIP,
                state={"what": "joined", "target": "Camille Martin"}),
        message(r, 4, THOMAS, "Thomas Petit", "Bonjour à tous ! Bienvenue dans le salon du projet.",
                t0 + 5 * minute),
        message(r, 5, THOMAS, "Thomas Petit", "Le cahier des charges est ici : https://www.numerique.gouv.fr",
                t0 + 6 * minute, html='Le cahier des charges est ici : <a href="https://www.numerique.gouv.fr">'
                'numerique.gouv.fr</a>'),
        replace(message(r, 15, THOMAS, "Thomas Petit", "cahier-des-charges-v3.pdf",
                        t0 + 7 * minute, kind=ItemKind.MEDIA), msgtype="m.file",
                media={"name": "cahier-des-charges-v3.pdf", "size": 1_843_200,
                       "mimetype": "application/pdf"}),
        message(r, 6, ME, "Sophie Durand", "Merci Thomas, je le lis ce soir.", t0 + 20 * minute, own=True),
        message(r, 7, CAMILLE, "Camille Martin", "", now - 50 * minute, kind=ItemKind.UNDECRYPTABLE),
        message(r, 8, CAMILLE, "Camille Martin", "Point d'étape demain à 10 h ?", now - 48 * minute,
                html="Point d'étape <b>demain à 10 h</b> ?"),
        message(r, 9, CAMILLE, "Camille Martin", "Ordre du jour : recette, packaging, traductions",
                now - 47 * minute, html="Ordre du jour :<ul><li>recette</li><li>packaging "
                "(<code>.deb</code>, <code>.msi</code>)</li><li>traductions</li></ul>"),
        message(r, 10, ME, "Sophie Durand", "Parfait pour moi 👍", now - 30 * minute, own=True),
        message(r, 11, ME, "Sophie Durand", "Je prépare la démo sur le poste de test.",
                now - 29 * minute, own=True),
        replace(message(r, 16, ME, "Sophie Durand", "maquette-accueil.png", now - 28 * minute,
                        own=True, kind=ItemKind.MEDIA), msgtype="m.image",
                media={"name": "maquette-accueil.png", "size": 356_000, "w": 1280, "h": 800}),
        message(r, 12, THOMAS, "Thomas Petit", "La version 0.2 est prête pour la recette",
                now - 5 * minute),
        message(r, 13, ME, "Sophie Durand", "Super, je m'en occupe cet après-midi.", now - 2 * minute,
                own=True, send_state=SendState.FAILED),
        message(r, 14, ME, "Sophie Durand", "Je vous tiens au courant.", now - 60_000, own=True,
                send_state=SendState.SENDING),
    ]  # fmt: skip
    return rows


def demo_session() -> FakeSession:
    """A FakeSession signed in as Sophie Durand, with rooms and one rich timeline."""
    now = _now()
    return FakeSession(
        rooms=demo_rooms(now),
        timelines={PROJECT: demo_timeline(now)},
        user_id=ME,
        display_name="Sophie Durand [Finances]",
    )
