"""The retry policy, with a fake clock: what is retried, how long it waits, and that one
user action keeps one Idempotency-Key across its retries."""

from __future__ import annotations

import itertools
from collections.abc import Iterator

import pytest

from icanal_desktop.core.api import ApiClient
from icanal_desktop.core.api.retry import Retrier, RetryPolicy
from icanal_desktop.core.domain.records import Tokens
from icanal_desktop.core.errors import (
    ConflictError,
    MalformedResponseError,
    NotFoundError,
    OfflineError,
    RateLimitedError,
    RequestValidationError,
    ServerError,
    SessionExpiredError,
)

from .scripted_server import Answer, FakeClock, ScriptedServer, scripted_server

POLICY = RetryPolicy(
    max_attempts=4, base_delay=0.5, max_delay=3.0, max_retry_after=10.0, max_total_wait=60.0
)


@pytest.fixture
def server() -> Iterator[ScriptedServer]:
    with scripted_server() as running:
        yield running


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


def client_for(server: ScriptedServer, clock: FakeClock, rand: float = 1.0) -> ApiClient:
    client = ApiClient(server.url, retry=POLICY, clock=clock, rand=lambda: rand)
    client._tokens = Tokens("access-1", "refresh-1", 900, "acc_1")
    return client


# -- the policy alone ------------------------------------------------------------------
@pytest.mark.parametrize("attempt", range(6))
def test_backoff_stays_within_its_exponential_cap(attempt: int) -> None:
    ceiling = min(POLICY.max_delay, POLICY.base_delay * 2**attempt)
    for rand in (0.0, 0.3, 0.999, 1.0):
        assert 0.0 <= POLICY.backoff(attempt, itertools.repeat(rand).__next__) <= ceiling
    assert POLICY.backoff(attempt, lambda: 1.0) == ceiling


def test_jitter_spreads_the_waits() -> None:
    values = itertools.cycle([0.1, 0.9])
    waits = {POLICY.backoff(3, lambda: next(values)) for _ in range(4)}
    assert len(waits) == 2


def test_retry_after_is_honoured_but_bounded() -> None:
    assert POLICY.delay(0, 2.0, lambda: 1.0) == pytest.approx(2.0 + POLICY.base_delay)
    assert POLICY.delay(0, 2.0, lambda: 0.0) == pytest.approx(2.0)
    assert POLICY.delay(0, POLICY.max_retry_after + 1, lambda: 0.5) is None


def test_attempts_are_limited() -> None:
    clock = FakeClock()
    retrier = Retrier(POLICY, clock, lambda: 1.0)
    allowed = [retrier.wait_before_retry() for _ in range(6)]
    assert allowed == [True, True, True, False, False, False]
    assert clock.sleeps == [0.5, 1.0, 2.0]


def test_total_wait_is_limited() -> None:
    policy = RetryPolicy(max_attempts=10, base_delay=1.0, max_delay=4.0, max_total_wait=6.0)
    clock = FakeClock()
    retrier = Retrier(policy, clock, lambda: 1.0)
    while retrier.wait_before_retry():
        pass
    assert sum(clock.sleeps) <= 6.0
    assert clock.sleeps == [1.0, 2.0]


@pytest.mark.parametrize(
    ("status", "retried"),
    [
        (408, True),
        (429, True),
        (500, True),
        (502, True),
        (503, True),
        (504, True),
        (400, False),
        (401, False),
        (403, False),
        (404, False),
        (409, False),
        (422, False),
    ],
)
def test_which_statuses_are_retried(status: int, retried: bool) -> None:
    assert RetryPolicy.retryable_status(status) is retried


def test_only_safe_or_keyed_requests_may_repeat() -> None:
    assert RetryPolicy.may_repeat("GET", {})
    assert not RetryPolicy.may_repeat("POST", {})
    assert not RetryPolicy.may_repeat("PATCH", {"Idempotency-Key": ""})
    assert RetryPolicy.may_repeat("POST", {"idempotency-key": "k"})


# -- the client's loop against a scripted server -----------------------------------------
def test_get_is_retried_on_5xx_then_succeeds(server: ScriptedServer, clock: FakeClock) -> None:
    server.script = [Answer.problem(503), Answer.problem(500), Answer.json(200, {"v": 1})]
    got = client_for(server, clock).get_json("thing", "/thing")
    assert got.data == {"v": 1}
    assert len(server.seen) == 3
    assert clock.sleeps == [0.5, 1.0]


def test_gives_up_after_max_attempts_with_a_server_error(
    server: ScriptedServer, clock: FakeClock
) -> None:
    server.default = Answer.problem(503)
    with pytest.raises(ServerError) as caught:
        client_for(server, clock).get_json("thing", "/thing")
    assert caught.value.status == 503
    assert len(server.seen) == POLICY.max_attempts
    assert len(clock.sleeps) == POLICY.max_attempts - 1
    assert all(0 <= wait <= POLICY.max_delay for wait in clock.sleeps)


def test_retry_after_is_respected(server: ScriptedServer, clock: FakeClock) -> None:
    server.script = [Answer.problem(429, Retry_After="3"), Answer.json(200, {})]
    client_for(server, clock, rand=0.0).get_json("thing", "/thing")
    assert clock.sleeps == [3.0]


