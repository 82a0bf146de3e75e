"""Bills and payments: pay a bill, a bill's lines and PDF on demand, the lists to show."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from icanal_desktop.core import actions, exports, reminders
from icanal_desktop.core.domain import billing
from icanal_desktop.core.errors import ApiError
from icanal_desktop.gui.operations.base import LocalJob, Query, Request
from icanal_desktop.gui.operations.outcomes import unchanged

if TYPE_CHECKING:
    from icanal_desktop.core.actions import Outcome
    from icanal_desktop.core.api import ApiClient
    from icanal_desktop.core.cache import AccountCache


def pay_bill(bill_id: str, method_id: str) -> Request[billing.Payment]:
    """Pays one bill now. Its key is the bill's: after a lost answer, paying this bill
    again (with any method, from any dialog) replays the first attempt on the server."""
    return Request(
        "pay-bill",
        (bill_id,),
        lambda client, cache, key: actions.pay_bill(
            client, cache, bill_id, method_id, idempotency_key=key
        ),
    )


def bill_detail(bill_id: str) -> Request[billing.BillDetail]:
    """A bill's lines and payments: kept ones from the cache, else fetched and kept."""
    return Request(
        "bill-detail",
        (bill_id,),
        lambda client, cache, _key: unchanged(actions.bill_detail(client, cache, bill_id)),
    )


def bill_pdf(bill_id: str) -> Request[bytes]:
    """The bill's PDF: the kept copy, else downloaded (and kept) on demand."""
    return Request(
        "bill-pdf",
        (bill_id,),
        lambda client, cache, _key: unchanged(actions.bill_pdf(client, cache, bill_id)),
    )


def kept_bill_detail(bill_id: str) -> Query[billing.BillDetail | None]:
    return Query(f"bill-detail:{bill_id}", lambda cache: cache.bill_detail(bill_id))


def kept_pdf(bill_id: str) -> Query[bytes | None]:
    return Query(f"bill-pdf:{bill_id}", lambda cache: cache.pdf(bill_id))


def payments() -> Query[list[billing.Payment]]:
    return Query("payments", lambda cache: cache.payments())


def payment_methods() -> Query[list[billing.PaymentMethod]]:
    return Query("payment-methods", lambda cache: cache.payment_methods())


def bills(status: str | None = None) -> Query[list[billing.Bill]]:
    return Query(f"bills:{status}", lambda cache: cache.bills(status=status))


def export_year(folder: Path, year: int, *, download_missing: bool) -> Request[exports.YearExport]:
    """A year of bills as PDFs and a CSV (the `icanal` command's export too). A PDF that
    is not kept is downloaded when `download_missing`; one that cannot be is listed as
    missing rather than failing the export."""

    def perform(client: ApiClient, cache: AccountCache, _key: str) -> Outcome[exports.YearExport]:
        def get_pdf(bill: billing.Bill) -> bytes | None:
            data = cache.pdf(bill.id)
            if data is None and download_missing:
                try:
                    data = actions.bill_pdf(client, cache, bill.id)
                except ApiError:
                    return None
            return data

        return unchanged(exports.export_year(folder, year, cache.bills(year=year), get_pdf))

    return Request("export-year", (str(folder), year), perform)


def upcoming(today: dt.date, *, with_methods: bool) -> Query[list[reminders.Upcoming]]:
    """What is coming up: every date of the bills due and the renewals (the calendar), or
    with `with_methods` the next days' only, cards expiring included (the notifications)."""

    def read(cache: AccountCache) -> list[reminders.Upcoming]:
        unpaid = [b for status in sorted(reminders.UNPAID) for b in cache.bills(status=status)]
        methods = cache.payment_methods() if with_methods else ()
        within = reminders.NOTICE_DAYS if with_methods else None
        return reminders.upcoming(
            unpaid, cache.subscriptions(), methods, today=today, within_days=within
        )

    return Query(f"upcoming:{with_methods}", read)


def write_file(path: Path, data: bytes) -> LocalJob[int]:
    """Saves bytes the user asked to keep (a PDF) where they chose."""
    return LocalJob(f"write:{path}", lambda: path.write_bytes(data))
