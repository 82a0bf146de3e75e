"""Bills, payments and PDFs: demo data, filters, pagination, paying once, valid PDFs."""

from __future__ import annotations

import shutil
import subprocess
import uuid
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.sandbox.conftest import DEMO, HEAVY, Api, ServerProcess, assert_problem


def _all(api: Api, path: str, limit: int = 200, **params: Any) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = []
    cursor = None
    for _ in range(1000):
        query = {"limit": limit, **params, **({"cursor": cursor} if cursor else {})}
        page = api.get(path, params=query)
        assert page.status_code == 200, page.text
        body = page.json()
        items += body["items"]
        cursor = body["next_cursor"]
        if cursor is None:
            return items
    raise AssertionError("pagination never ended")


def test_demo_has_three_years_of_bills_with_every_status(demo: Api) -> None:
    bills = _all(demo, "/bills")
    assert len(bills) >= 36
    statuses = [b["status"] for b in bills]
    assert statuses.count("overdue") == 1
    assert statuses.count("failed") == 1
    assert statuses[0] == "due"
    for bill in bills:
        assert bill["total"]["amount"] == bill["total_excl_tax"]["amount"] + bill["tax"]["amount"]
        assert all(isinstance(bill[k]["amount"], int) for k in ("total", "tax", "amount_due"))
        assert bill["amount_due"]["amount"] == (
            0 if bill["status"] == "paid" else bill["total"]["amount"]
        )
    payments = _all(demo, "/payments")
    assert any(p["status"] == "failed" for p in payments)


def test_demo_methods_card_expiring_soon_sepa_and_mobile_money(demo: Api) -> None:
    methods = demo.get("/payment-methods").json()["items"]
    kinds = {m["type"]: m for m in methods}
    assert set(kinds) == {"card", "sepa_debit", "mobile_money"}
    assert kinds["card"]["expires_soon"] is True
    assert kinds["card"]["default"] is True
    assert sum(m["default"] for m in methods) == 1
    assert len(demo.get("/support/tickets").json()["items"]) == 2


def test_bill_filters(demo: Api) -> None:
    bills = _all(demo, "/bills")
    year = int(bills[-1]["issue_date"][:4]) + 1
    in_year = _all(demo, "/bills", year=year)
    assert in_year
    assert all(b["issue_date"].startswith(str(year)) for b in in_year)
    assert [b["id"] for b in _all(demo, "/bills", status="overdue")] == [
        b["id"] for b in bills if b["status"] == "overdue"
    ]
    assert_problem(demo.get("/bills", params={"status": "lost"}), 422)
    assert_problem(demo.get("/bills", params={"year": "1789"}), 422)


@pytest.mark.parametrize("limit", [7, 50, 200])
def test_pagination_walks_every_bill_once(
    server: ServerProcess, clients: Callable[..., Api], limit: int
) -> None:
    api = clients(server)
    api.login(HEAVY[0], HEAVY[1])
    bills = _all(api, "/bills", limit=limit)
    assert len(bills) >= 120
    assert len({b["id"] for b in bills}) == len(bills)
    keys = [(b["issue_date"], b["id"]) for b in bills]
    assert keys == sorted(keys, reverse=True)


def test_heavy_has_ten_years_a_thousand_payments_and_two_hundred_tickets(
    server: ServerProcess, clients: Callable[..., Api]
) -> None:
    api = clients(server)
    api.login(HEAVY[0], HEAVY[1])
    bills = _all(api, "/bills")
    assert bills[-1]["issue_date"] <= str(int(bills[0]["issue_date"][:4]) - 9)
    payments = _all(api, "/payments", limit=5000)  # clamped to 200 per page
    assert len(payments) >= 1000
    assert len({p["id"] for p in payments}) == len(payments)
    assert len(_all(api, "/support/tickets")) >= 200


def test_bill_detail_has_lines_and_payments(demo: Api) -> None:
    paid = _all(demo, "/bills", status="paid")[0]
    detail = demo.get(f"/bills/{paid['id']}").json()
    assert sum(line["amount"]["amount"] for line in detail["lines"]) == paid["total"]["amount"]
    assert all(line["tax_rate_bp"] == 2000 for line in detail["lines"])
    assert [p["status"] for p in detail["payments"]][-1] == "succeeded"
    assert detail["payments"][-1]["bill_id"] == paid["id"]


