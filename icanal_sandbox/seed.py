"""Demo data: three households (`--seed demo`), built relative to today's date.

Ids come from a fixed-seed generator, so a fresh demo database has the same account,
subscription and bill ids every time (the desktop app's per-account cache survives a
restart of `--demo`). Histories are written with executemany to stay fast.
"""

from __future__ import annotations

import random
import sqlite3
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from icanal_sandbox.clock import iso_z
from icanal_sandbox.dates import add_months
from icanal_sandbox.db import Database
from icanal_sandbox.history import BillingSpec, Profile, write_history
from icanal_sandbox.ids import seeded_id
from icanal_sandbox.security import hash_password
from icanal_sandbox.seed_catalog import seed_catalog

SEEDS = ("demo", "none")


@dataclass(frozen=True)
class Household:
    key: str
    email: str
    password: str
    subscriber_number: str
    first_name: str
    last_name: str
    phone: str | None
    address: tuple[str, str | None, str, str, str]
    language: str = "fr"
    marketing: tuple[bool, bool] = (True, False)


DEMO = Household(
    "demo",
    "demo@icanal.example",
    "Demo-2026!",
    "10000001",
    "Camille",
    "Durand",
    "+33612345678",
    ("12 rue des Lilas", "Appartement 4B", "69003", "Lyon", "FR"),
)
SECOND = Household(
    "second",
    "second@icanal.example",
    "Second-2026!",
    "10000002",
    "Inès",
    "Martin",
    "+33698765432",
    ("8 avenue du Prado", None, "13008", "Marseille", "FR"),
    marketing=(False, False),
)
HEAVY = Household(
    "heavy",
    "heavy@icanal.example",
    "Heavy-2026!",
    "10000003",
    "Jean-Pierre",
    "Morel",
    "+33556123456",
    ("27 cours de l'Intendance", None, "33000", "Bordeaux", "FR"),
    marketing=(True, True),
)
SCALE = Household(
    "scale",
    "scale@icanal.example",
    "Scale-2026!",
    "10000004",
    "Dominique",
    "Lefèvre",
    None,
    ("5 quai des Chartrons", None, "33300", "Bordeaux", "FR"),
    language="en",
)
HOUSEHOLDS = (DEMO, SECOND, HEAVY)


def _insert_account(
    conn: sqlite3.Connection, rng: random.Random, who: Household, now: datetime
) -> str:
    account_id = seeded_id("acc", rng)
    line1, line2, postal_code, city, country = who.address
    conn.execute(
        "INSERT INTO accounts (id, subscriber_number, email, password_hash, first_name,"
        " last_name, phone, address_line1, address_line2, postal_code, city, country,"
        " language, marketing_email, marketing_sms, created_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            account_id,
            who.subscriber_number,
            who.email,
            hash_password(who.password),
            who.first_name,
            who.last_name,
            who.phone,
            line1,
            line2,
            postal_code,
            city,
            country,
            who.language,
            int(who.marketing[0]),
            int(who.marketing[1]),
            iso_z(now),
        ),
    )
    return account_id


@dataclass
class Contract:
    """A subscription to create, with the plan periods its bills are made from."""

    plan_periods: list[tuple[date, str, list[str]]]  # (from, plan key, option keys)
    status: str = "active"
    end_date: date | None = None
    commitment_from: date | None = None
    events: list[tuple[date, str, str]] = field(default_factory=list)
    cancellation: tuple[str, str | None, date, date, int] | None = None


