"""The payment methods table (F20): type, masked number, holder, expiry with its state, and
the default marker. Expired cards and cards expiring within two months are flagged with a
colour AND a text, so the state never depends on colour alone."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QColor, QGuiApplication, QPalette

from icanal_desktop.core.domain.billing import PaymentMethod
from icanal_desktop.gui.models.record_table_model import Column, RecordTableModel

translate = QCoreApplication.translate

EXPIRED, EXPIRING, VALID, NO_EXPIRY = "expired", "expiring", "valid", ""
WARNING_MONTHS = 2

BRANDS = {"visa": "Visa", "mastercard": "Mastercard", "amex": "American Express"}
OPERATORS = {
    "orange_money": "Orange Money",
    "mtn_momo": "MTN MoMo",
    "wave": "Wave",
    "moov_money": "Moov Money",
}


def _add_months(day: dt.date, months: int) -> dt.date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    return dt.date(year, month, 1)


def expiry_state(method: PaymentMethod, today: dt.date | None = None) -> str:
    if method.exp_month is None or method.exp_year is None:
        return NO_EXPIRY
    today = today or dt.date.today()
    if method.expires_before(today):
        return EXPIRED
    # Valid through the end of its month: flagged when that end is within two months.
    if method.expires_soon or method.expires_before(_add_months(today, WARNING_MONTHS + 1)):
        return EXPIRING
    return VALID


def state_text(state: str) -> str:
    return {
        EXPIRED: translate("PaymentMethods", "Expired"),
        EXPIRING: translate("PaymentMethods", "Expires soon"),
        VALID: translate("PaymentMethods", "Valid"),
    }.get(state, "")


def state_color(state: str) -> QColor | None:
    dark = QGuiApplication.palette().color(QPalette.ColorRole.Window).lightness() < 128
    if state == EXPIRED:
        return QColor("#ff8a80") if dark else QColor("#b3261e")
    if state == EXPIRING:
        return QColor("#ffcc80") if dark else QColor("#9a5b00")
    return None


def type_text(method: PaymentMethod) -> str:
    return {
        "card": translate("PaymentMethods", "Card"),
        "sepa_debit": translate("PaymentMethods", "SEPA direct debit"),
        "mobile_money": translate("PaymentMethods", "Mobile money"),
    }.get(method.type, method.type)


def masked_text(method: PaymentMethod) -> str:
    """Only what the server sent masked: last 4 digits, masked IBAN or phone number."""
    if method.type == "card":
        brand = BRANDS.get(method.brand or "", (method.brand or "").title())
        return f"{brand} •••• {method.last4}"
    if method.type == "sepa_debit" and method.iban_masked:
        return method.iban_masked
    if method.type == "mobile_money":
        operator = OPERATORS.get(method.operator or "", method.operator or "")
        return f"{operator} {method.msisdn_masked or ''}".strip()
    return method.label


def expiry_text(method: PaymentMethod) -> str:
    if method.exp_month is None or method.exp_year is None:
        return "—"
    return f"{method.exp_month:02d}/{method.exp_year}"


def status_text(method: PaymentMethod) -> str:
    state = state_text(expiry_state(method))
    return state or translate("PaymentMethods", "Active")


def method_description(method: PaymentMethod) -> str:
    """One line for confirmations: "Card Visa •••• 4242"."""
    return f"{type_text(method)} {masked_text(method)}"


def _expiry_tooltip(method: PaymentMethod) -> str:
    state = expiry_state(method)
    if state == EXPIRED:
        return translate("PaymentMethods", "This card has expired: add a new card.")
    if state == EXPIRING:
        return translate(
            "PaymentMethods", "This card expires within two months: add the new one when it comes."
        )
    return ""


def payment_methods_model(parent: QObject | None = None) -> RecordTableModel[PaymentMethod]:
    columns: list[Column[PaymentMethod]] = [
        Column(lambda: translate("PaymentMethods", "Type"), type_text),
        Column(lambda: translate("PaymentMethods", "Number"), masked_text),
        Column(lambda: translate("PaymentMethods", "Holder"), lambda m: m.holder or "—"),
        Column(
            lambda: translate("PaymentMethods", "Expiry"),
            expiry_text,
            sort_key=lambda m: (m.exp_year or 9999, m.exp_month or 99),
        ),
        Column(
            lambda: translate("PaymentMethods", "Status"),
            status_text,
            foreground=lambda m: state_color(expiry_state(m)),
            tooltip=_expiry_tooltip,
        ),
        Column(
            lambda: translate("PaymentMethods", "Default"),
            lambda m: translate("PaymentMethods", "★ Default") if m.is_default else "",
            sort_key=lambda m: 0 if m.is_default else 1,
        ),
    ]
    return RecordTableModel(
        columns,
        search_text=lambda m: f"{type_text(m)} {masked_text(m)} {m.holder or ''}".casefold(),
        parent=parent,
    )
