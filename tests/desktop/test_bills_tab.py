"""Bills tab (F13–F16, F19) through the real widgets, against real sandbox processes: the
filters and search give the server's rows, the PDF opens online and offline, a bill is
paid once although its answer was dropped, a problem report is linked to its bill, and
the exports (CSV, .ics) read back."""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Iterator
from pathlib import Path

import icalendar
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableView
from pytestqt.qtbot import QtBot

from icanal_desktop.app import AppParts
from icanal_desktop.core import exports
from icanal_desktop.core.cache import AccountCache
from icanal_desktop.gui.session import ConnectionState
from icanal_desktop.gui.views.billing.bill_detail import BillDetailPane
from icanal_desktop.gui.views.billing.bills_tab import BillsTab

from ..conftest import DEMO, SECOND, SandboxProcess, start_sandbox
from .driver import Api, build, forget_detail, sign_in

# With this seed, the first request a fresh server answers is dropped after it ran, and
# the next 59 are not (FaultInjector draws 4 numbers per request; the 2nd decides drops).
DROP_FIRST = "drop_rate=0.05,seed=662"
SCALE = ("scale@icanal.example", "Scale-2026!")


@pytest.fixture
def parts(qtbot: QtBot, data_dir: Path) -> Iterator[list[AppParts]]:
    started: list[AppParts] = []
    yield started
    for app in started:
        app.shutdown()


def open_bills(
    qtbot: QtBot,
    started: list[AppParts],
    url: str,
    data_dir: Path,
    login: tuple[str, str] = DEMO,
) -> BillsTab:
    app = build(qtbot, url, data_dir)
    started.append(app)
    sign_in(qtbot, app, *login)
    window = app.main_window
    tab = window.bills
    assert isinstance(tab, BillsTab)
    window.tabs.setCurrentWidget(tab)
    qtbot.waitUntil(lambda: tab.model.total_count() > 0, timeout=10_000)
    return tab


def numbers(tab: BillsTab) -> list[str]:
    return [tab.model.bill(row).number for row in range(tab.model.rowCount())]


def click_row(qtbot: QtBot, table: QTableView, row: int) -> None:
    index = table.model().index(row, 0)
    table.scrollTo(index)
    qtbot.mouseClick(
        table.viewport(), Qt.MouseButton.LeftButton, pos=table.visualRect(index).center()
    )


def select_bill(qtbot: QtBot, tab: BillsTab, bill_id: str) -> None:
    row = tab.model.row_of(bill_id)
    assert row >= 0
    click_row(qtbot, tab.table, row)
    qtbot.waitUntil(lambda: tab.detail.bill is not None and tab.detail.bill.id == bill_id)


