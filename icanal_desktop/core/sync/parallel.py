"""A few requests at once, on daemon threads: quitting the app never waits for a slow
server (concurrent.futures' threads would be joined at exit, each up to its timeout)."""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable, Iterable, Iterator
from typing import Generic, TypeVar

T = TypeVar("T")
R = TypeVar("R")


class Done(Generic[T, R]):
    """One item's outcome: its result, or the exception it raised."""

    __slots__ = ("error", "item", "result")

    def __init__(self, item: T, result: R | None, error: Exception | None) -> None:
        self.item, self.result, self.error = item, result, error


def run_parallel(
    items: Iterable[T],
    work: Callable[[T], R],
    workers: int,
    stop: threading.Event,
    name: str = "icanal-parallel",
) -> Iterator[Done[T, R]]:
    """Runs `work` on the items, in their order, at most `workers` at once; yields each
    outcome as it finishes. Once `stop` is set, items not started are never started."""
    todo: queue.SimpleQueue[T] = queue.SimpleQueue()
    for item in items:
        todo.put(item)
    outcomes: queue.SimpleQueue[Done[T, R] | None] = queue.SimpleQueue()

    def loop() -> None:
        try:
            while not stop.is_set():
                try:
                    item = todo.get_nowait()
                except queue.Empty:
                    return
                try:
                    outcomes.put(Done(item, work(item), None))
                except Exception as exc:  # handed to the caller, who knows what it means
                    outcomes.put(Done(item, None, exc))
        finally:
            outcomes.put(None)  # this worker is done

    count = max(1, workers)
    for index in range(count):
        threading.Thread(target=loop, name=f"{name}-{index}", daemon=True).start()
    running = count
    while running:
        outcome = outcomes.get()
        if outcome is None:
            running -= 1
        else:
            yield outcome
