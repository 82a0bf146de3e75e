"""Fills one account's cache from the server: api -> validated records -> cache. No Qt.

- Every resource the app shows; lists are walked page by page with conditional requests
  (the ETag stored for each page), so an unchanged account costs only 304 answers.
- Each resource is validated whole before it is written, and written in one transaction:
  a crash or a failed request leaves the previous complete copy.
- Bill details and ticket threads are fetched again only when their list entry changed
  (the newest ones, and any already kept; others on demand); the PDFs of recent bills are
  kept for offline viewing (any other on demand).
- Changes that matter to a subscriber between two syncs become alerts for the dashboard.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from icanal_desktop.api import ApiClient, billing, catalog, records
from icanal_desktop.api.errors import (
    ApiError,
    MalformedResponseError,
    NotFoundError,
    OfflineError,
)
from icanal_desktop.cache import AccountCache, Alert, PageState

log = logging.getLogger(__name__)

PAGE_LIMIT = 200
RECENT_PDF_DAYS = 400  # a little over a year of bills is kept offline by default
CARD_EXPIRY_WARNING_DAYS = 60
# Details fetched by every sync for the newest entries (and those already kept); older
# ones on demand. 20 years of monthly bills; a hundred tickets.
DETAIL_LIMIT = 240
THREAD_LIMIT = 100

Progress = Callable[[str, int, int], None]  # (what, done, total)
Cancelled = Callable[[], bool]


@dataclass
class SyncReport:
    fetched: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    failed: dict[str, Exception] = field(default_factory=dict)
    # Resources the server does not serve at all (its whole route answers 404): a server
    # implementing part of the contract still syncs what it has.
    unsupported: list[str] = field(default_factory=list)
    cancelled: bool = False

    @property
    def ok(self) -> bool:
        return not self.failed and not self.cancelled

    @property
    def offline(self) -> bool:
        return any(isinstance(e, OfflineError) for e in self.failed.values())


class SyncCancelledError(Exception):
    pass


class _RouteMissingError(Exception):
    pass


@dataclass(frozen=True)
class ListSpec:
    name: str
    path: str
    validate: Callable[[Any], object]


LISTS: dict[str, ListSpec] = {
    spec.name: spec
    for spec in (
        ListSpec("subscriptions", "/subscriptions", records.parse_subscription),
        ListSpec("plans", "/plans", catalog.parse_plan),
        ListSpec("channels", "/channels", catalog.parse_channel),
        ListSpec("bills", "/bills", billing.parse_bill),
        ListSpec("payments", "/payments", billing.parse_payment),
        ListSpec("payment_methods", "/payment-methods", billing.parse_payment_method),
        ListSpec("tickets", "/support/tickets", catalog.parse_ticket),
        ListSpec("faq", "/support/faq", catalog.parse_faq_entry),
    )
}
DOCUMENTS: dict[str, tuple[str, Callable[[Any], object]]] = {
    "profile": ("/me", records.parse_profile),
    "contact": ("/support/contact", catalog.parse_contact),
}
# The order of a full sync: what the dashboard needs first.
ALL_RESOURCES = (
    "profile",
    "subscriptions",
    "bills",
    "payment_methods",
    "payments",
    "plans",
    "channels",
    "tickets",
    "faq",
    "contact",
)


class _Context:
    def __init__(
        self,
        client: ApiClient,
        cache: AccountCache,
        cancelled: Cancelled | None,
        progress: Progress | None,
        today: dt.date,
        pdf_days: int,
    ) -> None:
        self.client = client
        self.cache = cache
        self._cancelled = cancelled
        self.progress = progress
        self.today = today
        self.pdf_days = pdf_days
        self.now = dt.datetime.now(dt.UTC).replace(microsecond=0)

    def check_cancelled(self) -> None:
        if self._cancelled is not None and self._cancelled():
            raise SyncCancelledError

    def report(self, what: str, done: int, total: int) -> None:
        if self.progress is not None:
            self.progress(what, done, total)


def sync_account(
    client: ApiClient,
    cache: AccountCache,
    *,
    cancelled: Cancelled | None = None,
    progress: Progress | None = None,
    resources: Iterable[str] = ALL_RESOURCES,
    today: dt.date | None = None,
    pdf_days: int = RECENT_PDF_DAYS,
) -> SyncReport:
    """Syncs the given resources; one failing resource does not stop the others.

    Losing the network stops the sync at once: the next resources would fail the same way.
    `last_sync` moves only when a full sync succeeded.
    """
    ctx = _Context(client, cache, cancelled, progress, today or dt.date.today(), pdf_days)
    names = list(resources)
    report = SyncReport()
    for index, name in enumerate(names):
        ctx.report(name, index, len(names))
        try:
            ctx.check_cancelled()
            changed = _sync_resource(ctx, name)
        except SyncCancelledError:
            report.cancelled = True
            break
        except OfflineError as exc:
            report.failed[name] = exc
            break
        except _RouteMissingError:
            log.warning("the server has no %s", name)
            report.unsupported.append(name)
            continue
        except ApiError as exc:
            log.warning("sync of %s failed: %s", name, type(exc).__name__)
            report.failed[name] = exc
            continue
        (report.fetched if changed else report.unchanged).append(name)
    ctx.report("done", len(names), len(names))
    if report.ok and set(names) >= set(ALL_RESOURCES):
        cache.mark_synced()
    return report


def _sync_resource(ctx: _Context, name: str) -> bool:
    try:
        return _sync_resource_or_404(ctx, name)
    except NotFoundError as exc:
        if not ctx.cache.has_resource(name):
            raise _RouteMissingError from exc
        raise


def _sync_resource_or_404(ctx: _Context, name: str) -> bool:
    if name in DOCUMENTS:
        path, validate = DOCUMENTS[name]
        return _sync_document(ctx, name, path, validate)
    spec = LISTS[name]
    old = ctx.cache.item_payloads(name) if name in _WATCHED else None
    changed, items = _sync_list(ctx, spec, old)
    if name == "bills":
        changed = (
            _sync_details(ctx, "bill", "bill details", dict(items), DETAIL_LIMIT, fetch_bill_detail)
            or changed
        )
        changed = _sync_bill_pdfs(ctx, dict(items)) or changed
    elif name == "tickets":
        changed = (
            _sync_details(
                ctx, "ticket", "ticket threads", dict(items), THREAD_LIMIT, fetch_ticket_thread
            )
            or changed
        )
    if name in ("payment_methods", "bills", "subscriptions"):
        ctx.cache.add_alerts(_state_alerts(ctx, name))
    return changed


def _sync_document(ctx: _Context, name: str, path: str, validate: Callable[[Any], object]) -> bool:
    got = ctx.client.get_json(name, path, ctx.cache.etag(name))
    if got.not_modified:
        return False
    validate(got.data)  # validate before anything is written
    ctx.cache.save_document(name, got.data, got.etag)
    return True


def _sync_list(
    ctx: _Context, spec: ListSpec, old: dict[str, Any] | None
) -> tuple[bool, list[tuple[str, Any]]]:
    """Walks every page (conditionally); writes the whole list in one transaction if any
    page changed. Returns (changed, items)."""
    cache, name = ctx.cache, spec.name
    states = cache.page_states(name)
    stored: dict[str, Any] | None = None
    items: dict[str, Any] = {}
    pages: list[PageState] = []
    changed = False
    documents: dict[str, Any] = {}
    cursor = ""
    while True:
        ctx.check_cancelled()
        if any(p.cursor == cursor for p in pages):
            raise MalformedResponseError(name, "the pages loop")
        state = states.get(cursor)
        params: dict[str, str | int] = {"limit": PAGE_LIMIT}
        if cursor:
            params["cursor"] = cursor
        got = ctx.client.get_json(name, spec.path, state.etag if state else None, params)
        if got.not_modified and state is not None:
            if stored is None:
                stored = old if old is not None else cache.item_payloads(name)
            if all(i in stored for i in state.ids):
                page_items = [(i, stored[i]) for i in state.ids]
                pages.append(state)
                _add_items(items, page_items)
                if not state.next_cursor:
                    break
                cursor = state.next_cursor
                continue
            # Our copy of that page is incomplete: ask for it whole.
            got = ctx.client.get_json(name, spec.path, None, params)
        changed = True
        raw, next_cursor = records.parse_page(name, got.data)
        if name == "plans" and not cursor:
            documents["plan_options"] = _plan_options(got.data)
        page_items = []
        for payload in raw:
            spec.validate(payload)
            page_items.append((payload["id"], payload))
        pages.append(PageState(cursor, got.etag, next_cursor, tuple(i for i, _ in page_items)))
        _add_items(items, page_items)
        if not next_cursor:
            break
        cursor = next_cursor
    if not changed and len(pages) == len(states):
        return False, list(items.items())
    item_list = list(items.items())
    alerts = _change_alerts(ctx, name, old, items) if old is not None else []
    cache.replace_list(name, item_list, pages, alerts=alerts, documents=documents)
    return True, item_list


def _plan_options(page: Any) -> list[Any]:
    options = page.get("options") if isinstance(page, dict) else None
    if not isinstance(options, list):
        raise MalformedResponseError("plans", "missing field 'options'")
    for option in options:
        catalog.parse_plan_option(option)
    return options


def _add_items(items: dict[str, Any], page_items: list[tuple[str, Any]]) -> None:
    for item_id, payload in page_items:
        items.setdefault(item_id, payload)  # an item seen twice while pages moved


def _summary(payload: Any) -> str:
    return json.dumps(payload, sort_keys=True)


def _details_todo(
    known: dict[str, tuple[str | None, str]], items: dict[str, Any], limit: int
) -> list[tuple[str, Any]]:
    """Items whose detail is missing or older than their list entry: the newest `limit`
    (lists come newest first) and any whose detail we already keep."""
    todo = []
    for position, (item_id, payload) in enumerate(items.items()):
        if position >= limit and item_id not in known:
            continue  # old and never opened: fetched on demand only
        if known.get(item_id, (None, None))[1] != _summary(payload):
            todo.append((item_id, payload))
    return todo


def _sync_details(
    ctx: _Context,
    kind: str,
    label: str,
    listed: dict[str, Any],
    limit: int,
    fetch: Callable[[ApiClient, AccountCache, str, Any], object],
) -> bool:
    """Fetches the details (bill lines, ticket threads) whose list entry moved."""
    todo = _details_todo(ctx.cache.detail_state(kind), listed, limit)
    for done, (item_id, payload) in enumerate(todo):
        ctx.check_cancelled()
        ctx.report(label, done, len(todo))
        fetch(ctx.client, ctx.cache, item_id, payload)
    return bool(todo)


def fetch_bill_detail(
    client: ApiClient, cache: AccountCache, bill_id: str, payload: Any = None
) -> billing.BillDetail:
    """Fetches one bill's detail (lines, payments), keeps it, and returns it."""
    if payload is None:
        payload = cache.item_payloads("bills").get(bill_id, {})
    got = client.get_json("bill detail", f"/bills/{bill_id}")
    detail = billing.parse_bill_detail(got.data)
    cache.save_detail("bill", bill_id, got.data, got.etag, _summary(payload))
    return detail


