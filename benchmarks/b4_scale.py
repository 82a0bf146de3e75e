"""B4 scale: 100,000 bills in an account's cache. The Bills tab's own model, used the way
the window uses it, against the same rows in a QStandardItemModel behind a
QSortFilterProxyModel. One process per measurement (`b4_child`), alternating subject and
baseline, so each process's peak memory is its own."""

from __future__ import annotations

import random
import statistics
from pathlib import Path
from typing import Any

from benchmarks.sandbox import run_child
from benchmarks.table import Row, within
from icanal_desktop.core.accounts import AccountRegistry, KnownAccount
from icanal_desktop.core.cache import AccountCache, PageState
from icanal_desktop.core.cache.paths import account_dir

SERVER = "http://127.0.0.1:9"  # nothing listens there: the account opens offline
ACCOUNT = "acc_benchscale"
STATUSES = ("paid",) * 17 + ("due", "overdue", "failed")


def fake_bill(n: int, rng: random.Random) -> dict[str, Any]:
    year, month = 1990 + rng.randrange(37), rng.randrange(1, 13)
    total = rng.randrange(999, 16000)
    tax = total // 6

    def money(amount: int) -> dict[str, Any]:
        return {"amount": amount, "currency": "EUR"}

    return {
        "id": f"bil_{n:07d}",
        "number": f"F-{year}-{n:07d}",
        "subscription_id": f"sub_{n % 40:03d}",
        "period_start": f"{year}-{month:02d}-01",
        "period_end": f"{year}-{month:02d}-28",
        "issue_date": f"{year}-{month:02d}-01",
        "due_date": f"{year}-{month:02d}-15",
        "total_excl_tax": money(total - tax),
        "tax": money(tax),
        "total": money(total),
        "status": rng.choice(STATUSES),
    }


def fill_cache(data_dir: Path, count: int) -> KnownAccount:
    """A data folder whose one known account has `count` bills in its cache."""
    rng = random.Random(8)  # reproducible data
    known = KnownAccount(SERVER, ACCOUNT, "scale@icanal.example", "Scale Bench")
    AccountRegistry(data_dir).record_sign_in(known)
    cache = AccountCache(account_dir(data_dir, SERVER, ACCOUNT))
    try:
        items = [(f"bil_{n:07d}", fake_bill(n, rng)) for n in range(count)]
        pages = [PageState("", None, None, tuple(i for i, _ in items))]
        cache.replace_list("bills", items, pages)
    finally:
        cache.close()
    return known


def measure(work: Path, quick: bool) -> list[Row]:
    count = 2_000 if quick else 100_000
    data_dir = work / "data"
    fill_cache(data_dir, count)
    runs = 1 if quick else 2
    results: dict[str, list[dict[str, Any]]] = {"subject": [], "baseline": []}
    for n in range(runs):
        order = ["subject", "baseline"] if n % 2 == 0 else ["baseline", "subject"]
        for mode in order:
            results[mode].append(run_child("b4_child", [mode, str(data_dir), str(count)]))
    subject, baseline = results["subject"], results["baseline"]

    def med(runs_: list[dict[str, Any]], key: str) -> float:
        return float(statistics.median(r[key] for r in runs_))

    def peak(runs_: list[dict[str, Any]]) -> float:
        return float(max(r["max_rss_kib"] for r in runs_)) / 1024

    scale = f"{count:,} bills"
    keys = len(subject[0]["keystrokes_ms"])
    sorts = len(subject[0]["sorts_ms"])
    fill, keystroke, sort_ms = med(subject, "fill_ms"), med(subject, "keystroke_ms"), None
    sort_ms = med(subject, "sort_ms")
    mem = peak(subject)
    base = "QStandardItemModel + proxy"
    note_runs = f"median of {runs} process(es) each"
    return [
        Row("B4", f"fill the bills model ({scale}): cache → shown", fill, "ms",
            baseline=med(baseline, "fill_ms"), baseline_what=base, target="<= 300 ms",
            met=within(fill, 300),
            note=f"{note_runs}; of which {med(subject, 'load_ms'):.0f} ms reading the cache and "
            f"preparing off the GUI thread, {med(subject, 'gui_fill_ms'):.0f} ms on it; the "
            f"search text ready {med(subject, 'search_ready_ms'):.0f} ms after the start (built "
            "in slices once the rows are shown)"),
        Row("B4", "  GUI thread part of the fill", med(subject, "gui_fill_ms"), "ms"),
        Row("B4", f"filter keystroke (median of {keys})", keystroke, "ms",
            baseline=med(baseline, "keystroke_ms"), baseline_what=base, target="<= 50 ms",
            met=within(keystroke, 50),
            note="the search box's filter after its debounce, with the repaint; worst "
            f"keystroke {med(subject, 'keystroke_max_ms'):.0f} ms (baseline "
            f"{med(baseline, 'keystroke_max_ms'):.0f} ms)"),
        Row("B4", f"sort by a column (median of {sorts})", sort_ms, "ms",
            baseline=med(baseline, "sort_ms"), baseline_what=base,
            note=f"worst {med(subject, 'sort_max_ms'):.0f} ms (baseline "
            f"{med(baseline, 'sort_max_ms'):.0f} ms)"),
        Row("B4", "peak memory of the process (ru_maxrss)", mem, "MiB",
            baseline=peak(baseline), baseline_what=base, target="<= 300 MiB",
            met=within(mem, 300)),
    ]  # fmt: skip
