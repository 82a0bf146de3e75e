"""Payloads shaped like the API's, for tests of the cache's own behaviour."""

from __future__ import annotations

import copy
from typing import Any


def money(amount: int) -> dict[str, Any]:
    return {"amount": amount, "currency": "EUR"}


def bill(n: int, status: str = "paid", year: int = 2025, total: int = 3599) -> dict[str, Any]:
    month = (n % 12) + 1
    return {
        "id": f"bill_{n:06d}",
        "number": f"F-{year}-{n:06d}",
        "subscription_id": "sub_1",
        "period_start": f"{year}-{month:02d}-01",
        "period_end": f"{year}-{month:02d}-28",
        "issue_date": f"{year}-{month:02d}-01",
        "due_date": f"{year}-{month:02d}-15",
        "total_excl_tax": money(total - total // 6),
        "tax": money(total // 6),
        "total": money(total),
        "status": status,
    }


def payment(n: int, bill_id: str | None = None) -> dict[str, Any]:
    return {
        "id": f"pay_{n:06d}",
        "created_at": "2025-03-02T10:00:00Z",
        "amount": money(3599),
        "method_summary": "Visa •••• 4242",
        "bill_id": bill_id,
        "status": "succeeded",
        "reference": f"REF-{n:06d}",
        "description": "Paiement",
        "failure_reason": None,
    }


CARD: dict[str, Any] = {
    "id": "pm_card",
    "type": "card",
    "default": True,
    "summary": "Visa •••• 4242",
    "expires_soon": False,
    "created_at": "2024-01-01T00:00:00Z",
    "card": {"brand": "visa", "last4": "4242", "exp_month": 1, "exp_year": 2027, "holder": "C D"},
    "sepa_debit": None,
    "mobile_money": None,
}


def with_(data: dict[str, Any], **changes: Any) -> dict[str, Any]:
    out = copy.deepcopy(data)
    out.update(changes)
    return out