def test_paying_a_bill_updates_the_bill_and_the_history_once(
    fresh_server: ServerProcess, clients: Callable[..., Api]
) -> None:
    api = clients(fresh_server)
    api.login(DEMO[0], DEMO[1])
    overdue = _all(api, "/bills", status="overdue")[0]
    sepa = next(m for m in api.get("/payment-methods").json()["items"] if m["type"] == "sepa_debit")
    before = len(_all(api, "/payments"))
    paid = api.post(
        f"/bills/{overdue['id']}/payments", {"payment_method_id": sepa["id"]}, idempotent=True
    )
    assert paid.status_code == 201
    payment = paid.json()
    assert payment["status"] == "succeeded"
    assert payment["amount"] == overdue["total"]
    assert payment["method_summary"] == sepa["summary"]
    assert payment["bill_number"] == overdue["number"]
    bill = api.get(f"/bills/{overdue['id']}").json()
    assert bill["status"] == "paid"
    assert bill["amount_due"]["amount"] == 0
    assert [p["id"] for p in bill["payments"]] == [payment["id"]]
    history = _all(api, "/payments")
    assert len(history) == before + 1
    assert history[0]["id"] == payment["id"]


def test_a_declined_card_fails_the_payment(
    fresh_server: ServerProcess, clients: Callable[..., Api]
) -> None:
    api = clients(fresh_server)
    api.login(DEMO[0], DEMO[1])
    card = {"number": "4000 0000 0000 0002", "exp_month": 12, "exp_year": 2035, "cvc": "123",
            "holder": "CAMILLE DURAND"}  # fmt: skip
    token = api.post("/vault/cards", card).json()["token"]
    method = api.post(
        "/payment-methods", {"type": "card", "card": {"token": token}}, idempotent=True
    )
    assert method.status_code == 201
    due = _all(api, "/bills", status="due")[0]
    attempt = api.post(
        f"/bills/{due['id']}/payments", {"payment_method_id": method.json()["id"]}, idempotent=True
    )
    assert attempt.status_code == 201
    assert attempt.json()["status"] == "failed"
    assert attempt.json()["failure_reason"]
    assert api.get(f"/bills/{due['id']}").json()["status"] == "failed"


def _pdf_text(pdf: bytes) -> bytes:
    """Page contents of an fpdf2 document (Flate streams inflated), for text checks."""
    text = b""
    for part in pdf.split(b"stream\n")[1:]:
        data = part.split(b"endstream")[0]
        try:
            text += zlib.decompress(data)
        except zlib.error:
            text += data
    return text


@pytest.mark.skipif(
    shutil.which("qpdf") is None, reason="qpdf is not installed (.ci/run installs it)"
)
def test_bill_pdfs_are_valid_and_show_the_bill(demo: Api, tmp_path: Path) -> None:
    me = demo.get("/me").json()
    bills = _all(demo, "/bills")
    for bill in (bills[0], bills[len(bills) // 2], bills[-1]):
        response = demo.get(f"/bills/{bill['id']}/pdf")
        assert response.status_code == 200
        assert response.headers["content-type"] == "application/pdf"
        assert response.content.startswith(b"%PDF-")
        path = tmp_path / f"{bill['number']}.pdf"
        path.write_bytes(response.content)
        check = subprocess.run(
            ["qpdf", "--check", str(path)], capture_output=True, text=True, check=False
        )
        assert check.returncode == 0, check.stdout + check.stderr
        text = _pdf_text(response.content)
        assert bill["number"].encode() in text
        assert f"{me['first_name']} {me['last_name']}".encode("latin-1") in text
        total = bill["total"]["amount"]
        assert f"{total // 100},{total % 100:02d} EUR".encode() in text
        again = demo.get(
            f"/bills/{bill['id']}/pdf", headers={"If-None-Match": response.headers["etag"]}
        )
        assert again.status_code == 304


def test_cannot_pay_with_a_removed_method_or_pay_twice(
    fresh_server: ServerProcess, clients: Callable[..., Api]
) -> None:
    api = clients(fresh_server)
    api.login(DEMO[0], DEMO[1])
    methods = api.get("/payment-methods").json()["items"]
    mobile = next(m for m in methods if m["type"] == "mobile_money")
    assert api.delete(f"/payment-methods/{mobile['id']}", key=str(uuid.uuid4())).status_code == 204
    due = _all(api, "/bills", status="due")[0]
    refused = api.post(
        f"/bills/{due['id']}/payments", {"payment_method_id": mobile["id"]}, idempotent=True
    )
    assert assert_problem(refused, 422)["errors"][0]["field"] == "payment_method_id"
    card = next(m for m in methods if m["type"] == "card")
    assert (
        api.post(
            f"/bills/{due['id']}/payments", {"payment_method_id": card["id"]}, idempotent=True
        ).status_code
        == 201
    )
    assert_problem(
        api.post(
            f"/bills/{due['id']}/payments", {"payment_method_id": card["id"]}, idempotent=True
        ),
        409,
    )
