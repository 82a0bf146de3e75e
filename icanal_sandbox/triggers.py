"""The change log's triggers: every write a client could see becomes a row of change_log.

They are created after seeding (`install`), so the seed, however large, is written at
full speed and is not "a change". Each rule is a SELECT over the written row (`{r}`,
NEW or OLD) that yields the (account_id, type, item_id) rows to log; account_id NULL is
a change of the catalog, which every account sees.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

PROFILE_COLUMNS = (
    "subscriber_number",
    "email",
    "first_name",
    "last_name",
    "phone",
    "address_line1",
    "address_line2",
    "postal_code",
    "city",
    "country",
    "language",
    "marketing_email",
    "marketing_sms",
)

_OF_SUBSCRIPTION = (
    "SELECT s.account_id, 'subscriptions', s.id FROM subscriptions s"
    " WHERE s.id = {r}.subscription_id"
)
_OF_BILL = "SELECT b.account_id, 'bills', b.id FROM bills b WHERE b.id = {r}.bill_id"
_OF_TICKET = "SELECT t.account_id, 'tickets', t.id FROM tickets t WHERE t.id = {r}.ticket_id"


@dataclass(frozen=True)
class Rule:
    table: str
    select: str
    keys: tuple[str, ...] = ("id",)  # the columns `select` finds the changed items by
    events: tuple[str, ...] = ("INSERT", "UPDATE", "DELETE")


RULES = (
    Rule("subscriptions", "SELECT {r}.account_id, 'subscriptions', {r}.id", ("account_id", "id")),
    Rule("subscription_options", _OF_SUBSCRIPTION, ("subscription_id", "option_id")),
    Rule("cancellations", _OF_SUBSCRIPTION, ("subscription_id",)),
    Rule("pending_plan_changes", _OF_SUBSCRIPTION, ("subscription_id",)),
    Rule("subscription_events", _OF_SUBSCRIPTION, ("subscription_id",)),
    Rule("bills", "SELECT {r}.account_id, 'bills', {r}.id", ("account_id", "id")),
    Rule("bill_lines", _OF_BILL, ("bill_id",)),
    # A bill's detail lists its payments and what remains due: a payment changes its bill.
    Rule(
        "payments",
        "SELECT {r}.account_id, 'payments', {r}.id"
        " UNION ALL SELECT {r}.account_id, 'bills', {r}.bill_id WHERE {r}.bill_id IS NOT NULL",
        ("account_id", "id", "bill_id"),
    ),
    Rule(
        "payment_methods", "SELECT {r}.account_id, 'payment_methods', {r}.id", ("account_id", "id")
    ),
    Rule("tickets", "SELECT {r}.account_id, 'tickets', {r}.id", ("account_id", "id")),
    Rule("ticket_messages", _OF_TICKET, ("ticket_id",)),
    # A subscription embeds its plan and options (names, prices, the next bill's estimate),
    # also those of a plan change it is waiting for.
    Rule(
        "plans",
        "SELECT NULL, 'plans', {r}.id"
        " UNION ALL SELECT s.account_id, 'subscriptions', s.id FROM subscriptions s"
        " WHERE s.plan_id = {r}.id OR s.id IN"
        " (SELECT subscription_id FROM pending_plan_changes WHERE plan_id = {r}.id)",
    ),
    Rule(
        "options",
        "SELECT NULL, 'plans', {r}.id"
        " UNION ALL SELECT s.account_id, 'subscriptions', s.id FROM subscriptions s"
        " WHERE s.id IN (SELECT subscription_id FROM subscription_options"
        " WHERE option_id = {r}.id UNION SELECT p.subscription_id FROM pending_plan_changes p,"
        " json_each(p.option_ids) j WHERE j.value = {r}.id)",
    ),
    Rule("plan_channels", "SELECT NULL, 'plans', {r}.plan_id", ("plan_id",)),
    Rule("offers", "SELECT NULL, 'plans', {r}.plan_id", ("plan_id",)),
    # A plan lists its channel ids in channel-number order: a channel changes the plans too.
    Rule("channels", "SELECT NULL, 'channels', {r}.id UNION ALL SELECT NULL, 'plans', {r}.id"),
    Rule("faq", "SELECT NULL, 'faq', {r}.id"),
)

_PRUNE = """
CREATE TRIGGER IF NOT EXISTS change_log_prune AFTER INSERT ON change_log
WHEN NEW.seq - (SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'min_seq')
    > (SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'retention')
BEGIN
    UPDATE meta SET value = CAST(
        NEW.seq - (SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'retention') AS TEXT
    ) WHERE key = 'min_seq';
    DELETE FROM change_log
        WHERE seq <= (SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'min_seq');
END
"""


def _columns(conn: sqlite3.Connection, table: str) -> list[str]:
    return [str(row[1]) for row in conn.execute(f"PRAGMA table_info({table})")]


def _changed(columns: list[str] | tuple[str, ...]) -> str:
    # Several routes rewrite a row with the values it already has (PATCH /me with the same
    # name, "no default" on every method): only a real difference is a change.
    old = ", ".join(f"OLD.{c}" for c in columns)
    new = ", ".join(f"NEW.{c}" for c in columns)
    return f"({old}) IS NOT ({new})"


def _log(select: str, row: str) -> str:
    return f"INSERT INTO change_log (account_id, type, item_id) {select.format(r=row)};"


def trigger_statements(conn: sqlite3.Connection) -> list[str]:
    statements = [
        "CREATE TRIGGER IF NOT EXISTS change_log_accounts"  # noqa: S608 - constant SQL
        f" AFTER UPDATE OF {', '.join(PROFILE_COLUMNS)} ON accounts"
        f" WHEN {_changed(PROFILE_COLUMNS)}"
        " BEGIN INSERT INTO change_log (account_id, type, item_id)"
        " VALUES (NEW.id, 'profile', NEW.id); END"
    ]
    for rule in RULES:
        for event in rule.events:
            name = f"change_log_{rule.table}_{event.lower()}"
            head = f"CREATE TRIGGER IF NOT EXISTS {name} AFTER {event} ON {rule.table}"
            if event == "INSERT":
                body = _log(rule.select, "NEW")
            elif event == "DELETE":
                body = _log(rule.select, "OLD")
            else:
                head += f" WHEN {_changed(_columns(conn, rule.table))}"
                # The old row's items too, when an update moves the row to another one.
                moved = f"SELECT * FROM ({rule.select}) WHERE {_changed(rule.keys)}"  # noqa: S608
                body = _log(rule.select, "NEW") + _log(moved, "OLD")
            statements.append(f"{head} BEGIN {body} END")
    statements.append(_PRUNE)
    return statements


def install(conn: sqlite3.Connection, retention_entries: int) -> None:
    """Creates the triggers (once per database) and applies the log's retention now."""
    for statement in trigger_statements(conn):
        conn.execute(statement)
    conn.execute(
        "INSERT OR REPLACE INTO meta (key, value) VALUES ('retention', ?)",
        (str(retention_entries),),
    )
    last = conn.execute("SELECT coalesce(max(seq), 0) FROM change_log").fetchone()[0]
    floor = int(last) - retention_entries
    if floor > min_seq(conn):
        conn.execute("UPDATE meta SET value = ? WHERE key = 'min_seq'", (str(floor),))
        conn.execute("DELETE FROM change_log WHERE seq <= ?", (floor,))


def min_seq(conn: sqlite3.Connection) -> int:
    return int(conn.execute("SELECT value FROM meta WHERE key = 'min_seq'").fetchone()[0])