def test_filters_and_search_show_the_servers_rows(
    qtbot: QtBot, qtmodeltester, sandbox: SandboxProcess, data_dir: Path, parts: list[AppParts]
) -> None:
    tab = open_bills(qtbot, parts, sandbox.url, data_dir)
    api = Api(sandbox.url)
    everything = api.all_items("/bills")
    assert tab.model.total_count() == len(everything)
    assert numbers(tab) == [str(b["number"]) for b in everything]  # the server's order
    qtmodeltester.check(tab.model)

    year = int(str(everything[len(everything) // 2]["issue_date"])[:4])
    tab.year_filter.setCurrentIndex(tab.year_filter.findData(year))
    expected = sorted(str(b["number"]) for b in api.all_items(f"/bills?year={year}"))
    assert 0 < len(expected) < len(everything)
    assert sorted(numbers(tab)) == expected
    assert tab.count_label.text() == f"{len(expected)} of {len(everything)} bills"

    tab.year_filter.setCurrentIndex(0)
    tab.status_filter.setCurrentIndex(tab.status_filter.findData("overdue"))
    overdue = sorted(str(b["number"]) for b in api.all_items("/bills?status=overdue"))
    assert overdue
    assert sorted(numbers(tab)) == overdue
    assert all(tab.model.data(tab.model.index(r, 5)) == "Overdue" for r in range(len(overdue)))
    assert tab.model.data(tab.model.index(0, 5), Qt.ItemDataRole.ForegroundRole) is not None
    qtmodeltester.check(tab.model)

    tab.status_filter.setCurrentIndex(0)
    target = str(everything[-1]["number"])
    fragment = target[-5:]
    qtbot.keyClicks(tab.search, fragment.lower())
    wanted = sorted(str(b["number"]) for b in everything if fragment in str(b["number"]))
    qtbot.waitUntil(lambda: sorted(numbers(tab)) == wanted)
    assert target in numbers(tab)

    tab.search.clear()
    qtbot.waitUntil(lambda: tab.model.rowCount() == len(everything))
    tab.table.sortByColumn(4, Qt.SortOrder.DescendingOrder)  # amount, biggest first
    amounts = [tab.model.bill(r).total.amount for r in range(tab.model.rowCount())]
    assert amounts == sorted(amounts, reverse=True)
    qtmodeltester.check(tab.model)

    select_bill(qtbot, tab, str(everything[0]["id"]))
    qtbot.waitUntil(lambda: tab.detail.lines_model.rowCount() > 0)
    server_detail = api.get(f"/bills/{everything[0]['id']}")
    assert isinstance(server_detail, dict)
    assert tab.detail.lines_model.rowCount() == len(server_detail["lines"])
    assert tab.detail.payments_model.rowCount() == len(server_detail["payments"])
    qtmodeltester.check(tab.detail.lines_model)
    qtmodeltester.check(tab.detail.payments_model)


def test_a_pdf_opens_online_and_after_a_sync_offline(
    qtbot: QtBot, sandbox: SandboxProcess, data_dir: Path, parts: list[AppParts]
) -> None:
    tab = open_bills(qtbot, parts, sandbox.url, data_dir)
    session = parts[0].session
    qtbot.waitUntil(lambda: not session.busy, timeout=20_000)  # the archive is downloaded
    today = dt.date.today()
    bills = tab.model.visible_bills()
    recent = bills[0]  # kept offline by the sync
    old = [b for b in bills if (today - b.issue_date).days > 500]
    assert len(old) >= 2, "the demo account needs old bills"
    downloaded, never = old[0], old[1]
    # A size limit that keeps only the newest bills' PDFs offline (Settings).
    removed: list[int] = []

    def keep_newest(cache: AccountCache) -> int:
        return cache.set_archive_cap(sum(e.pdf_size for e in cache.archive_entries()[:3]))

    session.run_action("limit", lambda _c, cache: keep_newest(cache), removed.append)
    qtbot.waitUntil(lambda: bool(removed))

    tab.detail.tabs.setCurrentIndex(BillDetailPane.PDF)
    select_bill(qtbot, tab, recent.id)
    qtbot.waitUntil(lambda: tab.detail.pdf.has_pdf)
    assert tab.detail.pdf.document.pageCount() >= 1
    assert tab.detail.pdf.save_button.isEnabled()

    select_bill(qtbot, tab, downloaded.id)  # not kept offline: downloaded on demand
    qtbot.waitUntil(lambda: tab.detail.pdf.has_pdf, timeout=10_000)
    saved = data_dir / "saved.pdf"
    tab.detail.pdf.save_to(saved)  # written off the GUI thread
    qtbot.waitUntil(lambda: saved.exists() and saved.read_bytes().rstrip().endswith(b"%%EOF"))
    assert saved.read_bytes().startswith(b"%PDF")

    sandbox.stop()
    session.sync()
    qtbot.waitUntil(lambda: session.state == ConnectionState.OFFLINE, timeout=15_000)
    for bill in (recent, downloaded):
        select_bill(qtbot, tab, bill.id)
        qtbot.waitUntil(lambda: tab.detail.pdf.has_pdf)
    select_bill(qtbot, tab, never.id)
    qtbot.waitUntil(lambda: "has not been downloaded" in tab.detail.pdf.message.text())
    assert never.number in tab.detail.pdf.message.text()
    assert not tab.detail.pdf.has_pdf
    assert not tab.detail.pdf.print_button.isEnabled()
    assert not tab.detail.pay_button.isEnabled()


def test_pay_an_overdue_bill_once_when_the_answer_is_dropped_and_the_button_pressed_twice(
    qtbot: QtBot, tmp_path: Path, data_dir: Path, parts: list[AppParts]
) -> None:
    server_folder = tmp_path / "server"
    server_folder.mkdir()
    first = start_sandbox(server_folder)
    try:
        tab = open_bills(qtbot, parts, first.url, data_dir)
    finally:
        first.stop()
    port = first.url.rsplit(":", 1)[1]
    faulty = start_sandbox(server_folder, "--port", port, "--faults", DROP_FIRST)
    try:
        tab.status_filter.setCurrentIndex(tab.status_filter.findData("overdue"))
        bill = tab.model.bill(0)
        select_bill(qtbot, tab, bill.id)
        qtbot.waitUntil(tab.detail.pay_button.isEnabled)
        qtbot.mouseClick(tab.detail.pay_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: tab.pay_dialog is not None and tab.pay_dialog.isVisible())
        dialog = tab.pay_dialog
        assert dialog is not None
        default = next(m for m in dialog.methods if m.is_default)
        assert dialog.method_combo.currentData() == default.id
        assert dialog.amount_label.text() == tab.detail.fields["total"].text()

        qtbot.mouseClick(dialog.pay_button, Qt.MouseButton.LeftButton)
        qtbot.mouseClick(dialog.pay_button, Qt.MouseButton.LeftButton)  # impatient
        dialog.pay()  # and once more from code: still one request in flight
        qtbot.waitUntil(lambda: dialog.payment is not None, timeout=20_000)
        payment = dialog.payment
        assert payment is not None
        assert dialog.attempts == 1
        assert payment.reference in dialog.receipt.text()
        assert dialog.pages.currentIndex() == 1

        api = Api(faulty.url)
        payments = api.all_items(f"/payments?bill_id={bill.id}")
        mine = [p for p in payments if p["id"] == payment.id]
        assert len(mine) == 1
        assert [p for p in payments if p["status"] == "succeeded"] == mine
        # The app's own client counts what it sent: the dropped answer was retried.
        current = parts[0].session._current
        assert current is not None
        assert current.client.attempts[("POST", f"/bills/{bill.id}/payments")] == 2

        tab.status_filter.setCurrentIndex(0)
        qtbot.waitUntil(lambda: tab.model.bill(tab.model.row_of(bill.id)).status == "paid")
        assert tab.payments.model.rowCount() > 0
        qtbot.waitUntil(lambda: any(p.id == payment.id for p in tab.payments.model.records()))
    finally:
        faulty.stop()


def test_report_a_problem_opens_a_ticket_linked_to_the_bill(
    qtbot: QtBot, sandbox: SandboxProcess, data_dir: Path, parts: list[AppParts]
) -> None:
    tab = open_bills(qtbot, parts, sandbox.url, data_dir)
    bill = tab.model.bill(0)
    select_bill(qtbot, tab, bill.id)
    qtbot.mouseClick(tab.detail.report_button, Qt.MouseButton.LeftButton)
    dialog = tab.ticket_dialog
    assert dialog is not None
    assert dialog.isVisible()
    assert bill.number in dialog.subject_edit.text()
    assert dialog.category_combo.currentData() == "billing"
    qtbot.mouseClick(dialog.send_button, Qt.MouseButton.LeftButton)  # no message yet
    assert dialog.error.isVisible()
    qtbot.keyClicks(dialog.message_edit, "The amount looks wrong.")
    qtbot.mouseClick(dialog.send_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.ticket is not None, timeout=10_000)
    thread = dialog.ticket
    assert thread is not None
    tickets = Api(sandbox.url).all_items("/support/tickets")
    linked = [t for t in tickets if t.get("bill_id") == bill.id]
    assert [t["number"] for t in linked] == [thread.ticket.number]
    assert thread.ticket.number in tab.status.text()


def test_exports_reopen_with_the_same_rows(
    qtbot: QtBot, sandbox: SandboxProcess, data_dir: Path, tmp_path: Path, parts: list[AppParts]
) -> None:
    tab = open_bills(qtbot, parts, sandbox.url, data_dir)
    api = Api(sandbox.url)

    server_payments = api.all_items("/payments")
    qtbot.waitUntil(lambda: tab.payments.model.rowCount() == len(server_payments))
    csv_path = tmp_path / "payments.csv"
    with qtbot.waitSignal(tab.payments.exported, timeout=10_000):  # written off the GUI thread
        tab.payments.export_to(csv_path)
    rows = exports.read_csv(csv_path)
    assert rows[0] == list(exports.PAYMENT_CSV_HEADER)
    assert rows[1:] == [exports.payment_csv_row(p) for p in tab.payments.visible_payments()]
    assert sorted(r[6] for r in rows[1:]) == sorted(str(p["reference"]) for p in server_payments)

    year = tab.model.years()[1]
    tab.year_filter.setCurrentIndex(tab.year_filter.findData(year))
    assert tab.export_button.isEnabled()
    folder = tmp_path / "export"
    tab.export_year_to(folder, year)
    csv_file = folder / exports.bills_csv_name(year)
    qtbot.waitUntil(csv_file.exists, timeout=20_000)
    qtbot.waitUntil(lambda: "written" in tab.status.text(), timeout=20_000)
    rows = exports.read_csv(csv_file)
    server_bills = api.all_items(f"/bills?year={year}")
    assert sorted(r[0] for r in rows[1:]) == sorted(str(b["number"]) for b in server_bills)
    assert rows[1:] == [
        exports.bill_csv_row(b, r[10])
        for b, r in zip(tab.model.visible_bills(), rows[1:], strict=True)
    ]
    for row in rows[1:]:
        assert row[10], "online, every PDF of the year is exported"
        assert (folder / row[10]).read_bytes().startswith(b"%PDF")

    ics = tmp_path / "reminders.ics"
    tab.export_calendar_to(ics)
    qtbot.waitUntil(ics.exists)
    calendar = icalendar.Calendar.from_ical(ics.read_bytes())
    events = list(calendar.walk("VEVENT"))
    today = dt.date.today()
    upcoming = [
        b
        for b in api.all_items("/bills")
        if b["status"] in ("due", "overdue", "failed")
        and dt.date.fromisoformat(str(b["due_date"])) >= today
    ]
    due_days = sorted(e.decoded("DTSTART") for e in events if "bill" in str(e["UID"]))
    assert due_days == sorted(dt.date.fromisoformat(str(b["due_date"])) for b in upcoming)
    assert any("renewal" in str(e["UID"]) for e in events)
    assert all(str(e["SUMMARY"]).startswith("iCanal") for e in events)


def test_reminders_are_notified_once_and_not_when_turned_off(
    qtbot: QtBot, sandbox: SandboxProcess, data_dir: Path, parts: list[AppParts]
) -> None:
    tab = open_bills(qtbot, parts, sandbox.url, data_dir)
    settings = parts[0].settings
    notifier = parts[0].main_window.notifier  # the window's, not the Bills tab's
    due = [b for b in tab.model.visible_bills() if b.status == "due"]
    assert due
    day = due[0].due_date - dt.timedelta(days=2)
    seen: list[str] = []
    notifier.reminded.connect(lambda key, title, body: seen.append(key))

    settings.set_notifications_enabled(False)
    notifier.check(today=day)
    qtbot.wait(300)  # nothing may come: give a wrong implementation its chance
    assert seen == []

    settings.set_notifications_enabled(True)
    notifier.check(today=day)
    qtbot.waitUntil(lambda: f"bill_due:{due[0].id}:{due[0].due_date.isoformat()}" in seen)
    count = len(seen)
    notifier.check(today=day)
    qtbot.wait(300)
    assert len(seen) == count  # once per event
    assert set(notifier.shown_keys()) >= set(seen)


def test_retrying_after_every_answer_was_lost_replays_the_same_payment(
    qtbot: QtBot, tmp_path: Path, data_dir: Path, parts: list[AppParts]
) -> None:
    """The user's own retry, after the app gave up, sends the same key: one charge."""
    server_folder = tmp_path / "server"
    server_folder.mkdir()
    first = start_sandbox(server_folder)
    try:
        tab = open_bills(qtbot, parts, first.url, data_dir)
    finally:
        first.stop()
    session = parts[0].session
    port = first.url.rsplit(":", 1)[1]
    tab.status_filter.setCurrentIndex(tab.status_filter.findData("overdue"))
    bill = tab.model.bill(0)
    select_bill(qtbot, tab, bill.id)
    qtbot.mouseClick(tab.detail.pay_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.pay_dialog is not None and tab.pay_dialog.isVisible())
    dialog = tab.pay_dialog
    assert dialog is not None
    key = dialog.idempotency_key

    lossy = start_sandbox(server_folder, "--port", port, "--faults", "drop_rate=1.0")
    try:
        qtbot.mouseClick(dialog.pay_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(dialog.error.isVisible, timeout=60_000)
        assert "will not charge you twice" in dialog.error.text()
        assert not dialog.method_combo.isEnabled()  # a retry must be the same request
        qtbot.waitUntil(lambda: session.state == ConnectionState.OFFLINE)
        assert not dialog.pay_button.isEnabled()
    finally:
        lossy.stop()

    clean = start_sandbox(server_folder, "--port", port)
    try:
        session.retry_now()
        qtbot.waitUntil(lambda: session.state == ConnectionState.ONLINE, timeout=20_000)
        qtbot.waitUntil(dialog.pay_button.isEnabled)
        qtbot.mouseClick(dialog.pay_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: dialog.payment is not None, timeout=20_000)
        payment = dialog.payment
        assert payment is not None
        assert dialog.idempotency_key == key
        assert dialog.attempts == 2
        payments = Api(clean.url).all_items(f"/payments?bill_id={bill.id}")
        succeeded = [p for p in payments if p["status"] == "succeeded"]
        assert [p["id"] for p in succeeded] == [payment.id]
    finally:
        clean.stop()


def test_details_the_cache_lacks_are_fetched_when_a_bill_is_opened(
    qtbot: QtBot, tmp_path: Path, data_dir: Path, parts: list[AppParts]
) -> None:
    server = start_sandbox(tmp_path, "--scale-bills", "300")
    try:
        tab = open_bills(qtbot, parts, server.url, data_dir, SCALE)
        oldest = tab.model.visible_bills()[-1]
        # As a copy made by an older version, or from a server that ignores the expansion.
        kept: list[object] = []
        parts[0].session.run_action(
            "forget", lambda _c, cache: forget_detail(cache, "bill", oldest.id), kept.append
        )
        qtbot.waitUntil(lambda: len(kept) == 1)
        assert kept == [None]

        select_bill(qtbot, tab, oldest.id)
        server_detail = Api(server.url, SCALE).get(f"/bills/{oldest.id}")
        assert isinstance(server_detail, dict)
        qtbot.waitUntil(
            lambda: tab.detail.lines_model.rowCount() == len(server_detail["lines"]) > 0,
            timeout=10_000,
        )
        labels = [line.label for line in tab.detail.lines_model.records()]
        assert labels == [line["label"] for line in server_detail["lines"]]
    finally:
        server.stop()


def test_an_account_opened_while_the_bills_load_gets_its_own_bills(
    qtbot: QtBot, sandbox: SandboxProcess, data_dir: Path, parts: list[AppParts]
) -> None:
    tab = open_bills(qtbot, parts, sandbox.url, data_dir)
    app = parts[0]
    session = app.session
    demo_numbers = set(numbers(tab))
    # Hold the cache's writer so that a reload of demo@'s bills is still queued when the
    # second account opens: its result must not hold back (or show in place of) the new
    # account's bills.
    gate = threading.Event()
    session.load(lambda _cache: gate.wait(20), lambda _result: None)
    tab.reload_bills()
    session.account_opened.connect(lambda _known: gate.set())
    try:
        sign_in(qtbot, app, *SECOND)
    finally:
        gate.set()
    second = {b["number"] for b in Api(sandbox.url, SECOND).all_items("/bills")}
    assert second
    assert not second & demo_numbers
    qtbot.waitUntil(lambda: set(numbers(tab)) == second, timeout=15_000)
