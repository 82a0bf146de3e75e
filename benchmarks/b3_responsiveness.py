"""B3 responsiveness: the longest GUI-thread stall (10 ms heartbeat) during a full sync of
heavy@ with 300 ms of added server latency, and while a 20-page bill PDF opens in the
viewer. Baseline: the longest gap of the same heartbeat with the window idle, in the same
process just before (what the machine itself adds)."""

from __future__ import annotations

from pathlib import Path

from benchmarks.pdfgen import long_bill_pdf
from benchmarks.sandbox import run_child, sandbox
from benchmarks.table import Row, within

HEAVY = ("heavy@icanal.example", "Heavy-2026!")
DEMO = ("demo@icanal.example", "Demo-2026!")


def measure(work: Path, quick: bool) -> list[Row]:
    login, latency = (DEMO, "20ms") if quick else (HEAVY, "300ms")
    pages = 3 if quick else 20
    pdf = work / "long.pdf"
    pdf.write_bytes(long_bill_pdf(pages))
    with sandbox(work / "sandbox", "--faults", f"latency={latency},seed=1") as server:
        result = run_child(
            "b3_child",
            [server.url, str(work / "data"), login[0], login[1], str(pdf),
             "1" if quick else "3"],
            timeout=2400,
        )  # fmt: skip
    idle = result["idle_ms"]
    who = login[0].split("@")[0] + "@"
    return [
        Row("B3", f"longest GUI stall, full sync of {who} (+{latency}/request)",
            result["sync_stall_ms"], "ms", baseline=idle, baseline_what="same heartbeat, idle",
            target="<= 50 ms", met=within(result["sync_stall_ms"], 50),
            note=f"the sync took {result['sync_seconds']:.0f} s "
            f"({result['beats']} beats of a 10 ms timer)"),
        Row("B3", f"longest GUI stall, opening a {result['pdf_pages']}-page bill PDF",
            result["pdf_stall_ms"], "ms", baseline=idle, baseline_what="same heartbeat, idle",
            target="<= 50 ms", met=within(result["pdf_stall_ms"], 50),
            note=f"click → first page painted in {result['pdf_open_ms']:.0f} ms"),
    ]  # fmt: skip
