"""What the window and the CLI are told of the local copy of an account: the dashboard's
snapshot, its alerts, the archive's state, and why the copy was rebuilt."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from icanal_desktop.core.domain import billing, records


@dataclass(frozen=True)
class CacheNotice:
    """Why the cache was not opened as it was: for the window or the CLI to tell the user.

    kind: "corrupt" (failed its check; moved aside, rebuilt by the next sync), "newer" (made
    by a newer app version; moved aside), or "migrated" (upgraded; a backup was kept).
    """

    kind: str
    message: str
    moved_to: Path | None = None


@dataclass(frozen=True)
class Alert:
    key: str
    # plan_price_up, channels_removed, new_bill, bill_overdue, payment_failed, card_expiring,
    # pending_cancellation
    kind: str
    subject_id: str | None
    params: dict[str, Any]
    created_at: dt.datetime
    dismissed: bool = False


@dataclass(frozen=True)
class AccountSnapshot:
    """What the dashboard shows, read from the cache in one go (off the GUI thread)."""

    profile: records.Profile | None
    subscriptions: tuple[records.Subscription, ...]
    last_sync: dt.datetime | None
    payment_methods: tuple[billing.PaymentMethod, ...] = ()
    amount_due: records.Money | None = None  # bills due or overdue, summed
    next_due_date: dt.date | None = None
    overdue_bills: int = 0
    open_tickets: int = 0
    alerts: tuple[Alert, ...] = ()
    notice: CacheNotice | None = None

    @property
    def default_payment_method(self) -> billing.PaymentMethod | None:
        return next((m for m in self.payment_methods if m.is_default), None)


@dataclass(frozen=True)
class ArchiveStatus:
    """What Settings and the CLI say of the archive."""

    bills: int
    kept: int  # PDFs kept (current or not)
    bytes: int
    cap_bytes: int | None
