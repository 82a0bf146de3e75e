"""One B4 measurement in its own process: `python -m benchmarks.b4_child subject|baseline
DATA_DIR COUNT`. Prints fill, keystroke and sort times and the process's peak memory."""

from __future__ import annotations

import resource
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from keyring.backends import null
from PySide6.QtCore import QLocale, QModelIndex, QObject, QSortFilterProxyModel, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QApplication, QTableView

from benchmarks.b4_scale import SERVER
from benchmarks.qt_support import application, wait_until
from benchmarks.sandbox import report
from icanal_desktop.core.accounts import AccountRegistry
from icanal_desktop.core.api import ApiClient
from icanal_desktop.core.cache import AccountCache
from icanal_desktop.core.cache.paths import account_dir
from icanal_desktop.core.cache.store import (
    BILL_CURRENCY,
    BILL_DUE_DATE,
    BILL_ISSUE_DATE,
    BILL_NUMBER,
    BILL_PERIOD_END,
    BILL_PERIOD_START,
    BILL_STATUS,
    BILL_TOTAL,
)
from icanal_desktop.core.credentials import CredentialStore
from icanal_desktop.core.domain import records
from icanal_desktop.gui.models.bills_model import (
    BillsTableModel,
    period_text,
    short_date,
    status_text,
)
from icanal_desktop.gui.models.formatting import money_text
from icanal_desktop.gui.models.roles import SORT_ROLE
from icanal_desktop.gui.session import Session
from icanal_desktop.gui.tasks import TaskRunner
from icanal_desktop.gui.views.billing.bills_tab import BillsTab
from icanal_desktop.gui.views.common.online_gate import OnlineGate

T = TypeVar("T")
TYPED = "2021-04"  # typed one key at a time, then the box is cleared
SORTS = (
    (BillsTableModel.AMOUNT, Qt.SortOrder.DescendingOrder),
    (BillsTableModel.ISSUED, Qt.SortOrder.AscendingOrder),
    (BillsTableModel.NUMBER, Qt.SortOrder.AscendingOrder),
    (BillsTableModel.STATUS, Qt.SortOrder.AscendingOrder),
)


def _ms(start: float) -> float:
    return (time.perf_counter() - start) * 1000


class TimedSession(Session):
    """The app's Session, noting how long each `load()` spends in its worker and in its
    GUI-thread callback (by the callback's name)."""

    timings: list[tuple[str, str, float]]

    def load(
        self,
        loader: Callable[[AccountCache], T],
        on_done: Callable[[T], None],
        *,
        owner: QObject | None = None,
        key: str | None = None,
    ) -> Any:
        name = getattr(on_done, "__name__", "?")

        def timed_loader(cache: AccountCache) -> T:
            start = time.perf_counter()
            result = loader(cache)
            self.timings.append((name, "load", _ms(start)))
            return result

        def timed_done(result: T) -> None:
            start = time.perf_counter()
            on_done(result)
            self.timings.append((name, "gui", _ms(start)))

        return super().load(timed_loader, timed_done, owner=owner, key=key)


def _timing(session: TimedSession, name: str, part: str) -> float | None:
    return next((ms for n, p, ms in session.timings if n == name and p == part), None)


