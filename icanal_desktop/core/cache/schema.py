"""The cache's schema, its version (SQLite's `user_version`) and the migrations between
versions. A migration runs inside one transaction, after a backup copy of the file."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable

SCHEMA_VERSION = 4

# Version 1 (the walking skeleton): whole documents only.
V1_TABLES = """
CREATE TABLE documents (name TEXT PRIMARY KEY, payload TEXT NOT NULL, etag TEXT,
                        fetched_at TEXT NOT NULL);
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
"""

# Version 2: one table per listed resource, so 100,000 bills load with one SELECT.
V2_TABLES = """
CREATE TABLE pages (
    resource TEXT NOT NULL,
    cursor TEXT NOT NULL,          -- '' for the first page
    position INTEGER NOT NULL,
    etag TEXT,
    next_cursor TEXT,
    ids TEXT NOT NULL,             -- JSON list of the ids on that page
    PRIMARY KEY (resource, cursor)
);
CREATE TABLE items (
    resource TEXT NOT NULL,        -- subscriptions, plans, channels, payment_methods, tickets, faq
    id TEXT NOT NULL,
    position INTEGER NOT NULL,
    payload TEXT NOT NULL,
    PRIMARY KEY (resource, id)
);
CREATE INDEX items_order ON items (resource, position);
CREATE TABLE bills (
    id TEXT PRIMARY KEY,
    position INTEGER NOT NULL,
    number TEXT NOT NULL,
    period_start TEXT NOT NULL,
    period_end TEXT NOT NULL,
    issue_date TEXT NOT NULL,
    due_date TEXT NOT NULL,
    total_excl_tax INTEGER NOT NULL,
    tax INTEGER NOT NULL,
    total INTEGER NOT NULL,
    currency TEXT NOT NULL,
    status TEXT NOT NULL,
    subscription_id TEXT,
    payload TEXT NOT NULL
);
CREATE INDEX bills_order ON bills (position);
CREATE TABLE payments (
    id TEXT PRIMARY KEY,
    position INTEGER NOT NULL,
    created_at TEXT NOT NULL,
    amount INTEGER NOT NULL,
    currency TEXT NOT NULL,
    status TEXT NOT NULL,
    bill_id TEXT,
    method_summary TEXT NOT NULL,
    reference TEXT NOT NULL,
    payload TEXT NOT NULL
);
CREATE INDEX payments_order ON payments (position);
CREATE TABLE details (
    kind TEXT NOT NULL,            -- bill, ticket
    id TEXT NOT NULL,
    etag TEXT,
    summary TEXT NOT NULL,         -- the list entry it was fetched for: refetch when it moves
    payload TEXT NOT NULL,
    PRIMARY KEY (kind, id)
);
CREATE TABLE bill_pdfs (
    bill_id TEXT PRIMARY KEY,
    etag TEXT,
    summary TEXT NOT NULL,
    size INTEGER NOT NULL,
    data BLOB NOT NULL,
    fetched_at TEXT NOT NULL
);
CREATE TABLE alerts (
    key TEXT PRIMARY KEY,          -- one alert per event: kind + subject (+ value)
    kind TEXT NOT NULL,
    subject_id TEXT,
    params TEXT NOT NULL,          -- JSON: what the window needs to word it
    created_at TEXT NOT NULL,
    dismissed INTEGER NOT NULL DEFAULT 0
);
"""


def _script(conn: sqlite3.Connection, script: str) -> None:
    for statement in script.split(";"):
        if statement.strip():
            conn.execute(statement)


# Version 3: each bill row also holds its listed columns packed in one string, because
# SQLite hands Python one value far faster than twelve (100,000 bills in ~0.1 s).
PACK_SEPARATOR = "\x1f"
BILL_PACKED_COLUMNS = (
    "id",
    "number",
    "period_start",
    "period_end",
    "issue_date",
    "due_date",
    "total_excl_tax",
    "tax",
    "total",
    "currency",
    "status",
    "subscription_id",
)


# Version 4: the bills whose PDF the server no longer serves (and we never had), so the
# archive does not ask for them at every sync.
V4_TABLES = """
CREATE TABLE archive_misses (
    bill_id TEXT PRIMARY KEY,
    summary TEXT NOT NULL,         -- the list entry that was refused: ask again if it moves
    at TEXT NOT NULL
);
"""


def create_latest(conn: sqlite3.Connection) -> None:
    _script(conn, V1_TABLES)
    _script(conn, V2_TABLES)
    _v2_to_v3(conn)
    _v3_to_v4(conn)


def _v3_to_v4(conn: sqlite3.Connection) -> None:
    _script(conn, V4_TABLES)


def _v2_to_v3(conn: sqlite3.Connection) -> None:
    conn.execute("ALTER TABLE bills ADD COLUMN packed TEXT NOT NULL DEFAULT ''")
    joined = " || char(31) || ".join(f"coalesce({c}, '')" for c in BILL_PACKED_COLUMNS)
    conn.execute(f"UPDATE bills SET packed = {joined}")  # noqa: S608 - fixed names


def _v1_to_v2(conn: sqlite3.Connection) -> None:
    _script(conn, V2_TABLES)
    # Subscriptions moved from one document to rows. Their ETag is dropped on purpose: the
    # next sync fetches them once and fills the pages table.
    row = conn.execute("SELECT payload FROM documents WHERE name = 'subscriptions'").fetchone()
    if row is not None:
        for position, item in enumerate(json.loads(row[0]) or []):
            if isinstance(item, dict) and isinstance(item.get("id"), str):
                conn.execute(
                    "INSERT OR REPLACE INTO items (resource, id, position, payload)"
                    " VALUES ('subscriptions', ?, ?, ?)",
                    (item["id"], position, json.dumps(item)),
                )
        conn.execute("DELETE FROM documents WHERE name = 'subscriptions'")


# MIGRATIONS[n] turns version n into version n + 1.
MIGRATIONS: dict[int, Callable[[sqlite3.Connection], None]] = {
    1: _v1_to_v2,
    2: _v2_to_v3,
    3: _v3_to_v4,
}
