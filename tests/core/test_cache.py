"""The offline cache: round trips, one transaction per resource, migrations from a stored
old file, recovery from corrupt or newer files, permissions, size and clearing."""

from __future__ import annotations

import os
import shutil
import sqlite3
import stat
from pathlib import Path

import pytest

from icanal_desktop.core.cache import AccountCache, PageState
from icanal_desktop.core.cache.paths import account_dir
from icanal_desktop.core.cache.schema import PACK_SEPARATOR, SCHEMA_VERSION
from icanal_desktop.core.cache.store import BILL_NUMBER, BILL_STATUS, BILL_TOTAL

from . import samples
from .test_records import PROFILE, SUBSCRIPTION

FIXTURES = Path(__file__).parent / "fixtures"


def open_cache(data_dir: Path) -> AccountCache:
    return AccountCache(account_dir(data_dir, "http://127.0.0.1:1", "acc_1"))


def page(*ids: str, etag: str = '"e1"') -> list[PageState]:
    return [PageState("", etag, None, ids)]


def test_round_trip_and_last_sync(data_dir: Path) -> None:
    cache = open_cache(data_dir)
    cache.save_document("profile", PROFILE, '"etag-1"')
    cache.replace_list("subscriptions", [("sub_1", SUBSCRIPTION)], page("sub_1"))
    assert cache.snapshot().last_sync is None
    cache.mark_synced()
    cache.close()

    reopened = open_cache(data_dir)
    snapshot = reopened.snapshot()
    assert snapshot.profile is not None
    assert snapshot.profile.full_name == "Camille Durand"
    assert [s.plan.name for s in snapshot.subscriptions] == ["Cinéma+"]
    assert snapshot.last_sync is not None
    assert snapshot.notice is None
    assert reopened.etag("profile") == '"etag-1"'
    assert reopened.page_states("subscriptions")[""].ids == ("sub_1",)
    assert reopened.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_bills_fast_path_and_records(data_dir: Path) -> None:
    cache = open_cache(data_dir)
    bills = [samples.bill(n, status="due" if n == 3 else "paid") for n in range(1000)]
    bills.append(samples.bill(2000, status="overdue", year=2024, total=1000))
    cache.replace_list("bills", [(b["id"], b) for b in bills], page())
    rows = cache.bill_rows()
    assert len(rows) == 1001
    assert rows[0][BILL_NUMBER] == "F-2025-000000"
    assert rows[3][BILL_STATUS] == "due"
    assert rows[0][BILL_TOTAL] == 3599
    assert [r[BILL_NUMBER] for r in cache.bill_rows(year=2024)] == ["F-2024-002000"]
    packed = cache.bill_rows_packed()
    assert len(packed) == 1001
    assert packed[3].split(PACK_SEPARATOR) == [str(v) for v in rows[3]]
    assert cache.bill_rows_packed(year=2024)[0].split(PACK_SEPARATOR)[BILL_STATUS] == "overdue"
    assert len(cache.bill_rows(status="due")) == 1
    typed = cache.bills(status="overdue")
    assert typed[0].total.amount == 1000
    assert typed[0].issue_date.year == 2024
    snapshot = cache.snapshot()
    assert snapshot.amount_due is not None
    assert snapshot.amount_due.amount == 3599 + 1000
    assert snapshot.overdue_bills == 1


def test_a_failed_write_leaves_the_previous_copy(data_dir: Path) -> None:
    cache = open_cache(data_dir)
    old = [samples.bill(n) for n in range(5)]
    cache.replace_list("bills", [(b["id"], b) for b in old], page())
    broken = [samples.bill(n) for n in range(5, 10)]
    broken[3]["total"] = {"amount": "lots", "currency": "EUR"}
    with pytest.raises(Exception, match="total"):
        cache.replace_list("bills", [(b["id"], b) for b in broken], page(etag='"e2"'))
    assert [b.id for b in cache.bills()] == [b["id"] for b in old]
    assert cache.page_states("bills")[""].etag == '"e1"'


