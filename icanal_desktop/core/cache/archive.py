"""The archive's side of the cache: which bills have their PDF kept and current, the user's
size limit, the bills the server no longer serves, and the changes feed's state.

A mixin of AccountCache (it uses the cache's connection, lock and transactions), kept
apart so the store stays readable.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
import threading
from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from typing import Any

from icanal_desktop.core.domain.account import ArchiveStatus

CHANGES_STATE_KEY = "changes_state"
ARCHIVE_CAP_KEY = "archive_cap_bytes"


@dataclass(frozen=True)
class ArchiveEntry:
    """One bill as the archive sees it (newest bill first in `archive_entries`)."""

    bill_id: str
    issue_date: str
    summary: str  # of its list entry: a PDF kept for another summary is out of date
    pdf_size: int  # 0 when no PDF is kept
    pdf_etag: str | None
    current: bool  # a PDF is kept, and for this very entry
    unavailable: bool  # the server answered 404 for this entry: not asked again


class ArchiveStoreMixin:
    _lock: threading.RLock
    _conn: sqlite3.Connection

    def transaction(self) -> AbstractContextManager[sqlite3.Connection]:
        raise NotImplementedError

    def _query(self, sql: str, params: Sequence[Any] = ()) -> list[Any]:
        raise NotImplementedError

    # -- the archive ------------------------------------------------------------------------
    def archive_entries(self) -> list[ArchiveEntry]:
        rows = self._query(
            "SELECT b.id, b.issue_date, b.payload, p.summary, p.size, p.etag, m.summary"
            " FROM bills b LEFT JOIN bill_pdfs p ON p.bill_id = b.id"
            " LEFT JOIN archive_misses m ON m.bill_id = b.id"
            " ORDER BY b.issue_date DESC, b.id DESC"
        )
        return list(_entries(rows))

    def archive_bytes(self) -> int:
        return int(self._query("SELECT coalesce(sum(size), 0) FROM bill_pdfs")[0][0])

    def archive_status(self) -> ArchiveStatus:
        bills = int(self._query("SELECT count(*) FROM bills")[0][0])
        kept = int(self._query("SELECT count(*) FROM bill_pdfs")[0][0])
        return ArchiveStatus(bills, kept, self.archive_bytes(), self.archive_cap())

    def archive_cap(self) -> int | None:
        rows = self._query("SELECT value FROM meta WHERE key = ?", [ARCHIVE_CAP_KEY])
        return int(rows[0][0]) if rows and rows[0][0] else None

    def set_archive_cap(self, cap_bytes: int | None) -> int:
        """Sets (or lifts, with None) the archive's size limit; the oldest PDFs beyond it
        are removed at once. Returns how many were removed."""
        if cap_bytes is not None and cap_bytes < 0:
            raise ValueError("a size limit is positive")
        with self.transaction() as conn:
            if cap_bytes is None:
                conn.execute("DELETE FROM meta WHERE key = ?", (ARCHIVE_CAP_KEY,))
                return 0
            conn.execute(
                "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)",
                (ARCHIVE_CAP_KEY, str(cap_bytes)),
            )
            evicted = _beyond(conn, cap_bytes)
            conn.executemany("DELETE FROM bill_pdfs WHERE bill_id = ?", ((i,) for i in evicted))
        return len(evicted)

    def archive_evictions(self, cap_bytes: int) -> int:
        """How many kept PDFs a limit of `cap_bytes` would remove (the oldest bills')."""
        with self._lock:
            return len(_beyond(self._conn, cap_bytes))

    def touch_pdf(self, bill_id: str, summary: str) -> None:
        """The server said our PDF of this bill is still its current one."""
        with self.transaction() as conn:
            conn.execute("UPDATE bill_pdfs SET summary = ? WHERE bill_id = ?", (summary, bill_id))

    def note_archive_miss(self, bill_id: str, summary: str) -> None:
        with self.transaction() as conn:
            conn.execute(
                "INSERT OR REPLACE INTO archive_misses (bill_id, summary, at) VALUES (?,?,?)",
                (bill_id, summary, dt.datetime.now(dt.UTC).isoformat(timespec="seconds")),
            )

    # -- the changes feed -------------------------------------------------------------------
    def changes_state(self) -> str | None:
        rows = self._query("SELECT value FROM meta WHERE key = ?", [CHANGES_STATE_KEY])
        return str(rows[0][0]) if rows and rows[0][0] else None

    def save_changes_state(self, state: str | None, conn: sqlite3.Connection | None = None) -> None:
        """Kept in the same transaction as the changes it covers, when given one."""
        if conn is None:
            with self.transaction() as own:
                self._write_state(own, state)
        else:
            self._write_state(conn, state)

    @staticmethod
    def _write_state(conn: sqlite3.Connection, state: str | None) -> None:
        if state is None:
            conn.execute("DELETE FROM meta WHERE key = ?", (CHANGES_STATE_KEY,))
        else:
            conn.execute(
                "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (CHANGES_STATE_KEY, state)
            )


def _beyond(conn: sqlite3.Connection, cap_bytes: int) -> list[str]:
    """The kept PDFs past the first `cap_bytes` of them, newest bill first."""
    rows = conn.execute(
        "SELECT p.bill_id, p.size FROM bill_pdfs p LEFT JOIN bills b ON b.id = p.bill_id"
        " ORDER BY b.issue_date DESC, p.bill_id DESC"
    ).fetchall()
    total, beyond = 0, []
    for bill_id, size in rows:
        total += size
        if total > cap_bytes:
            beyond.append(bill_id)
    return beyond


def _entries(rows: list[Any]) -> Iterator[ArchiveEntry]:
    for bill_id, issue_date, payload, pdf_summary, size, etag, missed in rows:
        # Payloads are stored with sorted keys, so the stored text is the entry's summary;
        # a copy written by an older version is summarised again.
        text = payload if payload in (pdf_summary, missed) else _summary(payload)
        yield ArchiveEntry(
            bill_id=bill_id,
            issue_date=issue_date,
            summary=text,
            pdf_size=int(size or 0),
            pdf_etag=etag,
            current=pdf_summary is not None and pdf_summary == text,
            unavailable=missed is not None and missed == text,
        )


def _summary(payload_text: str) -> str:
    return json.dumps(json.loads(payload_text), sort_keys=True)
