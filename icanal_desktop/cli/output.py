"""How the command line writes things: amounts (a decimal point and the currency), an
amount and a bill in JSON, and an alert in words."""

from __future__ import annotations

from typing import Any

from icanal_desktop.core import exports
from icanal_desktop.core.domain import billing, records

_decimal = exports.decimal_text


def money(amount: records.Money) -> str:
    return f"{_decimal(amount)} {amount.currency}"


def money_json(amount: records.Money) -> dict[str, Any]:
    return {"amount": amount.amount, "currency": amount.currency}


def bill_json(bill: billing.Bill) -> dict[str, Any]:
    return {
        "id": bill.id,
        "number": bill.number,
        "period_start": bill.period_start.isoformat(),
        "period_end": bill.period_end.isoformat(),
        "issue_date": bill.issue_date.isoformat(),
        "due_date": bill.due_date.isoformat(),
        "total_excl_tax": money_json(bill.total_excl_tax),
        "tax": money_json(bill.tax),
        "total": money_json(bill.total),
        "status": bill.status,
    }


def alert_text(kind: str, params: dict[str, Any]) -> str:
    texts = {
        "new_bill": "new bill {number}",
        "bill_overdue": "bill {number} is overdue (due {due_date})",
        "payment_failed": "the payment of bill {number} failed",
        "card_expiring": "{label} expires {exp_month:02d}/{exp_year}",
        "plan_price_up": "the price of {plan} goes up",
        "channels_removed": "channels removed from {plan}: {channel_list}",
        "pending_cancellation": "{plan} ends on {effective_date} (cancellation requested)",
    }
    fields = dict(params)
    fields["channel_list"] = ", ".join(params.get("channels", []))
    try:
        return texts.get(kind, kind).format(**fields)
    except (KeyError, ValueError):
        return kind
