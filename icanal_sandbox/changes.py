"""Sync states, and which records changed since one (the ids; GET /changes loads them).

A state names a point of the change log (`seq`, of this database's `epoch`) and the date
the client's time-derived fields are right for. It is opaque to clients: urlsafe base64
of a small JSON object. While a change of date is reported over several answers it also
carries the date being reached and the last time-derived record sent.
"""

from __future__ import annotations

import base64
import binascii
import json
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal

from icanal_sandbox.methods import card_expires_soon
from icanal_sandbox.problems import ProblemError, field_error
from icanal_sandbox.triggers import min_seq

RECORD_TYPES = ("profile", "subscriptions", "bills", "payments", "payment_methods", "tickets")
CatalogName = Literal["plans", "channels", "faq", "contact"]
CATALOG_TYPES: tuple[CatalogName, ...] = ("plans", "channels", "faq", "contact")
MAX_RECORDS = 500
# A state this server makes is well under 200 characters; a longer one is not one of ours.
MAX_STATE_CHARS = 1024
# Time-derived records in the order they are sent: (rank, sort key, id) orders them all.
DERIVED_TYPES = ("subscriptions", "payment_methods", "bills")
EARLIEST, LATEST = date(1970, 1, 1), date(9000, 12, 31)

Key = tuple[int, str, str]


@dataclass(frozen=True)
class SyncState:
    epoch: str
    seq: int
    day: date
    target: date | None = None  # the date being reached, over several answers
    after: Key | None = None  # the last time-derived record sent towards `target`


def encode_state(state: SyncState) -> str:
    value: dict[str, Any] = {"epoch": state.epoch, "seq": state.seq, "date": str(state.day)}
    if state.target is not None:
        value["target"] = str(state.target)
        value["after"] = list(state.after) if state.after else None
    raw = json.dumps(value, separators=(",", ":"), sort_keys=True).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def _invalid() -> ProblemError:
    return field_error("since", "Invalid sync state: use a `state` this server gave.", 400)


def _day(value: Any) -> date:
    if not isinstance(value, str) or len(value) != 10:
        raise _invalid()
    try:
        day = date.fromisoformat(value)
    except ValueError as exc:
        raise _invalid() from exc
    # Far from any date this server had: date arithmetic near year 9999 would overflow.
    if not EARLIEST <= day <= LATEST:
        raise _invalid()
    return day


def _key(value: Any) -> Key | None:
    if value is None:
        return None
    if (
        isinstance(value, list)
        and len(value) == 3
        and type(value[0]) is int
        and 0 <= value[0] < len(DERIVED_TYPES)
        and isinstance(value[1], str)
        and isinstance(value[2], str)
    ):
        return value[0], value[1], value[2]
    raise _invalid()


def decode_state(text: str) -> SyncState:
    """The state a client sent back; a 400 problem on `since` when it is not one."""
    if not text or len(text) > MAX_STATE_CHARS:
        raise _invalid()
    try:
        value = json.loads(base64.urlsafe_b64decode(text + "=" * (-len(text) % 4)))
    except (binascii.Error, ValueError, UnicodeDecodeError, RecursionError) as exc:
        raise _invalid() from exc
    if not isinstance(value, dict) or not isinstance(value.get("epoch"), str):
        raise _invalid()
    seq = value.get("seq")
    if type(seq) is not int:  # not a bool, a float or a string
        raise _invalid()
    target = _day(value["target"]) if value.get("target") is not None else None
    return SyncState(
        epoch=value["epoch"],
        seq=seq,
        day=_day(value.get("date")),
        target=target,
        after=_key(value.get("after")) if target is not None else None,
    )


def expired() -> ProblemError:
    # JMAP's cannotCalculateChanges: the only way forward is a full sync.
    return ProblemError(
        410,
        "changes-state-expired",
        "The changes since this state can no longer be calculated: sync in full again "
        "(GET /changes without `since` for a new state, then every list).",
    )


def epoch_of(conn: sqlite3.Connection) -> str:
    return str(conn.execute("SELECT value FROM meta WHERE key = 'epoch'").fetchone()[0])


def current_seq(conn: sqlite3.Connection) -> int:
    """The last seq given out (min_seq once the log was emptied by an expiry)."""
    last = int(conn.execute("SELECT coalesce(max(seq), 0) FROM change_log").fetchone()[0])
    return max(last, min_seq(conn))


def current_state(conn: sqlite3.Connection, today: date) -> SyncState:
    return SyncState(epoch_of(conn), current_seq(conn), today)


def check_state(conn: sqlite3.Connection, state: SyncState) -> None:
    """410 for a state this database cannot answer (another epoch, pruned, from the future)."""
    # Compared in Python: an int beyond 64 bits would overflow sqlite3's parameter binding.
    if state.epoch != epoch_of(conn) or not min_seq(conn) <= state.seq <= current_seq(conn):
        raise expired()


