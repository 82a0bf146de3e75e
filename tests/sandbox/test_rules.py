"""API.md's rules for every route: problems, ETag/304, limits, bodies."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.sandbox.conftest import HEAVY, Api, ServerProcess, assert_problem


def test_unknown_route_and_wrong_method_are_problems(demo: Api) -> None:
    assert_problem(demo.get("/no-such-thing"), 404)
    assert_problem(demo.get("/"), 404)
    assert_problem(demo.delete("/me"), 405)


def test_malformed_json_is_a_422_problem(
    server: ServerProcess, clients: Callable[..., Api]
) -> None:
    api = clients(server)
    response = api.http.post(
        "/auth/login", content=b'{"login": ', headers={"content-type": "application/json"}
    )
    body = assert_problem(response, 422)
    assert body["errors"]


def test_validation_errors_name_their_fields(
    server: ServerProcess, clients: Callable[..., Api]
) -> None:
    api = clients(server)
    body = assert_problem(api.post("/auth/login", {"login": "x"}), 422)
    assert {"field": "password", "message": "This field is required."} in body["errors"]
    body = assert_problem(api.post("/auth/login", {"login": 5, "password": "p"}), 422)
    assert [e["field"] for e in body["errors"]] == ["login"]


def test_unknown_fields_are_refused(server: ServerProcess, clients: Callable[..., Api]) -> None:
    api = clients(server)
    body = assert_problem(
        api.post("/auth/login", {"login": "a", "password": "b", "account_id": "acc_1"}), 422
    )
    assert body["errors"] == [{"field": "account_id", "message": "Unknown or read-only field."}]


def test_get_has_an_etag_and_if_none_match_gives_304(demo: Api) -> None:
    for path in ("/me", "/subscriptions", "/openapi.json"):
        first = demo.get(path)
        etag = first.headers["etag"]
        # Weak (W/) when the answer came gzip-compressed: httpx asks for gzip.
        assert etag.removeprefix("W/").startswith('"')
        again = demo.get(path, headers={"If-None-Match": etag})
        assert again.status_code == 304
        assert again.content == b""
        assert again.headers["etag"] == etag
        other = demo.get(path, headers={"If-None-Match": '"something-else"'})
        assert other.status_code == 200


def test_etag_changes_when_the_resource_changes(demo: Api) -> None:
    before = demo.get("/me").headers["etag"]
    original = demo.get("/me").json()["first_name"]
    assert demo.patch("/me", {"first_name": "Camilla"}).status_code == 200
    after = demo.get("/me", headers={"If-None-Match": before})
    assert after.status_code == 200
    assert after.headers["etag"] != before
    assert demo.patch("/me", {"first_name": original}).status_code == 200


@pytest.mark.parametrize("limit", ["0", "-1", "abc", "1.5", "100001", "99999999999999999999"])
def test_absurd_limits_are_422(demo: Api, limit: str) -> None:
    body = assert_problem(demo.get("/subscriptions", params={"limit": limit}), 422)
    assert body["errors"][0]["field"] == "limit"


def test_large_limits_are_clamped(server: ServerProcess, clients: Callable[..., Api]) -> None:
    api = clients(server)
    api.login(HEAVY[0], HEAVY[1])
    page = api.get("/payments", params={"limit": "5000"})
    assert page.status_code == 200
    assert len(page.json()["items"]) == 200
    assert page.json()["next_cursor"]
    assert len(api.get("/payments").json()["items"]) == 50  # the default


def test_every_get_route_has_an_etag_and_answers_304(demo: Api) -> None:
    bill = demo.get("/bills").json()["items"][0]["id"]
    sub = demo.get("/subscriptions").json()["items"][0]["id"]
    ticket = demo.get("/support/tickets").json()["items"][0]["id"]
    paths = [
        "/me", "/subscriptions", f"/subscriptions/{sub}", "/plans", "/channels", "/bills",
        f"/bills/{bill}", f"/bills/{bill}/pdf", "/payments", "/payment-methods",
        "/support/faq", "/support/contact", "/support/tickets", f"/support/tickets/{ticket}",
        "/sandbox/outbox", "/openapi.json", "/bills?year=2025", "/channels?q=cin",
        "/bills?expand=details", "/support/tickets?expand=messages", "/changes",
    ]  # fmt: skip
    for path in paths:
        first = demo.get(path)
        assert first.status_code == 200, path
        etag = first.headers["etag"]
        again = demo.get(path, headers={"If-None-Match": etag})
        assert again.status_code == 304, path
        assert again.content == b"", path
        weak_form = f"W/{etag.removeprefix('W/')}"
        weak = demo.get(path, headers={"If-None-Match": f'"other", {weak_form}'})
        assert weak.status_code == 304, path


def test_bad_cursor_is_422(demo: Api) -> None:
    body = assert_problem(demo.get("/subscriptions", params={"cursor": "%%%not-a-cursor"}), 422)
    assert body["errors"][0]["field"] == "cursor"


def test_oversized_body_is_413(server: ServerProcess, clients: Callable[..., Api]) -> None:
    api = clients(server)
    big = {"login": "x" * 200_000, "password": "y"}
    assert_problem(api.post("/auth/login", big), 413)


def test_oversized_chunked_body_is_413(server: ServerProcess, clients: Callable[..., Api]) -> None:
    api = clients(server)

    def chunks():
        yield b'{"login": "'
        for _ in range(100):
            yield b"x" * 1024
        yield b'", "password": "y"}'

    response = api.http.post(
        "/auth/login", content=chunks(), headers={"content-type": "application/json"}
    )
    assert_problem(response, 413)


def test_trailing_slashes_are_404_not_redirects(demo: Api) -> None:
    # Found by the fuzz: Starlette used to answer 307 to a path ending in "/".
    for path in ("/subscriptions/", "/support/tickets/%2F", "/me/"):
        response = demo.get(path, follow_redirects=False)
        assert_problem(response, 404)
