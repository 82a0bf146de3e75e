"""B6 offline open: selecting a bill whose PDF is in the cache, with the PDF tab shown and
the app offline, until the page is painted in the viewer. Baseline: a bare QPdfView
loading the same bytes. Alternating processes; the median over the bills opened."""

from __future__ import annotations

import statistics
from pathlib import Path
from typing import Any

from benchmarks.profiles import synced_data_dir
from benchmarks.sandbox import run_child
from benchmarks.table import Row, within

DEMO = ("demo@icanal.example", "Demo-2026!")
HEAVY = ("heavy@icanal.example", "Heavy-2026!")


def measure(work: Path, quick: bool) -> list[Row]:
    data_dir, known = synced_data_dir(work, DEMO if quick else HEAVY)
    runs = 1 if quick else 3
    opens = "2" if quick else "6"
    results: dict[str, list[dict[str, Any]]] = {"subject": [], "baseline": []}
    for n in range(runs):
        order = ["subject", "baseline"] if n % 2 == 0 else ["baseline", "subject"]
        for mode in order:
            results[mode].append(
                run_child("b6_child", [mode, str(data_dir), known.server_url, opens])
            )
    subject = [ms for r in results["subject"] for ms in r["opens_ms"]]
    baseline = [ms for r in results["baseline"] for ms in r["opens_ms"]]
    value, base = statistics.median(subject), statistics.median(baseline)
    return [
        Row("B6", "open a cached bill PDF, offline", value, "ms",
            baseline=base, baseline_what="bare QPdfView, same bytes",
            target="<= 200 ms", met=within(value, 200),
            note=f"median of {len(subject)} opens (click on a bill → first page painted); "
            f"worst {max(subject):.0f} ms (baseline {max(baseline):.0f} ms)"),
    ]  # fmt: skip
