"""A bounded property-based fuzz of every operation in the committed OpenAPI document,
against a real server: no 5xx, no undocumented status, and every response matches its
documented media type and schema. Derandomized, so a failure reproduces."""

from __future__ import annotations

import json
import string
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from icanal_sandbox.openapi import COMMITTED
from tests.sandbox.conftest import DEMO, HEAVY, SECOND, ServerProcess, launch
from tests.sandbox.openapi_tools import Resolver

DOCUMENT: dict[str, Any] = json.loads(COMMITTED.read_text(encoding="utf-8"))
RESOLVER = Resolver(DOCUMENT)
# Moving the server's clock by up to ten years would only test the fuzz's own patience.
SKIPPED = {("post", "/api/v1/sandbox/clock")}
OPERATIONS = [
    (method, path)
    for path, item in DOCUMENT["paths"].items()
    for method in item
    if (method, path) not in SKIPPED
]
ID_KINDS = {
    "subscription_id": "/subscriptions",
    "bill_id": "/bills",
    "method_id": "/payment-methods",
    "ticket_id": "/support/tickets",
}
KEY_ALPHABET = string.ascii_letters + string.digits + "-_:."


@dataclass
class FuzzTarget:
    server: ServerProcess
    http: httpx.Client
    token: str
    ids: dict[str, list[str]] = field(default_factory=dict)

    def login(self, who: tuple[str, str, str]) -> str:
        response = self.http.post("/auth/login", json={"login": who[0], "password": who[1]})
        assert response.status_code == 200, response.text
        return str(response.json()["access_token"])


@pytest.fixture(scope="module")
def target(tmp_path_factory: pytest.TempPathFactory) -> Iterator[FuzzTarget]:
    server = launch(
        tmp_path_factory.mktemp("fuzz"),
        "--rate-limit-address",
        "1000000",
        "--rate-limit-account",
        "1000000",
    )
    http = httpx.Client(base_url=server.api, timeout=30)
    try:
        fuzz = FuzzTarget(server, http, token="")
        fuzz.token = fuzz.login(DEMO)
        other = fuzz.login(SECOND)
        for name, path in ID_KINDS.items():
            fuzz.ids[name] = [
                item["id"]
                for token in (fuzz.token, other)
                for item in http.get(path, headers={"Authorization": f"Bearer {token}"}).json()[
                    "items"
                ][:3]
            ]
        auth = {"Authorization": f"Bearer {fuzz.token}"}
        plans = http.get("/plans", headers=auth).json()
        RESOLVER.hints = {
            "payment_method_id": fuzz.ids["method_id"],
            "bill_id": fuzz.ids["bill_id"],
            "plan_id": [p["id"] for p in plans["items"]],
            "options": [[o["id"]] for o in plans["options"]] + [[]],
            "login": [SECOND[0], SECOND[2], "ghost@icanal.example"],
        }
        yield fuzz
    finally:
        http.close()
        server.stop()


def _parameters(operation: dict[str, Any], location: str) -> list[dict[str, Any]]:
    return [p for p in operation.get("parameters", []) if p["in"] == location]


def _path_value(target: FuzzTarget, name: str) -> st.SearchStrategy[str]:
    junk = st.text(st.characters(codec="utf-8"), min_size=1, max_size=30)
    real = st.sampled_from(target.ids.get(name) or ["x"])
    return st.one_of(real, real, real, junk)


@pytest.mark.slow
@pytest.mark.parametrize(("method", "path"), OPERATIONS, ids=[f"{m} {p}" for m, p in OPERATIONS])
def test_operation_never_fails_the_contract(target: FuzzTarget, method: str, path: str) -> None:
    operation = DOCUMENT["paths"][path][method]

    @settings(
        max_examples=12,
        deadline=None,
        derandomize=True,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
    )
    @given(data=st.data())
    def check(data: st.DataObject) -> None:
        url = path.removeprefix("/api/v1")
        for parameter in _parameters(operation, "path"):
            value = data.draw(_path_value(target, parameter["name"]), label=parameter["name"])
            url = url.replace("{" + parameter["name"] + "}", quote(value, safe=""))
        query = {}
        for parameter in _parameters(operation, "query"):
            if data.draw(st.booleans(), label=f"send {parameter['name']}"):
                value = data.draw(RESOLVER.strategy(parameter["schema"]), label=parameter["name"])
                if value is not None and not isinstance(value, dict | list):
                    query[parameter["name"]] = (
                        str(value).lower() if isinstance(value, bool) else str(value)
                    )
        headers = {}
        if operation.get("security"):
            token = target.login(HEAVY) if path.endswith("/auth/logout") else target.token
            choice = data.draw(st.sampled_from(["good"] * 8 + ["none", "garbage"]), label="auth")
            if choice == "good":
                headers["Authorization"] = f"Bearer {token}"
            elif choice == "garbage":
                headers["Authorization"] = "Bearer " + data.draw(
                    st.text(KEY_ALPHABET, min_size=1, max_size=20)
                )
        if _parameters(operation, "header") and data.draw(st.integers(0, 9), label="key?") > 0:
            headers["Idempotency-Key"] = data.draw(st.text(KEY_ALPHABET, min_size=1, max_size=40))
        body = None
        if "requestBody" in operation:
            schema = operation["requestBody"]["content"]["application/json"]["schema"]
            body = data.draw(RESOLVER.strategy(schema, junk=0.05), label="body")
        content = None
        if body is not None:
            content = json.dumps(body).encode()
            headers["Content-Type"] = "application/json"
        response = target.http.request(
            method.upper(), url, params=query, headers=headers, content=content
        )
        _check_response(operation, response)

    check()


def _check_response(operation: dict[str, Any], response: httpx.Response) -> None:
    where = f"{response.request.method} {response.request.url} -> {response.status_code}"
    assert response.status_code < 500, f"{where}\n{response.text[:500]}"
    documented = operation["responses"].get(str(response.status_code))
    assert documented is not None, f"undocumented status: {where}\n{response.text[:300]}"
    content = documented.get("content", {})
    if not response.content:
        return
    media = response.headers.get("content-type", "").split(";")[0].strip()
    assert media in content, f"{where}: {media} not in {list(content)}"
    schema = content[media].get("schema")
    if schema and "json" in media:
        problems = RESOLVER.errors(response.json(), schema)
        assert not problems, f"{where}: {problems[:5]}\n{response.text[:500]}"


def test_fuzz_checks_can_fail() -> None:
    """The response checks catch a broken answer (a test that cannot fail is a defect)."""
    operation = DOCUMENT["paths"]["/api/v1/me"]["get"]
    request = httpx.Request("GET", "http://127.0.0.1/api/v1/me")
    for bad in (
        httpx.Response(500, json={}, request=request),
        httpx.Response(418, json={}, request=request),
        httpx.Response(200, json={"id": 1}, request=request),
        httpx.Response(200, text="<html>", headers={"content-type": "text/html"}, request=request),
    ):
        with pytest.raises(AssertionError):
            _check_response(operation, bad)
