"""Seeded account histories: payment methods, monthly bills, payments and tickets.

Everything is computed in memory and written with executemany, so ten years of a heavy
subscriber (hundreds of bills, a thousand payments, hundreds of tickets) seed in well
under a second.
"""

from __future__ import annotations

import random
import sqlite3
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any

from icanal_sandbox.billing_math import split_vat
from icanal_sandbox.clock import iso_z
from icanal_sandbox.dates import add_months
from icanal_sandbox.ids import seeded_id
from icanal_sandbox.methods import mask_msisdn, summary_of

DUE_DAYS = 15
VAT_BP = 2000

VOD_TITLES = [
    "Les Voiles de Brume",
    "Rue des Horlogers",
    "Le Dernier Été à Sète",
    "Opération Mistral",
    "La Fille du Phare",
    "Trois Jours à Tanger",
    "Les Enfants du Causse",
    "Minuit Quai Est",
    "L'Héritière de Bourbon",
    "Cavale en Camargue",
]

TICKET_SUBJECTS: list[tuple[str, str, str, str]] = [
    (
        "billing",
        "Question sur ma facture",
        "Bonjour, je ne comprends pas le montant de ma dernière facture. Pouvez-vous m'expliquer ?",
        "Bonjour, la différence vient d'un changement d'offre facturé au prorata. "
        "Le détail figure sur la facture. Bonne journée.",
    ),
    (
        "technical",
        "Carte non reconnue",
        "Mon décodeur affiche « Carte non reconnue » depuis ce matin.",
        "Bonjour, éteignez le décodeur, réinsérez la carte puis rallumez-le. "
        "Le message devrait disparaître.",
    ),
    (
        "payment",
        "Prélèvement rejeté",
        "Mon prélèvement a été rejeté alors que mon compte était approvisionné.",
        "Bonjour, le rejet vient de votre banque. Vous pouvez régler la facture par carte "
        "depuis l'onglet Factures.",
    ),
    (
        "subscription",
        "Ajout d'une option",
        "Je souhaite ajouter l'option Multi-écrans, est-ce possible en cours de mois ?",
        "Bonjour, oui : l'option est active immédiatement et facturée au prorata.",
    ),
    (
        "technical",
        "Pas d'image sur Stade 1",
        "Je n'ai plus d'image sur Stade 1 depuis hier soir.",
        "Bonjour, une recherche des chaînes depuis le menu du décodeur règle ce problème.",
    ),
    (
        "other",
        "Changement d'adresse",
        "Je déménage le mois prochain, comment transférer mon abonnement ?",
        "Bonjour, mettez à jour votre adresse dans votre Profil ; le décodeur vous suit.",
    ),
]


@dataclass
class BillingSpec:
    sub_id: str
    periods: list[tuple[date, str, list[str]]]  # (from, plan id, option ids)
    end: date | None = None


@dataclass
class Profile:
    """What kind of history an account gets."""

    name: str
    holder: str
    subscriber_number: str
    methods: list[dict[str, Any]]
    unpaid: dict[int, str] = field(default_factory=dict)  # bill index from the end → status
    failed_then_paid: int = 0
    vod_payments: int = 0
    tickets: int = 0


@dataclass
class _Rows:
    bills: list[list[Any]] = field(default_factory=list)
    lines: list[tuple[Any, ...]] = field(default_factory=list)
    payments: list[tuple[Any, ...]] = field(default_factory=list)
    tickets: list[tuple[Any, ...]] = field(default_factory=list)
    messages: list[tuple[Any, ...]] = field(default_factory=list)


def _prices(
    conn: sqlite3.Connection,
) -> tuple[dict[str, tuple[str, int]], dict[str, tuple[str, int]]]:
    plans = {r["id"]: (r["name"], r["monthly_price"]) for r in conn.execute("SELECT * FROM plans")}
    options = {
        r["id"]: (r["name"], r["monthly_price"]) for r in conn.execute("SELECT * FROM options")
    }
    return plans, options


def _insert_methods(
    conn: sqlite3.Connection, rng: random.Random, account_id: str, profile: Profile, now: datetime
) -> list[tuple[str, str]]:
    """Returns (id, summary) of each method, the default first."""
    made: list[tuple[str, str]] = []
    for spec in profile.methods:
        row = {
            "id": seeded_id("pm", rng),
            "account_id": account_id,
            "type": spec["type"],
            "is_default": int(spec.get("default", False)),
            "holder": spec.get("holder", profile.holder),
            "brand": spec.get("brand"),
            "last4": spec.get("last4"),
            "exp_month": spec.get("exp_month"),
            "exp_year": spec.get("exp_year"),
            "iban_country": spec.get("iban_prefix"),
            "mandate_reference": spec.get("mandate_reference"),
            "mandate_date": spec.get("mandate_date"),
            "operator": spec.get("operator"),
            "msisdn_masked": mask_msisdn(spec["msisdn"]) if "msisdn" in spec else None,
            "created_at": iso_z(now - timedelta(days=int(spec.get("age_days", 400)))),
        }
        conn.execute(
            f"INSERT INTO payment_methods ({', '.join(row)}) "  # noqa: S608 - fixed columns
            f"VALUES ({', '.join('?' for _ in row)})",
            tuple(row.values()),
        )
        entry = (str(row["id"]), summary_of(row))
        if row["is_default"]:
            made.insert(0, entry)
        else:
            made.append(entry)
    return made


