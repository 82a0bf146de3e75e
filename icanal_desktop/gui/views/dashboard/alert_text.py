"""What each alert recorded by sync says to the subscriber, and how urgent it looks."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QCoreApplication

from icanal_desktop.core.domain.account import Alert
from icanal_desktop.core.domain.records import Money
from icanal_desktop.gui.models.formatting import date_text, money_text

translate = QCoreApplication.translate

URGENT = "urgent"
WARNING = "warning"
INFO = "info"


def _money(value: Any) -> str:
    return money_text(Money(int(value["amount"]), str(value["currency"])))


def _date(value: Any) -> str:
    return date_text(dt.date.fromisoformat(str(value)))


def alert_text(alert: Alert) -> tuple[str, str]:
    """(text, severity) for one alert; an unknown kind is shown plainly, never dropped."""
    p = alert.params
    try:
        if alert.kind == "bill_overdue":
            return translate("Alerts", "Bill {number} of {amount} is overdue since {date}.").format(
                number=p["number"], amount=_money(p["total"]), date=_date(p["due_date"])
            ), URGENT
        if alert.kind == "payment_failed":
            return translate(
                "Alerts", "The payment of bill {number} failed. Pay it now or change the method."
            ).format(number=p["number"]), URGENT
        if alert.kind == "card_expiring":
            return translate("Alerts", "{card} expires at the end of {month:02d}/{year}.").format(
                card=p["label"], month=int(p["exp_month"]), year=int(p["exp_year"])
            ), WARNING
        if alert.kind == "plan_price_up":
            return translate(
                "Alerts", "The price of {plan} goes up from {old} to {new} a month."
            ).format(plan=p["plan"], old=_money(p["old"]), new=_money(p["new"])), WARNING
        if alert.kind == "channels_removed":
            return translate("Alerts", "Channels leave {plan}: {channels}.").format(
                plan=p["plan"], channels=", ".join(str(c) for c in p["channels"])
            ), WARNING
        if alert.kind == "new_bill":
            return translate("Alerts", "New bill {number}: {amount}, due {date}.").format(
                number=p["number"], amount=_money(p["total"]), date=_date(p["due_date"])
            ), INFO
    except (KeyError, TypeError, ValueError):
        pass  # an alert from a newer version with other fields: fall through
    return alert.kind.replace("_", " "), INFO