def test_a_long_retry_after_is_not_waited_for(server: ScriptedServer, clock: FakeClock) -> None:
    server.default = Answer.problem(429, Retry_After="900")
    with pytest.raises(RateLimitedError) as caught:
        client_for(server, clock).get_json("thing", "/thing")
    assert caught.value.retry_after == 900
    assert clock.sleeps == []
    assert len(server.seen) == 1


@pytest.mark.parametrize(
    ("status", "error"),
    [
        (400, RequestValidationError),
        (404, NotFoundError),
        (409, ConflictError),
        (422, RequestValidationError),
    ],
)
def test_client_errors_are_never_retried(
    server: ScriptedServer, clock: FakeClock, status: int, error: type[Exception]
) -> None:
    server.default = Answer.problem(status)
    with pytest.raises(error):
        client_for(server, clock).send_json("POST", "/thing", "thing", {}, idempotency_key="k1")
    assert len(server.seen) == 1
    assert clock.sleeps == []


def test_a_dropped_connection_is_retried_for_a_get(
    server: ScriptedServer, clock: FakeClock
) -> None:
    server.script = [Answer(drop=True), Answer.json(200, {"v": 2})]
    assert client_for(server, clock).get_json("thing", "/thing").data == {"v": 2}
    assert len(clock.sleeps) == 1


def test_a_post_without_key_is_sent_once(server: ScriptedServer, clock: FakeClock) -> None:
    server.default = Answer.problem(503)
    with pytest.raises(ServerError):
        client_for(server, clock).send_json("POST", "/thing", "thing", {"a": 1})
    server.default = Answer(drop=True)
    with pytest.raises(OfflineError):
        client_for(server, clock).send_json("POST", "/thing", "thing", {"a": 1})
    assert [s.method for s in server.seen] == ["POST", "POST"]
    assert clock.sleeps == []


def test_a_keyed_post_is_retried_with_the_same_key(
    server: ScriptedServer, clock: FakeClock
) -> None:
    server.script = [Answer(drop=True), Answer.problem(502), Answer.json(201, {"id": "pay_1"})]
    client = client_for(server, clock)
    assert client.send_json("POST", "/pay", "payment", {"m": "pm"}, idempotency_key="key-7") == {
        "id": "pay_1"
    }
    keys = [s.headers.get("Idempotency-Key") for s in server.seen]
    assert keys == ["key-7", "key-7", "key-7"]
    assert {s.body for s in server.seen} == {b'{"m": "pm"}'}


def test_a_garbled_answer_to_a_get_is_asked_again(server: ScriptedServer, clock: FakeClock) -> None:
    server.script = [Answer(200, b'{"items": [', {"Content-Type": "application/json"})]
    server.default = Answer.json(200, {"items": []})
    assert client_for(server, clock).get_json("bills", "/bills").data == {"items": []}
    server.script = []
    server.default = Answer(200, b"<html>", {"Content-Type": "text/html"})
    with pytest.raises(MalformedResponseError) as caught:
        client_for(server, clock).get_json("bills", "/bills")
    assert caught.value.resource == "bills"


def test_a_401_refreshes_once_and_saves_the_rotated_token(
    server: ScriptedServer, clock: FakeClock
) -> None:
    new_pair = {
        "access_token": "access-2",
        "refresh_token": "refresh-2",
        "expires_in": 900,
        "account_id": "acc_1",
    }
    server.script = [Answer.problem(401), Answer.json(200, new_pair), Answer.json(200, {"v": 3})]
    saved: list[Tokens] = []
    client = client_for(server, clock)
    client.on_tokens_rotated = saved.append
    assert client.get_json("thing", "/thing").data == {"v": 3}
    assert [s.path for s in server.seen] == [
        "/api/v1/thing",
        "/api/v1/auth/refresh",
        "/api/v1/thing",
    ]
    assert server.seen[1].body == b'{"refresh_token": "refresh-1"}'
    assert server.seen[2].headers["Authorization"] == "Bearer access-2"
    assert [t.refresh_token for t in saved] == ["refresh-2"]


def test_a_second_401_means_the_session_is_over(server: ScriptedServer, clock: FakeClock) -> None:
    server.script = [Answer.problem(401), Answer.problem(401)]
    client = client_for(server, clock)
    with pytest.raises(SessionExpiredError):
        client.get_json("thing", "/thing")
    assert len(server.seen) == 2  # the GET, then one refresh that failed: no loop
    assert client.tokens is None


def test_a_refresh_is_never_retried(server: ScriptedServer, clock: FakeClock) -> None:
    server.script = [Answer.problem(401), Answer(drop=True)]
    with pytest.raises(OfflineError):
        client_for(server, clock).get_json("thing", "/thing")
    assert [s.path for s in server.seen] == ["/api/v1/thing", "/api/v1/auth/refresh"]


def test_closing_the_client_ends_a_retry_wait(server: ScriptedServer) -> None:
    import threading

    server.default = Answer.problem(503, Retry_After="9")
    client = ApiClient(server.url, retry=POLICY)
    outcome: list[BaseException] = []

    def fetch() -> None:
        try:
            client.get_json("thing", "/thing")
        except BaseException as exc:
            outcome.append(exc)

    worker = threading.Thread(target=fetch)
    worker.start()
    while not server.seen:
        threading.Event().wait(0.01)
    client.close()
    worker.join(timeout=30)  # a guard against a hang, not a timing assertion
    assert not worker.is_alive()
    assert len(outcome) == 1
    assert isinstance(outcome[0], OfflineError)
    assert len(server.seen) == 1  # no retry after the close
