"""Auth rules of API.md against a real server: lockout, enumeration, refresh rotation and
reuse, logout, password reset codes, password and email change."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest

from tests.sandbox.conftest import DEMO, SECOND, Api, ServerProcess, assert_problem


def advance(api: Api, seconds: int) -> None:
    response = api.http.post("/sandbox/clock", json={"advance_seconds": seconds})
    assert response.status_code == 200, response.text


def login(api: Api, login: str, password: str) -> int:
    return api.post("/auth/login", {"login": login, "password": password}).status_code


def test_five_failures_lock_the_account_even_for_the_right_password(
    fresh_server: ServerProcess, clients: Callable[..., Api]
) -> None:
    api = clients(fresh_server)
    for _ in range(5):
        assert_problem(api.post("/auth/login", {"login": DEMO[0], "password": "wrong-1"}), 401)
    locked = api.post("/auth/login", {"login": DEMO[0], "password": DEMO[1]})
    body = assert_problem(locked, 429)
    wait = int(locked.headers["retry-after"])
    assert 0 < wait <= 15 * 60
    assert body["retry_after"] == wait
    # The same account by its subscriber number is locked too.
    assert login(api, DEMO[2], DEMO[1]) == 429
    # Another account is not.
    assert login(api, SECOND[0], SECOND[1]) == 200
    advance(api, 15 * 60 + 1)
    assert login(api, DEMO[0], DEMO[1]) == 200


def test_lockout_does_not_reveal_which_logins_exist(
    fresh_server: ServerProcess, clients: Callable[..., Api]
) -> None:
    api = clients(fresh_server)
    known, unknown = [], []
    for _ in range(6):
        known.append(api.post("/auth/login", {"login": SECOND[0], "password": "nope-nope"}))
        unknown.append(api.post("/auth/login", {"login": "ghost@icanal.example", "password": "x"}))
    assert [r.status_code for r in known] == [r.status_code for r in unknown] == [401] * 5 + [429]
    assert known[0].json() == unknown[0].json()
    assert set(known[-1].json()) == set(unknown[-1].json())


def test_refresh_rotates_and_reuse_revokes_the_family(
    fresh_server: ServerProcess, clients: Callable[..., Api]
) -> None:
    api = clients(fresh_server)
    first = api.login(DEMO[0], DEMO[1])
    rotated = api.post("/auth/refresh", {"refresh_token": first["refresh_token"]})
    assert rotated.status_code == 200
    second = rotated.json()
    assert second["refresh_token"] != first["refresh_token"]
    assert second["access_token"] != first["access_token"]
    assert second["account_id"] == first["account_id"]
    api.token = second["access_token"]
    assert api.get("/me").status_code == 200
    # The old refresh token comes back: 401, and the whole family dies with it.
    assert_problem(api.post("/auth/refresh", {"refresh_token": first["refresh_token"]}), 401)
    assert_problem(api.post("/auth/refresh", {"refresh_token": second["refresh_token"]}), 401)
    assert_problem(api.get("/me"), 401)
    # Other sessions of the same account are untouched.
    other = clients(fresh_server)
    other.login(DEMO[0], DEMO[1])
    assert other.get("/me").status_code == 200


def test_refresh_tokens_expire_after_30_days(
    fresh_server: ServerProcess, clients: Callable[..., Api]
) -> None:
    api = clients(fresh_server)
    pair = api.login(DEMO[0], DEMO[1])
    advance(api, 29 * 24 * 3600)
    renewed = api.post("/auth/refresh", {"refresh_token": pair["refresh_token"]}).json()
    advance(api, 30 * 24 * 3600 + 60)
    assert_problem(api.post("/auth/refresh", {"refresh_token": renewed["refresh_token"]}), 401)


def test_access_tokens_are_short_lived(
    fresh_server: ServerProcess, clients: Callable[..., Api]
) -> None:
    api = clients(fresh_server)
    pair = api.login(DEMO[0], DEMO[1])
    assert pair["expires_in"] == 15 * 60
    advance(api, 14 * 60)
    assert api.get("/me").status_code == 200
    advance(api, 2 * 60)
    assert_problem(api.get("/me"), 401)
    assert api.post("/auth/refresh", {"refresh_token": pair["refresh_token"]}).status_code == 200


def test_logout_kills_the_access_token_and_the_refresh_family(
    server: ServerProcess, clients: Callable[..., Api]
) -> None:
    api, other = clients(server), clients(server)
    pair = api.login(SECOND[0], SECOND[1])
    other.login(SECOND[0], SECOND[1])
    assert api.post("/auth/logout").status_code == 204
    assert_problem(api.get("/me"), 401)
    assert_problem(api.post("/auth/refresh", {"refresh_token": pair["refresh_token"]}), 401)
    assert other.get("/me").status_code == 200  # another session of the account goes on


def test_password_reset_is_enumeration_proof_single_use_and_revokes_sessions(
    fresh_server: ServerProcess, clients: Callable[..., Api]
) -> None:
    api, session = clients(fresh_server), clients(fresh_server)
    session.login(DEMO[0], DEMO[1])
    known = api.post("/auth/password-reset", {"email": DEMO[0]})
    unknown = api.post("/auth/password-reset", {"email": "ghost@icanal.example"})
    assert known.status_code == unknown.status_code == 202
    assert known.content == unknown.content
    mails = api.get("/sandbox/outbox").json()["items"]
    assert [m["to"] for m in mails] == [DEMO[0]]
    code = re.search(r"\b(\d{8})\b", mails[0]["body"])
    assert code is not None
    new_password = "Nouveau-2026!"
    confirm = {"email": DEMO[0], "code": code.group(1), "new_password": new_password}
    assert api.post("/auth/password-reset/confirm", confirm).status_code == 204
    assert_problem(session.get("/me"), 401)  # every session of the account is revoked
    assert_problem(api.post("/auth/password-reset/confirm", confirm), 400)  # single use
    assert login(api, DEMO[0], DEMO[1]) == 401
    assert login(api, DEMO[0], new_password) == 200


def test_reset_codes_expire_after_15_minutes(
    fresh_server: ServerProcess, clients: Callable[..., Api]
) -> None:
    api = clients(fresh_server)
    assert api.post("/auth/password-reset", {"email": SECOND[0]}).status_code == 202
    body = api.get("/sandbox/outbox", params={"to": SECOND[0]}).json()["items"][0]["body"]
    code = re.search(r"\b(\d{8})\b", body)
    assert code is not None
    advance(api, 15 * 60 + 1)
    confirm = {"email": SECOND[0], "code": code.group(1), "new_password": "Encore-2026!"}
    assert_problem(api.post("/auth/password-reset/confirm", confirm), 400)
    assert login(api, SECOND[0], SECOND[1]) == 200


def test_a_wrong_code_never_works_and_guessing_is_bounded(
    fresh_server: ServerProcess, clients: Callable[..., Api]
) -> None:
    api = clients(fresh_server)
    api.post("/auth/password-reset", {"email": SECOND[0]})
    body = api.get("/sandbox/outbox").json()["items"][0]["body"]
    code = re.search(r"\b(\d{8})\b", body)
    assert code is not None
    wrong = f"{(int(code.group(1)) + 1) % 10**8:08d}"
    for _ in range(5):
        guess = {"email": SECOND[0], "code": wrong, "new_password": "Encore-2026!"}
        assert_problem(api.post("/auth/password-reset/confirm", guess), 400)
    right = {"email": SECOND[0], "code": code.group(1), "new_password": "Encore-2026!"}
    assert_problem(api.post("/auth/password-reset/confirm", right), 400)  # the code is dead


def test_reset_requests_are_rate_limited_per_email_known_or_not(
    fresh_server: ServerProcess, clients: Callable[..., Api]
) -> None:
    api = clients(fresh_server)
    for email in (DEMO[0], "ghost@icanal.example"):
        codes = [api.post("/auth/password-reset", {"email": email}).status_code for _ in range(4)]
        assert codes == [202, 202, 202, 429]


def test_password_change_needs_the_current_password(
    fresh_server: ServerProcess, clients: Callable[..., Api]
) -> None:
    api, elsewhere = clients(fresh_server), clients(fresh_server)
    api.login(SECOND[0], SECOND[1])
    elsewhere.login(SECOND[0], SECOND[1])
    bad = api.post("/auth/password", {"current_password": "nope", "new_password": "Autre-2026!"})
    assert assert_problem(bad, 422)["errors"][0]["field"] == "current_password"
    weak = api.post("/auth/password", {"current_password": SECOND[1], "new_password": "short"})
    assert assert_problem(weak, 422)["errors"][0]["field"] == "new_password"
    ok = api.post("/auth/password", {"current_password": SECOND[1], "new_password": "Autre-2026!"})
    assert ok.status_code == 204
    assert api.get("/me").status_code == 200  # this session goes on
    assert_problem(elsewhere.get("/me"), 401)  # the others end
    assert login(api, SECOND[0], "Autre-2026!") == 200


@pytest.mark.parametrize("password", [None, "wrong-password"])
def test_email_change_needs_the_current_password(
    server: ServerProcess, clients: Callable[..., Api], password: str | None
) -> None:
    api = clients(server)
    api.login(SECOND[0], SECOND[1])
    body: dict[str, str] = {"email": "new-address@icanal.example"}
    if password:
        body["current_password"] = password
    problem = assert_problem(api.patch("/me", body), 422)
    assert problem["errors"][0]["field"] == "current_password"
    assert api.get("/me").json()["email"] == SECOND[0]


def test_email_change_with_the_password(
    fresh_server: ServerProcess, clients: Callable[..., Api]
) -> None:
    api = clients(fresh_server)
    api.login(SECOND[0], SECOND[1])
    taken = api.patch("/me", {"email": DEMO[0], "current_password": SECOND[1]})
    assert_problem(taken, 409)
    changed = api.patch(
        "/me", {"email": "Ines.Martin@icanal.example", "current_password": SECOND[1]}
    )
    assert changed.status_code == 200
    assert changed.json()["email"] == "ines.martin@icanal.example"
    assert login(api, "ines.martin@icanal.example", SECOND[1]) == 200
