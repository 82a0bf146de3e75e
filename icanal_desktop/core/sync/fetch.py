"""One item fetched on its own and kept: a bill's detail, its PDF, a ticket's thread."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from icanal_desktop.core.api import ApiClient
from icanal_desktop.core.cache import AccountCache
from icanal_desktop.core.domain import billing, catalog
from icanal_desktop.core.sync.common import summary

T = TypeVar("T")
# Each kind of detail: the list its entry is in, the path of one item, what it is called.
DETAILS = {
    "bill": ("bills", "/bills", "bill detail"),
    "ticket": ("tickets", "/support/tickets", "ticket thread"),
}


def _fetch_detail(
    client: ApiClient,
    cache: AccountCache,
    kind: str,
    item_id: str,
    payload: Any,
    parse: Callable[[Any], T],
) -> T:
    """Fetches one item's detail, validates it, keeps it for its list entry, returns it."""
    resource, path, label = DETAILS[kind]
    if payload is None:
        payload = cache.item_payloads(resource).get(item_id, {})
    got = client.get_json(label, f"{path}/{item_id}")
    detail = parse(got.data)
    cache.save_detail(kind, item_id, got.data, got.etag, summary(payload))
    return detail


def fetch_bill_detail(
    client: ApiClient, cache: AccountCache, bill_id: str, payload: Any = None
) -> billing.BillDetail:
    """Fetches one bill's detail (lines, payments), keeps it, and returns it."""
    return _fetch_detail(client, cache, "bill", bill_id, payload, billing.parse_bill_detail)


def download_bill_pdf(
    client: ApiClient, cache: AccountCache, bill_id: str, payload: Any = None
) -> bytes:
    """Fetches one bill's PDF (checked whole) and keeps it in the archive; returns its bytes."""
    if payload is None:
        payload = cache.item_payloads("bills").get(bill_id, {})
    got = client.get_pdf("bill PDF", f"/bills/{bill_id}/pdf")
    assert got.content is not None
    cache.save_pdf(bill_id, got.content, got.etag, summary(payload))
    return got.content


def refresh_bill_pdf(
    client: ApiClient, cache: AccountCache, bill_id: str, entry_summary: str, etag: str | None
) -> bool:
    """Brings the archived PDF of one bill up to date with its list entry: asked with the
    ETag of the copy we keep, if any. True when new bytes were kept, False when the server
    said our copy is still the current one."""
    got = client.get_pdf("bill PDF", f"/bills/{bill_id}/pdf", etag)
    if got.content is None:
        cache.touch_pdf(bill_id, entry_summary)
        return False
    cache.save_pdf(bill_id, got.content, got.etag, entry_summary)
    return True


def fetch_ticket_thread(
    client: ApiClient, cache: AccountCache, ticket_id: str, payload: Any = None
) -> catalog.TicketThread:
    """Fetches one ticket's thread, keeps it, and returns it."""
    return _fetch_detail(client, cache, "ticket", ticket_id, payload, catalog.parse_ticket_thread)
