"""The bills table model on its own (the cache's raw rows, 100,000 of them), the spending
chart's sums and palette, and printing a PDF: no server needed."""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

from PySide6.QtCore import QBuffer, QIODevice, Qt
from PySide6.QtGui import QColor, QPainter, QPalette, QPdfWriter
from PySide6.QtPrintSupport import QPrinter
from pytestqt.qtbot import QtBot

from icanal_desktop.core.cache.store import BILL_COLUMNS
from icanal_desktop.core.domain import billing, records
from icanal_desktop.gui.models.bills_model import BillsTableModel, status_color
from icanal_desktop.gui.models.formatting import money_text
from icanal_desktop.gui.models.payments_model import payments_model
from icanal_desktop.gui.views.billing.pdf_viewer import PdfViewer
from icanal_desktop.gui.views.common.theme import dark_palette
from icanal_desktop.gui.views.dashboard.spending_chart import (
    SpendingChart,
    monthly_totals,
    yearly_totals,
)

STATUSES = ("paid", "due", "overdue", "failed")


def fake_rows(count: int, seed: int = 3) -> list[list[str]]:
    """Rows shaped like `AccountCache.bill_rows()`: strings, amounts in minor units."""
    rng = random.Random(seed)
    start = dt.date(2012, 1, 17)
    rows = []
    for n in range(count):
        issued = start + dt.timedelta(days=n % 5000)
        rows.append(
            [
                f"bil_{n:06d}",
                f"F{n % 97:08d}-{issued:%Y%m}-{n:06d}",
                issued.isoformat(),
                (issued + dt.timedelta(days=29)).isoformat(),
                issued.isoformat(),
                (issued + dt.timedelta(days=15)).isoformat(),
                str(2500 + n % 900),
                "500",
                str(3000 + n % 900),
                "EUR",
                rng.choice(STATUSES),
                "",
            ]
        )
    assert len(rows[0]) == len(BILL_COLUMNS)
    return rows


def shown_ids(model: BillsTableModel) -> list[str]:
    return [model.row_data(r)[0] for r in range(model.rowCount())]


def test_filters_over_100000_rows_match_a_plain_python_filter(qapp) -> None:
    rows = fake_rows(100_000)
    model = BillsTableModel()
    model.set_rows(BillsTableModel.prepare(rows))
    assert model.rowCount() == 100_000
    assert model.years()[0] == max(int(r[4][:4]) for r in rows)

    model.set_filter(2015, "overdue", "")
    assert shown_ids(model) == [
        r[0] for r in rows if r[4].startswith("2015-") and r[10] == "overdue"
    ]
    model.set_filter(None, None, "000123")
    assert shown_ids(model) == [r[0] for r in rows if "000123" in r[1]]
    model.set_filter(2019, "paid", "34.")  # amounts match as decimals ("34.50")
    expected = [
        r[0]
        for r in rows
        if r[4].startswith("2019-") and r[10] == "paid" and f"{int(r[8]) // 100}." == "34."
    ]
    assert expected
    assert shown_ids(model) == expected
    model.set_filter(None, None, "en retard")  # nobody's label in English: no match
    assert model.rowCount() == 0
    model.set_filter(None, None, "OVERDUE")  # case-insensitive, API word or label
    assert model.rowCount() == sum(r[10] == "overdue" for r in rows)


def test_model_passes_the_model_tester_and_sorts_in_python(qtmodeltester) -> None:
    model = BillsTableModel()
    model.set_rows(fake_rows(300))  # raw rows, search text built on first search
    qtmodeltester.check(model)
    model.sort(BillsTableModel.AMOUNT, Qt.SortOrder.DescendingOrder)
    totals = [model.bill(r).total.amount for r in range(model.rowCount())]
    assert totals == sorted(totals, reverse=True)
    model.set_filter(None, "due", "")
    qtmodeltester.check(model)
    assert {model.bill(r).status for r in range(model.rowCount())} == {"due"}
    index = model.index(0, BillsTableModel.STATUS)
    assert model.data(index) == "Due"
    assert isinstance(model.data(index, Qt.ItemDataRole.ForegroundRole), QColor)
    first = model.bill(0)
    assert model.data(model.index(0, BillsTableModel.AMOUNT)) == money_text(first.total)
    qtmodeltester.check(payments_model())


