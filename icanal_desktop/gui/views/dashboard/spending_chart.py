"""Spending by month and by year (F18): what was actually paid (succeeded payments), as a
bar chart whose colours come from the widget's palette, so it reads in light and dark."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence

from PySide6.QtCharts import QBarCategoryAxis, QBarSeries, QBarSet, QChart, QChartView, QValueAxis
from PySide6.QtCore import QDate, QEvent, QLocale, Qt
from PySide6.QtGui import QBrush, QPainter, QPalette, QPen
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from icanal_desktop.core.domain import billing, records
from icanal_desktop.gui.models.formatting import money_text


def main_currency(payments: Iterable[billing.Payment]) -> str | None:
    counts = Counter(p.amount.currency for p in payments)
    return counts.most_common(1)[0][0] if counts else None


def monthly_totals(payments: Iterable[billing.Payment], year: int, currency: str) -> list[int]:
    """Twelve sums in minor units (January first) of the year's succeeded payments."""
    totals = [0] * 12
    for p in payments:
        if p.status == "succeeded" and p.amount.currency == currency and p.created_at.year == year:
            totals[p.created_at.month - 1] += p.amount.amount
    return totals


def yearly_totals(payments: Iterable[billing.Payment], currency: str) -> dict[int, int]:
    totals: dict[int, int] = {}
    for p in payments:
        if p.status == "succeeded" and p.amount.currency == currency:
            year = p.created_at.year
            totals[year] = totals.get(year, 0) + p.amount.amount
    return dict(sorted(totals.items()))


class SpendingChart(QWidget):
    BY_MONTH, BY_YEAR = range(2)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("spendingChart")
        self._payments: list[billing.Payment] = []
        self.mode_combo = QComboBox()
        self.mode_combo.setObjectName("spendingMode")
        self.mode_combo.setAccessibleName(self.tr("Show spending"))
        self.mode_combo.addItem(self.tr("By month"), self.BY_MONTH)
        self.mode_combo.addItem(self.tr("By year"), self.BY_YEAR)
        self.year_combo = QComboBox()
        self.year_combo.setObjectName("spendingYear")
        self.year_combo.setAccessibleName(self.tr("Year"))
        self.total_label = QLabel()
        self.total_label.setObjectName("spendingTotal")
        self.total_label.setAccessibleName(self.tr("Total paid"))
        self.chart = QChart()
        self.chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        self.chart.legend().hide()
        self.view = QChartView(self.chart)
        self.view.setObjectName("spendingChartView")
        self.view.setAccessibleName(self.tr("Spending chart"))
        self.view.setRenderHint(QPainter.RenderHint.Antialiasing)

        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Show")))
        bar.addWidget(self.mode_combo)
        self.year_caption = QLabel(self.tr("Year"))
        bar.addWidget(self.year_caption)
        bar.addWidget(self.year_combo)
        bar.addStretch(1)
        bar.addWidget(self.total_label)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)
        self.mode_combo.currentIndexChanged.connect(self.redraw)
        self.year_combo.currentIndexChanged.connect(self.redraw)
        self.redraw()

    def set_payments(self, payments: Sequence[billing.Payment]) -> None:
        self._payments = list(payments)
        years = sorted({p.created_at.year for p in payments}, reverse=True)
        current = self.year_combo.currentData()
        self.year_combo.blockSignals(True)
        self.year_combo.clear()
        for year in years:
            self.year_combo.addItem(str(year), year)
        index = self.year_combo.findData(current)
        self.year_combo.setCurrentIndex(index if index >= 0 else 0)
        self.year_combo.blockSignals(False)
        self.redraw()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self.redraw()

    def values(self) -> tuple[list[str], list[int]]:
        """The categories and sums (minor units) the chart shows now."""
        currency = main_currency(self._payments)
        if currency is None:
            return [], []
        if self.mode_combo.currentData() == self.BY_YEAR:
            totals = yearly_totals(self._payments, currency)
            return [str(y) for y in totals], list(totals.values())
        year = self.year_combo.currentData()
        if year is None:
            return [], []
        locale = QLocale()
        months = [locale.toString(QDate(2000, m, 1), "MMM") for m in range(1, 13)]
        return months, monthly_totals(self._payments, int(year), currency)

    def redraw(self, *_: object) -> None:
        by_month = self.mode_combo.currentData() == self.BY_MONTH
        self.year_combo.setVisible(by_month)
        self.year_caption.setVisible(by_month)
        palette = self.palette()
        text = palette.color(QPalette.ColorRole.WindowText)
        grid = palette.color(QPalette.ColorRole.Mid)
        self.chart.removeAllSeries()
        for axis in self.chart.axes():
            self.chart.removeAxis(axis)
        self.chart.setBackgroundBrush(QBrush(palette.color(QPalette.ColorRole.Base)))
        self.chart.setBackgroundPen(QPen(grid))
        self.chart.setTitleBrush(QBrush(text))
        categories, sums = self.values()
        currency = main_currency(self._payments) or "EUR"
        self.total_label.setText(
            self.tr("Total: {amount}").format(amount=money_text(records.Money(sum(sums), currency)))
        )
        if not categories:
            self.chart.setTitle(self.tr("No payments yet"))
            return
        self.chart.setTitle("")
        divisor = 1 if currency in ("XOF", "XAF") else 100
        bars = QBarSet(self.tr("Paid"))
        bars.append([value / divisor for value in sums])
        bars.setColor(palette.color(QPalette.ColorRole.Highlight))
        bars.setBorderColor(palette.color(QPalette.ColorRole.Highlight))
        bars.setLabelColor(text)
        series = QBarSeries()
        series.append(bars)
        self.chart.addSeries(series)
        x_axis = QBarCategoryAxis()
        x_axis.append(categories)
        y_axis = QValueAxis()
        y_axis.setLabelFormat("%.0f")
        y_axis.setMin(0)
        y_axis.setMax(max(1.0, max(sums) / divisor * 1.15))
        y_axis.applyNiceNumbers()
        y_axis.setTitleText(currency)
        for axis in (x_axis, y_axis):
            axis.setLabelsBrush(QBrush(text))
            axis.setLinePenColor(grid)
            axis.setGridLineColor(grid)
            axis.setTitleBrush(QBrush(text))
        self.chart.addAxis(x_axis, Qt.AlignmentFlag.AlignBottom)
        self.chart.addAxis(y_axis, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(x_axis)
        series.attachAxis(y_axis)
