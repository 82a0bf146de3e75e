"""One account's offline copy of its data: a SQLite file written by sync, read by the window.

- Each resource is written in one transaction, so a crash mid-sync leaves the previous
  complete copy of that resource.
- Opening checks the file (`PRAGMA quick_check`) and its schema version: a corrupt file, or
  one written by a newer version of the app, is moved aside (renamed with a timestamp) and
  an empty cache takes its place, to be filled by the next sync. The reason is kept in
  `open_notice` for the window to show; opening never crashes on a bad file.
- An older file is migrated, after a backup copy next to it.
- Folder 0700, files 0600 (SQLite's -wal/-shm side files included).
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import logging
import os
import sqlite3
import sys
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from icanal_desktop.core.cache.archive import ARCHIVE_CAP_KEY, ArchiveStoreMixin
from icanal_desktop.core.cache.paths import ACCOUNTS_FOLDER, private_dir
from icanal_desktop.core.cache.schema import (
    BILL_PACKED_COLUMNS,
    MIGRATIONS,
    PACK_SEPARATOR,
    SCHEMA_VERSION,
    create_latest,
)
from icanal_desktop.core.domain import billing, catalog, records
from icanal_desktop.core.domain.account import AccountSnapshot, Alert, CacheNotice
from icanal_desktop.core.errors import CacheBusyError, MalformedResponseError

if TYPE_CHECKING:
    import sqlite_utils

log = logging.getLogger(__name__)

CACHE_FILE = "cache.sqlite3"
ITEM_RESOURCES = ("subscriptions", "plans", "channels", "payment_methods", "tickets", "faq")
BILL_COLUMNS = BILL_PACKED_COLUMNS  # what a bill row holds, in `bill_rows()` order
# Positions in a `bill_rows()` tuple, for table models that read raw rows.
(
    BILL_ID,
    BILL_NUMBER,
    BILL_PERIOD_START,
    BILL_PERIOD_END,
    BILL_ISSUE_DATE,
    BILL_DUE_DATE,
    BILL_TOTAL_EXCL_TAX,
    BILL_TAX,
    BILL_TOTAL,
    BILL_CURRENCY,
    BILL_STATUS,
    BILL_SUBSCRIPTION_ID,
) = range(len(BILL_COLUMNS))


@dataclass(frozen=True)
class PageState:
    """What we know of one page of a listed resource, for a conditional request."""

    cursor: str  # "" for the first page
    etag: str | None
    next_cursor: str | None
    ids: tuple[str, ...]


class AccountCache(ArchiveStoreMixin):
    busy_timeout = 10.0  # seconds to wait for another process's write to finish

    def __init__(self, folder: Path) -> None:
        if folder.parent.name == ACCOUNTS_FOLDER:
            private_dir(folder.parent)  # its listing names the accounts of this computer
        private_dir(folder)
        self.folder = folder
        self.path = folder / CACHE_FILE
        self._lock = threading.RLock()
        self.open_notice: CacheNotice | None = None
        # check_same_thread=False: used from worker threads; the RLock keeps one at a time.
        self._conn = self._open_checked()

    @functools.cached_property
    def db(self) -> sqlite_utils.Database:
        """sqlite-utils over the same connection, for tests and scripts. Imported on first
        use: it pulls in click, pluggy and dateutil, ~0.1 s the window's start-up does not
        need (benchmarks B1)."""
        import sqlite_utils

        return sqlite_utils.Database(self._conn)

    # -- opening ----------------------------------------------------------------------------
    def _connect(self) -> sqlite3.Connection:
        if not self.path.exists():
            self.path.touch(mode=0o600)
        conn = sqlite3.connect(
            self.path, check_same_thread=False, isolation_level=None, timeout=self.busy_timeout
        )
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=NORMAL")
        conn.execute("PRAGMA cache_size=-32768")  # 32 MiB: big bill tables read in one pass
        self._protect_files()
        return conn

    def _protect_files(self) -> None:
        if os.name != "posix":
            return
        for suffix in ("", "-wal", "-shm"):
            side = Path(f"{self.path}{suffix}")
            if side.exists():
                side.chmod(0o600)

    def _open_checked(self) -> sqlite3.Connection:
        conn: sqlite3.Connection | None = None
        try:
            conn = self._connect()
            ok = conn.execute("PRAGMA quick_check").fetchone()[0] == "ok"
            version = int(conn.execute("PRAGMA user_version").fetchone()[0])
        except sqlite3.DatabaseError as exc:
            _raise_if_busy(exc, conn, self.path)
            log.warning("cache %s unreadable: %s", self.path, exc)
            ok, version = False, 0
        if ok and version <= SCHEMA_VERSION:
            assert conn is not None
            try:
                self._migrate(conn, version)
                return conn
            except sqlite3.DatabaseError as exc:
                _raise_if_busy(exc, conn, self.path)
                log.warning("cache %s could not be migrated: %s", self.path, exc)
                ok = False
        if conn is not None:
            conn.close()
        kind = "corrupt" if not ok else "newer"
        moved = self._move_aside(kind)
        message = (
            "The local copy of your account was damaged; it was set aside and will be "
            "downloaded again at the next sync."
            if kind == "corrupt"
            else "The local copy of your account was written by a newer version of the app; "
            "it was set aside and will be downloaded again at the next sync."
        )
        self.open_notice = CacheNotice(kind, message, moved)
        conn = self._connect()
        self._migrate(conn, 0)
        return conn

    def _move_aside(self, kind: str) -> Path:
        stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%S%fZ")
        target = self.path.with_name(f"{CACHE_FILE}.{kind}-{stamp}")
        os.replace(self.path, target)
        for suffix in ("-wal", "-shm"):
            side = Path(f"{self.path}{suffix}")
            if side.exists():
                os.replace(side, Path(f"{target}{suffix}"))
        return target

    def _migrate(self, conn: sqlite3.Connection, version: int) -> None:
        if version == SCHEMA_VERSION:
            return
        if version == 0:
            with _transaction(conn):
                create_latest(conn)
                conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
            return
        backup = self._backup(conn, version)
        with _transaction(conn):
            for step in range(version, SCHEMA_VERSION):
                MIGRATIONS[step](conn)
            conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        self.open_notice = CacheNotice(
            "migrated", f"The local copy was upgraded from version {version}.", backup
        )

    def _backup(self, conn: sqlite3.Connection, version: int) -> Path:
        stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%S%fZ")
        target = self.path.with_name(f"{CACHE_FILE}.v{version}-backup-{stamp}")
        target.touch(mode=0o600)
        copy = sqlite3.connect(target)
        try:
            conn.backup(copy)
        finally:
            copy.close()
        return target

    def close(self) -> None:
        with self._lock:
            self._conn.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        with self._lock, _transaction(self._conn):
            yield self._conn

    def _query(self, sql: str, params: Sequence[Any] = ()) -> list[Any]:
        with self._lock:
            return self._conn.execute(sql, params).fetchall()

    # -- writes (sync) --------------------------------------------------------------------
    def save_document(self, name: str, payload: Any, etag: str | None) -> None:
        with self.transaction() as conn:
            self.write_document(conn, name, payload, etag)

    @staticmethod
    def write_document(conn: sqlite3.Connection, name: str, payload: Any, etag: str | None) -> None:
        """Inside a `transaction()`: one whole document."""
        conn.execute(
            "INSERT OR REPLACE INTO documents (name, payload, etag, fetched_at) VALUES (?,?,?,?)",
            (name, json.dumps(payload), etag, _now().isoformat()),
        )

    def replace_list(
        self,
        resource: str,
        items: Sequence[tuple[str, Any]],
        pages: Sequence[PageState],
        *,
        alerts: Iterable[Alert] = (),
        documents: dict[str, Any] | None = None,
        details: Iterable[tuple[str, str, Any, str]] = (),
        removed: Iterable[str] | None = None,
        state: str | None = None,
    ) -> None:
        """Replaces a whole listed resource (rows and page states) in one transaction.

        `items` are (id, payload) in the server's order; their payloads were validated.
        `details` (kind, id, payload, summary of the entry) came with them. Bills are the
        archive: a bill the server no longer lists is kept, with its detail and PDF; only
        the ids in `removed` (the changes feed's word that they are gone) are dropped.
        `state`, the changes feed's state these changes bring us to, is kept with them.
        """
        with self.transaction() as conn:
            if resource == "bills":
                rows = _bill_rows_to_write(conn, items, set(removed or ()))
                conn.execute("DELETE FROM bills")
                conn.executemany("INSERT INTO bills VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", rows)
            elif resource == "payments":
                conn.execute("DELETE FROM payments")
                conn.executemany(
                    "INSERT INTO payments VALUES (?,?,?,?,?,?,?,?,?,?)",
                    (
                        _payment_row(position, payload)
                        for position, (_, payload) in enumerate(items)
                    ),
                )
            elif resource in ITEM_RESOURCES:
                conn.execute("DELETE FROM items WHERE resource = ?", (resource,))
                conn.executemany(
                    "INSERT INTO items (resource, id, position, payload) VALUES (?,?,?,?)",
                    (
                        (resource, item_id, position, json.dumps(payload))
                        for position, (item_id, payload) in enumerate(items)
                    ),
                )
            else:
                raise ValueError(f"not a listed resource: {resource}")
            conn.execute("DELETE FROM pages WHERE resource = ?", (resource,))
            conn.executemany(
                "INSERT INTO pages (resource, cursor, position, etag, next_cursor, ids)"
                " VALUES (?,?,?,?,?,?)",
                (
                    (resource, p.cursor, n, p.etag, p.next_cursor, json.dumps(list(p.ids)))
                    for n, p in enumerate(pages)
                ),
            )
            self._write_details(conn, details)
            if resource == "bills":
                gone = [(i,) for i in removed or ()]
                conn.executemany("DELETE FROM details WHERE kind = 'bill' AND id = ?", gone)
                conn.executemany("DELETE FROM bill_pdfs WHERE bill_id = ?", gone)
            elif resource == "tickets":
                # Threads of tickets that are gone go with them.
                conn.execute(
                    "DELETE FROM details WHERE kind = 'ticket' AND id NOT IN"
                    " (SELECT id FROM items WHERE resource = 'tickets')"
                )
            self._write_alerts(conn, alerts)
            for name, payload in (documents or {}).items():
                self.write_document(conn, name, payload, None)
            if state is not None:
                self.save_changes_state(state, conn)

    @staticmethod
    def _write_details(
        conn: sqlite3.Connection, details: Iterable[tuple[str, str, Any, str]]
    ) -> None:
        conn.executemany(
            "INSERT OR REPLACE INTO details (kind, id, etag, summary, payload) VALUES (?,?,?,?,?)",
            ((kind, item_id, None, summary, json.dumps(payload))
             for kind, item_id, payload, summary in details),
        )  # fmt: skip

    def save_detail(
        self, kind: str, item_id: str, payload: Any, etag: str | None, summary: str
    ) -> None:
        with self.transaction() as conn:
            conn.execute(
                "INSERT OR REPLACE INTO details (kind, id, etag, summary, payload)"
                " VALUES (?,?,?,?,?)",
                (kind, item_id, etag, summary, json.dumps(payload)),
            )

    def save_pdf(self, bill_id: str, data: bytes, etag: str | None, summary: str) -> None:
        with self.transaction() as conn:
            conn.execute(
                "INSERT OR REPLACE INTO bill_pdfs (bill_id, etag, summary, size, data, fetched_at)"
                " VALUES (?,?,?,?,?,?)",
                (bill_id, etag, summary, len(data), data, _now().isoformat()),
            )

    def add_alerts(self, alerts: Iterable[Alert]) -> None:
        with self.transaction() as conn:
            self._write_alerts(conn, alerts)

    @staticmethod
    def _write_alerts(conn: sqlite3.Connection, alerts: Iterable[Alert]) -> None:
        conn.executemany(
            "INSERT OR IGNORE INTO alerts (key, kind, subject_id, params, created_at)"
            " VALUES (?,?,?,?,?)",
            (
                (a.key, a.kind, a.subject_id, json.dumps(a.params), a.created_at.isoformat())
                for a in alerts
            ),
        )

    def dismiss_alert(self, key: str) -> None:
        with self.transaction() as conn:
            conn.execute("UPDATE alerts SET dismissed = 1 WHERE key = ?", (key,))

    def mark_synced(self, when: dt.datetime | None = None) -> None:
        with self.transaction() as conn:
            conn.execute(
                "INSERT OR REPLACE INTO meta (key, value) VALUES ('last_sync', ?)",
                ((when or _now()).isoformat(),),
            )

    def clear(self) -> None:
        """Forgets every cached resource (the next sync downloads everything again)."""
        with self.transaction() as conn:
            for table in ("documents", "pages", "items", "bills", "payments", "details"):
                conn.execute(f"DELETE FROM {table}")  # noqa: S608 - fixed names
            # The sync's memory goes (last sync, the feed's state); the user's archive limit
            # is a setting, not data, and stays.
            conn.execute("DELETE FROM meta WHERE key != ?", (ARCHIVE_CAP_KEY,))
            conn.execute("DELETE FROM bill_pdfs")
            conn.execute("DELETE FROM archive_misses")
            conn.execute("DELETE FROM alerts")
        self._compact()

    def clear_pdfs(self) -> None:
        with self.transaction() as conn:
            conn.execute("DELETE FROM bill_pdfs")
        self._compact()

    def _compact(self) -> None:
        with self._lock:
            self._conn.execute("VACUUM")
            self._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    # -- reads ----------------------------------------------------------------------------
    def size_bytes(self) -> int:
        """What the cache takes on disk (database and its write-ahead log)."""
        total = 0
        for suffix in ("", "-wal", "-shm"):
            side = Path(f"{self.path}{suffix}")
            if side.exists():
                total += side.stat().st_size
        return total

    def etag(self, name: str) -> str | None:
        rows = self._query("SELECT etag FROM documents WHERE name = ?", [name])
        return rows[0][0] if rows else None

    def document(self, name: str) -> Any:
        rows = self._query("SELECT payload FROM documents WHERE name = ?", [name])
        return json.loads(rows[0][0]) if rows else None

    def page_states(self, resource: str) -> dict[str, PageState]:
        rows = self._query(
            "SELECT cursor, etag, next_cursor, ids FROM pages WHERE resource = ? ORDER BY position",
            [resource],
        )
        return {r[0]: PageState(r[0], r[1], r[2], tuple(json.loads(r[3]))) for r in rows}

    def item_payloads(self, resource: str) -> dict[str, Any]:
        """The stored payloads of a listed resource, by id (in the server's order)."""
        if resource == "bills":
            sql = "SELECT id, payload FROM bills ORDER BY position"
            params: list[Any] = []
        elif resource == "payments":
            sql = "SELECT id, payload FROM payments ORDER BY position"
            params = []
        else:
            sql = "SELECT id, payload FROM items WHERE resource = ? ORDER BY position"
            params = [resource]
        return {r[0]: json.loads(r[1]) for r in self._query(sql, params)}

    def has_list(self, resource: str) -> bool:
        return bool(self._query("SELECT 1 FROM pages WHERE resource = ? LIMIT 1", [resource]))

    def has_resource(self, name: str) -> bool:
        """Whether a copy of this resource (a list or a document) was ever stored."""
        if self.has_list(name):
            return True
        return bool(self._query("SELECT 1 FROM documents WHERE name = ?", [name]))

    def detail_state(self, kind: str) -> dict[str, tuple[str | None, str]]:
        """(etag, summary) of every stored detail of one kind, by id."""
        rows = self._query("SELECT id, etag, summary FROM details WHERE kind = ?", [kind])
        return {r[0]: (r[1], r[2]) for r in rows}

    def pdf_state(self) -> dict[str, tuple[str | None, str]]:
        rows = self._query("SELECT bill_id, etag, summary FROM bill_pdfs")
        return {r[0]: (r[1], r[2]) for r in rows}

    def last_sync(self) -> dt.datetime | None:
        rows = self._query("SELECT value FROM meta WHERE key = 'last_sync'")
        return dt.datetime.fromisoformat(rows[0][0]) if rows else None

    def profile(self) -> records.Profile | None:
        payload = self.document("profile")
        return None if payload is None else records.parse_profile(payload)

    def contact(self) -> catalog.Contact | None:
        payload = self.document("contact")
        return None if payload is None else catalog.parse_contact(payload)

    def _items(self, resource: str) -> list[Any]:
        rows = self._query(
            "SELECT payload FROM items WHERE resource = ? ORDER BY position", [resource]
        )
        return [json.loads(r[0]) for r in rows]

    def subscriptions(self) -> list[records.Subscription]:
        return [records.parse_subscription(p) for p in self._items("subscriptions")]

    def plans(self) -> list[catalog.Plan]:
        return [catalog.parse_plan(p) for p in self._items("plans")]

    def plan_options(self) -> list[catalog.PlanOption]:
        """The add-ons any plan can take (sent with the plans' first page)."""
        return [catalog.parse_plan_option(p) for p in self.document("plan_options") or []]

    def channels(self) -> list[catalog.Channel]:
        return [catalog.parse_channel(p) for p in self._items("channels")]

    def payment_methods(self) -> list[billing.PaymentMethod]:
        return [billing.parse_payment_method(p) for p in self._items("payment_methods")]

    def tickets(self) -> list[catalog.Ticket]:
        return [catalog.parse_ticket(p) for p in self._items("tickets")]

    def faq(self, query: str = "") -> list[catalog.FaqEntry]:
        entries = [catalog.parse_faq_entry(p) for p in self._items("faq")]
        words = query.casefold().split()
        return [
            e
            for e in entries
            if all(w in f"{e.question} {e.answer} {e.category}".casefold() for w in words)
        ]

    @staticmethod
    def _bill_filter(year: int | None, status: str | None) -> tuple[str, list[Any]]:
        clauses, params = [], []
        if year is not None:
            clauses.append("issue_date >= ? AND issue_date < ?")
            params += [f"{year:04d}-01-01", f"{year + 1:04d}-01-01"]
        if status is not None:
            clauses.append("status = ?")
            params.append(status)
        return (f"WHERE {' AND '.join(clauses)}" if clauses else ""), params

    def bill_rows(
        self, year: int | None = None, status: str | None = None
    ) -> list[tuple[Any, ...]]:
        """The fast path for big tables: one SELECT, plain tuples (see the BILL_* positions).

        Dates are ISO strings and amounts integer minor units, exactly as stored; rows come
        in the server's order (they were inserted in it, so rowid order is list order).
        Read from the packed column and split here: SQLite handing Python twelve values per
        row took twice as long (100,000 bills: ~0.6 s against ~0.3 s, benchmarks B4).
        """
        packed = self.bill_rows_packed(year, status)
        if "" in packed:  # not packed (never expected): the columns hold the truth
            where, params = self._bill_filter(year, status)
            sql = f"SELECT {', '.join(BILL_COLUMNS)} FROM bills {where} ORDER BY rowid"  # noqa: S608
            return self._query(sql, params)
        return [_unpack_bill(text) for text in packed]

    def bill_rows_packed(self, year: int | None = None, status: str | None = None) -> list[str]:
        """The fastest path: one string per bill, its BILL_COLUMNS joined by PACK_SEPARATOR
        (amounts as decimal integers, no subscription id as ""). SQLite hands Python one
        value far faster than twelve: split only the rows you show."""
        where, params = self._bill_filter(year, status)
        sql = f"SELECT packed FROM bills {where} ORDER BY rowid"  # noqa: S608
        return [packed for (packed,) in self._query(sql, params)]

    def bills(self, year: int | None = None, status: str | None = None) -> list[billing.Bill]:
        return [bill_from_row(row) for row in self.bill_rows(year, status)]

    def bill_detail(self, bill_id: str) -> billing.BillDetail | None:
        rows = self._query("SELECT payload FROM details WHERE kind = 'bill' AND id = ?", [bill_id])
        return billing.parse_bill_detail(json.loads(rows[0][0])) if rows else None

    def ticket_thread(self, ticket_id: str) -> catalog.TicketThread | None:
        rows = self._query(
            "SELECT payload FROM details WHERE kind = 'ticket' AND id = ?", [ticket_id]
        )
        return catalog.parse_ticket_thread(json.loads(rows[0][0])) if rows else None

    def payments(self) -> list[billing.Payment]:
        rows = self._query("SELECT payload FROM payments ORDER BY position")
        return [billing.parse_payment(json.loads(r[0])) for r in rows]

    def pdf(self, bill_id: str) -> bytes | None:
        rows = self._query("SELECT data FROM bill_pdfs WHERE bill_id = ?", [bill_id])
        return bytes(rows[0][0]) if rows else None

    def pdf_ids(self) -> set[str]:
        return {r[0] for r in self._query("SELECT bill_id FROM bill_pdfs")}

    def alerts(self, include_dismissed: bool = False) -> list[Alert]:
        where = "" if include_dismissed else "WHERE dismissed = 0"
        rows = self._query(
            "SELECT key, kind, subject_id, params, created_at, dismissed FROM alerts "  # noqa: S608
            f"{where} ORDER BY created_at DESC, key"
        )
        return [
            Alert(r[0], r[1], r[2], json.loads(r[3]), dt.datetime.fromisoformat(r[4]), bool(r[5]))
            for r in rows
        ]

    def snapshot(self) -> AccountSnapshot:
        with self._lock:
            due = self._query(
                "SELECT payload FROM bills WHERE status IN ('due', 'overdue', 'failed')"
                " ORDER BY due_date"
            )
            unpaid = [billing.parse_bill(json.loads(row[0])) for row in due]
            tickets = self.tickets()
            return AccountSnapshot(
                profile=self.profile(),
                subscriptions=tuple(self.subscriptions()),
                last_sync=self.last_sync(),
                payment_methods=tuple(self.payment_methods()),
                amount_due=_sum_due(unpaid),
                next_due_date=unpaid[0].due_date if unpaid else None,
                overdue_bills=sum(1 for b in unpaid if b.status == "overdue"),
                open_tickets=sum(1 for t in tickets if t.is_open),
                alerts=tuple(self.alerts()),
                notice=self.open_notice,
            )


_BUSY_CODES = frozenset({5, 6})  # SQLITE_BUSY, SQLITE_LOCKED


def _raise_if_busy(exc: sqlite3.DatabaseError, conn: sqlite3.Connection | None, path: Path) -> None:
    busy = getattr(exc, "sqlite_errorcode", None) in _BUSY_CODES or "locked" in str(exc)
    if busy:
        if conn is not None:
            conn.close()
        raise CacheBusyError(f"{path} is in use by another program") from exc


@contextmanager
def _transaction(conn: sqlite3.Connection) -> Iterator[None]:
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


def _bill_row(position: int, payload: dict[str, Any]) -> tuple[Any, ...]:
    bill = billing.parse_bill(payload)
    listed = (
        bill.id,
        bill.number,
        bill.period_start.isoformat(),
        bill.period_end.isoformat(),
        bill.issue_date.isoformat(),
        bill.due_date.isoformat(),
        str(bill.total_excl_tax.amount),
        str(bill.tax.amount),
        str(bill.total.amount),
        bill.total.currency,
        bill.status,
        bill.subscription_id or "",
    )
    if any(PACK_SEPARATOR in text for text in listed):
        raise MalformedResponseError("bill", "a field holds a control character")
    return (
        bill.id,
        position,
        bill.number,
        bill.period_start.isoformat(),
        bill.period_end.isoformat(),
        bill.issue_date.isoformat(),
        bill.due_date.isoformat(),
        bill.total_excl_tax.amount,
        bill.tax.amount,
        bill.total.amount,
        bill.total.currency,
        bill.status,
        bill.subscription_id,
        json.dumps(payload, sort_keys=True),  # so the stored text is the entry's summary
        PACK_SEPARATOR.join(listed),
    )


def _bill_rows_to_write(
    conn: sqlite3.Connection, items: Sequence[tuple[str, Any]], removed: set[str]
) -> Iterable[tuple[Any, ...]]:
    """The bills table's rows after a list (or a feed's changes) arrived: the listed ones,
    and those we keep that the server no longer lists, newest first as the server sorts."""
    listed = {item_id for item_id, _ in items}
    unlisted = [
        (bill_id,)
        for (bill_id,) in conn.execute("SELECT id FROM bills")
        if bill_id not in listed and bill_id not in removed
    ]
    kept = [
        (json.loads(payload), issue_date, bill_id)
        for bill_id, issue_date, payload in (
            conn.execute("SELECT id, issue_date, payload FROM bills WHERE id = ?", key).fetchone()
            for key in unlisted
        )
    ]
    if not kept:  # rows made as they are written: 100,000 bills never sit in memory twice
        return (_bill_row(n, payload) for n, (_, payload) in enumerate(items))
    merged = [(str(p.get("issue_date", "")), i, p) for i, p in items]
    merged += [(issue_date, bill_id, payload) for payload, issue_date, bill_id in kept]
    merged.sort(key=lambda row: (row[0], row[1]), reverse=True)
    return (_bill_row(n, payload) for n, (_, _, payload) in enumerate(merged))


def _unpack_bill(packed: str, same: Callable[[str], str] = sys.intern) -> tuple[Any, ...]:
    """A `bill_rows_packed()` string as the `bill_rows()` tuple (amounts int, no
    subscription id None), as the columns hold it. Dates, currency, status and subscription
    repeat from bill to bill: one string each (100,000 bills: 75 MiB -> 32 MiB, B4)."""
    f = packed.split(PACK_SEPARATOR)
    return (f[0], f[1], same(f[2]), same(f[3]), same(f[4]), same(f[5]), int(f[6]), int(f[7]),
            int(f[8]), same(f[9]), same(f[10]), same(f[11]) or None)  # fmt: skip


def bill_from_row(row: Sequence[Any]) -> billing.Bill:
    """A Bill from a `bill_rows()` tuple, or from a packed row split on its separator (its
    amounts are then strings, and a missing subscription an empty string)."""
    currency = row[BILL_CURRENCY]
    return billing.Bill(
        id=row[BILL_ID],
        number=row[BILL_NUMBER],
        period_start=dt.date.fromisoformat(row[BILL_PERIOD_START]),
        period_end=dt.date.fromisoformat(row[BILL_PERIOD_END]),
        issue_date=dt.date.fromisoformat(row[BILL_ISSUE_DATE]),
        due_date=dt.date.fromisoformat(row[BILL_DUE_DATE]),
        total_excl_tax=records.Money(int(row[BILL_TOTAL_EXCL_TAX]), currency),
        tax=records.Money(int(row[BILL_TAX]), currency),
        total=records.Money(int(row[BILL_TOTAL]), currency),
        status=row[BILL_STATUS],
        subscription_id=row[BILL_SUBSCRIPTION_ID] or None,
    )


def _payment_row(position: int, payload: dict[str, Any]) -> tuple[Any, ...]:
    payment = billing.parse_payment(payload)
    return (
        payment.id,
        position,
        payment.created_at.isoformat(),
        payment.amount.amount,
        payment.amount.currency,
        payment.status,
        payment.bill_id,
        payment.method_summary,
        payment.reference,
        json.dumps(payload),
    )


def _sum_due(unpaid: Sequence[billing.Bill]) -> records.Money | None:
    """What remains to pay on unpaid bills (the server's `amount_due`, else the total)."""
    if not unpaid:
        return None
    amounts = [b.amount_due if b.amount_due is not None else b.total for b in unpaid]
    return records.Money(sum(a.amount for a in amounts), amounts[0].currency)


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(microsecond=0)


__all__ = [
    "AccountCache",
    "AccountSnapshot",
    "Alert",
    "CacheBusyError",
    "CacheNotice",
    "PageState",
]
