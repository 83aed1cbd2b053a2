"""Message contents for the seeder: plausible French office chatter, deterministic per RNG.

Pure functions: they return (event type, content) pairs; the seeder sends (and may encrypt)
them. The mix: mostly plain text of varied length, some formatted (HTML), notices, emotes,
replies, reactions, images and files.
"""

from __future__ import annotations

import random

WORDS = [
    "bonjour",
    "merci",
    "réunion",
    "dossier",
    "projet",
    "demain",
    "semaine",
    "compte-rendu",
    "ordre",
    "du",
    "jour",
    "note",
    "service",
    "direction",
    "ministère",
    "préfecture",
    "rapport",
    "budget",
    "arbitrage",
    "calendrier",
    "validation",
    "signature",
    "courrier",
    "document",
    "version",
    "relecture",
    "pièce",
    "jointe",
    "échéance",
    "point",
    "d'étape",
    "présentation",
    "tableau",
    "synthèse",
    "équipe",
    "agent",
    "mission",
    "délégation",
    "convention",
    "marché",
    "appel",
    "d'offres",
    "cahier",
    "des",
    "charges",
    "prestataire",
    "instruction",
    "circulaire",
    "décret",
    "arrêté",
    "texte",
    "consultation",
    "avis",
    "réponse",
    "question",
    "suite",
    "retour",
    "rappel",
    "urgent",
    "important",
    "confidentiel",
    "interne",
    "public",
    "partenaire",
    "collectivité",
    "commune",
    "région",
    "département",
    "état",
    "usager",
    "accueil",
    "formation",
    "recrutement",
    "poste",
    "mobilité",
    "congés",
    "télétravail",
    "bureau",
    "salle",
    "visio",
    "lien",
    "ordre",
    "priorité",
    "risque",
    "sécurité",
    "incident",
    "crise",
    "astreinte",
    "permanence",
    "planning",
    "cycle",
    "trimestre",
    "annuel",
    "objectif",
    "indicateur",
    "résultat",
    "bilan",
    "plan",
    "action",
    "mesure",
    "piste",
    "proposition",
]
FIRST_NAMES = [
    "Camille",
    "Dominique",
    "Claude",
    "Alix",
    "Sacha",
    "Lou",
    "Jean",
    "Marie",
    "Anne",
    "Louis",
    "Hugo",
    "Léa",
    "Chloé",
    "Manon",
    "Emma",
    "Lucas",
    "Nathan",
    "Inès",
    "Jules",
    "Sarah",
    "Paul",
    "Julie",
    "Thomas",
    "Nicolas",
    "Sophie",
    "Pierre",
    "Isabelle",
    "Laurent",
    "Nadia",
    "Karim",
    "Yasmine",
    "Mehdi",
    "Fatou",
    "Aminata",
    "Thi",
    "Minh",
    "Elena",
    "Luca",
    "Ana",
    "Joana",
]
LAST_NAMES = [
    "Martin",
    "Bernard",
    "Dubois",
    "Thomas",
    "Robert",
    "Richard",
    "Petit",
    "Durand",
    "Leroy",
    "Moreau",
    "Simon",
    "Laurent",
    "Lefebvre",
    "Michel",
    "Garcia",
    "David",
    "Bertrand",
    "Roux",
    "Vincent",
    "Fournier",
    "Morel",
    "Girard",
    "André",
    "Lefèvre",
    "Mercier",
    "Dupont",
    "Lambert",
    "Bonnet",
    "François",
    "Martinez",
    "Nguyen",
    "Diallo",
    "Traoré",
    "Benali",
    "Haddad",
]
REACTIONS = ("👍", "✅", "🙏", "😄", "👀", "🎉", "❤️", "+1")
SERVICES = ("DINUM", "DGFiP", "DGSI", "Préfecture", "Rectorat", "ARS", "DREAL", "DDT", "Ministère")


def display_name(i: int) -> str:
    """A stable, plausible display name for bot number `i`."""
    first = FIRST_NAMES[i % len(FIRST_NAMES)]
    last = LAST_NAMES[(i // len(FIRST_NAMES) + i) % len(LAST_NAMES)]
    return f"{first} {last} [{SERVICES[i % len(SERVICES)]}]"


def sentence(rng: random.Random, low: int = 3, high: int = 40) -> str:
    """A sentence of `low`..`high` words, the length skewed to short."""
    n = low + int((high - low) * rng.random() ** 3)
    words = [rng.choice(WORDS) for _ in range(n)]
    text = " ".join(words)
    return text[:1].upper() + text[1:] + rng.choice((".", ".", ".", " ?", " !", ""))


def text_message(rng: random.Random) -> dict:
    """An m.text, sometimes formatted, sometimes several paragraphs."""
    roll = rng.random()
    if roll < 0.08:
        a, b = sentence(rng, 2, 6), sentence(rng, 4, 20)
        return {
            "msgtype": "m.text",
            "body": f"**{a}**\n{b}",
            "format": "org.matrix.custom.html",
            "formatted_body": f"<strong>{a}</strong><br>{b}",
        }
    if roll < 0.12:
        items = [sentence(rng, 2, 8) for _ in range(rng.randint(2, 5))]
        return {
            "msgtype": "m.text",
            "body": "\n".join(f"- {i}" for i in items),
            "format": "org.matrix.custom.html",
            "formatted_body": "<ul>" + "".join(f"<li>{i}</li>" for i in items) + "</ul>",
        }
    if roll < 0.15:
        return {
            "msgtype": "m.text",
            "body": "\n\n".join(sentence(rng, 10, 60) for _ in range(rng.randint(2, 4))),
        }
    if roll < 0.17:
        url = f"https://www.numerique.gouv.fr/page-{rng.randint(1, 999)}"
        return {"msgtype": "m.text", "body": f"{sentence(rng, 2, 8)} {url}"}
    return {"msgtype": "m.text", "body": sentence(rng)}


def message(
    rng: random.Random,
    recent: list[str],
    media: list[dict] | None,
) -> tuple[str, dict]:
    """One timeline event (type, content); `recent` are event IDs that can be replied to.

    `media` is a list of ready `m.image`/`m.file` contents (plain or encrypted, matching the
    room); None or empty means no attachments.
    """
    roll = rng.random()
    if roll < 0.04 and recent:
        return "m.reaction", {
            "m.relates_to": {
                "rel_type": "m.annotation",
                "event_id": rng.choice(recent[-10:]),
                "key": rng.choice(REACTIONS),
            }
        }
    if roll < 0.08 and recent:
        content = text_message(rng)
        content["m.relates_to"] = {"m.in_reply_to": {"event_id": rng.choice(recent[-20:])}}
        return "m.room.message", content
    if roll < 0.10:
        return "m.room.message", {"msgtype": "m.notice", "body": sentence(rng, 3, 15)}
    if roll < 0.11:
        return "m.room.message", {"msgtype": "m.emote", "body": sentence(rng, 2, 8)}
    if roll < 0.13 and media:
        return "m.room.message", dict(rng.choice(media))
    return "m.room.message", text_message(rng)
