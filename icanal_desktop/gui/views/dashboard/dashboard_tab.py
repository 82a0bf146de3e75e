"""Dashboard: the account at a glance (F6) and what needs attention (F7)."""

from __future__ import annotations

import datetime as dt
from functools import partial

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from icanal_desktop.core.domain.account import AccountSnapshot
from icanal_desktop.core.domain.records import Subscription
from icanal_desktop.gui.models.formatting import date_text, money_text
from icanal_desktop.gui.operations import local_copy
from icanal_desktop.gui.session import Session
from icanal_desktop.gui.views.dashboard.alert_text import URGENT, WARNING, alert_text

SEVERITY_STYLE = {
    URGENT: "background: #fde7e9; border: 1px solid #c42b1c; border-radius: 4px;",
    WARNING: "background: #fff4ce; border: 1px solid #e0c36a; border-radius: 4px;",
}
INFO_STYLE = (
    "background: palette(alternate-base); border: 1px solid palette(mid); border-radius: 4px;"
)
ALERT_TEXT_COLOUR = {URGENT: "#5c0f0a", WARNING: "#3d3000"}
OVERDUE_STYLE = "color: #c42b1c; font-weight: 600;"


class _Card(QFrame):
    """A titled box with one big value and a line under it."""

    def __init__(self, object_name: str, title: str) -> None:
        super().__init__()
        self.setObjectName(object_name)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.title = QLabel(title)
        self.title.setStyleSheet("color: palette(placeholder-text); font-weight: 600;")
        self.value = QLabel("—")
        self.value.setObjectName(f"{object_name}Value")
        self.value.setAccessibleName(title)
        self.value.setStyleSheet("font-size: 14pt; font-weight: 600;")
        self.value.setWordWrap(True)
        self.detail = QLabel()
        self.detail.setObjectName(f"{object_name}Detail")
        self.detail.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.value)
        layout.addWidget(self.detail)
        layout.addStretch(1)

    def show_values(self, value: str, detail: str = "", style: str = "") -> None:
        self.value.setText(value)
        self.detail.setText(detail)
        self.detail.setStyleSheet(style)