def expire_history(conn: sqlite3.Connection) -> None:
    """Forgets the whole log: every state given out so far answers 410."""
    # A marker row moves the sequence on, so that a state equal to the last seq is
    # earlier than the new min_seq too (AUTOINCREMENT never reuses a seq).
    conn.execute("INSERT INTO change_log (account_id, type, item_id) VALUES (NULL, 'expired', '')")
    floor = current_seq(conn)
    conn.execute("DELETE FROM change_log")
    conn.execute("UPDATE meta SET value = ? WHERE key = 'min_seq'", (str(floor),))


@dataclass
class Collected:
    """What to answer: ids per type (in the order they changed) and catalog names."""

    state: SyncState
    more: bool = False
    records: dict[str, dict[str, None]] = field(
        default_factory=lambda: {kind: {} for kind in RECORD_TYPES}
    )
    catalog: set[str] = field(default_factory=set)
    count: int = 0

    def add(self, kind: str, item_id: str, limit: int) -> bool:
        """False when the answer is full (a record already in it never is refused)."""
        if item_id in self.records[kind]:
            return True
        if self.count >= limit:
            return False
        self.records[kind][item_id] = None
        self.count += 1
        return True


def _after(key: Key | None, rank: int) -> tuple[str, str] | None:
    """Where to start in the records of `rank`; None for all of them."""
    if key is None or key[0] < rank:
        return None
    return key[1], key[2]


def _derived(
    conn: sqlite3.Connection,
    account_id: str,
    old: date,
    new: date,
    cutoff: str | None,
    after: Key | None,
) -> Iterator[Key]:
    """Records whose fields derive from the date and may differ between `old` and `new`,
    after `after`, in (rank, key, id) order."""
    if after is None or after[0] <= 0:
        start = _after(after, 0)
        for row in conn.execute(
            "SELECT id FROM subscriptions WHERE account_id = ? AND id > ? ORDER BY id",
            (account_id, start[1] if start else ""),
        ):
            yield 0, "", str(row["id"])
    if after is None or after[0] <= 1:
        start = _after(after, 1)
        for row in conn.execute(
            "SELECT id, exp_month, exp_year FROM payment_methods WHERE account_id = ?"
            " AND deleted_at IS NULL AND type = 'card' AND id > ? ORDER BY id",
            (account_id, start[1] if start else ""),
        ):
            month, year = int(row["exp_month"]), int(row["exp_year"])
            if card_expires_soon(month, year, old) != card_expires_soon(month, year, new):
                yield 1, "", str(row["id"])
    low, high = sorted((old.isoformat(), new.isoformat()))
    start = _after(after, 2)
    # Due between the two dates: overdue on one of them, not on the other.
    for row in conn.execute(
        "SELECT id, due_date FROM bills WHERE account_id = ? AND status = 'due'"
        " AND due_date >= ? AND due_date < ? AND (? IS NULL OR issue_date >= ?)"
        " AND (due_date, id) > (?, ?) ORDER BY due_date, id",
        (account_id, low, high, cutoff, cutoff, *(start or ("", ""))),
    ):
        yield 2, str(row["due_date"]), str(row["id"])


def collect(
    conn: sqlite3.Connection,
    account_id: str,
    since: SyncState,
    today: date,
    cutoff: str | None,
    limit: int = MAX_RECORDS,
) -> Collected:
    """The records changed for this account since `since` (already checked), at most
    `limit` of them, and the state that covers exactly what is answered."""
    answer = Collected(SyncState(since.epoch, since.seq, since.day))
    day = since.day
    if since.target is not None or since.day != today:
        target = since.target or today
        answer.catalog.add("plans")  # offers are shown until their valid_until date
        last = since.after
        for key in _derived(conn, account_id, since.day, target, cutoff, since.after):
            if not answer.add(DERIVED_TYPES[key[0]], key[2], limit):
                answer.more = True
                answer.state = SyncState(since.epoch, since.seq, since.day, target, last)
                return answer
            last = key
        day = target
    seq = since.seq
    rows = conn.execute(
        "SELECT seq, account_id, type, item_id FROM change_log"
        " WHERE seq > ? AND (account_id = ? OR account_id IS NULL) ORDER BY seq",
        (since.seq, account_id),
    )
    try:
        for row in rows:
            kind = str(row["type"])
            if row["account_id"] is None:
                if kind in CATALOG_TYPES:
                    answer.catalog.add(kind)
            elif kind in answer.records:
                item_id = account_id if kind == "profile" else str(row["item_id"])
                if not answer.add(kind, item_id, limit):
                    answer.more = True
                    break
            seq = int(row["seq"])
    finally:
        rows.close()
    if not answer.more:
        seq = current_seq(conn)  # past the other accounts' changes too
    answer.state = SyncState(since.epoch, seq, day)
    return answer