def test_bills_the_server_stops_listing_are_kept_removed_ones_dropped(data_dir: Path) -> None:
    cache = open_cache(data_dir)
    bills = [samples.bill(n) for n in range(3)]
    cache.replace_list("bills", [(b["id"], b) for b in bills], page())
    for b in bills:
        cache.save_detail("bill", b["id"], {**b, "lines": [], "payments": []}, None, "s")
        cache.save_pdf(b["id"], b"%PDF-1.4 x %%EOF", None, "s")
    # An old bill the server no longer lists stays in the archive, in its place.
    cache.replace_list("bills", [(b["id"], b) for b in bills[:2]], page())
    ids = [b["id"] for b in sorted(bills, key=lambda b: (b["issue_date"], b["id"]), reverse=True)]
    assert [b.id for b in cache.bills()] == ids
    assert set(cache.detail_state("bill")) == set(ids)
    assert cache.pdf_ids() == set(ids)
    # A bill the changes feed says is gone goes, with its detail and PDF.
    cache.replace_list("bills", [(b["id"], b) for b in bills[1:]], [], removed=["bill_000000"])
    assert set(cache.detail_state("bill")) == {"bill_000001", "bill_000002"}
    assert cache.pdf_ids() == {"bill_000001", "bill_000002"}
    assert cache.bill_detail("bill_000001") is not None


def test_migrates_a_stored_version_1_file_after_a_backup(data_dir: Path) -> None:
    folder = account_dir(data_dir, "http://127.0.0.1:1", "acc_1")
    folder.mkdir(parents=True)
    shutil.copy(FIXTURES / "cache_v1.sqlite3", folder / "cache.sqlite3")
    cache = AccountCache(folder)
    assert cache.open_notice is not None
    assert cache.open_notice.kind == "migrated"
    backup = cache.open_notice.moved_to
    assert backup is not None
    assert backup.exists()
    old = sqlite3.connect(backup)
    assert old.execute("PRAGMA user_version").fetchone()[0] == 1
    old.close()
    snapshot = cache.snapshot()
    assert snapshot.profile is not None
    assert snapshot.profile.first_name == "Camille"
    assert [s.id for s in snapshot.subscriptions] == ["sub_1"]
    assert snapshot.last_sync is not None
    assert snapshot.last_sync.year == 2026
    assert cache.etag("profile") == '"etag-profile-v1"'
    assert cache.page_states("subscriptions") == {}  # refetched at the next sync
    assert cache.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    cache.close()
    assert AccountCache(folder).open_notice is None  # migrated once


def test_migrates_a_stored_version_2_file_with_bills(data_dir: Path) -> None:
    folder = account_dir(data_dir, "http://127.0.0.1:1", "acc_1")
    folder.mkdir(parents=True)
    shutil.copy(FIXTURES / "cache_v2.sqlite3", folder / "cache.sqlite3")
    cache = AccountCache(folder)
    assert cache.open_notice is not None
    assert cache.open_notice.kind == "migrated"
    rows = cache.bill_rows()
    assert [r[BILL_NUMBER] for r in rows] == ["F-2025-000001", "F-2025-000002", "F-2025-000003"]
    assert [r[BILL_STATUS] for r in rows] == ["paid", "overdue", "due"]
    assert rows[0][BILL_TOTAL] == 3599
    assert cache.bill_rows_packed()[1].split(PACK_SEPARATOR)[BILL_STATUS] == "overdue"
    assert [b.status for b in cache.bills(status="overdue")] == ["overdue"]
    assert cache.page_states("bills")[""].etag == '"etag-bills-v2"'  # still conditional
    assert cache.snapshot().overdue_bills == 1


def test_a_corrupt_file_is_moved_aside_and_rebuilt(data_dir: Path) -> None:
    folder = account_dir(data_dir, "http://127.0.0.1:1", "acc_1")
    cache = AccountCache(folder)
    cache.replace_list("bills", [(f"b{n}", samples.bill(n)) for n in range(2000)], page())
    cache.close()
    raw = bytearray((folder / "cache.sqlite3").read_bytes())
    raw[4096 : 4096 * 3] = os.urandom(4096 * 2)  # scribble over pages, keep the header
    (folder / "cache.sqlite3").write_bytes(bytes(raw))
    reopened = AccountCache(folder)
    notice = reopened.open_notice
    assert notice is not None
    assert notice.kind == "corrupt"
    assert notice.moved_to is not None
    assert notice.moved_to.exists()
    assert "cache.sqlite3.corrupt-" in notice.moved_to.name
    assert reopened.bill_rows() == []
    assert reopened.snapshot().notice == notice
    assert reopened.db.execute("PRAGMA quick_check").fetchone()[0] == "ok"


def test_not_a_database_at_all_is_moved_aside(data_dir: Path) -> None:
    folder = account_dir(data_dir, "http://127.0.0.1:1", "acc_1")
    folder.mkdir(parents=True)
    (folder / "cache.sqlite3").write_bytes(b"this is not sqlite" * 100)
    cache = AccountCache(folder)
    assert cache.open_notice is not None
    assert cache.open_notice.kind == "corrupt"
    cache.save_document("profile", PROFILE, None)
    assert cache.profile() is not None


