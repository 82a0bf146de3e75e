"""Operations: one idempotency key per user action until its outcome is known, answers on
the GUI thread as a typed value or a Problem, nothing into a closed dialog, and every error
worded by one place (gui/problems.py) with whether a retry must be the same request."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from PySide6.QtCore import QObject, QThread
from pytestqt.qtbot import QtBot

from icanal_desktop.core.actions import Outcome
from icanal_desktop.core.domain.reports import SyncReport
from icanal_desktop.core.errors import (
    ConflictError,
    FieldError,
    InvalidCredentialsError,
    MalformedResponseError,
    OfflineError,
    RateLimitedError,
    RequestValidationError,
    ServerError,
)
from icanal_desktop.gui.operations import OperationRunner, Request
from icanal_desktop.gui.operations.keys import IdempotencyKeys
from icanal_desktop.gui.problems import Problem, ProblemKind, problem_from
from icanal_desktop.gui.tasks import TaskRunner


class FakeAccount:
    """The session's side of the runner, without a server: the requests below do not use
    the client or the cache."""

    def __init__(self) -> None:
        self.open = True
        self.refreshed: list[list[str]] = []
        self.failures: list[Problem] = []

    def work_context(self) -> tuple[object, Callable[[], tuple[Any, Any]]] | None:
        return (self, lambda: (None, None)) if self.open else None

    def is_current(self, account: object) -> bool:
        return account is self and self.open

    def after_action(self, account: object, refreshed: list[str]) -> None:
        self.refreshed.append(refreshed)

    def after_failure(self, account: object, problem: Problem) -> None:
        self.failures.append(problem)

    def public_client(self) -> Any:
        raise AssertionError("not used here")


@pytest.fixture
def ops(qtbot: QtBot) -> Iterator[tuple[OperationRunner, FakeAccount]]:
    tasks = TaskRunner()
    account = FakeAccount()
    yield OperationRunner(account, tasks), account
    tasks.shutdown()


def scripted(answers: list[Exception | str], keys: list[str], refreshed: tuple[str, ...] = ()):
    """A request whose attempts raise or return the next answer, noting each key sent."""

    def perform(_client: Any, _cache: Any, key: str) -> Outcome[str]:
        keys.append(key)
        answer = answers.pop(0)
        if isinstance(answer, Exception):
            raise answer
        return Outcome(answer, SyncReport(fetched=list(refreshed)))

    return perform


def run(qtbot: QtBot, runner: OperationRunner, request: Request[str]) -> Any:
    """Starts the request and waits for its answer: the value or the Problem."""
    got: list[Any] = []
    runner.start(request, got.append, got.append)
    qtbot.waitUntil(lambda: bool(got))
    return got[0]


def test_a_lost_answer_is_retried_with_the_same_key_and_a_known_outcome_frees_it(
    qtbot: QtBot, ops: tuple[OperationRunner, FakeAccount]
) -> None:
    runner, _ = ops
    keys: list[str] = []
    answers: list[Exception | str] = [OfflineError("dropped"), ServerError("bad gateway", 502)]
    answers += ["paid", "paid again"]
    pay = Request("pay-bill", ("B-1",), scripted(answers, keys))

    first = run(qtbot, runner, pay)
    assert isinstance(first, Problem)
    assert first.uncertain
    assert first.kind is ProblemKind.OFFLINE
    second = run(qtbot, runner, pay)
    assert isinstance(second, Problem)
    assert second.uncertain
    assert second.kind is ProblemKind.SERVER
    assert run(qtbot, runner, pay) == "paid"
    assert keys[0] == keys[1] == keys[2]  # the server replays, it never charges twice
    assert run(qtbot, runner, pay) == "paid again"
    assert keys[3] != keys[0]  # done: paying again is a new action


def test_a_refusal_frees_the_key_and_another_target_has_its_own(
    qtbot: QtBot, ops: tuple[OperationRunner, FakeAccount]
) -> None:
    runner, account = ops
    keys: list[str] = []
    refused = ConflictError("already paid", "bill-already-paid")
    perform = scripted([refused, "ok", "ok"], keys)
    problem = run(qtbot, runner, Request("pay-bill", ("B-1",), perform))
    assert isinstance(problem, Problem)
    assert (problem.kind, problem.reason, problem.uncertain) == (
        ProblemKind.REFUSED,
        "bill-already-paid",
        False,
    )
    assert account.failures == [problem]
    run(qtbot, runner, Request("pay-bill", ("B-1",), perform))
    run(qtbot, runner, Request("pay-bill", ("B-2",), perform))
    assert len(set(keys)) == 3


def test_the_value_comes_back_on_the_gui_thread_and_the_refresh_is_told(
    qtbot: QtBot, ops: tuple[OperationRunner, FakeAccount]
) -> None:
    runner, account = ops
    gui = QThread.currentThread()
    worker: list[str] = []
    seen: list[bool] = []

    def perform(_client: Any, _cache: Any, _key: str) -> Outcome[str]:
        worker.append(threading.current_thread().name)
        return Outcome("done", SyncReport(fetched=["bills", "payments"]))

    with qtbot.waitSignal(runner.finished) as finished:
        runner.start(
            Request("x", (), perform), lambda _: seen.append(QThread.currentThread() is gui)
        )
    assert finished.args == ["x", "done"]
    assert seen == [True]
    assert worker
    assert worker[0].startswith("icanal-cache-writer")
    assert account.refreshed == [["bills", "payments"]]


def test_the_same_action_is_not_sent_twice_while_it_runs(
    qtbot: QtBot, ops: tuple[OperationRunner, FakeAccount]
) -> None:
    runner, _ = ops
    gate = threading.Event()
    calls: list[str] = []

    def perform(_client: Any, _cache: Any, key: str) -> Outcome[str]:
        calls.append(key)
        gate.wait(10)
        return Outcome("ok", SyncReport())

    request = Request("remove-payment-method", ("M-1",), perform)
    runner.start(request)
    runner.start(request)  # a double click
    assert runner.is_running(request)
    assert runner.is_running("remove-payment-method:M-1")
    gate.set()
    qtbot.waitUntil(lambda: not runner.is_running(request))
    assert len(calls) == 1


def test_a_closed_dialog_gets_no_answer_but_the_action_still_counts(
    qtbot: QtBot, ops: tuple[OperationRunner, FakeAccount]
) -> None:
    runner, account = ops
    gate = threading.Event()
    dialog = QObject()
    answered: list[object] = []

    def perform(_client: Any, _cache: Any, _key: str) -> Outcome[str]:
        gate.wait(10)
        return Outcome("ok", SyncReport(fetched=["tickets"]))

    runner.start(Request("new-ticket", ("t",), perform), answered.append, owner=dialog)
    dialog.deleteLater()
    qtbot.waitUntil(lambda: not _alive(dialog))
    with qtbot.waitSignal(runner.finished):
        gate.set()
    assert answered == []
    assert account.refreshed == [["tickets"]]


def test_nothing_starts_without_an_open_account(ops: tuple[OperationRunner, FakeAccount]) -> None:
    runner, account = ops
    account.open = False
    assert runner.start(Request("x", (), scripted(["ok"], []))) is None


def test_keys_are_kept_only_while_an_outcome_is_unknown() -> None:
    keys = IdempotencyKeys()
    first = keys.key_for("cancel:S-1")
    assert keys.key_for("cancel:S-1") == first
    keys.settle("cancel:S-1", uncertain=True)
    assert keys.pending("cancel:S-1")
    assert keys.key_for("cancel:S-1") == first
    keys.settle("cancel:S-1", uncertain=False)
    assert not keys.pending("cancel:S-1")
    assert keys.key_for("cancel:S-1") != first


@pytest.mark.parametrize(
    ("error", "kind", "uncertain"),
    [
        (OfflineError("timeout"), ProblemKind.OFFLINE, True),
        (ServerError("unavailable", 503), ProblemKind.SERVER, True),
        (ServerError("unexpected status", 418), ProblemKind.SERVER, False),
        (MalformedResponseError("payment", "missing field 'id'"), ProblemKind.SERVER, True),
        (ConflictError("busy", "idempotency-key-in-use"), ProblemKind.REFUSED, True),
        (InvalidCredentialsError("no"), ProblemKind.SIGN_IN, False),
        (OSError(28, "No space left on device"), ProblemKind.LOCAL, False),
        (ValueError("a defect"), ProblemKind.UNEXPECTED, False),
    ],
)
def test_every_error_is_a_problem_in_words(
    error: Exception, kind: ProblemKind, uncertain: bool
) -> None:
    problem = problem_from(error)
    assert (problem.kind, problem.uncertain) == (kind, uncertain)
    assert problem.text
    assert type(error).__name__ not in problem.text
    assert problem.error is error


def test_a_problem_names_the_wrong_fields_and_the_wait() -> None:
    invalid = problem_from(
        RequestValidationError("bad", [FieldError("current_password", "Wrong password.")])
    )
    assert invalid.kind is ProblemKind.INVALID
    assert dict(invalid.fields) == {"current_password": "Wrong password."}
    limited = problem_from(RateLimitedError("slow down", 42.0))
    assert (limited.kind, limited.retry_after) == (ProblemKind.RATE_LIMITED, 42.0)
    assert "42" in limited.text
    assert problem_from(InvalidCredentialsError("no")).session_ended


def _alive(obj: QObject) -> bool:
    import shiboken6

    return shiboken6.isValid(obj)
