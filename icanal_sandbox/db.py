"""The sandbox's SQLite store (stdlib sqlite3): schema and a serialized connection.

One connection shared by every request thread, guarded by a lock: the sandbox favours
simple, obviously-correct transactions over write throughput.
"""

from __future__ import annotations

import secrets
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

SCHEMA_VERSION = 3

SCHEMA = """
CREATE TABLE accounts (
    id TEXT PRIMARY KEY,
    subscriber_number TEXT NOT NULL UNIQUE,
    email TEXT NOT NULL UNIQUE,
    password_hash TEXT NOT NULL,
    first_name TEXT NOT NULL,
    last_name TEXT NOT NULL,
    phone TEXT,
    address_line1 TEXT NOT NULL,
    address_line2 TEXT,
    postal_code TEXT NOT NULL,
    city TEXT NOT NULL,
    country TEXT NOT NULL,
    language TEXT NOT NULL,
    marketing_email INTEGER NOT NULL,
    marketing_sms INTEGER NOT NULL,
    created_at TEXT NOT NULL
);
CREATE TABLE login_failures (
    subject TEXT NOT NULL,
    at TEXT NOT NULL
);
CREATE INDEX login_failures_subject ON login_failures (subject, at);
CREATE TABLE token_families (
    id TEXT PRIMARY KEY,
    account_id TEXT NOT NULL REFERENCES accounts (id),
    created_at TEXT NOT NULL,
    revoked_at TEXT,
    revoked_reason TEXT
);
CREATE INDEX token_families_account ON token_families (account_id);
CREATE TABLE refresh_tokens (
    token_hash TEXT PRIMARY KEY,
    family_id TEXT NOT NULL REFERENCES token_families (id),
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    used_at TEXT
);
CREATE TABLE access_tokens (
    token_hash TEXT PRIMARY KEY,
    family_id TEXT NOT NULL REFERENCES token_families (id),
    account_id TEXT NOT NULL REFERENCES accounts (id),
    expires_at TEXT NOT NULL
);
CREATE TABLE password_resets (
    id TEXT PRIMARY KEY,
    account_id TEXT NOT NULL REFERENCES accounts (id),
    code_hash TEXT NOT NULL,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    used_at TEXT,
    attempts INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE outbox (
    id TEXT PRIMARY KEY,
    seq INTEGER NOT NULL,
    to_address TEXT NOT NULL,
    subject TEXT NOT NULL,
    body TEXT NOT NULL,
    sent_at TEXT NOT NULL
);
CREATE TABLE channels (
    id TEXT PRIMARY KEY,
    number INTEGER NOT NULL UNIQUE,
    name TEXT NOT NULL,
    category TEXT NOT NULL,
    hd INTEGER NOT NULL
);
CREATE TABLE plans (
    id TEXT PRIMARY KEY,
    rank INTEGER NOT NULL,
    name TEXT NOT NULL,
    description TEXT NOT NULL,
    monthly_price INTEGER NOT NULL,
    commitment_months INTEGER NOT NULL
);
CREATE TABLE plan_channels (
    plan_id TEXT NOT NULL REFERENCES plans (id),
    channel_id TEXT NOT NULL REFERENCES channels (id),
    PRIMARY KEY (plan_id, channel_id)
);
CREATE TABLE offers (
    id TEXT PRIMARY KEY,
    plan_id TEXT NOT NULL REFERENCES plans (id),
    title TEXT NOT NULL,
    description TEXT NOT NULL,
    monthly_discount INTEGER NOT NULL,
    duration_months INTEGER NOT NULL,
    valid_until TEXT NOT NULL
);
CREATE TABLE options (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    description TEXT NOT NULL,
    monthly_price INTEGER NOT NULL
);
CREATE TABLE subscriptions (
    id TEXT PRIMARY KEY,
    account_id TEXT NOT NULL REFERENCES accounts (id),
    contract_number TEXT NOT NULL UNIQUE,
    plan_id TEXT NOT NULL REFERENCES plans (id),
    status TEXT NOT NULL,
    start_date TEXT NOT NULL,
    renewal_date TEXT,
    commitment_end TEXT,
    auto_renew INTEGER NOT NULL,
    decoder_number TEXT NOT NULL,
    card_number TEXT NOT NULL,
    end_date TEXT,
    updated_at TEXT NOT NULL
);
CREATE INDEX subscriptions_account ON subscriptions (account_id, start_date);
CREATE TABLE subscription_options (
    subscription_id TEXT NOT NULL REFERENCES subscriptions (id),
    option_id TEXT NOT NULL REFERENCES options (id),
    PRIMARY KEY (subscription_id, option_id)
);
CREATE TABLE cancellations (
    subscription_id TEXT PRIMARY KEY REFERENCES subscriptions (id),
    reason TEXT NOT NULL,
    comment TEXT,
    requested_at TEXT NOT NULL,
    effective_date TEXT NOT NULL,
    fee INTEGER NOT NULL
);
CREATE TABLE subscription_events (
    id TEXT PRIMARY KEY,
    subscription_id TEXT NOT NULL REFERENCES subscriptions (id),
    at TEXT NOT NULL,
    kind TEXT NOT NULL,
    detail TEXT NOT NULL
);
CREATE INDEX subscription_events_sub ON subscription_events (subscription_id, at);
CREATE TABLE pending_plan_changes (
    subscription_id TEXT PRIMARY KEY REFERENCES subscriptions (id),
    plan_id TEXT NOT NULL REFERENCES plans (id),
    option_ids TEXT NOT NULL,
    effective_date TEXT NOT NULL
);
CREATE TABLE bills (
    id TEXT PRIMARY KEY,
    account_id TEXT NOT NULL REFERENCES accounts (id),
    subscription_id TEXT REFERENCES subscriptions (id),
    number TEXT NOT NULL UNIQUE,
    period_start TEXT NOT NULL,
    period_end TEXT NOT NULL,
    issue_date TEXT NOT NULL,
    due_date TEXT NOT NULL,
    total_excl_tax INTEGER NOT NULL,
    tax INTEGER NOT NULL,
    total INTEGER NOT NULL,
    currency TEXT NOT NULL,
    status TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX bills_account ON bills (account_id, issue_date, id);
CREATE TABLE bill_lines (
    bill_id TEXT NOT NULL REFERENCES bills (id),
    position INTEGER NOT NULL,
    label TEXT NOT NULL,
    quantity INTEGER NOT NULL,
    unit_amount INTEGER NOT NULL,
    amount INTEGER NOT NULL,
    tax_rate_bp INTEGER NOT NULL,
    PRIMARY KEY (bill_id, position)
);
CREATE TABLE payment_methods (
    id TEXT PRIMARY KEY,
    account_id TEXT NOT NULL REFERENCES accounts (id),
    type TEXT NOT NULL,
    is_default INTEGER NOT NULL,
    holder TEXT,
    brand TEXT,
    last4 TEXT,
    exp_month INTEGER,
    exp_year INTEGER,
    iban_country TEXT,
    mandate_reference TEXT,
    mandate_date TEXT,
    operator TEXT,
    msisdn_masked TEXT,
    vault_token TEXT,
    created_at TEXT NOT NULL,
    deleted_at TEXT
);
CREATE INDEX payment_methods_account ON payment_methods (account_id);
CREATE TABLE vault_cards (
    token TEXT PRIMARY KEY,
    account_id TEXT NOT NULL REFERENCES accounts (id),
    brand TEXT NOT NULL,
    last4 TEXT NOT NULL,
    exp_month INTEGER NOT NULL,
    exp_year INTEGER NOT NULL,
    holder TEXT NOT NULL,
    declines INTEGER NOT NULL,
    created_at TEXT NOT NULL,
    used_at TEXT
);
CREATE TABLE payments (
    id TEXT PRIMARY KEY,
    account_id TEXT NOT NULL REFERENCES accounts (id),
    bill_id TEXT REFERENCES bills (id),
    payment_method_id TEXT REFERENCES payment_methods (id),
    method_summary TEXT NOT NULL,
    description TEXT NOT NULL,
    amount INTEGER NOT NULL,
    currency TEXT NOT NULL,
    status TEXT NOT NULL,
    failure_reason TEXT,
    reference TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX payments_account ON payments (account_id, created_at, id);
CREATE INDEX payments_bill ON payments (bill_id);
CREATE TABLE tickets (
    id TEXT PRIMARY KEY,
    account_id TEXT NOT NULL REFERENCES accounts (id),
    number TEXT NOT NULL UNIQUE,
    category TEXT NOT NULL,
    subject TEXT NOT NULL,
    status TEXT NOT NULL,
    bill_id TEXT REFERENCES bills (id),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX tickets_account ON tickets (account_id, updated_at, id);
CREATE TABLE ticket_messages (
    id TEXT PRIMARY KEY,
    ticket_id TEXT NOT NULL REFERENCES tickets (id),
    author TEXT NOT NULL,
    body TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX ticket_messages_ticket ON ticket_messages (ticket_id, created_at);
CREATE TABLE faq (
    id TEXT PRIMARY KEY,
    position INTEGER NOT NULL,
    category TEXT NOT NULL,
    question TEXT NOT NULL,
    answer TEXT NOT NULL,
    keywords TEXT NOT NULL
);
CREATE TABLE idempotency_keys (
    account_id TEXT NOT NULL,
    key TEXT NOT NULL,
    request_hash TEXT NOT NULL,
    state TEXT NOT NULL,
    status_code INTEGER,
    body BLOB,
    content_type TEXT,
    created_at TEXT NOT NULL,
    PRIMARY KEY (account_id, key)
);
CREATE TABLE change_log (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    account_id TEXT,
    type TEXT NOT NULL,
    item_id TEXT NOT NULL
);
CREATE INDEX change_log_account ON change_log (account_id, seq);
CREATE TABLE meta (
    key TEXT PRIMARY KEY,
    value TEXT
);
"""