def _sync_bill_pdfs(ctx: _Context, bills: dict[str, Any]) -> bool:
    since = ctx.today - dt.timedelta(days=ctx.pdf_days)
    have = ctx.cache.pdf_state()
    todo = [
        (i, p)
        for i, p in bills.items()
        if str(p.get("issue_date", "")) >= since.isoformat()
        and have.get(i, (None, None))[1] != _summary(p)
    ]
    for done, (bill_id, payload) in enumerate(todo):
        ctx.check_cancelled()
        ctx.report("bill PDFs", done, len(todo))
        download_bill_pdf(ctx.client, ctx.cache, bill_id, payload)
    return bool(todo)


def download_bill_pdf(
    client: ApiClient, cache: AccountCache, bill_id: str, payload: Any = None
) -> bytes:
    """Fetches one bill's PDF (validated) and keeps it in the cache; returns its bytes."""
    if payload is None:
        payload = cache.item_payloads("bills").get(bill_id, {})
    got = client.get_pdf("bill PDF", f"/bills/{bill_id}/pdf")
    assert got.content is not None
    cache.save_pdf(bill_id, got.content, got.etag, _summary(payload))
    return got.content


def fetch_ticket_thread(
    client: ApiClient, cache: AccountCache, ticket_id: str, payload: Any = None
) -> catalog.TicketThread:
    """Fetches one ticket's thread, keeps it, and returns it."""
    if payload is None:
        payload = cache.item_payloads("tickets").get(ticket_id, {})
    got = client.get_json("ticket thread", f"/support/tickets/{ticket_id}")
    thread = catalog.parse_ticket_thread(got.data)
    cache.save_detail("ticket", ticket_id, got.data, got.etag, _summary(payload))
    return thread


