"""Sync against a real sandbox process over loopback: every resource, the changes feed and
(for a server without it) conditional requests, one transaction per resource, alerts."""

from __future__ import annotations

import json
import re
from dataclasses import replace
from pathlib import Path

import pytest

from icanal_desktop.core import actions
from icanal_desktop.core.api import ApiClient
from icanal_desktop.core.cache import AccountCache
from icanal_desktop.core.cache.paths import account_dir
from icanal_desktop.core.errors import MalformedResponseError
from icanal_desktop.core.sync import ALL_RESOURCES, sync_account
from icanal_desktop.core.sync import walk as sync_walk

from ..conftest import SandboxProcess
from .conftest import Account


def page_count(cache: AccountCache) -> int:
    return len(cache.db.execute("SELECT 1 FROM pages").fetchall())


def test_first_sync_fills_every_resource(demo: Account) -> None:
    report = sync_account(demo.client, demo.cache)
    assert report.ok, report.failed
    assert report.protocol == "changes"
    assert demo.cache.changes_state() is not None
    assert report.unsupported == []
    assert report.fetched == list(ALL_RESOURCES)
    # Bill lines and ticket threads came with their lists: no request per bill or ticket.
    singles = [
        p for (_, p) in demo.client.attempts if re.fullmatch(r"/(bills|support/tickets)/[^/]+", p)
    ]
    assert singles == []
    cache = demo.cache
    snapshot = cache.snapshot()
    assert snapshot.profile is not None
    assert snapshot.profile.email == "demo@icanal.example"
    assert snapshot.subscriptions
    assert snapshot.last_sync is not None
    assert snapshot.default_payment_method is not None
    assert len(snapshot.payment_methods) == 3
    bills = cache.bills()
    assert len(bills) >= 36
    assert {b.status for b in bills} >= {"paid", "overdue", "failed"}
    assert all(cache.bill_detail(b.id) is not None for b in bills)
    detail = cache.bill_detail(bills[-1].id)
    assert detail is not None
    assert detail.lines
    assert cache.payments()
    assert cache.plans()
    assert cache.plan_options()
    assert len(cache.channels()) > 20
    assert cache.faq("")
    assert cache.contact() is not None
    tickets = cache.tickets()
    assert len(tickets) == 2
    thread = cache.ticket_thread(tickets[0].id)
    assert thread is not None
    assert thread.messages
    # Every bill's PDF of every year is kept for offline viewing.
    assert cache.pdf_ids() == {b.id for b in bills}
    assert all(cache.pdf(b.id).startswith(b"%PDF-") for b in bills)  # type: ignore[union-attr]
    assert report.archive is not None
    assert report.archive.complete
    assert report.archive.downloaded == report.archive.wanted == len(bills)
    # Alerts the dashboard shows from the first sync on.
    kinds = {a.kind for a in snapshot.alerts}
    assert {"bill_overdue", "payment_failed", "card_expiring"} <= kinds


def test_an_unchanged_account_costs_one_request(synced: Account) -> None:
    synced.client.attempts.clear()
    again = sync_account(synced.client, synced.cache)
    assert again.ok
    assert again.protocol == "changes"
    assert again.fetched == []
    assert again.unchanged == list(ALL_RESOURCES)
    assert dict(synced.client.attempts) == {("GET", "/changes"): 1}


def test_without_the_changes_feed_an_unchanged_account_costs_only_304s(
    synced_walk: Account,
) -> None:
    demo = synced_walk
    pages = page_count(demo.cache)
    demo.client.statuses.clear()
    again = sync_account(demo.client, demo.cache)
    assert again.ok, again.failed  # the missing feed is no failure, and says nothing
    assert again.protocol == "walk"
    assert again.fetched == []
    assert again.unchanged == list(ALL_RESOURCES)
    # every page, plus /me and contact; the feed's 404 once
    assert dict(demo.client.statuses) == {304: pages + 2, 404: 1}
    assert demo.cache.changes_state() is None


def test_a_change_refetches_only_what_moved_and_records_alerts(synced: Account) -> None:
    demo = synced
    bill = demo.cache.bills(status="overdue")[0]
    method = demo.cache.snapshot().default_payment_method
    assert method is not None
    outcome = actions.pay_bill(demo.client, demo.cache, bill.id, method.id)
    assert outcome.value.bill_id == bill.id
    assert outcome.refresh.ok
    assert set(outcome.refresh.fetched) == {"bills", "payments"}
    paid = next(b for b in demo.cache.bills() if b.id == bill.id)
    assert paid.status in ("paid", "failed")
    detail = demo.cache.bill_detail(bill.id)
    assert detail is not None
    assert outcome.value.id in {p.id for p in detail.payments}
    assert demo.cache.payments()[0].id == outcome.value.id
    # The next sync asks what changed (nothing) and the paid bill's new PDF, once.
    demo.client.attempts.clear()
    again = sync_account(demo.client, demo.cache)
    assert again.fetched == []
    assert dict(demo.client.attempts) == {
        ("GET", "/changes"): 1,
        ("GET", f"/bills/{bill.id}/pdf"): 1,
    }
    assert again.archive is not None
    assert again.archive.complete


