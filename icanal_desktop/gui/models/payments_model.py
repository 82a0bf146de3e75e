"""The payment history (F17) and the payments applied to one bill (F14): a record table
over `billing.Payment`, searchable by every column."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QColor, QGuiApplication

from icanal_desktop.core.domain import billing
from icanal_desktop.core.exports import decimal_text
from icanal_desktop.gui.models.bills_model import is_dark
from icanal_desktop.gui.models.formatting import datetime_text, money_text
from icanal_desktop.gui.models.record_table_model import Column, RecordTableModel

translate = QCoreApplication.translate


def payment_status_text(status: str) -> str:
    return {
        "succeeded": translate("Payments", "Succeeded"),
        "failed": translate("Payments", "Failed"),
        "pending": translate("Payments", "Pending"),
        "refunded": translate("Payments", "Refunded"),
    }.get(status, status)


def payment_status_color(payment: billing.Payment) -> QColor | None:
    dark = is_dark(QGuiApplication.palette())
    if payment.status == "failed":
        return QColor("#ff8a80" if dark else "#b3261e")
    if payment.status == "succeeded":
        return QColor("#7fd69a" if dark else "#1b7a3a")
    return None


def _search_text(p: billing.Payment) -> str:
    amount = decimal_text(p.amount)
    return (
        f"{p.created_at.date().isoformat()} {amount} {amount.replace('.', ',')} "
        f"{p.method_summary} {p.reference} {p.bill_number or ''} {p.status} "
        f"{payment_status_text(p.status)} {p.failure_reason or ''}"
    ).casefold()


PAYMENT_COLUMNS: list[Column[billing.Payment]] = [
    Column(
        lambda: translate("Payments", "Date"),
        lambda p: datetime_text(p.created_at),
        sort_key=lambda p: p.created_at.timestamp(),
    ),
    Column(
        lambda: translate("Payments", "Amount"),
        lambda p: money_text(p.amount),
        sort_key=lambda p: p.amount.amount,
        align_right=True,
    ),
    Column(lambda: translate("Payments", "Method"), lambda p: p.method_summary),
    Column(lambda: translate("Payments", "Reference"), lambda p: p.reference),
    Column(lambda: translate("Payments", "Bill"), lambda p: p.bill_number or ""),
    Column(
        lambda: translate("Payments", "Status"),
        lambda p: payment_status_text(p.status),
        foreground=payment_status_color,
        tooltip=lambda p: p.failure_reason or payment_status_text(p.status),
    ),
]


def payments_model(parent: QObject | None = None) -> RecordTableModel[billing.Payment]:
    return RecordTableModel(PAYMENT_COLUMNS, search_text=_search_text, parent=parent)
