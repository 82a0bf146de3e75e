"""The task bridge: work off the GUI thread, results back on it, no double sends, no
callbacks into deleted widgets or after cancellation."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QObject, QThread
from pytestqt.qtbot import QtBot

from icanal_desktop.gui.tasks import TaskHandle, TaskRunner


@pytest.fixture
def runner(qtbot: QtBot) -> Iterator[TaskRunner]:
    tasks = TaskRunner()
    yield tasks
    tasks.shutdown()


def test_work_runs_off_the_gui_thread_and_result_comes_back_on_it(
    qtbot: QtBot, runner: TaskRunner
) -> None:
    gui_thread = QThread.currentThread()
    seen: dict[str, object] = {}

    def work(_: TaskHandle) -> str:
        seen["worker"] = threading.current_thread().name
        return "done"

    def on_done(result: str) -> None:
        seen["result"] = result
        seen["on_gui_thread"] = QThread.currentThread() is gui_thread

    runner.run(work, on_done)
    qtbot.waitUntil(lambda: "result" in seen)
    assert seen["result"] == "done"
    assert seen["on_gui_thread"] is True
    assert str(seen["worker"]).startswith("icanal-worker")


def test_errors_come_back_as_exceptions(qtbot: QtBot, runner: TaskRunner) -> None:
    errors: list[Exception] = []

    def work(_: TaskHandle) -> None:
        raise ValueError("boom")

    runner.run(work, lambda _: None, errors.append)
    qtbot.waitUntil(lambda: bool(errors))
    assert isinstance(errors[0], ValueError)


def test_same_key_while_running_does_not_start_twice(qtbot: QtBot, runner: TaskRunner) -> None:
    release = threading.Event()
    calls: list[int] = []
    results: list[int] = []

    def work(_: TaskHandle) -> int:
        calls.append(1)
        release.wait(5)
        return len(calls)

    first = runner.run(work, results.append, key="pay-bill-1")
    second = runner.run(work, results.append, key="pay-bill-1")
    assert first is second
    assert runner.is_running("pay-bill-1")
    release.set()
    qtbot.waitUntil(lambda: bool(results))
    assert calls == [1]
    assert not runner.is_running("pay-bill-1")


def test_cancelled_task_never_calls_back(qtbot: QtBot, runner: TaskRunner) -> None:
    release = threading.Event()
    results: list[str] = []
    handle = runner.run(lambda _: "late" if release.wait(5) else "", results.append)
    handle.cancel()
    release.set()
    assert handle.finished.wait(5)
    qtbot.wait(50)  # let the queued delivery run, if it (wrongly) were to
    assert results == []


def test_no_callback_into_a_deleted_owner(qtbot: QtBot, runner: TaskRunner) -> None:
    release = threading.Event()
    results: list[str] = []
    owner = QObject()
    handle = runner.run(lambda _: "late" if release.wait(5) else "", results.append, owner=owner)
    owner.deleteLater()
    qtbot.waitUntil(lambda: not _alive(owner))
    release.set()
    assert handle.finished.wait(5)
    qtbot.wait(50)
    assert results == []


def test_cache_writes_run_one_at_a_time(qtbot: QtBot, runner: TaskRunner) -> None:
    active = 0
    most = 0
    lock = threading.Lock()
    done: list[int] = []

    def write(_: TaskHandle) -> int:
        nonlocal active, most
        with lock:
            active += 1
            most = max(most, active)
        threading.Event().wait(0.02)
        with lock:
            active -= 1
        return 1

    for _ in range(5):
        runner.run(write, done.append, writes_cache=True)
    qtbot.waitUntil(lambda: len(done) == 5)
    assert most == 1


def _alive(obj: QObject) -> bool:
    import shiboken6

    return bool(shiboken6.isValid(obj))


def test_quitting_with_work_in_flight_is_prompt_and_silent(qtbot: QtBot) -> None:
    runner = TaskRunner()
    release = threading.Event()
    running = threading.Semaphore(0)
    results: list[str] = []

    def slow_request(_: TaskHandle) -> str:
        running.release()
        return "late" if release.wait(30) else ""

    handles = [
        runner.run(slow_request, results.append),
        runner.run(slow_request, results.append, writes_cache=True),
    ]
    assert running.acquire(timeout=5)
    assert running.acquire(timeout=5)  # both are inside their "request"
    runner.shutdown(wait_seconds=0.2)
    # Returned while both "requests" are still blocked: it did not wait for them.
    assert not any(h.finished.is_set() for h in handles)
    release.set()
    assert all(h.finished.wait(5) for h in handles)
    qtbot.wait(50)
    assert results == []
    after = runner.run(lambda _: "x", results.append)
    assert after.cancelled