def test_a_failed_resource_keeps_the_previous_copy(synced_walk: Account) -> None:
    demo = synced_walk
    before = demo.cache.bill_rows()
    pages_before = demo.cache.page_states("bills")
    # The server now answers garbage for bills: simulate by breaking our stored ETags so
    # the server sends full pages, and a validator that refuses them.
    demo.cache.db.execute("UPDATE pages SET etag = NULL WHERE resource = 'bills'")
    spec = sync_walk.LISTS["bills"]

    def refuse(payload: object) -> object:
        if isinstance(payload, dict) and payload.get("status") == "paid":
            raise MalformedResponseError("bill", "refused by the test")
        return spec.validate(payload)

    sync_walk.LISTS["bills"] = replace(spec, validate=refuse, validate_detail=refuse)
    try:
        report = sync_account(demo.client, demo.cache)
    finally:
        sync_walk.LISTS["bills"] = spec
    assert set(report.failed) == {"bills"}
    assert report.fetched == []  # the others answered 304
    assert demo.cache.bill_rows() == before
    assert set(demo.cache.page_states("bills")) == set(pages_before)
    assert demo.cache.snapshot().last_sync is not None


def test_new_bill_and_price_alerts_between_two_syncs(synced_walk: Account) -> None:
    demo = synced_walk
    cache = demo.cache
    # Make our copy look like the previous state of the account: one bill fewer and a
    # cheaper plan. The next sync sees the server's state as a change.
    newest = cache.bills()[0]
    sub = cache.db.execute(
        "SELECT id, payload FROM items WHERE resource = 'subscriptions'"
    ).fetchone()
    payload = json.loads(sub[1])
    payload["plan"]["monthly_price"]["amount"] -= 300
    with cache.transaction() as conn:
        conn.execute("DELETE FROM bills WHERE id = ?", (newest.id,))
        conn.execute("UPDATE pages SET etag = NULL")
        conn.execute(
            "UPDATE items SET payload = ? WHERE resource = 'subscriptions' AND id = ?",
            (json.dumps(payload), sub[0]),
        )
    report = sync_account(demo.client, cache)
    assert report.ok
    alerts = {a.kind: a for a in cache.alerts()}
    assert alerts["new_bill"].subject_id == newest.id
    assert alerts["new_bill"].params["number"] == newest.number
    price = alerts["plan_price_up"]
    assert price.params["new"]["amount"] - price.params["old"]["amount"] == 300


def test_long_lists_are_walked_page_by_page_and_each_page_is_conditional(
    sandbox: SandboxProcess, data_dir: Path
) -> None:
    client = ApiClient(sandbox.url)
    tokens = client.login("heavy@icanal.example", "Heavy-2026!")
    cache = AccountCache(account_dir(data_dir, sandbox.url, tokens.account_id))
    report = sync_account(client, cache, resources=("payments",))
    assert report.ok, report.failed
    pages = cache.page_states("payments")
    assert len(pages) >= 5  # >= 1,000 payments, 200 a page
    payments = cache.payments()
    assert len(payments) >= 1000
    assert len({p.id for p in payments}) == len(payments)
    assert [p.created_at for p in payments] == sorted(
        (p.created_at for p in payments), reverse=True
    )
    client.statuses.clear()
    assert sync_account(client, cache, resources=("payments",)).unchanged == ["payments"]
    assert dict(client.statuses) == {304: len(pages)}
    cache.close()
    client.close()


def test_a_server_ignoring_the_expansion_gets_the_newest_details_one_by_one(
    demo: Account, monkeypatch: pytest.MonkeyPatch
) -> None:
    # As an older server does: the bill list without lines (here, not asked for them).
    monkeypatch.setattr(sync_walk, "DETAIL_LIMIT", 5)
    monkeypatch.setitem(sync_walk.LISTS, "bills", replace(sync_walk.LISTS["bills"], expand=None))
    assert sync_account(demo.client, demo.cache, resources=("bills",), archive=False).ok
    bills = demo.cache.bills()
    assert set(demo.cache.detail_state("bill")) == {b.id for b in bills[:5]}
    old = bills[20]
    assert demo.cache.bill_detail(old.id) is None
    detail = actions.bill_detail(demo.client, demo.cache, old.id)
    assert detail.bill.id == old.id
    assert demo.cache.bill_detail(old.id) == detail
    demo.client.statuses.clear()
    assert sync_account(demo.client, demo.cache, resources=("bills",), archive=False).ok
    assert set(demo.client.statuses) == {304}  # the kept old detail is not refetched
    assert old.id in demo.cache.detail_state("bill")
    thread_owner = demo.cache.tickets()
    assert thread_owner == []  # tickets were not part of this sync


def test_channels_removed_from_the_subscribed_plan_are_an_alert(synced_walk: Account) -> None:
    synced = synced_walk
    cache = synced.cache
    plan_id = cache.subscriptions()[0].plan.id
    subscribed = next(p for p in cache.plans() if p.id == plan_id)
    missing = next(c for c in cache.channels() if c.id not in subscribed.channel_ids)
    # Our previous copy had one more channel in the plan than the server has now.
    row = cache.db.execute(
        "SELECT payload FROM items WHERE resource = 'plans' AND id = ?", (plan_id,)
    ).fetchone()
    payload = json.loads(row[0])
    payload["channel_ids"].append(missing.id)
    with cache.transaction() as conn:
        conn.execute(
            "UPDATE items SET payload = ? WHERE resource = 'plans' AND id = ?",
            (json.dumps(payload), plan_id),
        )
        conn.execute("UPDATE pages SET etag = NULL WHERE resource = 'plans'")
    assert sync_account(synced.client, cache).ok
    alert = next(a for a in cache.alerts() if a.kind == "channels_removed")
    assert alert.subject_id == plan_id
    assert alert.params["channels"] == [f"{missing.number} {missing.name}"]
