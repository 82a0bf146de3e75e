"""Billing actions: paying a bill now, and a bill's detail (lines, payments) and its PDF,
from the cache when kept, else fetched on demand (and kept)."""

from __future__ import annotations

from icanal_desktop.core.actions.outcome import Outcome, action_key, resync
from icanal_desktop.core.api import ApiClient
from icanal_desktop.core.cache import AccountCache
from icanal_desktop.core.domain import billing
from icanal_desktop.core.sync import download_bill_pdf, fetch_bill_detail


def pay_bill(
    client: ApiClient,
    cache: AccountCache,
    bill_id: str,
    payment_method_id: str,
    *,
    idempotency_key: str | None = None,
) -> Outcome[billing.Payment]:
    """Pays one bill now. Pass the same `idempotency_key` when the user retries."""
    data = client.send_json(
        "POST",
        f"/bills/{bill_id}/payments",
        "payment",
        {"payment_method_id": payment_method_id},
        idempotency_key=action_key(idempotency_key),
    )
    payment = billing.parse_payment(data)
    return Outcome(payment, resync(client, cache, ["bills", "payments"]))


def bill_detail(client: ApiClient, cache: AccountCache, bill_id: str) -> billing.BillDetail:
    """A bill's lines and payments: from the cache when kept, else fetched (and kept)."""
    kept = cache.bill_detail(bill_id)
    return kept if kept is not None else fetch_bill_detail(client, cache, bill_id)


def bill_pdf(client: ApiClient, cache: AccountCache, bill_id: str) -> bytes:
    """The bill's PDF: from the cache when kept, else downloaded (and kept) on demand."""
    kept = cache.pdf(bill_id)
    if kept is not None:
        return kept
    return download_bill_pdf(client, cache, bill_id)
