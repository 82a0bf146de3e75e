"""Dashboard: the account at a glance (F6). Filled from the cached snapshot."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QFormLayout, QFrame, QLabel, QVBoxLayout, QWidget

from icanal_desktop.api.records import Subscription
from icanal_desktop.cache import AccountSnapshot
from icanal_desktop.views.formatting import date_text, money_text


class DashboardTab(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dashboardTab")
        self.greeting = QLabel()
        self.greeting.setObjectName("dashboardGreeting")
        self.greeting.setStyleSheet("font-size: 18pt; font-weight: 600;")
        self.holder_name = QLabel()
        self.holder_name.setObjectName("dashboardHolderName")
        self.holder_name.setAccessibleName(self.tr("Account holder"))
        self.plan = QLabel()
        self.plan.setObjectName("dashboardPlan")
        self.plan.setAccessibleName(self.tr("Plan"))
        self.status = QLabel()
        self.status.setObjectName("dashboardStatus")
        self.status.setAccessibleName(self.tr("Subscription status"))
        self.renewal = QLabel()
        self.renewal.setObjectName("dashboardRenewal")
        self.renewal.setAccessibleName(self.tr("Renewal"))

        card = QFrame()
        card.setFrameShape(QFrame.Shape.StyledPanel)
        form = QFormLayout(card)
        form.addRow(self.tr("Account holder"), self.holder_name)
        form.addRow(self.tr("Plan"), self.plan)
        form.addRow(self.tr("Status"), self.status)
        form.addRow(self.tr("Renewal"), self.renewal)

        layout = QVBoxLayout(self)
        layout.addWidget(self.greeting)
        layout.addWidget(card)
        layout.addStretch(1)
        self.show_snapshot(None)

    def show_snapshot(self, snapshot: AccountSnapshot | None) -> None:
        if snapshot is None or snapshot.profile is None:
            self.greeting.setText(self.tr("Loading your account…"))
            for label in (self.holder_name, self.plan, self.status, self.renewal):
                label.setText("—")
            return
        profile = snapshot.profile
        self.greeting.setText(self.tr("Hello {name}").format(name=profile.first_name))
        self.holder_name.setText(profile.full_name)
        main = snapshot.subscriptions[0] if snapshot.subscriptions else None
        if main is None:
            self.plan.setText(self.tr("No subscription"))
            self.status.setText("—")
            self.renewal.setText("—")
            return
        self.plan.setText(
            self.tr("{plan} — {price} per month").format(
                plan=main.plan.name, price=money_text(main.plan.monthly_price)
            )
        )
        self.status.setText(self._status_text(main))
        self.renewal.setText(self._renewal_text(main))

    def _status_text(self, sub: Subscription) -> str:
        return {
            "active": self.tr("Active"),
            "pending_cancellation": self.tr("Cancellation pending"),
            "cancelled": self.tr("Cancelled"),
            "suspended": self.tr("Suspended"),
        }.get(sub.status, sub.status)

    def _renewal_text(self, sub: Subscription) -> str:
        if sub.renewal_date is None:
            return "—"
        days = (sub.renewal_date - dt.date.today()).days
        return self.tr("{date} (in {days} days)").format(
            date=date_text(sub.renewal_date), days=days
        )
