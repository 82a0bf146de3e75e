"""Benchmark B4's fill and sort, kept fixed (behaviour and counts, never seconds).

The Bills tab shows the cache's rows first and builds their search text afterwards, in
slices between the GUI thread's events; a search typed meanwhile waits for it, then gives
exactly the right rows; a reload while a search is on keeps the shown rows until the new
ones have their search text (built off the GUI thread). A sort uses the sort role's keys
(stable), runs once per header click, and the selection follows its bill."""

from __future__ import annotations

import random
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from keyring.backends import null
from PySide6.QtCore import QEvent, QObject, QPersistentModelIndex, QPoint, Qt
from PySide6.QtWidgets import QTableView
from pytestqt.qtbot import QtBot

from benchmarks.b4_scale import SERVER, fake_bill, fill_cache
from icanal_desktop.core.accounts import AccountRegistry
from icanal_desktop.core.api import ApiClient
from icanal_desktop.core.cache import PageState
from icanal_desktop.core.cache.store import BILL_COLUMNS, BILL_ID, BILL_NUMBER
from icanal_desktop.core.credentials import CredentialStore
from icanal_desktop.gui.models import bills_model
from icanal_desktop.gui.models.bills_model import BillsTableModel, PreparedBills
from icanal_desktop.gui.models.roles import SORT_ROLE
from icanal_desktop.gui.session import Session
from icanal_desktop.gui.tasks import TaskRunner
from icanal_desktop.gui.views.billing import bills_tab
from icanal_desktop.gui.views.billing.bills_tab import BillsTab
from icanal_desktop.gui.views.common.online_gate import OnlineGate

SLICE = 100  # rows per slice in these tests (the app: SEARCH_KEYS_SLICE)
ASC, DESC = Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder


def raw_rows(count: int, seed: int = 5) -> list[tuple[Any, ...]]:
    """`bill_rows()`-shaped tuples, amounts as text (raw rows may hold them so), with many
    equal dates, amounts and statuses (ties show whether a sort is stable)."""
    rng = random.Random(seed)
    rows = []
    for n in range(count):
        b = fake_bill(n, rng)
        b["total"]["amount"] = rng.choice((999, 1000, 15000, 2500, b["total"]["amount"]))
        rows.append(
            (b["id"], b["number"], b["period_start"], b["period_end"], b["issue_date"],
             b["due_date"], str(b["total_excl_tax"]["amount"]), str(b["tax"]["amount"]),
             str(b["total"]["amount"]), "EUR", b["status"], b["subscription_id"])
        )  # fmt: skip
    assert len(rows[0]) == len(BILL_COLUMNS)
    return rows


def ids(model: BillsTableModel) -> list[str]:
    return [model.row_data(r)[BILL_ID] for r in range(model.rowCount())]


class KeyBuilds:
    """Every `build_search_keys` call: how many rows, on which thread; `during(n, f)` runs
    `f` right after the n-th call (e.g. a sort while the search text is being built)."""

    def __init__(self) -> None:
        self.calls: list[tuple[int, bool]] = []  # (rows, on the GUI thread)
        self._during: dict[int, Callable[[], None]] = {}

    def during(self, call: int, action: Callable[[], None]) -> None:
        self._during[call] = action

    def on_gui_thread(self) -> list[int]:
        return [rows for rows, gui in self.calls if gui]

    def off_gui_thread(self) -> list[int]:
        return [rows for rows, gui in self.calls if not gui]


@pytest.fixture
def key_builds(monkeypatch: pytest.MonkeyPatch) -> KeyBuilds:
    builds = KeyBuilds()
    original = bills_model.build_search_keys

    def counting(rows: Any) -> list[str]:
        keys = original(rows)
        builds.calls.append((len(rows), threading.current_thread() is threading.main_thread()))
        action = builds._during.pop(len(builds.calls), None)
        if action is not None:
            action()
        return keys

    monkeypatch.setattr(bills_model, "build_search_keys", counting)
    monkeypatch.setattr(bills_tab, "build_search_keys", counting)
    monkeypatch.setattr(bills_model, "SEARCH_KEYS_SLICE", SLICE)
    return builds


# -- the model on its own ----------------------------------------------------------------
def test_the_search_text_comes_in_slices_and_matches_one_built_at_once(
    qtbot: QtBot, key_builds: KeyBuilds
) -> None:
    rows = raw_rows(1050)
    model = BillsTableModel()
    model.set_rows(BillsTableModel.prepare(rows, search_keys=False))
    assert model.rowCount() == 1050
    assert not model.has_search_keys()
    assert model.years() == sorted({int(r[4][:4]) for r in rows}, reverse=True)
    assert key_builds.calls == []  # filling built none

    with qtbot.waitSignal(model.search_ready, timeout=10_000):
        model.build_search_keys_soon()
        model.build_search_keys_soon()  # asked twice: built once
    assert key_builds.on_gui_thread() == [SLICE] * 10 + [50]
    assert model._keys == bills_model.build_search_keys(rows)
    model.set_filter(None, None, "f-2001")
    assert ids(model) == [r[0] for r in rows if "f-2001" in r[1].casefold()]


