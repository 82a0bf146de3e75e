"""Bill retention: the provider stops serving old bills, which is not a removal."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

import pytest

from tests.sandbox.changes_tools import changed, changes, pay, updated_ids
from tests.sandbox.conftest import DEMO, Api, ServerProcess, assert_problem


def _bills(api: Api) -> list[dict[str, Any]]:
    page = api.get("/bills", params={"limit": 200})
    assert page.status_code == 200
    assert page.json()["next_cursor"] is None
    items: list[dict[str, Any]] = page.json()["items"]
    return items


def _today(api: Api) -> date:
    return date.fromisoformat(api.get("/sandbox/clock").json()["now"][:10])


def _retain(api: Api, days: int) -> None:
    response = api.send("PUT", "/sandbox/bill-retention", {"days": days})
    assert response.status_code == 200, response.text
    assert response.json() == {"days": days}


@pytest.mark.parametrize("body", [{"days": -1}, {"days": 36601}, {"days": "30"}, {}, None])
def test_a_bad_retention_is_422(demo: Api, body: Any) -> None:
    assert_problem(demo.send("PUT", "/sandbox/bill-retention", body), 422)


def test_old_bills_are_not_listed_nor_served_and_come_back_when_retention_ends(
    fresh_server: ServerProcess, clients: Callable[..., Api]
) -> None:
    demo = clients(fresh_server)
    demo.login(DEMO[0], DEMO[1])
    every = _bills(demo)
    cutoff = (_today(demo) - timedelta(days=100)).isoformat()
    kept = [b for b in every if b["issue_date"] >= cutoff]
    old = next(b for b in every if b["issue_date"] < cutoff)
    assert 0 < len(kept) < len(every)
    _retain(demo, 100)
    assert _bills(demo) == kept
    unknown = assert_problem(demo.get("/bills/bil_unknown"), 404)
    assert assert_problem(demo.get(f"/bills/{old['id']}"), 404) == unknown
    assert assert_problem(demo.get(f"/bills/{old['id']}/pdf"), 404) == unknown
    method = demo.get("/payment-methods").json()["items"][0]["id"]
    paying = demo.post(
        f"/bills/{old['id']}/payments", {"payment_method_id": method}, idempotent=True
    )
    assert assert_problem(paying, 404) == unknown
    expanded = demo.get("/bills", params={"limit": 200, "expand": "details"}).json()["items"]
    assert [b["id"] for b in expanded] == [b["id"] for b in kept]
    _retain(demo, 0)
    assert _bills(demo) == every
    assert demo.get(f"/bills/{old['id']}").status_code == 200


def test_retention_is_not_a_change_and_hides_old_bills_from_changes(
    fresh_server: ServerProcess, clients: Callable[..., Api]
) -> None:
    demo = clients(fresh_server)
    demo.login(DEMO[0], DEMO[1])
    failed = demo.get("/bills", params={"status": "failed"}).json()["items"][0]
    method = demo.get("/payment-methods").json()["items"][0]["id"]
    state = changes(demo)["state"]
    payment = pay(demo, failed["id"], method)
    # Just after the failed bill's issue date: it is no longer served.
    _retain(demo, (_today(demo) - date.fromisoformat(failed["issue_date"])).days - 1)
    assert demo.get(f"/bills/{failed['id']}").status_code == 404
    body = changes(demo, state)
    assert changed(body) == {"payments"}  # not the bill: neither updated nor removed
    assert updated_ids(body, "payments") == [payment["id"]]
    _retain(demo, 0)
    again = changes(demo, state)
    assert updated_ids(again, "bills") == [failed["id"]]
    assert again["bills"]["removed"] == []


def test_turning_retention_on_reports_nothing(
    fresh_server: ServerProcess, clients: Callable[..., Api]
) -> None:
    demo = clients(fresh_server)
    demo.login(DEMO[0], DEMO[1])
    state = changes(demo)["state"]
    _retain(demo, 30)
    body = changes(demo, state)
    assert changed(body) == set()
    assert body["catalog"] == []


def test_the_flag_sets_the_retention_at_start(
    launcher: Callable[..., ServerProcess], clients: Callable[..., Api]
) -> None:
    demo = clients(launcher("--bill-retention-days", "60"))
    demo.login(DEMO[0], DEMO[1])
    cutoff = (_today(demo) - timedelta(days=60)).isoformat()
    bills = _bills(demo)
    assert bills
    assert all(b["issue_date"] >= cutoff for b in bills)
    assert len(bills) <= 3
