"""Plans, channels, plan change with pro rata, cancellation and reactivation, auto-renew."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from tests.sandbox.conftest import DEMO, HEAVY, SECOND, Api, ServerProcess, assert_problem


def _plan(api: Api, name: str) -> dict[str, Any]:
    plans: list[dict[str, Any]] = api.get("/plans").json()["items"]
    return next(p for p in plans if p["name"] == name)


def _server_today(api: Api) -> date:
    return date.fromisoformat(api.http.get("/sandbox/clock").json()["now"][:10])


def _advance(api: Api, days: int) -> None:
    assert (
        api.http.post("/sandbox/clock", json={"advance_seconds": days * 86400}).status_code == 200
    )


def test_catalog_plans_channels_and_offers(demo: Api) -> None:
    page = demo.get("/plans").json()
    names = [p["name"] for p in page["items"]]
    assert {"Essentiel", "Cinéma+", "Sport Intégral", "Famille Max"} <= set(names)
    assert page["options"]
    integrale = _plan(demo, "L'Intégrale")
    assert integrale["offers"]
    assert integrale["channel_count"] == len(integrale["channel_ids"])
    channels = demo.get("/channels", params={"limit": 200}).json()["items"]
    assert {c["id"] for c in channels} == set(integrale["channel_ids"])
    essentiel = demo.get("/channels", params={"plan_id": _plan(demo, "Essentiel")["id"]}).json()
    assert 0 < len(essentiel["items"]) < len(channels)
    numbers = [c["number"] for c in channels]
    assert numbers == sorted(numbers)
    cinema = demo.get("/channels", params={"category": "Cinéma"}).json()["items"]
    assert cinema
    assert all(c["category"] == "Cinéma" for c in cinema)
    found = demo.get("/channels", params={"q": "stade"}).json()["items"]
    assert [c["name"] for c in found] == ["Stade 1", "Stade 2"]


def test_upgrade_preview_and_apply_charge_the_pro_rata_once(
    fresh_server: ServerProcess, clients: Callable[..., Api]
) -> None:
    api = clients(fresh_server)
    api.login(DEMO[0], DEMO[1])
    sub = api.get("/subscriptions").json()["items"][0]
    target = _plan(api, "L'Intégrale")
    body = {"plan_id": target["id"], "options": [o["id"] for o in sub["options"]]}
    preview = api.post(f"/subscriptions/{sub['id']}/plan-change/preview", body).json()
    current = sub["next_bill_estimate"]["amount"]
    new = target["monthly_price"]["amount"] + sum(
        o["monthly_price"]["amount"] for o in sub["options"]
    )
    assert preview["current_monthly_price"]["amount"] == current
    assert preview["new_monthly_price"]["amount"] == new
    assert preview["immediate"] is True
    assert 0 < preview["amount_due_now"]["amount"] <= new - current
    assert preview["new_commitment_end"] >= sub["commitment_end"]
    payments_before = len(api.get("/payments", params={"limit": 200}).json()["items"])
    applied = api.post(f"/subscriptions/{sub['id']}/plan-change", body, key="upgrade-1")
    again = api.post(f"/subscriptions/{sub['id']}/plan-change", body, key="upgrade-1")
    assert applied.status_code == again.status_code == 200
    assert applied.json() == again.json()
    result = applied.json()
    assert result["preview"] == preview
    assert result["subscription"]["plan"]["id"] == target["id"]
    assert result["payment"]["amount"] == preview["amount_due_now"]
    assert result["payment"]["status"] == "succeeded"
    assert api.get(f"/bills/{result['bill_id']}").json()["status"] == "paid"
    payments_after = len(api.get("/payments", params={"limit": 200}).json()["items"])
    assert payments_after == payments_before + 1


def test_downgrade_under_commitment_is_refused_with_the_date(demo: Api) -> None:
    sub = demo.get("/subscriptions").json()["items"][0]
    body = {"plan_id": _plan(demo, "Essentiel")["id"], "options": []}
    problem = assert_problem(
        demo.post(f"/subscriptions/{sub['id']}/plan-change/preview", body), 409
    )
    assert problem["possible_from"] == sub["commitment_end"]


def test_downgrade_after_commitment_applies_at_renewal(
    fresh_server: ServerProcess, clients: Callable[..., Api]
) -> None:
    api = clients(fresh_server)
    api.login(SECOND[0], SECOND[1])
    sub = next(s for s in api.get("/subscriptions").json()["items"] if s["status"] == "active")
    assert sub["commitment_end"] < _server_today(api).isoformat()
    body = {"plan_id": _plan(api, "Essentiel")["id"], "options": []}
    preview = api.post(f"/subscriptions/{sub['id']}/plan-change/preview", body).json()
    assert preview["immediate"] is False
    assert preview["amount_due_now"]["amount"] == 0
    assert preview["effective_date"] == sub["renewal_date"]
    result = api.post(f"/subscriptions/{sub['id']}/plan-change", body, idempotent=True).json()
    pending = result["subscription"]["pending_plan_change"]
    assert pending["plan"]["name"] == "Essentiel"
    assert result["subscription"]["plan"]["id"] == sub["plan"]["id"]
    assert result["subscription"]["next_bill_estimate"] == preview["new_monthly_price"]
    days = (date.fromisoformat(sub["renewal_date"]) - _server_today(api)).days
    _advance(api, days + 1)
    api.login(SECOND[0], SECOND[1])
    after = api.get(f"/subscriptions/{sub['id']}").json()
    assert after["plan"]["name"] == "Essentiel"
    assert after["pending_plan_change"] is None


def test_cancellation_preview_cancel_and_reactivate(
    fresh_server: ServerProcess, clients: Callable[..., Api]
) -> None:
    api = clients(fresh_server)
    api.login(DEMO[0], DEMO[1])
    sub = api.get("/subscriptions").json()["items"][0]
    preview = api.post(f"/subscriptions/{sub['id']}/cancellation/preview").json()
    assert preview["earliest_effective_date"] == sub["renewal_date"]
    assert preview["commitment_end"] == sub["commitment_end"]
    assert preview["remaining_commitment_months"] > 0
    monthly = sub["next_bill_estimate"]["amount"]
    fee = preview["early_termination_fee"]["amount"]
    assert fee == round(monthly * preview["remaining_commitment_months"] / 4)
    cancelled = api.post(
        f"/subscriptions/{sub['id']}/cancellation",
        {"reason": "too_expensive", "comment": "Trop cher pour nous", "when": "earliest"},
        idempotent=True,
    ).json()
    assert cancelled["status"] == "pending_cancellation"
    assert cancelled["auto_renew"] is False
    assert cancelled["cancellation"]["effective_date"] == preview["earliest_effective_date"]
    assert cancelled["cancellation"]["early_termination_fee"]["amount"] == fee
    assert cancelled["next_bill_estimate"] is None
    assert_problem(api.post(f"/subscriptions/{sub['id']}/cancellation/preview"), 409)
    back = api.delete(f"/subscriptions/{sub['id']}/cancellation", idempotent=True).json()
    assert back["status"] == "active"
    assert back["cancellation"] is None
    assert back["auto_renew"] is True
    kinds = [e["kind"] for e in api.get(f"/subscriptions/{sub['id']}").json()["events"]]
    assert kinds[-2:] == ["cancellation_requested", "reactivated"]


def test_a_cancellation_takes_effect_on_its_date(
    fresh_server: ServerProcess, clients: Callable[..., Api]
) -> None:
    api = clients(fresh_server)
    api.login(HEAVY[0], HEAVY[1])
    sub = api.get("/subscriptions").json()["items"][0]
    body = {"reason": "moving", "when": "end_of_commitment"}
    done = api.post(f"/subscriptions/{sub['id']}/cancellation", body, idempotent=True).json()
    effective = done["cancellation"]["effective_date"]
    assert done["cancellation"]["early_termination_fee"]["amount"] == 0
    assert effective == max(sub["renewal_date"], sub["commitment_end"] or "")
    _advance(api, (date.fromisoformat(effective) - _server_today(api)).days + 1)
    api.login(HEAVY[0], HEAVY[1])
    after = api.get(f"/subscriptions/{sub['id']}").json()
    assert after["status"] == "cancelled"
    assert after["renewal_date"] is None
    too_late = api.delete(f"/subscriptions/{sub['id']}/cancellation", idempotent=True)
    assert assert_problem(too_late, 409)["type"].endswith("/no-pending-cancellation")


def test_auto_renew_off_and_on(fresh_server: ServerProcess, clients: Callable[..., Api]) -> None:
    api = clients(fresh_server)
    api.login(DEMO[0], DEMO[1])
    sub = api.get("/subscriptions").json()["items"][0]
    off = api.patch(f"/subscriptions/{sub['id']}", {"auto_renew": False}, idempotent=True).json()
    assert off["auto_renew"] is False
    assert off["end_date"] == sub["commitment_end"]  # ends when the commitment does
    assert off["status"] == "active"
    on = api.patch(f"/subscriptions/{sub['id']}", {"auto_renew": True}, idempotent=True).json()
    assert on["auto_renew"] is True
    assert on["end_date"] is None
    assert_problem(
        api.patch(f"/subscriptions/{sub['id']}", {"auto_renew": "yes"}, idempotent=True), 422
    )


def test_second_household_history_shows_a_cancellation_then_reactivation(second: Api) -> None:
    subs = second.get("/subscriptions").json()["items"]
    assert sorted(s["status"] for s in subs) == ["active", "cancelled"]
    active = next(s for s in subs if s["status"] == "active")
    kinds = [e["kind"] for e in second.get(f"/subscriptions/{active['id']}").json()["events"]]
    assert kinds.index("cancellation_requested") < kinds.index("reactivated")
