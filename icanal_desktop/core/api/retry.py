"""When and how long the client waits before trying a request again.

The policy is pure arithmetic over an injectable clock and random source, so tests drive it
with a fake clock: no real sleeping, no flaky timing.

Rules (API.md, issue 4):
- retried: network errors, 408, 429 and 5xx;
- never retried: any other 4xx (400/401/403/404/409/422...): the same request would get
  the same answer;
- a request that is not safe to repeat (anything but GET/HEAD) is retried only when it
  carries an `Idempotency-Key`; the key is part of the request, so every retry of one user
  action sends the same key and the server replays instead of acting twice;
- waits grow exponentially with full jitter and are capped; a `Retry-After` is honoured
  but bounded: a server asking for longer than `max_retry_after` is not waited for, the
  caller gets the error with the wait instead (e.g. an account locked for 15 minutes).
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Protocol

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
IDEMPOTENCY_HEADER = "Idempotency-Key"


class Clock(Protocol):
    def sleep(self, seconds: float) -> None: ...

    def monotonic(self) -> float: ...


class SystemClock:
    def sleep(self, seconds: float) -> None:
        time.sleep(seconds)

    def monotonic(self) -> float:
        return time.monotonic()


@dataclass(frozen=True)
class RetryPolicy:
    max_attempts: int = 4  # the first try included
    base_delay: float = 0.25
    max_delay: float = 4.0
    max_retry_after: float = 10.0
    # A whole request, waits included, never takes longer than this before giving up.
    max_total_wait: float = 20.0

    @staticmethod
    def retryable_status(status: int) -> bool:
        return status in (408, 429) or 500 <= status <= 599

    @staticmethod
    def may_repeat(method: str, headers: Mapping[str, str]) -> bool:
        """Whether sending this request twice cannot do the thing twice."""
        if method.upper() in SAFE_METHODS:
            return True
        return any(k.lower() == IDEMPOTENCY_HEADER.lower() and v for k, v in headers.items())

    def backoff(self, attempt: int, rand: Callable[[], float]) -> float:
        """Full jitter: uniform in [0, min(cap, base * 2**attempt)]; attempt 0 = first retry."""
        ceiling: float = min(self.max_delay, self.base_delay * (2.0**attempt))
        return ceiling * rand()

    def delay(
        self, attempt: int, retry_after: float | None, rand: Callable[[], float]
    ) -> float | None:
        """Seconds to wait before retry number `attempt` (0-based), or None: do not retry."""
        if attempt + 1 >= self.max_attempts:
            return None
        wait = self.backoff(attempt, rand)
        if retry_after is not None:
            if retry_after > self.max_retry_after:
                return None
            # Never earlier than the server asked; a little jitter on top spreads clients.
            wait = retry_after + min(wait, self.base_delay)
        return wait


NO_RETRY = RetryPolicy(max_attempts=1)


class Retrier:
    """Keeps the state of one request's attempts: how many, and how long was waited."""

    def __init__(
        self,
        policy: RetryPolicy,
        clock: Clock,
        rand: Callable[[], float] = random.random,
    ) -> None:
        self.policy = policy
        self.clock = clock
        self.rand = rand
        self.attempt = 0
        self.waited = 0.0

    def wait_before_retry(self, retry_after: float | None = None) -> bool:
        """Sleeps and returns True when one more attempt is allowed; else returns False."""
        wait = self.policy.delay(self.attempt, retry_after, self.rand)
        if wait is None or self.waited + wait > self.policy.max_total_wait:
            return False
        self.clock.sleep(wait)
        self.waited += wait
        self.attempt += 1
        return True
