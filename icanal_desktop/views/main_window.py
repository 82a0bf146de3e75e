"""The main window: one tab per area of the account, and a status bar with the sync state."""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QTabWidget, QWidget

from icanal_desktop.cache import AccountSnapshot
from icanal_desktop.session import Session
from icanal_desktop.sync import SyncReport
from icanal_desktop.views.dashboard_tab import DashboardTab
from icanal_desktop.views.formatting import datetime_text
from icanal_desktop.views.messages import describe_error
from icanal_desktop.views.placeholder_tab import PlaceholderTab


class MainWindow(QMainWindow):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self.setObjectName("mainWindow")
        self.setWindowTitle(self.tr("iCanal — My account"))
        self.resize(1100, 720)

        self.tabs = QTabWidget()
        self.tabs.setObjectName("mainTabs")
        self.tabs.setAccessibleName(self.tr("Account sections"))
        self.dashboard = DashboardTab()
        self.tabs.addTab(self.dashboard, self.tr("Dashboard"))
        soon = self.tr("This section is coming in a next version of iCanal Desktop.")
        for name, title in (
            ("subscriptionTab", self.tr("Subscription")),
            ("billsTab", self.tr("Bills")),
            ("paymentMethodsTab", self.tr("Payment methods")),
            ("supportTab", self.tr("Support")),
            ("profileTab", self.tr("Profile")),
        ):
            self.tabs.addTab(PlaceholderTab(name, soon), title)
        for index in range(self.tabs.count()):
            tab = self.tabs.widget(index)
            assert tab is not None
            tab.setAccessibleName(self.tabs.tabText(index))
        self.setCentralWidget(self.tabs)

        self.server_label = QLabel(self.tr("Server: {url}").format(url=session.server_url))
        self.server_label.setObjectName("statusServer")
        self.server_label.setAccessibleName(self.tr("Server"))
        self.sync_label = QLabel(self.tr("Not synced yet"))
        self.sync_label.setObjectName("statusLastSync")
        self.sync_label.setAccessibleName(self.tr("Last sync"))
        self.statusBar().addWidget(self.server_label)
        self.statusBar().addPermanentWidget(self.sync_label)

        self.refresh_action = QAction(self.tr("&Refresh"), self)
        self.refresh_action.setObjectName("refreshAction")
        self.refresh_action.setShortcut(QKeySequence.StandardKey.Refresh)
        self.refresh_action.triggered.connect(session.sync)
        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        account_menu = self.menuBar().addMenu(self.tr("&Account"))
        account_menu.addAction(self.refresh_action)
        account_menu.addSeparator()
        account_menu.addAction(quit_action)

        session.snapshot_changed.connect(self._on_snapshot)
        session.sync_finished.connect(self._on_sync_finished)
        session.busy_changed.connect(self._on_busy)
        if session.snapshot is not None:
            self._on_snapshot(session.snapshot)

    def _on_snapshot(self, snapshot: AccountSnapshot) -> None:
        self.dashboard.show_snapshot(snapshot)
        if snapshot.last_sync is not None:
            self.sync_label.setText(
                self.tr("Last sync: {when}").format(when=datetime_text(snapshot.last_sync))
            )

    def _on_busy(self, busy: bool) -> None:
        self.refresh_action.setEnabled(not busy)
        if busy:
            self.statusBar().showMessage(self.tr("Syncing…"))
        else:
            self.statusBar().clearMessage()

    def _on_sync_finished(self, report: SyncReport) -> None:
        if report.failed:
            first = next(iter(report.failed.values()))
            self.statusBar().showMessage(
                self.tr("Sync incomplete: {reason}").format(reason=describe_error(first)), 15000
            )