class SchemaMismatchError(RuntimeError):
    pass


class Database:
    """A single SQLite connection; `transaction()` serializes access across threads."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock = threading.RLock()
        self._conn = sqlite3.connect(
            str(path), check_same_thread=False, isolation_level=None, timeout=10
        )
        self._conn.row_factory = sqlite3.Row
        self._conn.execute("PRAGMA foreign_keys = ON")
        if str(path) != ":memory:":
            self._conn.execute("PRAGMA journal_mode = WAL")
        self._conn.execute("PRAGMA synchronous = NORMAL")
        self._ensure_schema()

    def _ensure_schema(self) -> None:
        version = self._conn.execute("PRAGMA user_version").fetchone()[0]
        if version == SCHEMA_VERSION:
            return
        tables = self._conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
        if version != 0 or tables:
            raise SchemaMismatchError(
                f"{self.path} holds schema version {version}, this sandbox needs "
                f"{SCHEMA_VERSION}: delete the file to start afresh"
            )
        with self.transaction() as conn:
            for statement in SCHEMA.split(";"):
                if statement.strip():
                    conn.execute(statement)
            # A new epoch per database: a sync state made by another database (a reseeded
            # sandbox) can then never be mistaken for one of this database's.
            conn.executemany(
                "INSERT INTO meta (key, value) VALUES (?, ?)",
                [("epoch", secrets.token_hex(8)), ("min_seq", "0")],
            )
            conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One atomic unit of work: committed on success, rolled back on any exception."""
        with self._lock:
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                yield self._conn
            except BaseException:
                self._conn.execute("ROLLBACK")
                raise
            self._conn.execute("COMMIT")

    def is_empty(self) -> bool:
        with self.transaction() as conn:
            return int(conn.execute("SELECT count(*) FROM accounts").fetchone()[0]) == 0

    def close(self) -> None:
        with self._lock:
            self._conn.close()