def _bill_rows(
    conn: sqlite3.Connection,
    rng: random.Random,
    account_id: str,
    profile: Profile,
    specs: list[BillingSpec],
    today: date,
    rows: _Rows,
) -> list[tuple[str, int, str, str]]:
    """Bills of every subscription; returns (id, total, issue date, due date) by issue date."""
    plans, options = _prices(conn)
    made: list[tuple[str, int, str, str]] = []
    for sub_index, spec in enumerate(specs):
        start = spec.periods[0][0]
        month = 0
        previous_plan = None
        while True:
            issue = add_months(start, month)
            if issue > today or (spec.end is not None and issue >= spec.end):
                break
            period_end = add_months(start, month + 1) - timedelta(days=1)
            plan_id, option_ids = next(
                (p, o) for since, p, o in reversed(spec.periods) if since <= issue
            )
            lines: list[tuple[str, int, int]] = [
                (f"Abonnement {plans[plan_id][0]}", 1, plans[plan_id][1])
            ]
            lines += [(f"Option {options[o][0]}", 1, options[o][1]) for o in option_ids]
            if month == 0:
                lines.append(("Frais de mise en service", 1, 2900))
            elif previous_plan is not None and previous_plan != plan_id:
                lines.append(("Ajustement au prorata du changement d'offre", 1, 1250))
            if profile.vod_payments == 0 and rng.random() < 0.12:
                lines.append((f"Location VOD : {rng.choice(VOD_TITLES)}", 1, 499))
            previous_plan = plan_id
            total = sum(quantity * unit for _, quantity, unit in lines)
            excl, tax = split_vat(total, VAT_BP)
            bill_id = seeded_id("bil", rng)
            due = issue + timedelta(days=DUE_DAYS)
            number = f"F{profile.subscriber_number}-{issue:%Y%m}-{sub_index + 1:03d}"
            rows.bills.append(
                [bill_id, account_id, spec.sub_id, number, issue.isoformat(),
                 period_end.isoformat(), issue.isoformat(), due.isoformat(), excl, tax, total,
                 "EUR", "paid", f"{issue.isoformat()}T06:00:00Z"]
            )  # fmt: skip
            rows.lines += [
                (bill_id, position, label, quantity, unit, quantity * unit, VAT_BP)
                for position, (label, quantity, unit) in enumerate(lines, start=1)
            ]
            made.append((bill_id, total, issue.isoformat(), due.isoformat()))
            month += 1
    made.sort(key=lambda bill: (bill[2], bill[0]))
    return made


def _reference(rng: random.Random, day: str) -> str:
    return f"PAY-{day[:7].replace('-', '')}-{rng.randrange(16**6):06X}"