class DashboardTab(QWidget):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self.setObjectName("dashboardTab")
        self.greeting = QLabel()
        self.greeting.setObjectName("dashboardGreeting")
        self.greeting.setStyleSheet("font-size: 18pt; font-weight: 600;")
        self.holder_name = QLabel()
        self.holder_name.setObjectName("dashboardHolderName")
        self.holder_name.setAccessibleName(self.tr("Account holder"))
        self.holder_name.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.plan_card = _Card("dashboardPlanCard", self.tr("Plan"))
        self.plan = self.plan_card.value
        self.plan.setObjectName("dashboardPlan")
        self.renewal_card = _Card("dashboardRenewalCard", self.tr("Renewal"))
        self.renewal = self.renewal_card.value
        self.renewal.setObjectName("dashboardRenewal")
        self.due_card = _Card("dashboardDueCard", self.tr("Amount due"))
        self.payment_card = _Card("dashboardPaymentCard", self.tr("Default payment method"))
        self.tickets_card = _Card("dashboardTicketsCard", self.tr("Support requests"))
        self.sync_card = _Card("dashboardSyncCard", self.tr("Last updated"))
        self.status = self.plan_card.detail
        self.status.setObjectName("dashboardStatus")
        self.status.setAccessibleName(self.tr("Subscription status"))

        grid = QGridLayout()
        cards = (
            self.plan_card,
            self.renewal_card,
            self.due_card,
            self.payment_card,
            self.tickets_card,
            self.sync_card,
        )
        for index, card in enumerate(cards):
            grid.addWidget(card, index // 3, index % 3)

        alerts_title = QLabel(self.tr("Needs your attention"))
        alerts_title.setStyleSheet("font-size: 13pt; font-weight: 600;")
        self.alerts_box = QWidget()
        self.alerts_box.setObjectName("dashboardAlerts")
        self.alerts_box.setAccessibleName(self.tr("Alerts"))
        self._alerts_layout = QVBoxLayout(self.alerts_box)
        self._alerts_layout.setContentsMargins(0, 0, 0, 0)
        self.no_alerts = QLabel(self.tr("Nothing needs your attention."))
        self.no_alerts.setObjectName("dashboardNoAlerts")

        content = QWidget()
        layout = QVBoxLayout(content)
        header = QHBoxLayout()
        header.addWidget(self.greeting)
        header.addStretch(1)
        header.addWidget(self.holder_name)
        layout.addLayout(header)
        layout.addLayout(grid)
        layout.addSpacing(8)
        layout.addWidget(alerts_title)
        layout.addWidget(self.no_alerts)
        layout.addWidget(self.alerts_box)
        layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

        session.snapshot_changed.connect(self.show_snapshot)
        session.account_opened.connect(self._clear)  # a bound method: gone with the tab
        self.show_snapshot(session.snapshot)

    # -- filling ----------------------------------------------------------------------------
    def _clear(self) -> None:
        self.show_snapshot(None)

    def show_snapshot(self, snapshot: AccountSnapshot | None) -> None:
        if snapshot is None or snapshot.profile is None:
            self.greeting.setText(self.tr("Loading your account…"))
            self.holder_name.setText("—")
            for card in (self.plan_card, self.renewal_card, self.due_card):
                card.show_values("—")
            for card in (self.payment_card, self.tickets_card, self.sync_card):
                card.show_values("—")
            self._show_alerts([])
            return
        profile = snapshot.profile
        self.greeting.setText(self.tr("Hello {name}").format(name=profile.first_name))
        self.holder_name.setText(profile.full_name)
        main = _main_subscription(snapshot.subscriptions)
        self._show_plan(main)
        self._show_due(snapshot)
        self._show_payment(snapshot)
        self.tickets_card.show_values(
            self.tr("{n} open").format(n=snapshot.open_tickets),
            self.tr("See them in Support.") if snapshot.open_tickets else "",
        )
        self.sync_card.show_values(
            date_text(snapshot.last_sync.date()) if snapshot.last_sync else self.tr("Never"),
            snapshot.last_sync.astimezone().strftime("%H:%M") if snapshot.last_sync else "",
        )
        self._show_alerts(self._alert_rows(snapshot, main))

    def _show_plan(self, main: Subscription | None) -> None:
        if main is None:
            self.plan_card.show_values(self.tr("No subscription"))
            self.renewal_card.show_values("—")
            return
        self.plan_card.show_values(
            self.tr("{plan} — {price} per month").format(
                plan=main.plan.name, price=money_text(main.plan.monthly_price)
            ),
            self._status_text(main),
        )
        self.renewal_card.show_values(*self._renewal_texts(main))

    def _show_due(self, snapshot: AccountSnapshot) -> None:
        if snapshot.amount_due is None or snapshot.amount_due.amount == 0:
            self.due_card.show_values(self.tr("Nothing to pay"))
            return
        due = (
            self.tr("due {date}").format(date=date_text(snapshot.next_due_date))
            if snapshot.next_due_date
            else ""
        )
        if snapshot.overdue_bills:
            overdue = self.tr("Overdue bills: {n}").format(n=snapshot.overdue_bills)
            self.due_card.show_values(
                money_text(snapshot.amount_due), f"{overdue} — {due}".strip(" —"), OVERDUE_STYLE
            )
        else:
            self.due_card.show_values(money_text(snapshot.amount_due), due)

    def _show_payment(self, snapshot: AccountSnapshot) -> None:
        method = snapshot.default_payment_method
        if method is None:
            self.payment_card.show_values(self.tr("None"), self.tr("Add one in Payment methods."))
            return
        detail = ""
        if method.exp_month and method.exp_year:
            detail = self.tr("Expires {month:02d}/{year}").format(
                month=method.exp_month, year=method.exp_year
            )
        expiring = method.expires_before(dt.date.today() + dt.timedelta(days=60))
        self.payment_card.show_values(method.label, detail, OVERDUE_STYLE if expiring else "")

    def _status_text(self, sub: Subscription) -> str:
        return {
            "active": self.tr("Active"),
            "pending_cancellation": self.tr("Cancellation pending"),
            "cancelled": self.tr("Cancelled"),
            "suspended": self.tr("Suspended"),
        }.get(sub.status, sub.status)

    def _renewal_texts(self, sub: Subscription) -> tuple[str, str]:
        today = dt.date.today()
        if sub.cancellation is not None:
            end = sub.cancellation.effective_date
            return date_text(end), self._days_left((end - today).days, ending=True)
        if sub.status == "cancelled":
            return (date_text(sub.end_date) if sub.end_date else "—"), self.tr("Ended")
        if sub.renewal_date is None:
            return "—", ""
        when = self._days_left((sub.renewal_date - today).days, ending=not sub.auto_renew)
        how = self.tr("Renews automatically.") if sub.auto_renew else self.tr("Auto-renew is off.")
        return date_text(sub.renewal_date), f"{when} {how}"

    def _days_left(self, days: int, *, ending: bool) -> str:
        if days <= 0:
            return self.tr("Ends today.") if ending else self.tr("Today.")
        if days == 1:
            return self.tr("Ends tomorrow.") if ending else self.tr("Tomorrow.")
        if ending:
            return self.tr("Ends in {n} days.").format(n=days)
        return self.tr("In {n} days.").format(n=days)

    # -- alerts -----------------------------------------------------------------------------
    def _alert_rows(
        self, snapshot: AccountSnapshot, main: Subscription | None
    ) -> list[tuple[str, str, str | None]]:
        """(text, severity, alert key or None when it cannot be dismissed)."""
        rows: list[tuple[str, str, str | None]] = []
        if main is not None and main.cancellation is not None:
            rows.append(
                (
                    self.tr(
                        "Your subscription ends on {date}. You can reactivate it until then "
                        "in the Subscription tab."
                    ).format(date=date_text(main.cancellation.effective_date)),
                    WARNING,
                    None,
                )
            )
        for alert in snapshot.alerts:
            text, severity = alert_text(alert)
            rows.append((text, severity, alert.key))
        order = {URGENT: 0, WARNING: 1}
        return sorted(rows, key=lambda row: order.get(row[1], 2))

    def _show_alerts(self, rows: list[tuple[str, str, str | None]]) -> None:
        while (item := self._alerts_layout.takeAt(0)) is not None:
            widget = item.widget()
            if widget is not None:
                widget.deleteLater()
        for text, severity, key in rows:
            self._alerts_layout.addWidget(self._alert_row(text, severity, key))
        self.no_alerts.setVisible(not rows)

    def _alert_row(self, text: str, severity: str, key: str | None) -> QFrame:
        row = QFrame()
        row.setObjectName("dashboardAlert")
        row.setStyleSheet(f"#dashboardAlert {{ {SEVERITY_STYLE.get(severity, INFO_STYLE)} }}")
        label = QLabel(text)
        label.setWordWrap(True)
        label.setAccessibleName(text)
        if severity in ALERT_TEXT_COLOUR:
            label.setStyleSheet(f"color: {ALERT_TEXT_COLOUR[severity]};")
        layout = QHBoxLayout(row)
        layout.addWidget(label, 1)
        if key is not None:
            dismiss = QPushButton(self.tr("Dismiss"))
            dismiss.setObjectName("dismissAlertButton")
            dismiss.setAccessibleName(self.tr("Dismiss: {alert}").format(alert=text))
            dismiss.clicked.connect(partial(self._dismiss, key))
            layout.addWidget(dismiss)
        return row

    def _dismiss(self, key: str) -> None:
        self._session.operations.start(local_copy.dismiss_alert(key), owner=self)


def _main_subscription(subscriptions: tuple[Subscription, ...]) -> Subscription | None:
    """The contract the dashboard talks about: a live one before an ended one."""
    live = [s for s in subscriptions if s.status != "cancelled"]
    candidates = live or list(subscriptions)
    return candidates[0] if candidates else None
