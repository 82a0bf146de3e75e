"""When to try the server again after losing it: soon at first, then less and less often."""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence

DEFAULT_DELAYS = (5.0, 15.0, 30.0, 60.0, 120.0, 300.0)


class ReconnectSchedule:
    """Delays before each new attempt, with ±20 % jitter so that many clients that lost the
    same server do not all come back in the same second."""

    def __init__(
        self,
        delays: Sequence[float] = DEFAULT_DELAYS,
        rand: Callable[[], float] = random.random,
    ) -> None:
        self._delays = tuple(delays)
        self._rand = rand
        self.attempt = 0

    def next_delay(self) -> float:
        base = self._delays[min(self.attempt, len(self._delays) - 1)]
        self.attempt += 1
        return base * (0.8 + 0.4 * self._rand())

    def reset(self) -> None:
        self.attempt = 0
