"""B3 in its own process: `python -m benchmarks.b3_child SERVER DATA_DIR LOGIN PASSWORD
PDF_FILE IDLE_SECONDS`. A 10 ms heartbeat on the GUI thread of the real app (main window
shown) records the longest stall: idle first (the floor), then during a full sync through
the Session (signed in as a user would), then while a long bill PDF opens in the viewer."""

from __future__ import annotations

import sys
import time
from pathlib import Path

from keyring.backends import null

from benchmarks.qt_support import Heartbeat, PdfPainted, application, spin, wait_until
from benchmarks.sandbox import report
from icanal_desktop.app import build_app
from icanal_desktop.core.actions import Outcome
from icanal_desktop.core.cache import AccountCache
from icanal_desktop.core.cache.store import BILL_ID
from icanal_desktop.core.config import AppConfig
from icanal_desktop.core.credentials import CredentialStore
from icanal_desktop.gui.operations import Request
from icanal_desktop.gui.operations.outcomes import unchanged
from icanal_desktop.gui.session import ConnectionState
from icanal_desktop.gui.views.billing.bill_detail import BillDetailPane


def main() -> None:
    server, data_dir, login, password, pdf_file = sys.argv[1:6]
    idle_seconds = float(sys.argv[6])
    pdf = Path(pdf_file).read_bytes()
    application()
    credentials = CredentialStore(backend=null.Keyring())  # type: ignore[no-untyped-call]
    parts = build_app(
        AppConfig(server_url=server, data_dir=Path(data_dir)), credentials=credentials
    )
    window, session = parts.main_window, parts.session
    window.show()
    # Every tab built, as after a user visited them all: the sync's end then reloads all
    # six (the worst case; a tab never shown is never built and never reloads).
    for index in range(window.tabs.count()):
        window.tabs.page(index)
    spin(0.5)
    heartbeat = Heartbeat()

    heartbeat.start()
    spin(idle_seconds)
    idle = heartbeat.stop()

    heartbeat.start()
    start = time.perf_counter()
    session.sign_in(login, password, remember=False)  # then the first full sync
    wait_until(lambda: session.state == ConnectionState.ONLINE, 120)
    wait_until(lambda: session.snapshot is not None and not session.busy, 1800)
    sync_seconds = time.perf_counter() - start
    spin(1.0)  # the tabs reload what changed
    sync_stall = heartbeat.stop()
    beats = heartbeat.beats

    bills = window.bills
    window.tabs.setCurrentWidget(bills)
    wait_until(lambda: bills.model.rowCount() > 2, 60)
    bills.table.selectRow(0)
    bills.detail.tabs.setCurrentIndex(BillDetailPane.PDF)
    wait_until(lambda: bills.detail.pdf.has_pdf, 60)
    spin(0.5)
    bill_id = bills.model.row_data(2)[BILL_ID]

    def store(_client: object, cache: AccountCache, _key: str) -> Outcome[None]:
        cache.save_pdf(bill_id, pdf, None, "benchmark: a 20-page bill")
        return unchanged(None)

    stored: list[object] = []
    session.operations.start(Request("benchmark-pdf", (), store), stored.append)
    wait_until(lambda: bool(stored), 60)
    painted = PdfPainted(bills.detail.pdf.view)
    heartbeat.start()
    painted.arm()
    start = time.perf_counter()
    bills.table.selectRow(2)  # a click on that bill
    wait_until(lambda: painted.done_at is not None, 60)
    assert painted.done_at is not None
    open_ms = (painted.done_at - start) * 1000
    spin(1.0)
    pdf_stall = heartbeat.stop()
    pages = bills.detail.pdf.document.pageCount()
    parts.shutdown()
    report(
        {
            "idle_ms": idle,
            "sync_stall_ms": sync_stall,
            "sync_seconds": sync_seconds,
            "beats": beats,
            "pdf_stall_ms": pdf_stall,
            "pdf_open_ms": open_ms,
            "pdf_pages": pages,
        }
    )


if __name__ == "__main__":
    main()
