"""GUI-thread cost found by benchmark B3, kept fixed: the Bills tab sizes its columns from
a few rows, even when it is not the tab on screen (a hidden table measures rows up to the
header's precision, at every cell's data() in Python). Counted in data() calls."""

from __future__ import annotations

from pathlib import Path

import pytest
from keyring.backends import null
from PySide6.QtWidgets import QTabWidget, QWidget
from pytestqt.qtbot import QtBot

from benchmarks.b4_scale import SERVER, fill_cache
from icanal_desktop.core.accounts import AccountRegistry
from icanal_desktop.core.api import ApiClient
from icanal_desktop.core.credentials import CredentialStore
from icanal_desktop.gui.models.bills_model import BillsTableModel
from icanal_desktop.gui.session import Session
from icanal_desktop.gui.tasks import TaskRunner
from icanal_desktop.gui.views.billing.bills_tab import BillsTab
from icanal_desktop.gui.views.common.online_gate import OnlineGate

from .counting import count_data_calls


@pytest.fixture
def data_calls(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    return count_data_calls(monkeypatch, BillsTableModel)


def test_bills_arriving_for_a_hidden_tab_wait_until_it_is_shown(
    qtbot: QtBot, tmp_path: Path, data_calls: list[int]
) -> None:
    fill_cache(tmp_path, 1000)  # an account with 1,000 bills in its cache, opened offline
    registry = AccountRegistry(tmp_path)
    credentials = CredentialStore(backend=null.Keyring())
    session = Session(ApiClient, credentials, registry, TaskRunner(), tmp_path, SERVER)
    tabs = QTabWidget()
    qtbot.addWidget(tabs)
    tabs.addTab(QWidget(), "Dashboard")  # on screen, as after a start or a sync
    bills = BillsTab(session, OnlineGate(session))
    tabs.addTab(bills, "Bills")
    tabs.resize(1000, 600)
    tabs.show()
    qtbot.waitExposed(tabs)

    session.open_account(registry.all()[0])
    qtbot.waitUntil(lambda: session.snapshot is not None and not session.busy, timeout=30_000)
    qtbot.wait(200)  # a wrong implementation would be loading the bills now
    # Hidden: the bills that changed are not loaded (B3: at the end of a sync, every tab
    # reloading at once stalled the GUI thread), not a cell is asked for.
    assert bills.model.total_count() == 0
    assert data_calls[0] == 0
    assert bills.reloads.pending >= {"bills", "payments"}

    tabs.setCurrentWidget(bills)  # shown: it loads, once
    qtbot.waitUntil(lambda: bills.model.total_count() == 1000, timeout=30_000)
    qtbot.waitExposed(bills.table)
    assert not bills.reloads.pending
    # A few rows' cells and roles; measuring 200 rows took ~50 ms of GUI thread (B3).
    assert data_calls[0] < 2000
    assert bills.table.columnWidth(0) > 40  # the columns still fit their text
    session.shutdown()