def subject(data_dir: Path, count: int) -> dict[str, Any]:
    application()
    registry = AccountRegistry(data_dir)
    credentials = CredentialStore(backend=null.Keyring())  # type: ignore[no-untyped-call]
    session = TimedSession(ApiClient, credentials, registry, TaskRunner(), data_dir, SERVER)
    session.timings = []
    tab = BillsTab(session, OnlineGate(session))
    tab.resize(1100, 700)
    tab.show()
    session.open_account(registry.all()[0])  # offline: the cache only
    wait_until(lambda: tab.model.total_count() == count, 120)  # the first load opens the cache
    wait_until(lambda: not session.busy, 30)
    wait_until(tab.model.has_search_keys, 120)  # the first load's second step: at rest
    QApplication.processEvents()

    session.timings.clear()
    start = time.perf_counter()
    tab.reload_bills()  # what a "bills changed" does
    wait_until(lambda: _timing(session, "_bills_loaded", "gui") is not None, 120)
    tab.table.viewport().repaint()
    fill = _ms(start)
    # The search text is built in a second step, after the rows are shown: a search typed
    # before it is there waits for it. Measured from the same start; keystrokes after it.
    wait_until(tab.model.has_search_keys, 120)
    search_ready = _ms(start)

    def repaint() -> None:
        tab.table.viewport().repaint()

    keystrokes = []
    for text in [TYPED[: n + 1] for n in range(len(TYPED))] + [""]:
        tab.search.setText(text)
        start = time.perf_counter()
        tab.apply_filter()  # what the search box's debounce timer calls
        repaint()
        keystrokes.append(_ms(start))
    sorts = []
    for column, order in SORTS:
        start = time.perf_counter()
        # What a header click does (Qt 6.11 then calls the model's sort() a second time,
        # with the same column and order: the model skips it; a click calls it once).
        tab.table.sortByColumn(column, order)
        repaint()
        sorts.append(_ms(start))
    assert tab.model.rowCount() == count
    session.shutdown()
    return {
        "fill_ms": fill,
        "load_ms": _timing(session, "_bills_loaded", "load"),
        "gui_fill_ms": _timing(session, "_bills_loaded", "gui"),
        "search_ready_ms": search_ready,
        "keystrokes_ms": keystrokes,
        "sorts_ms": sorts,
    }


def baseline(data_dir: Path, count: int) -> dict[str, Any]:
    application()
    view = QTableView()
    view.resize(1100, 700)
    view.show()
    proxy = QSortFilterProxyModel()
    proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    proxy.setFilterKeyColumn(-1)  # search every column
    proxy.setSortRole(SORT_ROLE)
    view.setModel(proxy)
    QApplication.processEvents()

    locale = QLocale().name()
    # Opened (and checked) before the clock starts, as the subject's cache already is.
    cache = AccountCache(
        account_dir(data_dir, SERVER, AccountRegistry(data_dir).all()[0].account_id)
    )
    start = time.perf_counter()
    rows = cache.bill_rows()
    model = QStandardItemModel(0, 6)
    for row in rows:
        values: list[tuple[str, Any]] = [
            (row[BILL_NUMBER], row[BILL_NUMBER]),
            (period_text(row[BILL_PERIOD_START], row[BILL_PERIOD_END], locale),
             row[BILL_PERIOD_START]),
            (short_date(row[BILL_ISSUE_DATE], locale), row[BILL_ISSUE_DATE]),
            (short_date(row[BILL_DUE_DATE], locale), row[BILL_DUE_DATE]),
            (money_text(records.Money(int(row[BILL_TOTAL]), row[BILL_CURRENCY])),
             int(row[BILL_TOTAL])),
            (status_text(row[BILL_STATUS]), row[BILL_STATUS]),
        ]  # fmt: skip
        items = []
        for text, key in values:
            item = QStandardItem(text)
            item.setData(key, SORT_ROLE)
            items.append(item)
        model.appendRow(items)
    proxy.setSourceModel(model)
    view.viewport().repaint()
    fill = _ms(start)
    cache.close()

    keystrokes = []
    for text in [TYPED[: n + 1] for n in range(len(TYPED))] + [""]:
        start = time.perf_counter()
        proxy.setFilterFixedString(text)
        view.viewport().repaint()
        keystrokes.append(_ms(start))
    sorts = []
    for column, order in SORTS:
        start = time.perf_counter()
        view.sortByColumn(column, order)
        view.viewport().repaint()
        sorts.append(_ms(start))
    assert proxy.rowCount(QModelIndex()) == count
    return {
        "fill_ms": fill,
        "load_ms": None,
        "gui_fill_ms": fill,
        "search_ready_ms": fill,
        "keystrokes_ms": keystrokes,
        "sorts_ms": sorts,
    }


def main() -> None:
    mode, data_dir, count = sys.argv[1], Path(sys.argv[2]), int(sys.argv[3])
    result = (subject if mode == "subject" else baseline)(data_dir, count)
    result["keystroke_ms"] = statistics.median(result["keystrokes_ms"])
    result["keystroke_max_ms"] = max(result["keystrokes_ms"])
    result["sort_ms"] = statistics.median(result["sorts_ms"])
    result["sort_max_ms"] = max(result["sorts_ms"])
    result["max_rss_kib"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    report(result)


if __name__ == "__main__":
    main()