def insert_contract(
    conn: sqlite3.Connection,
    rng: random.Random,
    account_id: str,
    ids: dict[str, str],
    contract: Contract,
    now: datetime,
) -> str:
    sub_id = seeded_id("sub", rng)
    start, _, _ = contract.plan_periods[0]
    _, plan_key, option_keys = contract.plan_periods[-1]
    plan_id = ids[plan_key]
    months = int(
        conn.execute("SELECT commitment_months FROM plans WHERE id = ?", (plan_id,)).fetchone()[0]
    )
    commitment_end = (
        add_months(contract.commitment_from or start, months).isoformat() if months else None
    )
    conn.execute(
        "INSERT INTO subscriptions (id, account_id, contract_number, plan_id, status,"
        " start_date, renewal_date, commitment_end, auto_renew, decoder_number, card_number,"
        " end_date, updated_at) VALUES (?, ?, ?, ?, ?, ?, NULL, ?, ?, ?, ?, ?, ?)",
        (
            sub_id,
            account_id,
            f"CT-{rng.randrange(10**7, 10**8)}",
            plan_id,
            contract.status,
            start.isoformat(),
            commitment_end,
            int(contract.status == "active"),
            f"IC4K-{rng.randrange(10**9, 10**10)}",
            f"8250 {rng.randrange(1000, 10000)} {rng.randrange(1000, 10000)} "
            f"{rng.randrange(10, 100)}",
            contract.end_date.isoformat() if contract.end_date else None,
            iso_z(now),
        ),
    )
    conn.executemany(
        "INSERT INTO subscription_options (subscription_id, option_id) VALUES (?, ?)",
        [(sub_id, ids[key]) for key in option_keys],
    )
    events = [(start, "created", "Souscription en ligne")]
    for since, key, _ in contract.plan_periods[1:]:
        events.append((since, "plan_changed", f"Passage à l'offre {_plan_name(conn, ids[key])}"))
    events += contract.events
    conn.executemany(
        "INSERT INTO subscription_events (id, subscription_id, at, kind, detail)"
        " VALUES (?, ?, ?, ?, ?)",
        [
            (seeded_id("evt", rng), sub_id, f"{day.isoformat()}T09:00:00Z", kind, detail)
            for day, kind, detail in events
        ],
    )
    if contract.cancellation is not None:
        reason, comment, requested, effective, fee = contract.cancellation
        conn.execute(
            "INSERT INTO cancellations (subscription_id, reason, comment, requested_at,"
            " effective_date, fee) VALUES (?, ?, ?, ?, ?, ?)",
            (
                sub_id,
                reason,
                comment,
                f"{requested.isoformat()}T10:00:00Z",
                effective.isoformat(),
                fee,
            ),
        )
    return sub_id


def _plan_name(conn: sqlite3.Connection, plan_id: str) -> str:
    return str(conn.execute("SELECT name FROM plans WHERE id = ?", (plan_id,)).fetchone()[0])


def _demo_contracts(today: date) -> list[Contract]:
    start = add_months(today, -36) - timedelta(days=9)
    upgrade = add_months(today, -8) - timedelta(days=9)
    return [
        Contract(
            plan_periods=[
                (start, "essentiel", []),
                (upgrade, "cinema_plus", ["multi_ecrans"]),
            ],
            commitment_from=upgrade,
        )
    ]


def _second_contracts(today: date) -> list[Contract]:
    old_start = add_months(today, -48) + timedelta(days=3)
    old_end = add_months(old_start, 14)
    start = add_months(today, -20) + timedelta(days=3)
    asked = add_months(today, -5)
    return [
        Contract(
            plan_periods=[(old_start, "essentiel", [])],
            status="cancelled",
            end_date=old_end,
            events=[(old_end, "ended", "Résiliation à la fin de l'engagement")],
            cancellation=("moving", "Déménagement", add_months(old_end, -1), old_end, 0),
        ),
        Contract(
            plan_periods=[(start, "famille_max", ["pack_jeunesse"])],
            events=[
                (asked, "cancellation_requested", "Résiliation demandée : trop cher"),
                (asked + timedelta(days=6), "reactivated", "Résiliation annulée par l'abonné"),
            ],
        ),
    ]


def _heavy_contracts(today: date) -> list[Contract]:
    start = add_months(today, -120) - timedelta(days=2)
    second = add_months(today, -72) + timedelta(days=11)
    return [
        Contract(
            plan_periods=[
                (start, "essentiel", []),
                (add_months(start, 18), "famille_max", ["pack_docs"]),
                (add_months(start, 60), "integrale", ["multi_ecrans", "cloud_200"]),
            ],
            commitment_from=add_months(start, 60),
        ),
        Contract(plan_periods=[(second, "sport_integral", ["ultra_hd"])]),
    ]


