"""GUI-thread costs found by benchmark B3, kept fixed: record tables sort themselves in
Python (one key per record) and the payment history does not measure every row's text.
Counted in data() calls, never in seconds."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QItemSelectionModel, QLocale, Qt
from PySide6.QtWidgets import QTableView, QTabWidget, QWidget
from pytestqt.qtbot import QtBot

from icanal_desktop.core.domain import billing
from icanal_desktop.gui.models.filter_proxy import RecordFilterProxy
from icanal_desktop.gui.models.record_table_model import Column, RecordTableModel
from icanal_desktop.gui.views.billing.payments_view import PaymentsView

from ..core.samples import payment
from .counting import count_data_calls


@dataclasses.dataclass(frozen=True)
class Item:
    name: str
    size: int


COLUMNS: list[Column[Item]] = [
    Column(lambda: "Name", lambda i: i.name),  # sorted by its text, as the locale does
    Column(lambda: "Size", lambda i: str(i.size), sort_key=lambda i: i.size),
]
ITEMS = [Item("éclair", 10), Item("Zèbre", 2), Item("abricot", 100), Item("banane", 9)]


def shown(proxy: RecordFilterProxy, column: int) -> list[str]:
    return [proxy.data(proxy.index(r, column)) for r in range(proxy.rowCount())]


@pytest.fixture
def french() -> Iterator[None]:
    before = QLocale()
    QLocale.setDefault(QLocale("fr_FR"))
    yield
    QLocale.setDefault(before)


@pytest.mark.usefixtures("french")
def test_record_tables_sort_by_key_through_the_proxy_and_keep_it(qtbot: QtBot, qtmodeltester):
    model = RecordTableModel(COLUMNS, search_text=lambda i: i.name.casefold())
    model.set_records(ITEMS)
    proxy = RecordFilterProxy()
    proxy.setSourceModel(model)
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(proxy)
    view.setSortingEnabled(True)

    view.sortByColumn(1, Qt.SortOrder.DescendingOrder)  # what a header click does
    assert shown(proxy, 1) == ["100", "10", "9", "2"]
    view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    assert shown(proxy, 0) == ["abricot", "banane", "éclair", "Zèbre"]

    view.selectionModel().setCurrentIndex(
        proxy.index(2, 0),
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
    )
    view.sortByColumn(1, Qt.SortOrder.AscendingOrder)
    assert shown(proxy, 0) == ["Zèbre", "banane", "éclair", "abricot"]
    assert view.currentIndex().data() == "éclair"  # the selection follows its record

    model.set_records([*ITEMS, Item("cerise", 50)])  # new data keeps the chosen order
    assert shown(proxy, 1) == ["2", "9", "10", "50", "100"]
    proxy.set_search("R")
    assert shown(proxy, 0) == ["Zèbre", "éclair", "cerise", "abricot"]
    qtmodeltester.check(model)
    qtmodeltester.check(proxy)


@pytest.fixture
def data_calls(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    return count_data_calls(monkeypatch, RecordTableModel)


@pytest.mark.parametrize("shown", [True, False], ids=["on screen", "in a hidden sub-tab"])
def test_a_thousand_payments_arrive_without_reading_every_row(qtbot: QtBot, data_calls, shown):
    payments = [billing.parse_payment(payment(n)) for n in range(1000)]
    tabs = QTabWidget()  # as in the Bills tab, where it is the second sub-tab
    qtbot.addWidget(tabs)
    tabs.addTab(QWidget(), "Bills")
    view = PaymentsView()
    tabs.addTab(view, "Payments")
    tabs.resize(900, 500)
    if shown:
        tabs.setCurrentWidget(view)
    tabs.show()
    qtbot.waitExposed(tabs)
    data_calls[0] = 0
    view.set_payments(payments)
    tabs.repaint()
    # The rows on screen, their columns and roles: a few thousand calls at most. Sorting
    # in the proxy and measuring every row's text read every row, tens of thousands of times.
    assert data_calls[0] < 5000
    assert view.proxy.rowCount() == 1000
    tabs.setCurrentWidget(view)
    tabs.repaint()
    assert data_calls[0] < 10000
    assert view.table.columnWidth(0) > 40  # the columns fit their text once shown