@pytest.mark.parametrize("change", ["sort", "reload", "retranslate"])
def test_rows_changed_while_the_search_text_is_built_start_it_again(
    qtbot: QtBot, key_builds: KeyBuilds, change: str
) -> None:
    # The newer rows are as many as the slices will have built when they come.
    rows, newer = raw_rows(1000), raw_rows(3 * SLICE, seed=6)
    model = BillsTableModel()
    model.set_rows(BillsTableModel.prepare(rows, search_keys=False))
    actions = {
        "sort": lambda: model.sort(BillsTableModel.AMOUNT, DESC),
        "reload": lambda: model.set_rows(BillsTableModel.prepare(newer, search_keys=False)),
        "retranslate": model.retranslate,
    }
    key_builds.during(3, actions[change])  # after 3 of the 10 slices
    with qtbot.waitSignal(model.search_ready, timeout=10_000):
        model.build_search_keys_soon()
    shown = [model.row_data(r) for r in range(model.rowCount())]
    assert key_builds.on_gui_thread()[3:] == [SLICE] * (len(shown) // SLICE)  # from the start
    assert model._keys == bills_model.build_search_keys(shown)  # aligned with the rows
    model.set_filter(None, None, "150.00")
    assert ids(model) == [r[0] for r in shown if int(r[8]) == 15000]


# -- sorting ----------------------------------------------------------------------------
@pytest.fixture
def sorts(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    calls: list[int] = []
    original = bills_model._sorted_positions

    def counting(rows: Any, column: int, reverse: bool) -> list[int]:
        calls.append(column)
        return original(rows, column, reverse)

    monkeypatch.setattr(bills_model, "_sorted_positions", counting)
    return calls


@pytest.mark.parametrize("column", range(6))
def test_a_header_click_sorts_once_by_the_sort_roles_keys_and_keeps_the_selection(
    qtbot: QtBot, qtmodeltester: Any, sorts: list[int], column: int
) -> None:
    rows = raw_rows(2000)
    model = BillsTableModel()
    model.set_rows(BillsTableModel.prepare(rows))
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.horizontalHeader().setSortIndicator(-1, ASC)
    view.setSortingEnabled(True)
    view.resize(900, 400)
    view.show()
    qtbot.waitExposed(view)
    view.selectRow(1234)
    chosen = model.row_data(1234)[BILL_ID]
    view.sortByColumn(column, ASC)  # the selection alone: looked up row by row
    assert [model.row_data(i.row())[BILL_ID] for i in view.selectionModel().selectedRows()] == [
        chosen
    ]
    followed = [QPersistentModelIndex(model.index(n, n % 6)) for n in range(0, 2000, 97)]
    followed_ids = [model.row_data(i.row())[BILL_ID] for i in followed]

    for order in (DESC, ASC, DESC):  # more indexes to move: one pass over the rows
        before = [model.row_data(r) for r in range(model.rowCount())]
        sorts.clear()
        view.sortByColumn(column, order)  # Qt asks the model twice: sorted once
        assert sorts == [column]
        key = bills_model._SORT_KEYS[column]
        assert ids(model) == [r[BILL_ID] for r in sorted(before, key=key, reverse=order == DESC)]
        values = [model.data(model.index(r, column), SORT_ROLE) for r in range(2000)]
        assert values == sorted(values, reverse=order == DESC)
        selected = view.selectionModel().selectedRows()
        assert [model.row_data(i.row())[BILL_ID] for i in selected] == [chosen]
        assert [model.row_data(i.row())[BILL_ID] for i in followed] == followed_ids

    header = view.horizontalHeader()
    sorts.clear()
    qtbot.mouseClick(
        header.viewport(),
        Qt.MouseButton.LeftButton,
        pos=QPoint(header.sectionViewportPosition(column) + 5, header.height() // 2),
    )
    assert sorts == [column]  # a click: once
    assert header.sortIndicatorOrder() == ASC
    assert [model.row_data(i.row())[BILL_ID] for i in view.selectionModel().selectedRows()] == [
        chosen
    ]
    model.set_filter(None, "due", "f-20")
    view.sortByColumn((column + 1) % 6, ASC)
    qtmodeltester.check(model)


# -- the Bills tab, offline on a cache of 1,000 bills ---------------------------------
@pytest.fixture
def opened(qtbot: QtBot, tmp_path: Path) -> Iterator[tuple[Session, BillsTab]]:
    fill_cache(tmp_path, 1000)
    registry = AccountRegistry(tmp_path)
    credentials = CredentialStore(backend=null.Keyring())
    session = Session(ApiClient, credentials, registry, TaskRunner(), tmp_path, SERVER)
    tab = BillsTab(session, OnlineGate(session))
    qtbot.addWidget(tab)
    tab.resize(1000, 600)
    tab.show()
    qtbot.waitExposed(tab)
    session.open_account(registry.all()[0])
    yield session, tab
    session.shutdown()


class FirstPaint(QObject):
    """Whether the rows had their search text when the table was first painted with them."""

    def __init__(self, tab: BillsTab) -> None:
        super().__init__(tab)
        self.tab = tab
        self.keys_at_paint: list[bool] = []
        tab.table.viewport().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and self.tab.model.total_count():
            self.keys_at_paint.append(self.tab.model.has_search_keys())
        return False


def test_the_rows_are_shown_before_their_search_text_is_built_in_slices(
    qtbot: QtBot, key_builds: KeyBuilds, opened: tuple[Session, BillsTab]
) -> None:
    _, tab = opened
    painted = FirstPaint(tab)
    with qtbot.waitSignal(tab.model.search_ready, timeout=30_000):
        qtbot.waitUntil(lambda: tab.model.total_count() == 1000, timeout=30_000)
    assert painted.keys_at_paint[0] is False  # painted first, then the search text
    assert key_builds.on_gui_thread() == [SLICE] * 10
    assert key_builds.off_gui_thread() == []  # the loader reads, the slices build
    assert tab.count_label.text() == "1000 bill(s)"


def test_a_search_typed_before_the_search_text_is_there_waits_for_it(
    qtbot: QtBot,
    key_builds: KeyBuilds,
    opened: tuple[Session, BillsTab],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _, tab = opened
    held: list[BillsTableModel] = []  # the slices start when the test says so
    build_soon = BillsTableModel.build_search_keys_soon
    monkeypatch.setattr(BillsTableModel, "build_search_keys_soon", lambda m: held.append(m))
    qtbot.waitUntil(lambda: tab.model.total_count() == 1000, timeout=30_000)
    assert not tab.model.has_search_keys()
    every = [tab.model.row_data(r) for r in range(1000)]

    tab.search.setText("F-2021")
    tab.apply_filter()  # what the search box's debounce timer calls
    assert tab.model.rowCount() == 1000  # not yet filtered, and no search text built here
    assert key_builds.calls == []
    assert tab.count_label.text() == "1000 bill(s)"

    monkeypatch.setattr(BillsTableModel, "build_search_keys_soon", build_soon)
    with qtbot.waitSignal(tab.model.search_ready, timeout=10_000):
        tab.model.build_search_keys_soon()
    wanted = [r[BILL_ID] for r in every if "f-2021" in r[BILL_NUMBER].casefold()]
    assert 0 < len(wanted) < 1000
    assert ids(tab.model) == wanted  # applied as soon as the search text was there
    assert tab.count_label.text() == f"{len(wanted)} of 1000 bills"
    assert max(key_builds.on_gui_thread()) == SLICE

    tab.search.setText("")
    tab.status_filter.setCurrentIndex(tab.status_filter.findData("due"))  # no words: at once
    assert ids(tab.model) == [r[BILL_ID] for r in every if r[10] == "due"]


def test_a_reload_during_a_search_keeps_the_rows_until_the_new_ones_are_searchable(
    qtbot: QtBot,
    key_builds: KeyBuilds,
    opened: tuple[Session, BillsTab],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    session, tab = opened
    qtbot.waitUntil(lambda: tab.model.has_search_keys(), timeout=30_000)
    tab.search.setText("-2021-")
    tab.apply_filter()
    before = ids(tab.model)
    assert 0 < len(before) < 1000
    tab.table.selectRow(3)
    chosen = tab.model.row_data(3)[BILL_ID]

    swaps: list[tuple[bool, str]] = []  # (rows came with their search text, search box)
    set_rows = BillsTableModel.set_rows

    def recording(self: BillsTableModel, rows: Any) -> None:
        swaps.append((isinstance(rows, PreparedBills) and rows.keys is not None, tab.search.text()))
        set_rows(self, rows)

    monkeypatch.setattr(BillsTableModel, "set_rows", recording)
    # A sync changed the bills: 200 more (the first 1,000 as fill_cache made them), written
    # on the cache's writer thread.
    rng = random.Random(8)
    items = [(f"bil_{n:07d}", fake_bill(n, rng)) for n in range(1200)]
    written: list[None] = []
    session.load(
        lambda cache: cache.replace_list(
            "bills", items, [PageState("", None, None, tuple(i for i, _ in items))]
        ),
        written.append,
    )
    qtbot.waitUntil(lambda: bool(written), timeout=30_000)
    key_builds.calls.clear()
    tab.reload_bills()
    qtbot.waitUntil(lambda: tab.model.total_count() == 1200, timeout=30_000)

    assert swaps == [(True, "-2021-")]  # the new rows came with their search text
    assert key_builds.off_gui_thread() == [1200]
    assert key_builds.on_gui_thread() == []
    wanted = [i for i, b in items if "-2021-" in b["number"]]
    assert ids(tab.model) == wanted
    assert tab.count_label.text() == f"{len(wanted)} of 1200 bills"
    assert tab.detail.bill is not None
    assert tab.detail.bill.id == chosen  # still selected