def write_history(
    conn: sqlite3.Connection,
    rng: random.Random,
    account_id: str,
    profile: Profile,
    specs: list[BillingSpec],
    now: datetime,
) -> None:
    today = now.date()
    rows = _Rows()
    methods = _insert_methods(conn, rng, account_id, profile, now)
    bills = _bill_rows(conn, rng, account_id, profile, specs, today, rows)
    status_by_index = {len(bills) - back: status for back, status in profile.unpaid.items()}
    # The latest bill is still due while its due date has not passed.
    if bills and bills[-1][3] >= today.isoformat() and len(bills) - 1 not in status_by_index:
        status_by_index[len(bills) - 1] = "due"
    failed_then_paid = set(
        rng.sample(
            range(max(0, len(bills) - 3)), min(profile.failed_then_paid, max(0, len(bills) - 3))
        )
    )
    bill_status: dict[str, str] = {}
    for index, (bill_id, total, _issue, due) in enumerate(bills):
        status = status_by_index.get(index, "paid")
        bill_status[bill_id] = status
        method_id, summary = methods[index % len(methods)] if index % 5 == 4 else methods[0]
        paid_on = date.fromisoformat(due) - timedelta(days=rng.randrange(0, 6))
        if status == "failed" or index in failed_then_paid:
            fail_day = date.fromisoformat(due) - timedelta(days=2)
            rows.payments.append(
                (seeded_id("pay", rng), account_id, bill_id, method_id, summary,
                 "Paiement de la facture", total, "EUR", "failed",
                 "Refusé par la banque : provision insuffisante",
                 _reference(rng, fail_day.isoformat()), f"{fail_day.isoformat()}T07:30:00Z")
            )  # fmt: skip
            paid_on = date.fromisoformat(due) + timedelta(days=3)
            method_id, summary = methods[-1] if len(methods) > 1 else methods[0]
        if status == "paid":
            rows.payments.append(
                (seeded_id("pay", rng), account_id, bill_id, method_id, summary,
                 "Paiement de la facture", total, "EUR", "succeeded", None,
                 _reference(rng, paid_on.isoformat()), f"{paid_on.isoformat()}T07:30:00Z")
            )  # fmt: skip
    for row in rows.bills:
        row[12] = bill_status[row[0]]
    _vod_payments(rng, account_id, profile, methods, bills, rows)
    _tickets(rng, account_id, profile, bills, today, rows)
    conn.executemany(
        "INSERT INTO bills (id, account_id, subscription_id, number, period_start, period_end,"
        " issue_date, due_date, total_excl_tax, tax, total, currency, status, updated_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [tuple(row) for row in rows.bills],
    )
    conn.executemany(
        "INSERT INTO bill_lines (bill_id, position, label, quantity, unit_amount, amount,"
        " tax_rate_bp) VALUES (?, ?, ?, ?, ?, ?, ?)",
        rows.lines,
    )
    conn.executemany(
        "INSERT INTO payments (id, account_id, bill_id, payment_method_id, method_summary,"
        " description, amount, currency, status, failure_reason, reference, created_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        rows.payments,
    )
    conn.executemany(
        "INSERT INTO tickets (id, account_id, number, category, subject, status, bill_id,"
        " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        rows.tickets,
    )
    conn.executemany(
        "INSERT INTO ticket_messages (id, ticket_id, author, body, created_at)"
        " VALUES (?, ?, ?, ?, ?)",
        rows.messages,
    )


def _vod_payments(
    rng: random.Random,
    account_id: str,
    profile: Profile,
    methods: list[tuple[str, str]],
    bills: list[tuple[str, int, str, str]],
    rows: _Rows,
) -> None:
    if not profile.vod_payments or not bills:
        return
    first = date.fromisoformat(bills[0][2])
    span = (date.fromisoformat(bills[-1][2]) - first).days or 1
    card_id, card_summary = methods[0]
    for _ in range(profile.vod_payments):
        day = first + timedelta(days=rng.randrange(span))
        moment = f"{day.isoformat()}T{rng.randrange(18, 23):02d}:{rng.randrange(60):02d}:00Z"
        rows.payments.append(
            (seeded_id("pay", rng), account_id, None, card_id, card_summary,
             f"Location VOD : {rng.choice(VOD_TITLES)}", rng.choice((399, 499, 599)), "EUR",
             "succeeded", None, _reference(rng, day.isoformat()), moment)
        )  # fmt: skip


def _tickets(
    rng: random.Random,
    account_id: str,
    profile: Profile,
    bills: list[tuple[str, int, str, str]],
    today: date,
    rows: _Rows,
) -> None:
    if not profile.tickets or not bills:
        return
    first = date.fromisoformat(bills[0][2])
    span = max(1, (today - first).days)
    for n in range(profile.tickets):
        # The last two tickets are recent; the others spread over the whole history.
        recent = n >= profile.tickets - 2
        opened = (
            today - timedelta(days=[20, 4][n - profile.tickets + 2])
            if recent
            else (first + timedelta(days=rng.randrange(span)))
        )
        category, subject, question, answer = TICKET_SUBJECTS[n % len(TICKET_SUBJECTS)]
        if recent:
            category, subject, question, answer = TICKET_SUBJECTS[n - profile.tickets + 2]
        bill_id = None
        if category == "billing":
            bill_id = next((b[0] for b in reversed(bills) if b[2] <= opened.isoformat()), None)
        ticket_id = seeded_id("tkt", rng)
        asked = datetime(opened.year, opened.month, opened.day, 9, 12, tzinfo=UTC)
        answered = asked + timedelta(hours=rng.randrange(2, 30))
        thread = [("customer", question, asked), ("agent", answer, answered)]
        if rng.random() < 0.3 and not recent:
            thread.append(("customer", "Merci, c'est réglé.", answered + timedelta(hours=3)))
        status = "answered" if n == profile.tickets - 1 else "closed"
        rows.tickets.append(
            (ticket_id, account_id, f"T-{opened.year}-{profile.subscriber_number[-4:]}{n + 1:05d}",
             category, subject, status, bill_id, iso_z(asked), iso_z(thread[-1][2]))
        )  # fmt: skip
        rows.messages += [
            (seeded_id("tmg", rng), ticket_id, author, text, iso_z(at))
            for author, text, at in thread
        ]
