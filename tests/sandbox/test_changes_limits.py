"""GET /changes at its limits: 500 records an answer, states it cannot answer (410), states
that are not states (400), a pruned history, and every table a client sees is logged."""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.sandbox.changes_tools import (
    advance_days,
    changed,
    changes,
    decode,
    encode,
    open_ticket,
    updated_ids,
)
from tests.sandbox.conftest import DEMO, Api, ServerProcess, assert_problem

SCALE = ("scale@icanal.example", "Scale-2026!", "10000004")
NO_LIMITS = ("--rate-limit-address", "1000000", "--rate-limit-account", "1000000")
# Tables the client never sees (sessions, keys, the outbox, the log itself).
UNSEEN = {
    "idempotency_keys", "login_failures", "token_families", "access_tokens", "refresh_tokens",
    "password_resets", "outbox", "vault_cards", "change_log", "meta",
}  # fmt: skip


def _expired(response: Any) -> None:
    body = assert_problem(response, 410)
    assert body["type"].endswith("/changes-state-expired")
    assert "sync in full" in body["detail"]


def test_more_than_500_changed_records_come_in_two_answers(
    launcher: Callable[..., ServerProcess], clients: Callable[..., Api]
) -> None:
    demo = clients(launcher(*NO_LIMITS))
    demo.login(DEMO[0], DEMO[1])
    state = changes(demo)["state"]
    made = [open_ticket(demo, f"Question {n}")["id"] for n in range(501)]
    first = changes(demo, state)
    assert first["more"] is True
    assert changed(first) == {"tickets"}
    assert updated_ids(first, "tickets") == made[:500]  # the first ones, in order
    second = changes(demo, first["state"])
    assert second["more"] is False
    assert updated_ids(second, "tickets") == made[500:]
    assert changed(changes(demo, second["state"])) == set()


def test_a_change_of_date_over_500_subscriptions_comes_in_two_answers(
    launcher: Callable[..., ServerProcess], clients: Callable[..., Api]
) -> None:
    # 60,001 bills make 501 contracts of ten years each.
    scale = clients(launcher("--scale-bills", "60001", *NO_LIMITS))
    scale.login(SCALE[0], SCALE[1])
    subscriptions: list[str] = []
    cursor: str | None = None
    while True:
        page = scale.get(
            "/subscriptions", params={"limit": 200, **({"cursor": cursor} if cursor else {})}
        )
        subscriptions += [s["id"] for s in page.json()["items"]]
        cursor = page.json()["next_cursor"]
        if cursor is None:
            break
    assert len(subscriptions) == 501
    state = changes(scale)["state"]
    advance_days(scale, 1, SCALE)
    first = changes(scale, state)
    assert first["more"] is True
    assert len(updated_ids(first, "subscriptions")) == 500
    assert "plans" in first["catalog"]
    second = changes(scale, first["state"])
    assert second["more"] is False
    reported = updated_ids(first, "subscriptions") + updated_ids(second, "subscriptions")
    assert sorted(reported) == sorted(subscriptions)
    assert changed(changes(scale, second["state"])) == set()


def test_an_expired_history_answers_410_and_a_new_state_works(
    fresh_server: ServerProcess, clients: Callable[..., Api]
) -> None:
    demo = clients(fresh_server)
    demo.login(DEMO[0], DEMO[1])
    unchanged = changes(demo)["state"]
    assert demo.patch("/me", {"first_name": "Camilla"}).status_code == 200
    older = changes(demo, unchanged)["state"]
    expired = demo.post("/sandbox/changes/expire")
    assert expired.status_code == 204
    assert expired.content == b""
    for state in (unchanged, older):  # even one with nothing after it
        _expired(demo.get("/changes", params={"since": state}))
    fresh = changes(demo)["state"]
    assert changed(changes(demo, fresh)) == set()
    assert demo.patch("/me", {"first_name": "Camille"}).status_code == 200
    assert changed(changes(demo, fresh)) == {"profile"}


def test_a_pruned_history_answers_410(
    launcher: Callable[..., ServerProcess], clients: Callable[..., Api]
) -> None:
    demo = clients(launcher("--changes-retention-entries", "3"))
    demo.login(DEMO[0], DEMO[1])
    old = changes(demo)["state"]
    for name in ("Anne", "Béa", "Carla", "Dora", "Emma"):
        assert demo.patch("/me", {"first_name": name}).status_code == 200
        recent = changes(demo)["state"]
    _expired(demo.get("/changes", params={"since": old}))
    assert changed(changes(demo, recent)) == set()
    assert demo.patch("/me", {"first_name": "Camille"}).status_code == 200
    assert changed(changes(demo, recent)) == {"profile"}


def _forged(demo: Api) -> dict[str, Any]:
    return decode(changes(demo)["state"])


def test_states_it_cannot_answer_are_410(demo: Api) -> None:
    real = _forged(demo)
    for forged in (
        {**real, "epoch": "0123456789abcdef"},
        {**real, "seq": real["seq"] + 1_000_000},
        {**real, "seq": 10**40},
        {**real, "seq": -1},
        {**real, "seq": -(10**40)},
    ):
        _expired(demo.get("/changes", params={"since": encode(forged)}))


@pytest.mark.parametrize(
    "since",
    [
        "", "garbage", "%%%", "A" * 5000, encode("a string"), encode([1, 2]), encode(None),
        encode({"epoch": "x"}), encode({"epoch": 5, "seq": 0, "date": "2026-01-01"}),
        encode("[" * 600),
    ],
    ids=["empty", "garbage", "percent", "long", "string", "list", "null", "partial",
         "epoch-int", "deep"],
)  # fmt: skip
def test_garbage_since_is_a_400_on_since(demo: Api, since: str) -> None:
    body = assert_problem(demo.get("/changes", params={"since": since}), 400)
    assert body["errors"][0]["field"] == "since"


@pytest.mark.parametrize(
    "change",
    [
        {"seq": "1"}, {"seq": True}, {"seq": 1.5}, {"seq": None}, {"date": "2026-13-45"},
        {"date": "9999-12-31"}, {"date": 20260101}, {"date": None},
        {"target": "2026-01-01", "after": [9, "", "x"]}, {"target": "soon"},
    ],
)  # fmt: skip
def test_a_state_with_a_wrong_field_is_a_400(demo: Api, change: dict[str, Any]) -> None:
    forged = encode({**_forged(demo), **change})
    body = assert_problem(demo.get("/changes", params={"since": forged}), 400)
    assert body["errors"][0]["field"] == "since"


def _written_tables(root: Path) -> set[str]:
    pattern = re.compile(r"(?:INSERT(?: OR \w+)? INTO|UPDATE|DELETE FROM)\s+(\w+)")
    return {
        match.group(1)
        for path in root.rglob("*.py")
        if path.name != "triggers.py"  # the triggers themselves ("AFTER UPDATE OF ...")
        for match in pattern.finditer(path.read_text(encoding="utf-8"))
    }


def test_every_table_a_client_sees_is_logged(server: ServerProcess) -> None:
    written = _written_tables(Path(__file__).resolve().parents[2] / "icanal_sandbox")
    assert {"bills", "payments", "tickets", "accounts"} <= written  # the scan finds writes
    with sqlite3.connect(server.db) as conn:
        logged = {
            str(row[0])
            for row in conn.execute("SELECT tbl_name FROM sqlite_master WHERE type = 'trigger'")
        }
    assert written - logged - UNSEEN == set()
    assert "accounts" in logged  # its profile columns, not the password hash
