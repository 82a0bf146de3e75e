"""One resource synced by walking it: every page asked conditionally (the ETag kept for
each page), so an unchanged resource costs only 304 answers.

The page walk is what a server without the changes feed gets for every sync, and what the
feed's first sync and its catalog refreshes use. Bills and tickets are asked with their
expansion (lines and payments, messages): one request a page instead of one a bill. A
server that ignores the expansion still works: the details whose list entry moved are then
fetched one by one (the newest ones, and any already kept; others on demand).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from icanal_desktop.core.cache import PageState
from icanal_desktop.core.domain import billing, catalog, records
from icanal_desktop.core.errors import MalformedResponseError, NotFoundError
from icanal_desktop.core.sync import alerts
from icanal_desktop.core.sync.common import Context, RouteMissingError, split_detail, summary
from icanal_desktop.core.sync.fetch import fetch_bill_detail, fetch_ticket_thread

log = logging.getLogger(__name__)

PAGE_LIMIT = 200
# Details fetched one by one, from a server that ignores the expansion, for the newest
# entries (and those already kept); older ones on demand. 20 years of monthly bills; a
# hundred tickets.
DETAIL_LIMIT = 240
THREAD_LIMIT = 100


@dataclass(frozen=True)
class ListSpec:
    name: str
    path: str
    validate: Callable[[Any], object]
    detail_kind: str | None = None  # "bill", "ticket": entries that have a detail
    expand: str | None = None  # the expansion that puts the detail in the list
    validate_detail: Callable[[Any], object] | None = None


LISTS: dict[str, ListSpec] = {
    spec.name: spec
    for spec in (
        ListSpec("subscriptions", "/subscriptions", records.parse_subscription),
        ListSpec("plans", "/plans", catalog.parse_plan),
        ListSpec("channels", "/channels", catalog.parse_channel),
        ListSpec(
            "bills", "/bills", billing.parse_bill, "bill", "details", billing.parse_bill_detail
        ),
        ListSpec("payments", "/payments", billing.parse_payment),
        ListSpec("payment_methods", "/payment-methods", billing.parse_payment_method),
        ListSpec(
            "tickets",
            "/support/tickets",
            catalog.parse_ticket,
            "ticket",
            "messages",
            catalog.parse_ticket_thread,
        ),
        ListSpec("faq", "/support/faq", catalog.parse_faq_entry),
    )
}
DOCUMENTS: dict[str, tuple[str, Callable[[Any], object]]] = {
    "profile": ("/me", records.parse_profile),
    "contact": ("/support/contact", catalog.parse_contact),
}
# Details a list walk got with its pages: (kind, id, payload, summary of the entry).
Detail = tuple[str, str, Any, str]


def sync_resource(ctx: Context, name: str) -> bool:
    """Walks one resource; True when our copy changed. RouteMissingError when the server
    has no such route and we never had a copy."""
    try:
        return _sync_resource(ctx, name)
    except NotFoundError as exc:
        if not ctx.cache.has_resource(name):
            raise RouteMissingError from exc
        raise


def _sync_resource(ctx: Context, name: str) -> bool:
    if name in DOCUMENTS:
        path, validate = DOCUMENTS[name]
        return _sync_document(ctx, name, path, validate)
    spec = LISTS[name]
    old = ctx.cache.item_payloads(name) if name in alerts.WATCHED else None
    changed, items = _sync_list(ctx, spec, old)
    if spec.detail_kind == "bill":
        changed = _sync_details(ctx, spec, dict(items), DETAIL_LIMIT, fetch_bill_detail) or changed
    elif spec.detail_kind == "ticket":
        changed = (
            _sync_details(ctx, spec, dict(items), THREAD_LIMIT, fetch_ticket_thread) or changed
        )
    if name in ("payment_methods", "bills", "subscriptions"):
        ctx.cache.add_alerts(alerts.state_alerts(ctx, name))
    return changed


def _sync_document(ctx: Context, name: str, path: str, validate: Callable[[Any], object]) -> bool:
    got = ctx.client.get_json(name, path, ctx.cache.etag(name))
    if got.not_modified:
        return False
    validate(got.data)  # validate before anything is written
    ctx.cache.save_document(name, got.data, got.etag)
    return True


def _sync_list(
    ctx: Context, spec: ListSpec, old: dict[str, Any] | None
) -> tuple[bool, list[tuple[str, Any]]]:
    """Walks every page (conditionally); writes the whole list in one transaction if any
    page changed. Returns (changed, items)."""
    cache, name = ctx.cache, spec.name
    states = cache.page_states(name)
    stored: dict[str, Any] | None = None
    items: dict[str, Any] = {}
    details: list[Detail] = []
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
        if spec.expand:
            params["expand"] = spec.expand
        if cursor:
            params["cursor"] = cursor
        got = ctx.client.get_json(name, spec.path, state.etag if state else None, params)
        if got.not_modified and state is not None:
            if stored is None:
                stored = old if old is not None else cache.item_payloads(name)
            if all(i in stored for i in state.ids):
                pages.append(state)
                _add_items(items, [(i, stored[i]) for i in state.ids])
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
        page_items = [list_entry(spec, payload, details) for payload in raw]
        pages.append(PageState(cursor, got.etag, next_cursor, tuple(i for i, _ in page_items)))
        _add_items(items, page_items)
        if not next_cursor:
            break
        cursor = next_cursor
    if not changed and len(pages) == len(states):
        return False, list(items.items())
    item_list = list(items.items())
    found = alerts.change_alerts(ctx, name, old, items) if old is not None else []
    cache.replace_list(name, item_list, pages, alerts=found, documents=documents, details=details)
    return True, item_list


def list_entry(spec: ListSpec, payload: Any, details: list[Detail]) -> tuple[str, Any]:
    """Validates one listed item; an expanded one gives its detail too."""
    if spec.detail_kind is not None and isinstance(payload, dict):
        entry, whole = split_detail(spec.detail_kind, payload)
        if whole:
            assert spec.validate_detail is not None
            spec.validate_detail(payload)
            details.append((spec.detail_kind, entry["id"], payload, summary(entry)))
            return entry["id"], entry
    spec.validate(payload)
    return payload["id"], payload


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


def _details_todo(
    known: dict[str, tuple[str | None, str]], items: dict[str, Any], limit: int
) -> list[tuple[str, Any]]:
    """Items whose detail is missing or older than their list entry: the newest `limit`
    (lists come newest first) and any whose detail we already keep."""
    todo = []
    for position, (item_id, payload) in enumerate(items.items()):
        if position >= limit and item_id not in known:
            continue  # old and never opened: fetched on demand only
        if known.get(item_id, (None, None))[1] != summary(payload):
            todo.append((item_id, payload))
    return todo


def _sync_details(
    ctx: Context,
    spec: ListSpec,
    listed: dict[str, Any],
    limit: int,
    fetch: Callable[..., object],
) -> bool:
    """Fetches, one by one, the details whose list entry moved: only for a server that
    ignored the expansion (with it, every detail came with its page)."""
    assert spec.detail_kind is not None
    todo = _details_todo(ctx.cache.detail_state(spec.detail_kind), listed, limit)
    label = {"bill": "bill details", "ticket": "ticket threads"}[spec.detail_kind]
    for done, (item_id, payload) in enumerate(todo):
        ctx.check_cancelled()
        ctx.report(label, done, len(todo))
        fetch(ctx.client, ctx.cache, item_id, payload)
    return bool(todo)