# -- alerts ------------------------------------------------------------------------------
_WATCHED = frozenset({"subscriptions", "plans", "bills", "tickets"})


def _alert(ctx: _Context, kind: str, subject: str, key_extra: str, **params: Any) -> Alert:
    key = f"{kind}:{subject}" + (f":{key_extra}" if key_extra else "")
    return Alert(key, kind, subject, params, ctx.now)


def _change_alerts(
    ctx: _Context, name: str, old: dict[str, Any], new: dict[str, Any]
) -> list[Alert]:
    """Alerts that only a comparison of two copies can see. None on a first sync."""
    if not old:
        return []
    alerts: list[Alert] = []
    if name == "bills":
        for bill_id, payload in new.items():
            if bill_id not in old:
                alerts.append(
                    _alert(
                        ctx,
                        "new_bill",
                        bill_id,
                        "",
                        number=payload["number"],
                        total=payload["total"],
                        due_date=payload["due_date"],
                    )
                )
    elif name == "subscriptions":
        for sub_id, payload in new.items():
            before = old.get(sub_id)
            if before is None or before["plan"]["id"] != payload["plan"]["id"]:
                continue
            old_price = before["plan"]["monthly_price"]["amount"]
            new_price = payload["plan"]["monthly_price"]["amount"]
            if new_price > old_price:
                alerts.append(_price_alert(ctx, payload["plan"], old_price, new_price))
    elif name == "plans":
        subscribed = {s.plan.id for s in ctx.cache.subscriptions() if s.status != "cancelled"}
        channel_names = {c.id: f"{c.number} {c.name}" for c in ctx.cache.channels()}
        for plan_id in subscribed:
            before, after = old.get(plan_id), new.get(plan_id)
            if before is None or after is None:
                continue
            old_price = before["monthly_price"]["amount"]
            new_price = after["monthly_price"]["amount"]
            if new_price > old_price:
                alerts.append(_price_alert(ctx, after, old_price, new_price))
            removed = sorted(set(before["channel_ids"]) - set(after["channel_ids"]))
            if removed:
                alerts.append(
                    _alert(
                        ctx,
                        "channels_removed",
                        plan_id,
                        ",".join(removed),
                        plan=after["name"],
                        channels=[channel_names.get(c, c) for c in removed],
                    )
                )
    return alerts


