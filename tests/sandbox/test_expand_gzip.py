"""`?expand=` on the bill and ticket lists, and gzip of JSON answers (never of PDFs)."""

from __future__ import annotations

import gzip
from collections.abc import Callable
from dataclasses import dataclass

import httpx
import pytest

from tests.sandbox.conftest import HEAVY, Api, ServerProcess, assert_problem

BILL_FIELDS = {
    "id", "number", "subscription_id", "period_start", "period_end", "issue_date", "due_date",
    "total_excl_tax", "tax", "total", "amount_due", "status",
}  # fmt: skip
TICKET_FIELDS = {
    "id", "number", "category", "subject", "status", "bill_id", "created_at", "updated_at",
    "message_count",
}  # fmt: skip


@pytest.fixture
def heavy(server: ServerProcess, clients: Callable[..., Api]) -> Api:
    api = clients(server)
    api.login(HEAVY[0], HEAVY[1])
    return api


def test_expand_details_gives_each_bills_detail(heavy: Api) -> None:
    plain = heavy.get("/bills", params={"limit": 25}).json()
    expanded = heavy.get("/bills", params={"limit": 25, "expand": "details"}).json()
    assert [b["id"] for b in expanded["items"]] == [b["id"] for b in plain["items"]]
    assert expanded["next_cursor"] == plain["next_cursor"]
    for item in expanded["items"]:
        assert item == heavy.get(f"/bills/{item['id']}").json()
    assert any(item["payments"] for item in expanded["items"])
    after = {"limit": 25, "expand": "details", "cursor": expanded["next_cursor"]}
    second = heavy.get("/bills", params=after).json()["items"]
    assert second[0] == heavy.get(f"/bills/{second[0]['id']}").json()


def test_expand_messages_gives_each_tickets_thread(heavy: Api) -> None:
    page = heavy.get("/support/tickets", params={"limit": 20, "expand": "messages"}).json()
    assert len(page["items"]) == 20
    for item in page["items"]:
        assert item == heavy.get(f"/support/tickets/{item['id']}").json()
        assert len(item["messages"]) == item["message_count"]


def test_without_expand_the_items_are_the_plain_ones(heavy: Api) -> None:
    bills = heavy.get("/bills").json()["items"]
    assert all(set(b) == BILL_FIELDS for b in bills)
    tickets = heavy.get("/support/tickets").json()["items"]
    assert all(set(t) == TICKET_FIELDS for t in tickets)


@pytest.mark.parametrize(
    ("path", "value"),
    [
        ("/bills", "lines"), ("/bills", "DETAILS"), ("/bills", ""), ("/bills", "messages"),
        ("/support/tickets", "details"), ("/support/tickets", "thread"),
    ],
)  # fmt: skip
def test_any_other_expand_is_422(heavy: Api, path: str, value: str) -> None:
    body = assert_problem(heavy.get(path, params={"expand": value}), 422)
    assert body["errors"][0]["field"] == "expand"


@dataclass(frozen=True)
class Wire:
    """An answer as it came on the wire: the body not decoded."""

    status_code: int
    headers: httpx.Headers
    raw: bytes


def _raw(api: Api, path: str, encoding: str, etag: str | None = None) -> Wire:
    headers = {"Accept-Encoding": encoding, **({"If-None-Match": etag} if etag else {})}
    request = api.http.build_request("GET", path, headers=api.headers(headers))
    response = api.http.send(request, stream=True)
    try:
        return Wire(response.status_code, response.headers, b"".join(response.iter_raw()))
    finally:
        response.close()


def test_a_big_json_list_is_gzip_with_a_weak_etag_and_304s_either_way(heavy: Api) -> None:
    path = "/payments?limit=200"
    zipped = _raw(heavy, path, "gzip, deflate")
    assert zipped.status_code == 200
    assert zipped.headers["content-encoding"] == "gzip"
    assert "accept-encoding" in zipped.headers["vary"].lower()
    weak = zipped.headers["etag"]
    assert weak.startswith('W/"')
    plain = _raw(heavy, path, "identity")
    assert "content-encoding" not in plain.headers
    assert plain.headers["etag"] == weak.removeprefix("W/")  # the same resource, strong
    assert "accept-encoding" in plain.headers["vary"].lower()
    assert gzip.decompress(zipped.raw) == plain.raw
    assert len(zipped.raw) < len(plain.raw) / 3
    assert int(zipped.headers["content-length"]) == len(zipped.raw)
    for encoding, etag, expected in (
        ("gzip", weak, weak),
        ("identity", weak, plain.headers["etag"]),
        ("gzip", plain.headers["etag"], weak),
        ("identity", plain.headers["etag"], plain.headers["etag"]),
    ):
        again = _raw(heavy, path, encoding, etag)
        assert again.status_code == 304, (encoding, etag)
        assert again.headers["etag"] == expected
        assert again.raw == b""


@pytest.mark.parametrize(
    ("encoding", "compressed"),
    [("gzip", True), ("*", True), ("br, gzip;q=0.5", True), ("identity", False),
     ("gzip;q=0", False), ("br", False), ("*, gzip;q=0", False), ("", False)],
)  # fmt: skip
def test_gzip_only_when_the_request_accepts_it(heavy: Api, encoding: str, compressed: bool) -> None:
    response = _raw(heavy, "/bills?limit=100", encoding)
    assert response.status_code == 200
    assert (response.headers.get("content-encoding") == "gzip") is compressed


def test_a_small_json_answer_is_not_compressed(heavy: Api) -> None:
    response = _raw(heavy, "/support/contact", "gzip")
    assert len(response.raw) < 1024
    assert "content-encoding" not in response.headers
    assert response.headers["etag"].startswith('"')


def test_pdfs_are_never_compressed(heavy: Api) -> None:
    bill = heavy.get("/bills").json()["items"][0]["id"]
    response = _raw(heavy, f"/bills/{bill}/pdf", "gzip")
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/pdf"
    assert "content-encoding" not in response.headers
    assert response.headers["etag"].startswith('"')
    assert response.raw.startswith(b"%PDF-")


def test_truncated_pdfs_still_truncated_and_json_still_compressed(
    launcher: Callable[..., ServerProcess], clients: Callable[..., Api]
) -> None:
    api = clients(launcher("--faults", "truncate_pdf_rate=1"))
    api.login(HEAVY[0], HEAVY[1])
    bill = api.get("/bills").json()["items"][0]["id"]
    pdf = _raw(api, f"/bills/{bill}/pdf", "gzip")
    assert "content-encoding" not in pdf.headers
    assert pdf.raw.startswith(b"%PDF-")
    assert not pdf.raw.rstrip().endswith(b"%%EOF")
    assert _raw(api, "/bills?limit=100", "gzip").headers["content-encoding"] == "gzip"
