"""`AccountCache.bill_rows()` reads the packed column (benchmark B4: twice as fast) and
must give exactly what the columns hold."""

from __future__ import annotations

from pathlib import Path

from icanal_desktop.core.cache import AccountCache, PageState
from icanal_desktop.core.cache.store import BILL_COLUMNS

from ..core.samples import bill


def columns(cache: AccountCache, where: str = "", params: tuple[object, ...] = ()) -> list[object]:
    sql = f"SELECT {', '.join(BILL_COLUMNS)} FROM bills {where} ORDER BY rowid"  # noqa: S608
    return list(cache.db.execute(sql, params).fetchall())


def test_bill_rows_are_the_stored_columns_in_the_servers_order(tmp_path: Path) -> None:
    cache = AccountCache(tmp_path / "account")
    try:
        items = [
            (f"bill_{n:06d}", bill(n, status=("paid", "due")[n % 2], year=2024 + n % 2))
            for n in (5, 1, 9, 3, 7, 2, 17)
        ]
        items[1][1]["subscription_id"] = None  # a bill of no subscription
        items[2][1]["total"]["amount"] = 0
        cache.replace_list("bills", items, [PageState("", None, None, tuple(i for i, _ in items))])

        rows = cache.bill_rows()
        assert rows == columns(cache)
        assert [r[0] for r in rows] == [i for i, _ in items]
        assert rows[1][11] is None
        assert rows[2][8] == 0
        assert all(isinstance(r[n], int) for r in rows for n in (6, 7, 8))
        # Repeated values are one string in memory (100,000 bills: 75 MiB -> 32 MiB).
        first, same_month = rows[0], rows[6]  # bills 5 and 17: same dates, same status
        assert first[2:6] == same_month[2:6]
        assert all(a is b for a, b in zip(first[2:6], same_month[2:6], strict=True))
        assert first[10] is same_month[10]
        assert first[9] is rows[3][9]  # "EUR"
        assert cache.bill_rows(year=2025) == columns(
            cache, "WHERE issue_date >= ? AND issue_date < ?", ("2025-01-01", "2026-01-01")
        )
        assert cache.bill_rows(status="due") == columns(cache, "WHERE status = ?", ("due",))

        cache.db.execute("UPDATE bills SET packed = '' WHERE id = 'bill_000009'")
        assert cache.bill_rows() == columns(cache)  # not packed: read from the columns
    finally:
        cache.close()
