"""The server's notion of "now", which the sandbox can move forward for tests of expiry."""

from __future__ import annotations

import threading
from datetime import UTC, date, datetime, timedelta


class Clock:
    """Wall-clock time plus an offset that only ever grows (see POST /sandbox/clock)."""

    def __init__(self) -> None:
        self._offset = timedelta()
        self._lock = threading.Lock()

    def now(self) -> datetime:
        with self._lock:
            offset = self._offset
        return datetime.now(UTC) + offset

    def today(self) -> date:
        return self.now().date()

    def advance(self, seconds: int) -> datetime:
        with self._lock:
            self._offset += timedelta(seconds=seconds)
        return self.now()


def iso_z(moment: datetime) -> str:
    """A UTC datetime as ISO 8601 with a `Z`, to the second."""
    return moment.astimezone(UTC).replace(microsecond=0).strftime("%Y-%m-%dT%H:%M:%SZ")


def parse_iso_z(text: str) -> datetime:
    return datetime.strptime(text, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)