def test_a_file_from_a_newer_app_is_moved_aside(data_dir: Path) -> None:
    folder = account_dir(data_dir, "http://127.0.0.1:1", "acc_1")
    cache = AccountCache(folder)
    cache.save_document("profile", PROFILE, None)
    cache.db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    cache.close()
    reopened = AccountCache(folder)
    assert reopened.open_notice is not None
    assert reopened.open_notice.kind == "newer"
    assert reopened.profile() is None
    assert reopened.open_notice.moved_to is not None
    kept = sqlite3.connect(reopened.open_notice.moved_to)
    assert kept.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION + 1
    kept.close()


def test_servers_and_accounts_never_share_a_folder(data_dir: Path) -> None:
    folders = {
        account_dir(data_dir, "https://a.example", "acc_1"),
        account_dir(data_dir, "https://b.example", "acc_1"),
        account_dir(data_dir, "https://a.example", "acc_2"),
        account_dir(data_dir, "https://a.example", "../../etc"),
    }
    assert len(folders) == 4
    assert all(f.parent == data_dir / "accounts" for f in folders)


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_only_the_user_can_read_the_cache(data_dir: Path) -> None:
    folder = account_dir(data_dir, "https://a.example", "acc_1")
    cache = AccountCache(folder)
    cache.save_document("profile", PROFILE, None)
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    for name in ("cache.sqlite3", "cache.sqlite3-wal", "cache.sqlite3-shm"):
        path = folder / name
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, name


def test_size_is_reported_and_clearing_frees_it(data_dir: Path) -> None:
    cache = open_cache(data_dir)
    bills = [samples.bill(n) for n in range(50)]
    cache.replace_list("bills", [(b["id"], b) for b in bills], page())
    for b in bills:
        cache.save_pdf(b["id"], b"%PDF-1.4 " + os.urandom(20_000) + b" %%EOF", '"p"', "s")
    full = cache.size_bytes()
    assert full > 50 * 20_000
    cache.clear_pdfs()
    assert cache.pdf(bills[0]["id"]) is None
    assert cache.bills()  # bills stay
    without_pdfs = cache.size_bytes()
    assert without_pdfs < full / 4
    cache.clear()
    assert cache.bills() == []
    assert cache.last_sync() is None


def test_alerts_are_recorded_once_and_can_be_dismissed(data_dir: Path) -> None:
    import datetime as dt

    from icanal_desktop.core.cache import Alert

    cache = open_cache(data_dir)
    now = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    alert = Alert("new_bill:b1", "new_bill", "b1", {"number": "F-1"}, now)
    cache.add_alerts([alert, alert])
    cache.add_alerts([alert])
    assert [a.key for a in cache.alerts()] == ["new_bill:b1"]
    cache.dismiss_alert("new_bill:b1")
    assert cache.alerts() == []
    assert len(cache.alerts(include_dismissed=True)) == 1


def test_a_cache_locked_by_another_program_is_never_set_aside(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from icanal_desktop.core.cache.store import CacheBusyError

    folder = account_dir(data_dir, "http://127.0.0.1:1", "acc_1")
    cache = AccountCache(folder)
    cache.save_document("profile", PROFILE, None)
    cache.close()
    # Another program holds the file in rollback-journal mode with an exclusive lock.
    other = sqlite3.connect(folder / "cache.sqlite3", isolation_level=None)
    other.execute("PRAGMA journal_mode=DELETE")
    other.execute("BEGIN EXCLUSIVE")
    monkeypatch.setattr(AccountCache, "busy_timeout", 0.05)
    with pytest.raises(CacheBusyError):
        AccountCache(folder)
    other.execute("ROLLBACK")
    other.close()
    assert [p.name for p in folder.iterdir() if "corrupt" in p.name] == []
    reopened = AccountCache(folder)
    assert reopened.open_notice is None
    assert reopened.profile() is not None


def test_clearing_keeps_the_users_archive_limit(data_dir: Path) -> None:
    cache = open_cache(data_dir)
    cache.set_archive_cap(5_000_000)
    cache.save_changes_state("a-state")
    cache.mark_synced()
    cache.clear()
    assert cache.archive_cap() == 5_000_000  # a setting, not synced data
    assert cache.changes_state() is None  # the next sync is a full one
    assert cache.last_sync() is None