def test_status_colours_stay_readable_on_a_dark_palette(qapp) -> None:
    light, dark = QPalette(QColor("white")), dark_palette()
    for status in STATUSES:
        on_light = status_color(status, light)
        on_dark = status_color(status, dark)
        assert on_light.lightness() < 128 < on_dark.lightness()


def _payment(n: int, when: dt.datetime, cents: int, status: str = "succeeded") -> billing.Payment:
    return billing.Payment(
        f"pay_{n}", when, records.Money(cents, "EUR"), "Visa •••• 4242", None, status, f"R{n}"
    )


def test_spending_sums_and_chart_colours_follow_the_palette(qtbot: QtBot) -> None:
    payments = [
        _payment(1, dt.datetime(2025, 3, 2, tzinfo=dt.UTC), 1999),
        _payment(2, dt.datetime(2025, 3, 28, tzinfo=dt.UTC), 500),
        _payment(3, dt.datetime(2025, 3, 29, tzinfo=dt.UTC), 9999, "failed"),
        _payment(4, dt.datetime(2026, 1, 5, tzinfo=dt.UTC), 4499),
    ]
    assert monthly_totals(payments, 2025, "EUR")[2] == 2499
    assert sum(monthly_totals(payments, 2025, "EUR")) == 2499
    assert yearly_totals(payments, "EUR") == {2025: 2499, 2026: 4499}

    chart = SpendingChart()
    qtbot.addWidget(chart)
    chart.setPalette(dark_palette())
    chart.set_payments(payments)
    assert chart.year_combo.currentData() == 2026
    chart.year_combo.setCurrentIndex(chart.year_combo.findData(2025))
    categories, sums = chart.values()
    assert len(categories) == 12
    assert sums[2] == 2499
    series = chart.chart.series()[0]
    bars = series.barSets()[0]  # type: ignore[attr-defined]
    assert bars.color() == dark_palette().color(QPalette.ColorRole.Highlight)
    axis = chart.chart.axes(Qt.Orientation.Vertical)[0]
    text = dark_palette().color(QPalette.ColorRole.WindowText)
    assert axis.labelsBrush().color() == text
    assert chart.chart.backgroundBrush().color() == dark_palette().color(QPalette.ColorRole.Base)
    chart.mode_combo.setCurrentIndex(chart.mode_combo.findData(SpendingChart.BY_YEAR))
    assert chart.values() == (["2025", "2026"], [2499, 4499])
    assert chart.total_label.text() == f"Total: {money_text(records.Money(6998, 'EUR'))}"


def test_print_renders_every_page_into_the_printer(qtbot: QtBot, tmp_path: Path) -> None:
    viewer = PdfViewer()
    qtbot.addWidget(viewer)
    assert not viewer.print_button.isEnabled()
    assert viewer.show_pdf(sample_pdf(), "facture.pdf")
    assert viewer.print_button.isEnabled()
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    assert viewer.document.pageCount() == 2
    assert viewer.print_to(printer) == 2
    assert (tmp_path / "printed.pdf").read_bytes().startswith(b"%PDF")
    assert not viewer.show_pdf(b"%PDF-1.4 broken", "x.pdf")
    assert "damaged" in viewer.message.text()
    assert not viewer.has_pdf


def sample_pdf() -> bytes:
    """A two-page PDF made with Qt's own writer."""
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    painter = QPainter(writer)
    painter.drawText(100, 100, "Facture F-1, page 1")
    writer.newPage()
    painter.drawText(100, 100, "Facture F-1, page 2")
    painter.end()
    return bytes(buffer.data().data())