def _scale_contracts(today: date, bills: int) -> list[Contract]:
    """A business account with one decoder per ten years of bills: `bills` bills in all."""
    contracts: list[Contract] = []
    while bills > 0:
        months = min(bills, 120)
        start = add_months(today, -months + 1) - timedelta(days=1 + len(contracts) % 27)
        contracts.append(Contract(plan_periods=[(start, "famille_max", [])]))
        bills -= months
    return contracts


def _profile(who: Household, today: date) -> Profile:
    holder = f"{who.first_name} {who.last_name}".upper()
    soon = add_months(today, 1)
    later = add_months(today, 26)
    mandate = add_months(today, -26).isoformat()
    sepa: dict[str, Any] = {
        "type": "sepa_debit",
        "last4": "1234" if who is DEMO else "0189",
        "iban_prefix": "FR76",
        "mandate_reference": f"ICANAL-{who.subscriber_number}-01",
        "mandate_date": mandate,
    }
    if who is DEMO:
        methods: list[dict[str, Any]] = [
            {"type": "card", "default": True, "brand": "visa", "last4": "4242",
             "exp_month": soon.month, "exp_year": soon.year},
            sepa,
            {"type": "mobile_money", "operator": "orange_money", "msisdn": "+33612345678"},
        ]  # fmt: skip
        return Profile("demo", holder, who.subscriber_number, methods,
                       unpaid={2: "due", 3: "failed"}, failed_then_paid=1, tickets=2)  # fmt: skip
    if who is SECOND:
        methods = [{**sepa, "default": True},
                   {"type": "card", "brand": "mastercard", "last4": "5454",
                    "exp_month": later.month, "exp_year": later.year}]  # fmt: skip
        return Profile("second", holder, who.subscriber_number, methods, tickets=1)
    if who is HEAVY:
        methods = [
            {"type": "card", "default": True, "brand": "visa", "last4": "1881",
             "exp_month": later.month, "exp_year": later.year, "age_days": 3000},
            {**sepa, "age_days": 3600},
        ]  # fmt: skip
        return Profile("heavy", holder, who.subscriber_number, methods,
                       failed_then_paid=12, vod_payments=880, tickets=220)  # fmt: skip
    return Profile("scale", holder, who.subscriber_number, [{**sepa, "default": True}])


def seed_demo(db: Database, now: datetime, scale_bills: int = 0) -> None:
    rng = random.Random(20260101)  # noqa: S311 - reproducible demo data, not secrets
    today = now.date()
    with db.transaction() as conn:
        ids = seed_catalog(conn, rng, today)
        households = [
            (DEMO, _demo_contracts(today)),
            (SECOND, _second_contracts(today)),
            (HEAVY, _heavy_contracts(today)),
        ]
        if scale_bills:
            households.append((SCALE, _scale_contracts(today, scale_bills)))
        for who, contracts in households:
            account_id = _insert_account(conn, rng, who, now)
            specs = [
                BillingSpec(
                    insert_contract(conn, rng, account_id, ids, contract, now),
                    [
                        (since, ids[plan], [ids[o] for o in opts])
                        for since, plan, opts in contract.plan_periods
                    ],
                    contract.end_date,
                )
                for contract in contracts
            ]
            write_history(conn, rng, account_id, _profile(who, today), specs, now)


def seed(db: Database, kind: str, now: datetime, scale_bills: int = 0) -> bool:
    """Seed an empty database; returns False when it already held data."""
    if kind not in SEEDS:
        raise ValueError(f"unknown seed {kind!r} (choose from {', '.join(SEEDS)})")
    if not db.is_empty():
        return False
    if kind == "demo":
        seed_demo(db, now, scale_bills)
    return True
