"""The main window: one tab per area of the account, the offline banner, the account menu
(refresh, switch account, sign out) and a status bar with the sync state.

Only the Dashboard is built (and its module imported) before the window shows; every other
tab is built the first time it is shown or asked for (`LazyTabWidget`), which keeps the
start-up short (docs/PERFORMANCE.md, B1). The tabs are reached through properties such as
`window.bills`, which build the tab if need be.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QMenu,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from icanal_desktop.core.accounts import KnownAccount
from icanal_desktop.core.domain.account import AccountSnapshot
from icanal_desktop.gui.models.formatting import datetime_text
from icanal_desktop.gui.session import Session
from icanal_desktop.gui.settings import AppSettings
from icanal_desktop.gui.views.common.icons import icon
from icanal_desktop.gui.views.common.online_gate import OnlineGate
from icanal_desktop.gui.views.common.resource_names import resource_title
from icanal_desktop.gui.views.dashboard.dashboard_tab import DashboardTab
from icanal_desktop.gui.views.shell.help_menu import add_help_menu
from icanal_desktop.gui.views.shell.lazy_tabs import LazyTab, LazyTabWidget
from icanal_desktop.gui.views.shell.notifications import ReminderNotifier
from icanal_desktop.gui.views.shell.offline_banner import OfflineBanner
from icanal_desktop.gui.views.shell.sync_status import archive_message, sync_message

if TYPE_CHECKING:  # imported when their tab is first built
    from icanal_desktop.core.domain.reports import ArchiveReport, SyncReport
    from icanal_desktop.gui.views.billing.bills_tab import BillsTab
    from icanal_desktop.gui.views.methods.payment_methods_tab import PaymentMethodsTab
    from icanal_desktop.gui.views.profile.profile_tab import ProfileTab
    from icanal_desktop.gui.views.subscription.subscription_tab import SubscriptionTab
    from icanal_desktop.gui.views.support.support_tab import SupportTab


class MainWindow(QMainWindow):
    # The tabs, each built the first time it is shown or read here (views/lazy_tabs.py).
    dashboard: LazyTab[DashboardTab] = LazyTab()
    subscription: LazyTab[SubscriptionTab] = LazyTab()
    bills: LazyTab[BillsTab] = LazyTab()
    payment_methods: LazyTab[PaymentMethodsTab] = LazyTab()
    support: LazyTab[SupportTab] = LazyTab()
    profile: LazyTab[ProfileTab] = LazyTab()

    def __init__(
        self, session: Session, settings: AppSettings, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._session = session
        self.settings = settings  # the app's settings (language, theme, notifications…)
        self.setObjectName("mainWindow")
        self.setWindowTitle(self.tr("iCanal — My account"))
        self.resize(1100, 720)
        self.online_gate = OnlineGate(session, self)

        self.banner = OfflineBanner(session)
        # Bill and renewal reminders come whether or not the Bills tab was ever opened.
        self.notifier = ReminderNotifier(session, settings, self)
        self.tabs = LazyTabWidget()
        self.tabs.setObjectName("mainTabs")
        self.tabs.setAccessibleName(self.tr("Account sections"))
        # Each tab builds itself from the session and the gate, and loads what it shows.
        for name, build, title in (
            ("dashboard", self._build_dashboard, self.tr("Dashboard")),
            ("subscription", self._build_subscription, self.tr("Subscription")),
            ("bills", self._build_bills, self.tr("Bills")),
            ("payment_methods", self._build_payment_methods, self.tr("Payment methods")),
            ("support", self._build_support, self.tr("Support")),
            ("profile", self._build_profile, self.tr("Profile")),
        ):
            self.tabs.add_lazy_tab(build, title, name)
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(6, 6, 6, 0)
        layout.addWidget(self.banner)
        layout.addWidget(self.tabs, 1)
        self.setCentralWidget(central)

        self._build_status_bar()
        self._build_account_menu()
        self._build_toolbar()
        self.help_menu = add_help_menu(self)  # Help: log folder, About (views/help_menu.py)

        session.snapshot_changed.connect(self._on_snapshot)
        session.sync_finished.connect(self._on_sync_finished)
        session.archive_finished.connect(self._on_archive_finished)
        session.busy_changed.connect(self._on_busy)
        session.sync_progress.connect(self._on_sync_progress)
        session.accounts_changed.connect(self._fill_switcher)
        session.account_opened.connect(self._on_account_opened)
        session.signed_out.connect(self.hide)
        if session.snapshot is not None:
            self._on_snapshot(session.snapshot)

    # -- the tabs (built on first need) ---------------------------------------------------------
    def _build_dashboard(self) -> QWidget:
        return DashboardTab(self._session)

    def _build_subscription(self) -> QWidget:
        from icanal_desktop.gui.views.subscription.subscription_tab import SubscriptionTab

        return SubscriptionTab(self._session, self.online_gate)

    def _build_bills(self) -> QWidget:
        from icanal_desktop.gui.views.billing.bills_tab import BillsTab

        return BillsTab(self._session, self.online_gate)

    def _build_payment_methods(self) -> QWidget:
        from icanal_desktop.gui.views.methods.payment_methods_tab import PaymentMethodsTab

        return PaymentMethodsTab(self._session, self.online_gate)

    def _build_support(self) -> QWidget:
        from icanal_desktop.gui.views.support.support_tab import SupportTab

        return SupportTab(self._session, self.online_gate)

    def _build_profile(self) -> QWidget:
        from icanal_desktop.gui.views.profile.profile_tab import ProfileTab

        return ProfileTab(self._session, self.online_gate, self.settings)

    # -- bars and menus --------------------------------------------------------------------
    def _build_status_bar(self) -> None:
        self.server_label = QLabel(self.tr("Server: {url}").format(url=self._session.server_url))
        self.server_label.setObjectName("statusServer")
        self.server_label.setAccessibleName(self.tr("Server"))
        self.sync_progress = QProgressBar()
        self.sync_progress.setObjectName("syncProgress")
        self.sync_progress.setAccessibleName(self.tr("Sync in progress"))
        self.sync_progress.setRange(0, 0)  # busy indicator
        self.sync_progress.setMaximumWidth(120)
        self.sync_progress.hide()
        self.sync_label = QLabel(self.tr("Not synced yet"))
        self.sync_label.setObjectName("statusLastSync")
        self.sync_label.setAccessibleName(self.tr("Last sync"))
        self.statusBar().addWidget(self.server_label)
        self.statusBar().addPermanentWidget(self.sync_progress)
        self.statusBar().addPermanentWidget(self.sync_label)

    def _build_account_menu(self) -> None:
        menu = self.menuBar().addMenu(self.tr("&Account"))
        self.refresh_action = QAction(self.tr("&Refresh"), self)
        self.refresh_action.setObjectName("refreshAction")
        self.refresh_action.setShortcut(QKeySequence.StandardKey.Refresh)
        self.refresh_action.setIcon(icon("refresh"))
        self.refresh_action.triggered.connect(self._session.sync)
        menu.addAction(self.refresh_action)
        self.refresh_action.setToolTip(self.tr("Get the latest from iCanal now (F5)"))
        self.online_gate.add(self.refresh_action)

        self.switch_menu = QMenu(self.tr("S&witch account"), self)
        self.switch_menu.setObjectName("switchAccountMenu")
        menu.addMenu(self.switch_menu)
        self._switch_group = QActionGroup(self)
        self.change_password_action = QAction(self.tr("Change &password…"), self)
        self.change_password_action.setObjectName("changePasswordAction")
        self.change_password_action.triggered.connect(self._change_password)
        self.online_gate.add(self.change_password_action)
        menu.addAction(self.change_password_action)
        menu.addSeparator()
        self.sign_out_action = QAction(self.tr("Sign &out"), self)
        self.sign_out_action.setObjectName("signOutAction")
        self.sign_out_action.setIcon(icon("sign-out"))
        self.sign_out_action.triggered.connect(lambda: self._session.sign_out())
        self.forget_action = QAction(self.tr("Sign out and &forget this computer"), self)
        self.forget_action.setObjectName("forgetComputerAction")
        self.forget_action.setToolTip(
            self.tr("Also deletes this account's saved data and remembered sign-in here.")
        )
        self.forget_action.triggered.connect(lambda: self._session.sign_out(forget_computer=True))
        menu.addAction(self.sign_out_action)
        menu.addAction(self.forget_action)
        menu.addSeparator()
        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        menu.addAction(quit_action)
        self._fill_switcher(self._session.accounts)

    def _change_password(self) -> None:
        self.profile.open_password_dialog()  # its dialog says the outcome on the Profile tab

    def _build_toolbar(self) -> None:
        toolbar = self.addToolBar(self.tr("Account"))
        toolbar.setObjectName("mainToolbar")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        toolbar.addAction(self.refresh_action)

    def _fill_switcher(self, accounts: list[KnownAccount]) -> None:
        self.switch_menu.clear()
        current = self._session.account
        for known in accounts:
            action = QAction(known.label.replace("&", "&&"), self._switch_group)
            action.setCheckable(True)
            action.setChecked(current is not None and known.key == current.key)
            action.triggered.connect(partial(self._session.switch_account, known.key))
            self.switch_menu.addAction(action)
        if accounts:
            self.switch_menu.addSeparator()
        add = self.switch_menu.addAction(self.tr("&Add another account…"))
        add.setObjectName("addAccountAction")
        add.triggered.connect(lambda: self._session.sign_in_needed.emit(None))

    def _on_account_opened(self, known: KnownAccount) -> None:
        self.setWindowTitle(self.tr("iCanal — {account}").format(account=known.label))
        self.sync_label.setText(self.tr("Not synced yet"))
        self._fill_switcher(self._session.accounts)

    def _on_snapshot(self, snapshot: AccountSnapshot) -> None:
        if snapshot.last_sync is not None:
            self.sync_label.setText(
                self.tr("Last sync: {when}").format(when=datetime_text(snapshot.last_sync))
            )
        if self._session.account is not None:
            self.setWindowTitle(
                self.tr("iCanal — {account}").format(account=self._session.account.label)
            )

    def _on_busy(self, busy: bool) -> None:
        self.sync_progress.setVisible(busy)
        if busy:
            self.sync_progress.setRange(0, 0)  # until the sync says how far it is
            self.statusBar().showMessage(self.tr("Syncing…"))
        else:
            self.statusBar().clearMessage()

    def _on_sync_progress(self, resource: str, done: int, total: int) -> None:
        self.sync_progress.setRange(0, total)
        self.sync_progress.setValue(done)
        self.statusBar().showMessage(
            self.tr("Syncing {what}…").format(what=resource_title(resource))
        )

    def _on_sync_finished(self, report: SyncReport) -> None:
        message = sync_message(report)
        if message:
            self.statusBar().showMessage(message, 20000)

    def _on_archive_finished(self, report: ArchiveReport) -> None:
        message = archive_message(report)
        if message:
            self.statusBar().showMessage(message, 20000)
