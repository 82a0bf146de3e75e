"""The catalog every sandbox shares: channels, plans, options, offers and the FAQ.

All names are invented for iCanal; prices are in euro cents, VAT included.
"""

from __future__ import annotations

import random
import sqlite3
from datetime import date

from icanal_sandbox.dates import add_months
from icanal_sandbox.ids import seeded_id

# (number, name, category, hd)
CHANNELS: list[tuple[int, str, str, bool]] = [
    (1, "iCanal Première", "Généraliste", True),
    (2, "Horizon 2", "Généraliste", True),
    (3, "Territoires TV", "Généraliste", True),
    (4, "Cap Ouest", "Généraliste", False),
    (5, "Rive Gauche", "Généraliste", True),
    (6, "Azur Famille", "Généraliste", True),
    (7, "Lumière Télé", "Généraliste", False),
    (10, "Info Continu 24", "Information", True),
    (11, "Le Fil Éco", "Information", True),
    (12, "Monde Direct", "Information", False),
    (13, "Parlement Ouvert", "Information", False),
    (20, "Ciné Prestige", "Cinéma", True),
    (21, "Ciné Frissons", "Cinéma", True),
    (22, "Ciné Classiques", "Cinéma", True),
    (23, "Ciné Comédie", "Cinéma", True),
    (24, "Écran Noir", "Cinéma", True),
    (25, "Ciné Famille", "Cinéma", True),
    (26, "Séries Club", "Séries", True),
    (27, "Polar Séries", "Séries", True),
    (28, "Feuilletons d'Or", "Séries", False),
    (30, "Stade 1", "Sport", True),
    (31, "Stade 2", "Sport", True),
    (32, "Ovalie TV", "Sport", True),
    (33, "Grand Prix Mécaniques", "Sport", True),
    (34, "Tie-Break", "Sport", True),
    (35, "Glisse & Montagne", "Sport", True),
    (36, "Arène Combat", "Sport", False),
    (37, "Peloton TV", "Sport", True),
    (40, "P'tits Loups", "Jeunesse", True),
    (41, "Récré Junior", "Jeunesse", True),
    (42, "Ado Mania", "Jeunesse", False),
    (43, "Dessins Animés Plus", "Jeunesse", True),
    (50, "Planète Curieuse", "Découverte", True),
    (51, "Grand Nord", "Découverte", True),
    (52, "Histoire Vivante", "Découverte", True),
    (53, "Saveurs & Terroirs", "Découverte", False),
    (54, "Maison Jardin", "Découverte", False),
    (55, "Sciences en Direct", "Découverte", True),
    (60, "Mélodie FM TV", "Musique", False),
    (61, "Scène Live", "Musique", True),
    (62, "Rétro Hits", "Musique", False),
    (70, "Savane TV", "International", False),
    (71, "Lagune 24", "International", False),
    (72, "Atlas Méditerranée", "International", False),
    (73, "Océan Indien Première", "International", True),
]

GENERAL = {"Généraliste", "Information"}

# key, rank, name, description, monthly price, commitment months, categories included
PLANS: list[tuple[str, int, str, str, int, int, set[str]]] = [
    (
        "essentiel",
        1,
        "Essentiel",
        "Les chaînes généralistes et l'information, pour toute la maison.",
        1999,
        12,
        GENERAL | {"Musique"},
    ),
    (
        "essentiel_libre",
        2,
        "Essentiel Liberté",
        "L'offre Essentiel sans engagement, résiliable à tout moment.",
        2499,
        0,
        GENERAL | {"Musique"},
    ),
    (
        "famille_max",
        3,
        "Famille Max",
        "Essentiel, plus la jeunesse, la découverte et le cinéma en famille.",
        2999,
        12,
        GENERAL | {"Musique", "Jeunesse", "Découverte", "International"},
    ),
    (
        "cinema_plus",
        4,
        "Cinéma+",
        "Six chaînes de cinéma, les séries et l'essentiel de la télévision.",
        3999,
        24,
        GENERAL | {"Musique", "Cinéma", "Séries"},
    ),
    (
        "sport_integral",
        5,
        "Sport Intégral",
        "Tous les championnats, le rugby, le tennis et les sports mécaniques.",
        4499,
        24,
        GENERAL | {"Sport"},
    ),
    (
        "integrale",
        6,
        "L'Intégrale",
        "Toutes les chaînes iCanal : cinéma, sport, séries, jeunesse et découverte.",
        6999,
        24,
        {category for _, _, category, _ in CHANNELS},
    ),
]

