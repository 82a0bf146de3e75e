"""The sync for a slow link against a real sandbox: the changes feed and its full resync,
the first sync's order, and the PDF archive (every bill, resumable, capped, kept after the
server stops serving old bills)."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from icanal_desktop.core.api import ApiClient
from icanal_desktop.core.cache import AccountCache
from icanal_desktop.core.cache.paths import account_dir
from icanal_desktop.core.sync import ALL_RESOURCES, READY_RESOURCES, sync_account, sync_archive

from ..conftest import DEMO, SandboxProcess
from .conftest import Account
from .test_acceptance import cache_content


def pdf_requests(client: ApiClient) -> int:
    return sum(n for (_, path), n in client.attempts.items() if path.endswith("/pdf"))


def test_a_state_the_server_forgot_means_a_full_resync(synced: Account) -> None:
    before = cache_content(synced.cache)
    old_state = synced.cache.changes_state()
    synced.client.send_json("POST", "/sandbox/changes/expire", "changes")
    synced.client.attempts.clear()
    report = sync_account(synced.client, synced.cache)
    assert report.ok, report.failed
    assert report.protocol == "changes"
    new_state = synced.cache.changes_state()
    assert new_state is not None
    assert new_state != old_state
    assert synced.client.attempts[("GET", "/changes")] == 2  # refused, then the current state
    assert pdf_requests(synced.client) == 0  # the kept archive is still current
    assert cache_content(synced.cache) == before
    synced.client.attempts.clear()
    assert sync_account(synced.client, synced.cache).ok
    assert dict(synced.client.attempts) == {("GET", "/changes"): 1}


def test_the_dashboard_and_bills_are_ready_before_the_rest_and_the_archive(
    demo: Account,
) -> None:
    events: list[tuple[str, object]] = []
    report = sync_account(
        demo.client,
        demo.cache,
        progress=lambda what, done, total: events.append(("progress", what)),
        on_ready=lambda names: events.append(("ready", frozenset(names))),
    )
    assert report.ok, report.failed
    ready = [i for i, (kind, _) in enumerate(events) if kind == "ready"]
    assert len(ready) == 1
    names = events[ready[0]][1]
    assert isinstance(names, frozenset)
    assert names >= READY_RESOURCES
    first_pdf = next(i for i, e in enumerate(events) if e == ("progress", "bill PDFs"))
    assert ready[0] < first_pdf
    assert events[-1] == ("progress", "done")


def test_the_archive_resumes_and_never_downloads_a_kept_pdf_twice(demo: Account) -> None:
    report = sync_account(demo.client, demo.cache, archive=False)
    assert report.ok
    bills = demo.cache.bills()
    stop_after = 7

    def cancelled() -> bool:
        return len(demo.cache.pdf_ids()) >= stop_after

    first = sync_archive(demo.client, demo.cache, cancelled=cancelled, connections=2)
    assert first.cancelled
    kept = demo.cache.pdf_ids()
    assert stop_after <= len(kept) < len(bills)
    newest = {b.id for b in bills[:stop_after]}
    assert newest <= kept  # newest bills first
    demo.client.attempts.clear()
    second = sync_archive(demo.client, demo.cache)
    assert second.complete
    assert second.downloaded == len(bills) - len(kept)
    assert pdf_requests(demo.client) == len(bills) - len(kept)
    assert demo.cache.pdf_ids() == {b.id for b in bills}
    demo.client.attempts.clear()
    assert sync_archive(demo.client, demo.cache).complete
    assert pdf_requests(demo.client) == 0


def test_a_size_limit_keeps_the_newest_bills_and_says_how_many_are_left_out(
    demo: Account,
) -> None:
    assert sync_account(demo.client, demo.cache).ok
    bills = demo.cache.bills()
    sizes = [len(demo.cache.pdf(b.id) or b"") for b in bills]
    cap = sum(sizes[:10])
    removed = demo.cache.set_archive_cap(cap)
    assert removed == len(bills) - 10
    assert demo.cache.pdf_ids() == {b.id for b in bills[:10]}
    report = sync_archive(demo.client, demo.cache)
    assert report.over_cap == len(bills) - 10
    assert report.kept == 10
    assert report.complete  # nothing is missing that the limit allows
    assert demo.cache.archive_status().bytes <= cap
    demo.cache.set_archive_cap(None)
    report = sync_archive(demo.client, demo.cache)
    assert report.over_cap == 0
    assert demo.cache.pdf_ids() == {b.id for b in bills}


def test_bills_the_server_stops_serving_stay_in_the_archive(synced: Account) -> None:
    before = {b.id: b for b in synced.cache.bills()}
    pdfs = {i: synced.cache.pdf(i) for i in synced.cache.pdf_ids()}
    assert set(pdfs) == set(before)
    synced.client.send_json("PUT", "/sandbox/bill-retention", "retention", {"days": 400})
    listed = synced.client.get_json("bills", "/bills", params={"limit": 200}).data["items"]
    assert 0 < len(listed) < len(before)  # the server now serves only the last 400 days
    for report in (
        sync_account(synced.client, synced.cache),
        sync_account(synced.client, synced.cache, resources=("bills",)),
    ):
        assert report.ok, report.failed
    assert {b.id: b for b in synced.cache.bills()} == before
    assert {i: synced.cache.pdf(i) for i in synced.cache.pdf_ids()} == pdfs
    # A server without the feed (walked with ETags) drops nothing either.
    synced.cache.save_changes_state(None)
    with synced.cache.transaction() as conn:
        conn.execute("UPDATE pages SET etag = NULL")
    assert sync_account(synced.client, synced.cache, resources=("bills",)).ok
    assert set(synced.cache.pdf_ids()) == set(before)
    assert {b.id for b in synced.cache.bills()} == set(before)


def test_a_new_bill_arrives_by_the_feed_with_its_alert(synced: Account) -> None:
    from icanal_desktop.core import actions
    from icanal_desktop.core.api.client import new_idempotency_key

    cache, client = synced.cache, synced.client
    sub = cache.subscriptions()[0]
    dearer = max(cache.plans(), key=lambda p: p.monthly_price.amount)
    done = actions.change_plan(
        client, cache, sub.id, dearer.id, idempotency_key=new_idempotency_key()
    )
    assert done.refresh.protocol == "changes"
    assert "subscriptions" in done.refresh.fetched
    bill_id = done.value.bill_id
    assert bill_id is not None  # a dearer plan is billed pro rata at once
    assert bill_id in {b.id for b in cache.bills()}
    assert cache.bill_detail(bill_id) is not None
    assert ("new_bill", bill_id) in {(a.kind, a.subject_id) for a in cache.alerts()}
    # and its PDF at the next sync, once
    client.attempts.clear()
    assert sync_account(client, cache).ok
    assert client.attempts[("GET", f"/bills/{bill_id}/pdf")] == 1


def test_account_folders_are_private(sandbox: SandboxProcess, data_dir: Path) -> None:
    client = ApiClient(sandbox.url)
    tokens = client.login(*DEMO)
    accounts = data_dir / "accounts"
    accounts.mkdir()
    os.chmod(accounts, 0o755)  # noqa: S103 - as an older version left it
    cache = AccountCache(account_dir(data_dir, sandbox.url, tokens.account_id))
    try:
        for folder in (accounts, cache.folder):
            assert stat.S_IMODE(folder.stat().st_mode) == 0o700, folder
    finally:
        cache.close()
        client.close()


def test_the_full_resource_list_is_what_a_feed_sync_reports(synced: Account) -> None:
    report = sync_account(synced.client, synced.cache)
    assert sorted(report.saved) == sorted(ALL_RESOURCES)
