"""Support requests (F25): number, subject, category, status and last activity."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QColor, QGuiApplication, QPalette

from icanal_desktop.core.domain.catalog import Ticket
from icanal_desktop.gui.models.formatting import datetime_text
from icanal_desktop.gui.models.record_table_model import Column, RecordTableModel

translate = QCoreApplication.translate


def category_text(category: str) -> str:
    return {
        "billing": translate("Tickets", "Billing"),
        "payment": translate("Tickets", "Payment"),
        "technical": translate("Tickets", "Technical problem"),
        "subscription": translate("Tickets", "Subscription"),
        "other": translate("Tickets", "Other"),
    }.get(category, category)


def status_text(status: str) -> str:
    return {
        "open": translate("Tickets", "Waiting for an answer"),
        "answered": translate("Tickets", "Answered"),
        "closed": translate("Tickets", "Closed"),
    }.get(status, status)


def _status_color(ticket: Ticket) -> QColor | None:
    if ticket.status != "answered":
        return None
    dark = QGuiApplication.palette().color(QPalette.ColorRole.Window).lightness() < 128
    return QColor("#81c784") if dark else QColor("#2e7d32")


def tickets_model(parent: QObject | None = None) -> RecordTableModel[Ticket]:
    columns: list[Column[Ticket]] = [
        Column(lambda: translate("Tickets", "Number"), lambda t: t.number),
        Column(lambda: translate("Tickets", "Subject"), lambda t: t.subject),
        Column(lambda: translate("Tickets", "Category"), lambda t: category_text(t.category)),
        Column(
            lambda: translate("Tickets", "Status"),
            lambda t: status_text(t.status),
            foreground=_status_color,
        ),
        Column(
            lambda: translate("Tickets", "Last activity"),
            lambda t: datetime_text(t.updated_at),
            sort_key=lambda t: t.updated_at.isoformat(),
        ),
    ]
    return RecordTableModel(
        columns,
        search_text=lambda t: f"{t.number} {t.subject} {category_text(t.category)}".casefold(),
        parent=parent,
    )
