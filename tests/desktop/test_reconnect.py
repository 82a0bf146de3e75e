from __future__ import annotations

from icanal_desktop.core.reconnect import ReconnectSchedule


def test_delays_grow_then_stay_at_the_cap() -> None:
    schedule = ReconnectSchedule((1, 10, 100), rand=lambda: 0.5)
    assert [schedule.next_delay() for _ in range(5)] == [1, 10, 100, 100, 100]
    schedule.reset()
    assert schedule.next_delay() == 1


def test_jitter_stays_within_twenty_percent() -> None:
    low = ReconnectSchedule((10,), rand=lambda: 0.0).next_delay()
    high = ReconnectSchedule((10,), rand=lambda: 0.999999).next_delay()
    assert low == 8
    assert 11.99 < high <= 12
