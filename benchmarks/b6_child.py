"""One B6 measurement in its own process: `python -m benchmarks.b6_child subject|baseline
DATA_DIR SERVER_URL OPENS` (the server is stopped: offline)."""

from __future__ import annotations

import sys
import time
from pathlib import Path

from keyring.backends import null
from PySide6.QtCore import QBuffer, QByteArray, QIODevice
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView

from benchmarks.qt_support import PdfPainted, application, spin, wait_until
from benchmarks.sandbox import report
from icanal_desktop.app import build_app
from icanal_desktop.core.accounts import AccountRegistry
from icanal_desktop.core.cache import AccountCache
from icanal_desktop.core.cache.paths import account_dir
from icanal_desktop.core.config import AppConfig
from icanal_desktop.core.credentials import CredentialStore
from icanal_desktop.gui.views.billing.bill_detail import BillDetailPane


def _cached_pdfs(data_dir: Path, server: str) -> dict[str, bytes]:
    known = AccountRegistry(data_dir).all()[0]
    cache = AccountCache(account_dir(data_dir, server, known.account_id))
    try:
        return {bill_id: cache.pdf(bill_id) or b"" for bill_id in sorted(cache.pdf_ids())}
    finally:
        cache.close()


def subject(data_dir: Path, server: str, opens: int) -> list[float]:
    application()
    credentials = CredentialStore(backend=null.Keyring())  # type: ignore[no-untyped-call]
    parts = build_app(AppConfig(server_url=server, data_dir=data_dir), credentials=credentials)
    window, session = parts.main_window, parts.session
    window.show()
    session.open_account(AccountRegistry(data_dir).all()[0])  # offline: the cache only
    bills = window.bills
    window.tabs.setCurrentWidget(bills)
    wait_until(lambda: bills.model.rowCount() > 0 and not session.busy, 60)
    bills.detail.tabs.setCurrentIndex(BillDetailPane.PDF)
    wait_until(lambda: bills.detail.pdf.has_pdf, 30)
    spin(0.3)
    painted = PdfPainted(bills.detail.pdf.view)
    with_pdf = set(_cached_pdfs(data_dir, server))
    rows = [r for r in range(bills.model.rowCount()) if bills.model.row_data(r)[0] in with_pdf]
    times = []
    for row in rows[1 : opens + 1]:  # the first one is already shown
        painted.arm()
        start = time.perf_counter()
        bills.table.selectRow(row)  # what a click on the bill does
        wait_until(lambda: painted.done_at is not None, 30)
        assert painted.done_at is not None
        times.append((painted.done_at - start) * 1000)
        spin(0.2)
    parts.shutdown()
    return times


def baseline(data_dir: Path, server: str, opens: int) -> list[float]:
    application()
    pdfs = list(_cached_pdfs(data_dir, server).values())
    document = QPdfDocument()
    view = QPdfView()
    view.setDocument(document)
    view.setPageMode(QPdfView.PageMode.MultiPage)
    view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
    view.resize(360, 600)
    view.show()
    painted = PdfPainted(view)
    buffers = []
    spin(0.3)
    times = []
    for data in pdfs[1 : opens + 1]:
        painted.arm()
        start = time.perf_counter()
        buffer = QBuffer()
        buffer.setData(QByteArray(data))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        document.load(buffer)
        buffers.append(buffer)
        wait_until(lambda: painted.done_at is not None, 30)
        assert painted.done_at is not None
        times.append((painted.done_at - start) * 1000)
        spin(0.2)
    return times


def main() -> None:
    mode, data_dir, server, opens = sys.argv[1], Path(sys.argv[2]), sys.argv[3], int(sys.argv[4])
    report({"opens_ms": (subject if mode == "subject" else baseline)(data_dir, server, opens)})


if __name__ == "__main__":
    main()