# key, name, description, monthly price
OPTIONS: list[tuple[str, str, str, int]] = [
    ("multi_ecrans", "Multi-écrans", "Regardez sur quatre écrans en même temps.", 500),
    ("cloud_200", "Enregistreur Cloud 200 h", "200 heures d'enregistrement en ligne.", 400),
    ("pack_jeunesse", "Pack Jeunesse", "Les chaînes jeunesse, sans publicité.", 300),
    ("pack_docs", "Pack Docs & Découverte", "Documentaires et magazines en illimité.", 450),
    ("ultra_hd", "Ultra HD 4K", "Le sport et le cinéma en 4K quand ils existent.", 600),
]

# Each FAQ entry: category, question, answer, search keywords.
FAQ: list[tuple[str, str, str, str]] = [
    (
        "Facturation",
        "Quand ma facture est-elle émise ?",
        "Votre facture est émise chaque mois à la date anniversaire de votre contrat. "
        "Elle est payable sous 15 jours et disponible en PDF dans votre espace client.",
        "facture émise date mensuelle pdf",
    ),
    (
        "Facturation",
        "Pourquoi ma facture est-elle plus élevée ce mois-ci ?",
        "Un changement d'offre en cours de mois est facturé au prorata, et une option ajoutée "
        "apparaît dès la facture suivante. Le détail des lignes figure sur la facture.",
        "facture élevée montant prorata changement option augmentation",
    ),
    (
        "Paiement",
        "Mon paiement a échoué, que faire ?",
        "Vérifiez la date d'expiration de votre carte ou le solde de votre compte, puis payez "
        "la facture depuis l'onglet Factures avec le moyen de paiement de votre choix.",
        "paiement échoué refusé carte rejet impayé",
    ),
    (
        "Paiement",
        "Quels moyens de paiement sont acceptés ?",
        "Carte bancaire (Visa, Mastercard), prélèvement SEPA avec mandat, et mobile money "
        "(Orange Money, MTN MoMo, Wave, Moov Money) selon votre pays.",
        "moyen paiement carte sepa prélèvement mobile money orange wave",
    ),
    (
        "Paiement",
        "Comment changer mon moyen de paiement par défaut ?",
        "Dans Moyens de paiement, choisissez le moyen voulu puis « Définir par défaut ». "
        "Les prochaines factures seront réglées avec ce moyen.",
        "défaut moyen paiement changer carte iban",
    ),
    (
        "Abonnement",
        "Comment changer d'offre ?",
        "Depuis l'onglet Abonnement, comparez les offres puis lancez le changement : "
        "un aperçu indique le montant dû, la date d'effet et le nouveau prix mensuel.",
        "changer offre upgrade formule plan passer",
    ),
    (
        "Abonnement",
        "Comment résilier mon abonnement ?",
        "Depuis l'onglet Abonnement, « Résilier ». Un aperçu indique la date d'effet, les "
        "frais éventuels et l'engagement restant. Vous pouvez annuler la résiliation "
        "jusqu'à sa date d'effet.",
        "résilier résiliation arrêter annuler abonnement engagement frais",
    ),
    (
        "Abonnement",
        "Que signifie la fin d'engagement ?",
        "C'est la date jusqu'à laquelle vous vous êtes engagé. Une résiliation avant cette "
        "date entraîne des frais égaux à un quart des mensualités restantes.",
        "engagement fin durée minimum frais",
    ),
    (
        "Abonnement",
        "Qu'est-ce que le renouvellement automatique ?",
        "Votre contrat est reconduit chaque mois. Si vous le désactivez, il prend fin à la "
        "date de renouvellement, ou à la fin de votre engagement.",
        "renouvellement automatique reconduction tacite",
    ),
    (
        "Technique",
        "Mon décodeur affiche « Carte non reconnue »",
        "Éteignez le décodeur, retirez puis réinsérez la carte, et rallumez. Si le message "
        "persiste, ouvrez une demande en indiquant le numéro de carte de votre contrat.",
        "décodeur carte non reconnue erreur écran noir signal",
    ),
    (
        "Technique",
        "Je n'ai plus d'image sur certaines chaînes",
        "Vérifiez que ces chaînes font partie de votre offre dans l'onglet Abonnement, puis "
        "lancez une recherche des chaînes depuis le menu du décodeur.",
        "image chaînes absentes écran noir signal décodeur",
    ),
    (
        "Compte",
        "J'ai oublié mon mot de passe",
        "Sur l'écran de connexion, choisissez « Mot de passe oublié » : un code valable "
        "15 minutes vous est envoyé par email.",
        "mot de passe oublié réinitialiser code connexion",
    ),
    (
        "Compte",
        "Comment modifier mon adresse email ?",
        "Dans Profil, modifiez l'adresse et confirmez avec votre mot de passe actuel.",
        "email adresse modifier profil changer",
    ),
    (
        "Compte",
        "Où trouver mon numéro d'abonné ?",
        "Il figure en haut de chaque facture et dans votre Profil. Il permet aussi de se "
        "connecter à la place de l'email.",
        "numéro abonné identifiant connexion",
    ),
]


