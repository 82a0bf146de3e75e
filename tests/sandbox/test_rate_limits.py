"""Request rates are limited per account and per address (429 + Retry-After), and the
scale generator makes an account with N bills."""

from __future__ import annotations

from collections.abc import Callable

from tests.sandbox.conftest import DEMO, SECOND, Api, ServerProcess, assert_problem


def test_per_account_limit(
    launcher: Callable[..., ServerProcess], clients: Callable[..., Api]
) -> None:
    server = launcher("--rate-limit-account", "5")
    demo, second = clients(server), clients(server)
    demo.login(DEMO[0], DEMO[1])
    second.login(SECOND[0], SECOND[1])
    assert [demo.get("/me").status_code for _ in range(5)] == [200] * 5
    limited = demo.get("/me")
    assert_problem(limited, 429)
    assert 1 <= int(limited.headers["retry-after"]) <= 60
    # Another session of the same account shares the budget; another account does not.
    other_session = clients(server)
    other_session.login(DEMO[0], DEMO[1])
    assert_problem(other_session.get("/subscriptions"), 429)
    assert second.get("/me").status_code == 200


def test_per_address_limit(
    launcher: Callable[..., ServerProcess], clients: Callable[..., Api]
) -> None:
    server = launcher("--rate-limit-address", "10")
    api = clients(server)
    codes = [api.get("/support/contact").status_code for _ in range(12)]
    assert codes == [200] * 10 + [429] * 2
    limited = api.get("/support/faq", headers={"X-Forwarded-For": "203.0.113.9"})
    assert_problem(limited, 429)  # a forwarded-for header does not buy a new budget
    assert int(limited.headers["retry-after"]) >= 1


def test_scale_generator(
    launcher: Callable[..., ServerProcess], clients: Callable[..., Api]
) -> None:
    api = clients(launcher("--scale-bills", "250"))
    api.login("scale@icanal.example", "Scale-2026!")
    seen, cursor = 0, None
    while True:
        page = api.get("/bills", params={"limit": 200, **({"cursor": cursor} if cursor else {})})
        seen += len(page.json()["items"])
        cursor = page.json()["next_cursor"]
        if cursor is None:
            break
    assert seen == 250
    assert api.get("/me").json()["subscriber_number"] == "10000004"
