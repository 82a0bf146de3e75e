"""Subscription tab (F8–F12): the contract's details, its channels, auto-renew, and the
doors to change plan and to cancel — the two side by side, equally easy."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from icanal_desktop.core.domain.records import Subscription
from icanal_desktop.gui.models.channels_model import NAME, NUMBER, channels_model
from icanal_desktop.gui.models.filter_proxy import RecordFilterProxy
from icanal_desktop.gui.models.formatting import date_text, money_text
from icanal_desktop.gui.operations import subscription
from icanal_desktop.gui.operations.subscription import SubscriptionData
from icanal_desktop.gui.problems import Problem
from icanal_desktop.gui.session import Session
from icanal_desktop.gui.views.common.online_gate import OnlineGate
from icanal_desktop.gui.views.common.reload_when_shown import ReloadWhenShown
from icanal_desktop.gui.views.subscription.cancel_dialog import CancelDialog
from icanal_desktop.gui.views.subscription.change_plan_dialog import ChangePlanDialog

SHOWN = frozenset({"subscriptions", "plans", "channels"})
BANNER_STYLE = "#pendingCancellationBanner { background: #fff4ce; border: 1px solid #e0c36a; }"


class SubscriptionTab(QWidget):
    def __init__(self, session: Session, gate: OnlineGate, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._data = SubscriptionData([], [], [], [])
        self._current: Subscription | None = None
        self.setObjectName("subscriptionTab")

        self.selector = QComboBox()
        self.selector.setObjectName("subscriptionSelector")
        self.selector.setAccessibleName(self.tr("Contract"))
        self.selector.currentIndexChanged.connect(self._show_selected)
        self.banner = self._build_banner()
        self.message = QLabel()
        self.message.setObjectName("subscriptionMessage")
        self.message.setAccessibleName(self.tr("Result of the last action"))
        self.message.setWordWrap(True)
        self.message.hide()

        self.change_plan_button = QPushButton(self.tr("Compare and &change plan…"))
        self.change_plan_button.setObjectName("changePlanButton")
        self.change_plan_button.setAccessibleName(self.tr("Compare and change plan"))
        self.change_plan_button.clicked.connect(self._open_change_plan)
        self.cancel_button = QPushButton(self.tr("C&ancel subscription…"))
        self.cancel_button.setObjectName("cancelSubscriptionButton")
        self.cancel_button.setAccessibleName(self.tr("Cancel subscription"))
        self.cancel_button.clicked.connect(self._open_cancel)
        gate.add(self.change_plan_button, self.cancel_button, self.reactivate_button)

        details = self._build_details(gate)
        channels = self._build_channels()
        buttons = QHBoxLayout()
        buttons.addWidget(self.change_plan_button)
        buttons.addWidget(self.cancel_button)
        buttons.addStretch(1)

        left = QVBoxLayout()
        left.addWidget(details)
        left.addLayout(buttons)
        left.addStretch(1)
        columns = QHBoxLayout()
        columns.addLayout(left, 2)
        columns.addWidget(channels, 3)
        layout = QVBoxLayout(self)
        layout.addWidget(self.selector)
        layout.addWidget(self.banner)
        layout.addWidget(self.message)
        layout.addLayout(columns, 1)
        self.selector.hide()

        self.reloads = ReloadWhenShown(self, session, self._reload_if_shown)
        session.account_opened.connect(self._clear)  # a bound method: gone with the tab
        self._reload_if_shown(SHOWN)  # built while an account is open: show it now

    # -- building ---------------------------------------------------------------------------
    def _build_banner(self) -> QFrame:
        banner = QFrame()
        banner.setObjectName("pendingCancellationBanner")
        banner.setStyleSheet(BANNER_STYLE)
        self.banner_text = QLabel()
        self.banner_text.setObjectName("pendingCancellationText")
        self.banner_text.setStyleSheet("color: #3d3000;")
        self.banner_text.setWordWrap(True)
        self.reactivate_button = QPushButton(self.tr("&Reactivate my subscription"))
        self.reactivate_button.setObjectName("reactivateButton")
        self.reactivate_button.setAccessibleName(self.tr("Reactivate my subscription"))
        self.reactivate_button.clicked.connect(self._reactivate)
        row = QHBoxLayout(banner)
        row.addWidget(self.banner_text, 1)
        row.addWidget(self.reactivate_button)
        banner.hide()
        return banner

    def _build_details(self, gate: OnlineGate) -> QGroupBox:
        box = QGroupBox(self.tr("Your contract"))
        form = QFormLayout(box)
        self.fields: dict[str, QLabel] = {}
        for key, title in (
            ("contract", self.tr("Contract number")),
            ("plan", self.tr("Plan")),
            ("options", self.tr("Options")),
            ("period", self.tr("Billing period")),
            ("start", self.tr("Start date")),
            ("renewal", self.tr("Renewal")),
            ("commitment", self.tr("Commitment until")),
            ("estimate", self.tr("Next bill (estimate)")),
        ):
            label = QLabel("—")
            label.setObjectName(f"subscription{key.capitalize()}")
            label.setAccessibleName(title)
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.fields[key] = label
            form.addRow(title, label)
        self.auto_renew = QCheckBox(self.tr("Renew automatically"))
        self.auto_renew.setObjectName("autoRenewSwitch")
        self.auto_renew.setAccessibleName(self.tr("Renew automatically"))
        self.auto_renew.clicked.connect(self._set_auto_renew)
        gate.add(self.auto_renew)
        form.addRow(self.tr("Auto-renew"), self.auto_renew)
        self.decoder_row, self.decoder = self._copyable("decoder", self.tr("Decoder number"))
        self.card_row, self.card = self._copyable("card", self.tr("Viewing card number"))
        form.addRow(self.tr("Decoder number"), self.decoder_row)
        form.addRow(self.tr("Viewing card number"), self.card_row)
        return box

    def _copyable(self, key: str, title: str) -> tuple[QWidget, QLabel]:
        row = QWidget()
        label = QLabel("—")
        label.setObjectName(f"subscription{key.capitalize()}Number")
        label.setAccessibleName(title)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        button = QPushButton(self.tr("Copy"))
        button.setObjectName(f"copy{key.capitalize()}Button")
        button.setAccessibleName(self.tr("Copy {what}").format(what=title))
        button.clicked.connect(lambda: self._copy(label.text(), title))
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(label, 1)
        layout.addWidget(button)
        return row, label

    def _build_channels(self) -> QGroupBox:
        box = QGroupBox(self.tr("Channels included"))
        self.channels = channels_model(self)
        self.channels_proxy = RecordFilterProxy(self)
        self.channels_proxy.setSourceModel(self.channels)
        self.channel_search = QLineEdit()
        self.channel_search.setObjectName("channelSearch")
        self.channel_search.setAccessibleName(self.tr("Search channels"))
        self.channel_search.setPlaceholderText(self.tr("Search by number, name or category"))
        self.channel_search.setClearButtonEnabled(True)
        self.channel_search.textChanged.connect(self._filter_channels)
        self.channel_count = QLabel()
        self.channel_count.setObjectName("channelCount")
        self.channels_table = QTableView()
        self.channels_table.setObjectName("channelsTable")
        self.channels_table.setAccessibleName(self.tr("Channels included"))
        self.channels_table.setModel(self.channels_proxy)
        self.channels_table.setSortingEnabled(True)
        self.channels_table.sortByColumn(NUMBER, Qt.SortOrder.AscendingOrder)
        self.channels_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.channels_table.verticalHeader().hide()
        header = self.channels_table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        self.channels_table.verticalHeader().setDefaultSectionSize(24)
        self.channels_table.setAlternatingRowColors(True)
        layout = QVBoxLayout(box)
        layout.addWidget(self.channel_search)
        layout.addWidget(self.channels_table, 1)
        layout.addWidget(self.channel_count)
        return box

    # -- data -------------------------------------------------------------------------------
    def _clear(self) -> None:
        self._current = None
        self._show(SubscriptionData([], [], [], []))

    def _reload_if_shown(self, names: frozenset[str]) -> None:
        if names & SHOWN:
            self._session.operations.read(subscription.subscription_data(), self._show, owner=self)

    def _show(self, data: SubscriptionData) -> None:
        self._data = data
        chosen = self._current.id if self._current else None
        self.selector.blockSignals(True)
        self.selector.clear()
        for sub in data.subscriptions:
            self.selector.addItem(f"{sub.contract_number} — {sub.plan.name}", sub.id)
        live = [i for i, s in enumerate(data.subscriptions) if s.status != "cancelled"]
        index = self.selector.findData(chosen) if chosen else -1
        self.selector.setCurrentIndex(index if index >= 0 else (live[0] if live else 0))
        self.selector.blockSignals(False)
        self.selector.setVisible(len(data.subscriptions) > 1)
        self._show_selected()

    def _show_selected(self) -> None:
        index = self.selector.currentIndex()
        subs = self._data.subscriptions
        self._current = subs[index] if 0 <= index < len(subs) else None
        sub = self._current
        if sub is None:
            for label in self.fields.values():
                label.setText("—")
            self.decoder.setText("—")
            self.card.setText("—")
            self.banner.hide()
            self.channels.set_records([])
            self._update_count()
            return
        f = self.fields
        f["contract"].setText(sub.contract_number)
        f["plan"].setText(
            self.tr("{plan} — {price} per month").format(
                plan=sub.plan.name, price=money_text(sub.plan.monthly_price)
            )
        )
        f["options"].setText(
            ", ".join(f"{o.name} ({money_text(o.monthly_price)})" for o in sub.options)
            or self.tr("None")
        )
        f["period"].setText(self.tr("Monthly"))
        f["start"].setText(date_text(sub.start_date))
        f["renewal"].setText(self._renewal_text(sub))
        f["commitment"].setText(
            date_text(sub.commitment_end) if sub.commitment_end else self.tr("No commitment")
        )
        f["estimate"].setText(money_text(sub.next_bill_estimate) if sub.next_bill_estimate else "—")
        self.auto_renew.setChecked(sub.auto_renew)
        self.decoder.setText(sub.decoder_number)
        self.card.setText(sub.card_number)
        live = sub.status in ("active", "suspended")
        self.cancel_button.setVisible(live)
        self.change_plan_button.setVisible(sub.status != "cancelled")
        if sub.cancellation is not None:
            self.banner_text.setText(
                self.tr(
                    "Your subscription ends on {date}. Until then you can reactivate it: "
                    "nothing changes and nothing is charged for it."
                ).format(date=date_text(sub.cancellation.effective_date))
            )
            self.banner.show()
        else:
            self.banner.hide()
        plan = next((p for p in self._data.plans if p.id == sub.plan.id), None)
        included = set(plan.channel_ids) if plan else set()
        self.channels.set_records([c for c in self._data.channels if c.id in included])
        self._update_count()

    def _renewal_text(self, sub: Subscription) -> str:
        if sub.cancellation is not None:
            return self.tr("Ends on {date}").format(date=date_text(sub.cancellation.effective_date))
        if sub.status == "cancelled":
            return (
                self.tr("Ended on {date}").format(date=date_text(sub.end_date))
                if sub.end_date
                else "—"
            )
        if sub.pending_plan_change is not None:
            change = sub.pending_plan_change
            return self.tr("{date} (then {plan})").format(
                date=date_text(sub.renewal_date) if sub.renewal_date else "—", plan=change.plan.name
            )
        return date_text(sub.renewal_date) if sub.renewal_date else "—"

    def _filter_channels(self, text: str) -> None:
        self.channels_proxy.set_search(text)
        self._update_count()

    def _update_count(self) -> None:
        self.channel_count.setText(
            self.tr("{shown} of {total} channels").format(
                shown=self.channels_proxy.rowCount(), total=self.channels.rowCount()
            )
        )

    # -- actions ----------------------------------------------------------------------------
    def _say(self, text: str, error: bool = False) -> None:
        self.message.setText(text)
        self.message.setStyleSheet("color: #c42b1c;" if error else "")
        self.message.show()

    def _copy(self, text: str, what: str) -> None:
        clipboard = QGuiApplication.clipboard()
        if clipboard is not None and text and text != "—":
            clipboard.setText(text)
            self._say(self.tr("{what} copied.").format(what=what))

    def _set_auto_renew(self, enabled: bool) -> None:
        sub = self._current
        if sub is None:
            return
        self.auto_renew.setEnabled(False)

        def done(_: object) -> None:
            self.auto_renew.setEnabled(self._session.online)
            self._say(self.tr("Auto-renew is on.") if enabled else self.tr("Auto-renew is off."))

        def failed(problem: Problem) -> None:
            self.auto_renew.setEnabled(self._session.online)
            self.auto_renew.setChecked(not enabled)
            self._say(problem.text, error=True)

        self._session.operations.start(
            subscription.set_auto_renew(sub.id, enabled), done, failed, owner=self
        )

    def _reactivate(self) -> None:
        sub = self._current
        if sub is None:
            return
        self.reactivate_button.setEnabled(False)

        def done(_: object) -> None:
            self.reactivate_button.setEnabled(self._session.online)
            self._say(self.tr("Your subscription is reactivated. Welcome back!"))

        def failed(problem: Problem) -> None:
            self.reactivate_button.setEnabled(self._session.online)
            self._say(problem.text, error=True)

        self._session.operations.start(subscription.reactivate(sub.id), done, failed, owner=self)

    def _open_change_plan(self) -> None:
        if self._current is None:
            return
        dialog = ChangePlanDialog(
            self._session,
            self._current,
            self._data.plans,
            self._data.options,
            self._data.channels,
            self,
        )
        dialog.finished_with.connect(self._say)
        dialog.open()

    def _open_cancel(self) -> None:
        if self._current is None:
            return
        dialog = CancelDialog(self._session, self._current, self)
        dialog.finished_with.connect(self._say)
        dialog.open()