def _offers(plan_key: str, today: date) -> list[tuple[str, str, int, int, str]]:
    until = add_months(today, 2).isoformat()
    table = {
        "cinema_plus": [
            ("Cinéma+ à prix doux", "5 € de remise par mois pendant 6 mois.", 500, 6, until)
        ],
        "sport_integral": [
            ("Saison complète", "10 € de remise par mois pendant 3 mois.", 1000, 3, until)
        ],
        "integrale": [
            (
                "Bienvenue dans L'Intégrale",
                "15 € de remise par mois pendant 12 mois.",
                1500,
                12,
                until,
            )
        ],
    }
    return table.get(plan_key, [])


def seed_catalog(conn: sqlite3.Connection, rng: random.Random, today: date) -> dict[str, str]:
    """Insert the catalog; returns a map from plan/option keys to their ids."""
    ids: dict[str, str] = {}
    channel_ids: dict[int, tuple[str, str]] = {}
    for number, name, category, hd in CHANNELS:
        channel_id = seeded_id("ch", rng)
        channel_ids[number] = (channel_id, category)
        conn.execute(
            "INSERT INTO channels (id, number, name, category, hd) VALUES (?, ?, ?, ?, ?)",
            (channel_id, number, name, category, int(hd)),
        )
    for key, rank, name, description, price, commitment, categories in PLANS:
        plan_id = seeded_id("pln", rng)
        ids[key] = plan_id
        conn.execute(
            "INSERT INTO plans (id, rank, name, description, monthly_price, commitment_months)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            (plan_id, rank, name, description, price, commitment),
        )
        conn.executemany(
            "INSERT INTO plan_channels (plan_id, channel_id) VALUES (?, ?)",
            [(plan_id, cid) for cid, category in channel_ids.values() if category in categories],
        )
        for title, text, discount, months, until in _offers(key, today):
            conn.execute(
                "INSERT INTO offers (id, plan_id, title, description, monthly_discount,"
                " duration_months, valid_until) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (seeded_id("ofr", rng), plan_id, title, text, discount, months, until),
            )
    for key, name, description, price in OPTIONS:
        option_id = seeded_id("opt", rng)
        ids[key] = option_id
        conn.execute(
            "INSERT INTO options (id, name, description, monthly_price) VALUES (?, ?, ?, ?)",
            (option_id, name, description, price),
        )
    conn.executemany(
        "INSERT INTO faq (id, position, category, question, answer, keywords)"
        " VALUES (?, ?, ?, ?, ?, ?)",
        [
            (seeded_id("faq", rng), position, category, question, answer, keywords)
            for position, (category, question, answer, keywords) in enumerate(FAQ)
        ],
    )
    return ids