def _price_alert(ctx: _Context, plan: dict[str, Any], old: int, new: int) -> Alert:
    currency = plan["monthly_price"]["currency"]
    return _alert(
        ctx,
        "plan_price_up",
        plan["id"],
        str(new),
        plan=plan["name"],
        old={"amount": old, "currency": currency},
        new={"amount": new, "currency": currency},
    )


def _state_alerts(ctx: _Context, name: str) -> list[Alert]:
    """Alerts read off the current copy (recorded once each: the key remembers)."""
    alerts: list[Alert] = []
    if name == "bills":
        for bill in ctx.cache.bills(status="overdue"):
            alerts.append(
                _alert(
                    ctx,
                    "bill_overdue",
                    bill.id,
                    "",
                    number=bill.number,
                    total={"amount": bill.total.amount, "currency": bill.total.currency},
                    due_date=bill.due_date.isoformat(),
                )
            )
        for bill in ctx.cache.bills(status="failed"):
            alerts.append(_alert(ctx, "payment_failed", bill.id, "", number=bill.number))
    elif name == "subscriptions":
        for sub in ctx.cache.subscriptions():
            if sub.status == "pending_cancellation" and sub.cancellation is not None:
                effective = sub.cancellation.effective_date.isoformat()
                alerts.append(
                    _alert(
                        ctx,
                        "pending_cancellation",
                        sub.id,
                        effective,
                        plan=sub.plan.name,
                        effective_date=effective,
                    )
                )
    elif name == "payment_methods":
        horizon = ctx.today + dt.timedelta(days=CARD_EXPIRY_WARNING_DAYS)
        for method in ctx.cache.payment_methods():
            if method.type == "card" and method.expires_before(horizon):
                alerts.append(
                    _alert(
                        ctx,
                        "card_expiring",
                        method.id,
                        f"{method.exp_year}-{method.exp_month:02d}",
                        label=method.label,
                        exp_month=method.exp_month,
                        exp_year=method.exp_year,
                    )
                )
    return alerts
